/* The layout of every page in Chinese and in English, at 80×24, 120×40 and
 * 160×48, drawn from the seeded mock city (page_set.h) and checked cell by
 * cell for what must hold in any language (layout_check.h): wide characters
 * whole, every cell as wide as curses counted it, no replacement
 * character, boxes closed, the title, key and status bars on their rows,
 * no word of the UI cut without an ellipsis.
 *
 * One process per language, as for the goldens: `test_zh_layout` draws
 * English, `test_zh_layout zh_CN` Chinese (from the build tree's catalogue;
 * it fails when the catalogue or the locale is missing). GOLDEN_ONLY=TEXT
 * runs only the cases whose name (LANG/PAGE_SIZE) holds TEXT. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "keybar.h"
#include "layout_check.h"
#include "page_set.h"
#include "screen_text.h"
#include "statusbar.h"
#include "test_lang.h"
#include "xalloc.h"

static const struct {
	int cols, rows;
} layout_sizes[] = {{80, 24}, {120, 40}, {160, 48}};
#define SIZE_COUNT (sizeof layout_sizes / sizeof layout_sizes[0])

typedef struct layout_case {
	const page_set_page_t *page;
	int cols, rows;
	char *name; /* LANG/PAGE_COLSxROWS */
} layout_case_t;

static const char *lang; /* NULL: English */

static void use_lang(void)
{
	if (lang)
		test_lang_use(lang);
}

/* What the case being drawn draws (read_layout draws its bars alone). */
static const ui_ctx_t *drawn_ctx;
static const nav_t *drawn_nav;

static char *read_layout(WINDOW *win, bool ascii)
{
	(void)ascii;
	int cols = getmaxx(win);
	WINDOW *keybar = newwin(1, cols, 0, 0), *status = newwin(1, cols, 0, 0);
	if (keybar)
		keybar_draw(keybar, drawn_nav);
	if (status)
		statusbar_draw_nav(status, drawn_ctx, drawn_nav);
	char *findings = keybar && status ? layout_check(win, keybar, status) : NULL;
	if (keybar)
		delwin(keybar);
	if (status)
		delwin(status);
	return findings;
}

static void test_layout(void **state)
{
	const layout_case_t *c = *state;
	nav_t nav;
	ui_ctx_t ctx;
	page_set_prepare(c->page, &nav, &ctx);
	drawn_ctx = &ctx;
	drawn_nav = &nav;
	char *findings = screen_drawn(&ctx, &nav, c->cols, c->rows, read_layout);
	assert_non_null(findings);
	if (findings[0]) {
		fprintf(stderr, "%s:\n%s", c->name, findings);
		free(findings);
		fail_msg("%s: the layout is wrong (above)", c->name);
	}
	free(findings);
}

static int setup(void **state)
{
	(void)state;
	char *po = xasprintf("%s/../po/zh_CN.po", CITYDASH_TEST_DATA);
	bool loaded = layout_words_load(po);
	if (!loaded)
		fprintf(stderr, "cannot read %s (the words a cut label is looked for in)\n", po);
	free(po);
	if (loaded && lang) {
		char *mo = xasprintf("%s/%s/LC_MESSAGES/citydash.mo", CITYDASH_LOCALE_BUILD_DIR, lang);
		loaded = layout_words_load_mo(mo);
		if (!loaded)
			fprintf(stderr, "cannot read the catalogue %s\n", mo);
		free(mo);
	}
	if (!loaded)
		return -1;
	use_lang(); /* fails here, once, without the catalogue or locale */
	screen_text_after_open(use_lang);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	page_set_close();
	layout_words_free();
	return 0;
}

int main(int argc, char **argv)
{
	lang = argc > 1 ? argv[1] : NULL;
	if (lang && strcmp(lang, "zh_CN") != 0) {
		fprintf(stderr, "usage: %s [zh_CN]\n", argv[0]);
		return 2;
	}
	setenv("TZ", "UTC", 1);
	tzset();
	unsetenv("LANGUAGE");
	setenv("XDG_CONFIG_HOME", "/nonexistent/citydash-layout-tests", 1);
	const char *only = getenv("GOLDEN_ONLY");
	layout_case_t *cases = xcalloc(page_set_count * SIZE_COUNT, sizeof *cases);
	struct CMUnitTest *tests = xcalloc(page_set_count * SIZE_COUNT, sizeof *tests);
	size_t n = 0;
	for (size_t p = 0; p < page_set_count; p++)
		for (size_t s = 0; s < SIZE_COUNT; s++) {
			if (page_set_pages[p].state)
				continue; /* the pages themselves; the goldens draw the states */
			layout_case_t *c = &cases[n];
			*c = (layout_case_t){&page_set_pages[p], layout_sizes[s].cols, layout_sizes[s].rows,
			                     NULL};
			c->name = xasprintf("%s/%s_%dx%d", lang ? lang : "en", c->page->name, c->cols,
			                    c->rows);
			if (only && !strstr(c->name, only)) {
				free(c->name);
				continue;
			}
			tests[n] = (struct CMUnitTest){.name = c->name,
			                               .test_func = test_layout,
			                               .initial_state = c};
			n++;
		}
	int failed = _cmocka_run_group_tests(lang ? "zh_layout_zh_CN" : "zh_layout_en", tests, n,
	                                     setup, teardown);
	for (size_t i = 0; i < n; i++)
		free(cases[i].name);
	free(tests);
	free(cases);
	return failed;
}

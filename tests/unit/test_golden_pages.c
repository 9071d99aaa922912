/* Golden screens of every page, in every theme, at 80×24 and 160×48: the
 * whole frame (title, page, status bar) drawn from the seeded mock city
 * (tests/support/city_fixture.h) and read back with snapshot_styled, so a
 * golden holds the text and every cell's colours and attributes.
 *
 * The files are tests/golden/pages/VARIANT/PAGE_SIZE.txt, VARIANT being a
 * theme's name (colour on a 256-colour terminal), "no-color" (the default
 * theme as NO_COLOR draws it: attributes only), "ascii" (the default theme
 * in ASCII glyphs, as LANG=C draws it), "8-colors" or "truecolor" (the
 * default theme on such a terminal), or "zh_CN" (the default theme in
 * Chinese, from the build tree's catalogue). UPDATE_GOLDEN=1 rewrites them
 * (see tests/golden/README.md); GOLDEN_ONLY=TEXT runs only the cases whose
 * name (VARIANT/PAGE_SIZE) holds TEXT.
 *
 * One process draws one language, so English and Chinese never share
 * gettext's caches nor a page's: `test_golden_pages` draws the English
 * variants, `test_golden_pages zh_CN` the Chinese one (two ctests). Without
 * the zh_CN catalogue or locale the Chinese run fails; it never skips.
 *
 * Besides the comparison, checks that hold whatever the goldens say:
 * without colour no cell has a colour pair, every colour theme but mono
 * colours something, and a Chinese screen shows Chinese words of the UI
 * (golden_zh.h), so a golden rewritten without the catalogue fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "golden_dir.h"
#include "golden_zh.h"
#include "page_set.h"
#include "screen_text.h"
#include "theme.h"
#include "vscreen.h"
#include "xalloc.h"

/* ---- how it is drawn: themes, colour, glyphs, sizes, language ---- */

typedef struct golden_variant {
	const char *dir;   /* under tests/golden/pages/ */
	const char *theme; /* for theme_use */
	bool color, ascii;
	bool large;            /* 160×48 as well as 80×24 */
	const char *term;      /* the terminal type */
	const char *colorterm; /* COLORTERM while drawing; NULL: unset */
	const char *lang;      /* the messages' language; NULL: English */
} golden_variant_t;

#define TERM_256 "xterm-256color"
static const golden_variant_t golden_variants[] = {
    {"high-performance", "high-performance", true, false, true, TERM_256, NULL, NULL},
    {"dark", "dark", true, false, true, TERM_256, NULL, NULL},
    {"light", "light", true, false, true, TERM_256, NULL, NULL},
    {"high-contrast", "high-contrast", true, false, true, TERM_256, NULL, NULL},
    {"mono", "mono", true, false, true, TERM_256, NULL, NULL},
    {"no-color", "high-performance", false, false, false, TERM_256, NULL, NULL},
    {"ascii", "high-performance", true, true, false, TERM_256, NULL, NULL},
    /* the default theme where the terminal has 8 colours, or truecolor */
    {"8-colors", "high-performance", true, false, false, "xterm", NULL, NULL},
    {"truecolor", "high-performance", true, false, false, "xterm-direct", "truecolor", NULL},
    /* Chinese, as under LANG=zh_CN.UTF-8 */
    {"zh_CN", "high-performance", true, false, true, TERM_256, NULL, "zh_CN"},
};
#define GOLDEN_VARIANT_COUNT (sizeof golden_variants / sizeof golden_variants[0])

static const struct {
	int cols, rows;
} golden_sizes[] = {{80, 24}, {160, 48}};

typedef struct golden_case {
	const page_set_page_t *page;
	const golden_variant_t *variant;
	int cols, rows;
	char *name; /* VARIANT/PAGE_COLSxROWS, also the golden's path */
} golden_case_t;

/* The source tree's file of theme NAME (themes/NAME.EXT, or themes/NAME),
 * or NULL. Caller frees. */
static char *source_theme_file(const char *name)
{
	char *dir_path = xasprintf("%s/../themes", CITYDASH_TEST_DATA);
	DIR *dir = opendir(dir_path);
	struct dirent *de;
	size_t len = strlen(name);
	char *found = NULL;
	while (!found && dir && (de = readdir(dir)) != NULL)
		if (strncmp(de->d_name, name, len) == 0 &&
		    (de->d_name[len] == '\0' || de->d_name[len] == '.'))
			found = xasprintf("%s/%s", dir_path, de->d_name);
	if (dir)
		closedir(dir);
	free(dir_path);
	return found;
}

/* Chooses the theme: the source tree's file of that name, so the goldens
 * draw the themes of this tree (not an installed or a user's one); by its
 * name when the tree has none. Fails the test, with the cause, if the
 * theme cannot be used. */
static void use_theme(const char *name)
{
	char *path = source_theme_file(name);
	char *cause = NULL;
	if (theme_use(path ? path : name, &cause) != 0)
		fail_msg("theme %s: %s", path ? path : name, cause ? cause : "cannot be used");
	free(cause);
	free(path);
}

/* Every class in the legend of a styled snapshot has colour pair 0. */
static bool legend_uncoloured(const char *styled)
{
	const char *legend = strstr(styled, "\n-- legend");
	assert_non_null(legend);
	for (const char *line = strchr(legend + 1, '\n'); line && line[1]; line = strchr(line + 1, '\n'))
		if (line[1] != '0' || (line[2] >= '0' && line[2] <= '9'))
			return false;
	return true;
}

static void test_golden_page(void **state)
{
	const golden_case_t *c = *state;
	nav_t nav;
	ui_ctx_t ctx;
	page_set_prepare(c->page, &nav, &ctx);
	if (c->variant->colorterm)
		setenv("COLORTERM", c->variant->colorterm, 1);
	use_theme(c->variant->theme);
	char *styled = screen_styled(&ctx, &nav, c->cols, c->rows, c->variant->ascii,
	                             c->variant->color, c->variant->term);
	unsetenv("COLORTERM");
	assert_non_null(styled);
	if (getenv("SHOW_FRAMES"))
		printf("%s\n", styled);
	/* Before the comparison, so that UPDATE_GOLDEN=1 cannot write a
	 * coloured NO_COLOR golden, nor an English screen as Chinese. */
	bool uncoloured = legend_uncoloured(styled);
	if (!c->variant->color && !uncoloured)
		fail_msg("%s: a colour pair without colour (NO_COLOR: attributes only)", c->name);
	if (c->variant->color && strcmp(c->variant->theme, "mono") != 0 && uncoloured)
		fail_msg("%s: theme %s coloured nothing", c->name, c->variant->theme);
	char *why = c->variant->lang ? golden_zh_words(c->page->name, styled, c->rows) : NULL;
	if (why) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s: %s", c->name, why);
		free(why);
		free(styled);
		fail_msg("%s", msg);
	}
	bool same = golden_dir_check("pages", c->name, styled);
	free(styled);
	assert_true(same);
}

/* No file in tests/golden/pages/ that no case compares with: a golden of a
 * page or theme that was renamed or removed would otherwise linger unread. */
static void test_no_stray_goldens(void **state)
{
	const char *const *names = *state;
	size_t count = 0;
	while (names[count])
		count++;
	int strays = golden_dir_strays("pages", names, count);
	if (strays)
		fail_msg("%d golden file(s) no case compares with: remove them (scripts/golden does)",
		         strays);
}

/* A Chinese run: the catalogue and the locale are there (else it fails,
 * saying which is missing), and every screen is drawn in Chinese. */
static int setup_lang(void **state)
{
	(void)state;
	golden_zh_use();
	screen_text_after_open(golden_zh_use);
	return 0;
}

static int teardown_all(void **state)
{
	(void)state;
	page_set_close();
	return 0;
}

/* Whether the case is drawn by the process of language `lang` (NULL:
 * English). */
static bool case_of(const golden_case_t *c, const char *lang)
{
	const char *mine = c->variant->lang;
	return mine == lang || (mine && lang && strcmp(mine, lang) == 0);
}

int main(int argc, char **argv)
{
	/* argv[1]: the language of this run; without it, the English variants */
	const char *lang = argc > 1 ? argv[1] : NULL;
	if (lang && strcmp(lang, "zh_CN") != 0) {
		fprintf(stderr, "usage: %s [zh_CN]\n", argv[0]);
		return 2;
	}
	setenv("TZ", "UTC", 1); /* times of day on screen */
	tzset();
	/* Colour comes from the variant, not from the caller's terminal. */
	unsetenv("NO_COLOR");
	unsetenv("COLORTERM");
	/* Nor from the user's themes: a name a theme file builds on is looked
	 * for in $XDG_CONFIG_HOME/citydash/themes first. */
	setenv("XDG_CONFIG_HOME", "/nonexistent/citydash-golden-tests", 1);
	/* Nor the language from the caller's locale: English unless asked. */
	unsetenv("LANGUAGE");
	const char *only = getenv("GOLDEN_ONLY");
	size_t max = GOLDEN_VARIANT_COUNT * page_set_count * 2 + 1, n = 0, case_count = 0;
	golden_case_t *cases = xcalloc(max, sizeof *cases);
	struct CMUnitTest *tests = xcalloc(max, sizeof *tests);
	for (size_t v = 0; v < GOLDEN_VARIANT_COUNT; v++)
		for (size_t p = 0; p < page_set_count; p++)
			for (size_t s = 0; s < 2; s++) {
				if (s == 1 && !golden_variants[v].large)
					continue;
				/* states in the default theme only, with and without colour */
				if (page_set_pages[p].state && strcmp(golden_variants[v].dir, "high-performance") != 0 &&
				    strcmp(golden_variants[v].dir, "no-color") != 0)
					continue;
				golden_case_t *c = &cases[case_count++];
				*c = (golden_case_t){&page_set_pages[p], &golden_variants[v],
				                     golden_sizes[s].cols, golden_sizes[s].rows, NULL};
				c->name = xasprintf("%s/%s_%dx%d", c->variant->dir, c->page->name, c->cols,
				                    c->rows);
				/* every case is named (for the strays), this language's are run */
				if (!case_of(c, lang) || (only && !strstr(c->name, only)))
					continue;
				tests[n++] = (struct CMUnitTest){.name = c->name,
				                                 .test_func = test_golden_page,
				                                 .initial_state = c};
			}
	const char **names = xcalloc(case_count + 1, sizeof *names); /* NULL-terminated */
	for (size_t i = 0; i < case_count; i++)
		names[i] = cases[i].name;
	if (!only && !lang)
		tests[n++] = (struct CMUnitTest){.name = "no stray goldens",
		                                 .test_func = test_no_stray_goldens,
		                                 .initial_state = names};
	int failed = _cmocka_run_group_tests(lang ? "golden_pages_zh_CN" : "golden_pages", tests, n,
	                                     lang ? setup_lang : NULL, teardown_all);
	for (size_t i = 0; i < case_count; i++)
		free(cases[i].name);
	free(names);
	free(tests);
	free(cases);
	return failed;
}

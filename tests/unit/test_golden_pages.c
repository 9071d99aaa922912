/* Golden screens of every page, in every theme, at 80×24 and 160×48: the
 * whole frame (title, page, status bar) drawn from the seeded mock city
 * (tests/support/city_fixture.h) and read back with snapshot_styled, so a
 * golden holds the text and every cell's colours and attributes.
 *
 * The files are tests/golden/pages/VARIANT/PAGE_SIZE.txt, VARIANT being a
 * theme's name (colour on a 256-colour terminal), "no-color" (the default
 * theme as NO_COLOR draws it: attributes only) or "ascii" (the default theme
 * in ASCII glyphs, as LANG=C draws it). UPDATE_GOLDEN=1 rewrites them (see
 * tests/golden/README.md); GOLDEN_ONLY=TEXT runs only the cases whose name
 * (VARIANT/PAGE_SIZE) holds TEXT.
 *
 * Besides the comparison, two checks that hold whatever the goldens say:
 * without colour no cell has a colour pair, and every colour theme but
 * mono colours something. */
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

#include "city_fixture.h"
#include "golden_dir.h"
#include "screen_text.h"
#include "theme.h"
#include "vscreen.h"
#include "xalloc.h"

#define SEED      1
#define HISTORY_S 60

/* ---- what is drawn: one fixture per scope, opened when first needed ---- */

enum { SCOPE_CITY, SCOPE_DISTRICT, SCOPE_STREET, SCOPE_KINDS };
static const char *const scope_text[SCOPE_KINDS] = {"", "江北区", "江北区/观音桥街道"};
static city_fixture_t fixtures[SCOPE_KINDS];
static bool fixture_open[SCOPE_KINDS];

static city_fixture_t *fixture(int kind)
{
	if (!fixture_open[kind]) {
		scope_t scope;
		assert_int_equal(scope_parse(&scope, scope_text[kind], NULL), 0);
		assert_int_equal(city_fixture_open(&fixtures[kind], CITY_SCALE_CITY, SEED, HISTORY_S,
		                                   kind == SCOPE_CITY ? NULL : &scope),
		                 0);
		fixture_open[kind] = true;
	}
	return &fixtures[kind];
}

/* The reading with the most alarm level changes (the first of them). */
static size_t busiest_reading(const city_fixture_t *fx)
{
	size_t best = 0, best_n = 0;
	alarm_transition_t t[ALARM_HISTORY];
	for (size_t i = 0; i < store_reading_count(fx->store); i++) {
		size_t n = store_reading(fx->store, i)
		               ? alarm_engine_history(fx->alarms, i, t, ALARM_HISTORY)
		               : 0;
		if (n > best_n) {
			best = i;
			best_n = n;
		}
	}
	return best;
}

/* The first KPI off its target, else the first KPI. */
static gov_ref_t shown_kpi(const city_fixture_t *fx)
{
	assert_true(fx->gov.kpi_count > 0);
	for (size_t i = 0; i < fx->gov.kpi_count; i++) {
		const kpi_t *k = gov_kpi(fx->store, fx->gov.kpis[i]);
		if (k && kpi_status(k) == KPI_OFF_TARGET)
			return fx->gov.kpis[i];
	}
	return fx->gov.kpis[0];
}

/* The first event of the board (the most severe) handed up, with a
 * timeline, else the first. */
static gov_ref_t shown_event(const city_fixture_t *fx)
{
	assert_true(fx->gov.event_count > 0);
	for (size_t i = 0; i < fx->gov.event_count; i++) {
		const event_t *e = gov_event(fx->store, fx->gov.events[i]);
		if (e && e->escalation_count > 0 && e->timeline_count > 1)
			return fx->gov.events[i];
	}
	return fx->gov.events[0];
}

/* One page as the golden shows it: which fixture, and the nav that opens it;
 * `states` are pages in a state (filtered, on the wall), drawn only in the
 * default theme, with and without colour. */
typedef struct golden_page {
	const char *name;
	int scope;
	void (*open)(nav_t *nav, const city_fixture_t *fx);
	page_id_t page; /* when open is NULL */
	bool state;
} golden_page_t;

static void open_domain(nav_t *nav, const city_fixture_t *fx)
{
	const reading_t *r = store_reading(fx->store, busiest_reading(fx));
	*nav = (nav_t){.page = PAGE_DOMAIN, .domain = r ? r->domain : DOMAIN_WATER};
}

static void open_kpi(nav_t *nav, const city_fixture_t *fx)
{
	*nav = (nav_t){.page = PAGE_KPIS};
	nav_open_kpi(nav, shown_kpi(fx));
}

static void open_event(nav_t *nav, const city_fixture_t *fx)
{
	*nav = (nav_t){.page = PAGE_EVENTS};
	nav_open_event(nav, shown_event(fx));
}

static void open_reading(nav_t *nav, const city_fixture_t *fx)
{
	*nav = (nav_t){.page = PAGE_OVERVIEW};
	nav_open_reading(nav, fx->store, busiest_reading(fx));
}

/* A text filter on the page, as typed after `/` (tui/filter.h): a district. */
static void filter_alarms(nav_t *nav, const city_fixture_t *fx)
{
	(void)fx;
	*nav = (nav_t){.page = PAGE_ALARMS};
	snprintf(nav->filter, sizeof nav->filter, "%s", "北碚");
}

static void filter_domain(nav_t *nav, const city_fixture_t *fx)
{
	open_domain(nav, fx);
	snprintf(nav->filter, sizeof nav->filter, "%s", "北碚");
}

/* The wall under --kiosk, with a new high-priority alarm's banner (the text
 * tui/kiosk.c would set, fixed here). */
static void kiosk_banner(nav_t *nav, const city_fixture_t *fx)
{
	(void)fx;
	*nav = (nav_t){.page = PAGE_WALL, .kiosk = true};
	snprintf(nav->banner, sizeof nav->banner, "%s",
	         "NEW P1 HIHI 北碚区 桃花街道 桃花9号桥桥面风速 32.00 m/s");
}

static void kiosk_overview(nav_t *nav, const city_fixture_t *fx)
{
	(void)fx;
	*nav = (nav_t){.page = PAGE_OVERVIEW, .kiosk = true};
}

static const golden_page_t golden_pages[] = {
    {"overview", SCOPE_CITY, NULL, PAGE_OVERVIEW, false},
    {"domain", SCOPE_CITY, open_domain, 0, false},
    {"kpis", SCOPE_CITY, NULL, PAGE_KPIS, false},
    {"kpi", SCOPE_CITY, open_kpi, 0, false},
    {"events", SCOPE_CITY, NULL, PAGE_EVENTS, false},
    {"event", SCOPE_CITY, open_event, 0, false},
    {"tiers_city", SCOPE_CITY, NULL, PAGE_TIERS, false},
    {"tiers_district", SCOPE_DISTRICT, NULL, PAGE_TIERS, false},
    {"tiers_street", SCOPE_STREET, NULL, PAGE_TIERS, false},
    {"reading", SCOPE_CITY, open_reading, 0, false},
    {"scope", SCOPE_CITY, NULL, PAGE_SCOPE, false},
    {"alarms", SCOPE_CITY, NULL, PAGE_ALARMS, false},
    {"alarm_log", SCOPE_CITY, NULL, PAGE_ALARM_LOG, false},
    {"sources", SCOPE_CITY, NULL, PAGE_SOURCES, false},
    {"help", SCOPE_CITY, NULL, PAGE_HELP, false},
    {"wall", SCOPE_CITY, NULL, PAGE_WALL, false},
    {"alarms_filtered", SCOPE_CITY, filter_alarms, 0, true},
    {"domain_filtered", SCOPE_CITY, filter_domain, 0, true},
    {"overview_kiosk", SCOPE_CITY, kiosk_overview, 0, true},
    {"wall_kiosk_banner", SCOPE_CITY, kiosk_banner, 0, true},
};
#define GOLDEN_PAGE_COUNT (sizeof golden_pages / sizeof golden_pages[0])

/* ---- how it is drawn: themes, colour, glyphs, sizes ---- */

typedef struct golden_variant {
	const char *dir;   /* under tests/golden/pages/ */
	const char *theme; /* for theme_use */
	bool color, ascii;
	bool large; /* 160×48 as well as 80×24 */
} golden_variant_t;

static const golden_variant_t golden_variants[] = {
    {"high-performance", "high-performance", true, false, true},
    {"dark", "dark", true, false, true},
    {"light", "light", true, false, true},
    {"high-contrast", "high-contrast", true, false, true},
    {"mono", "mono", true, false, true},
    {"no-color", "high-performance", false, false, false},
    {"ascii", "high-performance", true, true, false},
};
#define GOLDEN_VARIANT_COUNT (sizeof golden_variants / sizeof golden_variants[0])

static const struct {
	int cols, rows;
} golden_sizes[] = {{80, 24}, {160, 48}};

typedef struct golden_case {
	const golden_page_t *page;
	const golden_variant_t *variant;
	int cols, rows;
	char *name; /* VARIANT/PAGE_COLSxROWS, also the golden's path */
} golden_case_t;

/* Chooses the theme by name; if that fails (the installed themes are not
 * where a test looks), by a file of the source tree's themes/ named
 * NAME or NAME.EXT. Fails the test, with the cause, if neither works. */
static void use_theme(const char *name)
{
	char *cause = NULL;
	if (theme_use(name, &cause) == 0)
		return;
	char *dir_path = xasprintf("%s/../themes", CITYDASH_TEST_DATA);
	DIR *dir = opendir(dir_path);
	struct dirent *de;
	size_t len = strlen(name);
	bool used = false;
	while (!used && dir && (de = readdir(dir)) != NULL) {
		if (strncmp(de->d_name, name, len) != 0 || (de->d_name[len] && de->d_name[len] != '.'))
			continue;
		char *path = xasprintf("%s/%s", dir_path, de->d_name);
		char *cause2 = NULL;
		used = theme_use(path, &cause2) == 0;
		free(cause2);
		free(path);
	}
	if (dir)
		closedir(dir);
	free(dir_path);
	if (!used)
		fail_msg("theme %s: %s", name, cause ? cause : "not found");
	free(cause);
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
	const city_fixture_t *fx = fixture(c->page->scope);
	nav_t nav = {.page = c->page->page};
	if (c->page->open)
		c->page->open(&nav, fx);
	nav.scope = fx->scope; /* the operator's scope, which the views follow */
	ui_ctx_t ctx;
	city_fixture_ctx(fx, &ctx);
	use_theme(c->variant->theme);
	char *styled = screen_styled(&ctx, &nav, c->cols, c->rows, c->variant->ascii, c->variant->color);
	assert_non_null(styled);
	if (getenv("SHOW_FRAMES"))
		printf("%s\n", styled);
	/* Before the comparison, so that UPDATE_GOLDEN=1 cannot write a
	 * coloured NO_COLOR golden. */
	bool uncoloured = legend_uncoloured(styled);
	if (!c->variant->color && !uncoloured)
		fail_msg("%s: a colour pair without colour (NO_COLOR: attributes only)", c->name);
	if (c->variant->color && strcmp(c->variant->theme, "mono") != 0 && uncoloured)
		fail_msg("%s: theme %s coloured nothing", c->name, c->variant->theme);
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

static int teardown_all(void **state)
{
	(void)state;
	for (int k = 0; k < SCOPE_KINDS; k++)
		if (fixture_open[k]) {
			city_fixture_close(&fixtures[k]);
			fixture_open[k] = false;
		}
	return 0;
}

int main(void)
{
	setenv("TZ", "UTC", 1); /* times of day on screen */
	tzset();
	/* Colour comes from the variant, not from the caller's terminal. */
	unsetenv("NO_COLOR");
	unsetenv("COLORTERM");
	const char *only = getenv("GOLDEN_ONLY");
	size_t max = GOLDEN_VARIANT_COUNT * GOLDEN_PAGE_COUNT * 2 + 1, n = 0;
	golden_case_t *cases = xcalloc(max, sizeof *cases);
	struct CMUnitTest *tests = xcalloc(max, sizeof *tests);
	for (size_t v = 0; v < GOLDEN_VARIANT_COUNT; v++)
		for (size_t p = 0; p < GOLDEN_PAGE_COUNT; p++)
			for (size_t s = 0; s < 2; s++) {
				if (s == 1 && !golden_variants[v].large)
					continue;
				if (golden_pages[p].state &&
				    strcmp(golden_variants[v].theme, "high-performance") != 0)
					continue; /* states in the default theme only */
				if (golden_pages[p].state && golden_variants[v].ascii)
					continue;
				golden_case_t *c = &cases[n];
				*c = (golden_case_t){&golden_pages[p], &golden_variants[v],
				                     golden_sizes[s].cols, golden_sizes[s].rows, NULL};
				c->name = xasprintf("%s/%s_%dx%d", c->variant->dir, c->page->name, c->cols,
				                    c->rows);
				if (only && !strstr(c->name, only)) {
					free(c->name);
					continue;
				}
				tests[n] = (struct CMUnitTest){.name = c->name,
				                               .test_func = test_golden_page,
				                               .initial_state = c};
				n++;
			}
	size_t case_count = n;
	const char **names = xcalloc(case_count + 1, sizeof *names); /* NULL-terminated */
	for (size_t i = 0; i < case_count; i++)
		names[i] = cases[i].name;
	if (!only)
		tests[n++] = (struct CMUnitTest){.name = "no stray goldens",
		                                 .test_func = test_no_stray_goldens,
		                                 .initial_state = names};
	int failed = _cmocka_run_group_tests("golden_pages", tests, n, NULL, teardown_all);
	for (size_t i = 0; i < case_count; i++)
		free(cases[i].name);
	free(names);
	free(tests);
	free(cases);
	return failed;
}

/* Finding things fast on the pages: / filters the domain page's rows (the
 * title says "N of M match"), n and N step through the matches and wrap,
 * Esc clears the filter first; number and F keys jump to pages. Driven
 * through nav_key and the frame on a virtual screen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "find_rig.h"
#include "keymap.h"

static const find_put_t city[] = {
    {"w.jb.p1", "Pump 1 flow", "江北区", "观音桥街道", 50},
    {"w.jb.p2", "Pump 2 flow", "江北区", "石马河街道", 50},
    {"w.yz.p3", "Pump 3 flow", "渝中区", "解放碑街道", 50},
    {"w.yz.c1", "Chlorine 1", "渝中区", "解放碑街道", 50},
    {"w.nn.c2", "Chlorine 2", "南岸区", "南坪街道", 50},
};
enum { CITY_N = sizeof city / sizeof city[0] };

static void type(nav_t *nav, const wchar_t *text)
{
	for (; *text; text++)
		filter_key(nav, (wint_t)*text, false);
}

static void open_water(find_rig_t *r, nav_t *nav)
{
	*nav = (nav_t){.page = PAGE_OVERVIEW, .focus = DOMAIN_WATER};
	nav_key(ACT_OPEN, &r->ctx, nav);
	free(find_rig_draw(r, nav));
	assert_int_equal(nav->page, PAGE_DOMAIN);
}

/* Typing narrows at once: only matching rows show, the title counts them. */
static void test_domain_filter_narrows(void **state)
{
	(void)state;
	find_rig_t r;
	find_rig_open(&r, 24, 80);
	find_rig_poll(&r, 0, city, CITY_N);
	nav_t nav;
	open_water(&r, &nav);
	nav_key(keymap_action('/'), &r.ctx, &nav);
	assert_true(nav.filter_editing);
	type(&nav, L"江北");
	char *text = find_rig_draw(&r, &nav);
	assert_non_null(strstr(text, "(2 of 5 match)"));
	assert_non_null(strstr(text, "Filter: 江北")); /* the prompt on the key bar row */
	assert_null(strstr(text, "w.yz"));
	assert_null(strstr(text, "Chlorine"));
	free(text);

	filter_key(&nav, L'\r', false); /* Enter keeps it */
	assert_false(nav.filter_editing);
	nav.filter[0] = '\0';
	nav.filter_editing = true;
	type(&nav, L"CHLORINE");
	text = find_rig_draw(&r, &nav);
	assert_non_null(strstr(text, "(2 of 5 match)"));
	assert_null(strstr(text, "Pump"));
	free(text);

	/* An id, a street. */
	nav.filter[0] = '\0';
	type(&nav, L"yz.p3");
	text = find_rig_draw(&r, &nav);
	assert_non_null(strstr(text, "(1 of 5 match)"));
	free(text);
	nav.filter[0] = '\0';
	type(&nav, L"解放碑");
	text = find_rig_draw(&r, &nav);
	assert_non_null(strstr(text, "(2 of 5 match)"));
	free(text);
	nav.filter[0] = '\0';
	type(&nav, L"nothing-like-it");
	text = find_rig_draw(&r, &nav);
	assert_non_null(strstr(text, "(0 of 5 match)"));
	assert_non_null(strstr(text, "No reading matches the filter"));
	free(text);
	find_rig_close(&r);
}

/* n and N move among the matches and wrap around; Enter opens the match. */
static void test_next_previous_wrap(void **state)
{
	(void)state;
	find_rig_t r;
	find_rig_open(&r, 24, 80);
	find_rig_poll(&r, 0, city, CITY_N);
	nav_t nav;
	open_water(&r, &nav);
	snprintf(nav.filter, sizeof nav.filter, "pump");
	free(find_rig_draw(&r, &nav));
	const char *first = find_rig_selected(&r, &nav);
	char seen[3][16];
	snprintf(seen[0], sizeof seen[0], "%s", first);
	nav_key(keymap_action('n'), &r.ctx, &nav);
	snprintf(seen[1], sizeof seen[1], "%s", find_rig_selected(&r, &nav));
	nav_key(keymap_action('n'), &r.ctx, &nav);
	snprintf(seen[2], sizeof seen[2], "%s", find_rig_selected(&r, &nav));
	for (int i = 0; i < 3; i++)
		assert_non_null(strstr(seen[i], ".p")); /* only pumps */
	assert_string_not_equal(seen[0], seen[1]);
	assert_string_not_equal(seen[1], seen[2]);
	nav_key(keymap_action('n'), &r.ctx, &nav); /* past the last: the first */
	assert_string_equal(find_rig_selected(&r, &nav), seen[0]);
	nav_key(keymap_action('N'), &r.ctx, &nav); /* before the first: the last */
	assert_string_equal(find_rig_selected(&r, &nav), seen[2]);
	nav_key(keymap_action('N'), &r.ctx, &nav);
	assert_string_equal(find_rig_selected(&r, &nav), seen[1]);
	nav_key(ACT_OPEN, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_READING);
	assert_string_equal(store_reading(r.st, nav.reading.index)->id, seen[1]);
	/* Back on the filtered list, Esc clears the filter before going back. */
	nav_key(ACT_BACK, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_DOMAIN);
	assert_string_equal(nav.filter, "pump");
	nav_key(ACT_BACK, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_DOMAIN);
	assert_string_equal(nav.filter, "");
	nav_key(ACT_BACK, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_OVERVIEW);
	find_rig_close(&r);
}

/* n compares the whole nav_t before and after a move (filter_prompt.c), so
 * nothing put into it may hold indeterminate bytes: the soak found the
 * scope the picker chooses for the whole city copied from a scope_t whose
 * names were set only up to their terminators (valgrind: "conditional jump
 * depends on uninitialised value" in step, at every n after it). */
static void test_next_after_choosing_the_city(void **state)
{
	(void)state;
	scope_t s, zero = {0};
	memset(&s, 0xa5, sizeof s);
	scope_city(&s);
	assert_memory_equal(&s, &zero, sizeof s);

	/* As the operator did it (run under valgrind in the valgrind build):
	 * the picker, Enter on "the whole city", then n on the page below,
	 * where one row matches, so n moves nothing and the comparison reads
	 * all of nav_t. */
	find_rig_t r;
	find_rig_open(&r, 24, 80);
	find_rig_poll(&r, 0, city, CITY_N);
	nav_t nav;
	open_water(&r, &nav);
	nav_key(keymap_action('9'), &r.ctx, &nav);
	free(find_rig_draw(&r, &nav));
	assert_int_equal(nav.page, PAGE_SCOPE);
	nav_key(ACT_OPEN, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_DOMAIN);
	assert_memory_equal(&nav.scope, &zero, sizeof nav.scope);
	snprintf(nav.filter, sizeof nav.filter, "w.nn");
	free(find_rig_draw(&r, &nav));
	assert_string_equal(find_rig_selected(&r, &nav), "w.nn.c2");
	nav_key(keymap_action('n'), &r.ctx, &nav);
	assert_string_equal(find_rig_selected(&r, &nav), "w.nn.c2");
	find_rig_close(&r);
}

/* Number keys and F keys go to the pages they name; F1 is help, F10 quits. */
static void test_jumps(void **state)
{
	(void)state;
	static const struct {
		int key;
		page_id_t page;
	} jumps[] = {
	    {'1', PAGE_OVERVIEW},     {'2', PAGE_KPIS},        {'3', PAGE_EVENTS},
	    {'4', PAGE_TIERS},        {'5', PAGE_ALARMS},      {'6', PAGE_ALARM_LOG},
	    {'7', PAGE_SOURCES},      {'8', PAGE_WALL},        {'9', PAGE_SCOPE},
	    {KEY_F(1), PAGE_HELP},    {KEY_F(2), PAGE_KPIS},   {KEY_F(3), PAGE_EVENTS},
	    {KEY_F(4), PAGE_TIERS},   {KEY_F(5), PAGE_ALARMS}, {KEY_F(6), PAGE_ALARM_LOG},
	    {KEY_F(7), PAGE_SOURCES}, {KEY_F(8), PAGE_WALL},   {KEY_F(9), PAGE_SCOPE},
	    {'p', PAGE_SCOPE},        {'w', PAGE_WALL},
	};
	find_rig_t r;
	find_rig_open(&r, 24, 80);
	find_rig_poll(&r, 0, city, CITY_N);
	for (size_t i = 0; i < sizeof jumps / sizeof jumps[0]; i++) {
		nav_t nav = {.page = PAGE_KPIS};
		assert_true(nav_key(keymap_action(jumps[i].key), &r.ctx, &nav));
		if (nav.page != jumps[i].page)
			fail_msg("key %d: page %d, not %d", jumps[i].key, nav.page, jumps[i].page);
	}
	assert_int_equal(keymap_action(KEY_F(10)), ACT_QUIT);
	assert_int_equal(keymap_action('/'), ACT_FILTER);
	assert_int_equal(keymap_action(KEY_MOUSE), ACT_MOUSE);
	/* Every list page moves with hjkl as with the arrows, and pages. */
	assert_int_equal(keymap_action('j'), ACT_DOWN);
	assert_int_equal(keymap_action('k'), ACT_UP);
	assert_int_equal(keymap_action(KEY_NPAGE), ACT_PAGE_DOWN);
	assert_int_equal(keymap_action(KEY_HOME), ACT_HOME);
	/* / on a page without a list says so. */
	nav_t nav = {.page = PAGE_HELP};
	nav_key(ACT_FILTER, &r.ctx, &nav);
	assert_false(nav.filter_editing);
	assert_non_null(strstr(nav.message, "no list to filter"));
	find_rig_close(&r);
}

/* The alarm list and the sources page narrow alike; a filter that hides
 * every alarm never reads as all clear. */
static void test_other_lists(void **state)
{
	(void)state;
	find_rig_t r;
	find_rig_open(&r, 24, 80);
	find_rig_poll(&r, 0,
	              (find_put_t[]){{"w.jb.p1", "Pump 1", "江北区", "观音桥街道", 95},
	                             {"w.yz.p3", "Pump 3", "渝中区", "解放碑街道", 95}},
	              2);
	nav_t nav = {.page = PAGE_ALARMS};
	snprintf(nav.filter, sizeof nav.filter, "江北");
	char *text = find_rig_draw(&r, &nav);
	assert_non_null(strstr(text, "(1 of 2 match)"));
	assert_non_null(strstr(text, "Pump 1"));
	assert_null(strstr(text, "Pump 3"));
	free(text);
	snprintf(nav.filter, sizeof nav.filter, "nowhere");
	text = find_rig_draw(&r, &nav);
	assert_non_null(strstr(text, "No alarm matches the filter"));
	assert_null(strstr(text, "all clear"));
	assert_null(strstr(text, "No alarms"));
	free(text);

	/* n and N wrap on the alarm list too. */
	nav.filter[0] = '\0';
	free(find_rig_draw(&r, &nav));
	assert_int_equal(nav.alarm_selected, 0);
	nav_key(ACT_FILTER_NEXT, &r.ctx, &nav);
	assert_int_equal(nav.alarm_selected, 1);
	nav_key(ACT_FILTER_NEXT, &r.ctx, &nav);
	assert_int_equal(nav.alarm_selected, 0);
	nav_key(ACT_FILTER_PREV, &r.ctx, &nav);
	assert_int_equal(nav.alarm_selected, 1);

	/* The overview: its blocks and its alarm pane narrow too. */
	nav = (nav_t){.page = PAGE_OVERVIEW};
	snprintf(nav.filter, sizeof nav.filter, "渝中");
	text = find_rig_draw(&r, &nav);
	assert_non_null(strstr(text, "(1 of 2 match)"));
	assert_non_null(strstr(text, "Pump 3"));
	assert_null(strstr(text, "Pump 1"));
	free(text);

	nav = (nav_t){.page = PAGE_SOURCES};
	snprintf(nav.filter, sizeof nav.filter, "CITY");
	text = find_rig_draw(&r, &nav);
	assert_non_null(strstr(text, "(1 of 1 match)"));
	free(text);
	snprintf(nav.filter, sizeof nav.filter, "gas");
	text = find_rig_draw(&r, &nav);
	assert_non_null(strstr(text, "No source matches the filter"));
	free(text);
	find_rig_close(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_domain_filter_narrows),
	    cmocka_unit_test(test_next_previous_wrap),
	    cmocka_unit_test(test_next_after_choosing_the_city),
	    cmocka_unit_test(test_jumps),
	    cmocka_unit_test(test_other_lists),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The mouse (mouse.h), the key bar (keybar.h) and the status bar's fields
 * (status_fields.h): events are built by hand (no terminal), applied as the
 * event loop applies them (nav_key per action), on a virtual screen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "find_rig.h"
#include "keybar.h"
#include "mouse.h"
#include "status_fields.h"

static const find_put_t city[] = {
    {"w.a", "Alpha", "D1", "S1", 50},
    {"w.b", "Bravo", "D2", "S2", 50},
    {"w.c", "Charlie", "D3", "S3", 50},
    {"w.d", "Delta", "D4", "S4", 50},
};
enum { CITY_N = sizeof city / sizeof city[0] };
/* Water and power: two blocks side by side on the overview. */
static const find_put_t two_domains[] = {
    {"w.a", "Alpha", "D1", "S1", 50},
    {"p.a", "Papa", "D2", "S2", 50},
};

/* Applies an event as the event loop does; returns false on quit. */
static bool apply(find_rig_t *r, nav_t *nav, int y, int x, mmask_t bstate)
{
	MEVENT ev = {.x = x, .y = y, .bstate = bstate};
	action_t acts[MOUSE_ACTIONS_MAX];
	int n = mouse_actions(&ev, &r->frame, nav, acts, MOUSE_ACTIONS_MAX);
	for (int i = 0; i < n; i++) {
		if (acts[i] == ACT_QUIT)
			return false;
		nav_key(acts[i], &r->ctx, nav);
	}
	free(find_rig_draw(r, nav));
	return true;
}

/* The screen row a reading's name is drawn on, or -1. */
static int row_of(const char *text, const char *name)
{
	int y = 0;
	for (const char *line = text; line; y++) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char buf[1024];
		snprintf(buf, sizeof buf, "%.*s", (int)len, line);
		if (strstr(buf, name))
			return y;
		line = end ? end + 1 : NULL;
	}
	return -1;
}

static void open_water(find_rig_t *r, nav_t *nav)
{
	*nav = (nav_t){.page = PAGE_OVERVIEW, .focus = DOMAIN_WATER};
	nav_key(ACT_OPEN, &r->ctx, nav);
	free(find_rig_draw(r, nav));
}

/* A click selects a row; a click on the selected row opens it. */
static void test_click_selects_then_opens(void **state)
{
	(void)state;
	find_rig_t r;
	find_rig_open(&r, 24, 80);
	find_rig_poll(&r, 0, city, CITY_N);
	nav_t nav;
	open_water(&r, &nav);
	assert_string_equal(find_rig_selected(&r, &nav), "w.a");
	char *text = find_rig_draw(&r, &nav);
	int y = row_of(text, "Charlie");
	free(text);
	assert_true(y > 0);
	apply(&r, &nav, y, 10, BUTTON1_CLICKED);
	assert_int_equal(nav.page, PAGE_DOMAIN);
	assert_string_equal(find_rig_selected(&r, &nav), "w.c");
	apply(&r, &nav, y, 10, BUTTON1_CLICKED); /* again: opens */
	assert_int_equal(nav.page, PAGE_READING);
	assert_string_equal(store_reading(r.st, nav.reading.index)->id, "w.c");
	nav_key(ACT_BACK, &r.ctx, &nav);
	free(find_rig_draw(&r, &nav));
	/* A double click on another row selects and opens it at once. */
	text = find_rig_draw(&r, &nav);
	y = row_of(text, "Alpha");
	free(text);
	apply(&r, &nav, y, 10, BUTTON1_DOUBLE_CLICKED);
	assert_int_equal(nav.page, PAGE_READING);
	assert_string_equal(store_reading(r.st, nav.reading.index)->id, "w.a");
	find_rig_close(&r);
}

/* The wheel moves the selection; a click where no row is does nothing. */
static void test_wheel_and_misses(void **state)
{
	(void)state;
	find_rig_t r;
	find_rig_open(&r, 24, 80);
	find_rig_poll(&r, 0, city, CITY_N);
	nav_t nav;
	open_water(&r, &nav);
	apply(&r, &nav, 5, 5, BUTTON5_PRESSED);
	assert_string_equal(find_rig_selected(&r, &nav), "w.d"); /* 3 down */
	apply(&r, &nav, 5, 5, BUTTON4_PRESSED);
	assert_string_equal(find_rig_selected(&r, &nav), "w.a");
	apply(&r, &nav, 0, 5, BUTTON1_CLICKED);  /* the title line */
	apply(&r, &nav, 20, 5, BUTTON1_CLICKED); /* under the rows */
	assert_int_equal(nav.page, PAGE_DOMAIN);
	assert_string_equal(find_rig_selected(&r, &nav), "w.a");
	/* On the wall the mouse does nothing. */
	nav.kiosk = true;
	free(find_rig_draw(&r, &nav));
	MEVENT ev = {.x = 5, .y = 5, .bstate = BUTTON5_PRESSED};
	action_t acts[8];
	assert_int_equal(mouse_actions(&ev, &r.frame, &nav, acts, 8), 0);
	find_rig_close(&r);
}

/* On the overview a click focuses a block, a second opens its domain. */
static void test_overview_blocks(void **state)
{
	(void)state;
	find_rig_t r;
	find_rig_open(&r, 24, 80);
	find_rig_poll(&r, 0, two_domains, 2);
	nav_t nav = {.page = PAGE_OVERVIEW};
	char *text = find_rig_draw(&r, &nav);
	int y = row_of(text, "Power");
	free(text);
	assert_true(y >= 0);
	apply(&r, &nav, y, 60, BUTTON1_CLICKED); /* Power: the right-hand block */
	assert_int_equal(nav.page, PAGE_OVERVIEW);
	assert_int_equal(nav.focus, DOMAIN_POWER);
	apply(&r, &nav, y, 60, BUTTON1_CLICKED);
	assert_int_equal(nav.page, PAGE_DOMAIN);
	assert_int_equal(nav.domain, DOMAIN_POWER);
	find_rig_close(&r);
}

/* The key bar names the page's keys, a click on one acts as it; on the
 * wall there is no key bar and the body takes its row. */
static void test_key_bar(void **state)
{
	(void)state;
	find_rig_t r;
	find_rig_open(&r, 24, 80);
	find_rig_poll(&r, 0, city, CITY_N);
	nav_t nav;
	open_water(&r, &nav);
	char *text = find_rig_draw(&r, &nav);
	assert_int_equal(row_of(text, "/ Filter  n/N Match  Enter Open"), 22);
	free(text);
	/* Per page: the alarm list offers its actions. */
	nav_t alarms = {.page = PAGE_ALARMS};
	text = find_rig_draw(&r, &alarms);
	assert_int_equal(row_of(text, "A Ack  S Shelve  U Unshelve"), 22);
	free(text);
	/* A click on "/ Filter" opens the prompt; the prompt takes the row. */
	assert_int_equal(keybar_key_at(&nav, 80, 0), '?'); /* help first, as htop's F1 */
	assert_int_equal(keybar_key_at(&nav, 80, 79), 0);
	int slash = -1;
	for (int i = 0; i < 80 && slash < 0; i++)
		if (keybar_key_at(&nav, 80, i) == '/')
			slash = i;
	assert_true(slash > 0);
	apply(&r, &nav, 22, slash + 2, BUTTON1_CLICKED);
	assert_true(nav.filter_editing);
	text = find_rig_draw(&r, &nav);
	assert_int_equal(row_of(text, "Filter: _"), 22);
	free(text);
	nav.filter_editing = false;
	/* A click on "q Quit" quits. */
	nav_t help = {.page = PAGE_HELP};
	free(find_rig_draw(&r, &help));
	int x = -1;
	for (int i = 0; i < 80 && x < 0; i++)
		if (keybar_key_at(&help, 80, i) == 'q')
			x = i;
	assert_true(x >= 0);
	assert_false(apply(&r, &help, 22, x, BUTTON1_CLICKED));
	/* The wall: no key bar; the title's key hint is back. */
	nav.kiosk = true;
	text = find_rig_draw(&r, &nav);
	assert_int_equal(row_of(text, "Filter"), -1);
	assert_null(r.frame.keybar);
	free(text);
	nav.kiosk = false;
	text = find_rig_draw(&r, &nav);
	assert_non_null(r.frame.keybar);
	free(text);
	find_rig_close(&r);
}

/* The status bar: scope, page, filter and the oldest data's age; at 80
 * columns they shorten, the age stays. */
static void test_status_fields(void **state)
{
	(void)state;
	find_rig_t r;
	find_rig_open(&r, 24, 200);
	find_rig_poll(&r, 0, city, CITY_N);
	find_rig_poll(&r, 12, (find_put_t[]){{"w.b", "Bravo", "D2", "S2", 51}}, 1);
	nav_t nav;
	open_water(&r, &nav);
	snprintf(nav.filter, sizeof nav.filter, "a");
	char *text = find_rig_draw(&r, &nav);
	/* w.a, w.c and w.d are 12 s old, w.b fresh: the oldest shown counts. */
	assert_non_null(strstr(text, "全市 │ Water │ filter: a │ oldest 12s"));
	free(text);
	snprintf(nav.filter, sizeof nav.filter, "bravo");
	text = find_rig_draw(&r, &nav);
	assert_non_null(strstr(text, "filter: bravo │ oldest 0s")); /* only the fresh one */
	free(text);
	nav.filter[0] = '\0';
	find_rig_close(&r);

	find_rig_open(&r, 24, 80);
	find_rig_poll(&r, 0, city, CITY_N);
	open_water(&r, &nav);
	/* Longer than the fields' room (trailing spaces: no more words). */
	snprintf(nav.filter, sizeof nav.filter, "%-60s", "charlie");
	text = find_rig_draw(&r, &nav);
	const char *last = strrchr(text, '\n');
	while (last > text && last[-1] != '\n')
		last--;
	assert_non_null(strstr(last, "0s old"));   /* the age stays */
	assert_non_null(strstr(last, "/charlie")); /* the filter is cut, not dropped */
	free(text);
	/* The forms shorten in order: "filter:" goes first. */
	char buf[256];
	snprintf(nav.filter, sizeof nav.filter, "x");
	nav.oldest_shown_ms = r.now - 5000;
	assert_true(status_fields_text(0, &r.ctx, &nav, buf, sizeof buf));
	assert_string_equal(buf, "全市 │ Water │ filter: x │ oldest 5s");
	assert_true(status_fields_text(1, &r.ctx, &nav, buf, sizeof buf));
	assert_string_equal(buf, "全市 │ Water │ /x │ 5s old");
	assert_true(status_fields_text(3, &r.ctx, &nav, buf, sizeof buf));
	assert_string_equal(buf, "全市 │ /x │ 5s old");
	assert_true(status_fields_text(4, &r.ctx, &nav, buf, sizeof buf));
	assert_string_equal(buf, "/x │ 5s old");
	assert_false(status_fields_text(6, &r.ctx, &nav, buf, sizeof buf));
	find_rig_close(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_click_selects_then_opens),
	    cmocka_unit_test(test_wheel_and_misses),
	    cmocka_unit_test(test_overview_blocks),
	    cmocka_unit_test(test_key_bar),
	    cmocka_unit_test(test_status_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

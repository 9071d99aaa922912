/* The overview's grid (overview_grid.h): which domains get a block (those
 * some source sends, or may send: a failing or silent source keeps them),
 * "other" in the grid like the rest, and how the blocks tile; and the
 * frame drawn from a config with only water and power plus an unknown
 * domain token, compared with a golden screen (UPDATE_GOLDEN=1 rewrites). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "overview_grid.h"
#include "snapshot.h"
#include "vscreen.h"

#define NOW 1764057600000LL /* 2025-11-25T08:00:00Z */

static void deliver(store_t *st, int source, const char *domain, int count, int64_t at)
{
	store_begin_poll(st, source, at);
	for (int i = 0; i < count; i++) {
		char id[64], name[64];
		snprintf(id, sizeof id, "%s.site%d.level", domain, i);
		snprintf(name, sizeof name, "%s site %d", domain, i);
		reading_in_t in = {
		    .id = id,
		    .name = name,
		    .domain = domain,
		    .district = "D",
		    .street = "S",
		    .unit = "m",
		    .has_value = true,
		    .value = 50 + i,
		    .limits = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10, 20, 80, 90},
		};
		store_put_reading(st, source, &in, at);
	}
	store_end_poll(st, source, &(poll_report_t){0}, at);
}

/* water and power sources, each sending its own; `other` adds "sewage"
 * readings to the water feed. */
static store_t *two_domains(bool other)
{
	store_t *st = store_create();
	store_add_source(st, "water", "http://127.0.0.1:1/w", 1000, 3000);
	store_add_source(st, "power", "http://127.0.0.1:1/p", 1000, 3000);
	deliver(st, 0, "water", 3, NOW - 500);
	deliver(st, 1, "power", 2, NOW - 500);
	if (other) {
		store_begin_poll(st, 0, NOW - 400);
		reading_in_t in = {.id = "sewage.pump1.flow", .name = "pump 1 flow",
		                   .domain = "sewage", .district = "D", .street = "S",
		                   .unit = "l/s", .has_value = true, .value = 3};
		store_put_reading(st, 0, &in, NOW - 400);
		store_end_poll(st, 0, &(poll_report_t){0}, NOW - 400);
	}
	return st;
}

static int shown_of(store_t *st, domain_t out[DOMAIN_COUNT])
{
	alarm_engine_t *alarms = alarm_engine_create();
	alarm_engine_evaluate(alarms, st, NOW);
	view_t v;
	view_init(&v);
	view_update(&v, st, alarms, NOW);
	int n = overview_domains_shown(&v, st, out);
	view_free(&v);
	alarm_engine_destroy(alarms);
	return n;
}

static void test_only_sent_domains(void **state)
{
	(void)state;
	domain_t d[DOMAIN_COUNT];
	store_t *st = two_domains(false);
	assert_int_equal(shown_of(st, d), 2);
	assert_int_equal(d[0], DOMAIN_WATER);
	assert_int_equal(d[1], DOMAIN_POWER);
	/* Power's source fails: its block stays (and says so). */
	store_poll_failed(st, 1, "Couldn't connect to server", NOW);
	assert_int_equal(shown_of(st, d), 2);
	assert_int_equal(d[1], DOMAIN_POWER);
	/* A gas source that has not answered yet: gas may come. */
	store_add_source(st, "gas", "http://127.0.0.1:1/g", 1000, 3000);
	assert_int_equal(shown_of(st, d), 3);
	assert_int_equal(d[2], DOMAIN_GAS);
	/* A silent "city" feed may send any domain: all six. */
	store_add_source(st, "city", "http://127.0.0.1:1/c", 1000, 3000);
	assert_int_equal(shown_of(st, d), 6);
	store_destroy(st);
}

static void test_other_in_the_grid(void **state)
{
	(void)state;
	domain_t d[DOMAIN_COUNT];
	store_t *st = two_domains(true);
	assert_int_equal(shown_of(st, d), 3);
	assert_int_equal(d[2], DOMAIN_OTHER);
	store_destroy(st);
	/* Nothing configured at all: the six, saying they have no data. */
	st = store_create();
	assert_int_equal(shown_of(st, d), 6);
	store_destroy(st);
}

static void test_grid_plan(void **state)
{
	(void)state;
	static const struct {
		int w, n, cols, rows;
	} cases[] = {
	    /* Six, as always: 2x3 below 120 columns, 3x2 from there. */
	    {80, 6, 2, 3}, {119, 6, 2, 3}, {120, 6, 3, 2}, {160, 6, 3, 2}, {200, 6, 3, 2},
	    /* Seven (with "other"): no row of one below a full grid when
	     * the width allows 4 across. */
	    {80, 7, 2, 4}, {120, 7, 3, 3}, {160, 7, 4, 2}, {200, 7, 4, 2},
	    /* Fewer: larger blocks. */
	    {80, 2, 2, 1}, {200, 2, 2, 1}, {80, 3, 2, 2}, {160, 3, 3, 1}, {80, 1, 1, 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		overview_grid_t g = overview_grid_plan(cases[i].w, cases[i].n);
		assert_int_equal(g.cols, cases[i].cols);
		assert_int_equal(g.rows, cases[i].rows);
	}
	/* The last row's blocks share its whole width. */
	overview_grid_t g = overview_grid_plan(80, 3);
	int row, x, w;
	overview_grid_cell(&g, 2, 80, &row, &x, &w);
	assert_int_equal(row, 1);
	assert_int_equal(x, 0);
	assert_int_equal(w, 80);
	overview_grid_cell(&g, 1, 80, &row, &x, &w);
	assert_int_equal(row, 0);
	assert_int_equal(x + w, 80);
}

static char *overview_text(store_t *st, int cols, int rows)
{
	alarm_engine_t *alarms = alarm_engine_create();
	alarm_engine_evaluate(alarms, st, NOW);
	view_t view;
	view_init(&view);
	view_update(&view, st, alarms, NOW);
	vscreen_t *vs = vscreen_open("xterm-256color", rows, cols, false);
	assert_non_null(vs);
	frame_t f = {0};
	frame_layout(&f, rows, cols);
	ui_ctx_t ctx = {
	    .store = st, .alarms = alarms, .view = &view, .now_ms = NOW, .clock_ms = NOW};
	nav_t nav = {.page = PAGE_OVERVIEW};
	frame_draw(&f, &ctx, &nav);
	frame_stage(&f);
	char *text = snapshot_text(newscr, false);
	frame_free(&f);
	vscreen_close(vs);
	view_free(&view);
	alarm_engine_destroy(alarms);
	return text;
}

static void test_overview_two_domains(void **state)
{
	(void)state;
	store_t *st = two_domains(true);
	char *text = overview_text(st, 80, 24);
	assert_non_null(strstr(text, "Water ("));
	assert_non_null(strstr(text, "Power ("));
	assert_null(strstr(text, "Gas ("));
	assert_non_null(strstr(text, "sewage: pump 1 flow"));
	bool same = vscreen_golden("overview_two_domains_80x24", text);
	free(text);
	store_destroy(st);
	assert_true(same);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_only_sent_domains),
	    cmocka_unit_test(test_other_in_the_grid),
	    cmocka_unit_test(test_grid_plan),
	    cmocka_unit_test(test_overview_two_domains),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

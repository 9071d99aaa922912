/* The high-performance look on a whole frame (ISA-101): a reading that is
 * normal is drawn without colour, one beyond a limit in its alarm's colour.
 * The overview of a small store, drawn in colour on a 256-colour screen,
 * read back cell by cell with each cell's colour pair. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "theme.h"
#include "theme_color.h"
#include "vscreen.h"

#define NOW 1764057600000LL /* 2025-11-25T08:00:00Z */

static const limits_t four = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10, 20, 80, 90};

static void put(store_t *st, const char *id, const char *name, double value)
{
	reading_in_t in = {.id = id,
	                   .name = name,
	                   .domain = "water",
	                   .unit = "m",
	                   .has_value = true,
	                   .value = value,
	                   .limits = four,
	                   .quality = QUALITY_GOOD};
	store_put_reading(st, 0, &in, NOW);
}

/* Whether a colour (a curses colour number, -1 the default) is a grey. */
static bool grey(int c)
{
	if (c < 0)
		return true;
	uint32_t rgb = theme_index_rgb(c);
	int r = (int)(rgb >> 16 & 0xff), g = (int)(rgb >> 8 & 0xff), b = (int)(rgb & 0xff);
	return abs(r - g) < 16 && abs(g - b) < 16;
}

/* The screen row holding `needle` (ASCII), or -1. */
static int row_of(WINDOW *w, const char *needle)
{
	for (int y = 0; y < getmaxy(w); y++) {
		char line[512];
		int n = 0;
		for (int x = 0; x < getmaxx(w) && n < (int)sizeof line - 1; x++) {
			wchar_t wc;
			attr_t a;
			short p;
			vscreen_cell(w, y, x, &wc, &a, &p);
			line[n++] = wc > 0 && wc < 128 ? (char)wc : '?';
		}
		line[n] = '\0';
		if (strstr(line, needle))
			return y;
	}
	return -1;
}

/* The colour pairs of a row, as a set. */
static void row_pairs(WINDOW *w, int y, bool seen[256])
{
	memset(seen, 0, 256 * sizeof *seen);
	for (int x = 0; x < getmaxx(w); x++) {
		wchar_t wc;
		attr_t a;
		short p;
		vscreen_cell(w, y, x, &wc, &a, &p);
		if (p >= 0 && p < 256)
			seen[p] = true;
	}
}

static void test_normal_is_grey(void **state)
{
	setenv("XDG_CONFIG_HOME", "/nonexistent/citydash-test", 1);
	char *cause = NULL;
	assert_int_equal(theme_use("high-performance", &cause), 0);

	store_t *st = store_create();
	store_add_source(st, "water", "http://127.0.0.1:1/x", 1000, 60000);
	store_begin_poll(st, 0, NOW);
	put(st, "w.calm", "calm tank", 50);
	put(st, "w.high", "high tank", 85);
	put(st, "w.over", "over tank", 95);
	store_end_poll(st, 0, &(poll_report_t){0}, NOW);
	alarm_engine_t *alarms = alarm_engine_create();
	alarm_engine_evaluate(alarms, st, NOW);
	view_t view;
	view_init(&view);
	view_update(&view, st, alarms, NOW);

	vscreen_t *vs = vscreen_open("xterm-256color", 40, 120, true);
	assert_non_null(vs);
	assert_true(theme_has_color());
	frame_t f = {0};
	frame_layout(&f, 40, 120);
	ui_ctx_t ctx = {
	    .store = st, .alarms = alarms, .view = &view, .now_ms = NOW, .clock_ms = NOW};
	nav_t nav = {.page = PAGE_OVERVIEW};
	frame_draw(&f, &ctx, &nav);
	frame_stage(&f);

	int calm = row_of(newscr, "calm tank"), over = row_of(newscr, "over tank"),
	    high = row_of(newscr, "high tank");
	assert_true(calm >= 0 && over >= 0 && high >= 0);
	bool seen[256];
	row_pairs(newscr, calm, seen);
	for (int p = 1; p < 256; p++) {
		if (!seen[p])
			continue;
		int fg, bg;
		assert_int_equal(extended_pair_content(p, &fg, &bg), OK);
		if (!grey(fg) || !grey(bg))
			fail_msg("the normal reading's row has colour: pair %d (%d on %d)", p, fg,
			         bg);
	}
	row_pairs(newscr, over, seen);
	assert_true(seen[theme_pair(ROLE_ALARM)]);
	row_pairs(newscr, high, seen);
	assert_true(seen[theme_pair(ROLE_WARN)]);

	frame_free(&f);
	vscreen_close(vs);
	view_free(&view);
	alarm_engine_destroy(alarms);
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_normal_is_grey),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

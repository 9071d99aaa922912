/* The detailed reading row's column plan (reading_cols.h) and the texts of
 * its cells (reading_cells.h): which columns show at which width, the
 * order they drop in, the name getting its widest and no more, and the
 * state words, limits, min/max, trend and the sparkline's scale floor. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "alarm_row.h"
#include "glyphs.h"
#include "reading_cells.h"
#include "reading_cols.h"

/* The demo's power domain, roughly. */
static const reading_cols_need_t demo = {
    .name = 23, .place = 19, .limits = 8, .outer = 5, .minmax = 11, .source = 5};

static unsigned shown_set(const reading_cols_t *p)
{
	unsigned set = 0;
	for (int c = 0; c < RC_COUNT; c++)
		if (p->w[c] > 0)
			set |= 1u << c;
	return set;
}

static void assert_fits(const reading_cols_t *p, int width)
{
	int end = 0;
	for (int c = 0; c < RC_COUNT; c++) {
		if (!p->w[c])
			continue;
		assert_true(p->x[c] >= end); /* no overlap, left to right */
		end = p->x[c] + p->w[c];
	}
	assert_true(end <= width);
}

static void test_columns_by_width(void **state)
{
	(void)state;
	reading_cols_t p;
	/* 80 columns (78 inside the border): what it showed before, and the
	 * state word; no history. */
	reading_cols_plan(78, &demo, &p);
	assert_fits(&p, 78);
	assert_int_equal(shown_set(&p), (1u << RC_MARKER) | (1u << RC_STATE) | (1u << RC_NAME) |
	                                    (1u << RC_PLACE) | (1u << RC_GAUGE) | (1u << RC_VALUE) |
	                                    (1u << RC_AGE));
	assert_int_equal(p.w[RC_NAME], 23); /* the widest name, whole */
	/* 100: the history, lo/hi and the trend join. */
	reading_cols_plan(98, &demo, &p);
	assert_fits(&p, 98);
	assert_true(p.w[RC_HISTORY] && p.w[RC_LIMITS] && p.w[RC_TREND]);
	assert_false(p.w[RC_OUTER] || p.w[RC_MINMAX] || p.w[RC_SOURCE]);
	/* 160 and 200: everything; the name keeps its need, the rest widens
	 * the gauge and the history. */
	for (int w = 158; w <= 198; w += 40) {
		reading_cols_plan(w, &demo, &p);
		assert_fits(&p, w);
		for (int c = 0; c < RC_COUNT; c++)
			assert_true(p.w[c] > 0);
		assert_int_equal(p.w[RC_NAME], 23);
		assert_int_equal(p.w[RC_PLACE], 19);
	}
	assert_int_equal(p.w[RC_GAUGE], READING_COLS_GAUGE_MAX);
	/* Very narrow: marker, name, value; the name gives way last. */
	reading_cols_plan(30, &demo, &p);
	assert_int_equal(shown_set(&p), (1u << RC_MARKER) | (1u << RC_NAME) | (1u << RC_VALUE));
	assert_fits(&p, 30);
	reading_cols_plan(10, &demo, &p);
	assert_int_equal(p.w[RC_NAME], 0);
}

/* Narrowing one column at a time drops columns only in the stated order. */
static void test_drop_order(void **state)
{
	(void)state;
	static const reading_col_t drop[] = READING_COLS_DROP_ORDER;
	const size_t ndrop = sizeof drop / sizeof drop[0];
	size_t next = 0; /* the next column allowed to go */
	reading_cols_t p;
	reading_cols_plan(300, &demo, &p);
	unsigned before = shown_set(&p);
	for (int w = 299; w >= 20; w--) {
		reading_cols_plan(w, &demo, &p);
		assert_fits(&p, w);
		unsigned now = shown_set(&p);
		assert_int_equal(now & ~before, 0u); /* nothing comes back */
		while (next < ndrop && !(now & (1u << drop[next])))
			next++;
		for (size_t i = next; i < ndrop; i++) /* later in the order: still there */
			assert_true(now & (1u << drop[i]));
		before = now;
	}
	assert_int_equal(next, ndrop);
}

/* A column with nothing to show takes no room and stops nothing. */
static void test_empty_columns(void **state)
{
	(void)state;
	reading_cols_need_t need = demo;
	need.outer = 0;
	need.minmax = 0;
	reading_cols_t p;
	reading_cols_plan(158, &need, &p);
	assert_int_equal(p.w[RC_OUTER], 0);
	assert_int_equal(p.w[RC_MINMAX], 0);
	assert_true(p.w[RC_SOURCE] > 0);
	/* Titles fit: "lolo/hihi" wider than its numbers. */
	reading_cols_plan(198, &demo, &p);
	assert_true(p.w[RC_OUTER] >= 9);
	/* Unmeasured (need.name 0): the name takes the rest, as it used to. */
	reading_cols_need_t none = {.place = 22};
	reading_cols_plan(78, &none, &p);
	int end = p.x[RC_AGE] + p.w[RC_AGE];
	assert_int_equal(end, 78);
}

static reading_t reading_with(unsigned mask, double lolo, double lo, double hi, double hihi)
{
	reading_t r = {.range_min = 0, .range_max = 20};
	r.limits.mask = mask;
	r.limits.lolo = lolo;
	r.limits.lo = lo;
	r.limits.hi = hi;
	r.limits.hihi = hihi;
	return r;
}

static void test_cells(void **state)
{
	(void)state;
	char buf[64];
	assert_string_equal(reading_cells_state_word(0), "");
	assert_string_equal(reading_cells_state_word(VIEW_BIT(VS_ALARM) | VIEW_BIT(VS_STALE)),
	                    "ALARM");
	assert_string_equal(reading_cells_state_word(VIEW_BIT(VS_WARNING)), "WARN");
	assert_string_equal(reading_cells_state_word(VIEW_BIT(VS_STALE)), "STALE");
	assert_string_equal(reading_cells_state_word(VIEW_BIT(VS_BAD)), "BAD");
	reading_cells_number(12345.6, buf, sizeof buf);
	assert_string_equal(buf, "12346");
	reading_cells_number(0.0125, buf, sizeof buf);
	assert_string_equal(buf, "0.0125");
	reading_cells_number(-0.0, buf, sizeof buf);
	assert_string_equal(buf, "0");
	reading_t r = reading_with(LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 9, 9.3, 10.7, 11);
	reading_cells_limits(&r, false, buf, sizeof buf);
	assert_string_equal(buf, "9.3/10.7");
	reading_cells_limits(&r, true, buf, sizeof buf);
	assert_string_equal(buf, "9/11");
	r = reading_with(LIMIT_HI, 0, 0, 85, 0);
	reading_cells_limits(&r, false, buf, sizeof buf);
	assert_string_equal(buf, "/85");
	reading_cells_limits(&r, true, buf, sizeof buf);
	assert_string_equal(buf, "");
	r.limits_invalid = true;
	reading_cells_limits(&r, false, buf, sizeof buf);
	assert_string_equal(buf, "");
	reading_cells_minmax(2.0010, 2.0100, buf, sizeof buf);
	assert_string_equal(buf, "2.00/2.01");
	reading_cells_minmax(-0.0001, 0.5, buf, sizeof buf);
	assert_string_equal(buf, "0.000/0.500");
}

static void test_trend_and_scale(void **state)
{
	(void)state;
	reading_t r = reading_with(0, 0, 0, 0, 0);
	r.range_max = 20;
	float v[30];
	for (int i = 0; i < 30; i++) /* 10.0 with a jitter */
		v[i] = 10.0f + ((i * 7) % 3 - 1) * 0.01f;
	reading_hist_t h = reading_cells_history(v, 30, 30, &r);
	assert_true(h.any);
	assert_int_equal(h.trend, TREND_STEADY);
	assert_true(fabs(h.lo - 9.99) < 1e-4 && fabs(h.hi - 10.01) < 1e-4);
	/* The floor: 2% of the value, or 1% of the range if more. */
	assert_true(fabs(reading_cells_min_span(&r, 10) - 0.2) < 1e-9);
	r.range_max = 1000;
	assert_true(fabs(reading_cells_min_span(&r, 10) - 10) < 1e-9);
	r.range_max = 20;
	for (int i = 0; i < 30; i++)
		v[i] = 10.0f + (float)i * 0.1f; /* rising 3 in 30 */
	assert_int_equal(reading_cells_history(v, 30, 30, &r).trend, TREND_UP);
	for (int i = 0; i < 30; i++)
		v[i] = 10.0f - (float)i * 0.1f;
	assert_int_equal(reading_cells_history(v, 30, 30, &r).trend, TREND_DOWN);
	/* Only the shown part counts: the last 5 of a fall that ended flat. */
	for (int i = 25; i < 30; i++)
		v[i] = 5.0f;
	h = reading_cells_history(v, 30, 5, &r);
	assert_int_equal(h.trend, TREND_STEADY);
	assert_true(h.lo == 5 && h.hi == 5);
	/* One sample, or none: no trend. */
	assert_int_equal(reading_cells_history(v, 30, 1, &r).trend, TREND_NONE);
	float gaps[3] = {NAN, NAN, NAN};
	assert_false(reading_cells_history(gaps, 3, 3, &r).any);
	assert_string_equal(reading_cells_trend_glyph(TREND_UP), "\xe2\x86\x91");
	glyphs_set_ascii(true);
	assert_string_equal(reading_cells_trend_glyph(TREND_DOWN), "v");
	assert_string_equal(reading_cells_trend_glyph(TREND_NONE), "");
	glyphs_set_ascii(false);
}

/* The alarm row: the name no wider than the list needs, the value right
 * after it; the room beyond goes to who acted, then blank at the right. */
static void test_alarm_row_cols(void **state)
{
	(void)state;
	alarm_row_need_t need = {.name = 23, .value = 7};
	alarm_row_cols_t c = alarm_row_cols_fit(196, &need);
	assert_int_equal(c.name, 23);
	assert_int_equal(c.value, 7);
	assert_true(c.limit > 0 && c.source > 0 && c.who == 56 && c.place == 24);
	int used = c.tag + c.prio + c.time + c.place + c.name + c.value + c.limit + c.source +
	           c.who + 8;
	assert_true(used <= 196);
	/* Unmeasured: as before, the name takes the room up to its cap. */
	c = alarm_row_cols(196);
	assert_int_equal(c.name, ALARM_ROW_NAME_MAX);
	/* Narrow: no limit, source or who; the name keeps what is left. */
	c = alarm_row_cols_fit(76, &need);
	assert_int_equal(c.limit + c.source + c.who, 0);
	assert_true(c.name >= 12 && c.name <= 23);
	/* A row with no place writes its name from the place's column. */
	alarm_row_need_t whole = {.name = 6, .whole = 40, .value = 5};
	c = alarm_row_cols_fit(196, &whole);
	assert_int_equal(c.place + 1 + c.name, 40);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_columns_by_width), cmocka_unit_test(test_drop_order),
	    cmocka_unit_test(test_empty_columns),    cmocka_unit_test(test_cells),
	    cmocka_unit_test(test_trend_and_scale),  cmocka_unit_test(test_alarm_row_cols),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

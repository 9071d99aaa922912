/* Unit tests for tui/pages/reading_need.c, what each reading needs of the
 * detailed row's columns kept between frames: through renames, new limits,
 * a moved place, history, slots taken again, another store and the glyphs
 * switching to ASCII, it always equals what measuring afresh gives (the
 * reference below, as reading_row_plan measured before it kept anything),
 * and a column widens when a wider text arrives. Also the store's label
 * stamp (feeds/store.h) that keys it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "format.h"
#include "glyphs.h"
#include "reading_cells.h"
#include "reading_need.h"
#include "reading_row.h"
#include "store.h"
#include "text_draw.h"

#define T0 1764057600000LL

static int max_i(int a, int b)
{
	return a > b ? a : b;
}

/* The need measured afresh, every text formatted and every history decoded. */
static reading_cols_need_t measured_afresh(const store_t *st, const size_t *idx, size_t n)
{
	reading_cols_need_t need = {0};
	char buf[320];
	float hist[STORE_HISTORY];
	for (size_t i = 0; i < n; i++) {
		const reading_t *r = store_reading(st, idx[i]);
		if (!r)
			continue;
		reading_row_label(r, buf, sizeof buf);
		need.name = max_i(need.name, text_draw_width(buf));
		format_reading_place(r, buf, sizeof buf);
		need.place = max_i(need.place, text_draw_width(buf));
		reading_cells_limits(r, false, buf, sizeof buf);
		need.limits = max_i(need.limits, text_draw_width(buf));
		reading_cells_limits(r, true, buf, sizeof buf);
		need.outer = max_i(need.outer, text_draw_width(buf));
		size_t got = reading_history(r, hist, STORE_HISTORY);
		reading_hist_t h = reading_cells_history(hist, got, got, r);
		if (h.any) {
			reading_cells_minmax(h.lo, h.hi, buf, sizeof buf);
			need.minmax = max_i(need.minmax, text_draw_width(buf));
		}
		const source_status_t *src = store_source(st, r->source);
		if (src && src->name)
			need.source = max_i(need.source, text_draw_width(src->name));
	}
	return need;
}

/* What reading_need_add gives for every slot of the store, checked against
 * the fresh measure. */
static reading_cols_need_t need_of(const store_t *st)
{
	size_t idx[64], n = store_reading_count(st);
	assert_true(n <= 64);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	reading_cols_need_t kept = {0}, fresh = measured_afresh(st, idx, n);
	reading_need_add(st, idx, n, &kept);
	assert_int_equal(kept.name, fresh.name);
	assert_int_equal(kept.place, fresh.place);
	assert_int_equal(kept.limits, fresh.limits);
	assert_int_equal(kept.outer, fresh.outer);
	assert_int_equal(kept.minmax, fresh.minmax);
	assert_int_equal(kept.source, fresh.source);
	return kept;
}

static const limits_t no_limits = {0};
static const limits_t narrow = {LIMIT_LO | LIMIT_HI, 0, 20, 80, 0}; /* "20/80" */

/* One reading of one document at second `s` of the test. */
static void put(store_t *st, const char *id, const char *name, const char *district,
                limits_t limits, double value, int s)
{
	int64_t now = T0 + (int64_t)s * 1000;
	store_begin_poll(st, 0, now);
	reading_in_t in = {.id = id,
	                   .name = name,
	                   .domain = "water",
	                   .district = district,
	                   .has_value = !isnan(value),
	                   .value = value,
	                   .has_range = true,
	                   .range_min = 0,
	                   .range_max = 100,
	                   .limits = limits};
	store_put_reading(st, 0, &in, now);
	poll_report_t rep = {0};
	store_end_poll(st, 0, &rep, now);
}

static store_t *one_source(const char *name)
{
	store_t *st = store_create();
	store_add_source(st, name, "http://127.0.0.1/", 1000, 0);
	return st;
}

static void test_label_stamp(void **state)
{
	(void)state;
	store_t *a = one_source("w"), *b = one_source("w");
	put(a, "x", "pump", "A", narrow, 1, 0);
	put(b, "x", "pump", "A", narrow, 1, 0);
	uint64_t first = store_reading(a, 0)->label_stamp;
	assert_true(first != 0);
	assert_true(store_reading(b, 0)->label_stamp != first); /* another store */
	put(a, "x", "pump", "A", narrow, 2, 1); /* only the value */
	assert_true(store_reading(a, 0)->label_stamp == first);
	uint64_t seen = first;
	put(a, "x", "pump 2", "A", narrow, 2, 2); /* renamed */
	assert_true(store_reading(a, 0)->label_stamp != seen);
	seen = store_reading(a, 0)->label_stamp;
	put(a, "x", "pump 2", "B", narrow, 2, 3); /* moved */
	assert_true(store_reading(a, 0)->label_stamp != seen);
	seen = store_reading(a, 0)->label_stamp;
	limits_t wider = narrow;
	wider.hi = 81;
	put(a, "x", "pump 2", "B", wider, 2, 4); /* a limit changed */
	assert_true(store_reading(a, 0)->label_stamp != seen);
	seen = store_reading(a, 0)->label_stamp;
	put(a, "x", "pump 2", "B", no_limits, 2, 5); /* limits gone */
	assert_true(store_reading(a, 0)->label_stamp != seen);
	store_destroy(a);
	store_destroy(b);
}

static void test_widens_as_texts_change(void **state)
{
	(void)state;
	store_t *st = one_source("water-feed");
	put(st, "x", "pump", "", no_limits, NAN, 0);
	put(st, "y", "valve", "", no_limits, NAN, 0);
	reading_cols_need_t n = need_of(st);
	assert_int_equal(n.name, 5); /* "valve" */
	assert_int_equal(n.limits, 0);
	assert_int_equal(n.minmax, 0);
	assert_int_equal(n.source, 10);

	put(st, "x", "pump of the north reservoir", "", no_limits, NAN, 1);
	assert_int_equal(need_of(st).name, 27); /* the renamed one */
	put(st, "x", "pump", "", no_limits, NAN, 2);
	assert_int_equal(need_of(st).name, 5); /* and back */

	put(st, "y", "valve", "", narrow, NAN, 3);
	assert_int_equal(need_of(st).limits, 5); /* "20/80" */
	limits_t wider = narrow;
	wider.hi = 1000;
	put(st, "y", "valve", "", wider, NAN, 4);
	assert_int_equal(need_of(st).limits, 7); /* "20/1000" */

	put(st, "y", "valve", "渝中区", wider, NAN, 5);
	assert_int_equal(need_of(st).place, 7); /* moved: "渝中区 ", two columns a character */

	/* The history: its lowest and highest, as a row shows them. */
	put(st, "x", "pump", "", no_limits, 1.5, 6);
	put(st, "x", "pump", "", no_limits, 2.5, 7);
	assert_int_equal(need_of(st).minmax, 9); /* "1.50/2.50" */
	put(st, "x", "pump", "", no_limits, 2.0, 8); /* within: the same */
	assert_int_equal(need_of(st).minmax, 9);
	put(st, "x", "pump", "", no_limits, -50, 9); /* a longer value arrives */
	assert_int_equal(need_of(st).minmax, 11); /* "-50.00/2.50" */
	put(st, "x", "pump", "", no_limits, 2.0, 9); /* the same second: the last wins */
	assert_int_equal(need_of(st).minmax, 9);
	/* Held long enough, the low one leaves the history a row may show. */
	put(st, "x", "pump", "", no_limits, -50, 10);
	put(st, "x", "pump", "", no_limits, 2.0, 11);
	assert_int_equal(need_of(st).minmax, 11);
	put(st, "x", "pump", "", no_limits, 2.0, 11 + STORE_HISTORY - 1); /* 11..74 */
	assert_int_equal(need_of(st).minmax, 9); /* "2.00/2.00" */

	/* ASCII: a Chinese place is not shown, so it needs nothing. */
	glyphs_set_ascii(true);
	assert_int_equal(need_of(st).place, 0);
	glyphs_set_ascii(false);
	assert_int_equal(need_of(st).place, 7);
	store_destroy(st);
	reading_need_forget();
}

/* A store made after another at the same indices: nothing of the first's
 * readings is taken for the second's. */
static void test_another_store(void **state)
{
	(void)state;
	store_t *st = one_source("s");
	put(st, "x", "short", "", narrow, 5, 0);
	assert_int_equal(need_of(st).name, 5);
	store_destroy(st);
	st = one_source("s");
	put(st, "x", "a much longer name", "", no_limits, 5, 0);
	reading_cols_need_t n = need_of(st);
	assert_int_equal(n.name, 18);
	assert_int_equal(n.limits, 0);
	store_destroy(st);
	reading_need_forget();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_label_stamp),
	    cmocka_unit_test(test_widens_as_texts_change),
	    cmocka_unit_test(test_another_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

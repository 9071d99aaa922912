/* Unit tests for the store's judgement of time (store.h "Age"): staleness,
 * failures and 304s, a producer's clock behind or ahead of ours. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

#define T0 1764057600000

static reading_in_t rin(const char *id, double v)
{
	return (reading_in_t){.id = id, .has_value = true, .value = v, .quality = QUALITY_GOOD};
}

static void put1(store_t *st, int src, const reading_in_t *in, int64_t now)
{
	store_begin_poll(st, src, now);
	store_put_reading(st, src, in, now);
	store_end_poll(st, src, &(poll_report_t){0}, now);
}

static void test_stale(void **state)
{
	store_t *st = store_create();
	int a = store_add_source(st, "a", "http://a/", 1000, 0);     /* 3 x interval */
	int b = store_add_source(st, "b", "http://b/", 1000, 10000); /* explicit */
	assert_int_equal(store_source(st, a)->stale_after_ms, 3000);
	assert_int_equal(store_source(st, b)->stale_after_ms, 10000);
	reading_in_t in = rin("x", 1);
	put1(st, a, &in, T0);
	put1(st, b, &in, T0);
	const reading_t *ra = store_reading(st, (size_t)store_find_reading(st, a, "x"));
	const reading_t *rb = store_reading(st, (size_t)store_find_reading(st, b, "x"));
	assert_false(store_reading_stale(st, ra, T0 + 3000));
	assert_true(store_reading_stale(st, ra, T0 + 3001));
	assert_false(store_reading_stale(st, rb, T0 + 10000));
	assert_true(store_reading_stale(st, rb, T0 + 10001));
	store_destroy(st);
}

static void test_failure_and_304(void **state)
{
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 0);
	reading_in_t in = rin("x", 7);
	put1(st, s, &in, T0);
	const source_status_t *ss = store_source(st, s);
	assert_true(ss->ever_ok && !ss->failing && ss->error == NULL);
	assert_int_equal(ss->polls_ok, 1);

	uint64_t g = store_generation(st);
	store_poll_failed(st, s, "HTTP 503", T0 + 1000);
	store_poll_failed(st, s, "timeout", T0 + 2000);
	assert_true(store_generation(st) > g);
	assert_true(ss->failing);
	assert_string_equal(ss->error, "timeout");
	assert_int_equal(ss->consecutive_failures, 2);
	assert_int_equal(ss->polls_failed, 2);
	const reading_t *r = store_reading(st, 0);
	assert_true(r->has_value && r->value == 7); /* kept */
	float h[4];
	assert_int_equal(reading_history(r, h, 4), 1);
	assert_true(store_reading_stale(st, r, T0 + 3001));

	g = store_generation(st);
	store_poll_not_modified(st, s, T0 + 5000);
	assert_true(store_generation(st) > g);
	assert_false(ss->failing);
	assert_null(ss->error);
	assert_int_equal(ss->consecutive_failures, 0);
	assert_int_equal(ss->not_modified, 1);
	/* Healthy again, but the data is as old as the document confirmed. */
	assert_int_equal(ss->last_ok_ms, T0 + 5000);
	assert_int_equal(r->received_ms, T0);
	assert_int_equal(store_reading_age(r, T0 + 5000), 5000);
	assert_int_equal(store_source_data_age(st, s, T0 + 5000), 5000);
	assert_int_equal(reading_history(r, h, 4), 1); /* no new sample */
	assert_true(store_reading_stale(st, r, T0 + 5000));
	store_destroy(st);
}

/* Item 1 of issue 5: a 304 answered for ever to a frozen feed never makes
 * its data younger than the document it confirms; what the document no
 * longer carried ages alike. The source is healthy all along. */
static void test_304_never_freshens(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://127.0.0.1/", 1000, 3000);
	reading_in_t a = rin("a", 1), gone = rin("gone", 99);
	store_begin_poll(st, s, T0);
	store_put_reading(st, s, &a, T0);
	store_put_reading(st, s, &gone, T0);
	store_end_poll(st, s, &(poll_report_t){0}, T0);
	store_begin_poll(st, s, T0 + 1000);
	store_put_reading(st, s, &a, T0 + 1000);
	store_end_poll(st, s, &(poll_report_t){0}, T0 + 1000);
	for (int64_t t = T0 + 2000; t <= T0 + 10000; t += 1000)
		store_poll_not_modified(st, s, t);
	const source_status_t *ss = store_source(st, s);
	const reading_t *ra = store_reading(st, (size_t)store_find_reading(st, s, "a"));
	const reading_t *rg = store_reading(st, (size_t)store_find_reading(st, s, "gone"));
	assert_false(ss->failing);
	assert_int_equal(ss->last_ok_ms, T0 + 10000);
	assert_int_equal(store_reading_age(ra, T0 + 10000), 9000);
	assert_int_equal(store_reading_age(rg, T0 + 10000), 10000);
	assert_true(store_reading_stale(st, ra, T0 + 10000));
	assert_true(store_reading_stale(st, rg, T0 + 10000));
	assert_int_equal(store_source_data_age(st, s, T0 + 10000), 9000);
	store_destroy(st);
}

/* A reading dated by its producer (lag_ms = receipt - its time). */
static reading_in_t dated(const char *id, double v, int64_t ts, int64_t lag)
{
	reading_in_t in = rin(id, v);
	in.has_ts = in.dated = true;
	in.ts_ms = ts;
	in.lag_ms = lag;
	return in;
}

/* Item 1 of issue 5: the time a producer vouches for is measured against
 * citydash's clock; beyond the tolerance, the lag counts into the age. */
static void test_clock_lag_counts_into_age(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://127.0.0.1/", 1000, 3000);
	assert_int_equal(store_source(st, s)->clock_skew_ms, STORE_DEFAULT_CLOCK_SKEW_MS);
	/* An hour behind our clock: 30 s of it are tolerated as skew. */
	reading_in_t old = dated("old", 1, T0 - 3600000, 3600000);
	/* 20 s behind: within the tolerance, fresh. */
	reading_in_t skewed = dated("skewed", 1, T0 - 20000, 20000);
	store_begin_poll(st, s, T0);
	store_put_reading(st, s, &old, T0);
	store_put_reading(st, s, &skewed, T0);
	store_end_poll(
	    st, s, &(poll_report_t){.dated = true, .generated_ms = T0 - 3600000, .lag_ms = 3600000},
	    T0);
	const reading_t *ro = store_reading(st, (size_t)store_find_reading(st, s, "old"));
	const reading_t *rs = store_reading(st, (size_t)store_find_reading(st, s, "skewed"));
	assert_int_equal(store_reading_age(ro, T0), 3600000 - 30000);
	assert_true(store_reading_stale(st, ro, T0));
	assert_int_equal(store_reading_age(rs, T0), 0);
	assert_false(store_reading_stale(st, rs, T0 + 3000));
	/* The source answered just now, but its data is the document's age. */
	assert_int_equal(store_source(st, s)->last_ok_ms, T0);
	assert_int_equal(store_source_data_age(st, s, T0), 3600000 - 30000);
	assert_int_equal(store_source(st, s)->clock_lag_ms, 3600000);
	/* A tolerance of 0 counts all of it. */
	store_set_source_limits(st, s, &(source_limits_t){.clock_skew_ms = 0});
	put1(st, s, &skewed, T0 + 1000);
	assert_int_equal(store_reading_age(rs, T0 + 1000), 20000);
	store_destroy(st);
}

/* Item 1 of issue 5: a time ahead of our clock beyond the tolerance is
 * flagged (quality uncertain, counted) and not believed: resending the same
 * document never makes its data younger. */
static void test_future_time_not_believed(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://127.0.0.1/", 1000, 3000);
	reading_in_t f = dated("f", 1, T0 + 3600000, -3600000);
	poll_report_t rep = {.dated = true, .generated_ms = T0 + 3600000, .lag_ms = -3600000};
	store_begin_poll(st, s, T0);
	store_put_reading(st, s, &f, T0);
	store_end_poll(st, s, &rep, T0);
	const reading_t *r = store_reading(st, 0);
	assert_true(r->ahead_of_clock);
	assert_int_equal(r->quality, QUALITY_UNCERTAIN);
	assert_int_equal(store_source(st, s)->ahead_of_clock, 1);
	assert_int_equal(store_reading_age(r, T0), 0);
	/* The same document, sent again 10 s later (not a 304). */
	f.lag_ms = -3600000 + 10000;
	rep.lag_ms = f.lag_ms;
	store_begin_poll(st, s, T0 + 10000);
	store_put_reading(st, s, &f, T0 + 10000);
	store_end_poll(st, s, &rep, T0 + 10000);
	assert_int_equal(store_reading_age(r, T0 + 10000), 10000);
	assert_true(store_reading_stale(st, r, T0 + 10000));
	assert_int_equal(store_source_data_age(st, s, T0 + 10000), 10000);
	/* A newer observation is new data. */
	reading_in_t g = dated("f", 2, T0 + 3600000 + 11000, -3600000 + 1000);
	put1(st, s, &g, T0 + 12000);
	assert_int_equal(store_reading_age(r, T0 + 12000), 0);
	/* Within the tolerance ahead: believed, good. */
	reading_in_t h = dated("f", 3, T0 + 3600000 + 20000, -20000);
	put1(st, s, &h, T0 + 13000);
	assert_false(r->ahead_of_clock);
	assert_int_equal(r->quality, QUALITY_GOOD);
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_stale),
	    cmocka_unit_test(test_failure_and_304),
	    cmocka_unit_test(test_304_never_freshens),
	    cmocka_unit_test(test_clock_lag_counts_into_age),
	    cmocka_unit_test(test_future_time_not_believed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

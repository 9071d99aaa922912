/* Unit tests for a reading's backfill (store.h reading_in_t.backfill,
 * feeds/store_history.c): the samples of a reading with no history land at
 * their seconds on our clock (mapped as the reading's ts), oldest first,
 * before its current value; ignored once it has history; NAN samples are
 * gaps; samples out of order, repeated, newer than the reading or older
 * than the ring are handled; a parsed batch (ingest_batch.h) keeps its own
 * copy of them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ingest_batch.h"
#include "store.h"

/* cmocka's assert_float_equal lets NAN pass: a value must be there. */
#define assert_near(a, b, eps)                                                                     \
	do {                                                                                       \
		assert_false(isnan(a));                                                            \
		assert_float_equal((a), (b), (eps));                                               \
	} while (0)

#define T0   1764057600000 /* our clock, a whole second */
#define PTS  1700000000000 /* the producer's clock: ts of the current value */
#define SPAN 70            /* seconds read back, ending with the put's */

static reading_in_t rin(double v, const history_sample_t *bf, size_t n)
{
	return (reading_in_t){.id = "a",
	                      .has_value = true,
	                      .value = v,
	                      .has_ts = true,
	                      .ts_ms = PTS,
	                      .quality = QUALITY_GOOD,
	                      .has_range = true,
	                      .range_min = 0,
	                      .range_max = 10,
	                      .backfill = bf,
	                      .backfill_len = n};
}

static const reading_t *put1(store_t *st, const reading_in_t *in, int64_t now)
{
	store_begin_poll(st, 0, now);
	store_put_reading(st, 0, in, now);
	store_end_poll(st, 0, &(poll_report_t){0}, now);
	return store_reading(st, (size_t)store_find_reading(st, 0, "a"));
}

/* h[i] is second (SPAN - 1 - i) before the put's. */
static void history(const reading_t *r, int64_t now, float h[SPAN])
{
	assert_int_equal(reading_history_seconds(r, now, h, SPAN), SPAN);
}

/* Checks h holds v over the seconds [from, to] before now (from >= to). */
static void expect(const float h[SPAN], int from, int to, double v)
{
	for (int ago = from; ago >= to; ago--) {
		float x = h[SPAN - 1 - ago];
		if (isnan(v))
			assert_true(isnan(x));
		else
			assert_near(x, v, 0.01);
	}
}

static store_t *one_source(void)
{
	store_t *st = store_create();
	assert_int_equal(store_add_source(st, "w", "http://x/", 1000, 0), 0);
	return st;
}

static void test_samples_at_their_seconds(void **state)
{
	(void)state;
	store_t *st = one_source();
	history_sample_t bf[] = {{PTS - 60000, 1}, {PTS - 30000, 2}, {PTS - 10500, 3}};
	reading_in_t in = rin(4, bf, 3);
	int64_t now = T0 + 100000;
	const reading_t *r = put1(st, &in, now);
	float h[SPAN];
	history(r, now, h);
	expect(h, 69, 61, NAN); /* before the oldest sample */
	expect(h, 60, 31, 1);
	expect(h, 30, 12, 2);
	expect(h, 11, 1, 3); /* 10.5 s before: in the second 11 s before */
	expect(h, 0, 0, 4);  /* then the current value, as today */
	/* The next put records on top as always. */
	in.value = 5;
	in.ts_ms += 2000;
	r = put1(st, &in, now + 2000);
	history(r, now + 2000, h);
	expect(h, 62, 33, 1);
	expect(h, 2, 1, 4);
	expect(h, 0, 0, 5);
	store_destroy(st);
}

static void test_ignored_once_it_has_history(void **state)
{
	(void)state;
	store_t *st = one_source();
	int64_t now = T0 + 100000;
	reading_in_t in = rin(4, NULL, 0);
	put1(st, &in, now);
	history_sample_t bf[] = {{PTS - 30000, 1}, {PTS - 10000, 2}};
	in = rin(6, bf, 2);
	in.ts_ms = PTS + 5000;
	const reading_t *r = put1(st, &in, now + 5000);
	float h[SPAN];
	history(r, now + 5000, h);
	expect(h, 69, 6, NAN); /* nothing before its first put */
	expect(h, 5, 1, 4);
	expect(h, 0, 0, 6);
	store_destroy(st);
}

static void test_nan_samples_are_gaps(void **state)
{
	(void)state;
	store_t *st = one_source();
	history_sample_t bf[] = {{PTS - 30000, 1}, {PTS - 20000, NAN}, {PTS - 10000, 2}};
	reading_in_t in = rin(3, bf, 3);
	int64_t now = T0 + 100000;
	const reading_t *r = put1(st, &in, now);
	float h[SPAN];
	history(r, now, h);
	expect(h, 30, 21, 1);
	expect(h, 20, 11, NAN);
	expect(h, 10, 1, 2);
	expect(h, 0, 0, 3);
	store_destroy(st);
}

/* Out of order, one second twice (the later in the list wins), one newer
 * than the reading itself (never later than the put), one older than the
 * ring holds (skipped), one whose distance cannot be computed (skipped). */
static void test_out_of_order_and_repeated(void **state)
{
	(void)state;
	store_t *st = one_source();
	history_sample_t bf[] = {
	    {PTS - 10000, 3},      {PTS - 30000, 1},
	    {PTS - 20000, 2},      {PTS - 20000, 5},
	    {PTS + 60000, 9},      {PTS - (int64_t)(STORE_HISTORY_SECONDS + 5) * 1000, 7},
	    {INT64_MIN, 8},
	};
	reading_in_t in = rin(4, bf, sizeof bf / sizeof bf[0]);
	int64_t now = T0 + 100000;
	const reading_t *r = put1(st, &in, now);
	float h[SPAN];
	history(r, now, h);
	expect(h, 69, 31, NAN); /* nothing from the sample older than the ring */
	expect(h, 30, 21, 1);
	expect(h, 20, 11, 5);
	expect(h, 10, 1, 3);
	expect(h, 0, 0, 4); /* the sample "from the future" went under the current value */
	/* The ring ends at the put: nothing was written after it. */
	float last[1];
	assert_int_equal(reading_history(r, last, 1), 1);
	assert_near(last[0], 4, 0.01);
	float all[STORE_HISTORY_SECONDS];
	reading_history_seconds(r, now, all, STORE_HISTORY_SECONDS);
	assert_true(isnan(all[0]));
	store_destroy(st);
}

/* Samples beyond today's range keep their value (the scale covers them). */
static void test_values_beyond_the_range(void **state)
{
	(void)state;
	store_t *st = one_source();
	history_sample_t bf[] = {{PTS - 20000, 35}, {PTS - 10000, -40}};
	reading_in_t in = rin(4, bf, 2);
	int64_t now = T0 + 100000;
	const reading_t *r = put1(st, &in, now);
	float h[SPAN];
	history(r, now, h);
	expect(h, 20, 11, 35);
	expect(h, 10, 1, -40);
	expect(h, 0, 0, 4);
	store_destroy(st);
}

/* ---- through a parsed batch ---- */

static int backfill_parse(const void *opts, const adapter_body_t *bodies, size_t n,
                          int64_t now_ms, const feed_sink_t *sink, feed_stats_t *stats,
                          char **cause)
{
	(void)opts, (void)bodies, (void)n, (void)now_ms, (void)cause;
	memset(stats, 0, sizeof *stats);
	/* On the stack: gone once parse returns, so the batch must copy them. */
	history_sample_t bf[] = {{PTS - 20000, 1}, {PTS - 10000, 2}};
	reading_in_t in = rin(3, bf, 2);
	sink->reading(sink->ctx, &in);
	memset(bf, 0xff, sizeof bf);
	return 0;
}

static const adapter_t backfiller = {.name = "test-backfill", .parse = backfill_parse};

static void test_batch_copies_the_samples(void **state)
{
	(void)state;
	store_t *st = one_source();
	int64_t now = T0 + 100000;
	ingest_batch_t *b = ingest_batch_parse(&backfiller, "", 0, now, 0);
	assert_false(ingest_batch_rejected(b));
	assert_true(ingest_batch_apply(b, st, 0, 10, NULL));
	ingest_batch_free(b);
	const reading_t *r = store_reading(st, (size_t)store_find_reading(st, 0, "a"));
	float h[SPAN];
	history(r, now, h);
	expect(h, 21, 21, NAN);
	expect(h, 20, 11, 1);
	expect(h, 10, 1, 2);
	expect(h, 0, 0, 3);
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_samples_at_their_seconds),
	    cmocka_unit_test(test_ignored_once_it_has_history),
	    cmocka_unit_test(test_nan_samples_are_gaps),
	    cmocka_unit_test(test_out_of_order_and_repeated),
	    cmocka_unit_test(test_values_beyond_the_range),
	    cmocka_unit_test(test_batch_copies_the_samples),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

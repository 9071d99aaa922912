/* Unit tests for a reading's backfill (store.h reading_in_t.backfill, as the
 * prometheus adapter's query_range brings it): it fills the history of a
 * reading that has none, mapped onto the store's clock as the reading's ts,
 * a gap as no value, each step held until the next; it is ignored once the
 * reading has history; and a batch (ingest_batch) keeps its own copy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "adapter.h"
#include "ingest_batch.h"
#include "store.h"

/* cmocka's assert_float_equal lets NAN pass: a value must be there. */
#define assert_near(a, b, eps)                                                                     \
	do {                                                                                       \
		assert_false(isnan(a));                                                            \
		assert_float_equal((a), (b), (eps));                                               \
	} while (0)

#define T0 1764057600000 /* a whole second: the store's clock */
#define P0 1764050000000 /* the producer's clock, behind ours */

static void put1(store_t *st, int src, const reading_in_t *in, int64_t now)
{
	store_begin_poll(st, src, now);
	store_put_reading(st, src, in, now);
	store_end_poll(st, src, &(poll_report_t){0}, now);
}

static const history_sample_t samples[] = {
    {P0 - 30000, 10}, {P0 - 20000, NAN}, {P0 - 10000, 30}, {P0 + 5000, 99} /* after ts */};

static reading_in_t with_backfill(void)
{
	return (reading_in_t){.id = "a", .has_value = true, .value = 40, .quality = QUALITY_GOOD,
	                      .has_range = true, .range_min = 0, .range_max = 100,
	                      .has_ts = true, .ts_ms = P0, .dated = true,
	                      .backfill = samples, .backfill_len = 4};
}

static void check_filled(const reading_t *r)
{
	float h[32];
	/* h[i] is second -31 + i before now. */
	reading_history_seconds(r, T0, h, 32);
	assert_true(isnan(h[0])); /* before the first sample */
	for (int i = 1; i < 11; i++)
		assert_near(h[i], 10, 0.05); /* -30 s, held */
	for (int i = 11; i < 21; i++)
		assert_true(isnan(h[i])); /* the gap */
	for (int i = 21; i < 31; i++)
		assert_near(h[i], 30, 0.05);
	assert_near(h[31], 40, 0.05); /* now: the value, not the later sample */
}

static void test_fills_empty_history(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "p", "http://x/", 1000, 0);
	reading_in_t in = with_backfill();
	put1(st, s, &in, T0);
	check_filled(store_reading(st, 0));
	/* Once it has history, a backfill changes nothing. */
	static const history_sample_t other[] = {{P0 + 500, 77}};
	in.backfill = other;
	in.backfill_len = 1;
	in.ts_ms = P0 + 1000;
	put1(st, s, &in, T0 + 1000);
	float h[3];
	reading_history_seconds(store_reading(st, 0), T0 + 1000, h, 3);
	assert_near(h[0], 30, 0.05);
	assert_near(h[1], 40, 0.05);
	assert_near(h[2], 40, 0.05);
	store_destroy(st);
}

/* A reading whose first put has no value: the backfill still makes its ring. */
static void test_no_value_now(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "p", "http://x/", 1000, 0);
	reading_in_t in = with_backfill();
	in.has_value = false;
	put1(st, s, &in, T0);
	float h[2];
	reading_history_seconds(store_reading(st, 0), T0, h, 2);
	assert_near(h[0], 30, 0.05);
	assert_true(isnan(h[1]));
	store_destroy(st);
}

static const history_sample_t *handed;

static int parse_one(const void *opts, const adapter_body_t *bodies, size_t n, int64_t now_ms,
                     const feed_sink_t *sink, feed_stats_t *stats, char **cause)
{
	(void)opts, (void)bodies, (void)n, (void)now_ms, (void)cause;
	memset(stats, 0, sizeof *stats);
	history_sample_t mine[4];
	memcpy(mine, samples, sizeof mine);
	reading_in_t in = with_backfill();
	in.backfill = mine;
	handed = mine;
	stats->had_readings = true;
	stats->readings = 1;
	sink->reading(sink->ctx, &in);
	memset(mine, 0, sizeof mine); /* the adapter's memory is gone after parse */
	return 0;
}

static void test_batch_copies(void **state)
{
	(void)state;
	const adapter_t fake = {.name = "fake", .parse = parse_one};
	store_t *st = store_create();
	int s = store_add_source(st, "p", "http://x/", 1000, 0);
	adapter_body_t body = {"", 0, 0};
	ingest_batch_t *b = ingest_batch_parse_bodies(&fake, NULL, &body, 1, T0, 0);
	assert_false(ingest_batch_rejected(b));
	while (!ingest_batch_apply(b, st, s, 100, NULL))
		;
	ingest_batch_free(b);
	check_filled(store_reading(st, 0));
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fills_empty_history),
	    cmocka_unit_test(test_no_value_now),
	    cmocka_unit_test(test_batch_copies),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

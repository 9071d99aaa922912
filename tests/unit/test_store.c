/* Unit tests for feeds/store.c: lookup at scale, stable indices, in-place
 * updates, history ring, derived ranges, staleness, 304s, generation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* cmocka's assert_float_equal lets NAN pass: a value must be there. */
#define assert_near(a, b, eps)                                                                  \
	do {                                                                                    \
		assert_false(isnan(a));                                                         \
		assert_float_equal((a), (b), (eps));                                            \
	} while (0)
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

static void test_find_many(void **state)
{
	store_t *st = store_create();
	int src[3];
	for (int s = 0; s < 3; s++)
		src[s] = store_add_source(st,
		                          s == 0   ? "water"
		                          : s == 1 ? "power"
		                                   : "gas",
		                          "http://x/", 1000, 0);
	assert_int_equal(store_source_count(st), 3);
	char id[64];
	/* The same ids in every source: (source, id) is the key. */
	for (int s = 0; s < 3; s++) {
		store_begin_poll(st, src[s], T0);
		for (int i = 0; i < 1667; i++) {
			snprintf(id, sizeof id, "sensor.%d", i);
			reading_in_t in = rin(id, s * 10000 + i);
			assert_int_equal(store_put_reading(st, src[s], &in, T0), STORE_PUT_NEW);
		}
		store_end_poll(st, src[s], &(poll_report_t){0}, T0);
	}
	assert_int_equal(store_reading_count(st), 3 * 1667);
	for (int s = 0; s < 3; s++) {
		for (int i = 0; i < 1667; i++) {
			snprintf(id, sizeof id, "sensor.%d", i);
			long ix = store_find_reading(st, src[s], id);
			assert_true(ix >= 0);
			const reading_t *r = store_reading(st, (size_t)ix);
			assert_string_equal(r->id, id);
			assert_int_equal(r->source, src[s]);
			assert_true(r->value == s * 10000 + i);
			assert_int_equal(ix, s * 1667 + i); /* indices are insertion order */
		}
	}
	assert_int_equal(store_find_reading(st, 0, "sensor.1667"), -1);
	assert_int_equal(store_find_reading(st, 3, "sensor.1"), -1);
	assert_null(store_reading(st, 3 * 1667));
	assert_null(store_source(st, 3));
	store_destroy(st);
}

static void test_update_in_place(void **state)
{
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 0);
	reading_in_t in = rin("a", 1);
	in.name = "Pump 7";
	in.unit = "MPa";
	in.district = "江北区";
	put1(st, s, &in, T0);
	const reading_t *r = store_reading(st, 0);
	const char *name = r->name, *unit = r->unit, *street = r->street;
	in.value = 2;
	in.quality = QUALITY_BAD;
	store_begin_poll(st, s, T0 + 1000);
	assert_int_equal(store_put_reading(st, s, &in, T0 + 1000), STORE_PUT_UPDATED);
	store_end_poll(st, s, &(poll_report_t){0}, T0 + 1000);
	r = store_reading(st, 0);
	/* Unchanged strings keep their storage: nothing was allocated. */
	assert_ptr_equal(r->name, name);
	assert_ptr_equal(r->unit, unit);
	assert_ptr_equal(r->street, street);
	assert_string_equal(r->street, "");
	assert_true(r->value == 2);
	assert_int_equal(r->quality, QUALITY_BAD);
	assert_int_equal(r->received_ms, T0 + 1000);
	assert_int_equal(r->ts_ms, T0 + 1000); /* no ts given: time of receipt */
	in.name = NULL;                        /* absent name shows the id */
	put1(st, s, &in, T0 + 2000);
	assert_string_equal(store_reading(st, 0)->name, "a");
	assert_int_equal(store_reading_count(st), 1);
	store_destroy(st);
}

/* One poll a second for 100 s: the history holds a value per second (the
 * last one of a second wins), NAN where the feed sent null. */
static void test_duplicates_and_history(void **state)
{
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 0);
	for (int poll = 0; poll < 100; poll++) {
		int64_t now = T0 + poll * 1000 + 300;
		store_begin_poll(st, s, now);
		reading_in_t in = rin("a", poll);
		in.has_range = true;
		in.range_min = 0;
		in.range_max = 1000;
		in.has_value = poll % 10 != 5;
		assert_int_equal(store_put_reading(st, s, &in, now),
		                 poll ? STORE_PUT_UPDATED : STORE_PUT_NEW);
		if (poll == 99) { /* a repeat in the same document: last wins, one sample */
			in.value = 1000;
			assert_int_equal(store_put_reading(st, s, &in, now), STORE_PUT_DUPLICATE);
		}
		store_end_poll(st, s, &(poll_report_t){0}, now);
	}
	const reading_t *r = store_reading(st, 0);
	assert_true(r->value == 1000);
	assert_int_equal(r->history.len, 100);
	float h[STORE_HISTORY + 8];
	assert_int_equal(reading_history(r, h, sizeof h / sizeof h[0]), STORE_HISTORY + 8);
	for (int i = 0; i < STORE_HISTORY + 8; i++) {
		int poll = 100 - (STORE_HISTORY + 8) + i;
		if (poll == 99)
			assert_true(h[i] == 1000.0f);
		else if (poll % 10 == 5)
			assert_true(isnan(h[i])); /* null: no value, never 0 */
		else
			assert_near(h[i], poll, 0.05); /* a step is 3000 / 65532 */
	}
	/* Fewer requested: the newest, oldest first. */
	assert_int_equal(reading_history(r, h, 3), 3);
	assert_near(h[0], 97, 0.05);
	assert_near(h[1], 98, 0.05);
	assert_true(h[2] == 1000.0f);
	/* More than it holds: what it holds. */
	float all[STORE_HISTORY_SECONDS];
	assert_int_equal(reading_history(r, all, STORE_HISTORY_SECONDS), 100);
	/* The next poll is not a duplicate of the last. */
	store_begin_poll(st, s, T0 + 200000);
	reading_in_t in = rin("a", 1);
	assert_int_equal(store_put_reading(st, s, &in, T0 + 200000), STORE_PUT_UPDATED);
	store_end_poll(st, s, &(poll_report_t){0}, T0 + 200000);
	store_destroy(st);
}

static void check_range(const reading_t *r)
{
	assert_true(isfinite(r->range_min) && isfinite(r->range_max));
	assert_true(r->range_min < r->range_max);
	if (r->has_value)
		assert_true(r->range_min <= r->value && r->value <= r->range_max);
	if (r->limits.mask & LIMIT_LOLO)
		assert_true(r->range_min <= r->limits.lolo);
	if (r->limits.mask & LIMIT_HIHI)
		assert_true(r->limits.hihi <= r->range_max);
}

static void test_derived_range(void **state)
{
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 0);
	const double values[] = {0, 0.42, -5, 1e20, -1e300, DBL_MAX, -DBL_MAX, 1e-300};
	char id[32];
	int n = 0;
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		for (int variant = 0; variant < 5; variant++) {
			snprintf(id, sizeof id, "r%d", n++);
			reading_in_t in = rin(id, values[i]);
			if (variant == 1) { /* limits only, no value */
				in.has_value = false;
				in.limits = (limits_t){LIMIT_LOLO | LIMIT_HIHI, values[i], 0, 0,
				                       values[i] + 1};
			} else if (variant == 2) { /* bad range given: derived */
				in.has_range = true;
				in.range_min = 5;
				in.range_max = 5;
			} else if (variant == 3) { /* value outside its limits */
				in.limits = (limits_t){LIMIT_LO | LIMIT_HI, 0, -1, 0, 1};
			} else if (variant == 4) {
				in.has_value = false;
			}
			put1(st, s, &in, T0);
			check_range(store_reading(st, (size_t)store_find_reading(st, s, id)));
		}
	}
	/* Nothing at all: 0..1. A good range is kept as given. */
	reading_in_t none = {.id = "none"};
	put1(st, s, &none, T0);
	const reading_t *r = store_reading(st, (size_t)store_find_reading(st, s, "none"));
	assert_true(r->range_min == 0 && r->range_max == 1);
	reading_in_t given = rin("given", 50);
	given.has_range = true;
	given.range_min = 0;
	given.range_max = 10; /* the value may lie outside a range the producer chose */
	put1(st, s, &given, T0);
	r = store_reading(st, (size_t)store_find_reading(st, s, "given"));
	assert_true(r->range_min == 0 && r->range_max == 10);
	store_destroy(st);
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

/* One document of `source`: readings id_prefix.first .. id_prefix.(first+n-1). */
static unsigned put_range(store_t *st, int source, const char *prefix, int first, int n,
                          int64_t now, store_put_t *last)
{
	unsigned stored = 0;
	char id[64];
	store_begin_poll(st, source, now);
	for (int i = first; i < first + n; i++) {
		snprintf(id, sizeof id, "%s.%d", prefix, i);
		reading_in_t in = rin(id, i);
		store_put_t put = store_put_reading(st, source, &in, now);
		stored += put == STORE_PUT_NEW || put == STORE_PUT_UPDATED;
		if (last)
			*last = put;
	}
	store_end_poll(st, source, &(poll_report_t){0}, now);
	return stored;
}

static size_t live_readings(const store_t *st, int source)
{
	size_t n = 0;
	for (size_t i = 0; i < store_reading_count(st); i++) {
		const reading_t *r = store_reading(st, i);
		if (r && r->source == source) {
			/* The key index agrees with the slot. */
			assert_int_equal(store_find_reading(st, source, r->id), (long)i);
			n++;
		}
	}
	return n;
}

/* Items 9 of issue 5: caps are per source. A floods new ids past its cap;
 * B's HIHI reading is still stored. Readings A stopped sending are removed
 * after its retention time, their slots reused by new readings with new
 * serials, so no cap sticks until restart. */
static void test_caps_per_source_and_retention(void **state)
{
	(void)state;
	store_t *st = store_create();
	int a = store_add_source(st, "a", "http://127.0.0.1/a", 1000, 3000);
	int b = store_add_source(st, "b", "http://127.0.0.1/b", 1000, 3000);
	assert_int_equal(store_source(st, a)->max_readings, STORE_DEFAULT_MAX_READINGS);
	assert_int_equal(store_source(st, a)->retention_ms, 100 * 3000);
	store_set_source_limits(
	    st, a,
	    &(source_limits_t){.max_readings = 100, .retention_ms = 60000, .clock_skew_ms = -1});
	store_put_t last;
	/* A invents 70 new ids a poll: full after two polls. */
	for (int poll = 0; poll < 5; poll++)
		put_range(st, a, "a", poll * 70, 70, T0 + poll * 1000, &last);
	assert_int_equal(last, STORE_PUT_REFUSED);
	assert_int_equal(store_source(st, a)->readings_held, 100);
	assert_int_equal(store_source(st, a)->refused, 70);
	assert_int_equal(live_readings(st, a), 100);
	/* B's pump in HIHI is stored beside it. */
	reading_in_t pump = rin("pump", 25);
	pump.limits = (limits_t){.mask = LIMIT_HIHI, .hihi = 10};
	store_begin_poll(st, b, T0 + 5000);
	assert_int_equal(store_put_reading(st, b, &pump, T0 + 5000), STORE_PUT_NEW);
	store_end_poll(st, b, &(poll_report_t){0}, T0 + 5000);
	long ip = store_find_reading(st, b, "pump");
	assert_true(ip >= 0 && store_reading(st, (size_t)ip)->value == 25);

	/* A goes on inventing; its first readings left its feed at T0 + 1000
	 * (a.0-69) and T0 + 2000 (a.70-99): gone one minute after they were last
	 * sent, and nothing of A's before. */
	size_t slots = store_reading_count(st);
	uint64_t max_serial = 0;
	for (size_t i = 0; i < slots; i++)
		if (store_reading(st, i) && store_reading(st, i)->serial > max_serial)
			max_serial = store_reading(st, i)->serial;
	for (int64_t t = T0 + 6000; t < T0 + 60000; t += 1000)
		put_range(st, a, "flood", (int)(t - T0), 70, t, NULL);
	assert_int_equal(live_readings(st, a), 100);
	assert_true(store_find_reading(st, a, "a.0") >= 0);
	assert_int_equal(put_range(st, a, "flood", 60000, 70, T0 + 60000, NULL), 0);
	assert_int_equal(store_find_reading(st, a, "a.0"), -1); /* removed, slot freed */
	assert_true(store_find_reading(st, a, "a.99") >= 0);
	assert_int_equal(store_source(st, a)->readings_held, 30);
	/* New readings take the freed slots, with new serials. */
	assert_int_equal(put_range(st, a, "new", 0, 70, T0 + 61000, NULL), 70);
	assert_int_equal(store_reading_count(st), slots);
	for (int i = 0; i < 70; i++) {
		char id[32];
		snprintf(id, sizeof id, "new.%d", i);
		long ix = store_find_reading(st, a, id);
		assert_true(ix >= 0 && (size_t)ix < slots);
		assert_true(store_reading(st, (size_t)ix)->serial > max_serial);
	}
	assert_int_equal(put_range(st, a, "new", 0, 70, T0 + 62000, NULL), 70); /* updates */
	assert_int_equal(store_find_reading(st, a, "a.99"), -1); /* its minute is over */
	assert_int_equal(live_readings(st, a), 70);
	/* B's reading, never left out of B's documents, is untouched. */
	assert_int_equal(store_find_reading(st, b, "pump"), ip);
	assert_int_equal(live_readings(st, b), 1);
	store_destroy(st);
}

/* Retention counts from the last time a document carrying the reading was
 * sent or confirmed by a 304; a failing source keeps its last document's
 * readings (shown stale), whatever the time. */
static void test_retention_counts_from_confirmation(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "s", "http://127.0.0.1/", 1000, 3000);
	store_set_source_limits(st, s,
	                        &(source_limits_t){.retention_ms = 10000, .clock_skew_ms = -1});
	put_range(st, s, "x", 0, 2, T0, NULL);
	for (int64_t t = T0 + 1000; t <= T0 + 20000; t += 1000)
		store_poll_not_modified(st, s, t);     /* confirmed until T0 + 20 s */
	put_range(st, s, "x", 1, 1, T0 + 21000, NULL); /* x.0 left out */
	assert_true(store_find_reading(st, s, "x.0") >= 0);
	store_poll_failed(st, s, "timeout", T0 + 29999);
	assert_true(store_find_reading(st, s, "x.0") >= 0);
	store_poll_failed(st, s, "timeout", T0 + 30000);
	assert_int_equal(store_find_reading(st, s, "x.0"), -1);
	/* x.1 stays however long the source fails. */
	store_poll_failed(st, s, "timeout", T0 + 999999);
	assert_true(store_find_reading(st, s, "x.1") >= 0);
	assert_int_equal(live_readings(st, s), 1);
	store_destroy(st);
}

/* A string of n copies of c. */
static char *filled(size_t n, char c)
{
	char *p = malloc(n + 1);
	assert_non_null(p);
	memset(p, c, n);
	p[n] = '\0';
	return p;
}

/* Item 10 of issue 5: a source's bytes are bounded by its max_bytes, for
 * readings, KPIs and events; what would go beyond is refused; shrinking is
 * always allowed; another source is not affected. */
static void test_byte_budget(void **state)
{
	(void)state;
	store_t *st = store_create();
	int a = store_add_source(st, "a", "http://127.0.0.1/a", 1000, 3000);
	int b = store_add_source(st, "b", "http://127.0.0.1/b", 1000, 3000);
	assert_int_equal(store_source(st, a)->max_bytes, STORE_DEFAULT_MAX_BYTES);
	const size_t budget = 1024 * 1024;
	store_set_source_limits(st, a,
	                        &(source_limits_t){.max_bytes = budget, .clock_skew_ms = -1});
	char *big = filled(4096, 'x');
	char id[32];
	unsigned stored = 0, refused = 0;
	store_begin_poll(st, a, T0);
	for (int i = 0; i < 200; i++) {
		snprintf(id, sizeof id, "r%d", i);
		reading_in_t in = rin(id, i);
		in.name = in.district = in.street = in.unit = in.domain = big;
		store_put_t put = store_put_reading(st, a, &in, T0);
		stored += put == STORE_PUT_NEW;
		refused += put == STORE_PUT_OVER_BUDGET;
		assert_true(store_source(st, a)->bytes_held <= budget);
	}
	/* KPIs and events count against the same budget. */
	unsigned kpis_refused = 0, events_refused = 0;
	for (int i = 0; i < 10; i++) {
		snprintf(id, sizeof id, "k%d", i);
		kpi_in_t k = {.id = id, .name = big, .category = big, .unit = big, .period = big};
		kpis_refused += store_put_kpi(st, a, &k, T0) == STORE_PUT_OVER_BUDGET;
		event_in_t e = {.id = id,
		                .title = big,
		                .type = big,
		                .district = big,
		                .street = big,
		                .steps_done = -1,
		                .steps_total = -1};
		events_refused += store_put_event(st, a, &e, T0) == STORE_PUT_OVER_BUDGET;
		assert_true(store_source(st, a)->bytes_held <= budget);
	}
	assert_true(kpis_refused >= 9 && events_refused >= 9);
	store_end_poll(st, a, &(poll_report_t){0}, T0);
	/* About 5 x 4.1 KB and two slots a reading: some 40 fit in 1 MiB. */
	assert_true(stored > 30 && stored < 50);
	assert_int_equal(stored + refused, 200);
	assert_int_equal(store_source(st, a)->refused, refused + kpis_refused + events_refused);
	const source_status_t *sa = store_source(st, a);
	assert_true(sa->bytes_held > budget - 30000 && sa->bytes_held <= budget);
	/* A known reading may shrink, and then a new one fits. */
	reading_in_t small = rin("r0", 1);
	put1(st, a, &small, T0 + 1000);
	assert_true(sa->bytes_held < budget - 20000);
	/* The budget is recomputed from what is held: drop everything. */
	store_begin_poll(st, a, T0 + 2000);
	store_end_poll(st, a, &(poll_report_t){0}, T0 + 2000);
	store_set_source_limits(
	    st, a,
	    &(source_limits_t){.max_bytes = budget, .retention_ms = 1000, .clock_skew_ms = -1});
	store_poll_not_modified(st, a, T0 + 5000);
	assert_int_equal(sa->readings_held, 0);
	assert_int_equal(sa->bytes_held, 0);
	/* B holds what A could not. */
	store_begin_poll(st, b, T0);
	for (int i = 0; i < 200; i++) {
		snprintf(id, sizeof id, "r%d", i);
		reading_in_t in = rin(id, i);
		in.name = big;
		assert_int_equal(store_put_reading(st, b, &in, T0), STORE_PUT_NEW);
	}
	store_end_poll(st, b, &(poll_report_t){0}, T0);
	free(big);
	store_destroy(st);
}

/* place_version changes with the domain, district or street, and only then:
 * what tells the view which readings to order again (tui/view_order.c). */
static void test_place_version(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 500, 0);
	reading_in_t in = rin("x", 1);
	in.domain = "water";
	in.district = "渝中";
	in.street = "解放碑";
	put1(st, s, &in, T0);
	const reading_t *r = store_reading(st, 0);
	uint32_t v = r->place_version;
	in.value = 2;
	in.name = "renamed";
	in.unit = "MPa";
	put1(st, s, &in, T0 + 1000);
	assert_int_equal(r->place_version, v);
	const char **fields[] = {&in.domain, &in.district, &in.street};
	const char *moves[] = {"power", "江北", "朝天门"};
	for (size_t i = 0; i < 3; i++) {
		*fields[i] = moves[i];
		put1(st, s, &in, T0 + 2000 + 1000 * (int64_t)i);
		assert_int_not_equal(r->place_version, v);
		v = r->place_version;
	}
	store_destroy(st);
}

static void test_report_and_generation(void **state)
{
	store_t *st = store_create();
	uint64_t g0 = store_generation(st);
	int s = store_add_source(st, "w", "http://x/", 500, 0);
	assert_true(store_generation(st) > g0);
	uint64_t g1 = store_generation(st);
	store_begin_poll(st, s, T0);
	reading_in_t in = rin("x", 1);
	store_put_reading(st, s, &in, T0);
	assert_true(store_generation(st) > g1);
	uint64_t g2 = store_generation(st);
	poll_report_t rep = {.skipped = 3,
	                     .duplicates = 2,
	                     .limits_ignored = 1,
	                     .first_skip_reason = "reading #1: has no id"};
	store_end_poll(st, s, &rep, T0);
	assert_true(store_generation(st) > g2);
	const source_status_t *ss = store_source(st, s);
	assert_int_equal(ss->skipped, 3);
	assert_int_equal(ss->duplicates, 2);
	assert_int_equal(ss->limits_ignored, 1);
	assert_string_equal(ss->last_skip_reason, "reading #1: has no id");
	assert_int_equal(ss->last_ok_ms, T0);
	store_begin_poll(st, s, T0 + 1);
	store_end_poll(st, s, &(poll_report_t){0}, T0 + 1);
	assert_null(ss->last_skip_reason);
	assert_int_equal(ss->skipped, 0);
	store_destroy(st);
}

static void put_kpis_events(store_t *st, int s, const char *const *ids, size_t n, bool kpis,
                            bool events, int64_t now)
{
	store_begin_poll(st, s, now);
	for (size_t i = 0; i < n; i++) {
		if (kpis) {
			double hist[40];
			for (int j = 0; j < 40; j++)
				hist[j] = j;
			kpi_in_t k = {.id = ids[i],
			              .has_value = true,
			              .value = (double)i,
			              .history = hist,
			              .history_len = 40};
			store_put_kpi(st, s, &k, now);
		}
		if (events) {
			department_t deps[20];
			for (int j = 0; j < 20; j++)
				deps[j] = (department_t){j % 2 ? "城管" : "公安", DEPT_ACTIVE};
			event_in_t e = {.id = ids[i],
			                .title = "t",
			                .departments = deps,
			                .department_count = (size_t)(i % 2 ? 20 : 1),
			                .steps_done = -1,
			                .steps_total = -1};
			store_put_event(st, s, &e, now);
		}
	}
	store_end_poll(st, s, &(poll_report_t){.had_kpis = kpis, .had_events = events}, now);
}

static void test_kpis_events_removed(void **state)
{
	store_t *st = store_create();
	int a = store_add_source(st, "a", "http://a/", 1000, 0);
	int b = store_add_source(st, "b", "http://b/", 1000, 0);
	const char *const ids[] = {"k1", "k2", "k3", "k4"};
	put_kpis_events(st, a, ids, 4, true, true, T0);
	put_kpis_events(st, b, ids, 2, true, true, T0);
	assert_int_equal(store_kpi_count(st), 6);
	assert_int_equal(store_event_count(st), 6);
	const kpi_t *k = store_kpi(st, 0);
	assert_int_equal(k->history_len, STORE_KPI_HISTORY);
	assert_true(k->history[0] == 40 - STORE_KPI_HISTORY && k->history[31] == 39);
	assert_int_equal(store_event(st, 1)->department_count, STORE_DEPARTMENTS);

	/* a's next document lists k2 and k4 only, and carries no events array. */
	const char *const keep[] = {"k4", "k2"};
	put_kpis_events(st, a, keep, 2, true, false, T0 + 1000);
	assert_int_equal(store_kpi_count(st), 4);
	assert_int_equal(store_event_count(st), 6);
	size_t seen_a = 0, seen_b = 0;
	for (size_t i = 0; i < store_kpi_count(st); i++) {
		const kpi_t *ki = store_kpi(st, i);
		if (ki->source == a) {
			assert_true(strcmp(ki->id, "k2") == 0 || strcmp(ki->id, "k4") == 0);
			seen_a++;
		} else {
			seen_b++;
		}
	}
	assert_int_equal(seen_a, 2);
	assert_int_equal(seen_b, 2);
	/* An empty events array: all of a's events go; b's stay. Lookups still work. */
	put_kpis_events(st, a, keep, 0, false, true, T0 + 2000);
	assert_int_equal(store_event_count(st), 2);
	assert_int_equal(store_event(st, 0)->source, b);
	put_kpis_events(st, a, ids, 4, true, true, T0 + 3000);
	assert_int_equal(store_kpi_count(st), 6);
	assert_int_equal(store_event_count(st), 6);
	/* A changed department list shrinks and grows without leaking. */
	put_kpis_events(st, a, ids, 4, false, true, T0 + 4000);
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_find_many),
	    cmocka_unit_test(test_update_in_place),
	    cmocka_unit_test(test_duplicates_and_history),
	    cmocka_unit_test(test_derived_range),
	    cmocka_unit_test(test_stale),
	    cmocka_unit_test(test_failure_and_304),
	    cmocka_unit_test(test_304_never_freshens),
	    cmocka_unit_test(test_clock_lag_counts_into_age),
	    cmocka_unit_test(test_future_time_not_believed),
	    cmocka_unit_test(test_caps_per_source_and_retention),
	    cmocka_unit_test(test_retention_counts_from_confirmation),
	    cmocka_unit_test(test_byte_budget),
	    cmocka_unit_test(test_report_and_generation),
	    cmocka_unit_test(test_place_version),
	    cmocka_unit_test(test_kpis_events_removed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for the store's bounds per source: max_readings, retention of
 * readings a feed stopped sending, max_bytes. */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_caps_per_source_and_retention),
	    cmocka_unit_test(test_retention_counts_from_confirmation),
	    cmocka_unit_test(test_byte_budget),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

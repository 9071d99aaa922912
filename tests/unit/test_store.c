/* Unit tests for feeds/store.c: lookup at scale, stable indices, in-place
 * updates, history, derived ranges, places, poll reports and generation,
 * KPIs and events leaving. Time and age: test_store_age.c; bounds per
 * source: test_store_limits.c; per-second history: test_store_history.c. */
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

#include "store.h"

/* cmocka's assert_float_equal lets NAN pass: a value must be there. */
#define assert_near(a, b, eps)                                                                     \
	do {                                                                                       \
		assert_false(isnan(a));                                                            \
		assert_float_equal((a), (b), (eps));                                               \
	} while (0)

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
	    cmocka_unit_test(test_report_and_generation),
	    cmocka_unit_test(test_place_version),
	    cmocka_unit_test(test_kpis_events_removed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

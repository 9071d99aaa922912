/* Unit tests for the store's KPIs and events as the governance pages key
 * them: serials that survive the swap-remove of another item and are never
 * given twice, and an event's timeline of stage and tier changes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "store.h"

#define T0 1764057600000

/* One whole document of the KPIs (or events) named, in that order. */
static void put_kpis(store_t *st, int s, const char *const *ids, size_t n, int64_t now)
{
	store_begin_poll(st, s, now);
	for (size_t i = 0; i < n; i++) {
		kpi_in_t k = {.id = ids[i], .has_value = true, .value = (double)i};
		store_put_kpi(st, s, &k, now);
	}
	store_end_poll(st, s, &(poll_report_t){.had_kpis = true}, now);
}

static const kpi_t *kpi_by_id(const store_t *st, const char *id)
{
	for (size_t i = 0; i < store_kpi_count(st); i++)
		if (strcmp(store_kpi(st, i)->id, id) == 0)
			return store_kpi(st, i);
	return NULL;
}

static const event_t *event_by_id(const store_t *st, const char *id)
{
	for (size_t i = 0; i < store_event_count(st); i++)
		if (strcmp(store_event(st, i)->id, id) == 0)
			return store_event(st, i);
	return NULL;
}

static void test_kpi_serials(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "gov", "http://x/", 1000, 0);
	/* A reading first: serials are unique across kinds too. */
	store_begin_poll(st, s, T0);
	store_put_reading(st, s, &(reading_in_t){.id = "r"}, T0);
	store_end_poll(st, s, &(poll_report_t){0}, T0);
	uint64_t reading_serial = store_reading(st, 0)->serial;
	const char *const abc[] = {"a", "b", "c"};
	put_kpis(st, s, abc, 3, T0);
	uint64_t sa = kpi_by_id(st, "a")->serial, sb = kpi_by_id(st, "b")->serial,
	         sc = kpi_by_id(st, "c")->serial;
	assert_true(sa && sb && sc && sa != sb && sb != sc && sa != sc);
	assert_true(sa != reading_serial && sb != reading_serial && sc != reading_serial);
	/* Updates keep them. */
	put_kpis(st, s, abc, 3, T0 + 1000);
	assert_true(kpi_by_id(st, "a")->serial == sa && kpi_by_id(st, "c")->serial == sc);
	/* A dropped by the sweep: C moves into its slot and keeps its serial. */
	const char *const bc[] = {"b", "c"};
	put_kpis(st, s, bc, 2, T0 + 2000);
	assert_int_equal(store_kpi_count(st), 2);
	assert_string_equal(store_kpi(st, 0)->id, "c"); /* moved */
	assert_true(store_kpi(st, 0)->serial == sc);
	assert_true(kpi_by_id(st, "b")->serial == sb);
	/* Withdrawn by a delta: the same. */
	store_begin_delta(st, s, T0 + 3000);
	assert_true(store_withdraw_kpi(st, s, "c"));
	store_end_poll(st, s, &(poll_report_t){0}, T0 + 3000);
	assert_int_equal(store_kpi_count(st), 1);
	assert_true(store_kpi(st, 0)->serial == sb);
	/* A comes back: a new KPI to whoever keyed the old one, a new serial. */
	put_kpis(st, s, abc, 3, T0 + 4000);
	uint64_t sa2 = kpi_by_id(st, "a")->serial, sc2 = kpi_by_id(st, "c")->serial;
	assert_true(sa2 != sa && sa2 != sb && sa2 != sc && sa2 != reading_serial);
	assert_true(sc2 != sc && sc2 != sa2);
	assert_true(kpi_by_id(st, "b")->serial == sb);
	store_destroy(st);
}

static event_in_t ein(const char *id, stage_t stage, tier_t level)
{
	return (event_in_t){
	    .id = id, .stage = stage, .level = level, .steps_done = -1, .steps_total = -1};
}

static void put_event(store_t *st, int s, event_in_t e, int64_t now)
{
	store_begin_poll(st, s, now);
	store_put_event(st, s, &e, now);
	store_end_poll(st, s, &(poll_report_t){0}, now);
}

static void test_event_serials(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "gov", "http://x/", 1000, 0);
	const char *const ids[] = {"e1", "e2", "e3"};
	store_begin_poll(st, s, T0);
	for (size_t i = 0; i < 3; i++)
		store_put_event(st, s, &(event_in_t){.id = ids[i]}, T0);
	store_end_poll(st, s, &(poll_report_t){.had_events = true}, T0);
	uint64_t s1 = event_by_id(st, "e1")->serial, s3 = event_by_id(st, "e3")->serial;
	assert_true(s1 && s3 && s1 != s3 && event_by_id(st, "e2")->serial != s1);
	/* e1 closed and gone: e3 moves into slot 0 with its serial. */
	store_begin_poll(st, s, T0 + 1000);
	store_put_event(st, s, &(event_in_t){.id = "e2"}, T0 + 1000);
	store_put_event(st, s, &(event_in_t){.id = "e3"}, T0 + 1000);
	store_end_poll(st, s, &(poll_report_t){.had_events = true}, T0 + 1000);
	assert_string_equal(store_event(st, 0)->id, "e3");
	assert_true(store_event(st, 0)->serial == s3);
	store_begin_delta(st, s, T0 + 2000);
	assert_true(store_withdraw_event(st, s, "e2"));
	store_end_poll(st, s, &(poll_report_t){0}, T0 + 2000);
	assert_true(store_event(st, 0)->serial == s3);
	put_event(st, s, (event_in_t){.id = "e1"}, T0 + 3000);
	uint64_t s1b = event_by_id(st, "e1")->serial;
	assert_true(s1b != s1 && s1b != s3);
	store_destroy(st);
}

/* The timeline: the first sight, then every change of stage or tier, from
 * whole documents and deltas alike; the same again adds nothing. */
static void test_event_timeline(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "gov", "http://x/", 1000, 0);
	put_event(st, s, ein("e", STAGE_SENSED, TIER_STREET), T0);
	const event_t *e = store_event(st, 0);
	size_t cost = e->cost;
	assert_int_equal(e->timeline_count, 1);
	assert_int_equal(e->timeline[0].at_ms, T0);
	assert_int_equal(e->timeline[0].stage, STAGE_SENSED);
	assert_int_equal(e->timeline[0].level, TIER_STREET);
	put_event(st, s, ein("e", STAGE_SENSED, TIER_STREET), T0 + 1000); /* no change */
	assert_int_equal(e->timeline_count, 1);
	put_event(st, s, ein("e", STAGE_HANDLING, TIER_STREET), T0 + 2000);
	store_begin_delta(st, s, T0 + 3000); /* a delta escalates it */
	event_in_t d = ein("e", STAGE_HANDLING, TIER_DISTRICT);
	store_put_event(st, s, &d, T0 + 3000);
	store_end_poll(st, s, &(poll_report_t){0}, T0 + 3000);
	e = store_event(st, 0);
	assert_int_equal(e->timeline_count, 3);
	assert_int_equal(e->timeline[1].at_ms, T0 + 2000);
	assert_int_equal(e->timeline[1].stage, STAGE_HANDLING);
	assert_int_equal(e->timeline[2].at_ms, T0 + 3000);
	assert_int_equal(e->timeline[2].level, TIER_DISTRICT);
	/* A repeat in one document: each change counts. */
	store_begin_poll(st, s, T0 + 4000);
	event_in_t x = ein("e", STAGE_EVALUATING, TIER_DISTRICT);
	store_put_event(st, s, &x, T0 + 4000);
	x.level = TIER_CITY;
	store_put_event(st, s, &x, T0 + 4000);
	store_end_poll(st, s, &(poll_report_t){0}, T0 + 4000);
	assert_int_equal(e->timeline_count, 5);
	assert_int_equal(e->timeline[4].level, TIER_CITY);
	/* Full: the first sight stays, the oldest after it goes. */
	for (int i = 0; i < 2 * STORE_EVENT_TIMELINE; i++)
		put_event(st, s, ein("e", i % 2 ? STAGE_REVIEWING : STAGE_CLOSED, TIER_CITY),
		          T0 + 10000 + i * 1000);
	assert_int_equal(e->timeline_count, STORE_EVENT_TIMELINE);
	assert_int_equal(e->timeline[0].at_ms, T0);
	assert_int_equal(e->timeline[0].stage, STAGE_SENSED);
	for (size_t k = 1; k < STORE_EVENT_TIMELINE; k++) {
		int i = 2 * STORE_EVENT_TIMELINE - STORE_EVENT_TIMELINE + (int)k;
		assert_int_equal(e->timeline[k].at_ms, T0 + 10000 + i * 1000);
		assert_int_equal(e->timeline[k].stage, i % 2 ? STAGE_REVIEWING : STAGE_CLOSED);
	}
	/* It lives in the event itself: no cost beyond the event's. */
	assert_int_equal(e->cost, cost);
	assert_int_equal(store_source(st, s)->bytes_held, cost);
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_kpi_serials),
	    cmocka_unit_test(test_event_serials),
	    cmocka_unit_test(test_event_timeline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Alarm engine: classification with deadband, states over time, ordering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "alarm.h"
#include "store.h"

static const limits_t four = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10, 20, 80, 90};

static void test_classify_bands(void **state)
{
	(void)state;
	assert_int_equal(alarm_classify(50, &four, 0, ALARM_NONE), ALARM_NONE);
	assert_int_equal(alarm_classify(85, &four, 0, ALARM_NONE), ALARM_HI);
	assert_int_equal(alarm_classify(95, &four, 0, ALARM_NONE), ALARM_HIHI);
	assert_int_equal(alarm_classify(15, &four, 0, ALARM_NONE), ALARM_LO);
	assert_int_equal(alarm_classify(5, &four, 0, ALARM_NONE), ALARM_LOLO);
	/* At the limit is not beyond it. */
	assert_int_equal(alarm_classify(80, &four, 0, ALARM_NONE), ALARM_NONE);
	assert_int_equal(alarm_classify(20, &four, 0, ALARM_NONE), ALARM_NONE);
}

static void test_classify_partial_limits(void **state)
{
	(void)state;
	limits_t only_high = {LIMIT_HI | LIMIT_HIHI, 0, 0, 25, 50};
	assert_int_equal(alarm_classify(-1000, &only_high, 0, ALARM_NONE), ALARM_NONE);
	assert_int_equal(alarm_classify(30, &only_high, 0, ALARM_NONE), ALARM_HI);
	assert_int_equal(alarm_classify(60, &only_high, 0, ALARM_NONE), ALARM_HIHI);
	limits_t none = {0};
	assert_int_equal(alarm_classify(1e9, &none, 0, ALARM_NONE), ALARM_NONE);
}

static void test_deadband_holds_until_back_inside(void **state)
{
	(void)state;
	/* In HI at 81; 79.5 is inside hi but not by the deadband of 1: still HI. */
	assert_int_equal(alarm_classify(79.5, &four, 1, ALARM_HI), ALARM_HI);
	assert_int_equal(alarm_classify(78.9, &four, 1, ALARM_HI), ALARM_NONE);
	/* From HIHI, falling between hi and hihi-deadband steps down to HI. */
	assert_int_equal(alarm_classify(89.5, &four, 1, ALARM_HIHI), ALARM_HIHI);
	assert_int_equal(alarm_classify(85, &four, 1, ALARM_HIHI), ALARM_HI);
	/* Low side mirrors it. */
	assert_int_equal(alarm_classify(20.5, &four, 1, ALARM_LO), ALARM_LO);
	assert_int_equal(alarm_classify(21.5, &four, 1, ALARM_LO), ALARM_NONE);
	assert_int_equal(alarm_classify(10.5, &four, 1, ALARM_LOLO), ALARM_LOLO);
	/* Without a previous alarm the deadband does not widen the limit. */
	assert_int_equal(alarm_classify(79.5, &four, 1, ALARM_NONE), ALARM_NONE);
}

/* A hold keeps a level only on the side the value is on: with a deadband
 * wider than the normal band, a value below LO after HIHI is LO, not HI. */
static void test_deadband_keeps_its_side(void **state)
{
	(void)state;
	const limits_t l = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 0.1, 0.2, 0.8, 0.9};
	const double db = 0.7;
	/* The case of the issue. */
	assert_int_equal(alarm_classify(0.150, &l, db, ALARM_HIHI), ALARM_LO);
	assert_int_equal(alarm_classify(0.150, &l, db, ALARM_HI), ALARM_LO);
	assert_int_equal(alarm_classify(0.05, &l, db, ALARM_HIHI), ALARM_LOLO);
	/* On its own side the hold still holds. */
	assert_int_equal(alarm_classify(0.6, &l, db, ALARM_HIHI), ALARM_HIHI);
	assert_int_equal(alarm_classify(0.6, &l, db, ALARM_HI), ALARM_HI);
	/* Below the middle of the normal band (0.5) no high hold applies. */
	assert_int_equal(alarm_classify(0.45, &l, db, ALARM_HIHI), ALARM_NONE);
	assert_int_equal(alarm_classify(0.5, &l, db, ALARM_HIHI), ALARM_NONE);
	/* The low side mirrors it. */
	assert_int_equal(alarm_classify(0.85, &l, db, ALARM_LOLO), ALARM_HI);
	assert_int_equal(alarm_classify(0.95, &l, db, ALARM_LO), ALARM_HIHI);
	assert_int_equal(alarm_classify(0.4, &l, db, ALARM_LOLO), ALARM_LOLO);
	assert_int_equal(alarm_classify(0.4, &l, db, ALARM_LO), ALARM_LO);
	assert_int_equal(alarm_classify(0.55, &l, db, ALARM_LOLO), ALARM_NONE);
	/* Held levels are a fixed point: evaluating again keeps them. */
	assert_int_equal(alarm_classify(0.6, &l, db, alarm_classify(0.6, &l, db, ALARM_HIHI)),
	                 ALARM_HIHI);
	/* Only high limits: there is no other side, the hold applies as far as it reaches. */
	const limits_t high = {LIMIT_HI | LIMIT_HIHI, 0, 0, 0.8, 0.9};
	assert_int_equal(alarm_classify(0.25, &high, db, ALARM_HIHI), ALARM_HIHI);
	assert_int_equal(alarm_classify(0.15, &high, db, ALARM_HIHI), ALARM_HI);
	assert_int_equal(alarm_classify(0.15, &high, db, ALARM_HI), ALARM_HI);
	assert_int_equal(alarm_classify(0.05, &high, db, ALARM_HI), ALARM_NONE);
}

/* A store with one source and readings put at given values. */
static store_t *make_store(void)
{
	store_t *st = store_create();
	store_add_source(st, "t", "http://127.0.0.1/", 1000, 3000);
	return st;
}

static void put(store_t *st, const char *id, double value, bool has_value, quality_t q, int64_t now)
{
	reading_in_t in = {
	    .id = id,
	    .has_value = has_value,
	    .value = value,
	    .limits = four,
	    .deadband = 1,
	    .quality = q,
	};
	store_put_reading(st, 0, &in, now);
}

static void poll(store_t *st, int64_t now, double a, double b, double c)
{
	store_begin_poll(st, 0, now);
	put(st, "a", a, true, QUALITY_GOOD, now);
	put(st, "b", b, true, QUALITY_GOOD, now);
	put(st, "c", c, true, QUALITY_BAD, now);
	poll_report_t rep = {0};
	store_end_poll(st, 0, &rep, now);
}

static void test_engine_states_and_order(void **state)
{
	(void)state;
	store_t *st = make_store();
	alarm_engine_t *eng = alarm_engine_create();

	poll(st, 1000, 85, 50, 99);
	alarm_engine_evaluate(eng, st, 1000);
	assert_int_equal(alarm_engine_active_count(eng), 1);
	assert_int_equal(alarm_engine_state(eng, 0).level, ALARM_HI);
	assert_int_equal(alarm_engine_state(eng, 0).since_ms, 1000);
	/* Bad quality is never a process alarm, whatever its value. */
	assert_int_equal(alarm_engine_state(eng, 2).level, ALARM_NONE);

	poll(st, 2000, 86, 95, 99);
	alarm_engine_evaluate(eng, st, 2000);
	assert_int_equal(alarm_engine_active_count(eng), 2);
	assert_int_equal(alarm_engine_critical_count(eng), 1);
	/* HIHI before HI even though HI is older. */
	assert_int_equal(alarm_engine_active(eng, 0), 1);
	assert_int_equal(alarm_engine_active(eng, 1), 0);
	/* "since" stays at entry time while the level holds. */
	assert_int_equal(alarm_engine_state(eng, 0).since_ms, 1000);

	poll(st, 3000, 50, 95, 99);
	alarm_engine_evaluate(eng, st, 3000);
	assert_int_equal(alarm_engine_active_count(eng), 1);
	assert_int_equal(alarm_engine_state(eng, 0).level, ALARM_NONE);

	alarm_engine_destroy(eng);
	store_destroy(st);
}

/* A reading its source stopped sending is removed after its retention and
 * its slot taken by a new reading: the new one starts with no alarm state,
 * not with the old one's level held by the deadband. */
static void test_engine_slot_reused_starts_fresh(void **state)
{
	(void)state;
	store_t *st = make_store();
	store_set_source_limits(st, 0, &(source_limits_t){.retention_ms = 5000});
	alarm_engine_t *eng = alarm_engine_create();
	store_begin_poll(st, 0, 1000);
	put(st, "a", 85, true, QUALITY_GOOD, 1000); /* HI (80) */
	put(st, "b", 50, true, QUALITY_GOOD, 1000);
	store_end_poll(st, 0, &(poll_report_t){0}, 1000);
	alarm_engine_evaluate(eng, st, 1000);
	assert_int_equal(alarm_engine_state(eng, 0).level, ALARM_HI);
	alarm_transition_t tr[ALARM_HISTORY];
	assert_int_equal(alarm_engine_history(eng, 0, tr, ALARM_HISTORY), 1);
	/* "a" is no longer sent; past its retention it is gone. */
	for (int64_t t = 2000; t <= 8000; t += 1000) {
		store_begin_poll(st, 0, t);
		put(st, "b", 50, true, QUALITY_GOOD, t);
		store_end_poll(st, 0, &(poll_report_t){0}, t);
	}
	assert_null(store_reading(st, 0));
	/* "z" takes the free slot at 79.5: inside HI by less than the deadband
	 * (1), which would hold a HI it had; but it never had one. */
	store_begin_poll(st, 0, 9000);
	put(st, "z", 79.5, true, QUALITY_GOOD, 9000);
	put(st, "b", 50, true, QUALITY_GOOD, 9000);
	store_end_poll(st, 0, &(poll_report_t){0}, 9000);
	assert_non_null(store_reading(st, 0));
	assert_string_equal(store_reading(st, 0)->id, "z");
	alarm_engine_evaluate(eng, st, 9000);
	assert_int_equal(alarm_engine_state(eng, 0).level, ALARM_NONE);
	assert_int_equal(alarm_engine_active_count(eng), 0);
	assert_int_equal(alarm_engine_history(eng, 0, tr, ALARM_HISTORY), 0); /* not a's */
	alarm_engine_destroy(eng);
	store_destroy(st);
}

static void expect_change(alarm_transition_t t, int64_t at, alarm_level_t from, alarm_level_t to)
{
	assert_int_equal(t.at_ms, at);
	assert_int_equal(t.from, from);
	assert_int_equal(t.to, to);
}

/* Each reading's level changes, oldest first, dated by the observation that
 * caused them; an evaluation that changes nothing adds nothing. */
static void test_engine_history(void **state)
{
	(void)state;
	store_t *st = make_store();
	alarm_engine_t *eng = alarm_engine_create();
	const double a[] = {50, 85, 85, 95, 85, 50};
	for (int i = 0; i < 6; i++) {
		poll(st, 1000 * (i + 1), a[i], 50, 99);
		alarm_engine_evaluate(eng, st, 1000 * (i + 1));
		alarm_engine_evaluate(eng, st, 1000 * (i + 1) + 500);
	}
	alarm_transition_t tr[ALARM_HISTORY + 1];
	assert_int_equal(alarm_engine_history(eng, 0, tr, ALARM_HISTORY + 1), 4);
	expect_change(tr[0], 2000, ALARM_NONE, ALARM_HI);
	expect_change(tr[1], 4000, ALARM_HI, ALARM_HIHI);
	expect_change(tr[2], 5000, ALARM_HIHI, ALARM_HI);
	expect_change(tr[3], 6000, ALARM_HI, ALARM_NONE);
	/* Fewer asked for: the newest. */
	assert_int_equal(alarm_engine_history(eng, 0, tr, 2), 2);
	expect_change(tr[0], 5000, ALARM_HIHI, ALARM_HI);
	expect_change(tr[1], 6000, ALARM_HI, ALARM_NONE);
	/* Never in alarm, bad quality, or no such reading: none. */
	assert_int_equal(alarm_engine_history(eng, 1, tr, ALARM_HISTORY), 0);
	assert_int_equal(alarm_engine_history(eng, 2, tr, ALARM_HISTORY), 0);
	assert_int_equal(alarm_engine_history(eng, 99, tr, ALARM_HISTORY), 0);
	/* More changes than it keeps: the oldest go. */
	for (int i = 0; i < ALARM_HISTORY; i++) {
		int64_t t = 10000 + 1000 * i;
		poll(st, t, i % 2 ? 50 : 95, 50, 99);
		alarm_engine_evaluate(eng, st, t);
	}
	assert_int_equal(alarm_engine_history(eng, 0, tr, ALARM_HISTORY + 1), ALARM_HISTORY);
	for (int i = 0; i < ALARM_HISTORY; i++)
		expect_change(tr[i], 10000 + 1000 * i, i % 2 ? ALARM_HIHI : ALARM_NONE,
		              i % 2 ? ALARM_NONE : ALARM_HIHI);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

/* A copy carries the history, and the two go their own ways after. */
static void test_engine_copy_history(void **state)
{
	(void)state;
	store_t *st = make_store();
	alarm_engine_t *eng = alarm_engine_create(), *shown = alarm_engine_create();
	poll(st, 1000, 85, 50, 99);
	alarm_engine_evaluate(eng, st, 1000);
	poll(st, 2000, 95, 50, 99);
	alarm_engine_evaluate(eng, st, 2000);
	alarm_engine_copy(shown, eng);
	alarm_transition_t tr[ALARM_HISTORY];
	assert_int_equal(alarm_engine_history(shown, 0, tr, ALARM_HISTORY), 2);
	expect_change(tr[0], 1000, ALARM_NONE, ALARM_HI);
	expect_change(tr[1], 2000, ALARM_HI, ALARM_HIHI);
	poll(st, 3000, 50, 50, 99);
	alarm_engine_evaluate(eng, st, 3000);
	assert_int_equal(alarm_engine_history(eng, 0, tr, ALARM_HISTORY), 3);
	assert_int_equal(alarm_engine_history(shown, 0, tr, ALARM_HISTORY), 2);
	alarm_engine_copy(shown, eng);
	assert_int_equal(alarm_engine_history(shown, 0, tr, ALARM_HISTORY), 3);
	expect_change(tr[2], 3000, ALARM_HIHI, ALARM_NONE);
	alarm_engine_destroy(shown);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

static void test_engine_stale_keeps_alarm(void **state)
{
	(void)state;
	store_t *st = make_store();
	alarm_engine_t *eng = alarm_engine_create();
	poll(st, 1000, 95, 50, 50);
	alarm_engine_evaluate(eng, st, 1000);
	assert_false(alarm_engine_state(eng, 0).stale);
	/* No data for 10 s (stale after 3 s): the alarm stays, marked stale. */
	alarm_engine_evaluate(eng, st, 11000);
	alarm_state_t s = alarm_engine_state(eng, 0);
	assert_int_equal(s.level, ALARM_HIHI);
	assert_true(s.stale);
	assert_int_equal(s.since_ms, 1000);
	assert_int_equal(alarm_engine_stale_count(eng), 1);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

/* A reading already stale when it arrives is classified all the same, and
 * its alarm is listed, marked stale; so is a stale reading whose value
 * changed since it was last fresh. */
static void test_engine_classifies_stale_on_arrival(void **state)
{
	(void)state;
	store_t *st = make_store();
	alarm_engine_t *eng = alarm_engine_create();
	reading_in_t in = {.id = "late",
	                   .has_value = true,
	                   .value = 25,
	                   .age_at_receipt_ms = 3600 * 1000, /* an hour old when sent */
	                   .limits = {LIMIT_HIHI, 0, 0, 0, 10},
	                   .quality = QUALITY_GOOD};
	store_begin_poll(st, 0, 1000);
	store_put_reading(st, 0, &in, 1000);
	store_end_poll(st, 0, &(poll_report_t){0}, 1000);
	alarm_engine_evaluate(eng, st, 1000);
	alarm_state_t s = alarm_engine_state(eng, 0);
	assert_int_equal(s.level, ALARM_HIHI);
	assert_true(s.stale);
	assert_int_equal(alarm_engine_active_count(eng), 1);
	assert_int_equal(alarm_engine_critical_count(eng), 1);
	assert_int_equal(alarm_engine_stale_count(eng), 1);

	/* Still old, now back inside its limit: the alarm clears. */
	in.value = 5;
	store_begin_poll(st, 0, 2000);
	store_put_reading(st, 0, &in, 2000);
	store_end_poll(st, 0, &(poll_report_t){0}, 2000);
	alarm_engine_evaluate(eng, st, 2000);
	assert_int_equal(alarm_engine_state(eng, 0).level, ALARM_NONE);
	assert_int_equal(alarm_engine_active_count(eng), 0);
	assert_int_equal(alarm_engine_stale_count(eng), 0);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

/* Uncertain quality is still classified: a doubtful HIHI is a HIHI. */
static void test_engine_uncertain_is_classified(void **state)
{
	(void)state;
	store_t *st = make_store();
	alarm_engine_t *eng = alarm_engine_create();
	store_begin_poll(st, 0, 1000);
	put(st, "a", 95, true, QUALITY_UNCERTAIN, 1000);
	store_end_poll(st, 0, &(poll_report_t){0}, 1000);
	alarm_engine_evaluate(eng, st, 1000);
	assert_int_equal(alarm_engine_state(eng, 0).level, ALARM_HIHI);
	assert_int_equal(alarm_engine_critical_count(eng), 1);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

static void test_engine_null_value_is_no_alarm(void **state)
{
	(void)state;
	store_t *st = make_store();
	alarm_engine_t *eng = alarm_engine_create();
	store_begin_poll(st, 0, 1000);
	put(st, "a", 0, false, QUALITY_GOOD, 1000);
	poll_report_t rep = {0};
	store_end_poll(st, 0, &rep, 1000);
	alarm_engine_evaluate(eng, st, 1000);
	/* A null must never be read as 0 (which would be LOLO here). */
	assert_int_equal(alarm_engine_state(eng, 0).level, ALARM_NONE);
	assert_int_equal(alarm_engine_active_count(eng), 0);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

static void test_since_is_observation_time(void **state)
{
	(void)state;
	store_t *st = make_store();
	alarm_engine_t *eng = alarm_engine_create();
	store_begin_poll(st, 0, 5000);
	reading_in_t in = {.id = "a",
	                   .has_value = true,
	                   .value = 95,
	                   .has_ts = true,
	                   .ts_ms = 4200,
	                   .limits = four};
	store_put_reading(st, 0, &in, 5000);
	in.id = "future";
	in.ts_ms = 99000; /* a producer whose clock runs ahead */
	store_put_reading(st, 0, &in, 5000);
	poll_report_t rep = {0};
	store_end_poll(st, 0, &rep, 5000);
	alarm_engine_evaluate(eng, st, 5000);
	assert_int_equal(alarm_engine_state(eng, 0).since_ms, 4200);
	assert_int_equal(alarm_engine_state(eng, 1).since_ms, 5000);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_classify_bands),
	    cmocka_unit_test(test_classify_partial_limits),
	    cmocka_unit_test(test_deadband_holds_until_back_inside),
	    cmocka_unit_test(test_engine_states_and_order),
	    cmocka_unit_test(test_deadband_keeps_its_side),
	    cmocka_unit_test(test_engine_stale_keeps_alarm),
	    cmocka_unit_test(test_engine_slot_reused_starts_fresh),
	    cmocka_unit_test(test_engine_classifies_stale_on_arrival),
	    cmocka_unit_test(test_engine_uncertain_is_classified),
	    cmocka_unit_test(test_engine_null_value_is_no_alarm),
	    cmocka_unit_test(test_since_is_observation_time),
	    cmocka_unit_test(test_engine_history),
	    cmocka_unit_test(test_engine_copy_history),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Alarm engine, states: the ISA-18.2 life of alarms driven by their
 * condition and by real operators' decisions (alarm_ops): acks, re-alarm on
 * escalation, shelving and its expiry, precedence, the list's order, slot
 * reuse, the copy, the transition log, arrivals and chattering. */
#include <stdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#include "alarm_rig.h"

/* Escalation of an acknowledged alarm is a re-alarm and needs a new ack;
 * the old ack does not carry over. */
static void test_escalation_realarms(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_step(&r, "a", 85, 1000);
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	uint64_t high = alarm_engine_high_arrivals(r.eng);
	rig_ack(&r, "a", 1500);
	rig_eval(&r, 2000);
	const alarm_info_t *a = rig_find(&r, "a");
	assert_int_equal(a->state, ISA_ACKED);
	assert_string_equal(a->ack.by, "ana@wall");
	assert_string_equal(a->ack.reason, "seen");
	assert_int_equal(a->state_ms, 2000);
	rig_step(&r, "a", 95, 3000);
	a = rig_find(&r, "a");
	assert_int_equal(a->state, ISA_UNACK);
	assert_int_equal(a->priority, ALARM_PRIORITY_HIGH);
	assert_int_equal(alarm_engine_high_arrivals(r.eng), high + 1);
	rig_eval(&r, 4000); /* the first ack is spent */
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	rig_ack(&r, "a", 4500);
	rig_eval(&r, 5000);
	assert_int_equal(rig_state(&r, "a"), ISA_ACKED);
	/* Down to HI and up again is another escalation. */
	rig_step(&r, "a", 85, 6000);
	assert_int_equal(rig_state(&r, "a"), ISA_ACKED);
	rig_step(&r, "a", 95, 7000);
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	/* An ack made before an escalation of an unacknowledged alarm was for
	 * the milder condition: the worse one needs its own. */
	rig_step(&r, "b", 85, 8000);
	rig_ack(&r, "b", 8500);
	rig_step(&r, "b", 95, 9000);
	assert_int_equal(rig_state(&r, "b"), ISA_UNACK);
	rig_close(&r);
}

/* An activation never shown (it began as its source fell silent, so it went
 * straight to DSUPR) is an arrival when it is shown at last. */
static void test_arrival_after_suppression(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_step(&r, "a", 50, 1000);
	rig_value(&r, "a", 95, 1500); /* the last document before the silence */
	uint64_t high = alarm_engine_high_arrivals(r.eng);
	rig_eval(&r, 4600);
	assert_int_equal(rig_state(&r, "a"), ISA_DSUPR);
	assert_int_equal(rig_state(&r, "source:t"), ISA_UNACK);
	assert_int_equal(alarm_engine_high_arrivals(r.eng), high + 1); /* the comm alarm */
	unsigned arrivals = alarm_engine_kpi(r.eng)->last_10min;
	rig_step(&r, "a", 95, 5000);
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	assert_int_equal(alarm_engine_high_arrivals(r.eng), high + 2);
	assert_int_equal(alarm_engine_kpi(r.eng)->last_10min, arrivals + 1);
	/* Suppressed and back again: not a new arrival. */
	rig_eval(&r, 9000);
	assert_int_equal(rig_state(&r, "a"), ISA_DSUPR);
	rig_step(&r, "a", 95, 9500);
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	assert_int_equal(alarm_engine_high_arrivals(r.eng), high + 3); /* the comm alarm's */
	rig_close(&r);
}

/* Returned unacknowledged, then acked: back to normal, off the list, in
 * the cleared ids of that evaluation. An ack of one activation does not
 * acknowledge the next. */
static void test_rtnun_ack_and_next_activation(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_step(&r, "a", 85, 1000);
	rig_step(&r, "a", 50, 2000);
	assert_int_equal(rig_state(&r, "a"), ISA_RTNUN);
	assert_int_equal(alarm_engine_cleared_count(r.eng), 0);
	rig_ack(&r, "a", 2500);
	rig_eval(&r, 3000);
	assert_null(rig_find(&r, "a"));
	assert_null(alarm_engine_find(r.eng, ALARM_KIND_LIMIT, 0));
	assert_int_equal(alarm_engine_cleared_count(r.eng), 1);
	assert_string_equal(alarm_engine_cleared(r.eng, 0), "a");
	rig_eval(&r, 3500);
	assert_int_equal(alarm_engine_cleared_count(r.eng), 0);
	rig_step(&r, "a", 85, 4000); /* a new activation */
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	rig_eval(&r, 5000);
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	/* Acked while active, then it clears: straight to normal. */
	rig_ack(&r, "a", 5500);
	rig_eval(&r, 6000);
	assert_int_equal(rig_state(&r, "a"), ISA_ACKED);
	rig_step(&r, "a", 50, 7000);
	assert_null(rig_find(&r, "a"));
	assert_string_equal(alarm_engine_cleared(r.eng, 0), "a");
	rig_step(&r, "a", 85, 8000);
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	rig_close(&r);
}

/* Acks replayed before the engine first sees the alarm hold for it (a
 * restart keeps what was acknowledged). */
static void test_replayed_ack_holds(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_ack(&r, "a", 500);
	rig_step(&r, "a", 85, 1000);
	assert_int_equal(rig_state(&r, "a"), ISA_ACKED);
	rig_close(&r);
}

/* Shelving: of an active alarm and of one at rest; it expires by itself,
 * or an unshelve ends it; the log says who and why. */
static void test_shelve_and_expiry(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_poll(&r, 0, (rig_put_t[]){{"a", 85, QUALITY_GOOD}, {"b", 50, QUALITY_GOOD}}, 2, 1000);
	rig_eval(&r, 1000);
	rig_shelve(&r, "a", 1500, 10000, "maintenance");
	rig_shelve(&r, "b", 1500, 20000, "sensor swap");
	rig_poll(&r, 0, (rig_put_t[]){{"a", 85, QUALITY_GOOD}, {"b", 50, QUALITY_GOOD}}, 2, 2000);
	rig_eval(&r, 2000);
	const alarm_info_t *a = rig_find(&r, "a");
	assert_int_equal(a->state, ISA_SHLVD);
	assert_string_equal(a->shelve.by, "ana@wall");
	assert_string_equal(a->shelve.reason, "maintenance");
	assert_int_equal(a->shelve.until_ms, 10000);
	assert_int_equal(rig_state(&r, "b"), ISA_SHLVD); /* at rest: legal */
	assert_int_equal(alarm_engine_state_count(r.eng, ISA_SHLVD), 2);
	assert_int_equal(alarm_engine_kpi(r.eng)->shelved, 2);
	const alarm_log_entry_t *e = alarm_log_newest(alarm_engine_log(r.eng), 0);
	assert_non_null(e);
	assert_int_equal(e->to, ISA_SHLVD);
	assert_string_equal(e->by, "ana@wall");

	/* b goes into alarm while shelved: nothing shown. */
	rig_poll(&r, 0, (rig_put_t[]){{"a", 85, QUALITY_GOOD}, {"b", 95, QUALITY_GOOD}}, 2, 5000);
	rig_eval(&r, 5000);
	assert_int_equal(rig_state(&r, "b"), ISA_SHLVD);
	/* a's shelve expires at 10000: it lands by its condition. */
	rig_poll(&r, 0, (rig_put_t[]){{"a", 85, QUALITY_GOOD}, {"b", 95, QUALITY_GOOD}}, 2, 9999);
	rig_eval(&r, 9999);
	assert_int_equal(rig_state(&r, "a"), ISA_SHLVD);
	uint64_t high = alarm_engine_high_arrivals(r.eng);
	rig_poll(&r, 0, (rig_put_t[]){{"a", 85, QUALITY_GOOD}, {"b", 95, QUALITY_GOOD}}, 2, 10000);
	rig_eval(&r, 10000);
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	e = alarm_log_newest(alarm_engine_log(r.eng), 0);
	assert_string_equal(e->alarm, "a");
	assert_int_equal(e->from, ISA_SHLVD);
	assert_int_equal(e->to, ISA_UNACK);
	assert_string_equal(e->reason, "shelve expired");
	/* Unshelved by hand: b's activation began while shelved, so landing
	 * UNACK is its (high-priority) arrival. */
	rig_unshelve(&r, "b", 11000);
	rig_poll(&r, 0, (rig_put_t[]){{"a", 85, QUALITY_GOOD}, {"b", 95, QUALITY_GOOD}}, 2, 11000);
	rig_eval(&r, 11000);
	assert_int_equal(rig_state(&r, "b"), ISA_UNACK);
	assert_int_equal(alarm_engine_high_arrivals(r.eng), high + 1);
	rig_close(&r);
}

/* Shelved over suppressed over the alarm's life; when the shelve ends the
 * suppression applies again at once. */
static void test_precedence(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_step(&r, "a", 95, 1000);
	rig_eval(&r, 5000); /* silent: suppressed under source:t */
	assert_int_equal(rig_state(&r, "a"), ISA_DSUPR);
	rig_shelve(&r, "a", 5500, 8000, "noisy");
	rig_eval(&r, 6000);
	assert_int_equal(rig_state(&r, "a"), ISA_SHLVD);
	assert_int_equal(alarm_engine_suppressed_count(r.eng, 0), 0);
	rig_eval(&r, 8000);
	assert_int_equal(rig_state(&r, "a"), ISA_DSUPR);
	/* Every step was one of the model's: DSUPR -> UNACK -> SHLVD -> UNACK -> DSUPR. */
	const alarm_log_t *log = alarm_engine_log(r.eng);
	static const isa_state_t want[][2] = {{ISA_UNACK, ISA_DSUPR}, {ISA_SHLVD, ISA_UNACK},
	                                      {ISA_UNACK, ISA_SHLVD}, {ISA_DSUPR, ISA_UNACK}};
	size_t k = 0;
	for (size_t i = 0; i < alarm_log_count(log) && k < 4; i++) {
		const alarm_log_entry_t *e = alarm_log_newest(log, i);
		if (strcmp(e->alarm, "a") != 0)
			continue;
		assert_int_equal(e->from, want[k][0]);
		assert_int_equal(e->to, want[k][1]);
		k++;
	}
	assert_int_equal(k, 4);
	rig_close(&r);
}

/* Unacknowledged first, then high before medium, then newest, then id. */
static void test_list_order(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_poll(&r, 0,
	         (rig_put_t[]){{"m.old", 85, QUALITY_GOOD},
	                       {"h.old", 95, QUALITY_GOOD},
	                       {"r.back", 95, QUALITY_GOOD}},
	         3, 1000);
	rig_eval(&r, 1000);
	rig_poll(&r, 0,
	         (rig_put_t[]){{"m.old", 85, QUALITY_GOOD},
	                       {"h.old", 95, QUALITY_GOOD},
	                       {"r.back", 50, QUALITY_GOOD},
	                       {"m.new", 85, QUALITY_GOOD},
	                       {"z.new", 5, QUALITY_GOOD},
	                       {"h.new", 5, QUALITY_GOOD}},
	         6, 2000);
	rig_eval(&r, 2000);
	rig_ack(&r, "h.new", 2500);
	rig_poll(&r, 0,
	         (rig_put_t[]){{"m.old", 85, QUALITY_GOOD},
	                       {"h.old", 95, QUALITY_GOOD},
	                       {"r.back", 50, QUALITY_GOOD},
	                       {"m.new", 85, QUALITY_GOOD},
	                       {"z.new", 5, QUALITY_GOOD},
	                       {"h.new", 5, QUALITY_GOOD}},
	         6, 3000);
	rig_eval(&r, 3000);
	/* Unacknowledged and active, high, oldest first; then the returned
	 * one (older and high, but over); the acknowledged one last. */
	static const char *const order[] = {"h.old", "z.new", "m.old", "m.new", "r.back", "h.new"};
	assert_int_equal(alarm_engine_alarm_count(r.eng), 6);
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(alarm_engine_alarm(r.eng, i)->id, order[i]);
	assert_int_equal(alarm_engine_alarm(r.eng, 4)->state, ISA_RTNUN);
	assert_null(alarm_engine_alarm(r.eng, 6));
	const alarm_kpi_counts_t *k = alarm_engine_kpi(r.eng);
	assert_int_equal(k->by_priority[ALARM_PRIORITY_HIGH], 4); /* r.back too */
	assert_int_equal(k->by_priority[ALARM_PRIORITY_MEDIUM], 2);
	assert_int_equal(k->unacked, 5);
	rig_close(&r);
}

/* A slot freed and taken by another reading starts afresh: the old
 * reading's alarm does not become the new one's. */
static void test_slot_reuse(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	store_set_source_limits(r.st, 0, &(source_limits_t){.retention_ms = 5000});
	rig_poll(&r, 0, (rig_put_t[]){{"a", 95, QUALITY_GOOD}, {"b", 50, QUALITY_GOOD}}, 2, 1000);
	rig_eval(&r, 1000);
	rig_ack(&r, "a", 1500);
	rig_eval(&r, 1500);
	assert_int_equal(rig_state(&r, "a"), ISA_ACKED);
	for (int64_t t = 2000; t <= 8000; t += 1000)
		rig_value(&r, "b", 50, t);
	assert_null(store_reading(r.st, 0));
	rig_poll(&r, 0, (rig_put_t[]){{"z", 85, QUALITY_GOOD}, {"b", 50, QUALITY_GOOD}}, 2, 9000);
	rig_eval(&r, 9000);
	assert_null(rig_find(&r, "a"));
	const alarm_info_t *z = alarm_engine_find(r.eng, ALARM_KIND_LIMIT, 0);
	assert_non_null(z);
	assert_string_equal(z->id, "z");
	assert_int_equal(z->state, ISA_UNACK);
	assert_int_equal(z->peak, ALARM_HI);
	assert_int_equal(z->since_ms, 9000);
	assert_int_equal(z->serial, store_reading(r.st, 0)->serial);
	rig_close(&r);
}

/* The copy is a whole engine: list, suppressed, log, KPIs, cleared ids, and
 * it evaluates on as the original would. */
static void test_copy(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_poll(&r, 0, (rig_put_t[]){{"a", 95, QUALITY_GOOD}, {"b", 85, QUALITY_GOOD}}, 2, 1000);
	rig_eval(&r, 1000);
	rig_eval(&r, 5000);
	alarm_engine_t *copy = alarm_engine_create();
	alarm_engine_copy(copy, r.eng);
	assert_int_equal(alarm_engine_alarm_count(copy), alarm_engine_alarm_count(r.eng));
	for (size_t i = 0; i < alarm_engine_alarm_count(copy); i++)
		assert_string_equal(alarm_engine_alarm(copy, i)->id, alarm_engine_alarm(r.eng, i)->id);
	assert_int_equal(alarm_engine_suppressed_count(copy, 0), 2);
	assert_non_null(alarm_engine_find(copy, ALARM_KIND_COMM, 0));
	assert_int_equal(alarm_log_total(alarm_engine_log(copy)),
	                 alarm_log_total(alarm_engine_log(r.eng)));
	assert_int_equal(alarm_engine_kpi(copy)->last_10min, alarm_engine_kpi(r.eng)->last_10min);
	assert_int_equal(alarm_engine_high_arrivals(copy), alarm_engine_high_arrivals(r.eng));
	/* It carries the configuration: an ack reaches it. */
	rig_poll(&r, 0, (rig_put_t[]){{"a", 95, QUALITY_GOOD}, {"b", 85, QUALITY_GOOD}}, 2, 6000);
	rig_ack(&r, "a", 6000);
	rig_ack(&r, "source:t", 6000); /* it returns now: acked, back to NORM */
	alarm_engine_evaluate(copy, r.st, 6000);
	rig_eval(&r, 6000);
	assert_int_equal(rig_find(&r, "a")->state, ISA_ACKED);
	assert_int_equal(alarm_engine_find(copy, ALARM_KIND_LIMIT, 0)->state, ISA_ACKED);
	assert_int_equal(alarm_engine_cleared_count(copy), alarm_engine_cleared_count(r.eng));
	assert_int_equal(alarm_engine_cleared_count(copy), 1);
	assert_string_equal(alarm_engine_cleared(copy, 0), "source:t");
	alarm_engine_destroy(copy);
	rig_close(&r);
}

/* Alarms standing when a reading is first seen (start-up) are listed and
 * unacknowledged, but they are no arrivals: nobody knows the rate they came
 * at, and ten of them must not read as a flood. One that comes later is. */
static void test_standing_alarms_are_no_arrivals(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_put_t puts[12];
	char ids[12][8];
	for (int i = 0; i < 12; i++) {
		snprintf(ids[i], sizeof ids[i], "s%d", i);
		puts[i] = (rig_put_t){ids[i], 95, 0};
	}
	rig_poll(&r, 0, puts, 12, 1000);
	rig_eval(&r, 1000);
	assert_int_equal(rig_state(&r, "s0"), ISA_UNACK);
	assert_int_equal(alarm_engine_kpi(r.eng)->unacked, 12);
	assert_int_equal(alarm_engine_kpi(r.eng)->last_10min, 0);
	assert_false(alarm_engine_kpi(r.eng)->flood);
	puts[0].value = 50; /* s0 returns, then comes back: that one arrives */
	rig_poll(&r, 0, puts, 12, 2000);
	rig_eval(&r, 2000);
	puts[0].value = 95;
	rig_poll(&r, 0, puts, 12, 3000);
	rig_eval(&r, 3000);
	assert_int_equal(alarm_engine_kpi(r.eng)->last_10min, 1);
	rig_close(&r);
}

/* A returned alarm keeps the priority of its worst level: HIHI, then back
 * through HI to normal, is a high-priority RTNUN showing HIHI. */
static void test_returned_alarm_priority_of_its_peak(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_step(&r, "a", 50, 1000);
	rig_step(&r, "a", 95, 2000);
	rig_step(&r, "a", 85, 3000);
	assert_int_equal(rig_find(&r, "a")->priority, ALARM_PRIORITY_MEDIUM);
	rig_step(&r, "a", 50, 4000);
	const alarm_info_t *a = rig_find(&r, "a");
	assert_non_null(a);
	assert_int_equal(a->state, ISA_RTNUN);
	assert_int_equal(a->peak, ALARM_HIHI);
	assert_int_equal(a->priority, ALARM_PRIORITY_HIGH);
	rig_close(&r);
}

/* Three activations within a minute: chattering, counted; a minute of
 * quiet ends it. */
static void test_chattering(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	for (int i = 0; i < 3; i++) {
		rig_step(&r, "a", 85, 1000 + 10000 * i);
		rig_step(&r, "a", 50, 6000 + 10000 * i);
	}
	const alarm_info_t *a = rig_find(&r, "a");
	assert_non_null(a);
	assert_true(a->chattering);
	assert_int_equal(alarm_engine_kpi(r.eng)->chattering, 1);
	rig_step(&r, "a", 50, 90000);
	assert_false(rig_find(&r, "a")->chattering);
	assert_int_equal(alarm_engine_kpi(r.eng)->chattering, 0);
	rig_close(&r);
}

/* Standing longer than a day: a stale alarm in the EEMUA figures. */
static void test_stale_alarm_counted(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_step(&r, "a", 85, 1000);
	rig_step(&r, "a", 85, 1000 + ALARM_KPI_STALE_MS);
	assert_int_equal(alarm_engine_kpi(r.eng)->stale, 0);
	rig_step(&r, "a", 85, 1001 + ALARM_KPI_STALE_MS);
	assert_int_equal(alarm_engine_kpi(r.eng)->stale, 1);
	assert_int_equal(rig_find(&r, "a")->since_ms, 1000);
	rig_close(&r);
}

/* A silence (from Alertmanager) made to start later shelves an alarm at
 * rest once it starts, though nothing in ops changes then; its creator and
 * comment are the shelve's note. */
static void test_pending_silence(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_step(&r, "a", 50, 1000);
	am_silence_t *sil = xcalloc(1, sizeof *sil);
	sil->id = xstrdup("s1");
	sil->matchers = xcalloc(1, sizeof *sil->matchers);
	sil->matchers[0] = (am_matcher_t){xstrdup("alarm_id"), xstrdup("a"), false, true};
	sil->matcher_count = 1;
	sil->starts_ms = 10000;
	sil->ends_ms = 60000;
	sil->created_by = xstrdup("bo");
	sil->comment = xstrdup("pump swap");
	alarm_ops_set_silences(r.ops, sil, 1);
	for (int64_t t = 2000; t < 10000; t += 1000)
		rig_step(&r, "a", 50, t);
	assert_int_equal(rig_state(&r, "a"), ISA_NORM);
	for (int64_t t = 10000; t < 16000; t += 1000)
		rig_step(&r, "a", 50, t);
	const alarm_info_t *a = rig_find(&r, "a");
	assert_non_null(a);
	assert_int_equal(a->state, ISA_SHLVD);
	assert_string_equal(a->shelve.by, "bo");
	assert_string_equal(a->shelve.reason, "pump swap");
	assert_true(a->shelve.remote);
	rig_close(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_escalation_realarms),
	    cmocka_unit_test(test_arrival_after_suppression),
	    cmocka_unit_test(test_rtnun_ack_and_next_activation),
	    cmocka_unit_test(test_replayed_ack_holds),
	    cmocka_unit_test(test_shelve_and_expiry),
	    cmocka_unit_test(test_precedence),
	    cmocka_unit_test(test_list_order),
	    cmocka_unit_test(test_slot_reuse),
	    cmocka_unit_test(test_copy),
	    cmocka_unit_test(test_standing_alarms_are_no_arrivals),
	    cmocka_unit_test(test_returned_alarm_priority_of_its_peak),
	    cmocka_unit_test(test_chattering),
	    cmocka_unit_test(test_stale_alarm_counted),
	    cmocka_unit_test(test_pending_silence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

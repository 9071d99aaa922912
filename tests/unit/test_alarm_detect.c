/* Alarm engine, detection: deadband, on- and off-delays with an injected
 * clock, escalation, the fault alarm, the communications alarm and the
 * suppression under it, out of service from the configuration. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "alarm_rig.h"

/* Water readings with these delays (and the feed's deadband, 1). */
static void use_delays(rig_t *r, int64_t on_ms, int64_t off_ms)
{
	for (int d = 0; d < DOMAIN_COUNT; d++)
		r->cfg.domains[d] = (alarm_tuning_t){-1, 0, on_ms, off_ms};
	rig_use_cfg(r);
}

static alarm_level_t level(const rig_t *r)
{
	return alarm_engine_state(r->eng, 0).level;
}

/* The deadband comes from the configuration: a reading's own entry wins
 * over the feed's. */
static void test_deadband_from_cfg(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	use_delays(&r, 0, 0);
	rig_step(&r, "a", 85, 1000);
	assert_int_equal(level(&r), ALARM_HI);
	rig_step(&r, "a", 79.5, 2000); /* inside by less than the feed's 1 */
	assert_int_equal(level(&r), ALARM_HI);
	rig_step(&r, "a", 78.9, 3000);
	assert_int_equal(level(&r), ALARM_NONE);

	alarm_reading_cfg_t own = {.id = (char *)"a", .tuning = {5, -1, -1, -1}};
	r.cfg.readings = &own;
	r.cfg.reading_count = 1;
	rig_use_cfg(&r);
	rig_step(&r, "a", 85, 4000);
	rig_step(&r, "a", 76, 5000); /* inside by 4 < 5 */
	assert_int_equal(level(&r), ALARM_HI);
	assert_non_null(rig_find(&r, "a"));
	rig_step(&r, "a", 74.9, 6000);
	assert_int_equal(level(&r), ALARM_NONE);
	r.cfg.readings = NULL;
	r.cfg.reading_count = 0;
	rig_close(&r);
}

/* On-delay: the level is annunciated once it has held that long; a break
 * starts the wait again; escalation waits as well, HI shown meanwhile. */
static void test_on_delay(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	use_delays(&r, 5000, 0);
	rig_step(&r, "a", 85, 1000);
	assert_int_equal(level(&r), ALARM_NONE);
	assert_null(rig_find(&r, "a"));
	rig_step(&r, "a", 85, 3000);
	rig_step(&r, "a", 50, 4000); /* a break */
	rig_step(&r, "a", 85, 5000);
	rig_step(&r, "a", 85, 9999);
	assert_int_equal(level(&r), ALARM_NONE);
	assert_int_equal(alarm_engine_active_count(r.eng), 0);
	rig_step(&r, "a", 85, 10000);
	assert_int_equal(level(&r), ALARM_HI);
	const alarm_info_t *a = rig_find(&r, "a");
	assert_non_null(a);
	assert_int_equal(a->state, ISA_UNACK);
	assert_int_equal(a->priority, ALARM_PRIORITY_MEDIUM);

	rig_step(&r, "a", 95, 11000); /* HIHI from 11000 */
	assert_int_equal(level(&r), ALARM_HI);
	rig_step(&r, "a", 95, 15999);
	assert_int_equal(level(&r), ALARM_HI);
	rig_step(&r, "a", 95, 16000);
	assert_int_equal(level(&r), ALARM_HIHI);
	a = rig_find(&r, "a");
	assert_int_equal(a->level, ALARM_HIHI);
	assert_int_equal(a->peak, ALARM_HIHI);
	assert_int_equal(a->priority, ALARM_PRIORITY_HIGH);
	assert_int_equal(a->since_ms, 10000); /* the activation, not the escalation */
	rig_close(&r);
}

/* Off-delay: the level drops once the value has been back that long; a
 * return within it cancels the drop; HIHI -> HI waits too. */
static void test_off_delay(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	use_delays(&r, 0, 5000);
	rig_step(&r, "a", 95, 1000);
	assert_int_equal(level(&r), ALARM_HIHI);
	rig_step(&r, "a", 85, 2000);
	assert_int_equal(level(&r), ALARM_HIHI);
	rig_step(&r, "a", 85, 6999);
	assert_int_equal(level(&r), ALARM_HIHI);
	rig_step(&r, "a", 85, 7000);
	assert_int_equal(level(&r), ALARM_HI);
	rig_step(&r, "a", 50, 8000);
	rig_step(&r, "a", 85, 10000); /* back within the delay */
	rig_step(&r, "a", 50, 11000);
	rig_step(&r, "a", 50, 15999);
	assert_int_equal(level(&r), ALARM_HI);
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	rig_step(&r, "a", 50, 16000);
	assert_int_equal(level(&r), ALARM_NONE);
	assert_int_equal(rig_state(&r, "a"), ISA_RTNUN);
	/* The history has the annunciated levels only. */
	alarm_transition_t tr[ALARM_HISTORY];
	assert_int_equal(alarm_engine_history(r.eng, 0, tr, ALARM_HISTORY), 3);
	assert_int_equal(tr[1].to, ALARM_HI);
	assert_int_equal(tr[2].to, ALARM_NONE);
	rig_close(&r);
}

/* The other side is a new condition: LO replaces HI once its own on-delay
 * has passed. */
static void test_other_side(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	use_delays(&r, 2000, 60000);
	rig_step(&r, "a", 85, 1000);
	rig_step(&r, "a", 85, 3000);
	assert_int_equal(level(&r), ALARM_HI);
	rig_step(&r, "a", 15, 4000);
	assert_int_equal(level(&r), ALARM_HI); /* off-delay of HI, on-delay of LO */
	rig_step(&r, "a", 15, 6000);
	assert_int_equal(level(&r), ALARM_LO);
	rig_close(&r);
}

/* Bad quality raises the fault alarm; the limit condition ends with it. */
static void test_fault_alarm(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_step(&r, "a", 95, 1000);
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	rig_poll(&r, 0, &(rig_put_t){"a", 95, QUALITY_BAD}, 1, 2000);
	rig_eval(&r, 2000);
	const alarm_info_t *f = rig_find(&r, "a#fault");
	assert_non_null(f);
	assert_int_equal(f->kind, ALARM_KIND_FAULT);
	assert_int_equal(f->priority, ALARM_PRIORITY_MEDIUM);
	assert_int_equal(f->state, ISA_UNACK);
	assert_ptr_equal(alarm_engine_find(r.eng, ALARM_KIND_FAULT, 0), f);
	assert_int_equal(level(&r), ALARM_NONE);
	assert_int_equal(rig_state(&r, "a"), ISA_RTNUN); /* returned, still to be acked */
	/* Good again: the fault returns to normal, the limit alarm comes back. */
	rig_step(&r, "a", 95, 3000);
	assert_int_equal(rig_state(&r, "a#fault"), ISA_RTNUN);
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	rig_close(&r);
}

/* A failing source with 500 readings in alarm: one communications alarm
 * listed, the 500 suppressed under it (counted, reachable); recovery
 * brings them back as they are. */
static void test_comm_suppresses(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	enum { READINGS = 500 };
	rig_put_t puts[READINGS];
	char ids[READINGS][16];
	for (int i = 0; i < READINGS; i++) {
		snprintf(ids[i], sizeof ids[i], "r%03d", i);
		puts[i] = (rig_put_t){ids[i], 95, QUALITY_GOOD};
	}
	rig_poll(&r, 0, puts, READINGS, 1000);
	rig_eval(&r, 1000);
	assert_int_equal(alarm_engine_state_count(r.eng, ISA_UNACK), READINGS);
	assert_null(alarm_engine_find(r.eng, ALARM_KIND_COMM, 0));
	/* Failing from 2000 on; stale after 3 s without a good answer. */
	for (int64_t t = 2000; t <= 4000; t += 1000) {
		store_poll_failed(r.st, 0, "Couldn't connect to server", t);
		rig_eval(&r, t);
	}
	assert_null(alarm_engine_find(r.eng, ALARM_KIND_COMM, 0));
	store_poll_failed(r.st, 0, "Couldn't connect to server", 4001);
	rig_eval(&r, 4001);
	const alarm_info_t *c = alarm_engine_find(r.eng, ALARM_KIND_COMM, 0);
	assert_non_null(c);
	assert_string_equal(c->id, "source:t");
	assert_int_equal(c->priority, ALARM_PRIORITY_HIGH);
	assert_int_equal(c->state, ISA_UNACK);
	assert_int_equal(c->suppressed, READINGS);
	assert_int_equal(alarm_engine_state_count(r.eng, ISA_DSUPR), READINGS);
	assert_int_equal(alarm_engine_state_count(r.eng, ISA_UNACK), 1);
	assert_int_equal(alarm_engine_suppressed_count(r.eng, 0), READINGS);
	for (size_t i = 0; i < READINGS; i++) {
		const alarm_info_t *s = alarm_engine_suppressed(r.eng, 0, i);
		assert_non_null(s);
		assert_int_equal(s->state, ISA_DSUPR);
		assert_int_equal(s->kind, ALARM_KIND_LIMIT);
		assert_int_equal(s->source, 0);
	}
	assert_null(alarm_engine_suppressed(r.eng, 0, READINGS));
	assert_null(alarm_engine_suppressed(r.eng, 1, 0));
	/* The list's first is the one that needs the operator. */
	assert_ptr_equal(alarm_engine_alarm(r.eng, 0), c);
	assert_int_equal(alarm_engine_kpi(r.eng)->suppressed, READINGS);
	assert_int_equal(alarm_engine_kpi(r.eng)->unacked, 1);
	/* The readings' process state is still what their last values said. */
	assert_int_equal(alarm_engine_active_count(r.eng), READINGS);

	/* It answers again: the comm alarm returns (unacked), the readings'
	 * alarms come back by their condition. */
	rig_poll(&r, 0, puts, READINGS, 6000);
	rig_eval(&r, 6000);
	assert_int_equal(alarm_engine_state_count(r.eng, ISA_DSUPR), 0);
	assert_int_equal(alarm_engine_state_count(r.eng, ISA_UNACK), READINGS);
	assert_int_equal(rig_state(&r, "source:t"), ISA_RTNUN);
	assert_int_equal(alarm_engine_suppressed_count(r.eng, 0), 0);
	rig_close(&r);
}

/* Never answered: communications alarm after the stale time since the
 * engine first saw the source. Answering with stale data (a frozen feed
 * answering 304) is one too. */
static void test_comm_never_answered_and_stale_data(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	store_add_source(r.st, "never", "http://127.0.0.1/n", 1000, 3000);
	rig_step(&r, "a", 50, 10000);
	assert_null(rig_find(&r, "source:never"));
	rig_step(&r, "a", 50, 13000);
	assert_null(rig_find(&r, "source:never"));
	rig_step(&r, "a", 50, 13001);
	assert_int_equal(rig_state(&r, "source:never"), ISA_UNACK);
	assert_null(rig_find(&r, "source:t"));
	/* "t" answers 304 from now on: healthy, but its data ages. */
	for (int64_t t = 14000; t <= 16000; t += 1000) {
		store_poll_not_modified(r.st, 0, t);
		rig_eval(&r, t);
	}
	assert_null(rig_find(&r, "source:t"));
	store_poll_not_modified(r.st, 0, 17000);
	rig_eval(&r, 17000);
	assert_int_equal(rig_state(&r, "source:t"), ISA_UNACK);
	rig_close(&r);
}

/* Out of service from the configuration: by reading id (all its alarms)
 * or by alarm id; back in service lands by the condition. */
static void test_out_of_service(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	char *oos[] = {(char *)"a", (char *)"source:t"};
	r.cfg.out_of_service = oos;
	r.cfg.out_of_service_count = 2;
	use_delays(&r, 0, 0);
	rig_poll(&r, 0,
	         (rig_put_t[]){{"a", 95, QUALITY_GOOD}, {"b", 95, QUALITY_GOOD}}, 2, 1000);
	rig_eval(&r, 1000);
	assert_int_equal(rig_state(&r, "a"), ISA_OOSRV);
	assert_int_equal(rig_state(&r, "b"), ISA_UNACK);
	rig_poll(&r, 0,
	         (rig_put_t[]){{"a", 95, QUALITY_BAD}, {"b", 95, QUALITY_GOOD}}, 2, 2000);
	rig_eval(&r, 2000);
	assert_int_equal(rig_state(&r, "a#fault"), ISA_OOSRV);
	rig_eval(&r, 9000); /* the source is silent, but its alarm is out of service */
	assert_int_equal(rig_state(&r, "source:t"), ISA_OOSRV);
	assert_int_equal(rig_state(&r, "b"), ISA_DSUPR); /* suppression still holds */
	assert_int_equal(alarm_engine_state_count(r.eng, ISA_OOSRV), 3);
	assert_int_equal(alarm_engine_kpi(r.eng)->out_of_service, 3);

	r.cfg.out_of_service_count = 0;
	rig_use_cfg(&r);
	rig_poll(&r, 0,
	         (rig_put_t[]){{"a", 95, QUALITY_GOOD}, {"b", 95, QUALITY_GOOD}}, 2, 10000);
	rig_eval(&r, 10000);
	assert_int_equal(rig_state(&r, "a"), ISA_UNACK);
	assert_int_equal(rig_state(&r, "a#fault"), ISA_NORM);
	assert_int_equal(rig_state(&r, "source:t"), ISA_NORM);
	assert_int_equal(rig_state(&r, "b"), ISA_UNACK);
	r.cfg.out_of_service = NULL;
	rig_close(&r);
}

/* A long id is cut on a character, leaving room for "#fault". */
static void test_long_ids(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	char id[400];
	size_t n = 0;
	while (n + 3 < sizeof id - 1) {
		memcpy(id + n, "\xe6\xb0\xb4", 3); /* 水 */
		n += 3;
	}
	id[n] = '\0';
	rig_poll(&r, 0, &(rig_put_t){id, 95, QUALITY_BAD}, 1, 1000);
	rig_eval(&r, 1000);
	const alarm_info_t *f = alarm_engine_find(r.eng, ALARM_KIND_FAULT, 0);
	assert_non_null(f);
	size_t len = strlen(f->id);
	assert_true(len < ALARM_ID_MAX);
	assert_string_equal(f->id + len - 6, "#fault");
	assert_int_equal((len - 6) % 3, 0); /* whole characters */
	assert_true(len - 6 + 3 + 6 >= ALARM_ID_MAX); /* as long as it fits */
	rig_close(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_deadband_from_cfg),
	    cmocka_unit_test(test_on_delay),
	    cmocka_unit_test(test_off_delay),
	    cmocka_unit_test(test_other_side),
	    cmocka_unit_test(test_fault_alarm),
	    cmocka_unit_test(test_comm_suppresses),
	    cmocka_unit_test(test_comm_never_answered_and_stale_data),
	    cmocka_unit_test(test_out_of_service),
	    cmocka_unit_test(test_long_ids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for alarms/alarm_kpi.c: the 10-minute and hour windows, flood
 * hysteresis and saturation with an injected clock, chattering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "alarm_kpi.h"

#define MIN_MS (60LL * 1000)
#define T0 (1790000000000LL) /* an epoch time in 2026 */

static const alarm_kpi_counts_t *at(alarm_kpi_t *k, int64_t now)
{
	alarm_kpi_advance(k, now);
	return alarm_kpi_read(k);
}

static void test_windows(void **state)
{
	(void)state;
	alarm_kpi_t *k = alarm_kpi_create();
	const alarm_kpi_counts_t *c = at(k, T0);
	assert_int_equal(c->last_10min, 0);
	assert_int_equal(c->last_hour, 0);
	assert_false(c->flood);
	assert_false(c->saturated);
	/* One arrival a minute for 30 minutes. */
	for (int i = 0; i < 30; i++)
		alarm_kpi_arrival(k, T0 + i * MIN_MS);
	c = at(k, T0 + 29 * MIN_MS);
	assert_int_equal(c->last_10min, 10);
	assert_int_equal(c->last_hour, 30);
	/* Exactly 10 minutes old is out of the 10 minutes. */
	c = at(k, T0 + 30 * MIN_MS);
	assert_int_equal(c->last_10min, 9);
	assert_int_equal(c->last_hour, 30);
	/* An hour on, the first have left the hour. */
	c = at(k, T0 + 60 * MIN_MS + 5);
	assert_int_equal(c->last_10min, 0);
	assert_int_equal(c->last_hour, 29);
	c = at(k, T0 + 89 * MIN_MS);
	assert_int_equal(c->last_hour, 0);
	/* The same through a copy. */
	alarm_kpi_arrival(k, T0 + 90 * MIN_MS);
	alarm_kpi_t *copy = alarm_kpi_create();
	alarm_kpi_copy(copy, k);
	assert_int_equal(at(copy, T0 + 91 * MIN_MS)->last_10min, 1);
	alarm_kpi_destroy(copy);
	alarm_kpi_destroy(k);
}

static void test_advance_zeroes_per_alarm(void **state)
{
	(void)state;
	alarm_kpi_t *k = alarm_kpi_create();
	alarm_kpi_counts_t *c = alarm_kpi_counts(k);
	c->chattering = 3;
	c->stale = 2;
	c->by_priority[2] = 7;
	c->unacked = 4;
	c->shelved = c->suppressed = c->out_of_service = 1;
	alarm_kpi_advance(k, T0);
	assert_int_equal(c->chattering, 0);
	assert_int_equal(c->stale, 0);
	assert_int_equal(c->by_priority[2], 0);
	assert_int_equal(c->unacked, 0);
	assert_int_equal(c->shelved + c->suppressed + c->out_of_service, 0);
	alarm_kpi_destroy(k);
}

static void test_flood_hysteresis(void **state)
{
	(void)state;
	alarm_kpi_t *k = alarm_kpi_create();
	/* 10 arrivals in a minute: at the limit, no flood. */
	for (int i = 0; i < 10; i++)
		alarm_kpi_arrival(k, T0 + i * 1000);
	const alarm_kpi_counts_t *c = at(k, T0 + 10000);
	assert_int_equal(c->last_10min, 10);
	assert_false(c->flood);
	assert_int_equal(c->flood_since_ms, 0);
	/* The 11th starts one. */
	alarm_kpi_arrival(k, T0 + 60000);
	c = at(k, T0 + 60000);
	assert_true(c->flood);
	assert_int_equal(c->flood_since_ms, T0 + 60000);
	/* Six more at minute 7; as the older ones leave the 10 minutes the
	 * flood holds while 5 or more are left, and ends below 5. */
	for (int i = 0; i < 6; i++)
		alarm_kpi_arrival(k, T0 + 7 * MIN_MS + i * 1000);
	c = at(k, T0 + 10 * MIN_MS + 10000); /* the first ten are out */
	assert_int_equal(c->last_10min, 7);
	assert_true(c->flood);
	assert_int_equal(c->flood_since_ms, T0 + 60000);
	c = at(k, T0 + 11 * MIN_MS); /* the 11th is out: 6 */
	assert_int_equal(c->last_10min, 6);
	assert_true(c->flood);
	c = at(k, T0 + 17 * MIN_MS + 500); /* 7:00 out: 5, still a flood */
	assert_int_equal(c->last_10min, 5);
	assert_true(c->flood);
	c = at(k, T0 + 17 * MIN_MS + 1500); /* 7:01 out: 4, below 5, over */
	assert_int_equal(c->last_10min, 4);
	assert_false(c->flood);
	assert_int_equal(c->flood_since_ms, 0);
	/* Back to 10 is not enough to start again. */
	for (int i = 0; i < 6; i++)
		alarm_kpi_arrival(k, T0 + 17 * MIN_MS + 1600 + i);
	c = at(k, T0 + 17 * MIN_MS + 1700);
	assert_int_equal(c->last_10min, 10);
	assert_false(c->flood);
	alarm_kpi_destroy(k);
}

static void test_saturation(void **state)
{
	(void)state;
	alarm_kpi_t *k = alarm_kpi_create();
	for (int i = 0; i < ALARM_KPI_ARRIVALS; i++)
		alarm_kpi_arrival(k, T0 + i);
	const alarm_kpi_counts_t *c = at(k, T0 + ALARM_KPI_ARRIVALS);
	assert_int_equal(c->last_hour, ALARM_KPI_ARRIVALS);
	assert_false(c->saturated);
	/* More than kept: the oldest go, the counts say "at least". */
	for (int i = 0; i < 100; i++)
		alarm_kpi_arrival(k, T0 + ALARM_KPI_ARRIVALS + i);
	c = at(k, T0 + 20000);
	assert_int_equal(c->last_hour, ALARM_KPI_ARRIVALS);
	assert_int_equal(c->last_10min, ALARM_KPI_ARRIVALS);
	assert_true(c->saturated);
	assert_true(c->flood);
	/* Saturated while a dropped arrival would still be in the hour. */
	c = at(k, T0 + 60 * MIN_MS + 50);
	assert_true(c->saturated);
	c = at(k, T0 + 60 * MIN_MS + 100);
	assert_false(c->saturated);
	alarm_kpi_destroy(k);
}

static void test_chatter(void **state)
{
	(void)state;
	/* Three activations within a minute: chattering. */
	alarm_chatter_t c = {0};
	assert_false(alarm_chatter_note(&c, T0));
	assert_false(alarm_chatter_note(&c, T0 + 20000));
	assert_false(alarm_chatter_is(&c, T0 + 30000));
	assert_true(alarm_chatter_note(&c, T0 + 60000));
	assert_true(alarm_chatter_is(&c, T0 + 60000));
	/* The window moves on without activations. */
	assert_false(alarm_chatter_is(&c, T0 + 60001));
	/* A fourth close to the last two: chattering again. */
	assert_true(alarm_chatter_note(&c, T0 + 70000));
	assert_true(alarm_chatter_is(&c, T0 + 80000));
	assert_false(alarm_chatter_is(&c, T0 + 80001));
	/* Spread out: three activations, but never three in a minute. */
	alarm_chatter_t s = {0};
	bool any = false;
	for (int i = 0; i < 10; i++)
		any = alarm_chatter_note(&s, T0 + i * 31000) || any;
	assert_false(any);
	assert_false(alarm_chatter_is(&s, T0 + 9 * 31000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_windows),          cmocka_unit_test(test_advance_zeroes_per_alarm),
	    cmocka_unit_test(test_flood_hysteresis), cmocka_unit_test(test_saturation),
	    cmocka_unit_test(test_chatter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

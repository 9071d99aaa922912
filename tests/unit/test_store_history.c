/* Unit tests for a reading's per-second history in the store
 * (feeds/store_history.c): seconds of the store's time, carrying forward,
 * re-encoding on a range change, the ring charged against max_bytes, and the
 * memory it takes at city scale (printed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>

/* cmocka's assert_float_equal lets NAN pass: a value must be there. */
#define assert_near(a, b, eps)                                                                     \
	do {                                                                                       \
		assert_false(isnan(a));                                                            \
		assert_float_equal((a), (b), (eps));                                               \
	} while (0)
#include "store.h"

#define T0 1764057600000 /* a whole second */

static reading_in_t rin(const char *id, double v, double max)
{
	return (reading_in_t){.id = id,
	                      .has_value = true,
	                      .value = v,
	                      .quality = QUALITY_GOOD,
	                      .has_range = true,
	                      .range_min = 0,
	                      .range_max = max};
}

static void put1(store_t *st, int src, const reading_in_t *in, int64_t now)
{
	store_begin_poll(st, src, now);
	store_put_reading(st, src, in, now);
	store_end_poll(st, src, &(poll_report_t){0}, now);
}

/* Report by exception: a value sent at 0 s and 10 s, read at 15 s. */
static void test_seconds_carried_forward(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 0);
	reading_in_t a = rin("a", 40, 100);
	put1(st, s, &a, T0 + 999); /* second 0 */
	a.value = 41;
	put1(st, s, &a, T0 + 1000); /* second 1 */
	a.value = 60;
	put1(st, s, &a, T0 + 10500);
	const reading_t *r = store_reading(st, 0);
	float h[20];
	assert_int_equal(reading_history_seconds(r, T0 + 15000, h, 20), 20);
	/* h[i] is second -4 + i. */
	for (int i = 0; i < 4; i++)
		assert_true(isnan(h[i])); /* before it was first seen */
	assert_near(h[4], 40, 0.01);
	for (int i = 5; i < 14; i++)
		assert_near(h[i], 41, 0.01); /* carried over the silence */
	for (int i = 14; i < 20; i++)
		assert_near(h[i], 60, 0.01); /* and on to now */
	/* The sparkline's history ends with the last update. */
	assert_int_equal(reading_history(r, h, 20), 11);
	assert_near(h[10], 60, 0.01);
	assert_near(h[9], 41, 0.01);
	/* A 304 or a failed poll records nothing: the value still carries. */
	store_poll_not_modified(st, s, T0 + 20000);
	store_poll_failed(st, s, "timeout", T0 + 21000);
	assert_int_equal(reading_history(r, h, 20), 11);
	reading_history_seconds(r, T0 + 25000, h, 1);
	assert_near(h[0], 60, 0.01);
	/* Long after: the whole window holds the last value. */
	float all[STORE_HISTORY_SECONDS];
	reading_history_seconds(r, T0 + (STORE_HISTORY_SECONDS + 10) * 1000, all,
	                        STORE_HISTORY_SECONDS);
	assert_near(all[0], 60, 0.01);
	assert_near(all[STORE_HISTORY_SECONDS - 1], 60, 0.01);
	store_destroy(st);
}

/* A reading that never had a value has no ring; null values are NAN. */
static void test_no_value(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 0);
	reading_in_t a = rin("a", 0, 100);
	a.has_value = false;
	put1(st, s, &a, T0);
	const reading_t *r = store_reading(st, 0);
	assert_null(r->history.block);
	float h[3];
	assert_int_equal(reading_history(r, h, 3), 0);
	reading_history_seconds(r, T0 + 2000, h, 3);
	assert_true(isnan(h[0]) && isnan(h[1]) && isnan(h[2]));
	a.has_value = true;
	a.value = 5;
	put1(st, s, &a, T0 + 1000);
	a.has_value = false;
	put1(st, s, &a, T0 + 2000);
	reading_history_seconds(r, T0 + 2000, h, 3);
	assert_true(isnan(h[0]));
	assert_near(h[1], 5, 0.01);
	assert_true(isnan(h[2]));
	store_destroy(st);
}

/* The feed widens the range: the history keeps its values, re-encoded. */
static void test_range_change_reencodes(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 0);
	reading_in_t a = rin("a", 12.5, 100);
	put1(st, s, &a, T0);
	a.value = 250; /* beyond the window of 0..100 (-100..200) once the range moves */
	a.range_max = 1000;
	put1(st, s, &a, T0 + 1000);
	a.range_min = 10;
	a.range_max = 20;
	a.value = 15;
	put1(st, s, &a, T0 + 2000);
	const reading_t *r = store_reading(st, 0);
	float h[3];
	reading_history_seconds(r, T0 + 2000, h, 3);
	assert_near(h[0], 12.5, 0.03); /* still inside 0..30: three half steps */
	assert_true(h[1] == 30);       /* clamped to the edge of 0..30 */
	assert_near(h[2], 15, 0.001);
	store_destroy(st);
}

/* The ring is charged to the source from the reading's first value, and
 * max_bytes refuses it like any other byte. */
static void test_memory_charged(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 0);
	const source_status_t *ss = store_source(st, s);
	reading_in_t a = rin("a", 0, 100);
	a.has_value = false;
	put1(st, s, &a, T0);
	size_t without = ss->bytes_held;
	assert_int_equal(store_reading(st, 0)->cost, without);
	a.has_value = true;
	put1(st, s, &a, T0 + 1000);
	size_t with = ss->bytes_held;
	assert_int_equal(with - without, store_cost_string(sizeof(history_block_t) - 1));
	assert_true(with - without >= STORE_HISTORY_SECONDS * 2);
	a.has_value = false; /* a null later keeps the ring */
	put1(st, s, &a, T0 + 2000);
	assert_int_equal(ss->bytes_held, with);

	/* A budget for one reading without history: the value is refused. */
	store_t *st2 = store_create();
	int s2 = store_add_source(st2, "w", "http://x/", 1000, 0);
	store_set_source_limits(st2, s2, &(source_limits_t){.max_bytes = without});
	a.has_value = false;
	put1(st2, s2, &a, T0);
	a.has_value = true;
	store_begin_poll(st2, s2, T0 + 1000);
	assert_int_equal(store_put_reading(st2, s2, &a, T0 + 1000), STORE_PUT_OVER_BUDGET);
	store_end_poll(st2, s2, &(poll_report_t){0}, T0 + 1000);
	assert_null(store_reading(st2, 0)->history.block);
	assert_true(store_source(st2, s2)->bytes_held <= without);
	reading_in_t b = rin("b", 1, 100);
	store_begin_poll(st2, s2, T0 + 2000);
	assert_int_equal(store_put_reading(st2, s2, &b, T0 + 2000), STORE_PUT_OVER_BUDGET);
	store_end_poll(st2, s2, &(poll_report_t){0}, T0 + 2000);
	store_destroy(st2);
	store_destroy(st);
}

/* 4,476 readings (the mock's city) with 11 minutes of a value a second:
 * what the store holds, printed; bounded so a regression shows. */
static void test_city_scale_memory(void **state)
{
	(void)state;
	enum { READINGS = 4476, SECONDS = 660 };
	store_t *st = store_create();
	int s = store_add_source(st, "city", "http://x/", 1000, 0);
	char id[80];
	for (int t = 0; t < SECONDS; t += 60) { /* one whole document a minute ... */
		int64_t now = T0 + (int64_t)t * 1000;
		store_begin_poll(st, s, now);
		for (int i = 0; i < READINGS; i++) {
			snprintf(id, sizeof id, "water.district%02d.street%03d.asset%05d.value",
			         i % 9, i % 50, i);
			reading_in_t in = rin(id, (i + t) % 100, 100);
			in.name = "观音桥1号测点";
			in.domain = "water";
			in.district = "江北区";
			in.street = "观音桥街道";
			in.unit = "MPa";
			store_put_reading(st, s, &in, now);
		}
		store_end_poll(st, s, &(poll_report_t){0}, now);
	}
	const source_status_t *ss = store_source(st, s);
	assert_int_equal(ss->readings_held, READINGS);
	const reading_t *r = store_reading(st, 0);
	float h[STORE_HISTORY_SECONDS];
	reading_history_seconds(r, T0 + SECONDS * 1000, h, STORE_HISTORY_SECONDS);
	assert_false(isnan(h[0])); /* ten minutes and more, every second */
	double per = (double)ss->bytes_held / READINGS;
	print_message("history: sizeof(reading_t) %zu, ring %zu bytes charged; store: %zu bytes "
	              "charged for %d readings (%.0f a reading)\n",
	              sizeof(reading_t), store_cost_string(sizeof(history_block_t) - 1),
	              ss->bytes_held, READINGS, per);
	assert_true(per < 3 * 1024); /* 1,272 before the rings, 2,120 with them (x86-64) */
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_seconds_carried_forward), cmocka_unit_test(test_no_value),
	    cmocka_unit_test(test_range_change_reencodes),  cmocka_unit_test(test_memory_charged),
	    cmocka_unit_test(test_city_scale_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

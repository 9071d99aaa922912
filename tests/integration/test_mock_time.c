/* The mock city over time (mock/city_time.c, city_faults.c): simulated
 * clock and --speed, day curves, district noise, drift, instrument faults.
 * No clock, no network: the start time is fixed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "city.h"
#include "city_internal.h"

#define SEED 20261125u
/* 2026-11-25T00:00:00+08:00: tick 0 is local midnight. */
#define MIDNIGHT_MS 1795536000000LL
#define HOUR        3600

static city_t *make(city_scale_t scale, double speed, int64_t start_ms)
{
	city_config_t cfg = {.scale = scale, .speed = speed, .start_ms = start_ms};
	return city_create_config(SEED, &cfg);
}

static void test_sim_clock(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_DEMO, 0, MIDNIGHT_MS); /* 0: speed 1 */
	assert_true(city_speed(c) == 1);
	for (int64_t t = -5; t < 100; t += 7)
		assert_int_equal(city_sim_seconds(c, t), t);
	assert_int_equal(city_sim_ticks(c, 0), 0);
	assert_int_equal(city_sim_ticks(c, 90), 90);
	assert_true(fabs(city_sim_hour(c, 0)) < 1e-9);
	assert_true(fabs(city_sim_hour(c, 19 * HOUR) - 19) < 1e-9);
	assert_true(fabs(city_sim_hour(c, 25 * HOUR) - 1) < 1e-9);
	assert_true(fabs(city_sim_hour(c, -HOUR) - 23) < 1e-9);
	city_destroy(c);

	c = make(CITY_SCALE_DEMO, 60, MIDNIGHT_MS);
	assert_int_equal(city_sim_seconds(c, 10), 600);
	assert_int_equal(city_sim_ticks(c, 600), 10);
	assert_int_equal(city_sim_ticks(c, 601), 11); /* covers, never short */
	assert_int_equal(city_sim_ticks(c, 1), 1);
	assert_true(fabs(city_sim_hour(c, 60) - 1) < 1e-9); /* an hour a minute */
	assert_int_equal(city_sim_wall_ms(c, 1), MIDNIGHT_MS + 60000);
	city_destroy(c);

	c = make(CITY_SCALE_DEMO, 0.5, MIDNIGHT_MS);
	assert_int_equal(city_sim_seconds(c, 3), 1);
	assert_int_equal(city_sim_ticks(c, 3), 6);
	for (int64_t s = 1; s < 50; s++)
		assert_true(city_sim_seconds(c, city_sim_ticks(c, s)) >= s);
	city_destroy(c);
}

static void test_day_profiles(void **state)
{
	(void)state;
	/* demand: evening peak above the morning one, night low */
	assert_true(city_diurnal(CITY_DIURNAL_DEMAND, 19.5) > 0.9);
	assert_true(city_diurnal(CITY_DIURNAL_DEMAND, 7.5) > 0.3);
	assert_true(city_diurnal(CITY_DIURNAL_DEMAND, 4) < -0.5);
	assert_true(city_diurnal(CITY_DIURNAL_DEMAND_DIP, 19.5) < -0.9);
	assert_true(city_diurnal(CITY_DIURNAL_TRAFFIC, 8) > city_diurnal(CITY_DIURNAL_TRAFFIC, 3));
	assert_true(city_diurnal(CITY_DIURNAL_TRAFFIC, 18) >
	            city_diurnal(CITY_DIURNAL_TRAFFIC, 11));
	assert_true(city_diurnal(CITY_DIURNAL_TELECOM, 21.5) >
	            city_diurnal(CITY_DIURNAL_TELECOM, 4));
	assert_true(city_diurnal(CITY_DIURNAL_HEAT, 15) > city_diurnal(CITY_DIURNAL_HEAT, 5));
	/* transformer heat lags the load by an hour */
	assert_true(fabs(city_diurnal(CITY_DIURNAL_LOAD_HEAT, 20.5) -
	                 city_diurnal(CITY_DIURNAL_DEMAND, 19.5)) < 1e-9);
	assert_true(city_diurnal(CITY_DIURNAL_NONE, 12) == 0);
	for (double h = 0; h < 24; h += 0.25)
		for (int p = CITY_DIURNAL_NONE; p <= CITY_DIURNAL_LOAD_HEAT; p++)
			assert_true(fabs(city_diurnal((city_diurnal_t)p, h)) <= 1);
}

/* The city tables the profiles; the table follows them closely. */
static void test_day_table(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_DEMO, 1, MIDNIGHT_MS);
	for (int p = CITY_DIURNAL_NONE; p <= CITY_DIURNAL_LOAD_HEAT; p++)
		for (double h = 0; h <= 24; h += 0.07)
			assert_true(fabs(city_day_at(c, (city_diurnal_t)p, h) -
			                 city_diurnal((city_diurnal_t)p, h)) < 0.01);
	city_destroy(c);
}

/* Mean of the readings of one domain and measure at tick (faulted ones
 * skipped), in units of their normal swing around nominal. */
static double mean_at(const city_t *c, const char *domain, const char *measure, int64_t t)
{
	double sum = 0;
	size_t n = 0;
	for (size_t i = 0; i < city_reading_count(c); i++) {
		const city_reading_t *r = city_reading(c, i);
		double v;
		if (strcmp(city_domain_name(r->domain), domain) != 0 ||
		    strcmp(r->measure->measure, measure) != 0 ||
		    !city_reading_value_at(c, i, t, &v))
			continue;
		sum += v;
		n++;
	}
	assert_true(n >= 20);
	return sum / (double)n;
}

static void test_diurnal_peaks(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_CITY, 1, MIDNIGHT_MS);
	int64_t at4 = 4 * HOUR, at19 = 19 * HOUR + 1800, at8 = 8 * HOUR, at3 = 3 * HOUR;
	/* power load at 19:30 well above 04:00 (feeder load: nominal 55 %) */
	assert_true(mean_at(c, "power", "load", at19) > mean_at(c, "power", "load", at4) + 5);
	assert_true(mean_at(c, "power", "current", at19) > mean_at(c, "power", "current", at4));
	assert_true(mean_at(c, "water", "flow", at19) > mean_at(c, "water", "flow", at4) + 100);
	/* pressures dip when demand peaks */
	assert_true(mean_at(c, "water", "outlet_pressure", at19) <
	            mean_at(c, "water", "outlet_pressure", at4));
	assert_true(mean_at(c, "tunnel", "co", at8) > mean_at(c, "tunnel", "co", at3) + 2);
	assert_true(mean_at(c, "telecom", "load", 21 * HOUR) > mean_at(c, "telecom", "load", at4));
	/* no day shape where there should be none: chlorine stays put */
	assert_true(fabs(mean_at(c, "water", "chlorine", at19) -
	                 mean_at(c, "water", "chlorine", at4)) < 0.15);
	city_destroy(c);
}

/* At speed 60 the same day passes in 1,440 ticks: 19:30 is tick 1,170. */
static void test_speed_compresses_the_day(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_CITY, 60, MIDNIGHT_MS);
	assert_true(mean_at(c, "power", "load", 1170) > mean_at(c, "power", "load", 240) + 5);
	city_destroy(c);
}

static void test_district_noise(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_DEMO, 1, MIDNIGHT_MS);
	double dot = 0, n0 = 0, n1 = 0;
	size_t moved = 0;
	for (int64_t t = 0; t < 2000; t++) {
		double a = city_district_noise(c, 0, t), b = city_district_noise(c, 1, t);
		assert_true(fabs(a) <= 1 && fabs(b) <= 1);
		dot += a * b;
		n0 += a * a;
		n1 += b * b;
		moved += a != city_district_noise(c, 0, t + 1);
	}
	assert_true(moved > 1990);                    /* moves every tick */
	assert_true(fabs(dot) / sqrt(n0 * n1) < 0.5); /* districts move apart */
	assert_true(n0 / 2000 > 0.1);                 /* and move at all */
	/* every reading of a district shares it: equal amplitude share of the swing */
	for (size_t i = 0; i < city_reading_count(c); i++) {
		const city_sim_t *s = &c->sims[i];
		assert_true(s->district_amp > 0.09 * s->baseline_amp);
		assert_true(&c->districts[s->district] == city_reading(c, i)->district);
	}
	city_destroy(c);
}

static void test_drift(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_DEMO, 1, MIDNIGHT_MS);
	double lo = 1, hi = -1, prev = city_drift(c, 3, 0), steepest = 0;
	for (int64_t t = 1; t < 48 * HOUR; t += 1) {
		double d = city_drift(c, 3, t);
		assert_true(fabs(d) <= 1);
		steepest = fmax(steepest, fabs(d - prev));
		lo = fmin(lo, d);
		hi = fmax(hi, d);
		prev = d;
	}
	assert_true(hi - lo > 0.5);    /* it wanders over two days */
	assert_true(steepest < 0.001); /* slowly: never a jump */
	city_destroy(c);
}

static void test_fault_rates(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_CITY, 1, MIDNIGHT_MS);
	size_t n = city_reading_count(c), counts[4] = {0}, samples = 0;
	for (size_t i = 0; i < n; i++) {
		for (int64_t t = 0; t < 6000; t += 6, samples++) {
			city_fault_t f = city_reading_fault_at(c, i, t);
			counts[f]++;
		}
	}
	/* stated rates: per 600-tick window 0.4 % stuck (mean 180 ticks), 0.2 %
	 * dropout (70), 0.2 % bad (115) */
	double stuck = 0.004 * 179.5 / 600, dropout = 0.002 * 69.5 / 600, bad = 0.002 * 114.5 / 600;
	double got[4];
	for (int k = 0; k < 4; k++)
		got[k] = (double)counts[k] / (double)samples;
	assert_true(got[CITY_FAULT_STUCK] > 0.6 * stuck && got[CITY_FAULT_STUCK] < 1.4 * stuck);
	assert_true(got[CITY_FAULT_DROPOUT] > 0.5 * dropout &&
	            got[CITY_FAULT_DROPOUT] < 1.5 * dropout);
	assert_true(got[CITY_FAULT_BAD] > 0.5 * bad && got[CITY_FAULT_BAD] < 1.5 * bad);
	city_destroy(c);
}

/* What each fault looks like from outside: stuck holds one value with good
 * quality, dropout sends no value with bad, bad sends a value marked bad. */
static void test_fault_kinds_as_seen(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_DEMO, 1, MIDNIGHT_MS);
	size_t seen[4] = {0};
	for (size_t i = 0; i < city_reading_count(c); i++) {
		double held = 0;
		bool holding = false;
		for (int64_t t = 0; t < 12000; t++) {
			city_fault_t f = city_reading_fault_at(c, i, t);
			seen[f]++;
			if (f ==
			    CITY_FAULT_NONE) { /* only faults are looked at closely: valgrind */
				holding = false;
				continue;
			}
			double v;
			bool have = city_reading_value_at(c, i, t, &v);
			city_quality_t q = city_reading_quality_at(c, i, t);
			if (f == CITY_FAULT_STUCK) {
				assert_true(have);
				if (holding)
					assert_true(v == held);
				held = v;
				holding = true;
				if (q != CITY_QUALITY_UNCERTAIN) /* a dodgy instrument may say so */
					assert_int_equal(q, CITY_QUALITY_GOOD);
			} else {
				holding = false;
			}
			if (f == CITY_FAULT_DROPOUT) {
				assert_false(have);
				assert_int_equal(q, CITY_QUALITY_BAD);
			}
			if (f == CITY_FAULT_BAD) {
				assert_true(have);
				assert_int_equal(q, CITY_QUALITY_BAD);
			}
		}
	}
	assert_true(seen[CITY_FAULT_STUCK] > 0);
	assert_true(seen[CITY_FAULT_DROPOUT] > 0);
	assert_true(seen[CITY_FAULT_BAD] > 0);
	city_destroy(c);
}

static void test_deterministic(void **state)
{
	(void)state;
	city_t *a = make(CITY_SCALE_DEMO, 60, MIDNIGHT_MS),
	       *b = make(CITY_SCALE_DEMO, 60, MIDNIGHT_MS);
	city_t *later = make(CITY_SCALE_DEMO, 60, MIDNIGHT_MS + 9 * HOUR * 1000LL);
	size_t differ = 0;
	for (int64_t t = 0; t < 3000; t += 13) {
		for (size_t i = 0; i < city_reading_count(a); i++) {
			double va = 0, vb = 0, vl = 0;
			bool ha = city_reading_value_at(a, i, t, &va);
			assert_int_equal(ha, city_reading_value_at(b, i, t, &vb));
			assert_true(va == vb);
			assert_int_equal(city_reading_quality_at(a, i, t),
			                 city_reading_quality_at(b, i, t));
			city_reading_value_at(later, i, t, &vl);
			differ += ha && vl != va;
		}
	}
	assert_true(differ > 0); /* the start time is part of the config */
	city_destroy(a);
	city_destroy(b);
	city_destroy(later);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sim_clock),
	    cmocka_unit_test(test_day_profiles),
	    cmocka_unit_test(test_day_table),
	    cmocka_unit_test(test_diurnal_peaks),
	    cmocka_unit_test(test_speed_compresses_the_day),
	    cmocka_unit_test(test_district_noise),
	    cmocka_unit_test(test_drift),
	    cmocka_unit_test(test_fault_rates),
	    cmocka_unit_test(test_fault_kinds_as_seen),
	    cmocka_unit_test(test_deterministic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Model tests for the mock city (mock/city.h): no clock, no network. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "city.h"

#define SEED          20261125u
#define SCAN_TICKS    3000
#define MAX_ALARM_RUN 300 /* an excursion always returns within this many ticks */

static int setup(void **state)
{
	*state = city_create(SEED);
	return 0;
}

static int teardown(void **state)
{
	city_destroy(*state);
	return 0;
}

static void test_districts(void **state)
{
	const city_t *c = *state;
	assert_true(city_district_count() >= 9);
	for (size_t d = 0; d < city_district_total; d++) {
		assert_true(city_districts[d].street_count >= 3);
		size_t len = strlen(city_districts[d].name);
		/* "...区" in UTF-8: ends with E5 8C BA */
		assert_true(len > 3);
		assert_memory_equal(city_districts[d].name + len - 3, "区", 3);
	}
	/* every district carries readings */
	for (size_t d = 0; d < city_district_total; d++) {
		size_t n = 0;
		for (size_t i = 0; i < city_reading_count(c); i++)
			n += city_reading(c, i)->district == &city_districts[d];
		assert_true(n >= 10);
	}
}

static void test_readings_cover_domains(void **state)
{
	const city_t *c = *state;
	static const char *const names[] = {"water", "power", "gas", "telecom", "bridge", "tunnel"};
	size_t per[6] = {0};
	assert_int_equal(city_domain_count(), 6);
	assert_true(city_reading_count(c) >= 200);
	for (size_t i = 0; i < city_reading_count(c); i++) {
		const city_reading_t *r = city_reading(c, i);
		assert_true(r->domain < 6);
		per[r->domain]++;
		/* the id starts with the domain name */
		const char *dn = city_domain_name(r->domain);
		assert_int_equal(strncmp(r->id, dn, strlen(dn)), 0);
		assert_true(strlen(r->name) > 0);
	}
	for (size_t d = 0; d < 6; d++) {
		assert_string_equal(city_domain_name(d), names[d]);
		assert_true(per[d] >= 20);
	}
	assert_null(city_reading(c, city_reading_count(c)));
}

static bool id_valid(const char *id)
{
	size_t n = strlen(id);
	if (n < 1 || n > 128)
		return false;
	for (const char *p = id; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || strchr("._:/-", *p)))
			return false;
	}
	return true;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_ids_valid_and_unique(void **state)
{
	const city_t *c = *state;
	size_t n = city_reading_count(c);
	const char **ids = calloc(n, sizeof(*ids));
	assert_non_null(ids);
	for (size_t i = 0; i < n; i++) {
		ids[i] = city_reading(c, i)->id;
		assert_true(id_valid(ids[i]));
	}
	assert_false(id_valid("water.渝中"));
	assert_false(id_valid("a b"));
	qsort(ids, n, sizeof(*ids), cmp_str);
	for (size_t i = 1; i < n; i++)
		assert_string_not_equal(ids[i - 1], ids[i]);
	free(ids);
}

static void test_limits_ordered(void **state)
{
	const city_t *c = *state;
	size_t hi_only = 0;
	for (size_t i = 0; i < city_reading_count(c); i++) {
		const city_measure_def_t *m = city_reading(c, i)->measure;
		assert_true(m->min < m->max);
		assert_true(m->has_lo || m->has_hi);
		assert_true(m->deadband >= 0);
		if (m->has_lo) {
			assert_true(m->lolo < m->lo);
			assert_true(m->lo < m->nominal);
		}
		if (m->has_hi) {
			assert_true(m->hi < m->hihi);
			assert_true(m->nominal < m->hi);
		}
		if (m->has_lo && m->has_hi)
			assert_true(m->lo < m->hi);
		hi_only += m->has_hi && !m->has_lo;
	}
	assert_true(hi_only > 0);
}

/* Compares the whole city at a tick: returns how many readings differ. */
static size_t count_differences(const city_t *a, const city_t *b, int64_t t)
{
	size_t diff = 0;
	for (size_t i = 0; i < city_reading_count(a); i++) {
		double va = 0, vb = 0;
		bool ha = city_reading_value_at(a, i, t, &va);
		bool hb = city_reading_value_at(b, i, t, &vb);
		diff += ha != hb || va != vb ||
		        city_reading_quality_at(a, i, t) != city_reading_quality_at(b, i, t);
	}
	return diff;
}

static void test_same_seed_same_values(void **state)
{
	city_t *other = city_create(SEED);
	for (int64_t t = -5; t < 200; t += 7)
		assert_int_equal(count_differences(*state, other, t), 0);
	for (size_t i = 0; i < city_kpi_count(other); i++)
		assert_true(city_kpi_value_at(*state, i, 99) == city_kpi_value_at(other, i, 99));
	city_destroy(other);
}

static void test_different_seeds_differ(void **state)
{
	city_t *other = city_create(SEED + 1);
	size_t n = city_reading_count(other);
	assert_int_equal(n, city_reading_count(*state)); /* same city, other weather */
	assert_true(count_differences(*state, other, 10) > n / 2);
	city_destroy(other);
}

/* Values move every tick but never jump: a step is a small share of the
 * gauge range, even when an excursion ramps in or out (but for a stuck
 * instrument letting go). */
static void test_values_move_smoothly(void **state)
{
	const city_t *c = *state;
	size_t pairs = 0, changed = 0;
	for (size_t i = 0; i < city_reading_count(c); i++) {
		const city_measure_def_t *m = city_reading(c, i)->measure;
		double bound = 0.2 * (m->max - m->min), prev = 0, v;
		bool have_prev = false;
		size_t moves = 0;
		for (int64_t t = 0; t < SCAN_TICKS; t++) {
			bool have = city_reading_value_at(c, i, t, &v);
			/* a stuck instrument that lets go may jump, as real ones do */
			bool stuck = city_reading_fault_at(c, i, t) == CITY_FAULT_STUCK ||
			             city_reading_fault_at(c, i, t - 1) == CITY_FAULT_STUCK;
			if (have) {
				assert_true(v >= m->min && v <= m->max);
				if (have_prev && !stuck) {
					assert_true(fabs(v - prev) <= bound);
					pairs++;
					changed += v != prev;
					moves += v != prev;
				}
				prev = v;
			}
			have_prev = have;
		}
		assert_true(moves > SCAN_TICKS / 4);
	}
	assert_true(changed > pairs * 9 / 10);
}

static bool in_alarm(const city_measure_def_t *m, double v)
{
	return (m->has_hi && v > m->hi) || (m->has_lo && v < m->lo);
}

static bool in_severe_alarm(const city_measure_def_t *m, double v)
{
	return (m->has_hi && v > m->hihi) || (m->has_lo && v < m->lolo);
}

static void test_limits_crossed_and_cleared(void **state)
{
	const city_t *c = *state;
	size_t n = city_reading_count(c), episodes = 0, severe = 0, longest = 0;
	size_t *run = calloc(n, sizeof(*run));
	assert_non_null(run);
	for (int64_t t = 0; t < SCAN_TICKS; t++) {
		size_t alarms = 0;
		for (size_t i = 0; i < n; i++) {
			const city_measure_def_t *m = city_reading(c, i)->measure;
			double v;
			bool bad = city_reading_value_at(c, i, t, &v) && in_alarm(m, v);
			if (bad) {
				alarms++;
				severe += in_severe_alarm(m, v);
				if (run[i]++ == 0 && t > 0)
					episodes++; /* crossed from normal */
				if (run[i] > longest)
					longest = run[i];
			} else {
				run[i] = 0;
			}
		}
		/* the demo always shows some alarms */
		assert_true(alarms >= 1);
		assert_true(alarms < n / 5);
	}
	free(run);
	assert_true(episodes >= 20);
	assert_true(severe > 0);
	assert_true(longest <= MAX_ALARM_RUN);
}

static void test_null_and_quality(void **state)
{
	const city_t *c = *state;
	size_t nulls = 0, uncertain = 0, good = 0, total = 0;
	for (int64_t t = 0; t < SCAN_TICKS; t += 3) {
		for (size_t i = 0; i < city_reading_count(c); i++) {
			double v;
			bool have = city_reading_value_at(c, i, t, &v);
			city_quality_t q = city_reading_quality_at(c, i, t);
			if (!have) {
				nulls++;
				assert_int_equal(q, CITY_QUALITY_BAD);
			}
			uncertain += q == CITY_QUALITY_UNCERTAIN;
			good += q == CITY_QUALITY_GOOD;
			total++;
		}
	}
	assert_true(nulls > 0);
	assert_true(nulls < total / 100);
	assert_true(uncertain > 0);
	assert_true(good > total * 9 / 10);
	assert_string_equal(city_quality_name(CITY_QUALITY_UNCERTAIN), "uncertain");
}

static void test_kpis(void **state)
{
	const city_t *c = *state;
	size_t n = city_kpi_count(c);
	assert_true(n >= 12);
	size_t categories = 0;
	for (size_t i = 0; i < n; i++) {
		const city_kpi_def_t *k = city_kpi(c, i);
		bool seen = false;
		for (size_t j = 0; j < i; j++)
			seen |= strcmp(city_kpi(c, j)->category, k->category) == 0;
		categories += !seen;
		assert_true(id_valid(k->id));
		assert_true(k->weight > 0);
		double hist[CITY_KPI_HISTORY];
		city_kpi_history_at(c, i, 500, hist);
		assert_true(hist[CITY_KPI_HISTORY - 1] == city_kpi_value_at(c, i, 500));
		/* published now and then: it holds between refreshes (30 ticks),
		 * moves at most half its swing at each (the quickest period is 600 ticks), and does move over time */
		int64_t held = 0;
		for (int64_t t = 501; t <= 560; t++) {
			double step = fabs(city_kpi_value_at(c, i, t) - city_kpi_value_at(c, i, t - 1));
			assert_true(step <= k->swing * 0.5);
			held += step == 0;
		}
		assert_true(held >= 56);
		assert_true(city_kpi_value_at(c, i, 700) != city_kpi_value_at(c, i, 500));
	}
	assert_true(categories >= 3);
	assert_null(city_kpi(c, n));
}

static void check_event_state(const city_event_state_t *st)
{
	assert_true(st->done <= st->total);
	for (size_t j = 0; j < st->dept_count; j++) {
		if (st->stage == CITY_STAGE_CLOSED)
			assert_int_equal(st->depts[j], CITY_DEPT_DONE);
		if (st->stage == CITY_STAGE_SENSED)
			assert_int_equal(st->depts[j], CITY_DEPT_PENDING);
	}
	assert_true(st->opened_tick <= st->updated_tick);
}

static void test_events_progress(void **state)
{
	const city_t *c = *state;
	size_t n = city_event_count(c);
	assert_true(n >= 6 && n <= 10);
	unsigned stages_at_0 = 0;
	for (size_t i = 0; i < n; i++) {
		city_event_state_t st, prev;
		city_event_at(c, i, 0, &prev);
		stages_at_0 |= 1u << prev.stage;
		bool closed = false, recycled = false;
		size_t advances = 0;
		for (int64_t t = 1; t < SCAN_TICKS; t++) {
			city_event_at(c, i, t, &st);
			check_event_state(&st);
			if (st.cycle == prev.cycle) {
				assert_true(st.done >= prev.done); /* never goes back */
				assert_true(st.stage >= prev.stage);
				advances += st.done > prev.done;
			} else {
				assert_int_equal(st.cycle, prev.cycle + 1);
				recycled = true;
			}
			closed |= st.stage == CITY_STAGE_CLOSED;
			prev = st;
		}
		assert_true(closed && recycled);
		assert_true(advances >= city_event(c, i)->steps - 1);
	}
	/* at least three distinct stages on screen at once */
	assert_true(__builtin_popcount(stages_at_0) >= 3);
	assert_string_equal(city_stage_name(CITY_STAGE_REVIEWING), "reviewing");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_districts, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_readings_cover_domains, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_ids_valid_and_unique, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_limits_ordered, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_same_seed_same_values, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_different_seeds_differ, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_values_move_smoothly, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_limits_crossed_and_cleared, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_null_and_quality, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_kpis, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_events_progress, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The mock city's scenarios (mock/scenario.h, city_event.h): each one's
 * course through readings, KPIs and its event; start semantics;
 * determinism; and the loopback check of POST /v1/scenarios/NAME. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <arpa/inet.h>
#include <math.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>

#include "city.h"
#include "city_event.h"
#include "mock_scenario_serve.h"
#include "scenario.h"

#define SEED        20261125u
#define MIDNIGHT_MS 1795536000000LL /* 2026-11-25T00:00:00+08:00 */
#define START       100             /* tick the runs start at */

static city_t *make(city_scale_t scale, double speed)
{
	city_config_t cfg = {.scale = scale, .speed = speed, .start_ms = MIDNIGHT_MS};
	return city_create_config(SEED, &cfg);
}

static size_t scenario(const char *name)
{
	size_t k = SIZE_MAX;
	assert_true(city_scenario_find(name, &k));
	return k;
}

static bool has_measure(const city_t *c, size_t i, const char *domain, const char *measure)
{
	const city_reading_t *r = city_reading(c, i);
	return strcmp(city_domain_name(r->domain), domain) == 0 &&
	       strcmp(r->measure->measure, measure) == 0;
}

static bool on_street(const city_t *c, size_t i, const char *district, const char *street)
{
	const city_reading_t *r = city_reading(c, i);
	return strcmp(r->district->pinyin, district) == 0 &&
	       (!street || strcmp(r->street->pinyin, street) == 0);
}

static size_t kpi_index(const city_t *c, const char *id)
{
	for (size_t i = 0; i < city_kpi_count(c); i++)
		if (strcmp(city_kpi(c, i)->id, id) == 0)
			return i;
	fail_msg("no KPI %s", id);
	return 0;
}

/* The one event of the city's scenarios at tick (there is at most one run). */
static bool event_at(const city_t *c, int64_t tick, city_event_view_t *v)
{
	city_event_view_t views[4];
	size_t n = city_scenario_events_at(c, tick, views, 4);
	assert_true(n <= 1);
	if (n)
		*v = views[0];
	return n == 1;
}

static void test_registry(void **state)
{
	(void)state;
	static const char *const names[] = {"main-burst", "heatwave", "flood", "festival"};
	assert_int_equal(city_scenario_count(), 4);
	for (size_t k = 0; k < 4; k++) {
		assert_int_equal(scenario(names[k]), k);
		assert_string_equal(city_scenario_name(k), names[k]);
		assert_true(strlen(city_scenario_title(k)) > 0);
		assert_true(strlen(city_scenario_description(k)) > 20);
		assert_true(city_scenario_duration_s(k) > 0);
	}
	size_t k;
	assert_false(city_scenario_find("main_burst", &k));
	assert_false(city_scenario_find("", &k));
	assert_null(city_scenario_name(4));
}

/* main-burst's event: 14 steps across 城管, 公安, 消防, 经信, 通管, every
 * stage in order, street -> district -> city, closed with all done. */
static void test_main_burst_event(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_DEMO, 1);
	city_event_view_t v = {0};
	assert_false(event_at(c, START, &v)); /* nothing before a run */
	assert_true(city_scenario_start(c, scenario("main-burst"), START));
	assert_false(event_at(c, START - 1, &v));
	unsigned stages = 0;
	city_stage_t last_stage = CITY_STAGE_SENSED;
	unsigned last_done = 0;
	city_tier_t last_level = CITY_TIER_STREET;
	int64_t closed_at = -1;
	for (int64_t t = START; t < START + 4000; t++) {
		if (!event_at(c, t, &v))
			break;
		assert_string_equal(v.type, "water.main_burst");
		assert_string_equal(v.district, "江北区");
		assert_string_equal(v.street, "观音桥街道");
		assert_int_equal(v.severity, CITY_SEVERITY_CRITICAL);
		assert_int_equal(v.total, 14);
		assert_int_equal(v.step_count, 14);
		assert_true(v.stage >= last_stage && v.done >= last_done && v.level >= last_level);
		assert_true(v.opened_tick == START && v.updated_tick <= t && v.due_tick > START);
		assert_non_null(strstr(v.title, "观音桥"));
		assert_non_null(v.type_name);
		assert_non_null(v.category);
		assert_non_null(v.subcategory);
		stages |= 1u << v.stage;
		last_stage = v.stage;
		last_done = v.done;
		last_level = v.level;
		for (size_t s = 0; s < v.step_count; s++)
			assert_int_equal(v.steps[s].done, s < v.done);
		if (v.stage == CITY_STAGE_CLOSED && closed_at < 0)
			closed_at = t;
	}
	assert_int_equal(stages, 0x1f); /* all five stages seen */
	assert_true(closed_at > START);
	assert_true(closed_at <= v.due_tick); /* closed in time */
	assert_int_equal(v.stage, CITY_STAGE_CLOSED);
	assert_int_equal(v.done, 14);
	static const char *const depts[] = {"城管", "公安", "消防", "经信", "通管"};
	assert_int_equal(v.dept_count, 5);
	for (size_t j = 0; j < 5; j++) {
		assert_string_equal(v.dept_names[j], depts[j]);
		assert_int_equal(v.depts[j], CITY_DEPT_DONE);
	}
	assert_int_equal(v.escalation_count, 2);
	assert_int_equal(v.escalations[0].from, CITY_TIER_STREET);
	assert_int_equal(v.escalations[0].to, CITY_TIER_DISTRICT);
	assert_int_equal(v.escalations[1].from, CITY_TIER_DISTRICT);
	assert_int_equal(v.escalations[1].to, CITY_TIER_CITY);
	assert_true(START < v.escalations[0].tick && v.escalations[0].tick < v.escalations[1].tick);
	assert_int_equal(v.level, CITY_TIER_CITY);
	/* a closed event stays listed a while, then goes */
	assert_false(event_at(c, closed_at + 2000, &v));
	city_destroy(c);
}

/* Mid-way through the handling, a department is active and one pending. */
static void test_main_burst_departments_mid_course(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_DEMO, 1);
	assert_true(city_scenario_start(c, scenario("main-burst"), 0));
	city_event_view_t v = {0};
	assert_true(event_at(c, 10, &v));
	assert_int_equal(v.stage, CITY_STAGE_SENSED);
	for (size_t j = 0; j < v.dept_count; j++)
		assert_int_equal(v.depts[j], CITY_DEPT_PENDING);
	assert_true(event_at(c, 60 + 2 * 180 + 10, &v)); /* two steps done */
	assert_int_equal(v.done, 2);
	assert_int_equal(v.stage, CITY_STAGE_HANDLING);
	assert_int_equal(v.level, CITY_TIER_DISTRICT);
	assert_int_equal(v.depts[0], CITY_DEPT_ACTIVE);  /* 城管: more steps to come */
	assert_int_equal(v.depts[2], CITY_DEPT_ACTIVE);  /* 消防: its step under way */
	assert_int_equal(v.depts[3], CITY_DEPT_PENDING); /* 经信: not begun */
	city_destroy(c);
}

/* The water side of the burst, at city scale, where it is under 五里店 and
 * its neighbours 华新街 and 大石坝 have pump stations and pressure monitors:
 * every pressure below lolo at the height of it, flows past hi, and all
 * back to normal after. */
static void test_main_burst_pressure(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_CITY, 1), *plain = make(CITY_SCALE_CITY, 1);
	assert_true(city_scenario_start(c, scenario("main-burst"), START));
	size_t pressures = 0, low = 0, flows = 0, spiking = 0, recovered = 0;
	for (size_t i = 0; i < city_reading_count(c); i++) {
		bool near = on_street(c, i, "jiangbei", "wulidian") ||
		            on_street(c, i, "jiangbei", "huaxinjie") ||
		            on_street(c, i, "jiangbei", "dashiba");
		const city_measure_def_t *m = city_reading(c, i)->measure;
		double v;
		if (near && (has_measure(c, i, "water", "outlet_pressure") ||
		             has_measure(c, i, "water", "pressure"))) {
			pressures++;
			if (city_reading_value_at(c, i, START + 300, &v))
				low += v < m->lolo;
			if (city_reading_value_at(c, i, START + 3000, &v))
				recovered += v > m->lo;
			/* untouched before the start */
			double before;
			bool h1 = city_reading_value_at(c, i, START - 1, &v);
			bool h2 = city_reading_value_at(plain, i, START - 1, &before);
			assert_true(h1 == h2 && (!h1 || v == before));
		}
		if (near && has_measure(c, i, "water", "flow")) {
			flows++;
			if (city_reading_value_at(c, i, START + 300, &v))
				spiking += v > m->hi;
		}
	}
	assert_true(pressures >= 4);
	assert_true(low >= pressures - 1); /* one may be in a dropout */
	assert_true(recovered >= pressures - 1);
	assert_true(flows >= 1 && spiking == flows);
	city_destroy(c);
	city_destroy(plain);
}

/* Congestion rises in 江北区 and in the city while the roads are closed. */
static void test_main_burst_congestion(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_CITY, 1), *plain = make(CITY_SCALE_CITY, 1);
	assert_true(city_scenario_start(c, scenario("main-burst"), START));
	size_t city_kpi = kpi_index(c, "operation.peak_congestion_index");
	size_t district = kpi_index(c, "district.congestion_index.jiangbei");
	size_t other = kpi_index(c, "district.congestion_index.yuzhong");
	int64_t t = START + 1200;
	assert_true(city_kpi_value_at(c, district, t) >
	            city_kpi_value_at(plain, district, t) + 0.3);
	assert_true(city_kpi_value_at(c, city_kpi, t) >
	            city_kpi_value_at(plain, city_kpi, t) + 0.1);
	assert_true(city_kpi_value_at(c, other, t) == city_kpi_value_at(plain, other, t));
	assert_true(city_kpi_value_at(c, district, START) ==
	            city_kpi_value_at(plain, district, START));
	city_destroy(c);
	city_destroy(plain);
}

/* At speed 60 the same course takes a sixtieth of the ticks. */
static void test_main_burst_speed(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_DEMO, 60);
	assert_true(city_scenario_start(c, scenario("main-burst"), START));
	city_event_view_t v = {0};
	assert_true(event_at(c, START + 43, &v)); /* 2,580 s / 60 */
	assert_int_equal(v.stage, CITY_STAGE_CLOSED);
	assert_true(event_at(c, START + 42, &v));
	assert_int_equal(v.done, 13);
	city_scenario_status_t st;
	city_scenario_status_at(c, scenario("main-burst"), START + 20, &st);
	assert_int_equal(st.phase, CITY_SCENARIO_RUNNING);
	assert_int_equal(st.end_tick, START + 43);
	city_destroy(c);
}

static void test_start_semantics(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_DEMO, 60);
	size_t k = scenario("flood"); /* 5,400 s: 90 ticks at speed 60 */
	city_scenario_status_t st;
	city_scenario_status_at(c, k, 0, &st);
	assert_int_equal(st.phase, CITY_SCENARIO_IDLE);
	assert_string_equal(city_scenario_phase_name(st.phase), "idle");
	assert_true(city_scenario_start(c, k, 10));
	city_scenario_status_at(c, k, 5, &st);
	assert_int_equal(st.phase, CITY_SCENARIO_PENDING);
	assert_false(city_scenario_start(c, k, 50)); /* still running: 409 */
	assert_false(city_scenario_start(c, k, 99));
	city_scenario_status_at(c, k, 55, &st);
	assert_int_equal(st.phase, CITY_SCENARIO_RUNNING);
	assert_true(fabs(st.progress - 0.5) < 0.01);
	city_scenario_status_at(c, k, 100, &st);
	assert_int_equal(st.phase, CITY_SCENARIO_OVER);
	assert_true(city_scenario_start(c, k, 100)); /* over: starts again */
	city_scenario_status_at(c, k, 101, &st);
	assert_int_equal(st.runs, 2);
	assert_int_equal(st.started_tick, 100);
	/* the first run still shapes its own past */
	city_t *once = make(CITY_SCALE_DEMO, 60);
	assert_true(city_scenario_start(once, k, 10));
	for (size_t i = 0; i < city_reading_count(c); i++) {
		double a = 0, b = 0;
		assert_int_equal(city_reading_value_at(c, i, 40, &a),
		                 city_reading_value_at(once, i, 40, &b));
		assert_true(a == b);
	}
	assert_false(city_scenario_start(c, city_scenario_count(), 0));
	city_destroy(once);
	city_destroy(c);
}

/* Share of the readings of a measure (in a district, if given) above hi. */
static double share_above_hi(const city_t *c, const char *domain, const char *measure,
                             const char *district, const char *street, int64_t t)
{
	size_t n = 0, above = 0;
	for (size_t i = 0; i < city_reading_count(c); i++) {
		double v;
		if (!has_measure(c, i, domain, measure) ||
		    (district && !on_street(c, i, district, street)) ||
		    !city_reading_value_at(c, i, t, &v))
			continue;
		n++;
		above += v > city_reading(c, i)->measure->hi;
	}
	assert_true(n > 0);
	return (double)above / (double)n;
}

static void test_heatwave(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_CITY, 60), *plain = make(CITY_SCALE_CITY, 60);
	assert_true(city_scenario_start(c, scenario("heatwave"), 0));
	int64_t mid = 60; /* an hour in: the plateau */
	assert_true(share_above_hi(c, "power", "load", NULL, NULL, mid) > 0.3);
	assert_true(share_above_hi(plain, "power", "load", NULL, NULL, mid) < 0.05);
	assert_true(share_above_hi(c, "power", "oil_temperature", NULL, NULL, mid) > 0.3);
	assert_true(share_above_hi(c, "power", "winding_temperature", NULL, NULL, mid) > 0.3);
	city_event_view_t v = {0};
	assert_true(event_at(c, mid, &v));
	assert_string_equal(v.type, "weather.heatwave");
	assert_int_equal(v.level, CITY_TIER_CITY);
	assert_true(share_above_hi(c, "power", "load", NULL, NULL, 125) < 0.05); /* over */
	city_destroy(c);
	city_destroy(plain);
}

static void test_flood(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_DEMO, 60);
	assert_true(city_scenario_start(c, scenario("flood"), 0));
	int64_t crest = 45; /* 45 minutes in */
	assert_true(share_above_hi(c, "bridge", "river_level", NULL, NULL, crest) > 0.9);
	assert_true(share_above_hi(c, "bridge", "river_level", NULL, NULL, 0) == 0);
	assert_true(share_above_hi(c, "tunnel", "water_level", NULL, NULL, crest) > 0.8);
	city_event_view_t v = {0};
	assert_true(event_at(c, crest, &v));
	assert_string_equal(v.type, "flood.river_crest");
	assert_string_equal(v.street, "朝天门街道");
	assert_true(event_at(c, 89, &v));
	assert_int_equal(v.stage, CITY_STAGE_CLOSED);
	city_destroy(c);
}

static void test_festival(void **state)
{
	(void)state;
	city_t *c = make(CITY_SCALE_CITY, 60), *plain = make(CITY_SCALE_CITY, 60);
	assert_true(city_scenario_start(c, scenario("festival"), 0));
	int64_t evening = 90;
	assert_true(share_above_hi(c, "telecom", "load", "yuzhong", "jiefangbei", evening) > 0.9);
	assert_true(share_above_hi(c, "telecom", "latency", "yuzhong", "chaotianmen", evening) >
	            0.9);
	assert_true(share_above_hi(c, "telecom", "users", "yuzhong", NULL, evening) > 0.7);
	assert_true(share_above_hi(plain, "telecom", "users", "yuzhong", NULL, evening) < 0.2);
	assert_true(share_above_hi(c, "telecom", "load", "jiangbei", NULL, evening) ==
	            share_above_hi(plain, "telecom", "load", "jiangbei", NULL, evening));
	size_t k = kpi_index(c, "district.congestion_index.yuzhong");
	assert_true(city_kpi_value_at(c, k, evening) > city_kpi_value_at(plain, k, evening) + 0.4);
	city_event_view_t v = {0};
	assert_true(event_at(c, evening, &v));
	assert_string_equal(v.type, "public.large_crowd");
	assert_string_equal(v.district, "渝中区");
	assert_int_equal(v.level, CITY_TIER_DISTRICT);
	city_destroy(c);
	city_destroy(plain);
}

static void test_deterministic(void **state)
{
	(void)state;
	city_t *a = make(CITY_SCALE_DEMO, 1), *b = make(CITY_SCALE_DEMO, 1);
	for (size_t k = 0; k < city_scenario_count(); k++) {
		assert_true(city_scenario_start(a, k, 50 + (int64_t)k));
		assert_true(city_scenario_start(b, k, 50 + (int64_t)k));
	}
	for (int64_t t = 0; t < 3000; t += 37) {
		for (size_t i = 0; i < city_reading_count(a); i++) {
			double va = 0, vb = 0;
			assert_int_equal(city_reading_value_at(a, i, t, &va),
			                 city_reading_value_at(b, i, t, &vb));
			assert_true(va == vb);
		}
		for (size_t i = 0; i < city_kpi_count(a); i++)
			assert_true(city_kpi_value_at(a, i, t) == city_kpi_value_at(b, i, t));
		city_event_view_t ea[8], eb[8];
		size_t n = city_scenario_events_at(a, t, ea, 8);
		assert_int_equal(n, city_scenario_events_at(b, t, eb, 8));
		assert_true(n <= 8);
		for (size_t j = 0; j < n; j++)
			assert_memory_equal(&ea[j], &eb[j], sizeof ea[j]);
	}
	city_event_view_t one;
	assert_int_equal(city_scenario_events_at(a, 1000, &one, 1), 4); /* counts past cap */
	city_destroy(a);
	city_destroy(b);
}

static void test_loopback_check(void **state)
{
	(void)state;
	struct sockaddr_in in = {.sin_family = AF_INET};
	static const char *const v4_yes[] = {"127.0.0.1", "127.5.6.7"};
	static const char *const v4_no[] = {"10.0.0.1", "192.168.1.9", "0.0.0.0", "128.0.0.1"};
	for (size_t k = 0; k < 2; k++) {
		assert_int_equal(inet_pton(AF_INET, v4_yes[k], &in.sin_addr), 1);
		assert_true(mock_scenario_client_loopback((struct sockaddr *)&in));
	}
	for (size_t k = 0; k < 4; k++) {
		assert_int_equal(inet_pton(AF_INET, v4_no[k], &in.sin_addr), 1);
		assert_false(mock_scenario_client_loopback((struct sockaddr *)&in));
	}
	struct sockaddr_in6 in6 = {.sin6_family = AF_INET6};
	static const char *const v6_yes[] = {"::1", "::ffff:127.0.0.1"};
	static const char *const v6_no[] = {"::ffff:10.1.2.3", "2001:db8::1", "::", "fe80::1"};
	for (size_t k = 0; k < 2; k++) {
		assert_int_equal(inet_pton(AF_INET6, v6_yes[k], &in6.sin6_addr), 1);
		assert_true(mock_scenario_client_loopback((struct sockaddr *)&in6));
	}
	for (size_t k = 0; k < 4; k++) {
		assert_int_equal(inet_pton(AF_INET6, v6_no[k], &in6.sin6_addr), 1);
		assert_false(mock_scenario_client_loopback((struct sockaddr *)&in6));
	}
	struct sockaddr_un un = {.sun_family = AF_UNIX};
	assert_false(mock_scenario_client_loopback((struct sockaddr *)&un));
	assert_false(mock_scenario_client_loopback(NULL));
	assert_true(mock_scenario_route("/v1/scenarios"));
	assert_true(mock_scenario_route("/v1/scenarios/flood"));
	assert_false(mock_scenario_route("/v1/scenariosx"));
	assert_false(mock_scenario_route("/v1/feeds/water"));
}

/* The server's city: speed per wall second turned into speed per tick,
 * scenarios started at tick 0, a repeated one once, an unknown one refused. */
static void test_server_city(void **state)
{
	(void)state;
	static const char *const names[] = {"flood", "main-burst", "flood"};
	mock_options_t opts = {.seed = SEED, .speed = 60, .scenarios = names, .scenario_count = 3};
	char *cause = NULL;
	city_t *c = mock_scenario_city(&opts, 500, MIDNIGHT_MS, &cause);
	assert_non_null(c);
	assert_null(cause);
	assert_true(city_speed(c) == 30); /* 60 s a second, two ticks a second */
	assert_int_equal(city_sim_wall_ms(c, 2), MIDNIGHT_MS + 60000);
	city_scenario_status_t st;
	city_scenario_status_at(c, scenario("flood"), 1, &st);
	assert_int_equal(st.phase, CITY_SCENARIO_RUNNING);
	assert_int_equal(st.runs, 1);
	assert_int_equal(st.started_tick, 0);
	city_scenario_status_at(c, scenario("main-burst"), 1, &st);
	assert_int_equal(st.phase, CITY_SCENARIO_RUNNING);
	city_scenario_status_at(c, scenario("heatwave"), 1, &st);
	assert_int_equal(st.phase, CITY_SCENARIO_IDLE);
	city_destroy(c);

	static const char *const bad[] = {"flood", "typhoon"};
	opts.scenarios = bad;
	opts.scenario_count = 2;
	assert_null(mock_scenario_city(&opts, 1000, MIDNIGHT_MS, &cause));
	assert_non_null(cause);
	assert_non_null(strstr(cause, "typhoon"));
	free(cause);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_registry),
	    cmocka_unit_test(test_main_burst_event),
	    cmocka_unit_test(test_main_burst_departments_mid_course),
	    cmocka_unit_test(test_main_burst_pressure),
	    cmocka_unit_test(test_main_burst_congestion),
	    cmocka_unit_test(test_main_burst_speed),
	    cmocka_unit_test(test_start_semantics),
	    cmocka_unit_test(test_heatwave),
	    cmocka_unit_test(test_flood),
	    cmocka_unit_test(test_festival),
	    cmocka_unit_test(test_deterministic),
	    cmocka_unit_test(test_loopback_check),
	    cmocka_unit_test(test_server_city),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

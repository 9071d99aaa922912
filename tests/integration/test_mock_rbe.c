/* Unit tests for the mock's report-by-exception image (mock/rbe.c) and its
 * documents (mock/city_json_delta.c), without HTTP: the deadband rule tick by
 * tick, cursors (malformed, foreign, future, expired, reset after a gap),
 * event tombstones, and a delta that lists exactly what changed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "city.h"
#include "city_json.h"
#include "city_json_delta.h"
#include "jbuf.h"
#include "rbe.h"

#define SEED   3
#define WINDOW 50

static const city_json_time_t tm0 = {
    .tick0_ms = 1764057600000, .tick_ms = 1000, .now_ms = 1764057600000};

/* Each tick: a reading is reported again exactly when it moved beyond its
 * deadband from what was reported (or its quality or null-ness changed);
 * otherwise the reported value stays within the deadband of the true one. */
static void test_deadband_rule(void **state)
{
	(void)state;
	city_t *c = city_create(SEED);
	rbe_t *r = rbe_create(c, &tm0, WINDOW, 0xabc);
	size_t n = city_reading_count(c);
	city_json_value_t *before = calloc(n, sizeof *before);
	for (size_t i = 0; i < n; i++) {
		before[i] = *rbe_reading(r, i);
		assert_int_equal(rbe_reading_changed(r, i), 0);
	}
	size_t quiet_ticks = 0;
	for (int64_t t = 1; t <= 40; t++) {
		rbe_advance(r, t, RBE_KPIS);
		size_t changed = 0;
		for (size_t i = 0; i < n; i++) {
			const city_json_value_t *rep = rbe_reading(r, i);
			double db = city_reading(c, i)->measure->deadband, v = 0;
			bool has = city_reading_value_at(c, i, t, &v);
			city_quality_t q = city_reading_quality_at(c, i, t);
			if (rbe_reading_changed(r, i) == t) {
				changed++;
				assert_true(rep->has_value == has && rep->quality == q);
				assert_true(!has || rep->value == v);
				assert_true(before[i].has_value != has || before[i].quality != q ||
				            fabs(before[i].value - v) > db);
			} else {
				assert_true(rbe_reading_changed(r, i) < t);
				assert_true(memcmp(rep, &before[i], sizeof *rep) == 0);
				assert_true(rep->has_value == has && rep->quality == q);
				assert_true(!has || fabs(rep->value - v) <= db);
			}
			before[i] = *rep;
		}
		assert_true(changed < n);
		quiet_ticks += changed < n;
	}
	assert_int_equal(quiet_ticks, 40);
	free(before);
	rbe_destroy(r);
	city_destroy(c);
}

static void test_cursors(void **state)
{
	(void)state;
	city_t *c = city_create(SEED);
	rbe_t *r = rbe_create(c, &tm0, WINDOW, 0xabc);
	rbe_t *other = rbe_create(c, &tm0, WINDOW, 0xdef);
	char cur[RBE_CURSOR_MAX + 1], foreign[RBE_CURSOR_MAX + 1];
	int64_t t;
	rbe_advance(r, 10, RBE_KPIS);
	rbe_advance(other, 10, RBE_KPIS);
	rbe_cursor(r, cur, sizeof cur);
	rbe_cursor(other, foreign, sizeof foreign);
	assert_string_equal(cur, "r1.000000000abc.10");
	assert_true(rbe_cursor_parse(r, cur, &t) && t == 10);
	assert_false(rbe_cursor_parse(r, foreign, &t));
	assert_true(rbe_cursor_parse(r, "r1.000000000abc.0", &t) && t == 0);
	const char *bad[] = {"",
	                     "r1",
	                     "r1.000000000abc",
	                     "r1.000000000abc.",
	                     "r1.000000000ABC.3",
	                     "r1.000000000abc.11", /* the future */
	                     "r1.000000000abc.-1",
	                     "r1.000000000abc.3x",
	                     "r2.000000000abc.3",
	                     "r1.00000000abc.3",
	                     "r1.000000000abc.99999999999999999999"};
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
		if (rbe_cursor_parse(r, bad[k], &t))
			fail_msg("cursor \"%s\" accepted", bad[k]);
	/* Expired: more than WINDOW ticks old. */
	rbe_advance(r, 10 + WINDOW, RBE_KPIS);
	assert_true(rbe_cursor_parse(r, cur, &t));
	rbe_advance(r, 11 + WINDOW, RBE_KPIS);
	assert_false(rbe_cursor_parse(r, cur, &t));
	/* A gap longer than the window resets: every earlier cursor expires,
	 * everything is reported afresh. */
	rbe_cursor(r, cur, sizeof cur);
	rbe_advance(r, 12 + 3 * WINDOW, RBE_KPIS);
	assert_false(rbe_cursor_parse(r, cur, &t));
	assert_false(rbe_cursor_parse(r, "r1.000000000abc.140", &t)); /* before the reset */
	assert_false(rbe_cursor_parse(r, "r1.000000000abc.161", &t));
	assert_true(rbe_cursor_parse(r, "r1.000000000abc.162", &t));
	for (size_t i = 0; i < city_reading_count(c); i++)
		assert_int_equal(rbe_reading_changed(r, i), 12 + 3 * WINDOW);
	/* Going back is ignored. */
	rbe_advance(r, 5, RBE_KPIS);
	rbe_cursor(r, cur, sizeof cur);
	assert_string_equal(cur, "r1.000000000abc.162");
	rbe_destroy(other);
	rbe_destroy(r);
	city_destroy(c);
}

static bool listed(const cJSON *arr, const char *id)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, arr)
	{
		const cJSON *s =
		    cJSON_IsString(it) ? it : cJSON_GetObjectItemCaseSensitive(it, "id");
		if (strcmp(s->valuestring, id) == 0)
			return true;
	}
	return false;
}

/* Events that leave become tombstones for the window, then are forgotten;
 * a delta names those gone since its cursor and lists what changed. */
static void test_events_and_delta_documents(void **state)
{
	(void)state;
	city_t *c = city_create(SEED);
	rbe_t *r = rbe_create(c, &tm0, WINDOW, 0xabc);
	bool saw_tombstone = false, saw_removed = false;
	for (int64_t t = 1; t <= 400; t++) {
		rbe_advance(r, t, RBE_EVENTS);
		size_t shown = 0;
		for (size_t k = 0; k < rbe_event_count(r); k++) {
			const rbe_event_t *e = rbe_event(r, k);
			if (e->removed_tick < 0) {
				shown++;
				continue;
			}
			saw_tombstone = true;
			assert_true(e->removed_tick >= t - WINDOW && e->removed_tick <= t);
		}
		assert_int_equal(shown, city_event_count(c));
		/* The delta since the tick before: the events gone just now. */
		int64_t since = t - 1;
		city_json_time_t tm = tm0;
		tm.tick = t;
		size_t len, items;
		char *doc = city_json_rbe_doc(c, r, CITY_FEED_EVENTS, 0, &tm, &since, &len, &items);
		cJSON *d = cJSON_Parse(doc);
		assert_non_null(d);
		assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "delta")));
		const cJSON *gone = cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(d, "removed"), "events");
		for (size_t k = 0; k < rbe_event_count(r); k++) {
			const rbe_event_t *e = rbe_event(r, k);
			assert_int_equal(listed(gone, e->id), e->removed_tick == t);
			assert_int_equal(
			    listed(cJSON_GetObjectItemCaseSensitive(d, "events"), e->id),
			    e->removed_tick < 0 && e->changed_tick == t);
			saw_removed |= e->removed_tick == t;
		}
		cJSON_Delete(d);
		free(doc);
	}
	assert_true(saw_tombstone && saw_removed);
	rbe_destroy(r);
	city_destroy(c);
}

/* The whole documents carry the cursor and the reported values; a KPI
 * delta lists exactly the KPIs whose object changed. */
static void test_whole_and_kpi_delta(void **state)
{
	(void)state;
	city_t *c = city_create(SEED);
	rbe_t *r = rbe_create(c, &tm0, WINDOW, 0xabc);
	rbe_advance(r, 7, RBE_KPIS);
	city_json_time_t tm = tm0;
	tm.tick = 7;
	size_t len, items;
	char *doc = city_json_rbe_doc(c, r, CITY_FEED_READINGS, 0, &tm, NULL, &len, &items);
	cJSON *d = cJSON_Parse(doc);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(d, "cursor")->valuestring,
	                    "r1.000000000abc.7");
	assert_null(cJSON_GetObjectItemCaseSensitive(d, "delta"));
	const cJSON *it;
	size_t i = 0, n = 0;
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(d, "readings"))
	{
		while (city_reading(c, i)->domain != 0)
			i++;
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, "value");
		const city_json_value_t *rep = rbe_reading(r, i);
		assert_int_equal(cJSON_IsNumber(v), rep->has_value);
		int dec = city_reading(c, i)->measure->decimals;
		if (rep->has_value)
			assert_true(fabs(v->valuedouble - rep->value) <=
			            0.5 * pow(10, -dec) + 1e-12);
		i++;
		n++;
	}
	assert_int_equal(n, items);
	cJSON_Delete(d);
	free(doc);
	/* KPIs one tick later. */
	char **before = calloc(city_kpi_count(c), sizeof *before);
	for (size_t k = 0; k < city_kpi_count(c); k++) {
		size_t l;
		const char *j = rbe_kpi_json(r, k, &l);
		before[k] = strndup(j, l);
	}
	rbe_advance(r, 8, RBE_KPIS);
	tm.tick = 8;
	int64_t since = 7;
	doc = city_json_rbe_doc(c, r, CITY_FEED_KPIS, 0, &tm, &since, &len, &items);
	d = cJSON_Parse(doc);
	const cJSON *kpis = cJSON_GetObjectItemCaseSensitive(d, "kpis");
	size_t changed = 0;
	for (size_t k = 0; k < city_kpi_count(c); k++) {
		jbuf_t b;
		jbuf_init(&b, 512);
		city_json_put_kpi(&b, c, k, &tm);
		size_t l;
		char *now = jbuf_finish(&b, &l);
		bool differs = strcmp(now, before[k]) != 0;
		assert_int_equal(listed(kpis, city_kpi(c, k)->id), differs);
		changed += differs;
		free(now);
		free(before[k]);
	}
	assert_int_equal(changed, items);
	free(before);
	cJSON_Delete(d);
	free(doc);
	rbe_destroy(r);
	city_destroy(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_deadband_rule),
	    cmocka_unit_test(test_cursors),
	    cmocka_unit_test(test_events_and_delta_documents),
	    cmocka_unit_test(test_whole_and_kpi_delta),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The sensorthings adapter's parse and error_reason (feeds/adapter_sensorthings.c,
 * feeds/sta_element.c) on fixtures in the shapes of OGC 18-088 and FROST-Server
 * (tests/data/sensorthings): pages with @iot.nextLink, expanded Thing,
 * Locations and Observations, numeric-string results, missing observations,
 * interval phenomenonTime, error JSON, an empty collection, hostile strings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "sta_sink.h"
#include "text.h"
#include "timefmt.h"

static int64_t at(const char *rfc3339)
{
	int64_t ms;
	assert_true(timefmt_parse_rfc3339(rfc3339, &ms));
	return ms;
}

static void test_two_pages(void **state)
{
	(void)state;
	void *o = sta_opts(NULL);
	const char *pages[] = {"page1.json", "page2.json"};
	got_t g;
	sta_run(&g, o, pages, 2);
	assert_int_equal(g.rc, 0);
	assert_int_equal(g.headers, 1);
	assert_true(g.stats.had_readings);
	assert_int_equal(g.n, 5);
	assert_int_equal(g.stats.readings, 5);
	assert_int_equal(g.stats.skipped, 1); /* "open" is no number */
	assert_non_null(strstr(g.stats.first_skip_reason, "Datastream \"5\""));
	assert_non_null(strstr(g.stats.first_skip_reason, "result"));
	assert_string_equal(g.stats.warning, ""); /* the last page has no nextLink */

	const got_reading_t *r = got_find(&g, "1"); /* a number @iot.id */
	assert_non_null(r);
	assert_string_equal(r->name, "Outlet pressure, pump 7");
	assert_string_equal(r->unit, "MPa");
	assert_string_equal(r->domain, "water");
	assert_string_equal(r->district, "江北区");
	assert_string_equal(r->street, "观音桥街道");
	assert_true(r->has_value);
	assert_true(r->value == 0.452);
	assert_true(r->dated);
	assert_int_equal(r->ts_ms, at("2026-11-25T07:59:58Z"));
	assert_true(r->has_range && r->range_min == 0 && r->range_max == 1);
	assert_int_equal(r->limits.mask, LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI);
	assert_true(r->limits.lo == 0.2 && r->limits.hihi == 0.9);

	r = got_find(&g, "power.yuzhong.jiefangbei.feeder03.load"); /* a string @iot.id */
	assert_non_null(r);
	assert_true(r->has_value && r->value == 61.5); /* "61.5" */
	assert_string_equal(r->unit, "%");
	assert_string_equal(r->district, "渝中区"); /* from its Location */
	assert_string_equal(r->street, "解放碑街道");
	assert_int_equal(r->limits.mask, LIMIT_HI | LIMIT_HIHI); /* numeric strings */
	assert_true(r->limits.hi == 85 && r->limits.hihi == 95);
	assert_false(r->has_range);

	r = got_find(&g, "3"); /* no Observation: no value, no time of its own */
	assert_non_null(r);
	assert_false(r->has_value);
	assert_false(r->dated);
	assert_string_equal(r->district, "北碚区");
	assert_null(r->street);
	assert_int_equal(r->limits.mask, 0);

	r = got_find(&g, "4"); /* an interval: its end */
	assert_non_null(r);
	assert_true(r->has_value && r->value == 42);
	assert_int_equal(r->ts_ms, at("2026-11-25T08:00:00Z"));

	r = got_find(&g, "6"); /* result null: a reading without value, never 0 */
	assert_non_null(r);
	assert_false(r->has_value);
	assert_true(r->dated);
	assert_null(got_find(&g, "5"));
	got_free(&g);
	sta_adapter()->options_free(o);
}

static void test_bound_warns(void **state)
{
	(void)state;
	void *o = sta_opts("{\"max_pages\": 1}");
	const char *pages[] = {"page1.json"};
	got_t g;
	sta_run(&g, o, pages, 1);
	assert_int_equal(g.rc, 0);
	assert_int_equal(g.n, 2);
	assert_non_null(strstr(g.stats.warning, "paging stopped after 1 page"));
	got_free(&g);
	sta_adapter()->options_free(o);
}

static void test_error_first_page(void **state)
{
	(void)state;
	const char *pages[] = {"error.json"};
	got_t g;
	sta_run(&g, NULL, pages, 1); /* no options: the defaults */
	assert_int_equal(g.rc, -1);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.headers, 0);
	assert_non_null(strstr(g.cause, "Not a valid path: Datastream"));
	got_free(&g);
}

/* A bad later page rejects the attempt before anything is handed out. */
static void test_bad_later_page(void **state)
{
	(void)state;
	const char *pages[] = {"page1.json", "error.json"};
	got_t g;
	sta_run(&g, NULL, pages, 2);
	assert_int_equal(g.rc, -1);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.headers, 0);
	assert_non_null(strstr(g.cause, "page 2 of 2: not a SensorThings collection"));
	got_free(&g);

	size_t len;
	char *p1 = read_fixture("sensorthings/page1.json", &len);
	const char *texts[] = {p1, "{\"value\": []}", "{\"value\": [1, 2"};
	sta_run_texts(&g, NULL, texts, 3);
	free(p1);
	assert_int_equal(g.rc, -1);
	assert_int_equal(g.n, 0);
	assert_non_null(strstr(g.cause, "page 3 of 3"));
	got_free(&g);
}

static void test_empty_and_not_json(void **state)
{
	(void)state;
	const char *pages[] = {"empty.json"};
	got_t g;
	sta_run(&g, NULL, pages, 1);
	assert_int_equal(g.rc, 0);
	assert_int_equal(g.n, 0);
	assert_true(g.stats.had_readings); /* the server has none: none stay */
	got_free(&g);
	const char *bad[] = {"nope", "[1]", "{\"value\": {}}", ""};
	const char *why[] = {"not JSON", "not a JSON object", "no \"value\" array", "not JSON"};
	for (int i = 0; i < 4; i++) {
		const char *t[] = {bad[i]};
		sta_run_texts(&g, NULL, t, 1);
		assert_int_equal(g.rc, -1);
		assert_non_null(strstr(g.cause, why[i]));
		got_free(&g);
	}
	sta_run_texts(&g, NULL, NULL, 0);
	assert_int_equal(g.rc, -1);
	got_free(&g);
}

static void test_hostile(void **state)
{
	(void)state;
	const char *pages[] = {"hostile.json"};
	got_t g;
	sta_run(&g, NULL, pages, 1);
	assert_int_equal(g.rc, 0);
	assert_int_equal(g.n, 2);
	/* bad id, 1e300 id, name 42, "NaN", true, range [0], hi "high", a string */
	assert_int_equal(g.stats.skipped, 8);
	const got_reading_t *r = got_find(&g, "hostile.1");
	assert_non_null(r);
	const char *texts[] = {r->name, r->unit, r->district, r->street};
	for (int i = 0; i < 4; i++) {
		assert_non_null(texts[i]);
		assert_true(text_is_clean(texts[i]));
	}
	assert_null(strchr(r->name, '\x1b'));
	assert_non_null(strstr(r->name, "red"));
	assert_true(r->value == 1.5);
	r = got_find(&g, "13");
	assert_non_null(r);
	assert_true(r->has_value && r->value == 7.25);
	assert_true(r->limits_invalid); /* lo 5 above hi 1: dropped, reading kept */
	assert_int_equal(r->limits.mask, 0);
	assert_false(r->dated); /* "yesterday": the time of receipt */
	assert_int_equal(g.stats.limits_ignored, 1);
	/* a malformed id is not repeated: the element is named by its place */
	assert_non_null(strstr(g.stats.first_skip_reason, "Datastream #1"));
	assert_null(strstr(g.stats.first_skip_reason, "spaces"));
	got_free(&g);
}

static void test_custom_fields(void **state)
{
	(void)state;
	void *o = sta_opts("{\"fields\": {\"id\": \"/properties/code\", \"name\": "
	                   "[\"/properties/label\", \"/name\"], \"domain\": [], \"unit\": "
	                   "\"/unitOfMeasurement/name\"}}");
	const char *t[] = {"{\"value\": [{\"@iot.id\": 1, \"name\": \"n\", \"properties\": "
	                   "{\"code\": \"X-1\", \"label\": \"Label\"}, \"unitOfMeasurement\": "
	                   "{\"name\": \"metre\"}, \"Thing\": {\"properties\": {\"domain\": "
	                   "\"water\"}}}, {\"@iot.id\": 2, \"name\": \"only name\", \"properties\": "
	                   "{\"code\": \"X-2\"}}, {\"@iot.id\": 3}]}"};
	got_t g;
	sta_run_texts(&g, o, t, 1);
	assert_int_equal(g.rc, 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.stats.skipped, 1); /* no /properties/code */
	assert_non_null(strstr(g.stats.first_skip_reason, "/properties/code"));
	const got_reading_t *r = got_find(&g, "X-1");
	assert_non_null(r);
	assert_string_equal(r->name, "Label");
	assert_string_equal(r->unit, "metre");
	assert_null(r->domain); /* unmapped */
	assert_string_equal(got_find(&g, "X-2")->name, "only name");
	got_free(&g);
	sta_adapter()->options_free(o);
}

static void test_error_reason(void **state)
{
	(void)state;
	const adapter_t *a = sta_adapter();
	size_t len;
	char *body = read_fixture("sensorthings/error.json", &len);
	char *why = a->error_reason(NULL, 400, body, len);
	assert_non_null(why);
	assert_non_null(strstr(why, "Not a valid path: Datastream"));
	assert_non_null(strstr(why, "400"));
	free(why);
	free(body);
	assert_null(a->error_reason(NULL, 502, "<html>Bad Gateway</html>", 24));
	assert_null(a->error_reason(NULL, 500, "{\"code\":500}", 12));
	const char *evil = "{\"code\":404,\"type\":\"error\",\"message\":\"gone\\u001b[2J\\u0007\"}";
	why = a->error_reason(NULL, 404, evil, strlen(evil));
	assert_non_null(why);
	assert_true(text_is_clean(why));
	assert_non_null(strstr(why, "gone"));
	free(why);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_two_pages),     cmocka_unit_test(test_bound_warns),
	    cmocka_unit_test(test_error_first_page), cmocka_unit_test(test_bad_later_page),
	    cmocka_unit_test(test_empty_and_not_json), cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_custom_fields), cmocka_unit_test(test_error_reason),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Serializer tests for the mock city (mock/city_json.h): every document is
 * valid JSON in protocol v1 shape; no clock, no network. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "city.h"
#include "city_json.h"

#define SEED  99u
#define T0_MS 1795593599500LL /* 2026-11-25T07:59:59.500Z */

static const city_json_time_t at_tick_10 = {
    .tick = 10, .tick0_ms = T0_MS, .tick_ms = 1000, .now_ms = T0_MS + 10250};

/* len is read only after text was built (it is the builder's output). */
static cJSON *parse_doc(char *text, const size_t *lenp)
{
	size_t len = *lenp;
	assert_non_null(text);
	assert_int_equal(strlen(text), len);
	cJSON *doc = cJSON_ParseWithLength(text, len);
	free(text);
	assert_non_null(doc);
	assert_true(cJSON_IsObject(doc));
	return doc;
}

static const char *str_field(const cJSON *obj, const char *key)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	assert_true(cJSON_IsString(it));
	return it->valuestring;
}

static double num_field(const cJSON *obj, const char *key)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	assert_true(cJSON_IsNumber(it));
	return it->valuedouble;
}

static void check_header(const cJSON *doc, const char *source)
{
	assert_int_equal((int)num_field(doc, "version"), 1);
	assert_string_equal(str_field(doc, "source"), source);
	assert_string_equal(str_field(doc, "generated_at"), "2026-11-25T08:00:09.750Z");
}

static void test_format_time(void **state)
{
	char buf[32];
	city_json_format_time(T0_MS, buf, sizeof(buf));
	assert_string_equal(buf, "2026-11-25T07:59:59.500Z");
	city_json_format_time(0, buf, sizeof(buf));
	assert_string_equal(buf, "1970-01-01T00:00:00.000Z");
	city_json_format_time(-1, buf, sizeof(buf));
	assert_string_equal(buf, "1969-12-31T23:59:59.999Z");
}

static void check_reading(const cJSON *r, const char *domain, const city_t *c, size_t i)
{
	const city_reading_t *want = city_reading(c, i);
	assert_string_equal(str_field(r, "id"), want->id);
	assert_string_equal(str_field(r, "name"), want->name);
	assert_string_equal(str_field(r, "domain"), domain);
	const cJSON *place = cJSON_GetObjectItemCaseSensitive(r, "place");
	assert_string_equal(str_field(place, "district"), want->district->name);
	assert_string_equal(str_field(place, "street"), want->street->name);
	assert_string_equal(str_field(r, "ts"), "2026-11-25T08:00:09.500Z");
	const cJSON *value = cJSON_GetObjectItemCaseSensitive(r, "value");
	double v;
	if (city_reading_value_at(c, i, 10, &v)) {
		assert_true(cJSON_IsNumber(value));
		/* rounded to the measure's decimals, no further */
		assert_float_equal(value->valuedouble, v, 0.51 * pow(10, -want->measure->decimals));
	} else {
		assert_true(cJSON_IsNull(value));
		assert_string_equal(str_field(r, "quality"), "bad");
	}
	const cJSON *range = cJSON_GetObjectItemCaseSensitive(r, "range");
	assert_int_equal(cJSON_GetArraySize(range), 2);
	assert_true(cJSON_GetArrayItem(range, 0)->valuedouble <
	            cJSON_GetArrayItem(range, 1)->valuedouble);
	const cJSON *limits = cJSON_GetObjectItemCaseSensitive(r, "limits");
	assert_true(cJSON_IsObject(limits));
	if (want->measure->has_hi)
		assert_true(num_field(limits, "hi") < num_field(limits, "hihi"));
	else
		assert_null(cJSON_GetObjectItemCaseSensitive(limits, "hi"));
	if (want->measure->has_lo)
		assert_true(num_field(limits, "lolo") < num_field(limits, "lo"));
	else
		assert_null(cJSON_GetObjectItemCaseSensitive(limits, "lo"));
	assert_true(num_field(r, "deadband") >= 0);
}

static void test_readings_documents(void **state)
{
	city_t *c = city_create(SEED);
	size_t total = 0;
	for (size_t d = 0; d < city_domain_count(); d++) {
		size_t len;
		cJSON *doc = parse_doc(city_json_readings(c, d, &at_tick_10, &len), &len);
		char source[32];
		snprintf(source, sizeof(source), "mock-%s", city_domain_name(d));
		check_header(doc, source);
		const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, "readings");
		assert_true(cJSON_IsArray(arr));
		size_t i = 0;
		const cJSON *r;
		cJSON_ArrayForEach(r, arr)
		{
			while (city_reading(c, i)->domain != d)
				i++; /* the document keeps the model's order */
			check_reading(r, city_domain_name(d), c, i++);
			total++;
		}
		cJSON_Delete(doc);
	}
	assert_int_equal(total, city_reading_count(c));
	city_destroy(c);
}

/* A reading that is offline is sent as null, never as 0. */
static void test_null_value_on_the_wire(void **state)
{
	city_t *c = city_create(SEED);
	double v;
	for (int64_t t = 0; t < 5000; t++) {
		for (size_t i = 0; i < city_reading_count(c); i++) {
			if (city_reading_value_at(c, i, t, &v))
				continue;
			city_json_time_t tm = at_tick_10;
			tm.tick = t;
			size_t len;
			char *text = city_json_readings(c, city_reading(c, i)->domain, &tm, &len);
			char *needle = malloc(strlen(city_reading(c, i)->id) + 8);
			assert_non_null(needle);
			sprintf(needle, "\"%s\"", city_reading(c, i)->id);
			char *at = strstr(text, needle);
			assert_non_null(at);
			char *value = strstr(at, "\"value\":");
			assert_non_null(value);
			assert_memory_equal(value, "\"value\":null,", 13);
			free(needle);
			free(text);
			city_destroy(c);
			return;
		}
	}
	fail_msg("no reading was ever offline");
}

static void test_kpis_document(void **state)
{
	city_t *c = city_create(SEED);
	size_t len;
	cJSON *doc = parse_doc(city_json_kpis(c, &at_tick_10, &len), &len);
	check_header(doc, "mock-kpi");
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, "kpis"), *k;
	assert_int_equal(cJSON_GetArraySize(arr), (int)city_kpi_count(c));
	cJSON_ArrayForEach(k, arr)
	{
		str_field(k, "id");
		str_field(k, "name");
		str_field(k, "category");
		num_field(k, "value");
		num_field(k, "target");
		num_field(k, "weight");
		const char *better = str_field(k, "better");
		assert_true(strcmp(better, "higher") == 0 || strcmp(better, "lower") == 0);
		assert_string_equal(str_field(k, "period"), "2026-11");
		const char *index = str_field(k, "index");
		assert_non_null(strstr("development construction operation service health", index));
		const cJSON *hist = cJSON_GetObjectItemCaseSensitive(k, "history");
		assert_int_equal(cJSON_GetArraySize(hist), CITY_KPI_HISTORY);
	}
	cJSON_Delete(doc);
	city_destroy(c);
}

static void test_events_document(void **state)
{
	city_t *c = city_create(SEED);
	size_t len;
	cJSON *doc = parse_doc(city_json_events(c, &at_tick_10, &len), &len);
	check_header(doc, "mock-events");
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, "events"), *e;
	assert_int_equal(cJSON_GetArraySize(arr), (int)city_event_count(c));
	cJSON_ArrayForEach(e, arr)
	{
		assert_memory_equal(str_field(e, "id"), "EV-", 3);
		assert_true(strlen(str_field(e, "type_name")) > 0);
		assert_true(strlen(str_field(e, "category")) > 0);
		assert_true(strlen(str_field(e, "subcategory")) > 0);
		assert_memory_equal(str_field(e, "due_at"), "2026-11-2", 9);
		assert_non_null(strstr("critical major minor info", str_field(e, "severity")));
		assert_non_null(strstr("city district street", str_field(e, "level")));
		assert_non_null(
		    strstr("sensed handling evaluating reviewing closed", str_field(e, "stage")));
		const cJSON *steps = cJSON_GetObjectItemCaseSensitive(e, "steps");
		assert_true(num_field(steps, "done") <= num_field(steps, "total"));
		const cJSON *depts = cJSON_GetObjectItemCaseSensitive(e, "departments"), *d;
		assert_true(cJSON_GetArraySize(depts) >= 1);
		cJSON_ArrayForEach(d, depts)
		{
			str_field(d, "name");
			assert_non_null(strstr("pending active done", str_field(d, "state")));
		}
		/* The plan: one entry per step, as many done as steps.done. */
		const cJSON *plan = cJSON_GetObjectItemCaseSensitive(e, "plan"), *p;
		assert_int_equal(cJSON_GetArraySize(plan), (int)num_field(steps, "total"));
		int done = 0;
		cJSON_ArrayForEach(p, plan)
		{
			assert_true(strlen(str_field(p, "name")) > 0);
			assert_true(strlen(str_field(p, "department")) > 0);
			done += cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "done"));
		}
		assert_int_equal(done, (int)num_field(steps, "done"));
		/* Escalations lead from the street to the level it has now. */
		const cJSON *esc = cJSON_GetObjectItemCaseSensitive(e, "escalations"), *x;
		assert_true(cJSON_IsArray(esc));
		const char *tier = "street";
		cJSON_ArrayForEach(x, esc)
		{
			assert_string_equal(str_field(x, "from"), tier);
			tier = str_field(x, "to");
			str_field(x, "at");
		}
		assert_string_equal(tier, str_field(e, "level"));
	}
	cJSON_Delete(doc);
	city_destroy(c);
}

static void test_health_and_error(void **state)
{
	city_t *c = city_create(SEED);
	size_t len;
	cJSON *doc = parse_doc(city_json_health(c, &at_tick_10, &len), &len);
	assert_string_equal(str_field(doc, "status"), "ok");
	assert_int_equal((int)num_field(doc, "version"), 1);
	assert_int_equal((int)num_field(doc, "tick"), 10);
	assert_int_equal((size_t)num_field(doc, "readings"), city_reading_count(c));
	cJSON_Delete(doc);
	city_destroy(c);

	/* quotes, backslashes and controls are escaped */
	doc = parse_doc(city_json_error("bad \"x\" \\ \n\x01 路径", &len), &len);
	assert_string_equal(str_field(doc, "error"), "bad \"x\" \\ \n\x01 路径");
	cJSON_Delete(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_format_time),
	    cmocka_unit_test(test_readings_documents),
	    cmocka_unit_test(test_null_value_on_the_wire),
	    cmocka_unit_test(test_kpis_document),
	    cmocka_unit_test(test_events_document),
	    cmocka_unit_test(test_health_and_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

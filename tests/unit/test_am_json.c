/* test_am_json: Alertmanager API v2 bodies (am_json.c): the alerts and
 * silences citydash posts, field by field as Alertmanager's OpenAPI spec
 * names them, and the silence list as Alertmanager 0.25 returns it
 * (tests/data/alertmanager/silences_0.25.json, taken from a real one:
 * citydash's shelve and ack, an amtool silence with regex and != matchers,
 * a pending one and an expired one). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "am_json.h"
#include "strbuf.h"
#include "text.h"
#include "timefmt.h"
#include "fixture.h"
#include "xalloc.h"

/* 2026-11-26T22:47:00Z: when the fixture was taken. */
#define FIXTURE_NOW 1795733220000LL

static const am_alert_t sample = {
	.alarm_id = "water.p1.pressure", .kind = "limit", .domain = "water",
	.district = "North", .street = "Quay Street", .priority = "high", .source = "water",
	.value = "9.1 bar", .limit = "8 bar", .name = "Pump pressure", .state = "UNACK",
	.starts_ms = 1795733000000LL,
};

static const char *str(const cJSON *obj, const char *name)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);
	assert_true(cJSON_IsString(item));
	return item->valuestring;
}

static void test_alerts_body(void **state)
{
	(void)state;
	am_alert_t gone = sample;
	gone.alarm_id = "air.a2.pm25";
	gone.street = ""; /* empty labels are left out */
	int64_t now = 1795733220000LL, ends = now + 120000;
	char *body = am_json_alerts(&sample, 1, &gone, 1, now, ends);
	cJSON *root = cJSON_Parse(body);
	assert_true(cJSON_IsArray(root));
	assert_int_equal(cJSON_GetArraySize(root), 2);

	const cJSON *a = cJSON_GetArrayItem(root, 0);
	const cJSON *labels = cJSON_GetObjectItemCaseSensitive(a, "labels");
	assert_int_equal(cJSON_GetArraySize(labels), 8);
	assert_string_equal(str(labels, "alertname"), "citydash");
	assert_string_equal(str(labels, "alarm_id"), "water.p1.pressure");
	assert_string_equal(str(labels, "kind"), "limit");
	assert_string_equal(str(labels, "domain"), "water");
	assert_string_equal(str(labels, "district"), "North");
	assert_string_equal(str(labels, "street"), "Quay Street");
	assert_string_equal(str(labels, "priority"), "high");
	assert_string_equal(str(labels, "source"), "water");
	const cJSON *notes = cJSON_GetObjectItemCaseSensitive(a, "annotations");
	assert_int_equal(cJSON_GetArraySize(notes), 4);
	assert_string_equal(str(notes, "value"), "9.1 bar");
	assert_string_equal(str(notes, "limit"), "8 bar");
	assert_string_equal(str(notes, "name"), "Pump pressure");
	assert_string_equal(str(notes, "state"), "UNACK");
	assert_string_equal(str(a, "startsAt"), "2026-11-26T22:43:20.000Z");
	assert_string_equal(str(a, "endsAt"), "2026-11-26T22:49:00.000Z");
	assert_null(cJSON_GetObjectItemCaseSensitive(a, "generatorURL"));
	assert_int_equal(cJSON_GetArraySize(a), 4);

	/* the one that left the set: resolved, ends now */
	const cJSON *r = cJSON_GetArrayItem(root, 1);
	labels = cJSON_GetObjectItemCaseSensitive(r, "labels");
	assert_int_equal(cJSON_GetArraySize(labels), 7);
	assert_null(cJSON_GetObjectItemCaseSensitive(labels, "street"));
	assert_string_equal(str(labels, "alarm_id"), "air.a2.pm25");
	assert_string_equal(str(r, "endsAt"), "2026-11-26T22:47:00.000Z");
	cJSON_Delete(root);
	free(body);

	/* nothing to say: an empty array */
	body = am_json_alerts(NULL, 0, NULL, 0, now, ends);
	assert_string_equal(body, "[]");
	free(body);
}

static void test_alert_without_start(void **state)
{
	(void)state;
	am_alert_t a = sample;
	a.starts_ms = 0;
	char *body = am_json_alerts(&a, 1, NULL, 0, 1795733220000LL, 1795733340000LL);
	cJSON *root = cJSON_Parse(body);
	assert_string_equal(str(cJSON_GetArrayItem(root, 0), "startsAt"),
	                    "2026-11-26T22:47:00.000Z");
	cJSON_Delete(root);
	free(body);
}

static void test_silence_body(void **state)
{
	(void)state;
	char *body = am_json_silence("water.p1.pressure", 1795733220000LL, 1795736820000LL,
	                             "alice", "ACK: crew on the way");
	cJSON *root = cJSON_Parse(body);
	assert_true(cJSON_IsObject(root));
	assert_int_equal(cJSON_GetArraySize(root), 5);
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(root, "matchers");
	assert_int_equal(cJSON_GetArraySize(m), 2);
	const cJSON *m0 = cJSON_GetArrayItem(m, 0), *m1 = cJSON_GetArrayItem(m, 1);
	assert_string_equal(str(m0, "name"), "alertname");
	assert_string_equal(str(m0, "value"), "citydash");
	assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(m0, "isRegex")));
	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(m0, "isEqual")));
	assert_string_equal(str(m1, "name"), "alarm_id");
	assert_string_equal(str(m1, "value"), "water.p1.pressure");
	assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(m1, "isRegex")));
	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(m1, "isEqual")));
	assert_string_equal(str(root, "startsAt"), "2026-11-26T22:47:00.000Z");
	assert_string_equal(str(root, "endsAt"), "2026-11-26T23:47:00.000Z");
	assert_string_equal(str(root, "createdBy"), "alice");
	assert_string_equal(str(root, "comment"), "ACK: crew on the way");
	cJSON_Delete(root);
	free(body);

	/* Alertmanager requires createdBy and comment: never empty */
	body = am_json_silence("x", 1, 2, "", "");
	root = cJSON_Parse(body);
	assert_true(strlen(str(root, "createdBy")) > 0);
	assert_true(strlen(str(root, "comment")) > 0);
	cJSON_Delete(root);
	free(body);
}

static const am_silence_t *by_id(const am_silence_t *s, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s[i].id, id) == 0)
			return &s[i];
	return NULL;
}

static void test_parse_fixture(void **state)
{
	(void)state;
	size_t len;
	char *body = read_fixture("alertmanager/silences_0.25.json", &len);
	am_silence_t *list;
	size_t skipped = 99;
	bool capped = true;
	char *cause = NULL;
	long n = am_json_parse_silences(body, len, FIXTURE_NOW, 100, &list, &skipped, &capped,
	                                &cause);
	free(body);
	assert_int_equal(n, 4); /* five in the list, one expired */
	assert_int_equal(skipped, 0);
	assert_false(capped);
	assert_null(by_id(list, 4, "5c8dcd68-cb2a-4ea9-96da-40417035b928")); /* expired */

	const am_silence_t *shelve = by_id(list, 4, "a278a503-f2bf-4945-8aaa-af6e7909daf7");
	assert_non_null(shelve);
	assert_string_equal(shelve->created_by, "alice");
	assert_string_equal(shelve->comment, "pump maintenance");
	assert_false(shelve->ack);
	assert_true(am_silence_is_exact(shelve, "water.w1.pressure"));
	assert_false(am_silence_is_exact(shelve, "water.w1"));
	int64_t ends;
	assert_true(timefmt_parse_rfc3339("2026-11-26T23:46:23.000Z", &ends));
	assert_int_equal(shelve->ends_ms, ends);

	const am_silence_t *ack = by_id(list, 4, "e032d97e-ad4f-4475-8fc2-1fe67190830b");
	assert_non_null(ack);
	assert_true(ack->ack);
	assert_string_equal(ack->created_by, "bob");
	assert_true(am_silence_is_exact(ack, "air.a2.pm25"));

	/* amtool's: a regex and a negative matcher, not citydash's own */
	const am_silence_t *storm = by_id(list, 4, "e7b9c8f6-ce17-4325-85aa-2f174e961e53");
	assert_non_null(storm);
	assert_int_equal(storm->matcher_count, 2);
	bool saw_regex = false, saw_not = false;
	for (size_t k = 0; k < 2; k++) {
		const am_matcher_t *m = &storm->matchers[k];
		if (strcmp(m->name, "district") == 0) {
			saw_regex = m->is_regex && m->is_equal;
			assert_string_equal(m->value, "North|East");
		} else {
			saw_not = !m->is_regex && !m->is_equal;
			assert_string_equal(m->name, "priority");
		}
	}
	assert_true(saw_regex);
	assert_true(saw_not);
	assert_false(am_silence_is_exact(storm, "North|East"));

	/* pending: starts tomorrow, kept (it will shelve then) */
	const am_silence_t *later = by_id(list, 4, "caf6b4e6-eb9c-43a8-9c81-4446acb482f1");
	assert_non_null(later);
	assert_true(later->starts_ms > FIXTURE_NOW);
	am_silences_free(list, (size_t)n);
}

static void test_parse_bad(void **state)
{
	(void)state;
	am_silence_t *list = (am_silence_t *)&list;
	char *cause = NULL;
	const char *not_json = "[{\"id\":";
	assert_int_equal(am_json_parse_silences(not_json, strlen(not_json), 0, 10, &list, NULL,
	                                        NULL, &cause),
	                 -1);
	assert_null(list);
	assert_non_null(strstr(cause, "not JSON"));
	free(cause);
	const char *object = "{\"code\":601}";
	assert_int_equal(am_json_parse_silences(object, strlen(object), 0, 10, &list, NULL, NULL,
	                                        &cause),
	                 -1);
	assert_non_null(strstr(cause, "array"));
	free(cause);

	/* wrong types inside: each bad silence skipped, the good one kept */
	const char *mixed =
		"[1, \"x\", {\"id\":7},"
		" {\"id\":\"a\",\"status\":{\"state\":\"active\"},\"comment\":\"c\",\"createdBy\":\"u\","
		"  \"startsAt\":\"2026-11-26T22:00:00Z\",\"endsAt\":\"2026-11-26T23:00:00Z\","
		"  \"matchers\":[{\"name\":\"alarm_id\",\"value\":\"v\",\"isRegex\":\"no\"}]},"
		" {\"id\":\"b\",\"status\":{\"state\":\"active\"},\"comment\":\"c\",\"createdBy\":\"u\","
		"  \"startsAt\":\"yesterday\",\"endsAt\":\"2026-11-26T23:00:00Z\","
		"  \"matchers\":[{\"name\":\"alarm_id\",\"value\":\"v\",\"isRegex\":false}]},"
		" {\"id\":\"c\",\"status\":\"active\",\"comment\":\"c\",\"createdBy\":\"u\","
		"  \"startsAt\":\"2026-11-26T22:00:00Z\",\"endsAt\":\"2026-11-26T23:00:00Z\","
		"  \"matchers\":[]},"
		" {\"id\":\"good\",\"comment\":\"c\",\"createdBy\":\"u\","
		"  \"startsAt\":\"2026-11-26T22:00:00Z\",\"endsAt\":\"2026-11-26T23:00:00Z\","
		"  \"matchers\":[{\"name\":\"alarm_id\",\"value\":\"v\",\"isRegex\":false},"
		"               {\"name\":\"alertname\",\"value\":\"citydash\",\"isRegex\":false}]}]";
	size_t skipped = 0;
	long n = am_json_parse_silences(mixed, strlen(mixed), FIXTURE_NOW, 10, &list, &skipped,
	                                NULL, &cause);
	assert_int_equal(n, 1);
	assert_int_equal(skipped, 6);
	assert_string_equal(list[0].id, "good");
	/* before Alertmanager 0.22 there is no isEqual: it means "=" */
	assert_true(list[0].matchers[0].is_equal);
	assert_true(am_silence_is_exact(&list[0], "v"));
	am_silences_free(list, 1);

	/* without a state, its end decides */
	n = am_json_parse_silences(mixed, strlen(mixed), FIXTURE_NOW + 3600 * 1000, 10, &list,
	                           &skipped, NULL, &cause);
	assert_int_equal(n, 0);
	assert_null(list);

	assert_int_equal(am_json_parse_silences("[]", 2, 0, 10, &list, NULL, NULL, &cause), 0);
	assert_null(list);
}

static void test_parse_sanitizes(void **state)
{
	(void)state;
	const char *hostile =
		"[{\"id\":\"x\\u001b[31m\",\"status\":{\"state\":\"active\"},"
		"\"comment\":\"ACK: \\u001b]0;title\\u0007red\\u202e\\n\",\"createdBy\":\"m\\u00e9l\\u0000\","
		"\"startsAt\":\"2026-11-26T22:00:00Z\",\"endsAt\":\"2026-11-26T23:00:00Z\","
		"\"matchers\":[{\"name\":\"alarm_id\",\"value\":\"v\\u001b\",\"isRegex\":false}]}]";
	am_silence_t *list;
	char *cause = NULL;
	long n = am_json_parse_silences(hostile, strlen(hostile), FIXTURE_NOW, 10, &list, NULL,
	                                NULL, &cause);
	assert_int_equal(n, 1);
	assert_true(text_is_clean(list[0].id));
	assert_true(text_is_clean(list[0].comment));
	assert_true(text_is_clean(list[0].created_by));
	assert_true(text_is_clean(list[0].matchers[0].value));
	assert_string_equal(list[0].comment, "ACK: red ");
	assert_true(list[0].ack);
	am_silences_free(list, 1);
}

static void test_parse_capped(void **state)
{
	(void)state;
	strbuf_t b = {0};
	strbuf_put(&b, "[", 1);
	for (int i = 0; i < 20000; i++) {
		char *one = xasprintf(
			"%s{\"id\":\"s%d\",\"status\":{\"state\":\"active\"},\"comment\":\"c\","
			"\"createdBy\":\"u\",\"startsAt\":\"2026-11-26T22:00:00Z\","
			"\"endsAt\":\"2026-11-26T23:00:00Z\",\"matchers\":[{\"name\":\"alarm_id\","
			"\"value\":\"a%d\",\"isRegex\":false,\"isEqual\":true}]}",
			i ? "," : "", i, i);
		strbuf_put(&b, one, strlen(one));
		free(one);
	}
	strbuf_put(&b, "]", 1);
	am_silence_t *list;
	bool capped = false;
	char *cause = NULL;
	long n = am_json_parse_silences(b.data, b.len, FIXTURE_NOW, 10000, &list, NULL, &capped,
	                                &cause);
	assert_int_equal(n, 10000);
	assert_true(capped);
	assert_string_equal(list[9999].id, "s9999");
	am_silences_free(list, (size_t)n);
	free(b.data);
}

static void test_error_text(void **state)
{
	(void)state;
	char buf[64];
	const char *obj = "{\"code\":602,\"message\":\"comment in body is required\"}";
	am_json_error_text(obj, strlen(obj), buf, sizeof buf);
	assert_string_equal(buf, "comment in body is required");
	const char *s = "\"start time must be before end time\"\n";
	am_json_error_text(s, strlen(s), buf, sizeof buf);
	assert_string_equal(buf, "start time must be before end time");
	const char *plain = "404 page not found\n";
	am_json_error_text(plain, strlen(plain), buf, sizeof buf);
	assert_string_equal(buf, "404 page not found");
	/* cut at a character, never inside one */
	char small[6];
	text_copy_cut(small, sizeof small, "abcd\xc3\xa9");
	assert_string_equal(small, "abcd");
	am_json_error_text(NULL, 0, buf, sizeof buf);
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alerts_body),     cmocka_unit_test(test_alert_without_start),
		cmocka_unit_test(test_silence_body),    cmocka_unit_test(test_parse_fixture),
		cmocka_unit_test(test_parse_bad),       cmocka_unit_test(test_parse_sanitizes),
		cmocka_unit_test(test_parse_capped),    cmocka_unit_test(test_error_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

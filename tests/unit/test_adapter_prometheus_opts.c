/* Unit tests of the prometheus adapter's options (every error names its
 * member by JSON Pointer), the requests of an attempt (URLs, steps, history
 * on the first attempt only) and the reason drawn from an error envelope.
 * Through the adapter table, as config.c and the poller see it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapter.h"
#include "fixture.h"

static const adapter_t *prom(void)
{
	const adapter_t *a = adapter_find("prometheus");
	assert_non_null(a);
	return a;
}

static void *opts_ok(const char *json)
{
	cJSON *obj = cJSON_Parse(json);
	assert_non_null(obj);
	void *opts = NULL;
	cfg_error_t e = {0};
	int rc = prom()->options_parse(obj, &opts, &e);
	if (rc != 0)
		fail_msg("%s: %s", e.pointer, e.message);
	assert_non_null(opts);
	cfg_error_free(&e);
	cJSON_Delete(obj);
	return opts;
}

static void expect_error(const char *json, const char *pointer, const char *words)
{
	cJSON *obj = cJSON_Parse(json);
	assert_non_null(obj);
	void *opts = (void *)1;
	cfg_error_t e = {0};
	assert_int_equal(prom()->options_parse(obj, &opts, &e), -1);
	assert_null(opts);
	assert_non_null(e.pointer);
	if (strcmp(e.pointer, pointer) != 0 || !strstr(e.message, words))
		fail_msg("for %s: got %s: %s, want %s: ...%s...", json, e.pointer, e.message, pointer,
		         words);
	cfg_error_free(&e);
	cJSON_Delete(obj);
}

static void test_table_row(void **state)
{
	(void)state;
	const adapter_t *a = prom();
	assert_string_equal(a->options_key, "prometheus");
	assert_true(a->options_required);
	assert_non_null(a->next_request);
	assert_non_null(a->error_reason);
}

static void test_good_options(void **state)
{
	(void)state;
	void *o = opts_ok("{\"history_s\": 640, \"step_s\": 5, \"queries\": [{"
	                  "\"query\": \"citydash_reading\","
	                  "\"labels\": {\"id\": \"id\", \"name\": \"name\", \"domain\": \"domain\","
	                  " \"district\": \"district\", \"street\": \"street\", \"unit\": \"unit\"},"
	                  "\"fixed\": {\"domain\": \"power\", \"unit\": \"MW\"},"
	                  "\"id_prefix\": \"prom.\","
	                  "\"limits\": {\"lolo\": 1, \"lo\": 2, \"hi\": \"x{limit=\\\"hi\\\"}\", "
	                  "\"hihi\": 9},"
	                  "\"range\": {\"min\": 0, \"max\": \"y\"}}]}");
	prom()->options_free(o);
	/* The least: one query. */
	o = opts_ok("{\"queries\": [{\"query\": \"up\"}]}");
	prom()->options_free(o);
	prom()->options_free(NULL);
}

static void test_option_errors(void **state)
{
	(void)state;
	expect_error("[]", "", "object");
	expect_error("{}", "/queries", "missing");
	expect_error("{\"queries\": []}", "/queries", "from 1 to 16");
	expect_error("{\"queries\": [{\"query\": \"up\"}], \"histroy_s\": 5}", "/histroy_s",
	             "unknown field");
	expect_error("{\"queries\": [{\"query\": \"up\"}], \"history_s\": 641}", "/history_s",
	             "0 to 640");
	expect_error("{\"queries\": [{\"query\": \"up\"}], \"step_s\": 0}", "/step_s", "1 to 640");
	expect_error("{\"queries\": [{\"query\": \"up\"}, 3]}", "/queries/1", "object");
	expect_error("{\"queries\": [{}]}", "/queries/0/query", "missing");
	expect_error("{\"queries\": [{\"query\": \"\"}]}", "/queries/0/query", "empty");
	expect_error("{\"queries\": [{\"query\": \"up\", \"lables\": {}}]}", "/queries/0/lables",
	             "unknown field");
	expect_error("{\"queries\": [{\"query\": \"up\", \"labels\": {\"id\": \"bad-label\"}}]}",
	             "/queries/0/labels/id", "label name");
	expect_error("{\"queries\": [{\"query\": \"up\", \"labels\": {\"colour\": \"c\"}}]}",
	             "/queries/0/labels/colour", "unknown field");
	expect_error("{\"queries\": [{\"query\": \"up\", \"fixed\": {\"unit\": 3}}]}",
	             "/queries/0/fixed/unit", "string");
	expect_error("{\"queries\": [{\"query\": \"up\", \"fixed\": {\"id\": \"a b\"}}]}",
	             "/queries/0/fixed/id", "valid id");
	expect_error("{\"queries\": [{\"query\": \"up\", \"labels\": {\"id\": \"i\"}, "
	             "\"fixed\": {\"id\": \"a\"}}]}",
	             "/queries/0/fixed/id", "one way");
	expect_error("{\"queries\": [{\"query\": \"up\", \"id_prefix\": \"a b\"}]}",
	             "/queries/0/id_prefix", "at most 64");
	expect_error("{\"queries\": [{\"query\": \"up\", \"limits\": {\"hi\": true}}]}",
	             "/queries/0/limits/hi", "number or a PromQL");
	expect_error("{\"queries\": [{\"query\": \"up\", \"limits\": {\"high\": 1}}]}",
	             "/queries/0/limits/high", "unknown field");
	expect_error("{\"queries\": [{\"query\": \"up\", \"limits\": {\"lo\": 5, \"hi\": 1}}]}",
	             "/queries/0/limits", "in order");
	expect_error("{\"queries\": [{\"query\": \"up\", \"limits\": []}]}", "/queries/0/limits",
	             "object");
	expect_error("{\"queries\": [{\"query\": \"up\", \"range\": {\"min\": 0}}]}",
	             "/queries/0/range", "both min and max");
	expect_error("{\"queries\": [{\"query\": \"up\", \"range\": {\"min\": 5, \"max\": 5}}]}",
	             "/queries/0/range", "min < max");
	expect_error("{\"queries\": [{\"query\": \"up\", \"range\": {\"min\": \"\", \"max\": 5}}]}",
	             "/queries/0/range/min", "empty");
	expect_error("{\"queries\": [{\"query\": \"up\"}, {\"query\": \"up\", \"labels\": "
	             "{\"name\": \"n\\u0007\"}}]}",
	             "/queries/1/labels/name", "printable");
	char many[2048] = "{\"queries\": [";
	for (int i = 0; i < 17; i++)
		strcat(many, i ? ", {\"query\": \"up\"}" : "{\"query\": \"up\"}");
	strcat(many, "]}");
	expect_error(many, "/queries", "from 1 to 16");
}

/* The requests of one attempt, the answers given back as empty bodies. */
static size_t requests(const void *opts, bool first, int64_t now_ms, const char *base,
                       char **urls, int *steps, size_t max)
{
	adapter_body_t bodies[ADAPTER_MAX_REQUESTS];
	adapter_attempt_t at = {.base_url = base, .first = first, .now_ms = now_ms,
	                        .bodies = bodies};
	size_t n = 0;
	for (;;) {
		adapter_request_t req = {0};
		char *cause = NULL;
		int rc = prom()->next_request(opts, &at, &req, &cause);
		assert_int_not_equal(rc, -1);
		if (rc == 0)
			break;
		assert_true(n < max);
		urls[n] = req.url;
		steps[n] = req.step;
		bodies[n] = (adapter_body_t){"", 0, req.step};
		at.done = ++n;
	}
	return n;
}

static void test_requests(void **state)
{
	(void)state;
	void *o = opts_ok("{\"history_s\": 600, \"queries\": ["
	                  "{\"query\": \"citydash_reading\", \"labels\": {\"id\": \"id\"},"
	                  " \"limits\": {\"lo\": 3, \"hi\": \"citydash_reading_limit{limit=\\\"hi\\\"}\"}},"
	                  "{\"query\": \"sum by (job) (rate(x[5m]))\", \"range\": {\"min\": 0, "
	                  "\"max\": \"m\"}}]}");
	char *urls[16];
	int steps[16];
	size_t n = requests(o, true, 1764200000123, "http://127.0.0.1:9090/", urls, steps, 16);
	assert_int_equal(n, 6);
	assert_string_equal(urls[0], "http://127.0.0.1:9090/api/v1/query?query=citydash_reading"
	                             "&time=1764200000.123");
	assert_string_equal(urls[1], "http://127.0.0.1:9090/api/v1/query?query="
	                             "citydash_reading_limit%7Blimit%3D%22hi%22%7D"
	                             "&time=1764200000.123");
	assert_string_equal(urls[2], "http://127.0.0.1:9090/api/v1/query?query="
	                             "sum%20by%20%28job%29%20%28rate%28x%5B5m%5D%29%29"
	                             "&time=1764200000.123");
	assert_string_equal(urls[3], "http://127.0.0.1:9090/api/v1/query?query=m"
	                             "&time=1764200000.123");
	/* 600 s over 64 steps: 10 s. */
	assert_string_equal(urls[4], "http://127.0.0.1:9090/api/v1/query_range?query="
	                             "citydash_reading&start=1764199400.123&end=1764200000.123"
	                             "&step=10");
	assert_int_equal(strncmp(urls[5], "http://127.0.0.1:9090/api/v1/query_range?query=sum", 50),
	                 0);
	/* Every step distinct: each answer is known by its step. */
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++)
			assert_int_not_equal(steps[i], steps[k]);
	for (size_t i = 0; i < n; i++)
		free(urls[i]);
	/* Later attempts: no history. */
	n = requests(o, false, 1000, "http://p/prom", urls, steps, 16);
	assert_int_equal(n, 4);
	assert_string_equal(urls[0], "http://p/prom/api/v1/query?query=citydash_reading&time=1.000");
	for (size_t i = 0; i < n; i++)
		free(urls[i]);
	prom()->options_free(o);
	/* history_s 0: none even on the first. */
	o = opts_ok("{\"history_s\": 0, \"queries\": [{\"query\": \"up\"}]}");
	n = requests(o, true, 1000, "http://p", urls, steps, 16);
	assert_int_equal(n, 1);
	free(urls[0]);
	prom()->options_free(o);
	/* At most 16 queries of 8 requests: within what one attempt may make. */
	assert_true(16 * 8 <= ADAPTER_MAX_REQUESTS);
}

static void test_error_reason(void **state)
{
	(void)state;
	size_t len;
	char *body = read_fixture("prometheus/error.json", &len);
	char *why = prom()->error_reason(NULL, 400, body, len);
	assert_non_null(why);
	assert_string_equal(why, "bad_data: invalid parameter \"query\": 1:17: parse error: "
	                         "unexpected character inside braces: '!'");
	free(why);
	free(body);
	/* Not an envelope: the poller's own words. */
	assert_null(prom()->error_reason(NULL, 502, "<html>Bad Gateway</html>", 24));
	assert_null(prom()->error_reason(NULL, 500, "", 0));
	/* Control characters are not let through, and a long error is cut. */
	const char *evil = "{\"status\":\"error\",\"errorType\":\"x\\u001b[2J\","
	                   "\"error\":\"0123456789012345678901234567890123456789012345678901234567890123"
	                   "456789012345678901234567890123456789012345678901234567890123456789012345"
	                   "6789012345678901234567890123456789012345678901234567890123456789\"}";
	why = prom()->error_reason(NULL, 422, evil, strlen(evil));
	assert_non_null(why);
	assert_null(strchr(why, '\x1b'));
	assert_true(strlen(why) <= 200);
	assert_int_equal(strncmp(why, "x: 0123", 7), 0);
	free(why);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table_row),
	    cmocka_unit_test(test_good_options),
	    cmocka_unit_test(test_option_errors),
	    cmocka_unit_test(test_requests),
	    cmocka_unit_test(test_error_reason),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for feeds/adapter_json.c: the mapping of a nested API answer
 * (tests/data/json/nested.json), a bare array with epoch times
 * (flat_epoch.json), the example configuration examples/json.json (loaded
 * as a configuration file) on an answer in its API's shape, values as numbers and numeric strings,
 * what skips an item and what rejects the answer. Settings and the reasons given for answers that
 * are not 2xx: test_adapter_json_opts.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "adapter.h"
#include "adapter_sink.h"
#include "config.h"
#include "fixture.h"
#include "timefmt.h"
#include "xalloc.h"

#define NOW INT64_C(1764057600000) /* 2025-11-25T08:00:00Z */

static const char nested_opts[] =
    "{\"items\": \"/data/stations\", \"id\": \"/station/code\", \"name\": \"/station/label\","
    " \"value\": \"/obs/level/v\", \"unit\": \"/obs/level/unit\", \"ts\": \"/obs/time\","
    " \"quality\": \"/obs/state\", \"district\": \"/area/district\", \"street\": \"/area/street\","
    " \"limits\": {\"lolo\": \"/alarm/lolo\", \"lo\": \"/alarm/lo\", \"hi\": \"/alarm/hi\","
    " \"hihi\": \"/alarm/hihi\"}, \"range_min\": \"/scale/0\", \"range_max\": \"/scale/1\","
    " \"fixed\": {\"domain\": \"water\", \"unit\": \"cm\"}}";

static const adapter_t *json_adapter(void)
{
	const adapter_t *a = adapter_find("json");
	assert_non_null(a);
	return a;
}

static adapter_cap_t *run(const char *opts_json, const char *body, feed_stats_t *st, int *rc,
                          char **cause)
{
	const adapter_t *a = json_adapter();
	void *opts = adapter_opts(a, opts_json, 0, NULL);
	adapter_cap_t *c = adapter_cap_parse(a, opts, body, strlen(body), NOW, st, rc, cause);
	a->options_free(opts);
	return c;
}

static int64_t rfc3339(const char *s)
{
	int64_t ms;
	assert_true(timefmt_parse_rfc3339(s, &ms));
	return ms;
}

static void test_nested_answer(void **state)
{
	(void)state;
	size_t len;
	char *body = read_fixture("json/nested.json", &len);
	feed_stats_t st;
	int rc;
	char *cause;
	adapter_cap_t *c = run(nested_opts, body, &st, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(st.readings, 5);
	assert_int_equal(st.skipped, 6);
	assert_true(st.had_readings);
	assert_int_equal(c->headers, 1);
	assert_non_null(strstr(st.first_skip_reason, "wl-005"));
	assert_non_null(strstr(st.first_skip_reason, "\"value\""));

	const cap_reading_t *r = adapter_cap_find(c, "wl-001");
	assert_non_null(r);
	assert_string_equal(r->name, "嘉陵江朝天门水位站");
	assert_string_equal(r->domain, "water"); /* fixed */
	assert_string_equal(r->unit, "m");       /* the item's own wins over fixed */
	assert_string_equal(r->district, "渝中区");
	assert_string_equal(r->street, "朝天门街道");
	assert_true(r->in.has_value);
	assert_true(r->in.value == 3.42);
	assert_true(r->in.dated);
	assert_true(r->in.ts_ms == rfc3339("2026-11-25T07:59:00Z"));
	assert_true(r->in.lag_ms == NOW - r->in.ts_ms);
	assert_int_equal(r->in.quality, QUALITY_GOOD);
	assert_int_equal(r->in.limits.mask, 15);
	assert_true(r->in.limits.lolo == 1.0 && r->in.limits.hihi == 6.0);
	assert_true(r->in.has_range && r->in.range_min == 0 && r->in.range_max == 10);

	r = adapter_cap_find(c, "1017"); /* a number for an id */
	assert_non_null(r);
	assert_true(r->in.has_value && r->in.value == 2.75); /* a numeric string */
	assert_string_equal(r->street, "12");
	assert_true(r->in.ts_ms == rfc3339("2026-11-25T07:58:30+08:00"));
	assert_int_equal(r->in.quality, QUALITY_BAD);
	assert_int_equal(r->in.limits.mask, 0);
	assert_false(r->in.has_range);

	r = adapter_cap_find(c, "wl-003"); /* no level at all: no value, never 0 */
	assert_non_null(r);
	assert_false(r->in.has_value);
	assert_string_equal(r->unit, "cm"); /* fixed, where the item has none */
	assert_null(r->district);
	assert_true(r->in.dated);

	r = adapter_cap_find(c, "wl-004"); /* null level; a malformed time falls back */
	assert_non_null(r);
	assert_false(r->in.has_value);
	assert_false(r->in.dated);
	assert_true(r->in.has_ts && r->in.ts_ms == NOW);
	assert_int_equal(r->in.quality, QUALITY_UNCERTAIN); /* unknown token */

	r = adapter_cap_find(c, "wl-010"); /* limits out of order: dropped, counted */
	assert_non_null(r);
	assert_true(r->in.limits_invalid);
	assert_int_equal(r->in.limits.mask, 0);
	assert_int_equal(st.limits_ignored, 1);
	assert_string_equal(st.first_bad_limits, "wl-010");

	static const char *const skipped[] = {"wl-005", "wl-006", "wl 008", "wl-009", "10.5", "10"};
	for (size_t i = 0; i < sizeof skipped / sizeof skipped[0]; i++)
		assert_null(adapter_cap_find(c, skipped[i]));
	adapter_cap_free(c);
	free(body);
}

static void test_flat_epoch(void **state)
{
	(void)state;
	size_t len;
	char *body = read_fixture("json/flat_epoch.json", &len);
	feed_stats_t st;
	int rc;
	char *cause;
	adapter_cap_t *c =
	    run("{\"items\": \"\", \"id\": \"/sensor\", \"value\": \"/reading\","
	        " \"ts\": \"/at\", \"ts_format\": \"epoch_s\", \"domain\": \"/kind\"}",
	        body, &st, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(st.readings, 4);
	assert_int_equal(st.skipped, 1); /* "at": true */
	assert_non_null(strstr(st.first_skip_reason, "\"10\""));
	const cap_reading_t *r = adapter_cap_find(c, "7");
	assert_non_null(r);
	assert_true(r->in.value == 12.5 && r->in.dated && r->in.ts_ms == INT64_C(1764057540000));
	assert_string_equal(r->domain, "air");
	r = adapter_cap_find(c, "8");
	assert_true(r && r->in.value == 13 && r->in.ts_ms == INT64_C(1764057541500));
	r = adapter_cap_find(c, "9"); /* 1e300 s is no time: falls back */
	assert_true(r && r->in.value == -0.25 && !r->in.dated && r->in.ts_ms == NOW);
	assert_null(r->domain);
	r = adapter_cap_find(c, "11");
	assert_true(r && !r->in.dated);
	adapter_cap_free(c);

	c = run("{\"id\": \"/sensor\", \"value\": \"/reading\", \"ts\": \"/at\","
	        " \"ts_format\": \"epoch_ms\"}",
	        body, &st, &rc, &cause);
	assert_int_equal(rc, 0);
	r = adapter_cap_find(c, "7");
	assert_true(r && r->in.ts_ms == INT64_C(1764057540));
	adapter_cap_free(c);
	free(body);
}

/* examples/json.json's settings on an answer in its API's documented shape. */
static void test_example_config(void **state)
{
	(void)state;
	/* The file loads as a configuration, as citydash -c reads it. */
	config_t cfg;
	config_init(&cfg);
	char *cause = NULL;
	if (config_load_file(&cfg, CITYDASH_TEST_DATA "/../examples/json.json", &cause) != 0)
		fail_msg("examples/json.json: %s", cause);
	assert_int_equal(cfg.source_count, 1);
	const source_cfg_t *src = &cfg.sources[0];
	assert_ptr_equal(src->adapter, json_adapter());
	assert_non_null(src->adapter_opts);
	size_t len;
	char *body = read_fixture("json/example_answer.json", &len);
	feed_stats_t st;
	int rc;
	adapter_cap_t *c =
	    adapter_cap_parse(src->adapter, src->adapter_opts, body, len, NOW, &st, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(st.readings, 3);
	assert_int_equal(st.skipped, 0);
	const cap_reading_t *r = adapter_cap_find(c, "1029TH-level-stage-i-15_min-mASD");
	assert_non_null(r);
	assert_true(r->in.has_value && r->in.value == 0.123);
	assert_string_equal(r->unit, "mASD");
	assert_string_equal(r->domain, "water");
	assert_string_equal(r->street, "1029TH");
	assert_true(r->in.ts_ms == rfc3339("2026-11-25T07:45:00Z"));
	/* latestReading as a link, not an object: no value, never 0. */
	r = adapter_cap_find(c, "L1707-level-stage-i-15_min-m");
	assert_true(r && !r->in.has_value && !r->in.dated);
	adapter_cap_free(c);
	free(body);
	config_free(&cfg);
}

static void expect_reading_value(const char *value_json, bool kept, bool has_value, double want)
{
	char *body = xasprintf("{\"items\": [{\"id\": \"a\", \"v\": %s}]}", value_json);
	feed_stats_t st;
	int rc;
	char *cause;
	adapter_cap_t *c = run("{\"items\": \"/items\", \"id\": \"/id\", \"value\": \"/v\"}", body,
	                       &st, &rc, &cause);
	assert_int_equal(rc, 0);
	if (c->nr != (kept ? 1u : 0u))
		fail_msg("value %s: %s", value_json, kept ? "skipped" : "kept");
	assert_int_equal(st.skipped, kept ? 0 : 1);
	if (kept) {
		assert_true(c->r[0].in.has_value == has_value);
		if (has_value && c->r[0].in.value != want)
			fail_msg("value %s read as %g", value_json, c->r[0].in.value);
	} else {
		assert_non_null(strstr(st.first_skip_reason, "\"value\""));
	}
	adapter_cap_free(c);
	free(body);
}

static void test_values(void **state)
{
	(void)state;
	expect_reading_value("0", true, true, 0);
	expect_reading_value("-12.5e2", true, true, -1250);
	expect_reading_value("\"0.42\"", true, true, 0.42);
	expect_reading_value("\" 12 \"", true, true, 12);
	expect_reading_value("\"+5\"", true, true, 5);
	expect_reading_value("\"1E3\"", true, true, 1000);
	expect_reading_value("null", true, false, 0);
	static const char *const bad[] = {"true",    "false",         "{}",       "[1]",
	                                  "\"\"",    "\"n/a\"",       "\"NaN\"",  "\"nan\"",
	                                  "\"inf\"", "\"-Infinity\"", "\"0x10\"", "\"1,5\"",
	                                  "\"--1\"", "\".\"",         "\"e5\"",   "\"1e999\"",
	                                  "1e999",   "-1e999",        "\"1 2\"",  "\"12abc\""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_reading_value(bad[i], false, false, 0);
}

/* A value missing from the item is "no value", whatever else it has. */
static void test_missing_value(void **state)
{
	(void)state;
	feed_stats_t st;
	int rc;
	char *cause;
	adapter_cap_t *c = run("{\"items\": \"/i\", \"id\": \"/id\", \"value\": \"/v/now\"}",
	                       "{\"i\": [{\"id\": \"a\"}, {\"id\": \"b\", \"v\": 3},"
	                       " {\"id\": \"c\", \"v\": {}}, {\"id\": \"d\", \"v\": [7]}]}",
	                       &st, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(c->nr, 4);
	for (size_t i = 0; i < c->nr; i++)
		assert_false(c->r[i].in.has_value);
	adapter_cap_free(c);
}

static void test_strings_sanitized(void **state)
{
	(void)state;
	feed_stats_t st;
	int rc;
	char *cause;
	adapter_cap_t *c =
	    run("{\"items\": \"\", \"id\": \"/id\", \"value\": \"/v\", \"name\": \"/n\","
	        " \"unit\": \"/u\", \"district\": \"/d\"}",
	        "[{\"id\": \"a\", \"v\": 1, \"n\": \"pump\\u001b[2J\\u001b]0;owned\\u0007 7\","
	        " \"u\": \"m\\u202e3\", \"d\": \"\xff"
	        "x\"},"
	        " {\"id\": \"b\", \"v\": 1, \"n\": 1.5, \"u\": -3}]",
	        &st, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(c->nr, 2);
	assert_string_equal(c->r[0].name, "pump 7");
	assert_string_equal(c->r[0].unit, "m3");
	assert_string_equal(c->r[1].name, "1.5");
	assert_string_equal(c->r[1].unit, "-3");
	assert_string_equal(c->r[0].district, "\xef\xbf\xbd"
	                                      "x"); /* U+FFFD */
	adapter_cap_free(c);
}

static void test_fixed_values(void **state)
{
	(void)state;
	feed_stats_t st;
	int rc;
	char *cause;
	adapter_cap_t *c =
	    run("{\"id\": \"/id\", \"value\": \"/v\", \"limits\": {\"hi\": \"/hi\"},"
	        " \"fixed\": {\"domain\": \"gas\", \"district\": \"江北区\", \"street\": "
	        "\"观音桥街道\","
	        " \"range_min\": 0, \"range_max\": 100, \"limits\": {\"lo\": 10, \"hi\": 80}}}",
	        "[{\"id\": \"a\", \"v\": 50}, {\"id\": \"b\", \"v\": 50, \"hi\": \"90\"},"
	        " {\"id\": \"c\", \"v\": 50, \"hi\": 5}]",
	        &st, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(c->nr, 3);
	const cap_reading_t *r = adapter_cap_find(c, "a");
	assert_string_equal(r->domain, "gas");
	assert_string_equal(r->district, "江北区");
	assert_string_equal(r->street, "观音桥街道");
	assert_true(r->in.has_range && r->in.range_min == 0 && r->in.range_max == 100);
	assert_int_equal(r->in.limits.mask, LIMIT_LO | LIMIT_HI);
	assert_true(r->in.limits.lo == 10 && r->in.limits.hi == 80);
	r = adapter_cap_find(c, "b");
	assert_true(r->in.limits.hi == 90); /* the item's own */
	r = adapter_cap_find(c, "c");       /* its own hi under the fixed lo */
	assert_true(r->in.limits_invalid && r->in.limits.mask == 0);
	adapter_cap_free(c);
}

static void expect_reject(const char *opts_json, const char *body, size_t len, size_t limit,
                          const char *needle)
{
	const adapter_t *a = json_adapter();
	void *opts = adapter_opts(a, opts_json, 0, NULL);
	adapter_cap_t *c = adapter_cap_new();
	c->sink.max_tree_bytes = limit;
	adapter_body_t b = {body, len, 0};
	feed_stats_t st;
	char *cause = NULL;
	assert_int_equal(a->parse(opts, &b, body ? 1 : 0, NOW, &c->sink, &st, &cause), -1);
	assert_non_null(cause);
	if (!strstr(cause, needle))
		fail_msg("cause \"%s\" lacks \"%s\"", cause, needle);
	assert_int_equal(c->nr + c->headers, 0);
	free(cause);
	adapter_cap_free(c);
	a->options_free(opts);
}

static void test_rejections(void **state)
{
	(void)state;
	const char *o = "{\"items\": \"/items\", \"id\": \"/id\", \"value\": \"/v\"}";
#define REJECT(body, needle) expect_reject(o, body, strlen(body), 0, needle)
	REJECT("", "not JSON");
	REJECT("<html>busy</html>", "not JSON");
	REJECT("{\"items\": [{\"id\": \"a\", \"v\": 1}", "not JSON");
	REJECT("{\"items\": []} {}", "after the document");
	REJECT("{\"data\": []}", "no items at \"/items\"");
	REJECT("[]", "no items");
	REJECT("{\"items\": null}", "not an array");
	REJECT("{\"items\": {\"id\": \"a\", \"v\": 1}}", "not an array");
	REJECT("{\"items\": \"[]\"}", "not an array");
#undef REJECT
	expect_reject(o, NULL, 0, 0, "not JSON"); /* no answer at all */
	char *big = xmalloc(200001);
	memcpy(big, "{\"items\": [", 11);
	size_t n = 11;
	while (n < 199990) {
		memcpy(big + n, "{\"id\":\"a\",\"v\":1},", 17);
		n += 17;
	}
	memcpy(big + n - 1, "]}", 2);
	n += 1;
	expect_reject(o, big, n, 64 * 1024, "too large");
	free(big);
	expect_reject("{\"items\": \"\", \"id\": \"/id\", \"value\": \"/v\"}", "{}", 2, 0,
	              "not an array");
}

static void test_empty_and_odd_items(void **state)
{
	(void)state;
	feed_stats_t st;
	int rc;
	char *cause;
	adapter_cap_t *c = run("{\"items\": \"/items\", \"id\": \"/id\", \"value\": \"/v\"}",
	                       "{\"items\": []}", &st, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_true(st.had_readings);
	assert_int_equal(st.readings + st.skipped, 0);
	adapter_cap_free(c);
	c = run(
	    "{\"items\": \"/items\", \"id\": \"/id\", \"value\": \"/v\"}",
	    "{\"items\": [1, \"x\", null, [], {\"id\": true, \"v\": 1}, {\"id\": \"\", \"v\": 1},"
	    " {\"id\": \"ok\", \"v\": 2}]}",
	    &st, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_int_equal(st.readings, 1);
	assert_int_equal(st.skipped, 6);
	assert_non_null(strstr(st.first_skip_reason, "#0"));
	adapter_cap_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_nested_answer),       cmocka_unit_test(test_flat_epoch),
	    cmocka_unit_test(test_example_config),      cmocka_unit_test(test_values),
	    cmocka_unit_test(test_missing_value),       cmocka_unit_test(test_strings_sanitized),
	    cmocka_unit_test(test_fixed_values),        cmocka_unit_test(test_rejections),
	    cmocka_unit_test(test_empty_and_odd_items),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for feeds/config.c: the file format of docs/config.md, every
 * validation message, and --source NAME=URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "text.h"

static void test_good_file(void **state)
{
	config_t cfg = {0};
	char *cause = NULL;
	assert_int_equal(
	    config_load_file(&cfg, CITYDASH_TEST_DATA "/data/feeds_config_good.json", &cause), 0);
	assert_null(cause);
	assert_int_equal(cfg.source_count, 2);
	const source_cfg_t *w = &cfg.sources[0], *p = &cfg.sources[1];
	assert_string_equal(w->name, "water");
	assert_string_equal(w->url, "http://127.0.0.1:8080/v1/feeds/water");
	assert_string_equal(w->format, "citydash-v1");
	assert_int_equal(w->interval_ms, 1000);
	assert_int_equal(w->timeout_ms, 5000);
	assert_int_equal(w->max_body, 16777216);
	assert_string_equal(p->name, "电力");
	assert_int_equal(p->interval_ms, 2500);
	/* Defaults from config.h. */
	assert_string_equal(p->format, "citydash-v1");
	assert_int_equal(p->timeout_ms, CONFIG_DEFAULT_TIMEOUT_MS);
	assert_int_equal(p->max_body, CONFIG_DEFAULT_MAX_BODY);
	/* --source adds to the file's list, names stay unique. */
	assert_int_equal(config_add_source_arg(&cfg, "gas=https://g.example/feed", &cause), 0);
	assert_int_equal(cfg.source_count, 3);
	assert_string_equal(cfg.sources[2].name, "gas");
	assert_int_equal(cfg.sources[2].interval_ms, CONFIG_DEFAULT_INTERVAL_MS);
	assert_int_equal(config_add_source_arg(&cfg, "water=http://other/", &cause), -1);
	assert_non_null(strstr(cause, "already used"));
	free(cause);
	assert_int_equal(cfg.source_count, 3);
	config_free(&cfg);
	assert_int_equal(cfg.source_count, 0);
	assert_null(cfg.sources);
}

/* The message must be exactly `want` ("LINE:COL: /pointer: what"), and a
 * failure must leave the config as it was. */
static void expect_error(const char *json, const char *want)
{
	config_t cfg = {0};
	char *cause = NULL;
	/* A good source first: a failure must leave the config as it was. */
	assert_int_equal(config_add_source_arg(&cfg, "first=http://a/", &cause), 0);
	assert_int_equal(config_parse(&cfg, json, strlen(json), &cause), -1);
	assert_non_null(cause);
	if (strcmp(cause, want) != 0)
		fail_msg("message \"%s\" is not \"%s\" for %s", cause, want, json);
	assert_true(text_is_clean(cause));
	assert_int_equal(cfg.source_count, 1);
	assert_string_equal(cfg.sources[0].name, "first");
	free(cause);
	config_free(&cfg);
}

#define SRC(body) "{\"sources\":[{\"name\":\"ok\",\"url\":\"http://h/\"}," body "]}"

static void test_validation_errors(void **state)
{
	expect_error("{\"sources\":[", "1:12: not valid JSON");
	expect_error("{\n\"sources\": [\n}", "3:1: not valid JSON");
	expect_error("{\"sources\":[]} x", "1:16: not valid JSON (unexpected text after the end)");
	expect_error("[]", "1:1: the configuration must be a JSON object");
	expect_error("{}", "1:1: /sources: is missing");
	expect_error("{\"sources\":{}}", "1:12: /sources: must be an array");
	expect_error("{\"sources\":[],\"theme\":\"dark\"}",
	             "1:23: /theme: unknown field \"theme\"");
	expect_error(SRC("3"), "1:45: /sources/1: must be an object");
	expect_error(SRC("{\"url\":\"http://h/\"}"), "1:45: /sources/1/name: is missing");
	expect_error(SRC("{\"name\":\"\",\"url\":\"http://h/\"}"),
	             "1:53: /sources/1/name: must not be empty");
	expect_error(SRC("{\"name\":7,\"url\":\"http://h/\"}"),
	             "1:53: /sources/1/name: must be a string");
	expect_error(
	    SRC("{\"name\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\","
	        "\"url\":\"http://h/\"}"),
	    "1:53: /sources/1/name: must be at most 64 bytes of printable UTF-8");
	expect_error(SRC("{\"name\":\"a\\u001b[2Jb\",\"url\":\"http://h/\"}"),
	             "1:53: /sources/1/name: must be printable UTF-8 (no control characters)");
	expect_error(SRC("{\"name\":\"ok\",\"url\":\"http://h2/\"}"),
	             "1:53: /sources/1/name: \"ok\" is already used by another source");
	expect_error(SRC("{\"name\":\"first\",\"url\":\"http://h2/\"}"),
	             "1:53: /sources/1/name: \"first\" is already used by another source");
	expect_error(SRC("{\"name\":\"w\"}"), "1:45: /sources/1/url: is missing");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"ftp://h/\"}"),
	             "1:63: /sources/1/url: must be an http:// or https:// URL with a host and "
	             "no spaces");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://\"}"),
	             "1:63: /sources/1/url: must be an http:// or https:// URL with a host and "
	             "no spaces");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://a b/\"}"),
	             "1:63: /sources/1/url: must be an http:// or https:// URL with a host and "
	             "no spaces");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"format\":\"prom\"}"),
	             "1:84: /sources/1/format: unknown type \"prom\" (known: citydash-v1, "
	             "prometheus, sensorthings, json)");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"interval_ms\":99}"),
	             "1:89: /sources/1/interval_ms: must be a whole number from 100 to 86400000 ms");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"interval_ms\":86400001}"),
	             "1:89: /sources/1/interval_ms: must be a whole number from 100 to 86400000 ms");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"interval_ms\":1000.5}"),
	             "1:89: /sources/1/interval_ms: must be a whole number from 100 to 86400000 ms");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"interval_ms\":\"1000\"}"),
	             "1:89: /sources/1/interval_ms: must be a whole number from 100 to 86400000 ms");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"timeout_ms\":600001}"),
	             "1:88: /sources/1/timeout_ms: must be a whole number from 100 to 600000 ms");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"max_body_bytes\":10}"),
	             "1:92: /sources/1/max_body_bytes: must be a whole number from 1024 to "
	             "1073741824 bytes");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"interval\":500}"),
	             "1:86: /sources/1/interval: unknown field \"interval\"");
}

static void test_bounds_accepted(void **state)
{
	const char *json = "{\"sources\":[{\"name\":\"a\",\"url\":\"HTTPS://h\","
	                   "\"interval_ms\":100,\"timeout_ms\":600000},"
	                   "{\"name\":\"b\",\"url\":\"http://h:1/x?y=1\",\"interval_ms\":86400000,"
	                   "\"timeout_ms\":100,\"max_body_bytes\":1024}]}";
	config_t cfg = {0};
	char *cause = NULL;
	assert_int_equal(config_parse(&cfg, json, strlen(json), &cause), 0);
	assert_int_equal(cfg.source_count, 2);
	assert_int_equal(cfg.sources[0].interval_ms, 100);
	assert_int_equal(cfg.sources[1].interval_ms, 86400000);
	assert_int_equal(cfg.sources[1].max_body, 1024);
	config_free(&cfg);
}

/* Items 1, 9 and 10 of issue 5: per-source limits and the clock-skew
 * tolerance, each with its bounds, per source or for the whole file in
 * "defaults"; --source sources get the built-in defaults. */
/* "since": report by exception on (default) or off, per source or in defaults. */
static void test_since(void **state)
{
	const char *json = "{\"defaults\":{\"since\":false},\"sources\":["
	                   "{\"name\":\"a\",\"url\":\"http://h/a\"},"
	                   "{\"name\":\"b\",\"url\":\"http://h/b\",\"since\":true}]}";
	config_t cfg = {0};
	char *cause = NULL;
	assert_int_equal(config_parse(&cfg, json, strlen(json), &cause), 0);
	assert_true(cfg.sources[0].no_since);
	assert_false(cfg.sources[1].no_since);
	assert_int_equal(config_add_source_arg(&cfg, "c=http://h/c", &cause), 0);
	assert_false(cfg.sources[2].no_since);
	config_free(&cfg);
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"since\":1}"),
	             "1:83: /sources/1/since: must be true or false");
	expect_error("{\"defaults\":{\"since\":\"no\"},\"sources\":[]}",
	             "1:22: /defaults/since: must be true or false");
}

static void test_limits_and_defaults(void **state)
{
	const char *json = "{\"defaults\":{\"max_readings\":5000,\"clock_skew_ms\":0,"
	                   "\"interval_ms\":2000},\"sources\":["
	                   "{\"name\":\"a\",\"url\":\"http://h/a\"},"
	                   "{\"name\":\"b\",\"url\":\"http://h/b\",\"max_readings\":10000000,"
	                   "\"max_bytes\":1099511627776,\"retention_ms\":2592000000,"
	                   "\"clock_skew_ms\":86400000}]}";
	config_t cfg = {0};
	char *cause = NULL;
	assert_int_equal(config_parse(&cfg, json, strlen(json), &cause), 0);
	const source_cfg_t *a = &cfg.sources[0], *b = &cfg.sources[1];
	assert_int_equal(a->max_readings, 5000);
	assert_int_equal(a->clock_skew_ms, 0);
	assert_int_equal(a->interval_ms, 2000);
	assert_int_equal(a->max_bytes, CONFIG_DEFAULT_MAX_BYTES);
	assert_int_equal(a->retention_ms, 0); /* derived from the stale time */
	assert_string_equal(a->format, "citydash-v1");
	assert_int_equal(b->max_readings, 10000000);
	assert_int_equal(b->max_bytes, (size_t)1 << 40);
	assert_int_equal(b->retention_ms, 2592000000);
	assert_int_equal(b->clock_skew_ms, 86400000);
	assert_int_equal(b->interval_ms, 2000);
	assert_int_equal(config_add_source_arg(&cfg, "c=http://h/c", &cause), 0);
	const source_cfg_t *c = &cfg.sources[2];
	assert_int_equal(c->max_readings, CONFIG_DEFAULT_MAX_READINGS);
	assert_int_equal(c->max_bytes, CONFIG_DEFAULT_MAX_BYTES);
	assert_int_equal(c->clock_skew_ms, CONFIG_DEFAULT_CLOCK_SKEW_MS);
	assert_int_equal(c->interval_ms, CONFIG_DEFAULT_INTERVAL_MS);
	config_free(&cfg);

	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"max_readings\":0}"),
	             "1:90: /sources/1/max_readings: must be a whole number from 1 to 10000000 "
	             "readings");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"max_bytes\":1048575}"),
	             "1:87: /sources/1/max_bytes: must be a whole number from 1048576 to "
	             "1099511627776 bytes");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"retention_ms\":999}"),
	             "1:90: /sources/1/retention_ms: must be a whole number from 1000 to "
	             "2592000000 ms");
	expect_error(SRC("{\"name\":\"w\",\"url\":\"http://h/\",\"clock_skew_ms\":-1}"),
	             "1:91: /sources/1/clock_skew_ms: must be a whole number from 0 to 86400000 ms");
	expect_error("{\"defaults\":{\"clock_skew_ms\":86400001},\"sources\":[]}",
	             "1:30: /defaults/clock_skew_ms: must be a whole number from 0 to 86400000 ms");
	expect_error("{\"defaults\":{\"name\":\"x\"},\"sources\":[]}",
	             "1:21: /defaults/name: names one source: it cannot be a default");
	expect_error("{\"defaults\":{\"format\":\"prom\"},\"sources\":[]}",
	             "1:23: /defaults/format: unknown type \"prom\" (known: citydash-v1, "
	             "prometheus, sensorthings, json)");
	expect_error("{\"defaults\":[],\"sources\":[]}", "1:13: /defaults: must be an object");
}

static void test_source_arg(void **state)
{
	static const struct {
		const char *arg, *needle;
	} bad[] = {
	    {"water", "NAME=URL"},
	    {"=http://h/", "must not be empty"},
	    {"water=", "http:// or https://"},
	    {"water=file:///etc/passwd", "http:// or https://"},
	    {"w\x1b[31m=http://h/", "printable"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		config_t cfg = {0};
		char *cause = NULL;
		assert_int_equal(config_add_source_arg(&cfg, bad[i].arg, &cause), -1);
		if (!strstr(cause, bad[i].needle) || !strstr(cause, "--source"))
			fail_msg("\"%s\" for %zu", cause, i);
		assert_true(text_is_clean(cause));
		assert_int_equal(cfg.source_count, 0);
		free(cause);
		config_free(&cfg);
	}
	config_t cfg = {0};
	char *cause = NULL;
	/* Only the first '=' separates: URLs carry their own. */
	assert_int_equal(config_add_source_arg(&cfg, "tunnel=http://h/q?a=b", &cause), 0);
	assert_string_equal(cfg.sources[0].name, "tunnel");
	assert_string_equal(cfg.sources[0].url, "http://h/q?a=b");
	config_free(&cfg);
}

static void test_file_errors(void **state)
{
	config_t cfg = {0};
	char *cause = NULL;
	assert_int_equal(
	    config_load_file(&cfg, CITYDASH_TEST_DATA "/data/no-such-file.json", &cause), -1);
	assert_non_null(strstr(cause, "no-such-file.json: "));
	assert_non_null(strstr(cause, "No such file"));
	free(cause);

	/* A directory cannot be read as a file. */
	assert_int_equal(config_load_file(&cfg, CITYDASH_TEST_DATA "/data", &cause), -1);
	assert_non_null(strstr(cause, "data: "));
	free(cause);

	char path[] = "/tmp/citydash-config-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("{\"sources\":[],\"pad\":\"", f);
	char line[1024];
	memset(line, 'x', sizeof line);
	for (int i = 0; i < 1100; i++) /* 1.1 MiB */
		fwrite(line, 1, sizeof line, f);
	fputs("\"}", f);
	fclose(f);
	assert_int_equal(config_load_file(&cfg, path, &cause), -1);
	assert_non_null(strstr(cause, "larger than"));
	free(cause);

	/* A syntax error is reported with the file name. */
	f = fopen(path, "w");
	fputs("{\"sources\": [\n  {\"name\": \"a\",,}\n]}\n", f);
	fclose(f);
	assert_int_equal(config_load_file(&cfg, path, &cause), -1);
	char want[128];
	snprintf(want, sizeof want, "%s:2:17: not valid JSON", path);
	assert_string_equal(cause, want);
	free(cause);
	unlink(path);
	assert_int_equal(cfg.source_count, 0);
	config_free(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_good_file),       cmocka_unit_test(test_validation_errors),
	    cmocka_unit_test(test_bounds_accepted), cmocka_unit_test(test_source_arg),
	    cmocka_unit_test(test_file_errors),     cmocka_unit_test(test_limits_and_defaults),
	    cmocka_unit_test(test_since),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for feeds/adapter_json_opts.c: the json adapter's settings,
 * and every error they can give, each naming its member as a JSON Pointer
 * relative to the "json" object (cfg_read.h); and adapter_json_error.c, the
 * reason an answer that is not 2xx gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "adapter.h"
#include "adapter_sink.h"
#include "text.h"
#include "xalloc.h"

static const adapter_t *json_adapter(void)
{
	const adapter_t *a = adapter_find("json");
	assert_non_null(a);
	return a;
}

static void expect_error(const char *json, const char *pointer)
{
	char *at = NULL;
	assert_null(adapter_opts(json_adapter(), json, -1, &at));
	if (strcmp(at, pointer) != 0)
		fail_msg("%s: error at \"%s\", not \"%s\"", json ? json : "(absent)", at, pointer);
	free(at);
}

static void test_table_row(void **state)
{
	(void)state;
	const adapter_t *a = json_adapter();
	assert_string_equal(a->name, "json");
	assert_string_equal(a->options_key, "json");
	assert_true(a->options_required);
	assert_null(a->next_request); /* one plain GET: the poller keeps ETag/304 */
	assert_non_null(a->error_reason);
	assert_non_null(a->options_parse);
	assert_non_null(a->options_free);
	assert_non_null(strstr(adapter_names(), "json"));
}

static void test_good_settings(void **state)
{
	(void)state;
	const adapter_t *a = json_adapter();
	static const char *const good[] = {
	    "{\"id\": \"/id\", \"value\": \"/v\"}",
	    "{\"items\": \"\", \"id\": \"\", \"value\": \"\"}",
	    ("{\"items\": \"/a~1b/0\", \"id\": \"/x~0\", \"value\": \"/v\", \"name\": \"/n\","
	     " \"ts\": \"/t\", \"ts_format\": \"epoch_ms\", \"unit\": \"/u\", \"domain\": \"/d\","
	     " \"district\": \"/p/0\", \"street\": \"/p/1\", \"quality\": \"/q\","
	     " \"range_min\": \"/r/0\", \"range_max\": \"/r/1\","
	     " \"limits\": {\"lolo\": \"/l/0\", \"lo\": \"/l/1\", \"hi\": \"/l/2\", \"hihi\": "
	     "\"/l/3\"},"
	     " \"fixed\": {\"unit\": \"m\", \"domain\": \"water\", \"district\": \"江北区\","
	     " \"street\": \"s\", \"range_min\": -1, \"range_max\": 1,"
	     " \"limits\": {\"lolo\": -0.5, \"lo\": 0, \"hi\": 0.5, \"hihi\": 0.75}},"
	     " \"error\": \"/error/message\"}"),
	    "{\"id\": \"/id\", \"value\": \"/v\", \"ts_format\": \"rfc3339\", \"limits\": {}, "
	    "\"fixed\": {}}",
	    "{\"id\": \"/id\", \"value\": \"/v\", \"ts_format\": \"epoch_s\"}",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		void *o = adapter_opts(a, good[i], 0, NULL);
		assert_non_null(o);
		a->options_free(o);
	}
	a->options_free(NULL);
}

static void test_errors(void **state)
{
	(void)state;
	expect_error(NULL, "");
	expect_error("[]", "");
	expect_error("\"/id\"", "");
	expect_error("{}", "/id");
	expect_error("{\"id\": \"/id\"}", "/value");
	expect_error("{\"value\": \"/v\"}", "/id");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"valeu\": \"/x\"}", "/valeu");
	expect_error("{\"id\": \"id\", \"value\": \"/v\"}", "/id");
	expect_error("{\"id\": \"/id\", \"value\": \"/v~2\"}", "/value");
	expect_error("{\"id\": \"/id\", \"value\": 3}", "/value");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"items\": \"items\"}", "/items");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"items\": null}", "/items");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"name\": \"/n\\u0007\"}", "/name");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"ts_format\": \"iso\"}", "/ts_format");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"ts_format\": 1}", "/ts_format");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"limits\": \"/l\"}", "/limits");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"limits\": {\"high\": \"/h\"}}",
	             "/limits/high");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"limits\": {\"hi\": \"h\"}}",
	             "/limits/hi");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"fixed\": []}", "/fixed");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"fixed\": {\"name\": \"x\"}}",
	             "/fixed/name");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"fixed\": {\"value\": 0}}",
	             "/fixed/value");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"fixed\": {\"domain\": 7}}",
	             "/fixed/domain");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"fixed\": {\"unit\": \"\"}}",
	             "/fixed/unit");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"fixed\": {\"range_min\": \"0\"}}",
	             "/fixed/range_min");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"fixed\": {\"limits\": 5}}",
	             "/fixed/limits");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"fixed\": {\"limits\": {\"h\": 5}}}",
	             "/fixed/limits/h");
	expect_error(
	    "{\"id\": \"/id\", \"value\": \"/v\", \"fixed\": {\"limits\": {\"hi\": \"5\"}}}",
	    "/fixed/limits/hi");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"a/b\": \"/x\"}", "/a~1b");
	expect_error("{\"id\": \"/id\", \"value\": \"/v\", \"error\": \"message\"}", "/error");
}

static char *reason(const char *opts_json, const char *body)
{
	const adapter_t *a = json_adapter();
	void *opts = adapter_opts(a, opts_json, 0, NULL);
	char *why = a->error_reason(opts, 503, body, body ? strlen(body) : 0);
	a->options_free(opts);
	return why;
}

static void expect_reason(const char *opts_json, const char *body, const char *want)
{
	char *why = reason(opts_json, body);
	if (!want) {
		assert_null(why);
		return;
	}
	assert_non_null(why);
	assert_string_equal(why, want);
	free(why);
}

/* The API's own words for an answer that is not 2xx. */
static void test_error_reason(void **state)
{
	(void)state;
	const char *o = "{\"id\": \"/id\", \"value\": \"/v\"}";
	expect_reason(o, "{\"error\": {\"code\": 403, \"message\": \"quota exceeded\"}}",
	              "quota exceeded");
	expect_reason(o, "{\"error\": \"no such station\"}", "no such station");
	expect_reason(o, "{\"message\": \"Unauthorized\"}", "Unauthorized");
	expect_reason(o,
	              "{\"type\": \"about:blank\", \"title\": \"Not Found\","
	              " \"detail\": \"station 7 is retired\"}",
	              "station 7 is retired");
	expect_reason(o, "{\"message\": \"bad\\u001b[2J\\u202eword\"}", "badword");
	expect_reason(o, "<html>Bad Gateway</html>", NULL);
	expect_reason(o, "{\"error\": 42}", NULL);
	expect_reason(o, "{\"message\": \"\"}", NULL);
	expect_reason(o, NULL, NULL);
	/* The configured place only. */
	const char *own = "{\"id\": \"/id\", \"value\": \"/v\", \"error\": \"/fault/text\"}";
	expect_reason(own, "{\"fault\": {\"text\": \"maintenance\"}, \"message\": \"x\"}",
	              "maintenance");
	expect_reason(own, "{\"message\": \"x\"}", NULL);
	/* Long: cut at a character boundary, still clean. */
	char *body = xmalloc(20000);
	strcpy(body, "{\"message\": \"");
	for (int i = 0; i < 2000; i++)
		strcat(body, "\xe6\xb0\xb4");
	strcat(body, "\"}");
	char *why = reason(o, body);
	assert_non_null(why);
	assert_true(strlen(why) <= 200 && strlen(why) >= 195);
	assert_true(text_is_clean(why));
	free(why);
	free(body);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table_row),
	    cmocka_unit_test(test_good_settings),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_error_reason),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

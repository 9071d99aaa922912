/* Unit tests for feeds/json_pointer.c: RFC 6901 section 5's examples
 * exactly, the escapes (~0, ~1, and ~01 which is "~1", not "/"), array
 * indices (no leading zeros, "-" never resolves, no overflow), and the
 * syntax checks the configuration relies on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <string.h>

#include "json_pointer.h"

/* RFC 6901, section 5. */
static const char rfc_doc[] = "{\"foo\": [\"bar\", \"baz\"], \"\": 0, \"a/b\": 1, \"c%d\": 2,"
                              " \"e^f\": 3, \"g|h\": 4, \"i\\\\j\": 5, \"k\\\"l\": 6, \" \": 7,"
                              " \"m~n\": 8}";

static const cJSON *get(const char *ptr, const cJSON *doc)
{
	json_pointer_t *p = json_pointer_compile(ptr);
	assert_non_null(p);
	assert_string_equal(json_pointer_text(p), ptr);
	const cJSON *v = json_pointer_get(p, doc);
	json_pointer_free(p);
	return v;
}

static void expect_number(const cJSON *doc, const char *ptr, double want)
{
	const cJSON *v = get(ptr, doc);
	if (!cJSON_IsNumber(v) || v->valuedouble != want)
		fail_msg("\"%s\" should be %g", ptr, want);
}

static void test_rfc6901_section5(void **state)
{
	(void)state;
	cJSON *doc = cJSON_Parse(rfc_doc);
	assert_non_null(doc);
	assert_ptr_equal(get("", doc), doc);
	const cJSON *foo = get("/foo", doc);
	assert_true(cJSON_IsArray(foo));
	assert_int_equal(cJSON_GetArraySize(foo), 2);
	assert_string_equal(get("/foo/0", doc)->valuestring, "bar");
	expect_number(doc, "/", 0);
	expect_number(doc, "/a~1b", 1);
	expect_number(doc, "/c%d", 2);
	expect_number(doc, "/e^f", 3);
	expect_number(doc, "/g|h", 4);
	expect_number(doc, "/i\\j", 5);
	expect_number(doc, "/k\"l", 6);
	expect_number(doc, "/ ", 7);
	expect_number(doc, "/m~0n", 8);
	cJSON_Delete(doc);
}

static void test_escapes(void **state)
{
	(void)state;
	cJSON *doc = cJSON_Parse("{\"~1\": 1, \"/\": 2, \"~\": 3, \"a\": {\"b/c\": {\"~d\": 4}}}");
	assert_non_null(doc);
	/* ~01 unescapes to ~1 (~0 first would make it "/"): RFC 6901 section 4. */
	expect_number(doc, "/~01", 1);
	expect_number(doc, "/~1", 2);
	expect_number(doc, "/~0", 3);
	expect_number(doc, "/a/b~1c/~0d", 4);
	assert_null(get("/a/b/c", doc));
	assert_null(get("/~10", doc)); /* "/0" */
	cJSON_Delete(doc);
}

static void test_array_indices(void **state)
{
	(void)state;
	cJSON *doc =
	    cJSON_Parse("{\"a\": [10, 11, [20, 21]], \"o\": {\"0\": 5, \"01\": 6, \"-\": 7}}");
	assert_non_null(doc);
	expect_number(doc, "/a/0", 10);
	expect_number(doc, "/a/1", 11);
	expect_number(doc, "/a/2/1", 21);
	assert_null(get("/a/3", doc));  /* past the end */
	assert_null(get("/a/-", doc));  /* the element after the last: never there */
	assert_null(get("/a/01", doc)); /* leading zero */
	assert_null(get("/a/00", doc));
	assert_null(get("/a/-1", doc));
	assert_null(get("/a/+1", doc));
	assert_null(get("/a/1x", doc));
	assert_null(get("/a/ 1", doc));
	assert_null(get("/a/", doc));                        /* "" is no index */
	assert_null(get("/a/99999999999999999999999", doc)); /* beyond a long: no overflow */
	assert_null(get("/a/0/x", doc));                     /* a number has no members */
	/* Index-like tokens on an object are member names. */
	expect_number(doc, "/o/0", 5);
	expect_number(doc, "/o/01", 6);
	expect_number(doc, "/o/-", 7);
	cJSON_Delete(doc);
}

static void test_scalars_and_missing(void **state)
{
	(void)state;
	cJSON *doc = cJSON_Parse("[\"x\", {\"k\": null}]");
	assert_non_null(doc);
	assert_string_equal(get("/0", doc)->valuestring, "x");
	assert_null(get("/0/0", doc)); /* a string is not an array */
	assert_true(cJSON_IsNull(get("/1/k", doc)));
	assert_null(get("/1/K", doc)); /* case-sensitive */
	assert_null(get("/1/k/x", doc));
	assert_null(get("/k", doc));
	cJSON_Delete(doc);
}

static void test_syntax(void **state)
{
	(void)state;
	const char *why = NULL;
	assert_true(json_pointer_valid("", &why));
	assert_true(json_pointer_valid("/", &why));
	assert_true(json_pointer_valid("/a~0~1//", &why));
	static const char *const bad[] = {"a", "a/b", "#/a", "/~", "/~2", "/a~", "/~x", " /a"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		why = NULL;
		if (json_pointer_valid(bad[i], &why))
			fail_msg("\"%s\" should be invalid", bad[i]);
		assert_non_null(why);
		assert_null(json_pointer_compile(bad[i]));
	}
	assert_false(json_pointer_valid(NULL, NULL));
	json_pointer_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rfc6901_section5), cmocka_unit_test(test_escapes),
	    cmocka_unit_test(test_array_indices),    cmocka_unit_test(test_scalars_and_missing),
	    cmocka_unit_test(test_syntax),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

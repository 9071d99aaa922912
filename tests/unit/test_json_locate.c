/* Unit tests for feeds/json_locate.c: the line and column of a value named
 * by an RFC 6901 pointer, on text with escaped quotes, keys holding ~ and /,
 * arrays, nesting, multi-byte characters and escapes in keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "json_locate.h"

/* Asserts pointer p resolves `tokens` deep at line:col in text. */
static void at(const char *text, const char *p, int tokens, int line, int col)
{
	int l = 0, c = 0;
	int got = json_locate(text, strlen(text), p, &l, &c);
	if (got != tokens || l != line || c != col)
		fail_msg("%s in %s: %d tokens at %d:%d, want %d at %d:%d", p, text, got, l, c, tokens,
		         line, col);
}

static void test_plain(void **state)
{
	(void)state;
	const char *t = "{\n  \"a\": 1,\n  \"b\": {\"c\": [10, 20, {\"d\": true}]}\n}";
	at(t, "", 0, 1, 1);
	at(t, "/a", 1, 2, 8);
	at(t, "/b", 1, 3, 8);
	at(t, "/b/c", 2, 3, 14);
	at(t, "/b/c/0", 3, 3, 15);
	at(t, "/b/c/1", 3, 3, 19);
	at(t, "/b/c/2/d", 4, 3, 29);
	/* Not there: the deepest value that is. */
	at(t, "/b/x", 1, 3, 8);
	at(t, "/b/c/3", 2, 3, 14);
	at(t, "/b/c/01", 2, 3, 14);
	at(t, "/a/z", 1, 2, 8);
	at("  [1]", "", 0, 1, 3);
}

static void test_strings(void **state)
{
	(void)state;
	/* An escaped quote and a backslash before the closing quote; a string
	 * value that looks like a key. */
	const char *t = "{\"x\": \"say \\\"b\\\": 1\", \"y\\\\\": \"\\\\\", \"b\": 2}";
	at(t, "/b", 1, 1, 41);
	at(t, "/y\\", 1, 1, 30);
	at(t, "/x", 1, 1, 7);
	/* Braces and brackets inside strings are text, not nesting. */
	at("{\"a\": \"{[\", \"b\": [\"]}\", 3]}", "/b/1", 2, 1, 25);
}

static void test_key_escapes(void **state)
{
	(void)state;
	/* ~0 is ~ and ~1 is / in a pointer; keys may be written with escapes. */
	const char *t = "{\"a/b\": 1, \"m~n\": 2, \"\\u0041\": 3, \"\\/x\": 4}";
	at(t, "/a~1b", 1, 1, 9);
	at(t, "/m~0n", 1, 1, 19);
	at(t, "/A", 1, 1, 32);
	at(t, "/~1x", 1, 1, 42);
	at(t, "//x", 0, 1, 1); /* the key "" then "x": no such key */
	at(t, "/a/b", 0, 1, 1);
	/* A malformed pointer. */
	int l, c;
	assert_int_equal(json_locate(t, strlen(t), "/a~2b", &l, &c), -1);
	assert_int_equal(json_locate(t, strlen(t), "a", &l, &c), -1);
	assert_int_equal(json_locate("  ", 2, "", &l, &c), -1);
}

static void test_unicode(void **state)
{
	(void)state;
	/* Columns count characters: 电力 is two, é one; a key escaped as
	 * \u7535\u529b is the same key; a surrogate pair is one character. */
	const char *t = "{\"电力\": \"é\", \"k\": 5,\n \"\\u7535\\u529b2\": [\"\\ud83d\\ude00\", 7],"
	                " \"😀\": 8}";
	at(t, "/电力", 1, 1, 8);
	at(t, "/k", 1, 1, 18);
	at(t, "/电力2", 1, 2, 19);
	at(t, "/电力2/1", 2, 2, 36);
	at(t, "/😀", 1, 2, 45);
	/* Duplicate keys: the first, as cJSON reads it. */
	at("{\"a\": 1, \"a\": 2}", "/a", 1, 1, 7);
}

static void test_offsets(void **state)
{
	(void)state;
	int l, c;
	const char *t = "ab\ncd\n\xe7\x94\xb5x";
	json_locate_offset(t, strlen(t), 0, &l, &c);
	assert_int_equal(l, 1);
	assert_int_equal(c, 1);
	json_locate_offset(t, strlen(t), 4, &l, &c);
	assert_int_equal(l, 2);
	assert_int_equal(c, 2);
	json_locate_offset(t, strlen(t), 9, &l, &c); /* the x after a 3-byte character */
	assert_int_equal(l, 3);
	assert_int_equal(c, 2);
	json_locate_offset(t, strlen(t), 1000, &l, &c); /* clamped to the end */
	assert_int_equal(l, 3);
	assert_int_equal(c, 3);
	/* Truncated text: never read past len. */
	const char *cut = "{\"a\": [1, {\"b\": \"xx";
	assert_int_equal(json_locate(cut, strlen(cut), "/a/1/c", &l, &c), 2);
	assert_int_equal(json_locate(cut, 8, "/a/1", &l, &c), 1);
	assert_int_equal(json_locate("{\"a\\", 4, "/a", &l, &c), 0);
}

/* A NUL byte outside a string is read as part of a scalar: the walk goes on
 * past it (found by tests/fuzz: skip_value stood still on it, forever). */
static void test_nul_bytes(void **state)
{
	(void)state;
	static const char t[] = "{\"a\":[1\0],\"b\":2}";
	int l = 0, c = 0;
	assert_int_equal(json_locate(t, sizeof t - 1, "/b", &l, &c), 1);
	assert_int_equal(l, 1);
	assert_int_equal(c, 15);
	static const char lone[] = "{\"a\":\0\0,\"b\":[\0";
	assert_int_equal(json_locate(lone, sizeof lone - 1, "/b/0", &l, &c), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain),       cmocka_unit_test(test_strings),
	    cmocka_unit_test(test_key_escapes), cmocka_unit_test(test_unicode),
	    cmocka_unit_test(test_offsets),     cmocka_unit_test(test_nul_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

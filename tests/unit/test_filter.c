/* The text filter's matching (filter.h): case-folded words, Chinese as
 * typed, ids and places; and its prompt's editing keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "filter.h"

static void test_ascii_case(void **state)
{
	(void)state;
	assert_true(filter_text("", "anything"));
	assert_true(filter_text("pump", "Pump04.Flow"));
	assert_true(filter_text("PUMP04", "water.pump04.flow"));
	assert_true(filter_text("Flow", "FLOW"));
	assert_false(filter_text("pump05", "water.pump04.flow"));
	assert_true(filter_text("  ", "x")); /* only spaces: no words, all match */
}

static void test_unicode_fold(void **state)
{
	(void)state;
	assert_true(filter_text("strasse", "Hauptstraße"));   /* full folding: ß → ss */
	assert_true(filter_text("ΣΟΦΊΑ", "σοφία"));           /* Greek capitals */
	assert_true(filter_text("ÉCOLE", "école"));
	assert_false(filter_text("ecole", "école")); /* folded, not stripped of accents */
}

static void test_chinese(void **state)
{
	(void)state;
	assert_true(filter_text("江北", "江北区"));
	assert_true(filter_text("观音桥", "江北区观音桥街道"));
	assert_false(filter_text("江南", "江北区"));
	assert_false(filter_text("江北", NULL));
}

static void test_words_across_fields(void **state)
{
	(void)state;
	const char *fields[] = {"Pump 4 flow", "water.jb.p4", "江北区", "观音桥街道"};
	assert_true(filter_fields("江北 flow", fields, 4));   /* each word in some field */
	assert_true(filter_fields("jb.p4", fields, 4));       /* an id */
	assert_true(filter_fields("观音桥", fields, 4));      /* a street */
	assert_false(filter_fields("江北 chlorine", fields, 4)); /* every word must match */
	const char *with_null[] = {NULL, "abc"};
	assert_true(filter_fields("b", with_null, 2));
}

static void test_long_field(void **state)
{
	(void)state;
	char big[3000];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	big[2990] = 'Z'; /* past the stack buffer: folded on the heap */
	assert_true(filter_text("az", big));
	assert_false(filter_text("zb", big));
}

static void test_prompt_editing(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_DOMAIN, .filter_editing = true};
	assert_true(filter_key(&nav, L'j', false));
	assert_true(filter_key(&nav, L'B', false));
	assert_string_equal(nav.filter, "jB");
	assert_true(filter_key(&nav, 0x6c5f, false)); /* 江 */
	assert_string_equal(nav.filter, "jB\xe6\xb1\x9f");
	assert_true(filter_key(&nav, 127, false)); /* Backspace deletes the whole character */
	assert_string_equal(nav.filter, "jB");
	assert_true(filter_key(&nav, 0x1b, false) && nav.filter[0] == '\0' && !nav.filter_editing);
	nav.filter_editing = true;
	filter_key(&nav, L'x', false);
	assert_true(filter_key(&nav, 7, false)); /* a control character: taken, not added */
	assert_string_equal(nav.filter, "x");
	assert_true(filter_key(&nav, 0x202e, false)); /* a bidi override: sanitized away */
	assert_string_equal(nav.filter, "x");
	assert_false(filter_key(&nav, KEY_DOWN, true)); /* arrows move in the list */
	assert_true(filter_key(&nav, L'\r', false));
	assert_false(nav.filter_editing);
	assert_string_equal(nav.filter, "x"); /* Enter keeps it */
	/* Never longer than NAV_FILTER_MAX bytes. */
	nav.filter_editing = true;
	for (int i = 0; i < 200; i++)
		filter_key(&nav, 0x6c5f, false);
	assert_true(strlen(nav.filter) <= NAV_FILTER_MAX);
	filter_key(&nav, 21, false); /* Ctrl-U */
	assert_string_equal(nav.filter, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ascii_case),
	    cmocka_unit_test(test_unicode_fold),
	    cmocka_unit_test(test_chinese),
	    cmocka_unit_test(test_words_across_fields),
	    cmocka_unit_test(test_long_field),
	    cmocka_unit_test(test_prompt_editing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

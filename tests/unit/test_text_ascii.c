/* Unit tests for base/text_ascii: what a LANG=C terminal is sent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text_ascii.h"

#define CHECK(in, want)                                                                            \
	do {                                                                                       \
		char *got_ = text_ascii(in);                                                       \
		assert_string_equal(got_, (want));                                                 \
		free(got_);                                                                        \
	} while (0)

/* The units the mock city sends, and their neighbours. */
static void test_units(void **state)
{
	(void)state;
	CHECK("°C", "degC");
	CHECK("\xe2\x84\x83", "degC"); /* ℃, one character */
	CHECK("m³/h", "m3/h");
	CHECK("m²", "m2");
	CHECK("με", "ue");              /* microstrain */
	CHECK("\xc2\xb5S/cm", "uS/cm"); /* micro sign */
	CHECK("μg/m³", "ug/m3");        /* Greek mu */
	CHECK("‰", "permille");
	CHECK("±0.5", "+/-0.5");
	CHECK("3×4", "3x4");
	CHECK("kW·h", "kW.h");
	CHECK("\xe2\x84\xa6", "Ohm"); /* ohm sign */
	CHECK("MPa", "MPa");
	CHECK("%LEL", "%LEL");
}

static void test_letters(void **state)
{
	(void)state;
	CHECK("Zürich Straße", "Zurich Strasse");
	CHECK("e\xcc\x81t\xc3\xa9", "ete"); /* decomposed and composed é */
	CHECK("α β Δ ω", "alpha beta Delta omega");
	CHECK("½ …", "1/2 ...");
	CHECK("“quoted” – dash", "\"quoted\" - dash");
	CHECK("\xef\xbd\x8d", "m");                      /* fullwidth m */
	CHECK("\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa", "DE"); /* a flag: its country code */
}

/* What has no ASCII spelling is named by its code point: never '?'. */
static void test_fallback(void **state)
{
	(void)state;
	CHECK("电力", "U+7535U+529B");
	CHECK("a\xef\xbf\xbd"
	      "b",
	      "aU+FFFDb");
	CHECK("\xf0\x9f\x98\x80", "U+1F600");
	/* a family emoji: its first person, as a UTF-8 terminal is sent it */
	CHECK("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",
	      "U+1F468");
	CHECK("", "");
	CHECK(NULL, "");
	char *s = text_ascii("观音桥 ¿ ¥");
	assert_null(strchr(s, '?'));
	free(s);
}

static void test_is_ascii(void **state)
{
	(void)state;
	assert_true(text_is_ascii("plain ~!"));
	assert_true(text_is_ascii(NULL));
	assert_false(text_is_ascii("°"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_units),
	    cmocka_unit_test(test_letters),
	    cmocka_unit_test(test_fallback),
	    cmocka_unit_test(test_is_ascii),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

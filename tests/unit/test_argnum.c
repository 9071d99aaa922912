/* argnum: command-line numbers are digits only, within range, no overflow. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "argnum.h"

static void test_accepts_plain_numbers(void **state)
{
	(void)state;
	uint64_t v = 7;
	assert_true(argnum_parse("0", 0, 10, &v));
	assert_int_equal(v, 0);
	assert_true(argnum_parse("010", 0, 10, &v)); /* leading zeros are still decimal */
	assert_int_equal(v, 10);
	assert_true(argnum_parse("18446744073709551615", 0, UINT64_MAX, &v));
	assert_true(v == UINT64_MAX);
	assert_true(argnum_parse_n("80x24", 2, 0, 1000, &v));
	assert_int_equal(v, 80);
}

static void test_refuses_anything_else(void **state)
{
	(void)state;
	static const char *const bad[] = {
	    "",
	    " 1",
	    "1 ",
	    "-1",
	    " -1",
	    "+1",
	    "1x",
	    "0x10",
	    "1e3",
	    "1.0",
	    "\t1",
	    "1\n",
	    "18446744073709551616",
	    "99999999999999999999999",
	    "١", /* Arabic-Indic 1 */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		uint64_t v = 42;
		if (argnum_parse(bad[i], 0, UINT64_MAX, &v))
			fail_msg("accepted \"%s\" as %llu", bad[i], (unsigned long long)v);
		assert_int_equal(v, 42); /* untouched */
	}
	uint64_t v = 0;
	assert_false(argnum_parse(NULL, 0, 10, &v));
	assert_false(argnum_parse("11", 0, 10, &v));
	assert_false(argnum_parse("0", 1, 10, &v));
	assert_false(argnum_parse_n("80", 0, 0, 10, &v));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_accepts_plain_numbers),
	    cmocka_unit_test(test_refuses_anything_else),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

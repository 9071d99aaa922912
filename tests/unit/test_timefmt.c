/* Unit tests for base/timefmt: RFC 3339 parsing and formatting, ages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "timefmt.h"

/* 2026-11-25T07:59:59.500Z */
static const int64_t T0 = 1795593599500;

static int64_t parse_ok(const char *s)
{
	int64_t ms = -42;
	if (!timefmt_parse_rfc3339(s, &ms))
		fail_msg("rejected valid \"%s\"", s);
	return ms;
}

static void parse_bad(const char *s)
{
	int64_t ms = -42;
	if (timefmt_parse_rfc3339(s, &ms))
		fail_msg("accepted invalid \"%s\"", s ? s : "(null)"); /* s may be NULL */
	assert_int_equal(ms, -42); /* output untouched on failure */
}

static void test_valid_forms(void **state)
{
	assert_int_equal(parse_ok("1970-01-01T00:00:00Z"), 0);
	assert_int_equal(parse_ok("2026-11-25T07:59:59.500Z"), T0);
	assert_int_equal(parse_ok("2026-11-25t07:59:59.5z"), T0);
	assert_int_equal(parse_ok("2026-11-25 07:59:59.500Z"), T0);
	assert_int_equal(parse_ok("2026-11-25T07:59:59Z"), T0 - 500);
	assert_int_equal(parse_ok("1969-12-31T23:59:59.999Z"), -1);
	assert_int_equal(parse_ok("1900-01-01T00:00:00Z"), -2208988800000);
	assert_true(timefmt_parse_rfc3339("2026-11-25T07:59:59Z", NULL));
}

static void test_offsets(void **state)
{
	assert_int_equal(parse_ok("2026-11-25T15:59:59.500+08:00"), T0);
	assert_int_equal(parse_ok("2026-11-25T02:29:59.500-05:30"), T0);
	assert_int_equal(parse_ok("2026-11-25T07:59:59.500+00:00"), T0);
	assert_int_equal(parse_ok("2026-11-25T07:59:59.500-00:00"), T0);
	/* The offset can move the date across a day and a year. */
	assert_int_equal(parse_ok("2027-01-01T05:00:00+08:00"), parse_ok("2026-12-31T21:00:00Z"));
}

static void test_fractions(void **state)
{
	int64_t base = parse_ok("2026-11-25T07:59:59Z");
	assert_int_equal(parse_ok("2026-11-25T07:59:59.5Z") - base, 500);
	assert_int_equal(parse_ok("2026-11-25T07:59:59.05Z") - base, 50);
	assert_int_equal(parse_ok("2026-11-25T07:59:59.123Z") - base, 123);
	assert_int_equal(parse_ok("2026-11-25T07:59:59.1239Z") - base, 123);
	assert_int_equal(parse_ok("2026-11-25T07:59:59.123456789012Z") - base, 123);
	assert_int_equal(parse_ok("2026-11-25T07:59:59.000Z"), base);
}

static void test_invalid(void **state)
{
	parse_bad(NULL);
	parse_bad("");
	parse_bad("2026-02-30T00:00:00Z");
	parse_bad("2026-04-31T00:00:00Z");
	parse_bad("2026-13-01T00:00:00Z");
	parse_bad("2026-00-01T00:00:00Z");
	parse_bad("2026-01-00T00:00:00Z");
	parse_bad("2026-01-32T00:00:00Z");
	parse_bad("2026-11-25T24:00:00Z");
	parse_bad("2026-11-25T23:60:00Z");
	parse_bad("2026-11-25T23:59:61Z");
	parse_bad("2026-11-25T07:59Z");     /* missing seconds */
	parse_bad("2026-11-25T07:59:59");   /* missing offset */
	parse_bad("2026-11-25T07:59:59Z "); /* trailing garbage */
	parse_bad("2026-11-25T07:59:59Zx");
	parse_bad("2026-11-25T07:59:59.Z");  /* fraction without digits */
	parse_bad("2026-11-25T07:59:59+08"); /* offset without minutes */
	parse_bad("2026-11-25T07:59:59+0800");
	parse_bad("2026-11-25T07:59:59+24:00");
	parse_bad("2026-11-25T07:59:59+08:60");
	parse_bad("2026-1-25T07:59:59Z");
	parse_bad("2026-11-25X07:59:59Z");
	parse_bad("2026-11-25");
	parse_bad("26-11-25T07:59:59Z");
	parse_bad("+2026-11-25T07:59:59Z");
	parse_bad("2026-11-25T7:59:59Z");
}

static void test_leap_years(void **state)
{
	assert_int_equal(parse_ok("2024-02-29T00:00:00Z"), 1709164800000);
	assert_int_equal(parse_ok("2000-02-29T12:00:00Z"), 951825600000);
	assert_int_equal(parse_ok("2024-03-01T00:00:00Z") - parse_ok("2024-02-28T00:00:00Z"),
	                 2 * 86400000);
	parse_bad("2023-02-29T00:00:00Z");
	parse_bad("1900-02-29T00:00:00Z");
	parse_bad("2100-02-29T00:00:00Z");
	/* A leap second counts as the first second of the next minute. */
	assert_int_equal(parse_ok("2016-12-31T23:59:60Z"), parse_ok("2017-01-01T00:00:00Z"));
}

static void test_format(void **state)
{
	char buf[32];
	timefmt_format_rfc3339(0, buf, sizeof(buf));
	assert_string_equal(buf, "1970-01-01T00:00:00.000Z");
	timefmt_format_rfc3339(T0, buf, sizeof(buf));
	assert_string_equal(buf, "2026-11-25T07:59:59.500Z");
	timefmt_format_rfc3339(-1, buf, sizeof(buf));
	assert_string_equal(buf, "1969-12-31T23:59:59.999Z");
	timefmt_format_rfc3339(1709164800000 + 1, buf, 25);
	assert_string_equal(buf, "2024-02-29T00:00:00.001Z");
	/* Extremes stay defined and terminated (checked by UBSan). */
	timefmt_format_rfc3339(INT64_MIN, buf, sizeof(buf));
	assert_true(strlen(buf) < sizeof(buf));
	timefmt_format_rfc3339(INT64_MAX, buf, sizeof(buf));
	assert_true(strlen(buf) < sizeof(buf));
	timefmt_format_rfc3339(T0, buf, 11); /* truncated, still terminated */
	assert_string_equal(buf, "2026-11-25");
}

static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ull;
}

static void test_round_trip(void **state)
{
	/* Years 0000 .. 9999 */
	const int64_t lo = -62167219200000, span = 253402300800000 - lo;
	uint64_t rng = 12345;
	char buf[32];

	for (int i = 0; i < 20000; i++) {
		int64_t ms = lo + (int64_t)(rng_next(&rng) % (uint64_t)span);
		timefmt_format_rfc3339(ms, buf, sizeof(buf));
		assert_int_equal(strlen(buf), 24);
		assert_int_equal(parse_ok(buf), ms);
	}
	timefmt_format_rfc3339(lo, buf, sizeof(buf));
	assert_string_equal(buf, "0000-01-01T00:00:00.000Z");
	timefmt_format_rfc3339(lo + span - 1, buf, sizeof(buf));
	assert_string_equal(buf, "9999-12-31T23:59:59.999Z");
}

static void check_age(int64_t ms, const char *want)
{
	char buf[8];
	timefmt_format_age(ms, buf, sizeof(buf));
	assert_string_equal(buf, want);
}

static void test_ages(void **state)
{
	check_age(-5000, "0s");
	check_age(INT64_MIN, "0s");
	check_age(0, "0s");
	check_age(999, "0s");
	check_age(42000, "42s");
	check_age(59999, "59s");
	check_age(60000, "1m");
	check_age(5 * 60000 + 59000, "5m");
	check_age(3599999, "59m");
	check_age(3600000, "1h");
	check_age(3 * 3600000, "3h");
	check_age(86399999, "23h");
	check_age(86400000, "1d");
	check_age(2 * 86400000 + 5, "2d");
	check_age(INT64_MAX, "999999d");

	char small[3];
	timefmt_format_age(42000, small, sizeof(small));
	assert_string_equal(small, "42");
}

static void test_clock(void **state)
{
	char buf[9];
	/* The clock is local time: pin the zone for the test. */
	assert_int_equal(setenv("TZ", "UTC0", 1), 0);
	tzset();
	timefmt_format_clock(0, buf, sizeof(buf));
	assert_string_equal(buf, "00:00:00");
	timefmt_format_clock(T0, buf, sizeof(buf));
	assert_string_equal(buf, "07:59:59");
	timefmt_format_clock(-1, buf, sizeof(buf));
	assert_string_equal(buf, "23:59:59");

	assert_int_equal(setenv("TZ", "CST-8", 1), 0); /* POSIX: 8 h east */
	tzset();
	timefmt_format_clock(T0, buf, sizeof(buf));
	assert_string_equal(buf, "15:59:59");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid_forms), cmocka_unit_test(test_offsets),
	    cmocka_unit_test(test_fractions),   cmocka_unit_test(test_invalid),
	    cmocka_unit_test(test_leap_years),  cmocka_unit_test(test_format),
	    cmocka_unit_test(test_round_trip),  cmocka_unit_test(test_ages),
	    cmocka_unit_test(test_clock),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* timefmt: RFC 3339 timestamps and short human ages (see timefmt.h).
 *
 * Epoch arithmetic is done by hand (days-from-civil) rather than with
 * timegm() or mktime(): it is not in C17 or POSIX, and mktime() depends on
 * the process time zone, which must not change what a feed's time means. */
#include "timefmt.h"

#include <stdio.h>
#include <time.h>

static const int64_t MS_PER_DAY = 86400000;

/* Floor division and its non-negative remainder, for times before 1970. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* For b > 0. Not a - floor_div(a, b) * b: that product overflows near INT64_MIN. */
static int64_t floor_mod(int64_t a, int64_t b)
{
	int64_t r = a % b;
	return r < 0 ? r + b : r;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * algorithm: years counted from March so the leap day is last). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400;                                   /* [0, 399] */
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return (m == 2 && is_leap(y)) ? 29 : days[m - 1];
}

/* Reads exactly n decimal digits at *p, advancing it. */
static bool read_digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return false;
		v = v * 10 + (c - '0');
	}
	*p += n;
	*out = v;
	return true;
}

static bool expect(const char **p, char c)
{
	if (**p != c)
		return false;
	(*p)++;
	return true;
}

/* Fraction after '.': one or more digits; the first three give ms. */
static bool read_fraction(const char **p, int *ms)
{
	int digits = 0, v = 0;
	*ms = 0;
	if (**p != '.')
		return true;
	(*p)++;
	while (**p >= '0' && **p <= '9') {
		if (digits < 3)
			v = v * 10 + (**p - '0');
		digits++;
		(*p)++;
	}
	for (int i = digits; i < 3; i++)
		v *= 10;
	*ms = v;
	return digits > 0;
}

/* "Z", "z" or "+hh:mm" / "-hh:mm", in seconds east of UTC. */
static bool read_offset(const char **p, int *off_s)
{
	int sign, oh, om;
	if (**p == 'Z' || **p == 'z') {
		(*p)++;
		*off_s = 0;
		return true;
	}
	if (**p != '+' && **p != '-')
		return false;
	sign = **p == '-' ? -1 : 1;
	(*p)++;
	if (!read_digits(p, 2, &oh) || !expect(p, ':') || !read_digits(p, 2, &om))
		return false;
	if (oh > 23 || om > 59)
		return false;
	*off_s = sign * (oh * 3600 + om * 60);
	return true;
}

bool timefmt_parse_rfc3339(const char *s, int64_t *out_ms)
{
	int y, mo, d, h, mi, sec, ms, off;
	const char *p = s;

	if (!s)
		return false;
	if (!read_digits(&p, 4, &y) || !expect(&p, '-') || !read_digits(&p, 2, &mo) ||
	    !expect(&p, '-') || !read_digits(&p, 2, &d))
		return false;
	if (*p != 'T' && *p != 't' && *p != ' ')
		return false;
	p++;
	if (!read_digits(&p, 2, &h) || !expect(&p, ':') || !read_digits(&p, 2, &mi) ||
	    !expect(&p, ':') || !read_digits(&p, 2, &sec))
		return false;
	if (!read_fraction(&p, &ms) || !read_offset(&p, &off) || *p != '\0')
		return false;
	/* Second 60 is a leap second (RFC 3339 5.7): accepted, and counted as
	 * the first second of the next minute, as POSIX time has no room for it. */
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 60)
		return false;
	int64_t secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - off;
	if (out_ms)
		*out_ms = secs * 1000 + ms;
	return true;
}

void timefmt_format_rfc3339(int64_t ms, char *buf, size_t size)
{
	int64_t days = floor_div(ms, MS_PER_DAY);
	int64_t rem = floor_mod(ms, MS_PER_DAY);
	int64_t y;
	int m, d;

	if (!buf || size == 0)
		return;
	civil_from_days(days, &y, &m, &d);
	snprintf(buf, size, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ", (long long)y, m, d,
	         (int)(rem / 3600000), (int)(rem / 60000 % 60), (int)(rem / 1000 % 60),
	         (int)(rem % 1000));
}

void timefmt_format_age(int64_t age_ms, char *buf, size_t size)
{
	/* Capped so the text always fits in 8 bytes ("999999d"). */
	static const int64_t max_days = 999999;
	int64_t s = age_ms > 0 ? age_ms / 1000 : 0;
	long long v;
	char unit;

	if (!buf || size == 0)
		return;
	if (s < 60) {
		v = s;
		unit = 's';
	} else if (s < 3600) {
		v = s / 60;
		unit = 'm';
	} else if (s < 86400) {
		v = s / 3600;
		unit = 'h';
	} else {
		v = s / 86400 > max_days ? max_days : s / 86400;
		unit = 'd';
	}
	snprintf(buf, size, "%lld%c", v, unit);
}

void timefmt_format_clock(int64_t ms, char *buf, size_t size)
{
	time_t t = (time_t)floor_div(ms, 1000);
	struct tm tm;

	if (!buf || size == 0)
		return;
	if (!localtime_r(&t, &tm)) {
		snprintf(buf, size, "--:--:--");
		return;
	}
	snprintf(buf, size, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
}

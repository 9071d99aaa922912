/* Unit tests of the mock's Prometheus text (metrics.c) and gzip helpers
 * (http_gzip.c): label escaping, one sample per reading with a value,
 * limits and ranges, counters, Accept-Encoding, and a gzip body that inflates back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "city.h"
#include "http_gzip.h"
#include "jbuf.h"
#include "metrics.h"

static char *label(const char *s)
{
	jbuf_t b;
	jbuf_init(&b, 16);
	metrics_label_value(&b, s);
	return jbuf_finish(&b, NULL);
}

static void expect_label(const char *in, const char *want)
{
	char *got = label(in);
	assert_string_equal(got, want);
	free(got);
}

static void test_label_escaping(void **state)
{
	(void)state;
	expect_label("", "\"\"");
	expect_label("MPa", "\"MPa\"");
	expect_label("a\\b", "\"a\\\\b\"");
	expect_label("say \"hi\"", "\"say \\\"hi\\\"\"");
	expect_label("two\nlines", "\"two\\nlines\"");
	expect_label("\\\"\n", "\"\\\\\\\"\\n\"");
	/* UTF-8 and other bytes travel as they are (the format is UTF-8). */
	expect_label("解放碑\t°C", "\"解放碑\t°C\"");
}

static size_t count_lines(const char *s, const char *prefix)
{
	size_t n = 0;
	for (const char *p = s; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (strncmp(p, prefix, strlen(prefix)) == 0)
			n++;
	return n;
}

static void test_readings(void **state)
{
	(void)state;
	city_t *c = city_create(7);
	const int64_t tick = 123;
	size_t len, with_value = 0;
	for (size_t i = 0; i < city_reading_count(c); i++) {
		double v;
		with_value += city_reading_value_at(c, i, tick, &v);
	}
	char *text = metrics_readings(c, tick, &len);
	assert_int_equal(strlen(text), len);
	assert_int_equal(count_lines(text, "# HELP citydash_reading "), 1);
	assert_int_equal(count_lines(text, "# TYPE citydash_reading gauge"), 1);
	assert_int_equal(count_lines(text, "citydash_reading{"), with_value);
	/* The first reading's sample carries all six labels. */
	const city_reading_t *r = city_reading(c, 0);
	char want[1024];
	snprintf(want, sizeof(want),
	         "citydash_reading{id=\"%s\",name=\"%s\",domain=\"%s\",district=\"%s\",street=\"%"
	         "s\",unit=\"%s\"} ",
	         r->id, r->name, city_domain_name(r->domain), r->district->name, r->street->name,
	         r->measure->unit);
	double v;
	if (city_reading_value_at(c, 0, tick, &v))
		assert_non_null(strstr(text, want));
	assert_true(len > 0 && text[len - 1] == '\n');
	free(text);
	city_destroy(c);
}

/* Limits and ranges: one sample per limit a reading has and two per range,
 * joinable by id, as the feeds send them. */
static void test_reading_bounds(void **state)
{
	(void)state;
	city_t *c = city_create(7);
	size_t len, limits = 0;
	for (size_t i = 0; i < city_reading_count(c); i++)
		limits += 2 * city_reading(c, i)->measure->has_lo + 2 * city_reading(c, i)->measure->has_hi;
	char *text = metrics_reading_bounds(c, &len);
	assert_int_equal(strlen(text), len);
	assert_int_equal(count_lines(text, "# TYPE citydash_reading_limit gauge"), 1);
	assert_int_equal(count_lines(text, "# TYPE citydash_reading_range gauge"), 1);
	assert_int_equal(count_lines(text, "citydash_reading_limit{"), limits);
	assert_int_equal(count_lines(text, "citydash_reading_range{"), 2 * city_reading_count(c));
	assert_true(limits > 0);
	/* The first reading with a hi limit: its hi and hihi, then its range. */
	for (size_t i = 0; i < city_reading_count(c); i++) {
		const city_reading_t *r = city_reading(c, i);
		if (!r->measure->has_hi)
			continue;
		char want[512];
		snprintf(want, sizeof(want), "\ncitydash_reading_limit{id=\"%s\",limit=\"hi\"} ",
		         r->id);
		assert_non_null(strstr(text, want));
		snprintf(want, sizeof(want), "\ncitydash_reading_range{id=\"%s\",bound=\"max\"} ",
		         r->id);
		assert_non_null(strstr(text, want));
		break;
	}
	assert_true(len > 0 && text[len - 1] == '\n');
	free(text);
	city_destroy(c);
}

static void test_requests(void **state)
{
	(void)state;
	metrics_count_t counts[] = {
	    {"/v1/feeds/water", 200, 5}, {"/v1/feeds/water", 304, 0}, {"other", 404, 2}};
	size_t len;
	char *text = metrics_requests(counts, 3, &len);
	assert_int_equal(count_lines(text, "# TYPE citydash_mock_requests_total counter"), 1);
	assert_non_null(strstr(
	    text, "\ncitydash_mock_requests_total{path=\"/v1/feeds/water\",code=\"200\"} 5\n"));
	assert_non_null(
	    strstr(text, "\ncitydash_mock_requests_total{path=\"other\",code=\"404\"} 2\n"));
	assert_null(strstr(text, "code=\"304\"")); /* zero counts are left out */
	free(text);
}

static void test_gzip_accepted(void **state)
{
	(void)state;
	assert_false(http_gzip_accepted(NULL));
	assert_false(http_gzip_accepted(""));
	assert_false(http_gzip_accepted("identity"));
	assert_false(http_gzip_accepted("br, deflate"));
	assert_true(http_gzip_accepted("gzip"));
	assert_true(http_gzip_accepted("GZIP"));
	assert_true(http_gzip_accepted("deflate, gzip"));
	assert_true(http_gzip_accepted("deflate, gzip, br, zstd"));
	assert_true(http_gzip_accepted("x-gzip"));
	assert_true(http_gzip_accepted("gzip;q=0.5"));
	assert_true(http_gzip_accepted("*"));
	assert_false(http_gzip_accepted("gzip;q=0"));
	assert_false(http_gzip_accepted("gzip; q=0.0, identity"));
	assert_false(http_gzip_accepted("*, gzip;q=0"));
	assert_false(http_gzip_accepted("*;q=0"));
	assert_false(http_gzip_accepted("gzipx"));
	assert_false(http_gzip_accepted("gzip;q=0, *")); /* the named coding's q wins */
	assert_true(http_gzip_accepted("*;q=0, gzip"));
}

static void test_gzip_roundtrip(void **state)
{
	(void)state;
	char in[4096];
	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (char)('a' + i % 7);
	size_t gz_len;
	char *gz = http_gzip_compress(in, sizeof(in), &gz_len);
	assert_non_null(gz);
	assert_true(gz_len > 18 && gz_len < sizeof(in));
	assert_int_equal((unsigned char)gz[0], 0x1f); /* gzip magic */
	assert_int_equal((unsigned char)gz[1], 0x8b);
	char out[8192];
	z_stream z;
	memset(&z, 0, sizeof(z));
	assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = (Bytef *)gz;
	z.avail_in = (uInt)gz_len;
	z.next_out = (Bytef *)out;
	z.avail_out = sizeof(out);
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
	assert_int_equal(z.total_out, sizeof(in));
	assert_memory_equal(out, in, sizeof(in));
	inflateEnd(&z);
	free(gz);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_label_escaping), cmocka_unit_test(test_readings),
	    cmocka_unit_test(test_reading_bounds),
	    cmocka_unit_test(test_requests),       cmocka_unit_test(test_gzip_accepted),
	    cmocka_unit_test(test_gzip_roundtrip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

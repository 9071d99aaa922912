/* Unit tests for feeds/protocol_v1.c: every rule of feed-protocol.md "What a
 * client does with bad input", checked on the parser's own output. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "protocol.h"
#include "text.h"
#include "timefmt.h"
#include "fixture.h"
#include "xalloc.h"

#define NOW    1764057600000 /* 2025-11-25T08:00:00Z, arbitrary */
#define MAXCAP 64

/* Deep copies of what the sink received. */
typedef struct cap_reading {
	reading_in_t in;
	char *id, *name, *domain, *district, *street, *unit;
} cap_reading_t;

typedef struct capture {
	cap_reading_t r[MAXCAP];
	size_t nr;
	kpi_in_t k[MAXCAP];
	double khist[MAXCAP][STORE_KPI_HISTORY];
	char *kname[MAXCAP];
	size_t nk;
	event_in_t e[MAXCAP];
	size_t edeps[MAXCAP];
	char *edep0[MAXCAP];
	size_t ne;
} capture_t;

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void cap_reading(void *ctx, const reading_in_t *in)
{
	capture_t *c = ctx;
	assert_true(c->nr < MAXCAP);
	cap_reading_t *r = &c->r[c->nr++];
	r->in = *in;
	r->id = xstrdup(in->id);
	r->name = dup_or_null(in->name);
	r->domain = dup_or_null(in->domain);
	r->district = dup_or_null(in->district);
	r->street = dup_or_null(in->street);
	r->unit = dup_or_null(in->unit);
}

static void cap_kpi(void *ctx, const kpi_in_t *in)
{
	capture_t *c = ctx;
	assert_true(c->nk < MAXCAP);
	assert_true(in->history_len <= STORE_KPI_HISTORY);
	c->k[c->nk] = *in;
	memcpy(c->khist[c->nk], in->history, in->history_len * sizeof(double));
	c->kname[c->nk] = dup_or_null(in->name);
	c->nk++;
}

static void cap_event(void *ctx, const event_in_t *in)
{
	capture_t *c = ctx;
	assert_true(c->ne < MAXCAP);
	c->e[c->ne] = *in;
	c->edeps[c->ne] = in->department_count;
	c->edep0[c->ne] = in->department_count ? xstrdup(in->departments[0].name) : NULL;
	c->ne++;
}

static void cap_free(capture_t *c)
{
	for (size_t i = 0; i < c->nr; i++) {
		free(c->r[i].id);
		free(c->r[i].name);
		free(c->r[i].domain);
		free(c->r[i].district);
		free(c->r[i].street);
		free(c->r[i].unit);
	}
	for (size_t i = 0; i < c->nk; i++)
		free(c->kname[i]);
	for (size_t i = 0; i < c->ne; i++)
		free(c->edep0[i]);
	free(c);
}

/* Parses a string; the copy without terminator lets ASan catch an overread. */
static int parse(const char *doc, capture_t **out, feed_stats_t *st, char **cause)
{
	capture_t *c = xcalloc(1, sizeof *c);
	feed_sink_t sink = {c, cap_reading, cap_kpi, cap_event, 0, NULL, NULL};
	size_t len = strlen(doc);
	char *buf = xmalloc(len ? len : 1);
	memcpy(buf, doc, len);
	*cause = NULL;
	int rc = protocol_v1_parse(buf, len, NOW, &sink, st, cause);
	free(buf);
	*out = c;
	return rc;
}

static void expect_reject(const char *doc, const char *needle)
{
	capture_t *c;
	feed_stats_t st;
	char *cause;
	assert_int_equal(parse(doc, &c, &st, &cause), -1);
	assert_non_null(cause);
	if (!strstr(cause, needle))
		fail_msg("cause \"%s\" lacks \"%s\" for %s", cause, needle, doc);
	assert_int_equal(c->nr + c->nk + c->ne, 0);
	free(cause);
	cap_free(c);
}

static void test_valid_fixture(void **state)
{
	size_t len;
	char *doc = read_fixture("feeds_v1_valid.json", &len);
	capture_t *c = xcalloc(1, sizeof *c);
	feed_sink_t sink = {c, cap_reading, cap_kpi, cap_event, 0, NULL, NULL};
	feed_stats_t st;
	char *cause = NULL;
	assert_int_equal(protocol_v1_parse(doc, len, NOW, &sink, &st, &cause), 0);
	assert_null(cause);
	assert_int_equal(st.readings, 3);
	assert_int_equal(st.kpis, 1);
	assert_int_equal(st.events, 1);
	assert_int_equal(st.skipped, 0);
	assert_true(st.had_readings && st.had_kpis && st.had_events);
	assert_string_equal(st.first_skip_reason, "");

	const reading_in_t *r = &c->r[0].in;
	assert_string_equal(c->r[0].name, "观音桥7号泵站出口压力");
	assert_string_equal(c->r[0].district, "江北区");
	assert_string_equal(c->r[0].street, "观音桥街道");
	assert_string_equal(c->r[0].unit, "MPa");
	assert_string_equal(c->r[0].domain, "water");
	assert_true(r->has_value && r->value == 0.42);
	int64_t ts, gen;
	assert_true(timefmt_parse_rfc3339("2026-11-25T07:59:59.500Z", &ts));
	assert_true(timefmt_parse_rfc3339("2026-11-25T08:00:00.000Z", &gen));
	assert_true(r->has_ts);
	assert_int_equal(r->ts_ms, ts);
	assert_true(r->has_range && r->range_min == 0.0 && r->range_max == 1.0);
	assert_int_equal(r->limits.mask, LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI);
	assert_true(r->limits.lo == 0.20 && r->limits.hihi == 0.90);
	assert_true(r->deadband == 0.01);
	assert_int_equal(r->quality, QUALITY_GOOD);

	/* No ts: generated_at. No district: NULL. */
	assert_int_equal(c->r[1].in.ts_ms, gen);
	assert_null(c->r[1].district);
	assert_int_equal(c->r[1].in.limits.mask, LIMIT_HI | LIMIT_HIHI);
	assert_int_equal(c->r[1].in.quality, QUALITY_UNCERTAIN);
	/* null value: no value, and no name (the store shows the id). */
	assert_false(c->r[2].in.has_value);
	assert_null(c->r[2].name);

	assert_string_equal(c->kname[0], "高峰拥堵指数");
	assert_true(c->k[0].better_lower && c->k[0].has_target && c->k[0].target == 1.80);
	assert_int_equal(c->k[0].history_len, 5);
	assert_true(c->khist[0][0] == 1.75 && c->khist[0][4] == 1.62);
	assert_true(c->k[0].has_weight && c->k[0].weight == 1.0);

	assert_int_equal(c->e[0].severity, SEVERITY_CRITICAL);
	assert_int_equal(c->e[0].level, TIER_DISTRICT);
	assert_int_equal(c->e[0].stage, STAGE_HANDLING);
	assert_int_equal(c->edeps[0], 2);
	assert_string_equal(c->edep0[0], "城管");
	assert_int_equal(c->e[0].steps_done, 5);
	assert_int_equal(c->e[0].steps_total, 14);
	assert_true(c->e[0].opened_ms > 0 && c->e[0].updated_ms > c->e[0].opened_ms);
	free(doc);
	cap_free(c);
}

static void test_reject_not_json(void **state)
{
	expect_reject("", "not JSON");
	expect_reject("{", "not JSON");
	expect_reject("garbage", "not JSON");
	expect_reject("{\"version\":1} trailing", "not JSON");
	expect_reject("{\"version\":1,\"readings\":[{\"id\":\"a\",\"value\":NaN}]}", "not JSON");
}

static void test_reject_not_object(void **state)
{
	expect_reject("[{\"version\":1}]", "not a JSON object");
	expect_reject("42", "not a JSON object");
	expect_reject("\"text\"", "not a JSON object");
}

static void test_reject_version(void **state)
{
	expect_reject("{\"readings\":[{\"id\":\"a\",\"value\":1}]}", "version missing");
	expect_reject("{\"version\":null}", "version missing");
	expect_reject("{\"version\":\"1\"}", "not an integer");
	expect_reject("{\"version\":1.5}", "not an integer");
	expect_reject("{\"version\":2,\"readings\":[]}",
	              "unsupported protocol version 2 (this client speaks 1)");
	expect_reject("{\"version\":0}", "unsupported protocol version 0");
}

static void test_bad_elements_fixture(void **state)
{
	size_t len;
	char *doc = read_fixture("feeds_v1_bad_elements.json", &len);
	capture_t *c = xcalloc(1, sizeof *c);
	feed_sink_t sink = {c, cap_reading, cap_kpi, cap_event, 0, NULL, NULL};
	feed_stats_t st;
	char *cause = NULL;
	assert_int_equal(protocol_v1_parse(doc, len, NOW, &sink, &st, &cause), 0);
	/* no id, malformed id, id > 128, value string, 1e999, -1e999, name
	 * number, place string, id number, element not an object */
	assert_int_equal(st.skipped, 10);
	assert_int_equal(st.readings, 5);
	assert_int_equal(st.limits_ignored, 1);
	assert_int_equal(c->nr, 5);
	const char *ids[] = {"ok.first", "ok.null", "ok.limits_swapped", "ok.first", "ok.last"};
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(c->r[i].id, ids[i]);
	assert_false(c->r[1].in.has_value);
	assert_int_equal(c->r[2].in.limits.mask, 0);
	assert_true(c->r[2].in.has_value && c->r[2].in.value == 5);
	assert_non_null(strstr(st.first_skip_reason, "#1"));
	assert_non_null(strstr(st.first_skip_reason, "no id"));
	free(doc);
	cap_free(c);
}

/* Each bad element alone, next to a good one that must survive. */
static void test_each_bad_element(void **state)
{
	static const struct {
		const char *elem, *reason;
	} cases[] = {
	    {"{\"value\":1}", "no id"},
	    {"{\"id\":\"\",\"value\":1}", "malformed id"},
	    {"{\"id\":\"a b\",\"value\":1}", "malformed id"},
	    {"{\"id\":\"a\\u001b\",\"value\":1}", "malformed id"},
	    {"{\"id\":[\"x\"],\"value\":1}", "not a string"},
	    {"{\"id\":\"x\",\"value\":\"42\"}", "neither a number nor null"},
	    {"{\"id\":\"x\",\"value\":true}", "neither a number nor null"},
	    {"{\"id\":\"x\",\"value\":1e999}", "not a finite number"},
	    {"{\"id\":\"x\",\"value\":1,\"name\":{}}", "\"name\" is not a string"},
	    {"{\"id\":\"x\",\"value\":1,\"unit\":3}", "\"unit\" is not a string"},
	    {"{\"id\":\"x\",\"value\":1,\"place\":[]}", "\"place\" is not an object"},
	    {"{\"id\":\"x\",\"value\":1,\"place\":{\"district\":1}}", "\"district\" is not a"},
	    {"{\"id\":\"x\",\"value\":1,\"limits\":{\"hi\":\"9\"}}", "\"hi\" is not a number"},
	    {"{\"id\":\"x\",\"value\":1,\"limits\":{\"hi\":-1e999}}", "not a finite"},
	    {"{\"id\":\"x\",\"value\":1,\"range\":[0]}", "\"range\""},
	    {"{\"id\":\"x\",\"value\":1,\"range\":[0,1e999]}", "\"range\""},
	    {"{\"id\":\"x\",\"value\":1,\"quality\":5}", "\"quality\""},
	    {"{\"id\":\"x\",\"value\":1,\"ts\":17}", "\"ts\""},
	    {"{\"id\":\"x\",\"value\":1,\"deadband\":\"0\"}", "\"deadband\""},
	};
	char id128[129];
	memset(id128, 'a', 128);
	id128[128] = '\0';
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char doc[512];
		snprintf(doc, sizeof doc,
		         "{\"version\":1,\"readings\":[%s,{\"id\":\"%s\",\"value\":7}]}",
		         cases[i].elem, id128);
		capture_t *c;
		feed_stats_t st;
		char *cause;
		assert_int_equal(parse(doc, &c, &st, &cause), 0);
		if (st.skipped != 1 || c->nr != 1 || !strstr(st.first_skip_reason, cases[i].reason))
			fail_msg("case %zu (%s): skipped %u, kept %zu, reason \"%s\"", i,
			         cases[i].elem, st.skipped, c->nr, st.first_skip_reason);
		assert_string_equal(c->r[0].id, id128); /* 128 bytes is still fine */
		assert_true(text_is_clean(st.first_skip_reason));
		cap_free(c);
	}
}

static void test_sanitized_strings(void **state)
{
	const char *doc = "{\"version\":1,\"readings\":[{\"id\":\"s\",\"value\":1,"
	                  "\"name\":\"Pump\\u001b[2J\\u001b]0;owned\\u0007 7\\u009b31m\","
	                  "\"unit\":\"M\\u0000Pa\",\"place\":{\"district\":\"a\\u007fb\\tc\"}},"
	                  "{\"id\":\"t\",\"value\":2,\"name\":\"\xff\xfe ok \xc3\"}]}";
	capture_t *c;
	feed_stats_t st;
	char *cause;
	assert_int_equal(parse(doc, &c, &st, &cause), 0);
	assert_int_equal(c->nr, 2);
	assert_string_equal(c->r[0].name, "Pump 7");
	assert_string_equal(c->r[0].district, "ab c");
	assert_true(text_is_clean(c->r[0].unit));
	assert_true(text_is_clean(c->r[1].name));
	assert_non_null(strstr(c->r[1].name, " ok "));
	assert_null(strchr(c->r[1].name, '\xff'));
	cap_free(c);
}

static void test_limits_range_deadband_quality(void **state)
{
	const char *doc = "{\"version\":1,\"readings\":["
	                  "{\"id\":\"a\",\"value\":1,\"limits\":{\"lolo\":5,\"hihi\":1}},"
	                  "{\"id\":\"b\",\"value\":1,\"limits\":{\"lo\":1,\"hi\":1}},"
	                  "{\"id\":\"c\",\"value\":1,\"range\":[5,1],\"deadband\":-2,"
	                  "\"quality\":\"weird\"},"
	                  "{\"id\":\"d\",\"value\":1,\"quality\":\"bad\",\"deadband\":0.5}]}";
	capture_t *c;
	feed_stats_t st;
	char *cause;
	assert_int_equal(parse(doc, &c, &st, &cause), 0);
	assert_int_equal(c->nr, 4);
	assert_int_equal(st.skipped, 0);
	assert_int_equal(st.limits_ignored, 1);
	assert_int_equal(c->r[0].in.limits.mask, 0);
	assert_int_equal(c->r[1].in.limits.mask, LIMIT_LO | LIMIT_HI); /* equal is ordered */
	assert_false(c->r[2].in.has_range);
	assert_true(c->r[2].in.deadband == 0);
	assert_int_equal(c->r[2].in.quality, QUALITY_UNCERTAIN);
	assert_int_equal(c->r[3].in.quality, QUALITY_BAD);
	assert_true(c->r[3].in.deadband == 0.5);
	cap_free(c);
}

static void test_ts_fallback(void **state)
{
	capture_t *c;
	feed_stats_t st;
	char *cause;
	assert_int_equal(parse("{\"version\":1,\"readings\":[{\"id\":\"a\",\"value\":1},"
	                       "{\"id\":\"b\",\"value\":1,\"ts\":\"yesterday\"}]}",
	                       &c, &st, &cause),
	                 0);
	assert_int_equal(c->r[0].in.ts_ms, NOW);
	assert_int_equal(c->r[1].in.ts_ms, NOW);
	cap_free(c);
	assert_int_equal(parse("{\"version\":1,\"generated_at\":\"2026-01-01T00:00:00Z\","
	                       "\"readings\":[{\"id\":\"a\",\"value\":1}]}",
	                       &c, &st, &cause),
	                 0);
	int64_t gen;
	assert_true(timefmt_parse_rfc3339("2026-01-01T00:00:00Z", &gen));
	assert_int_equal(c->r[0].in.ts_ms, gen);
	cap_free(c);
}

static void test_arrays_of_wrong_type(void **state)
{
	capture_t *c;
	feed_stats_t st;
	char *cause;
	assert_int_equal(parse("{\"version\":1,\"readings\":{\"id\":\"a\"},\"kpis\":\"x\","
	                       "\"events\":[{\"id\":\"E1\"}]}",
	                       &c, &st, &cause),
	                 0);
	assert_int_equal(st.skipped, 2);
	assert_false(st.had_readings);
	assert_false(st.had_kpis);
	assert_true(st.had_events);
	assert_int_equal(c->ne, 1);
	assert_non_null(strstr(st.first_skip_reason, "\"readings\" is not an array"));
	cap_free(c);
}

static void test_kpi_history(void **state)
{
	char doc[2048];
	int n = snprintf(doc, sizeof doc, "{\"version\":1,\"kpis\":[{\"id\":\"k\",\"history\":[");
	for (int i = 0; i < 40; i++)
		n += snprintf(doc + n, sizeof doc - (size_t)n, "%s%d%s", i ? "," : "", i,
		              i == 20 ? ",null" : "");
	snprintf(doc + n, sizeof doc - (size_t)n,
	         "]},{\"id\":\"k2\",\"history\":[1,\"2\"]},{\"id\":\"k3\",\"value\":null,"
	         "\"better\":\"sideways\"}]}");
	capture_t *c;
	feed_stats_t st;
	char *cause;
	assert_int_equal(parse(doc, &c, &st, &cause), 0);
	assert_int_equal(c->nk, 2);
	assert_int_equal(st.skipped, 1);
	assert_int_equal(c->k[0].history_len, STORE_KPI_HISTORY);
	for (size_t i = 0; i < STORE_KPI_HISTORY; i++)
		assert_true(c->khist[0][i] == (double)(40 - STORE_KPI_HISTORY + i));
	assert_false(c->k[1].has_value);
	assert_false(c->k[1].better_lower);
	assert_null(c->kname[1]);
	cap_free(c);
}

static void test_event_defaults_and_caps(void **state)
{
	char doc[4096];
	int n = snprintf(doc, sizeof doc,
	                 "{\"version\":1,\"events\":[{\"id\":\"E1\",\"severity\":\"apocalyptic\","
	                 "\"departments\":[");
	for (int i = 0; i < 20; i++)
		n += snprintf(doc + n, sizeof doc - (size_t)n,
		              "%s{\"name\":\"d%d\",\"state\":\"x\"}", i ? "," : "", i);
	snprintf(doc + n, sizeof doc - (size_t)n,
	         "]},{\"id\":\"E2\"},{\"id\":\"E3\",\"departments\":[1]},"
	         "{\"id\":\"E4\",\"steps\":{\"done\":-3,\"total\":\"x\"}}]}");
	capture_t *c;
	feed_stats_t st;
	char *cause;
	assert_int_equal(parse(doc, &c, &st, &cause), 0);
	assert_int_equal(c->ne, 2);
	assert_int_equal(st.skipped, 2);
	assert_int_equal(c->e[0].severity, SEVERITY_MAJOR);
	assert_int_equal(c->edeps[0], STORE_DEPARTMENTS);
	assert_string_equal(c->edep0[0], "d0");
	assert_int_equal(c->e[1].severity, SEVERITY_INFO);
	assert_int_equal(c->e[1].stage, STAGE_SENSED);
	assert_int_equal(c->e[1].steps_done, -1);
	assert_int_equal(c->e[1].opened_ms, 0);
	cap_free(c);
}

static void test_long_string_and_nesting(void **state)
{
	size_t big = 10000;
	char *doc = xmalloc(big * 2 + 128);
	int n = snprintf(doc, 128,
	                 "{\"version\":1,\"readings\":[{\"id\":\"a\",\"value\":1,\"name\":\"");
	for (size_t i = 0; i < big; i++) {
		doc[n++] = '\xc3';
		doc[n++] = '\xa9'; /* é */
	}
	strcpy(doc + n, "\"}]}");
	capture_t *c;
	feed_stats_t st;
	char *cause;
	assert_int_equal(parse(doc, &c, &st, &cause), 0);
	assert_int_equal(c->nr, 1);
	assert_true(strlen(c->r[0].name) <= 4096 && strlen(c->r[0].name) >= 4000);
	assert_true(strlen(c->r[0].name) % 2 == 0); /* cut between characters */
	assert_null(strstr(c->r[0].name, "\xef\xbf\xbd"));
	cap_free(c);
	free(doc);

	/* Deeper than cJSON's nesting limit: rejected, not a stack overflow. */
	size_t depth = 100000;
	doc = xmalloc(depth + 64);
	n = snprintf(doc, 64, "{\"version\":1,\"x\":");
	memset(doc + n, '[', depth);
	doc[n + (int)depth] = '\0';
	expect_reject(doc, "not JSON");
	free(doc);
}

/* Item 10 of issue 5: sanitizing turns each invalid byte into U+FFFD (3
 * bytes), so strings are cut to 4096 bytes after sanitizing too; a run of
 * stray continuation bytes is not emptied by the cut. */
static void test_string_cap_after_sanitizing(void **state)
{
	const unsigned char fill[] = {0xff, 0x80};
	for (size_t f = 0; f < 2; f++) {
		size_t big = 4096;
		char *doc = xmalloc(big + 128);
		int n = snprintf(
		    doc, 128, "{\"version\":1,\"readings\":[{\"id\":\"a\",\"value\":1,\"name\":\"");
		memset(doc + n, fill[f], big);
		strcpy(doc + n + big, "\"}]}");
		capture_t *c;
		feed_stats_t st;
		char *cause;
		assert_int_equal(parse(doc, &c, &st, &cause), 0);
		assert_int_equal(c->nr, 1);
		size_t len = strlen(c->r[0].name);
		assert_true(len <= 4096 && len >= 4093);
		assert_true(len % 3 == 0); /* whole U+FFFD characters */
		assert_true(text_is_clean(c->r[0].name));
		cap_free(c);
		free(doc);
	}
}

/* Item 1 of issue 5: the parser tells the store how far the time the
 * producer vouches for (generated_at, else ts) lags behind the time of
 * receipt, and whether there was such a time at all. */
static void test_lag_reported(void **state)
{
	capture_t *c;
	feed_stats_t st;
	char *cause;
	/* NOW is 2025-11-25T08:00:00Z. */
	assert_int_equal(parse("{\"version\":1,\"readings\":[{\"id\":\"a\",\"value\":1},"
	                       "{\"id\":\"b\",\"value\":1,\"ts\":\"2025-11-25T07:00:00Z\"},"
	                       "{\"id\":\"c\",\"value\":1,\"ts\":\"2025-11-25T09:00:00Z\"}]}",
	                       &c, &st, &cause),
	                 0);
	assert_false(st.has_generated);
	assert_false(c->r[0].in.dated);
	assert_true(c->r[1].in.dated);
	assert_int_equal(c->r[1].in.lag_ms, 3600000);
	assert_int_equal(c->r[1].in.age_at_receipt_ms, 0);
	assert_int_equal(c->r[2].in.lag_ms, -3600000);
	cap_free(c);
	assert_int_equal(parse("{\"version\":1,\"generated_at\":\"2025-11-25T07:00:00Z\","
	                       "\"readings\":[{\"id\":\"a\",\"value\":1},"
	                       "{\"id\":\"b\",\"value\":1,\"ts\":\"2025-11-25T06:59:00Z\"}]}",
	                       &c, &st, &cause),
	                 0);
	assert_true(st.has_generated);
	assert_int_equal(st.generated_ms, NOW - 3600000);
	assert_true(c->r[0].in.dated && c->r[1].in.dated);
	assert_int_equal(c->r[0].in.lag_ms, 3600000);
	assert_int_equal(c->r[1].in.lag_ms, 3600000); /* the document's lag */
	assert_int_equal(c->r[1].in.age_at_receipt_ms, 60000);
	cap_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid_fixture),
	    cmocka_unit_test(test_reject_not_json),
	    cmocka_unit_test(test_reject_not_object),
	    cmocka_unit_test(test_reject_version),
	    cmocka_unit_test(test_bad_elements_fixture),
	    cmocka_unit_test(test_each_bad_element),
	    cmocka_unit_test(test_sanitized_strings),
	    cmocka_unit_test(test_limits_range_deadband_quality),
	    cmocka_unit_test(test_ts_fallback),
	    cmocka_unit_test(test_arrays_of_wrong_type),
	    cmocka_unit_test(test_kpi_history),
	    cmocka_unit_test(test_event_defaults_and_caps),
	    cmocka_unit_test(test_long_string_and_nesting),
	    cmocka_unit_test(test_string_cap_after_sanitizing),
	    cmocka_unit_test(test_lag_reported),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

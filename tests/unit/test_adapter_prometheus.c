/* Unit tests of the prometheus adapter's parse, on answers in the shapes of
 * the Prometheus HTTP API documentation (tests/data/prometheus): the
 * mapping of labels and fixed values, limits and range joined from other
 * queries, history from query_range, values as Prometheus writes them (NaN,
 * +Inf, -Inf), error and warning envelopes, empty results, strange labels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapter.h"
#include "fixture.h"
#include "text.h"

#define MAX_READINGS 16
#define NOW_MS       1764200003000

typedef struct got {
	char *id, *name, *domain, *district, *street, *unit;
	reading_in_t in;
	history_sample_t hist[8];
} got_t;

typedef struct sink_state {
	got_t r[MAX_READINGS];
	size_t n;
	int headers;
} sink_state_t;

static char *dup_or_null(const char *s)
{
	if (s)
		assert_true(text_is_clean(s));
	return s ? strdup(s) : NULL;
}

static void on_reading(void *ctx, const reading_in_t *in)
{
	sink_state_t *s = ctx;
	assert_true(s->n < MAX_READINGS);
	got_t *g = &s->r[s->n++];
	g->in = *in;
	g->id = dup_or_null(in->id);
	g->name = dup_or_null(in->name);
	g->domain = dup_or_null(in->domain);
	g->district = dup_or_null(in->district);
	g->street = dup_or_null(in->street);
	g->unit = dup_or_null(in->unit);
	if (in->has_value)
		assert_true(isfinite(in->value));
	assert_true(in->backfill_len <= 8);
	if (in->backfill_len)
		memcpy(g->hist, in->backfill, in->backfill_len * sizeof *in->backfill);
	g->in.backfill = NULL;
}

static void on_header(void *ctx, const feed_stats_t *st)
{
	(void)st;
	((sink_state_t *)ctx)->headers++;
}

static void state_free(sink_state_t *s)
{
	for (size_t i = 0; i < s->n; i++) {
		got_t *g = &s->r[i];
		free(g->id), free(g->name), free(g->domain), free(g->district), free(g->street),
		    free(g->unit);
	}
	memset(s, 0, sizeof *s);
}

static const got_t *find(const sink_state_t *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->r[i].id, id) == 0)
			return &s->r[i];
	return NULL;
}

static const adapter_t *prom(void)
{
	return adapter_find("prometheus");
}

static void *opts(const char *json)
{
	cJSON *obj = cJSON_Parse(json);
	assert_non_null(obj);
	void *o = NULL;
	cfg_error_t e = {0};
	if (prom()->options_parse(obj, &o, &e) != 0)
		fail_msg("%s: %s", e.pointer, e.message);
	cJSON_Delete(obj);
	return o;
}

/* The attempt's requests, each answered with the fixture named for it (NULL:
 * the same as the first). */
typedef struct attempt {
	char *data[16];
	adapter_body_t bodies[16];
	size_t n;
} attempt_t;

static void answer(void *o, bool first, const char *const *fixtures, attempt_t *a)
{
	adapter_attempt_t at = {.base_url = "http://prom", .first = first, .now_ms = NOW_MS,
	                        .bodies = a->bodies};
	memset(a, 0, sizeof *a);
	for (;;) {
		adapter_request_t req = {0};
		char *cause = NULL;
		int rc = prom()->next_request(o, &at, &req, &cause);
		assert_int_not_equal(rc, -1);
		if (rc == 0)
			break;
		assert_non_null(fixtures[a->n]);
		char path[128];
		snprintf(path, sizeof path, "prometheus/%s", fixtures[a->n]);
		size_t len;
		a->data[a->n] = read_fixture(path, &len);
		a->bodies[a->n] = (adapter_body_t){a->data[a->n], len, req.step};
		free(req.url);
		at.done = ++a->n;
	}
	assert_null(fixtures[a->n]); /* every fixture was asked for */
}

static void attempt_free(attempt_t *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->data[i]);
}

static int run(void *o, bool first, const char *const *fixtures, sink_state_t *s,
               feed_stats_t *st, char **cause)
{
	attempt_t a;
	answer(o, first, fixtures, &a);
	feed_sink_t sink = {.ctx = s, .reading = on_reading, .header = on_header};
	*cause = NULL;
	int rc = prom()->parse(o, a.bodies, a.n, NOW_MS, &sink, st, cause);
	attempt_free(&a);
	return rc;
}

#define MOCK_LABELS                                                                                \
	"\"labels\": {\"id\": \"id\", \"name\": \"name\", \"domain\": \"domain\", \"district\": "      \
	"\"district\", \"street\": \"street\", \"unit\": \"unit\"}"

static void test_vector_mapping(void **state)
{
	(void)state;
	void *o = opts("{\"queries\": [{\"query\": \"citydash_reading\", " MOCK_LABELS
	               ", \"fixed\": {\"unit\": \"m3/h\", \"district\": \"城区\"}}]}");
	sink_state_t s = {0};
	feed_stats_t st;
	char *cause;
	const char *const fx[] = {"vector.json", NULL};
	assert_int_equal(run(o, false, fx, &s, &st, &cause), 0);
	assert_int_equal(st.readings, 3);
	assert_int_equal(st.skipped, 0);
	assert_true(st.had_readings);
	assert_int_equal(s.headers, 1);
	assert_string_equal(st.warning, "");
	const got_t *g = find(&s, "power.yuzhong.jiefangbei.sub01.load");
	assert_non_null(g);
	assert_string_equal(g->name, "解放碑1号变电站负荷");
	assert_string_equal(g->domain, "power");
	assert_string_equal(g->district, "渝中区");
	assert_string_equal(g->street, "解放碑街道");
	assert_string_equal(g->unit, "MW"); /* the label first, then the fixed value */
	assert_true(g->in.has_value);
	assert_true(g->in.value == 42.5);
	assert_true(g->in.has_ts && g->in.dated);
	assert_int_equal(g->in.ts_ms, 1764200000000);
	assert_int_equal(g->in.lag_ms, 3000);
	assert_int_equal(g->in.quality, QUALITY_GOOD);
	assert_int_equal(g->in.limits.mask, 0);
	assert_false(g->in.has_range);
	assert_int_equal(g->in.backfill_len, 0);
	/* No name label: no name (the store shows the id); no unit label: the
	 * fixed one. */
	g = find(&s, "gas.nanan.nanping.reg03.flow");
	assert_non_null(g);
	assert_null(g->name);
	assert_string_equal(g->unit, "m3/h");
	assert_string_equal(g->district, "城区");
	assert_null(g->street);
	assert_true(g->in.value == 1500);
	assert_int_equal(g->in.ts_ms, 1764200000250);
	state_free(&s);
	prom()->options_free(o);
}

static void test_joins(void **state)
{
	(void)state;
	void *o = opts("{\"queries\": [{\"query\": \"citydash_reading\", " MOCK_LABELS
	               ", \"limits\": {\"lo\": 0.1, \"hi\": \"L{limit=\\\"hi\\\"}\", "
	               "\"hihi\": \"L{limit=\\\"hihi\\\"}\"},"
	               " \"range\": {\"min\": \"R{bound=\\\"min\\\"}\", \"max\": "
	               "\"R{bound=\\\"max\\\"}\"}}]}");
	sink_state_t s = {0};
	feed_stats_t st;
	char *cause;
	const char *const fx[] = {"vector.json",    "limit_hi.json",  "limit_hihi.json",
	                          "range_min.json", "range_max.json", NULL};
	assert_int_equal(run(o, false, fx, &s, &st, &cause), 0);
	assert_int_equal(st.readings, 3);
	/* Joined by id: hi 40 and hihi 50 from the queries, lo fixed. */
	const got_t *g = find(&s, "power.yuzhong.jiefangbei.sub01.load");
	assert_int_equal(g->in.limits.mask, 0x2 | 0x4 | 0x8);
	assert_true(g->in.limits.lo == 0.1 && g->in.limits.hi == 40 && g->in.limits.hihi == 50);
	assert_true(g->in.has_range && g->in.range_min == 0 && g->in.range_max == 60);
	/* hi 0.6 above hihi 0.5: out of order, dropped and counted as in v1;
	 * a max of -Inf is no max: no range. */
	g = find(&s, "water.jiangbei.guanyinqiao.pump07.outlet_pressure");
	assert_int_equal(g->in.limits.mask, 0);
	assert_true(g->in.limits_invalid);
	assert_int_equal(st.limits_ignored, 1);
	assert_string_equal(st.first_bad_limits,
	                    "water.jiangbei.guanyinqiao.pump07.outlet_pressure");
	assert_false(g->in.has_range);
	/* No hi series, a NaN hihi: only the fixed lo. */
	g = find(&s, "gas.nanan.nanping.reg03.flow");
	assert_int_equal(g->in.limits.mask, 0x2);
	assert_false(g->in.has_range);
	state_free(&s);
	prom()->options_free(o);

	/* A scalar answer to a limit query is every reading's limit. */
	o = opts("{\"queries\": [{\"query\": \"citydash_reading\", " MOCK_LABELS
	         ", \"limits\": {\"hihi\": \"scalar(max(x))\"}}]}");
	const char *const fx2[] = {"vector.json", "scalar.json", NULL};
	assert_int_equal(run(o, false, fx2, &s, &st, &cause), 0);
	for (size_t i = 0; i < s.n; i++) {
		assert_int_equal(s.r[i].in.limits.mask, 0x8);
		assert_true(s.r[i].in.limits.hihi == 4476);
	}
	state_free(&s);
	prom()->options_free(o);
}

static void test_backfill(void **state)
{
	(void)state;
	void *o = opts("{\"history_s\": 30, \"queries\": [{\"query\": \"citydash_reading\", "
	               "\"labels\": {\"id\": \"id\"}}]}");
	sink_state_t s = {0};
	feed_stats_t st;
	char *cause;
	const char *const fx[] = {"vector.json", "matrix.json", NULL};
	assert_int_equal(run(o, true, fx, &s, &st, &cause), 0);
	assert_int_equal(st.readings, 3);
	const got_t *g = find(&s, "power.yuzhong.jiefangbei.sub01.load");
	assert_int_equal(g->in.backfill_len, 3);
	assert_int_equal(g->hist[0].ts_ms, 1764199980000);
	assert_true(g->hist[0].value == 41);
	assert_true(isnan(g->hist[1].value)); /* NaN: a gap */
	assert_true(g->hist[2].value == 42.5);
	g = find(&s, "gas.nanan.nanping.reg03.flow");
	assert_int_equal(g->in.backfill_len, 2);
	assert_true(g->hist[0].value == 1400);
	assert_true(isnan(g->hist[1].value)); /* +Inf: a gap, never a value */
	g = find(&s, "water.jiangbei.guanyinqiao.pump07.outlet_pressure");
	assert_int_equal(g->in.backfill_len, 0); /* not in the range answer */
	state_free(&s);
	/* A query_range answer that is an error: the readings without history,
	 * and the warning says why. */
	const char *const fx3[] = {"vector.json", "error.json", NULL};
	assert_int_equal(run(o, true, fx3, &s, &st, &cause), 0);
	assert_int_equal(st.readings, 3);
	for (size_t i = 0; i < s.n; i++)
		assert_int_equal(s.r[i].in.backfill_len, 0);
	assert_string_equal(st.warning, "no history: query 1: bad_data: invalid parameter "
	                                "\"query\": 1:17: parse error: unexpected character "
	                                "inside braces: '!'");
	state_free(&s);
	/* Not the first attempt: no query_range asked, none applied. */
	const char *const fx2[] = {"vector.json", NULL};
	assert_int_equal(run(o, false, fx2, &s, &st, &cause), 0);
	for (size_t i = 0; i < s.n; i++)
		assert_int_equal(s.r[i].in.backfill_len, 0);
	state_free(&s);
	prom()->options_free(o);
}

static void test_special_values(void **state)
{
	(void)state;
	void *o = opts("{\"queries\": [{\"query\": \"q\", \"labels\": {\"id\": \"id\"}}]}");
	sink_state_t s = {0};
	feed_stats_t st;
	char *cause;
	const char *const fx[] = {"special.json", NULL};
	assert_int_equal(run(o, false, fx, &s, &st, &cause), 0);
	/* NaN: kept, no value, quality good. */
	const got_t *g = find(&s, "r.nan");
	assert_non_null(g);
	assert_false(g->in.has_value);
	assert_int_equal(g->in.quality, QUALITY_GOOD);
	/* ±Inf: kept, no value, quality bad; counted in the warning. */
	for (int i = 0; i < 2; i++) {
		g = find(&s, i ? "r.neginf" : "r.posinf");
		assert_non_null(g);
		assert_false(g->in.has_value);
		assert_int_equal(g->in.quality, QUALITY_BAD);
	}
	assert_non_null(strstr(st.warning, "2 values were infinite"));
	g = find(&s, "r.zero");
	assert_true(g->in.has_value && g->in.value == 0);
	g = find(&s, "r.neg");
	assert_true(g->in.has_value && g->in.value == -1.25e-3);
	/* Not a string "number", hexadecimal, a word, no sample, a bad time:
	 * skipped, never a zero. */
	assert_null(find(&s, "r.word"));
	assert_null(find(&s, "r.number"));
	assert_null(find(&s, "r.hex"));
	assert_null(find(&s, "r.nosample"));
	assert_null(find(&s, "r.badtime"));
	assert_int_equal(st.readings, 5);
	assert_int_equal(st.skipped, 5);
	assert_string_equal(st.first_skip_reason,
	                    "series \"r.word\": \"value\" is not a number (NaN, +Inf or -Inf)");
	state_free(&s);
	prom()->options_free(o);
}

static void test_strange_labels(void **state)
{
	(void)state;
	void *o = opts("{\"queries\": [{\"query\": \"q\", " MOCK_LABELS "}]}");
	sink_state_t s = {0};
	feed_stats_t st;
	char *cause;
	const char *const fx[] = {"strange_labels.json", NULL};
	assert_int_equal(run(o, false, fx, &s, &st, &cause), 0);
	/* Every string sanitized (the sink asserts it): escapes and bells gone,
	 * a tab a space, bidi controls removed, invalid bytes U+FFFD. */
	const got_t *g = find(&s, "s.esc");
	assert_string_equal(g->name, "red alert");
	assert_string_equal(g->district, "tab here");
	assert_string_equal(g->street, "bidievil");
	assert_string_equal(g->unit, "°C");
	g = find(&s, "s.bad");
	assert_string_equal(g->name, "bad \xef\xbf\xbd\xef\xbf\xbd bytes");
	/* An id that is not valid, no id label, a duplicate: skipped. */
	assert_int_equal(st.readings, 2);
	assert_int_equal(st.skipped, 3);
	assert_non_null(strstr(st.first_skip_reason, "not a valid id"));
	state_free(&s);
	prom()->options_free(o);
}

static void test_derived_ids(void **state)
{
	(void)state;
	/* No id label mapped: the metric name and the other labels, sorted. */
	void *o = opts("{\"queries\": [{\"query\": \"node_load1\", \"fixed\": {\"domain\": "
	               "\"telecom\"}, \"id_prefix\": \"n.\"}]}");
	sink_state_t s = {0};
	feed_stats_t st;
	char *cause;
	const char *const fx[] = {"unlabelled.json", NULL};
	assert_int_equal(run(o, false, fx, &s, &st, &cause), 0);
	assert_int_equal(st.readings, 3);
	assert_string_equal(s.r[0].id, "n.node_load1/instance:localhost:9100/job:node");
	assert_string_equal(s.r[0].domain, "telecom");
	/* Characters outside the id's set: "_" and a hash of the whole. */
	assert_int_equal(strncmp(s.r[1].id, "n.node_load1/instance:", 22), 0);
	assert_non_null(strstr(s.r[1].id, "_:9100/job:node-"));
	assert_int_equal(strlen(strstr(s.r[1].id, "job:node-")), strlen("job:node-") + 8);
	/* Neither name nor labels. */
	assert_string_equal(s.r[2].id, "n.value");
	state_free(&s);
	prom()->options_free(o);

	/* A fixed id: a scalar is one reading. */
	o = opts("{\"queries\": [{\"query\": \"count(citydash_reading)\", \"fixed\": {\"id\": "
	         "\"city.readings\", \"name\": \"Readings\"}}]}");
	const char *const fx2[] = {"scalar.json", NULL};
	assert_int_equal(run(o, false, fx2, &s, &st, &cause), 0);
	assert_int_equal(st.readings, 1);
	assert_string_equal(s.r[0].id, "city.readings");
	assert_string_equal(s.r[0].name, "Readings");
	assert_true(s.r[0].in.value == 4476);
	assert_int_equal(s.r[0].in.ts_ms, 1764200000500);
	state_free(&s);
	/* A string result is not a number: skipped. */
	const char *const fx3[] = {"string.json", NULL};
	assert_int_equal(run(o, false, fx3, &s, &st, &cause), 0);
	assert_int_equal(st.readings, 0);
	assert_int_equal(st.skipped, 1);
	state_free(&s);
	prom()->options_free(o);
}

static void test_envelopes(void **state)
{
	(void)state;
	void *o = opts("{\"queries\": [{\"query\": \"q\", \"labels\": {\"id\": \"id\"}},"
	               " {\"query\": \"bad{\", \"labels\": {\"id\": \"id\"}}]}");
	sink_state_t s = {0};
	feed_stats_t st;
	char *cause;
	/* An error envelope in any answer rejects the attempt, before anything
	 * is handed out, with Prometheus's words. */
	const char *const fx[] = {"vector.json", "error.json", NULL};
	assert_int_equal(run(o, false, fx, &s, &st, &cause), -1);
	assert_int_equal(s.n, 0);
	assert_int_equal(s.headers, 0);
	assert_string_equal(cause, "query 2 (value): bad_data: invalid parameter \"query\": 1:17: "
	                           "parse error: unexpected character inside braces: '!'");
	free(cause);
	/* Warnings: the first becomes the source's warning. */
	const char *const fx2[] = {"warnings.json", "empty.json", NULL};
	assert_int_equal(run(o, false, fx2, &s, &st, &cause), 0);
	assert_int_equal(st.readings, 1);
	assert_string_equal(st.warning, "Prometheus: PromQL info: metric might not be a counter, "
	                                "name does not end in _total/_sum/_count/_bucket: "
	                                "\"citydash_reading\"");
	state_free(&s);
	/* A long warning is cut at a character boundary. */
	char *w = malloc(600);
	int at = snprintf(w, 600, "{\"status\":\"success\",\"data\":{\"resultType\":"
	                          "\"vector\",\"result\":[]},\"warnings\":[\"");
	for (int i = 0; i < 100; i++)
		at += snprintf(w + at, (size_t)(600 - at), "警");
	snprintf(w + at, (size_t)(600 - at), "\"]}");
	adapter_body_t two[2] = {{w, strlen(w), 0}, {"{\"status\":\"success\",\"data\":{"
	                                              "\"resultType\":\"vector\",\"result\":[]}}",
	                                              70, 8}};
	two[1].len = strlen(two[1].data);
	feed_sink_t sink = {.ctx = &s, .reading = on_reading};
	assert_int_equal(prom()->parse(o, two, 2, NOW_MS, &sink, &st, &cause), 0);
	assert_true(text_is_clean(st.warning));
	assert_true(strlen(st.warning) > 150);
	free(w);
	/* Empty results: a good answer with no readings (they are gone). */
	const char *const fx3[] = {"empty.json", "empty.json", NULL};
	assert_int_equal(run(o, false, fx3, &s, &st, &cause), 0);
	assert_int_equal(st.readings, 0);
	assert_true(st.had_readings);
	assert_int_equal(s.headers, 1);
	state_free(&s);
	prom()->options_free(o);
}

/* Bodies that are not answers: rejected whole, saying which query. */
static void test_rejects(void **state)
{
	(void)state;
	void *o = opts("{\"queries\": [{\"query\": \"q\", \"labels\": {\"id\": \"id\"}}]}");
	struct {
		const char *body, *cause;
	} cases[] = {
	    {"", "query 1 (value): not JSON (syntax error near byte 0)"},
	    {"{\"status\":\"success\",", "query 1 (value): not JSON (syntax error near byte 19)"},
	    {"[1]", "query 1 (value): not a JSON object"},
	    {"{\"status\":\"ok\"}", "query 1 (value): not a Prometheus API answer"},
	    {"{\"status\":\"success\",\"data\":{\"resultType\":\"table\",\"result\":[]}}",
	     "query 1 (value): not a query result"},
	    {"{\"status\":\"success\",\"data\":{\"resultType\":\"vector\"}}",
	     "query 1 (value): not a query result"},
	    {"{\"status\":\"error\",\"error\":\"too many samples\"}",
	     "query 1 (value): too many samples"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		adapter_body_t b = {cases[i].body, strlen(cases[i].body), 0};
		sink_state_t s = {0};
		feed_sink_t sink = {.ctx = &s, .reading = on_reading};
		feed_stats_t st;
		char *cause = NULL;
		assert_int_equal(prom()->parse(o, &b, 1, NOW_MS, &sink, &st, &cause), -1);
		assert_non_null(cause);
		if (strncmp(cause, cases[i].cause, strlen(cases[i].cause)) != 0)
			fail_msg("case %zu: got \"%s\"", i, cause);
		free(cause);
		assert_int_equal(s.n, 0);
	}
	/* No answer to a query at all. */
	feed_stats_t st;
	char *cause = NULL;
	feed_sink_t sink = {0};
	assert_int_equal(prom()->parse(o, NULL, 0, NOW_MS, &sink, &st, &cause), -1);
	assert_string_equal(cause, "query 1: no answer");
	free(cause);
	/* A tree bigger than the source's budget. */
	size_t len;
	char *body = read_fixture("prometheus/vector.json", &len);
	adapter_body_t b = {body, len, 0};
	sink.max_tree_bytes = 64;
	assert_int_equal(prom()->parse(o, &b, 1, NOW_MS, &sink, &st, &cause), -1);
	assert_non_null(strstr(cause, "max_bytes"));
	free(cause);
	free(body);
	prom()->options_free(o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_vector_mapping), cmocka_unit_test(test_joins),
	    cmocka_unit_test(test_backfill),       cmocka_unit_test(test_special_values),
	    cmocka_unit_test(test_strange_labels), cmocka_unit_test(test_derived_ids),
	    cmocka_unit_test(test_envelopes),      cmocka_unit_test(test_rejects),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

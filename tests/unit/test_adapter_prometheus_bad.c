/* The prometheus adapter through the bad-input rules of the protocol: every
 * prefix of an answer (a cut connection) and seeded byte mutations of every
 * fixture either reject the attempt before anything is handed out (a cut
 * query_range answer only takes the history away) or hand
 * out only sanitized strings, valid ids and finite numbers; a long label is
 * cut; deep nesting and absurd times are refused, never a crash or a zero. */
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

#define NOW_MS 1764200003000

typedef struct seen {
	unsigned readings;
	size_t longest;
} seen_t;

static bool id_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 128)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      strchr("._:/-", *s)))
			return false;
	return true;
}

static void check_str(seen_t *s, const char *v)
{
	if (!v)
		return;
	assert_true(text_is_clean(v));
	if (strlen(v) > s->longest)
		s->longest = strlen(v);
}

static void on_reading(void *ctx, const reading_in_t *in)
{
	seen_t *s = ctx;
	s->readings++;
	assert_true(id_ok(in->id));
	check_str(s, in->name);
	check_str(s, in->domain);
	check_str(s, in->district);
	check_str(s, in->street);
	check_str(s, in->unit);
	assert_true(!in->has_value || isfinite(in->value));
	assert_true(!in->has_range || (isfinite(in->range_min) && isfinite(in->range_max) &&
	                               in->range_min < in->range_max));
	for (size_t i = 0; i < in->backfill_len; i++)
		assert_true(isnan(in->backfill[i].value) || isfinite(in->backfill[i].value));
}

static void *opts(void)
{
	cJSON *obj = cJSON_Parse(
	    "{\"history_s\": 30, \"queries\": [{\"query\": \"q\", \"labels\": {\"id\": \"id\", "
	    "\"name\": \"name\", \"domain\": \"domain\", \"district\": \"district\", \"street\": "
	    "\"street\", \"unit\": \"unit\"}, \"limits\": {\"hi\": \"h\"}, \"range\": {\"min\": 0, "
	    "\"max\": \"m\"}}]}");
	void *o = NULL;
	cfg_error_t e = {0};
	assert_int_equal(adapter_find("prometheus")->options_parse(obj, &o, &e), 0);
	cJSON_Delete(obj);
	return o;
}

/* value, hi, max and history answers: body for one of them, good for the rest. */
static int parse4(void *o, int which, const char *body, size_t len, seen_t *s, char **cause)
{
	static char *good[4];
	static size_t good_len[4];
	static const char *const names[4] = {"prometheus/vector.json", "prometheus/limit_hi.json",
	                                     "prometheus/range_max.json", "prometheus/matrix.json"};
	for (int i = 0; i < 4; i++)
		if (!good[i])
			good[i] = read_fixture(names[i], &good_len[i]);
	if (!o) { /* the end: let the fixtures go */
		for (int i = 0; i < 4; i++)
			free(good[i]), good[i] = NULL;
		return 0;
	}
	/* Steps as next_request tags them: value, hi, max, history. */
	adapter_body_t b[4];
	int steps[4];
	adapter_body_t none[4];
	adapter_attempt_t at = {.base_url = "http://p", .first = true, .now_ms = NOW_MS,
	                        .bodies = none};
	for (int i = 0; i < 4; i++) {
		adapter_request_t req = {0};
		char *why = NULL;
		assert_int_equal(adapter_find("prometheus")->next_request(o, &at, &req, &why), 1);
		steps[i] = req.step;
		none[i] = (adapter_body_t){"", 0, req.step};
		at.done++;
		free(req.url);
	}
	for (int i = 0; i < 4; i++)
		b[i] = (adapter_body_t){i == which ? body : good[i], i == which ? len : good_len[i],
		                        steps[i]};
	feed_sink_t sink = {.ctx = s, .reading = on_reading, .max_tree_bytes = 1u << 24};
	feed_stats_t st;
	*cause = NULL;
	int rc = adapter_find("prometheus")->parse(o, b, 4, NOW_MS, &sink, &st, cause);
	if (rc < 0) {
		assert_non_null(*cause);
		assert_true(text_is_clean(*cause));
		assert_int_equal(s->readings, 0); /* nothing handed out before a rejection */
	} else {
		assert_int_equal(st.readings, s->readings);
	}
	free(*cause);
	return rc;
}

static void test_every_prefix(void **state)
{
	(void)state;
	void *o = opts();
	const char *const names[4] = {"prometheus/vector.json", "prometheus/limit_hi.json",
	                              "prometheus/range_max.json", "prometheus/matrix.json"};
	for (int which = 0; which < 4; which++) {
		size_t len;
		char *full = read_fixture(names[which], &len);
		while (len && strchr(" \n", full[len - 1]))
			len--; /* the answer ends with its closing brace */
		for (size_t cut = 0; cut < len; cut++) {
			seen_t s = {0};
			char *cause;
			char *copy = malloc(cut ? cut : 1); /* exactly cut bytes: read no further */
			memcpy(copy, full, cut);
			/* A cut answer is never a whole one (the closing brace is last):
			 * the attempt is rejected, but for a cut history answer, which
			 * only leaves the readings without history. */
			assert_int_equal(parse4(o, which, copy, cut, &s, &cause), which == 3 ? 0 : -1);
			free(copy);
		}
		free(full);
	}
	adapter_find("prometheus")->options_free(o);
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t next_rand(void)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return rng;
}

static void test_mutations(void **state)
{
	(void)state;
	void *o = opts();
	const char *const names[] = {"prometheus/vector.json", "prometheus/limit_hi.json",
	                             "prometheus/range_max.json", "prometheus/matrix.json",
	                             "prometheus/special.json", "prometheus/strange_labels.json"};
	static const char bytes[] = "\"{}[],:0123456789.eE+-\\\x1b\xff\xc3 NaInf";
	unsigned accepted = 0;
	for (int round = 0; round < 3000; round++) {
		size_t f = next_rand() % 6, len;
		char *doc = read_fixture(names[f], &len);
		for (int k = 0, flips = 1 + (int)(next_rand() % 4); k < flips; k++)
			doc[next_rand() % len] = bytes[next_rand() % (sizeof bytes - 1)];
		seen_t s = {0};
		char *cause;
		int which = f < 4 ? (int)f : 0;
		accepted += parse4(o, which, doc, len, &s, &cause) == 0;
		free(doc);
	}
	assert_true(accepted > 0); /* some mutations still parse: the checks ran */
	adapter_find("prometheus")->options_free(o);
}

static void test_long_and_deep(void **state)
{
	(void)state;
	void *o = opts();
	/* A 10,000-byte name is cut (protocol_fields.h STRING_MAX). */
	size_t n = 10000;
	char *big = malloc(n + 256);
	int at = snprintf(big, 256, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
	                            "\"result\":[{\"metric\":{\"id\":\"a\",\"name\":\"");
	memset(big + at, 'x', n);
	snprintf(big + at + n, 200, "\"},\"value\":[1764200000,\"1\"]}]}}");
	seen_t s = {0};
	char *cause;
	assert_int_equal(parse4(o, 0, big, strlen(big), &s, &cause), 0);
	assert_int_equal(s.readings, 1);
	assert_true(s.longest <= 4096);
	free(big);
	/* Nesting deeper than cJSON takes: not JSON, rejected. */
	size_t depth = 5000;
	char *deep = malloc(depth * 2 + 64);
	size_t len = 0;
	len += (size_t)sprintf(deep, "{\"status\":\"success\",\"data\":");
	for (size_t i = 0; i < depth; i++)
		deep[len++] = '[';
	for (size_t i = 0; i < depth; i++)
		deep[len++] = ']';
	deep[len++] = '}';
	memset(&s, 0, sizeof s);
	assert_int_equal(parse4(o, 0, deep, len, &s, &cause), -1);
	free(deep);
	/* Times no clock can mean, and a value written as a JSON number: skipped. */
	const char *odd = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
	                  "{\"metric\":{\"id\":\"t1\"},\"value\":[1e999,\"1\"]},"
	                  "{\"metric\":{\"id\":\"t2\"},\"value\":[-5,\"1\"]},"
	                  "{\"metric\":{\"id\":\"t3\"},\"value\":[1764200000,1]},"
	                  "{\"metric\":{\"id\":\"t4\"},\"value\":[1764200000,\"1e999\"]},"
	                  "{\"metric\":[],\"value\":[1764200000,\"1\"]},"
	                  "7]}}";
	memset(&s, 0, sizeof s);
	assert_int_equal(parse4(o, 0, odd, strlen(odd), &s, &cause), 0);
	assert_int_equal(s.readings, 1); /* t4: 1e999 is out of range: infinite, no value */
	adapter_find("prometheus")->options_free(o);
	parse4(NULL, 0, NULL, 0, NULL, &cause);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_prefix),
	    cmocka_unit_test(test_mutations),
	    cmocka_unit_test(test_long_and_deep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

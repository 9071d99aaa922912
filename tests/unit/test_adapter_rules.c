/* The bad-input rules of docs/protocol.md ("Bad input") for every adapter
 * of the table (feeds/adapter_table.c), on a good answer in each one's
 * documented shape (tests/data/rules/NAME.json, its settings in
 * NAME.options.json) and a seeded, bounded set of bad ones made from it
 * (rules_mutate.h). For each: no crash and no leak (this test runs under
 * ASan and valgrind), rejected whole or parsed (never both: nothing handed
 * out before a rejection), every string handed out clean and at most 4096
 * bytes, every number finite (adapter_sink.h), and a value the input does
 * not give never comes out as a value of 0. The same bytes as the body of
 * an error answer: error_reason, if the adapter has one, gives NULL or a
 * clean, short reason.
 *
 * An adapter that asks for several requests per attempt (next_request)
 * gets the same (bad) answer to each, at most RULES_REQUESTS. Adding an
 * adapter: its row below and its fixture; test_every_adapter_has_a_row
 * fails until then. The seed is fixed; CITYDASH_RULES_SEED=N tries another. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapter.h"
#include "adapter_sink.h"
#include "fixture.h"
#include "rules_mutate.h"
#include "text.h"
#include "xalloc.h"

#define NOW              INT64_C(1764057600000) /* 2025-11-25T08:00:00Z */
#define RULES_SEED       UINT64_C(20261127)
#define RULES_MAX        6000 /* mutations per adapter */
#define RULES_REQUESTS   8
#define BASE_URL         "http://127.0.0.1:9/api"
#define RULES_REASON_MAX 1024 /* "short": a line of the sources page, with room */

/* The table, one row per adapter; NULL options file: the adapter takes
 * none, or its defaults. */
static const struct rules_row {
	const char *adapter, *fixture, *options;
	const char *error; /* an error answer in the system's shape, for error_reason */
} rows[] = {
    {"citydash-v1", "rules/citydash-v1.json", NULL, NULL},
    {"prometheus", "rules/prometheus.json", "rules/prometheus.options.json",
     "rules/prometheus.error.json"},
    {"sensorthings", "rules/sensorthings.json", NULL, "rules/sensorthings.error.json"},
    {"json", "rules/json.json", "rules/json.options.json", "rules/json.error.json"},
};

typedef struct rules_ctx {
	const adapter_t *a;
	const void *opts;
	size_t rejected, parsed, readings, reasons;
} rules_ctx_t;

/* One attempt: the answers the adapter asks for, all `doc`, then parse. */
static adapter_cap_t *attempt(const adapter_t *a, const void *opts, const char *doc, size_t len,
                              feed_stats_t *st, int *rc, char **cause)
{
	adapter_body_t bodies[RULES_REQUESTS] = {{0}};
	char *copies[RULES_REQUESTS] = {0};
	size_t n = 0;
	*cause = NULL;
	if (!a->next_request) {
		copies[n] = xmalloc(len ? len : 1); /* no terminator: ASan sees an overread */
		memcpy(copies[n], doc, len);
		bodies[n] = (adapter_body_t){copies[n], len, 0};
		n++;
	}
	while (a->next_request && n < RULES_REQUESTS) {
		adapter_attempt_t at = {
		    .base_url = BASE_URL, .now_ms = NOW, .bodies = bodies, .done = n};
		adapter_request_t req = {0};
		char *why = NULL;
		int r = a->next_request(opts, &at, &req, &why);
		free(req.url);
		if (r < 0) { /* the attempt fails before any parse: as a rejection */
			assert_non_null(why);
			*cause = why;
			*rc = -1;
			for (size_t i = 0; i < n; i++)
				free(copies[i]);
			return adapter_cap_new();
		}
		free(why);
		if (r == 0)
			break;
		copies[n] = xmalloc(len ? len : 1);
		memcpy(copies[n], doc, len);
		bodies[n] = (adapter_body_t){copies[n], len, req.step};
		n++;
	}
	adapter_cap_t *c = adapter_cap_parse_bodies(a, opts, bodies, n, NOW, st, rc, cause);
	for (size_t i = 0; i < n; i++)
		free(copies[i]);
	return c;
}

static bool check_one(void *vctx, const char *doc, size_t len, bool may_zero, const char *what)
{
	rules_ctx_t *x = vctx;
	feed_stats_t st;
	int rc;
	char *cause;
	adapter_cap_t *c = attempt(x->a, x->opts, doc, len, &st, &rc, &cause);
	if (rc < 0)
		x->rejected++;
	else
		x->parsed++;
	x->readings += c->nr;
	/* The good answers hold no value of 0: one that comes out was made up
	 * (a string or a wrong type read as a number). */
	for (size_t i = 0; !may_zero && i < c->nr; i++)
		if (c->r[i].in.has_value && c->r[i].in.value == 0)
			fail_msg("%s, %s: reading \"%s\" came out with a value of 0", x->a->name,
			         what, c->r[i].id);
	free(cause);
	adapter_cap_free(c);
	/* The same bytes as the body of an error answer: its reason is shown. */
	if (x->a->error_reason) {
		char *copy = xmalloc(len ? len : 1);
		memcpy(copy, doc, len);
		char *why = x->a->error_reason(x->opts, 500, copy, len);
		free(copy);
		if (why && (!text_is_clean(why) || strlen(why) > RULES_REASON_MAX))
			fail_msg("%s, %s: error_reason gave %zu bytes, %s", x->a->name, what,
			         strlen(why), text_is_clean(why) ? "clean" : "not clean");
		x->reasons += why != NULL;
		free(why);
	}
	return true;
}

static uint64_t rules_seed(void)
{
	const char *s = getenv("CITYDASH_RULES_SEED");
	return s && *s ? strtoull(s, NULL, 10) : RULES_SEED;
}

static void *read_options(const adapter_t *a, const char *file)
{
	if (!file)
		return a->options_parse ? adapter_opts(a, NULL, 0, NULL) : NULL;
	size_t len;
	char *json = read_fixture(file, &len);
	void *opts = adapter_opts(a, json, 0, NULL);
	free(json);
	return opts;
}

/* The error answer: its reason is given, then the same mutations. */
static void run_error_rules(const struct rules_row *row, rules_ctx_t *x, uint64_t seed)
{
	size_t len;
	char *doc = read_fixture(row->error, &len);
	char *why = x->a->error_reason(x->opts, 400, doc, len);
	if (!why)
		fail_msg("%s gives no reason for its error answer %s", x->a->name, row->error);
	free(why);
	x->reasons = 0;
	size_t made = rules_mutate(doc, len, seed, RULES_MAX, check_one, x);
	print_message("%s: %zu bad error answers: %zu reasons given\n", x->a->name, made,
	              x->reasons);
	assert_true(x->reasons > 0);
	free(doc);
}

static void run_rules(const struct rules_row *row)
{
	const adapter_t *a = adapter_find(row->adapter);
	assert_non_null(a);
	size_t len;
	char *good = read_fixture(row->fixture, &len);
	/* The good answer first: parsed, with readings. An adapter that is
	 * still a placeholder (issue 10) rejects everything: skipped until it
	 * lands. */
	feed_stats_t st;
	int rc;
	char *cause;
	if (row->options && !a->options_parse) {
		free(good);
		skip(); /* the adapter takes no options yet: a placeholder */
	}
	void *opts = read_options(a, row->options);
	adapter_cap_t *c = attempt(a, opts, good, len, &st, &rc, &cause);
	bool placeholder = rc < 0 && cause && strstr(cause, "not built yet");
	if (!placeholder && rc != 0)
		fail_msg("%s rejects its good fixture %s: %s", a->name, row->fixture, cause);
	if (!placeholder && (c->nr == 0 || st.skipped != 0))
		fail_msg("%s: good fixture %s gave %zu readings, %u skipped (%s)", a->name,
		         row->fixture, c->nr, st.skipped, st.first_skip_reason);
	free(cause);
	adapter_cap_free(c);
	if (placeholder) {
		if (a->options_free)
			a->options_free(opts);
		free(good);
		skip();
	}
	rules_ctx_t x = {.a = a, .opts = opts};
	uint64_t seed = rules_seed();
	size_t made = rules_mutate(good, len, seed, RULES_MAX, check_one, &x);
	print_message("%s: %zu bad answers (seed %llu): %zu rejected, %zu parsed, %zu readings, "
	              "%zu error reasons\n",
	              a->name, made, (unsigned long long)seed, x.rejected, x.parsed, x.readings,
	              x.reasons);
	assert_true(made > 500);
	assert_true(x.rejected > 0 && x.parsed > 0);
	if (row->error && a->error_reason)
		run_error_rules(row, &x, seed);
	if (a->options_free)
		a->options_free(opts);
	free(good);
}

static void test_rules(void **state)
{
	run_rules(*state);
}

/* Every adapter the table knows has a row here. */
static void test_every_adapter_has_a_row(void **state)
{
	(void)state;
	char *names = xstrdup(adapter_names());
	size_t count = 0;
	for (char *save = NULL, *n = strtok_r(names, ", ", &save); n;
	     n = strtok_r(NULL, ", ", &save)) {
		bool found = false;
		for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
			found |= strcmp(rows[i].adapter, n) == 0;
		if (!found)
			fail_msg("adapter \"%s\" has no row in test_adapter_rules.c", n);
		count++;
	}
	assert_int_equal(count, sizeof rows / sizeof rows[0]);
	free(names);
}

int main(void)
{
	struct CMUnitTest tests[sizeof rows / sizeof rows[0] + 1];
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		tests[i] =
		    (struct CMUnitTest){rows[i].adapter, test_rules, NULL, NULL, (void *)&rows[i]};
	tests[sizeof rows / sizeof rows[0]] =
	    (struct CMUnitTest)cmocka_unit_test(test_every_adapter_has_a_row);
	return cmocka_run_group_tests(tests, NULL, NULL);
}

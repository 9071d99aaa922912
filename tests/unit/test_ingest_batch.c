/* Unit tests for feeds/ingest_batch.c and feeds/parse_worker.c: a document
 * parsed apart from the store and applied in slices leaves the store exactly
 * as ingest_body does (checked on a seeded mutation fuzz, slices of random
 * size), a rejected document changes nothing, a batch needs nothing of the
 * body once parsed, and the worker hands batches back in order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "ingest_batch.h"
#include "parse_worker.h"
#include "fixture.h"
#include "xalloc.h"

#define T0 1764057600000

static void same_str(const char *a, const char *b)
{
	if (!a || !b)
		assert_true(a == b);
	else
		assert_string_equal(a, b);
}

static void same_num(double a, double b)
{
	assert_true((isnan(a) && isnan(b)) || a == b);
}

/* Everything the store shows, compared field by field. */
static void same_store(const store_t *a, const store_t *b, int source)
{
	const source_status_t *sa = store_source(a, source), *sb = store_source(b, source);
	assert_int_equal(sa->failing, sb->failing);
	assert_int_equal(sa->ever_ok, sb->ever_ok);
	same_str(sa->error, sb->error);
	assert_int_equal(sa->skipped, sb->skipped);
	assert_int_equal(sa->duplicates, sb->duplicates);
	assert_int_equal(sa->limits_ignored, sb->limits_ignored);
	same_str(sa->first_bad_limits, sb->first_bad_limits);
	same_str(sa->last_skip_reason, sb->last_skip_reason);
	assert_int_equal(sa->polls_ok, sb->polls_ok);
	assert_int_equal(sa->polls_failed, sb->polls_failed);
	assert_int_equal(store_reading_count(a), store_reading_count(b));
	for (size_t i = 0; i < store_reading_count(a); i++) {
		const reading_t *ra = store_reading(a, i), *rb = store_reading(b, i);
		assert_true((ra == NULL) == (rb == NULL));
		if (!ra)
			continue;
		assert_string_equal(ra->id, rb->id);
		assert_string_equal(ra->name, rb->name);
		assert_string_equal(ra->domain_token, rb->domain_token);
		assert_string_equal(ra->district, rb->district);
		assert_string_equal(ra->street, rb->street);
		assert_string_equal(ra->unit, rb->unit);
		assert_int_equal(ra->domain, rb->domain);
		assert_int_equal(ra->has_value, rb->has_value);
		same_num(ra->value, rb->value);
		assert_int_equal(ra->ts_ms, rb->ts_ms);
		assert_int_equal(ra->received_ms, rb->received_ms);
		assert_int_equal(ra->age_at_receipt_ms, rb->age_at_receipt_ms);
		same_num(ra->range_min, rb->range_min);
		same_num(ra->range_max, rb->range_max);
		assert_int_equal(ra->limits.mask, rb->limits.mask);
		assert_int_equal(ra->limits_invalid, rb->limits_invalid);
		same_num(ra->deadband, rb->deadband);
		assert_int_equal(ra->quality, rb->quality);
		assert_int_equal(ra->history.len, rb->history.len);
		assert_int_equal(ra->history.last_s, rb->history.last_s);
	}
	assert_int_equal(store_kpi_count(a), store_kpi_count(b));
	for (size_t i = 0; i < store_kpi_count(a); i++) {
		const kpi_t *ka = store_kpi(a, i), *kb = store_kpi(b, i);
		assert_string_equal(ka->id, kb->id);
		assert_string_equal(ka->name, kb->name);
		same_num(ka->value, kb->value);
		assert_int_equal(ka->history_len, kb->history_len);
		for (size_t h = 0; h < ka->history_len; h++)
			same_num(ka->history[h], kb->history[h]);
	}
	assert_int_equal(store_event_count(a), store_event_count(b));
	for (size_t i = 0; i < store_event_count(a); i++) {
		const event_t *ea = store_event(a, i), *eb = store_event(b, i);
		assert_string_equal(ea->id, eb->id);
		assert_string_equal(ea->title, eb->title);
		assert_int_equal(ea->department_count, eb->department_count);
		for (size_t d = 0; d < ea->department_count; d++)
			assert_string_equal(ea->departments[d].name, eb->departments[d].name);
	}
}

/* Parses a copy of body (freed before applying: the batch keeps nothing of
 * it) and applies it `slice` elements at a time. Returns the calls it took. */
static int apply_in_slices(store_t *st, int source, const char *body, size_t len, int64_t now,
                           size_t slice)
{
	char *copy = xmalloc(len ? len : 1);
	memcpy(copy, body, len);
	ingest_batch_t *b = ingest_batch_parse(NULL, copy, len, now, 0);
	free(copy);
	int calls = 1;
	size_t used, total = 0;
	while (!ingest_batch_apply(b, st, source, slice, &used)) {
		assert_true(used <= slice);
		assert_true(ingest_batch_applying(b));
		total += used;
		calls++;
	}
	total += used;
	assert_false(ingest_batch_applying(b));
	assert_int_equal(total, ingest_batch_rejected(b) ? 0 : ingest_batch_elements(b));
	ingest_batch_free(b);
	return calls;
}

static void test_slices_match_whole(void **state)
{
	(void)state;
	const char *fixtures[] = {"feeds_v1_valid.json", "feeds_v1_bad_elements.json"};
	for (size_t f = 0; f < 2; f++) {
		size_t len;
		char *doc = read_fixture(fixtures[f], &len);
		store_t *a = store_create(), *b = store_create();
		int sa = store_add_source(a, "x", "http://x/", 1000, 0);
		int sb = store_add_source(b, "x", "http://x/", 1000, 0);
		assert_int_equal(ingest_body(a, sa, NULL, doc, len, T0), 0);
		assert_true(apply_in_slices(b, sb, doc, len, T0, 1) > 2);
		same_store(a, b, 0);
		free(doc);
		store_destroy(a);
		store_destroy(b);
	}
}

static void test_rejected_batch_changes_nothing(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "x", "http://x/", 1000, 0);
	const char *good = "{\"version\":1,\"readings\":[{\"id\":\"a\",\"value\":3}]}";
	assert_int_equal(apply_in_slices(st, s, good, strlen(good), T0, 100), 1);
	ingest_batch_t *b = ingest_batch_parse(NULL, "{\"version\":2}", 13, T0 + 1000, 0);
	assert_true(ingest_batch_rejected(b));
	assert_int_equal(ingest_batch_elements(b), 0);
	assert_true(ingest_batch_apply(b, st, s, 100, NULL));
	ingest_batch_free(b);
	const source_status_t *ss = store_source(st, s);
	assert_true(ss->failing);
	assert_non_null(strstr(ss->error, "version 2"));
	assert_int_equal(store_reading_count(st), 1);
	assert_true(store_reading(st, 0)->value == 3);
	assert_int_equal(store_reading(st, 0)->received_ms, T0);
	store_destroy(st);
}

/* An adapter that hands out N readings, each with a long name, whatever the
 * body: it stands for any adapter whose output outgrows its input (the
 * native parser's own JSON tree is held to the budget apart, while parsing). */
enum { BUDGET_N = 2000 };
static int many_readings(const void *opts, const adapter_body_t *bodies, size_t n,
                         int64_t now_ms, const feed_sink_t *sink, feed_stats_t *stats,
                         char **cause)
{
	(void)opts, (void)bodies, (void)n, (void)cause;
	memset(stats, 0, sizeof *stats);
	static char name[1001];
	memset(name, 'n', sizeof name - 1);
	for (int i = 0; i < BUDGET_N; i++) {
		char id[16];
		snprintf(id, sizeof id, "r%d", i);
		reading_in_t in = {.id = id, .name = name, .has_ts = true, .ts_ms = now_ms};
		sink->reading(sink->ctx, &in);
		stats->readings++;
	}
	stats->had_readings = true;
	return 0;
}

/* A parsed document waiting to be applied is held to the source's byte
 * budget, or rejected whole while nothing of it is applied. */
static void test_batch_holds_to_the_budget(void **state)
{
	(void)state;
	const adapter_t many = {.name = "many", .parse = many_readings};
	ingest_batch_t *b = ingest_batch_parse(&many, "", 0, T0, 64u << 20);
	assert_false(ingest_batch_rejected(b));
	assert_int_equal(ingest_batch_elements(b), BUDGET_N);
	size_t need = ingest_batch_bytes(b);
	ingest_batch_free(b);
	assert_true(need > BUDGET_N * 1000);
	/* Within a budget it does not fit: rejected whole, holding little. */
	b = ingest_batch_parse(&many, "", 0, T0, need / 2);
	assert_true(ingest_batch_rejected(b));
	assert_int_equal(ingest_batch_elements(b), 0);
	assert_true(ingest_batch_bytes(b) < need / 8);
	store_t *st = store_create();
	int s = store_add_source(st, "x", "http://x/", 1000, 0);
	assert_true(ingest_batch_apply(b, st, s, 100, NULL));
	assert_true(store_source(st, s)->failing);
	assert_non_null(strstr(store_source(st, s)->error, "max_bytes"));
	assert_int_equal(store_reading_count(st), 0);
	ingest_batch_free(b);
	store_destroy(st);
}

/* ---- a seeded fuzz: mutated documents, whole vs. slices of random size ---- */

static uint64_t rng_state;

static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 16);
}

static size_t mutate(char *buf, size_t len, size_t cap)
{
	static const char *const tokens[] = {"null",
	                                     "[",
	                                     "}",
	                                     "\"",
	                                     ",",
	                                     "1e999",
	                                     "\xff",
	                                     "\"id\":\"dup\"",
	                                     "\"version\":2",
	                                     "{\"id\":\"n\"},"};
	int edits = 1 + (int)(rng() % 3);
	for (int e = 0; e < edits && len > 0; e++) {
		size_t at = rng() % len;
		if (rng() % 2) {
			buf[at] = (char)(rng() & 0xff);
		} else {
			const char *t = tokens[rng() % (sizeof tokens / sizeof tokens[0])];
			size_t n = strlen(t);
			if (len + n > cap)
				continue;
			memmove(buf + at + n, buf + at, len - at);
			memcpy(buf + at, t, n);
			len += n;
		}
	}
	return len;
}

static void test_fuzz_slices_match_whole(void **state)
{
	(void)state;
	size_t len;
	char *seed = read_fixture("feeds_v1_valid.json", &len);
	size_t cap = len * 2;
	char *buf = xmalloc(cap);
	store_t *a = store_create(), *b = store_create();
	int sa = store_add_source(a, "f", "http://x/", 1000, 0);
	int sb = store_add_source(b, "f", "http://x/", 1000, 0);
	rng_state = 0x2545F4914F6CDD1Du;
	for (int iter = 0; iter < 600; iter++) {
		memcpy(buf, seed, len);
		size_t n = iter % 5 == 0 ? len : mutate(buf, len, cap);
		ingest_body(a, sa, NULL, buf, n, T0 + iter * 1000);
		apply_in_slices(b, sb, buf, n, T0 + iter * 1000, 1 + rng() % 7);
		same_store(a, b, 0);
	}
	store_destroy(a);
	store_destroy(b);
	free(buf);
	free(seed);
}

/* ---- the worker ---- */

typedef struct waiter {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int notified;
} waiter_t;

static void on_ready(void *ctx)
{
	waiter_t *w = ctx;
	pthread_mutex_lock(&w->lock);
	w->notified++;
	pthread_cond_signal(&w->cond);
	pthread_mutex_unlock(&w->lock);
}

static void test_worker_returns_batches_in_order(void **state)
{
	(void)state;
	waiter_t wt = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};
	parse_worker_t *w = parse_worker_create(on_ready, &wt);
	assert_non_null(w);
	for (int i = 0; i < 5; i++) {
		char *body = xasprintf(
		    i == 3 ? "not json %d" : "{\"version\":1,\"readings\":[{\"id\":\"r%d\"}]}", i);
		parse_worker_submit(w, 10 + i, adapter_find(NULL), body, strlen(body), T0, 0);
	}
	pthread_mutex_lock(&wt.lock);
	while (wt.notified < 5)
		pthread_cond_wait(&wt.cond, &wt.lock);
	pthread_mutex_unlock(&wt.lock);
	assert_true(parse_worker_ready(w));
	for (int i = 0; i < 5; i++) {
		int tag = -1;
		ingest_batch_t *b = parse_worker_take(w, &tag);
		assert_non_null(b);
		assert_int_equal(tag, 10 + i);
		assert_int_equal(ingest_batch_rejected(b), i == 3);
		assert_int_equal(ingest_batch_elements(b), i == 3 ? 0 : 1);
		assert_true(ingest_batch_bytes(b) > 0);
		ingest_batch_free(b);
	}
	int tag;
	assert_null(parse_worker_take(w, &tag));
	assert_false(parse_worker_ready(w));
	/* An applied batch is freed on the worker's thread. */
	parse_worker_dispose(w, ingest_batch_parse(NULL, "{\"version\":1}", 13, T0, 0));
	parse_worker_dispose(w, NULL);
	parse_worker_destroy(w);
}

/* Destroyed with work queued, done but not taken, or given back: everything
 * is freed (the leak checkers of the sanitizer and valgrind runs see to that). */
static void test_worker_destroy_with_work_left(void **state)
{
	(void)state;
	waiter_t wt = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};
	parse_worker_t *w = parse_worker_create(on_ready, &wt);
	assert_non_null(w);
	for (int i = 0; i < 20; i++) {
		char *body =
		    xstrdup("{\"version\":1,\"readings\":[{\"id\":\"a\"},{\"id\":\"b\"}]}");
		parse_worker_submit(w, i, NULL, body, strlen(body), T0, 0);
		parse_worker_dispose(w, ingest_batch_parse(NULL, "[]", 2, T0, 0));
	}
	parse_worker_destroy(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_slices_match_whole),
	    cmocka_unit_test(test_rejected_batch_changes_nothing),
	    cmocka_unit_test(test_batch_holds_to_the_budget),
	    cmocka_unit_test(test_fuzz_slices_match_whole),
	    cmocka_unit_test(test_worker_returns_batches_in_order),
	    cmocka_unit_test(test_worker_destroy_with_work_left),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

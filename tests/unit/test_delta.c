/* Unit tests for report by exception on citydash's side: the parser's
 * cursor, delta and removed (feeds/protocol_delta.c), a delta applied to
 * the store (feeds/store_delta.c) directly and through a batch, the vouched
 * age of readings and its end when the feed stops answering, and the URL a
 * since request goes to (feeds/since_url.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "ingest_batch.h"
#include "since_url.h"
#include "store.h"

#define T0 1764057600000

/* ---- parser ---- */

typedef struct removed_log {
	unsigned n;
	feed_item_t kind[8];
	char id[8][32];
	bool header_before_removed; /* header came first */
	bool saw_header;
} removed_log_t;

static void log_header(void *ctx, const feed_stats_t *stats)
{
	removed_log_t *l = ctx;
	(void)stats;
	l->saw_header = true;
	l->header_before_removed = l->n == 0;
}

static void log_removed(void *ctx, feed_item_t kind, const char *id)
{
	removed_log_t *l = ctx;
	if (l->n < 8) {
		l->kind[l->n] = kind;
		snprintf(l->id[l->n], sizeof l->id[0], "%s", id);
	}
	l->n++;
}

static int parse(const char *doc, removed_log_t *l, feed_stats_t *st, char **cause)
{
	memset(l, 0, sizeof *l);
	feed_sink_t sink = {l, NULL, NULL, NULL, 0, log_header, log_removed};
	return protocol_v1_parse(doc, strlen(doc), T0, &sink, st, cause);
}

static void test_parse_cursor_delta_removed(void **state)
{
	(void)state;
	removed_log_t l;
	feed_stats_t st;
	char *cause = NULL;
	assert_int_equal(parse("{\"version\":1,\"cursor\":\"r1.abc:9-x_y\",\"delta\":true,"
	                       "\"removed\":{\"readings\":[\"a.b\"],\"kpis\":[\"k1\"],"
	                       "\"events\":[\"EV-1\",\"EV-2\"]},\"readings\":[]}",
	                       &l, &st, &cause),
	                 0);
	assert_true(st.delta);
	assert_string_equal(st.cursor, "r1.abc:9-x_y");
	assert_int_equal(st.removed, 4);
	assert_int_equal(l.n, 4);
	assert_true(l.saw_header && l.header_before_removed);
	assert_int_equal(l.kind[0], FEED_ITEM_READING);
	assert_string_equal(l.id[0], "a.b");
	assert_int_equal(l.kind[1], FEED_ITEM_KPI);
	assert_int_equal(l.kind[3], FEED_ITEM_EVENT);
	assert_string_equal(l.id[3], "EV-2");
	assert_int_equal(st.skipped, 0);

	/* A whole document: cursor kept, "removed" ignored, not a delta. */
	assert_int_equal(parse("{\"version\":1,\"cursor\":\"c1\",\"removed\":{\"events\":[\"x\"]}}",
	                       &l, &st, &cause),
	                 0);
	assert_false(st.delta);
	assert_string_equal(st.cursor, "c1");
	assert_int_equal(l.n, 0);
	/* No cursor, delta false: the plain document of before. */
	assert_int_equal(parse("{\"version\":1,\"delta\":false}", &l, &st, &cause), 0);
	assert_false(st.delta);
	assert_string_equal(st.cursor, "");
}

static void test_parse_bad_types(void **state)
{
	(void)state;
	removed_log_t l;
	feed_stats_t st;
	char *cause = NULL;
	/* "delta" of another type: the whole document is rejected. */
	assert_int_equal(
	    parse("{\"version\":1,\"delta\":\"yes\",\"readings\":[]}", &l, &st, &cause), -1);
	assert_non_null(strstr(cause, "delta"));
	free(cause);
	cause = NULL;
	assert_int_equal(parse("{\"version\":1,\"delta\":1}", &l, &st, &cause), -1);
	free(cause);
	cause = NULL;
	/* Malformed cursors: ignored, one skip each. */
	const char *bad[] = {
	    "{\"version\":1,\"cursor\":5}", "{\"version\":1,\"cursor\":\"\"}",
	    "{\"version\":1,\"cursor\":\"a b\"}",
	    /* 65 bytes */
	    ("{\"version\":1,\"cursor\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	     "aaaaaaaaaaaaaaa\"}"),
	    "{\"version\":1,\"cursor\":\"x/y\"}"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(parse(bad[i], &l, &st, &cause), 0);
		assert_string_equal(st.cursor, "");
		assert_int_equal(st.skipped, 1);
		assert_non_null(strstr(st.first_skip_reason, "cursor"));
	}
	/* 64 bytes is the most a cursor may have. */
	char doc[160];
	snprintf(doc, sizeof doc, "{\"version\":1,\"cursor\":\"%064d\"}", 7);
	assert_int_equal(parse(doc, &l, &st, &cause), 0);
	assert_int_equal(strlen(st.cursor), 64);
	/* "removed": not an object, a kind not an array, ids that are not ids. */
	assert_int_equal(parse("{\"version\":1,\"delta\":true,\"removed\":[1]}", &l, &st, &cause),
	                 0);
	assert_int_equal(st.skipped, 1);
	assert_int_equal(parse("{\"version\":1,\"delta\":true,\"removed\":{\"events\":\"x\","
	                       "\"kpis\":[\"ok\",3,\"bad id\",null]}}",
	                       &l, &st, &cause),
	                 0);
	assert_int_equal(st.skipped, 4);
	assert_int_equal(st.removed, 1);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.id[0], "ok");
}

/* ---- store ---- */

static int ingest_str(store_t *st, int s, const char *doc, int64_t now)
{
	return ingest_body(st, s, adapter_find(NULL), doc, strlen(doc), now);
}

static const reading_t *find(const store_t *st, int s, const char *id)
{
	long ix = store_find_reading(st, s, id);
	return ix < 0 ? NULL : store_reading(st, (size_t)ix);
}

static bool has_kpi(const store_t *st, const char *id)
{
	for (size_t i = 0; i < store_kpi_count(st); i++)
		if (strcmp(store_kpi(st, i)->id, id) == 0)
			return true;
	return false;
}

static bool has_event(const store_t *st, const char *id)
{
	for (size_t i = 0; i < store_event_count(st); i++)
		if (strcmp(store_event(st, i)->id, id) == 0)
			return true;
	return false;
}

/* T0 + t as RFC 3339 (T0 is 2025-11-25T08:00:00Z; t under an hour). */
static void fmt_time(int64_t t, char *buf, size_t size)
{
	int secs = (int)((t - T0) / 1000);
	snprintf(buf, size, "2025-11-25T08:%02d:%02d.%03dZ", secs / 60, secs % 60,
	         (int)((t - T0) % 1000));
}

/* A whole document at time t (generated then), with a cursor. */
static void whole(store_t *st, int s, int64_t t)
{
	char doc[1024];
	char when[32];
	fmt_time(t, when, sizeof when);
	snprintf(
	    doc, sizeof doc,
	    "{\"version\":1,\"generated_at\":\"%s\",\"cursor\":\"c0\","
	    "\"readings\":[{\"id\":\"a\",\"value\":1,\"ts\":\"%s\"},"
	    "{\"id\":\"b\",\"value\":2,\"ts\":\"%s\"},{\"id\":\"c\",\"value\":3,\"ts\":\"%s\"}],"
	    "\"kpis\":[{\"id\":\"k1\",\"value\":1},{\"id\":\"k2\",\"value\":2}],"
	    "\"events\":[{\"id\":\"e1\"},{\"id\":\"e2\"}]}",
	    when, when, when, when);
	assert_int_equal(ingest_str(st, s, doc, t), 0);
}

static void delta(store_t *st, int s, int64_t t, const char *items)
{
	char doc[1024], when[32];
	fmt_time(t, when, sizeof when);
	snprintf(doc, sizeof doc,
	         "{\"version\":1,\"generated_at\":\"%s\",\"cursor\":\"c%d\",\"delta\":true%s%s}",
	         when, (int)((t - T0) / 1000), items[0] ? "," : "", items);
	assert_int_equal(ingest_str(st, s, doc, t), 0);
}

static void test_store_delta_apply(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 3000);
	whole(st, s, T0);
	assert_int_equal(store_reading_count(st), 3);
	/* Upsert one reading, add one, one KPI and one event changed; the rest
	 * stay as they are (an empty array drops nothing). */
	delta(st, s, T0 + 1000,
	      "\"readings\":[{\"id\":\"b\",\"value\":20},{\"id\":\"d\",\"value\":4}],"
	      "\"kpis\":[{\"id\":\"k2\",\"value\":22}],\"events\":[]");
	assert_true(find(st, s, "a")->value == 1);
	assert_true(find(st, s, "b")->value == 20);
	assert_true(find(st, s, "c")->value == 3);
	assert_true(find(st, s, "d")->value == 4);
	assert_true(has_kpi(st, "k1") && has_kpi(st, "k2"));
	assert_true(has_event(st, "e1") && has_event(st, "e2"));
	assert_int_equal(store_kpi_count(st), 2);
	const source_status_t *src = store_source(st, s);
	assert_int_equal(src->deltas, 1);
	assert_true(src->vouching);
	assert_int_equal(src->doc_readings, 4);
	/* Removed: a KPI and an event go at once; a reading leaves the image
	 * and ages like one a whole document left out; an unknown id is fine. */
	delta(st, s, T0 + 2000,
	      "\"removed\":{\"kpis\":[\"k1\"],\"events\":[\"e2\",\"nope\"],\"readings\":[\"c\"]}");
	assert_false(has_kpi(st, "k1"));
	assert_true(has_kpi(st, "k2"));
	assert_false(has_event(st, "e2"));
	assert_true(has_event(st, "e1"));
	assert_int_equal(src->doc_readings, 3);
	const reading_t *c = find(st, s, "c");
	assert_non_null(c);
	assert_false(store_reading_stale(st, find(st, s, "a"), T0 + 4500));
	assert_true(store_reading_stale(st, c, T0 + 4500)); /* not vouched since T0 */
	/* ... and is removed retention_ms (100 x 3 s) after it was withdrawn. */
	ingest_str(st, s, "{\"version\":1,\"cursor\":\"z\",\"delta\":true}", T0 + 302500);
	assert_null(find(st, s, "c"));
	assert_non_null(find(st, s, "a"));
	/* A whole document replaces as before: what it does not list is
	 * dropped (KPIs, events) or starts ageing (readings). */
	assert_int_equal(ingest_str(st, s,
	                            "{\"version\":1,\"readings\":[{\"id\":\"a\",\"value\":9}],"
	                            "\"kpis\":[],\"events\":[]}",
	                            T0 + 303000),
	                 0);
	assert_int_equal(store_kpi_count(st), 0);
	assert_int_equal(store_event_count(st), 0);
	assert_false(src->vouching);
	assert_int_equal(src->doc_readings, 1);
	store_destroy(st);
}

static void test_store_vouching(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 3000);
	whole(st, s, T0);
	/* Deltas that list nothing, each second for a minute: every reading is
	 * as young as the last of them. */
	for (int k = 1; k <= 59; k++)
		delta(st, s, T0 + k * 1000, k % 2 ? "\"readings\":[]" : "");
	int64_t now = T0 + 59500;
	static const char *const ids[] = {"a", "b", "c"};
	for (size_t i = 0; i < 3; i++) {
		const reading_t *r = find(st, s, ids[i]);
		assert_true(store_reading_age(r, now) > 59000); /* the raw age */
		assert_int_equal(store_reading_vouched_age(st, r, now), 500);
		assert_false(store_reading_stale(st, r, now));
	}
	/* The feed stops answering: no document vouches any more, they age
	 * from the last one and turn stale past the stale time. */
	store_poll_failed(st, s, "Couldn't connect to server", T0 + 60000);
	const reading_t *a = find(st, s, "a");
	assert_false(store_reading_stale(st, a, T0 + 62000));
	assert_true(store_reading_stale(st, a, T0 + 62001));
	/* A 304 makes nothing younger either. */
	store_poll_not_modified(st, s, T0 + 63000);
	assert_true(store_reading_stale(st, a, T0 + 63000));
	/* An observation already old when listed stays that much older than
	 * the documents that vouch for it (a frozen time is not freshened). */
	delta(st, s, T0 + 64000,
	      "\"readings\":[{\"id\":\"b\",\"value\":5,\"ts\":\"2025-11-25T07:59:00.000Z\"}]");
	delta(st, s, T0 + 65000, "\"readings\":[]");
	assert_int_equal(store_reading_vouched_age(st, find(st, s, "a"), T0 + 65000), 0);
	assert_int_equal(store_reading_vouched_age(st, find(st, s, "b"), T0 + 65000), 124000);
	assert_true(store_reading_stale(st, find(st, s, "b"), T0 + 65000));
	/* A document without a cursor vouches for nothing it does not list. */
	assert_int_equal(ingest_str(st, s,
	                            "{\"version\":1,\"generated_at\":\"2025-11-25T08:01:06.000Z\","
	                            "\"readings\":[{\"id\":\"a\",\"value\":1}]}",
	                            T0 + 66000),
	                 0);
	assert_false(store_source(st, s)->vouching);
	assert_true(store_reading_stale(st, find(st, s, "c"), T0 + 66000));
	assert_false(store_reading_stale(st, find(st, s, "a"), T0 + 66000));
	store_destroy(st);
}

/* A delta through a batch (the poller's path) leaves the store exactly as
 * ingest_body does, removals first. */
static void test_batch_delta(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 3000);
	whole(st, s, T0);
	const char *doc = "{\"version\":1,\"cursor\":\"n1\",\"delta\":true,"
	                  "\"removed\":{\"events\":[\"e1\"],\"kpis\":[\"k2\"]},"
	                  "\"kpis\":[{\"id\":\"k2\",\"value\":7}],"
	                  "\"readings\":[{\"id\":\"a\",\"value\":5}]}";
	ingest_batch_t *b = ingest_batch_parse(NULL, doc, strlen(doc), T0 + 1000, 0);
	assert_false(ingest_batch_rejected(b));
	assert_true(ingest_batch_stats(b)->delta);
	assert_string_equal(ingest_batch_stats(b)->cursor, "n1");
	assert_int_equal(ingest_batch_elements(b), 4);
	size_t used;
	while (!ingest_batch_apply(b, st, s, 1, &used))
		;
	ingest_batch_free(b);
	assert_false(has_event(st, "e1"));
	assert_true(has_event(st, "e2"));
	assert_true(has_kpi(st, "k2")); /* removed, then listed: listed wins */
	assert_true(has_kpi(st, "k1"));
	assert_true(find(st, s, "a")->value == 5);
	assert_true(find(st, s, "b")->value == 2);
	/* Refused before it is applied: nothing of it reaches the store. */
	b = ingest_batch_parse(NULL, doc, strlen(doc), T0 + 2000, 0);
	ingest_batch_refuse(b, "a delta to a request without since");
	assert_true(ingest_batch_rejected(b));
	ingest_batch_apply(b, st, s, 100, &used);
	ingest_batch_free(b);
	assert_true(has_kpi(st, "k2"));
	assert_true(store_source(st, s)->failing);
	assert_non_null(strstr(store_source(st, s)->error, "without since"));
	store_destroy(st);
}

/* ---- the since URL ---- */

static void check_url(const char *url, const char *cursor, const char *want)
{
	char *got = since_url(url, cursor);
	assert_string_equal(got, want);
	free(got);
}

static void test_since_url(void **state)
{
	(void)state;
	check_url("http://h/v1/feeds/water", "r1.ab.7", "http://h/v1/feeds/water?since=r1.ab.7");
	check_url("http://h/f?key=1", "c", "http://h/f?key=1&since=c");
	check_url("http://h/f?", "c", "http://h/f?since=c");
	check_url("http://h/f?a=1&", "c", "http://h/f?a=1&since=c");
	check_url("http://h/f#top", "c", "http://h/f?since=c#top");
	check_url("http://h/f?a=1#x?y", "c", "http://h/f?a=1&since=c#x?y");
	check_url("http://h/f", "a:b-c_d.e", "http://h/f?since=a%3Ab-c_d.e");
	check_url("http://h/f", "x&y=z /", "http://h/f?since=x%26y%3Dz%20%2F");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_cursor_delta_removed),
	    cmocka_unit_test(test_parse_bad_types),
	    cmocka_unit_test(test_store_delta_apply),
	    cmocka_unit_test(test_store_vouching),
	    cmocka_unit_test(test_batch_delta),
	    cmocka_unit_test(test_since_url),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

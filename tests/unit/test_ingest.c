/* Unit tests for feeds/ingest.c: documents applied to a store, whole-poll
 * rejection, per-element skips as the operator sees them, and a seeded
 * mutation fuzz of protocol v1 + store. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "text.h"
#include "fixture.h"
#include "xalloc.h"

#define T0 1764057600000

static int ingest_str(store_t *st, int s, const char *doc, int64_t now)
{
	return ingest_body(st, s, adapter_find(NULL), doc, strlen(doc), now);
}

static const reading_t *find(const store_t *st, int s, const char *id)
{
	long ix = store_find_reading(st, s, id);
	return ix < 0 ? NULL : store_reading(st, (size_t)ix);
}

static void test_adapters(void **state)
{
	const adapter_t *a = adapter_find(NULL);
	assert_non_null(a);
	assert_string_equal(a->name, "citydash-v1");
	assert_ptr_equal(adapter_find("citydash-v1"), a);
	assert_null(adapter_find("prometheus-9"));
	assert_null(adapter_find(""));
	assert_non_null(strstr(adapter_names(), "citydash-v1"));
}

static void test_valid_fixture(void **state)
{
	store_t *st = store_create();
	int s = store_add_source(st, "water", "http://x/", 1000, 0);
	size_t len;
	char *doc = read_fixture("feeds_v1_valid.json", &len);
	assert_int_equal(ingest_body(st, s, NULL, doc, len, T0), 0);
	assert_int_equal(store_reading_count(st), 3);
	assert_int_equal(store_kpi_count(st), 1);
	assert_int_equal(store_event_count(st), 1);
	const reading_t *r = find(st, s, "water.jiangbei.guanyinqiao.pump07.outlet_pressure");
	assert_non_null(r);
	assert_int_equal(r->domain, DOMAIN_WATER);
	assert_string_equal(r->district, "江北区");
	const reading_t *strain = find(st, s, "bridge.chaotianmen.strain_03");
	assert_false(strain->has_value);
	assert_string_equal(strain->name, "bridge.chaotianmen.strain_03");
	float h[1];
	reading_history_seconds(strain, T0, h, 1);
	assert_true(isnan(h[0]));
	const event_t *e = store_event(st, 0);
	assert_int_equal(e->department_count, 2);
	assert_string_equal(e->departments[1].name, "公安");
	assert_int_equal(e->departments[1].state, DEPT_ACTIVE);
	const source_status_t *ss = store_source(st, s);
	assert_true(ss->ever_ok && !ss->failing);
	assert_int_equal(ss->skipped, 0);
	free(doc);
	store_destroy(st);
}

/* The whole-poll rules: the source fails with a reason, values stay, age and
 * turn stale, and a good poll recovers. */
static void test_rejected_documents(void **state)
{
	static const struct {
		const char *doc, *reason;
	} bad[] = {
	    {"<html>502 Bad Gateway</html>", "not JSON"},
	    {"[1,2,3]", "not a JSON object"},
	    {"{\"version\":2,\"readings\":[{\"id\":\"a\",\"value\":99}]}",
	     "unsupported protocol version 2 (this client speaks 1)"},
	    {"{\"readings\":[{\"id\":\"a\",\"value\":99}]}", "version missing"},
	    {"{\"version\":\"1\",\"readings\":[{\"id\":\"a\",\"value\":99}]}", "not an integer"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		store_t *st = store_create();
		int s = store_add_source(st, "w", "http://x/", 1000, 0);
		assert_int_equal(
		    ingest_str(st, s,
		               "{\"version\":1,\"readings\":[{\"id\":\"a\",\"value\":1}],"
		               "\"kpis\":[{\"id\":\"k\",\"value\":2}],\"events\":[{\"id\":\"E\"}]}",
		               T0),
		    0);
		uint64_t g = store_generation(st);
		assert_int_equal(ingest_str(st, s, bad[i].doc, T0 + 1000), -1);
		const source_status_t *ss = store_source(st, s);
		assert_true(ss->failing);
		if (!strstr(ss->error, bad[i].reason))
			fail_msg("error \"%s\" lacks \"%s\"", ss->error, bad[i].reason);
		assert_true(store_generation(st) > g);
		const reading_t *r = find(st, s, "a");
		assert_true(r->has_value && r->value == 1);
		float h[4];
		assert_int_equal(reading_history(r, h, 4), 1); /* no sample since */
		assert_int_equal(r->received_ms, T0);
		assert_int_equal(store_kpi_count(st), 1);
		assert_int_equal(store_event_count(st), 1);
		assert_false(store_reading_stale(st, r, T0 + 2000));
		assert_true(store_reading_stale(st, r, T0 + 3001));
		assert_int_equal(ingest_str(st, s, "{\"version\":1}", T0 + 4000), 0);
		assert_false(ss->failing);
		assert_null(ss->error);
		assert_int_equal(store_kpi_count(st), 1); /* no kpis array: kept */
		store_destroy(st);
	}
}

static void test_bad_elements_counted(void **state)
{
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 0);
	size_t len;
	char *doc = read_fixture("feeds_v1_bad_elements.json", &len);
	assert_int_equal(ingest_body(st, s, NULL, doc, len, T0), 0);
	const source_status_t *ss = store_source(st, s);
	assert_false(ss->failing);
	assert_int_equal(ss->skipped, 10);
	assert_int_equal(ss->duplicates, 1);
	assert_int_equal(ss->limits_ignored, 1);
	assert_non_null(ss->last_skip_reason);
	assert_int_equal(store_reading_count(st), 4);
	const reading_t *first = find(st, s, "ok.first");
	assert_true(first->value == 2.5);        /* the last one wins */
	float h[4];
	assert_int_equal(reading_history(first, h, 4), 1); /* one second */
	assert_true(fabsf(h[0] - 2.5f) < 0.01f); /* to the ring's precision */
	const reading_t *null = find(st, s, "ok.null");
	assert_false(null->has_value);
	reading_history_seconds(null, T0, h, 1);
	assert_true(null->value == 0 && isnan(h[0]));
	assert_int_equal(find(st, s, "ok.limits_swapped")->limits.mask, 0);
	assert_null(find(st, s, "value.huge"));
	assert_null(find(st, s, "value.string"));
	free(doc);
	store_destroy(st);
}

static void test_kpis_events_follow_document(void **state)
{
	store_t *st = store_create();
	int s = store_add_source(st, "w", "http://x/", 1000, 0);
	assert_int_equal(ingest_str(st, s,
	                            "{\"version\":1,\"kpis\":[{\"id\":\"k1\"},{\"id\":\"k2\"}],"
	                            "\"events\":[{\"id\":\"E1\"},{\"id\":\"E2\"},{\"id\":\"E1\"}]}",
	                            T0),
	                 0);
	assert_int_equal(store_kpi_count(st), 2);
	assert_int_equal(store_event_count(st), 2);
	assert_int_equal(store_source(st, s)->duplicates, 1);
	assert_int_equal(ingest_str(st, s,
	                            "{\"version\":1,\"kpis\":[{\"id\":\"k2\"}],\"events\":[]}",
	                            T0 + 1000),
	                 0);
	assert_int_equal(store_kpi_count(st), 1);
	assert_string_equal(store_kpi(st, 0)->id, "k2");
	assert_int_equal(store_event_count(st), 0);
	/* A kpis field that is not an array removes nothing. */
	assert_int_equal(ingest_str(st, s, "{\"version\":1,\"kpis\":{}}", T0 + 2000), 0);
	assert_int_equal(store_kpi_count(st), 1);
	assert_int_equal(store_source(st, s)->skipped, 1);
	store_destroy(st);
}

/* ---- fuzz: seeded mutations of a valid document ---- */

static uint64_t rng_state;

static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 16);
}

static const char *const splices[] = {
    "1e999",
    "-1e999",
    "null",
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    "\\u001b[2J",
    "\\u0000",
    "\x1b]0;x\x07",
    "\xc3",
    "\xff",
    "\"id\":\"dup\"",
    "\"value\":",
    "true",
    "\"version\":2",
    "[[[[[[[[",
    "0.1",
    "\"range\":[1,0]",
    "\"limits\":{\"lo\":3,\"hi\":1}",
    "\xe2\x80",
};

static size_t mutate(char *buf, size_t len, size_t cap)
{
	/* Half the documents get a single edit, so many stay JSON and reach the
	 * element rules; the rest are shaken harder. */
	int edits = rng() % 2 ? 1 : 1 + (int)(rng() % 8);
	for (int e = 0; e < edits && len > 0; e++) {
		size_t at = rng() % len;
		switch (rng() % 4) {
		case 0: /* flip a byte */
			buf[at] = (char)(rng() & 0xff);
			break;
		case 1: { /* delete a run */
			size_t n = 1 + rng() % 16;
			if (n > len - at)
				n = len - at;
			memmove(buf + at, buf + at + n, len - at - n);
			len -= n;
			break;
		}
		case 2: { /* splice a token */
			const char *t = splices[rng() % (sizeof splices / sizeof splices[0])];
			size_t n = strlen(t);
			if (len + n > cap)
				break;
			memmove(buf + at + n, buf + at, len - at);
			memcpy(buf + at, t, n);
			len += n;
			break;
		}
		default: { /* duplicate a run elsewhere */
			size_t n = 1 + rng() % 64, to = rng() % len;
			if (n > len - at)
				n = len - at;
			if (len + n > cap)
				break;
			char tmp[64];
			memcpy(tmp, buf + at, n);
			memmove(buf + to + n, buf + to, len - to);
			memcpy(buf + to, tmp, n);
			len += n;
			break;
		}
		}
	}
	return len;
}

static void check_clean(const store_t *st)
{
	for (size_t i = 0; i < store_reading_count(st); i++) {
		const reading_t *r = store_reading(st, i);
		assert_true(text_is_clean(r->id) && text_is_clean(r->name) &&
		            text_is_clean(r->unit) && text_is_clean(r->district) &&
		            text_is_clean(r->street) && text_is_clean(r->domain_token));
		assert_true(r->range_min < r->range_max);
		assert_true(!r->has_value || isfinite(r->value));
		assert_true(r->history.len <= STORE_HISTORY_SECONDS);
	}
	for (size_t i = 0; i < store_event_count(st); i++) {
		const event_t *e = store_event(st, i);
		assert_true(text_is_clean(e->title) && e->department_count <= STORE_DEPARTMENTS);
		for (size_t d = 0; d < e->department_count; d++)
			assert_true(text_is_clean(e->departments[d].name));
	}
	for (size_t i = 0; i < store_kpi_count(st); i++)
		assert_true(store_kpi(st, i)->history_len <= STORE_KPI_HISTORY);
}

/* A feed that invents new ids every poll cannot grow the store past its
 * source's limit: the extra readings are refused and counted, with a reason
 * naming the source's limit; known ones still update; another source's
 * readings are stored as before. */
static void test_reading_limit(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "inventive", "http://127.0.0.1/", 1000, 3000);
	int honest = store_add_source(st, "honest", "http://127.0.0.1/", 1000, 3000);
	store_set_source_limits(st, s, &(source_limits_t){.max_readings = 3, .clock_skew_ms = -1});
	const char *doc = "{\"version\":1,\"readings\":["
	                  "{\"id\":\"a\",\"value\":1},{\"id\":\"b\",\"value\":1},"
	                  "{\"id\":\"c\",\"value\":1},{\"id\":\"d\",\"value\":1},"
	                  "{\"id\":\"e\",\"value\":1}]}";
	assert_int_equal(ingest_str(st, s, doc, 1000), 0);
	assert_int_equal(store_reading_count(st), 3);
	const source_status_t *ss = store_source(st, s);
	assert_int_equal(ss->skipped, 2);
	assert_int_equal(ss->refused, 2);
	assert_non_null(strstr(ss->last_skip_reason, "reading \"d\""));
	assert_non_null(strstr(ss->last_skip_reason, "limit of 3 readings (max_readings)"));
	const char *doc2 = "{\"version\":1,\"readings\":[{\"id\":\"a\",\"value\":7},"
	                   "{\"id\":\"f\",\"value\":1}]}";
	assert_int_equal(ingest_str(st, s, doc2, 2000), 0);
	assert_int_equal(store_reading_count(st), 3);
	assert_true(find(st, s, "a")->value == 7);
	assert_int_equal(store_source(st, s)->skipped, 1);
	/* The other source is not limited by the first one's readings. */
	assert_int_equal(ingest_str(st, honest, doc, 2000), 0);
	assert_non_null(find(st, honest, "e"));
	assert_int_equal(store_source(st, honest)->skipped, 0);
	store_destroy(st);
}

/* A gateway resending an old observation: its age counts from the
 * observation (by the producer's own clock), not from when we received it.
 * The document is within the clock-skew tolerance of our clock. */
static void test_old_observation_is_stale_on_arrival(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "gw", "http://127.0.0.1/", 1000, 3000);
	const char *doc = "{\"version\":1,\"generated_at\":\"2025-11-25T08:00:10Z\","
	                  "\"readings\":[{\"id\":\"frozen\",\"value\":1,"
	                  "\"ts\":\"2025-11-25T08:00:00Z\"},"
	                  "{\"id\":\"fresh\",\"value\":1,\"ts\":\"2025-11-25T08:00:09.500Z\"},"
	                  "{\"id\":\"undated\",\"value\":1}]}";
	/* Our clock 20 s behind the producer's: skew within the tolerance does
	 * not count, only the difference inside the document. */
	int64_t now = T0 - 10000;
	assert_int_equal(ingest_str(st, s, doc, now), 0);
	assert_int_equal(store_reading_age(find(st, s, "frozen"), now), 10000);
	assert_true(store_reading_stale(st, find(st, s, "frozen"), now));
	assert_int_equal(store_reading_age(find(st, s, "fresh"), now), 500);
	assert_false(store_reading_stale(st, find(st, s, "fresh"), now));
	assert_int_equal(store_reading_age(find(st, s, "undated"), now), 0);
	assert_int_equal(find(st, s, "fresh")->quality, QUALITY_GOOD);
	store_destroy(st);
}

/* Item 1 of issue 5: a frozen document, generated_at and every ts an hour
 * old by citydash's clock, is stale on arrival, and a 304 answered to it for
 * ever never makes it fresh. Without generated_at, each ts is measured. */
static void test_frozen_document_is_stale(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "frozen", "http://127.0.0.1/", 1000, 3000);
	/* T0 is 2025-11-25T08:00:00Z on our clock. */
	const char *doc = "{\"version\":1,\"generated_at\":\"2025-11-25T07:00:00Z\","
	                  "\"readings\":[{\"id\":\"pump\",\"value\":25,"
	                  "\"ts\":\"2025-11-25T07:00:00Z\",\"limits\":{\"hihi\":10}},"
	                  "{\"id\":\"valve\",\"value\":1}]}";
	assert_int_equal(ingest_str(st, s, doc, T0), 0);
	const reading_t *pump = find(st, s, "pump"), *valve = find(st, s, "valve");
	assert_true(store_reading_stale(st, pump, T0));
	assert_true(store_reading_stale(st, valve, T0));
	assert_true(store_reading_age(pump, T0) >= 3600000 - 30000);
	for (int64_t t = T0 + 1000; t <= T0 + 60000; t += 1000) {
		store_poll_not_modified(st, s, t);
		assert_true(store_reading_stale(st, pump, t));
		assert_true(store_reading_age(valve, t) >= 3600000 - 30000 + (t - T0));
	}
	/* The same document sent again in full is no fresher either. */
	assert_int_equal(ingest_str(st, s, doc, T0 + 61000), 0);
	assert_true(store_reading_age(pump, T0 + 61000) >= 3600000 - 30000 + 61000);
	/* No generated_at: each reading's own ts is measured against our clock. */
	const char *undated = "{\"version\":1,\"readings\":[{\"id\":\"old\",\"value\":1,"
	                      "\"ts\":\"2025-11-25T07:00:00Z\"},{\"id\":\"now\",\"value\":1,"
	                      "\"ts\":\"2025-11-25T08:00:00Z\"},{\"id\":\"untimed\",\"value\":1}]}";
	assert_int_equal(ingest_str(st, s, undated, T0 + 1000), 0);
	assert_true(store_reading_stale(st, find(st, s, "old"), T0 + 1000));
	assert_false(store_reading_stale(st, find(st, s, "now"), T0 + 1000));
	assert_false(store_reading_stale(st, find(st, s, "untimed"), T0 + 1000));
	store_destroy(st);
}

/* Item 1 of issue 5: a document from an hour in the future is flagged (its
 * readings shown uncertain), not believed: resent, it only gets older. */
static void test_future_document_flagged(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "ahead", "http://127.0.0.1/", 1000, 3000);
	const char *doc = "{\"version\":1,\"generated_at\":\"2025-11-25T09:00:00Z\","
	                  "\"readings\":[{\"id\":\"a\",\"value\":1}]}";
	assert_int_equal(ingest_str(st, s, doc, T0), 0);
	assert_int_equal(find(st, s, "a")->quality, QUALITY_UNCERTAIN);
	assert_int_equal(ingest_str(st, s, doc, T0 + 5000), 0);
	assert_true(store_reading_stale(st, find(st, s, "a"), T0 + 5000));
	store_destroy(st);
}

/* Item 9 of issue 5: one source inventing ids cannot stop another's readings
 * from being stored; after its retention time, the readings it stopped
 * sending are gone and new ones are stored again. */
static void test_flood_does_not_hide_another_source(void **state)
{
	(void)state;
	store_t *st = store_create();
	int a = store_add_source(st, "inventive", "http://127.0.0.1/a", 1000, 3000);
	int b = store_add_source(st, "pumps", "http://127.0.0.1/b", 1000, 3000);
	store_set_source_limits(
	    st, a,
	    &(source_limits_t){.max_readings = 100, .retention_ms = 60000, .clock_skew_ms = -1});
	char doc[8192];
	/* Five polls of 70 new ids each, then its own ten readings, every second. */
	for (int poll = 0; poll < 64; poll++) {
		int n = snprintf(doc, sizeof doc, "{\"version\":1,\"readings\":[");
		for (int i = 0; i < (poll < 5 ? 70 : 10); i++)
			n += snprintf(doc + n, sizeof doc - (size_t)n,
			              "%s{\"id\":\"%s%d.%d\",\"value\":1}", i ? "," : "",
			              poll < 5 ? "x" : "real", poll < 5 ? poll : 0, i);
		snprintf(doc + n, sizeof doc - (size_t)n, "]}");
		assert_int_equal(ingest_str(st, a, doc, T0 + poll * 1000), 0);
		if (poll == 2) {
			assert_int_equal(store_source(st, a)->skipped, 70);
			assert_non_null(strstr(store_source(st, a)->last_skip_reason,
			                       "limit of 100 readings (max_readings)"));
			assert_int_equal(ingest_str(st, b,
			                            "{\"version\":1,\"readings\":[{\"id\":\"pump\","
			                            "\"value\":25,\"limits\":{\"hihi\":10}}]}",
			                            T0 + poll * 1000),
			                 0);
			assert_non_null(find(st, b, "pump"));
			assert_int_equal(store_source(st, b)->skipped, 0);
		}
		if (poll == 59) /* the flood's readings are still held */
			assert_null(find(st, a, "real0.0"));
	}
	/* x0.* and x1.* were last sent a minute ago or more: gone, and A's own
	 * readings are stored now. */
	assert_null(find(st, a, "x0.0"));
	assert_null(find(st, a, "x1.29"));
	assert_non_null(find(st, a, "real0.9"));
	assert_int_equal(store_source(st, a)->skipped, 0);
	assert_non_null(find(st, b, "pump"));
	store_destroy(st);
}

/* A document of n readings h<first>.. each with five 4 KB strings of
 * invalid bytes (each becomes a 3-byte U+FFFD when sanitized). */
static char *hostile_doc(int first, int n, size_t *len)
{
	size_t cap = (size_t)n * 5 * 4200 + 256, used = 0;
	char *doc = xmalloc(cap);
	used += (size_t)snprintf(doc, cap, "{\"version\":1,\"readings\":[");
	static const char *const keys[] = {"name", "domain", "unit"};
	for (int i = first; i < first + n; i++) {
		used += (size_t)snprintf(doc + used, cap - used, "%s{\"id\":\"h%d\",\"value\":1",
		                         i > first ? "," : "", i);
		for (int k = 0; k < 3; k++) {
			used += (size_t)snprintf(doc + used, cap - used, ",\"%s\":\"", keys[k]);
			memset(doc + used, 0xff, 4096);
			used += 4096;
			doc[used++] = '"';
		}
		used += (size_t)snprintf(doc + used, cap - used, ",\"place\":{\"district\":\"");
		memset(doc + used, 0xfe, 4096);
		used += 4096;
		used += (size_t)snprintf(doc + used, cap - used, "\",\"street\":\"");
		memset(doc + used, 0xfd, 4096);
		used += 4096;
		used += (size_t)snprintf(doc + used, cap - used, "\"}}");
	}
	used += (size_t)snprintf(doc + used, cap - used, "]}");
	*len = used;
	return doc;
}

/* Item 10 of issue 5: a feed sending new ids with long strings of invalid
 * bytes cannot make citydash hold more than the source's max_bytes, nor
 * any string longer than 4096 bytes; a document whose parse alone would
 * need more than that is refused whole. */
static void test_hostile_strings_bounded(void **state)
{
	(void)state;
	store_t *st = store_create();
	int a = store_add_source(st, "hostile", "http://127.0.0.1/a", 1000, 3000);
	const size_t budget = 4 * 1024 * 1024;
	store_set_source_limits(st, a,
	                        &(source_limits_t){.max_bytes = budget, .clock_skew_ms = -1});
	size_t len;
	for (int poll = 0; poll < 3; poll++) {
		char *doc = hostile_doc(poll * 100, 100, &len);
		assert_int_equal(ingest_body(st, a, NULL, doc, len, T0 + poll * 1000), 0);
		free(doc);
	}
	size_t held = 0, readings = 0;
	for (size_t i = 0; i < store_reading_count(st); i++) {
		const reading_t *r = store_reading(st, i);
		if (!r)
			continue;
		const char *strs[] = {r->name, r->domain_token, r->unit, r->district, r->street};
		for (size_t k = 0; k < 5; k++) {
			assert_true(strlen(strs[k]) <= 4096);
			held += strlen(strs[k]) + 1;
		}
		readings++;
	}
	assert_true(readings > 100 && readings < 200);
	assert_true(held <= budget);
	const source_status_t *ss = store_source(st, a);
	assert_int_equal(ss->skipped, 100); /* the third document: none fit */
	assert_non_null(strstr(ss->last_skip_reason, "(max_bytes)"));
	/* 200 readings at once: more than 4 MiB to parse, refused whole. */
	char *doc = hostile_doc(1000, 200, &len);
	assert_int_equal(ingest_body(st, a, NULL, doc, len, T0 + 5000), -1);
	assert_true(ss->failing);
	assert_non_null(strstr(ss->error, "parsing it needs more than 4194304 bytes (max_bytes)"));
	free(doc);
	store_destroy(st);
}

static void test_fuzz_mutations(void **state)
{
	size_t len;
	char *seed = read_fixture("feeds_v1_valid.json", &len);
	size_t cap = len * 4;
	char *buf = xmalloc(cap);
	store_t *st = store_create();
	int s = store_add_source(st, "fuzz", "http://x/", 1000, 0);
	rng_state = 0x9e3779b97f4a7c15u;
	int accepted = 0, rejected = 0;
	for (int iter = 0; iter < 3000; iter++) {
		memcpy(buf, seed, len);
		size_t n = mutate(buf, len, cap);
		/* An exact-size copy, so ASan sees any read past the body. */
		char *body = xmalloc(n ? n : 1);
		memcpy(body, buf, n);
		int rc = ingest_body(st, s, NULL, body, n, T0 + iter);
		free(body);
		const source_status_t *ss = store_source(st, s);
		assert_true(rc == 0 || rc == -1);
		assert_int_equal(ss->failing, rc == -1);
		if (rc == 0)
			accepted++;
		else
			rejected++;
		if (iter % 100 == 0)
			check_clean(st);
	}
	check_clean(st);
	/* Bounded: every reading came from some id of some document (at most
	 * one new id per element). */
	assert_true(store_reading_count(st) < 3000 * 8);
	assert_true(accepted > 300 && rejected > 300);
	store_destroy(st);
	free(buf);
	free(seed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_adapters),
	    cmocka_unit_test(test_valid_fixture),
	    cmocka_unit_test(test_rejected_documents),
	    cmocka_unit_test(test_bad_elements_counted),
	    cmocka_unit_test(test_kpis_events_follow_document),
	    cmocka_unit_test(test_reading_limit),
	    cmocka_unit_test(test_old_observation_is_stale_on_arrival),
	    cmocka_unit_test(test_frozen_document_is_stale),
	    cmocka_unit_test(test_future_document_flagged),
	    cmocka_unit_test(test_flood_does_not_hide_another_source),
	    cmocka_unit_test(test_hostile_strings_bounded),
	    cmocka_unit_test(test_fuzz_mutations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

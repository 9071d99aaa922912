/* citydash's poller and store against the real mock city on 127.0.0.1 with
 * report by exception: after some seconds of deltas every reading, KPI and
 * event is held, none is stale, and what the store holds equals the mock's
 * whole document of the same tick. Also: a mock without report by exception
 * (--no-since) and a source configured "since": false get whole documents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "mock_server.h"
#include "poller.h"
#include "store.h"

#define LOOP_LIMIT_MS 20000
#define TICK_MS       250

enum { WATER, KPIS, EVENTS, SOURCES };
static const char *const paths[SOURCES] = {"/v1/feeds/water", "/v1/kpis", "/v1/events"};

typedef struct rig {
	mock_server_t *mock;
	config_t cfg;
	store_t *store;
	poller_t *poller;
	char base[64];
} rig_t;

static void rig_start(rig_t *r, bool no_since_mock, bool no_since_cfg)
{
	memset(r, 0, sizeof *r);
	char *cause = NULL;
	mock_options_t mo = {.bind = "127.0.0.1",
	                     .port = 0,
	                     .seed = 9,
	                     .tick_ms = TICK_MS,
	                     .no_since = no_since_mock};
	r->mock = mock_server_start(&mo, &cause);
	assert_non_null(r->mock);
	snprintf(r->base, sizeof r->base, "http://127.0.0.1:%u", mock_server_port(r->mock));
	for (int k = 0; k < SOURCES; k++) {
		char arg[160];
		snprintf(arg, sizeof arg, "s%d=%s%s", k, r->base, paths[k]);
		assert_int_equal(config_add_source_arg(&r->cfg, arg, &cause), 0);
		r->cfg.sources[k].interval_ms = 100;
		r->cfg.sources[k].timeout_ms = 3000;
		r->cfg.sources[k].no_since = no_since_cfg;
	}
	r->store = store_create();
	r->poller = poller_create(r->store, &r->cfg, &cause);
	assert_non_null(r->poller);
}

static void rig_stop(rig_t *r)
{
	poller_destroy(r->poller);
	store_destroy(r->store);
	config_free(&r->cfg);
	mock_server_stop(r->mock);
}

static void turn(rig_t *r, int timeout_ms)
{
	poller_start_due(r->poller, clock_mono_ms());
	assert_int_equal(poller_wait(r->poller, NULL, 0, NULL, timeout_ms), 0);
	poller_perform(r->poller, clock_wall_ms(), clock_mono_ms());
}

typedef struct body {
	char *data;
	size_t len;
} body_t;

static size_t on_body(char *data, size_t size, size_t n, void *userp)
{
	body_t *b = userp;
	char *grown = realloc(b->data, b->len + size * n + 1);
	if (!grown)
		return 0;
	memcpy(grown + b->len, data, size * n);
	b->data = grown;
	b->len += size * n;
	b->data[b->len] = '\0';
	return size * n;
}

/* The mock's whole document at path, parsed. */
static cJSON *fetch_whole(const rig_t *r, const char *path)
{
	char url[160];
	snprintf(url, sizeof url, "%s%s", r->base, path);
	body_t b = {0};
	CURL *h = curl_easy_init();
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
	assert_int_equal(curl_easy_perform(h), CURLE_OK);
	curl_easy_cleanup(h);
	cJSON *doc = cJSON_Parse(b.data);
	free(b.data);
	assert_non_null(doc);
	return doc;
}

static const char *cursor_of(const cJSON *doc)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(doc, "cursor");
	return cJSON_IsString(c) ? c->valuestring : "";
}

static size_t held(const rig_t *r, int source, size_t (*count)(const store_t *),
                   int (*src_of)(const store_t *, size_t))
{
	size_t n = 0;
	for (size_t i = 0; i < count(r->store); i++)
		n += src_of(r->store, i) == source;
	return n;
}

static int kpi_src(const store_t *st, size_t i)
{
	return store_kpi(st, i)->source;
}

static int event_src(const store_t *st, size_t i)
{
	return store_event(st, i)->source;
}

/* Every reading of the whole document is held with the same value and
 * quality, and no reading is stale. */
static void readings_agree(const rig_t *r, const cJSON *doc)
{
	const cJSON *it;
	size_t n = 0;
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, "readings"))
	{
		const char *id = cJSON_GetObjectItemCaseSensitive(it, "id")->valuestring;
		long ix = store_find_reading(r->store, WATER, id);
		assert_true(ix >= 0);
		const reading_t *rd = store_reading(r->store, (size_t)ix);
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, "value");
		assert_int_equal(rd->has_value, cJSON_IsNumber(v));
		if (cJSON_IsNumber(v) && rd->value != v->valuedouble)
			fail_msg("%s: held %.17g, the whole document says %.17g", id, rd->value,
			         v->valuedouble);
		const char *q = cJSON_GetObjectItemCaseSensitive(it, "quality")->valuestring;
		assert_int_equal(rd->quality, strcmp(q, "good") == 0        ? QUALITY_GOOD
		                              : strcmp(q, "uncertain") == 0 ? QUALITY_UNCERTAIN
		                                                            : QUALITY_BAD);
		assert_false(store_reading_stale(r->store, rd, clock_wall_ms()));
		n++;
	}
	assert_true(n > 0);
	assert_int_equal(store_source(r->store, WATER)->readings_held, n);
}

/* Fetches the whole document of source k, polls until the store stands at
 * its cursor (retrying with a new one if the tick moved on) and compares. */
static bool agree_with_whole(rig_t *r, int k)
{
	int64_t end = clock_mono_ms() + LOOP_LIMIT_MS;
	while (clock_mono_ms() < end) {
		cJSON *doc = fetch_whole(r, paths[k]);
		int64_t until = clock_mono_ms() + 2 * TICK_MS;
		while (clock_mono_ms() < until &&
		       (strcmp(poller_cursor(r->poller, k), cursor_of(doc)) != 0 ||
		        poller_applying(r->poller)))
			turn(r, 10);
		bool same = strcmp(poller_cursor(r->poller, k), cursor_of(doc)) == 0 &&
		            !poller_applying(r->poller);
		if (same && k == WATER)
			readings_agree(r, doc);
		else if (same && k == KPIS)
			assert_int_equal(
			    held(r, KPIS, store_kpi_count, kpi_src),
			    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "kpis")));
		else if (same)
			assert_int_equal(
			    held(r, EVENTS, store_event_count, event_src),
			    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "events")));
		cJSON_Delete(doc);
		if (same)
			return true;
	}
	return false;
}

static void test_deltas_agree_with_whole(void **state)
{
	(void)state;
	rig_t r;
	rig_start(&r, false, false);
	/* Some ticks of deltas on every source (bounded: slow under valgrind). */
	int64_t end = clock_mono_ms() + LOOP_LIMIT_MS;
	for (int k = 0; k < SOURCES && clock_mono_ms() < end;)
		if (store_source(r.store, k)->deltas >= 3)
			k++;
		else
			turn(&r, 50);
	for (int k = 0; k < SOURCES; k++) {
		const source_status_t *s = store_source(r.store, k);
		assert_false(s->failing);
		assert_true(s->deltas > 0);
		assert_true(s->vouching);
		assert_true(poller_cursor(r.poller, k)[0] != '\0');
	}
	/* Compare each source with the whole document of the tick the store
	 * stands at. */
	for (int k = 0; k < SOURCES; k++)
		assert_true(agree_with_whole(&r, k));
	rig_stop(&r);
}

/* Whole documents only: from a mock without report by exception, and from
 * one with it when the source is configured "since": false. */
static void test_whole_documents_only(void **state)
{
	(void)state;
	for (int mode = 0; mode < 2; mode++) {
		rig_t r;
		rig_start(&r, mode == 0, mode == 1);
		const source_status_t *s = store_source(r.store, WATER);
		int64_t end = clock_mono_ms() + LOOP_LIMIT_MS;
		while (s->polls_ok < 3 && clock_mono_ms() < end) /* 304s within a tick */
			turn(&r, 50);
		assert_true(s->polls_ok >= 3);
		assert_int_equal(s->deltas, 0);
		assert_false(s->failing);
		assert_string_equal(poller_cursor(r.poller, WATER), "");
		assert_int_equal(s->vouching, mode == 1); /* the mock still offers a cursor */
		cJSON *water = fetch_whole(&r, paths[WATER]);
		assert_int_equal(
		    s->readings_held,
		    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(water, "readings")));
		cJSON_Delete(water);
		rig_stop(&r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_deltas_agree_with_whole),
	    cmocka_unit_test(test_whole_documents_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

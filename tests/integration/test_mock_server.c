/* Integration tests: the real mock server on 127.0.0.1, port 0, spoken to
 * with libcurl as a plain HTTP client. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>
#include <cmocka.h>
#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "city.h"
#include "mock_server.h"

#define SEED 4242u
/* A tick far longer than the test: the documents do not change under it. */
#define SLOW_TICK_MS 3600000u

typedef struct reply {
	long status;
	char *body;
	size_t len;
	char content_type[128];
	char etag[64];
	char allow[64];
} reply_t;

typedef struct fixture {
	mock_server_t *srv;
	city_t *city; /* the same city, to know what to expect */
	char base[64];
} fixture_t;

static size_t on_body(char *data, size_t size, size_t n, void *userp)
{
	reply_t *r = userp;
	size_t add = size * n;
	char *grown = realloc(r->body, r->len + add + 1);
	if (!grown)
		return 0;
	memcpy(grown + r->len, data, add);
	r->body = grown;
	r->len += add;
	r->body[r->len] = '\0';
	return add;
}

/* Copies the value of header `name` (case-insensitive) into dst. */
static void grab_header(const char *line, size_t len, const char *name, char *dst, size_t cap)
{
	size_t nl = strlen(name);
	if (len <= nl + 1 || strncasecmp(line, name, nl) != 0 || line[nl] != ':')
		return;
	const char *v = line + nl + 1;
	while (*v == ' ')
		v++;
	size_t vlen = len - (size_t)(v - line);
	while (vlen > 0 && (v[vlen - 1] == '\r' || v[vlen - 1] == '\n'))
		vlen--;
	snprintf(dst, cap, "%.*s", (int)vlen, v);
}

static size_t on_header(char *line, size_t size, size_t n, void *userp)
{
	reply_t *r = userp;
	size_t len = size * n;
	grab_header(line, len, "Content-Type", r->content_type, sizeof(r->content_type));
	grab_header(line, len, "ETag", r->etag, sizeof(r->etag));
	grab_header(line, len, "Allow", r->allow, sizeof(r->allow));
	return len;
}

/* Performs one request; method NULL means GET. Returns the curl code. */
static CURLcode request(const char *url, const char *method, const char *if_none_match, reply_t *r)
{
	memset(r, 0, sizeof(*r));
	CURL *h = curl_easy_init();
	assert_non_null(h);
	struct curl_slist *hdrs = NULL;
	char inm[128];
	if (if_none_match) {
		snprintf(inm, sizeof(inm), "If-None-Match: %s", if_none_match);
		hdrs = curl_slist_append(hdrs, inm);
	}
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 20L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	if (method && strcmp(method, "HEAD") == 0)
		curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	else if (method && strcmp(method, "POST") == 0)
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, "x=1");
	CURLcode rc = curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(h);
	return rc;
}

static void get(const fixture_t *f, const char *path, const char *method, const char *inm,
                reply_t *r)
{
	char url[256];
	snprintf(url, sizeof(url), "%s%s", f->base, path);
	assert_int_equal(request(url, method, inm, r), CURLE_OK);
}

static int setup(void **state)
{
	fixture_t *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	mock_options_t opts = {
	    .bind = "127.0.0.1", .port = 0, .seed = SEED, .tick_ms = SLOW_TICK_MS};
	char *cause = NULL;
	f->srv = mock_server_start(&opts, &cause);
	if (!f->srv)
		fail_msg("mock_server_start: %s", cause);
	assert_true(mock_server_port(f->srv) > 0);
	snprintf(f->base, sizeof(f->base), "http://127.0.0.1:%u", mock_server_port(f->srv));
	f->city = city_create(SEED);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture_t *f = *state;
	mock_server_stop(f->srv);
	city_destroy(f->city);
	free(f);
	return 0;
}

/* Parses a 200 JSON reply and checks the protocol header. */
static cJSON *json_ok(reply_t *r)
{
	assert_int_equal(r->status, 200);
	assert_string_equal(r->content_type, "application/json; charset=utf-8");
	assert_true(r->etag[0] == '"');
	cJSON *doc = cJSON_ParseWithLength(r->body, r->len);
	assert_non_null(doc);
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, "version");
	assert_true(cJSON_IsNumber(v) && v->valueint == 1);
	assert_true(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(doc, "generated_at")));
	free(r->body);
	return doc;
}

static void test_feeds(void **state)
{
	fixture_t *f = *state;
	size_t total = 0;
	for (size_t d = 0; d < city_domain_count(); d++) {
		char path[64];
		reply_t r;
		snprintf(path, sizeof(path), "/v1/feeds/%s", city_domain_name(d));
		get(f, path, NULL, NULL, &r);
		cJSON *doc = json_ok(&r);
		const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, "readings"), *it;
		size_t want = 0, got = 0;
		for (size_t i = 0; i < city_reading_count(f->city); i++)
			want += city_reading(f->city, i)->domain == d;
		cJSON_ArrayForEach(it, arr)
		{
			const cJSON *dom = cJSON_GetObjectItemCaseSensitive(it, "domain");
			assert_string_equal(dom->valuestring, city_domain_name(d));
			got++;
		}
		assert_true(want > 0);
		assert_int_equal(got, want);
		total += got;
		cJSON_Delete(doc);
	}
	assert_int_equal(total, city_reading_count(f->city));
}

static void test_kpis_events_health(void **state)
{
	fixture_t *f = *state;
	reply_t r;
	get(f, "/v1/kpis", NULL, NULL, &r);
	cJSON *doc = json_ok(&r);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "kpis")),
	                 (int)city_kpi_count(f->city));
	cJSON_Delete(doc);

	get(f, "/v1/events", NULL, NULL, &r);
	doc = json_ok(&r);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "events")),
	                 (int)city_event_count(f->city));
	cJSON_Delete(doc);

	get(f, "/healthz", NULL, NULL, &r);
	doc = json_ok(&r);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(doc, "status")->valuestring, "ok");
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(doc, "seed")->valuedouble, SEED);
	cJSON_Delete(doc);
}

static void expect_json_error(reply_t *r, long status)
{
	assert_int_equal(r->status, status);
	assert_string_equal(r->content_type, "application/json; charset=utf-8");
	cJSON *doc = cJSON_ParseWithLength(r->body, r->len);
	assert_non_null(doc);
	assert_true(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(doc, "error")));
	cJSON_Delete(doc);
	free(r->body);
}

static void test_errors(void **state)
{
	fixture_t *f = *state;
	reply_t r;
	get(f, "/v1/feeds/sewer", NULL, NULL, &r);
	expect_json_error(&r, 404);
	get(f, "/v1/feeds/water/extra", NULL, NULL, &r);
	expect_json_error(&r, 404);
	get(f, "/", NULL, NULL, &r);
	expect_json_error(&r, 404);
	get(f, "/v1/kpis", "POST", NULL, &r);
	expect_json_error(&r, 405);
	assert_non_null(strstr(r.allow, "GET"));
}

static void test_head(void **state)
{
	fixture_t *f = *state;
	reply_t r;
	get(f, "/v1/feeds/gas", "HEAD", NULL, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.len, 0);
	assert_true(r.etag[0] == '"');
	free(r.body);
}

static void test_etag_not_modified(void **state)
{
	fixture_t *f = *state;
	reply_t r, again;
	get(f, "/v1/feeds/power", NULL, NULL, &r);
	assert_int_equal(r.status, 200);
	free(r.body);
	/* same tick: same ETag, and the same bytes are served from the cache */
	get(f, "/v1/feeds/power", NULL, r.etag, &again);
	assert_int_equal(again.status, 304);
	assert_int_equal(again.len, 0);
	assert_string_equal(again.etag, r.etag);
	free(again.body);
	/* a stale tag gets the full document */
	get(f, "/v1/feeds/power", NULL, "\"0000000000000000-0\"", &again);
	assert_int_equal(again.status, 200);
	assert_true(again.len > 100);
	free(again.body);
	/* other paths have other tags */
	get(f, "/v1/feeds/water", NULL, r.etag, &again);
	assert_int_equal(again.status, 200);
	assert_string_not_equal(again.etag, r.etag);
	free(again.body);
}

/* With a short tick, the document and its ETag move on. */
static void test_tick_advances(void **state)
{
	mock_options_t opts = {.port = 0, .seed = SEED, .tick_ms = 5};
	char *cause = NULL, url[128];
	mock_server_t *srv = mock_server_start(&opts, &cause);
	assert_non_null(srv);
	snprintf(url, sizeof(url), "http://127.0.0.1:%u/healthz", mock_server_port(srv));
	reply_t a, b;
	assert_int_equal(request(url, NULL, NULL, &a), CURLE_OK);
	struct timespec nap = {0, 30 * 1000000L};
	nanosleep(&nap, NULL);
	assert_int_equal(request(url, NULL, a.etag, &b), CURLE_OK);
	assert_int_equal(b.status, 200); /* not 304: the tick moved */
	assert_string_not_equal(a.etag, b.etag);
	free(a.body);
	free(b.body);
	mock_server_stop(srv);
	/* stopped: nothing listens any more */
	assert_int_not_equal(request(url, NULL, NULL, &a), CURLE_OK);
	free(a.body);
}

#define CLIENTS 6
#define ROUNDS  8

typedef struct client {
	const char *url;
	char *first;     /* first body this client saw */
	size_t mismatch; /* bodies that differed from it, or failed */
} client_t;

static void *client_run(void *arg)
{
	client_t *cl = arg;
	for (int k = 0; k < ROUNDS; k++) {
		reply_t r;
		if (request(cl->url, NULL, NULL, &r) != CURLE_OK || r.status != 200) {
			cl->mismatch++;
		} else if (!cl->first) {
			cl->first = r.body;
			continue;
		} else if (strcmp(cl->first, r.body) != 0) {
			cl->mismatch++;
		}
		free(r.body);
	}
	return NULL;
}

/* Concurrent clients within one tick all get the same cached bytes
 * (generated_at included: the document was built once). */
static void test_concurrent_clients_share_cache(void **state)
{
	fixture_t *f = *state;
	char url[128];
	snprintf(url, sizeof(url), "%s/v1/feeds/bridge", f->base);
	client_t cl[CLIENTS] = {0};
	pthread_t th[CLIENTS];
	for (int i = 0; i < CLIENTS; i++) {
		cl[i].url = url;
		assert_int_equal(pthread_create(&th[i], NULL, client_run, &cl[i]), 0);
	}
	for (int i = 0; i < CLIENTS; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < CLIENTS; i++) {
		assert_int_equal(cl[i].mismatch, 0);
		assert_non_null(cl[i].first);
		assert_string_equal(cl[i].first, cl[0].first);
	}
	for (int i = 0; i < CLIENTS; i++)
		free(cl[i].first);
}

static void test_bad_bind(void **state)
{
	mock_options_t opts = {.bind = "not-an-address", .port = 0};
	char *cause = NULL;
	assert_null(mock_server_start(&opts, &cause));
	assert_non_null(cause);
	assert_non_null(strstr(cause, "not-an-address"));
	free(cause);
	mock_server_stop(NULL);
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_feeds, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_kpis_events_health, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_head, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_etag_not_modified, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_concurrent_clients_share_cache, setup, teardown),
	    cmocka_unit_test(test_tick_advances),
	    cmocka_unit_test(test_bad_bind),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	curl_global_cleanup();
	return failed;
}

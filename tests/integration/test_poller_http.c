/* The poller against a scripted HTTP server on 127.0.0.1 (libmicrohttpd, in
 * this test): Retry-After in both forms, exponential backoff, a gzip body,
 * and a 304 nobody asked for — the client duties of the feed protocol's
 * transport section. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "config.h"
#include "poller.h"
#include "store.h"

/* {"version":1,"readings":[{"id":"gz.reading","name":"gzip ok","domain":"water","value":4.2}]}
 * compressed with gzip -9n. */
static const unsigned char gzipped_doc[] = {
    0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xab, 0x56, 0x2a, 0x4b, 0x2d,
    0x2a, 0xce, 0xcc, 0xcf, 0x53, 0xb2, 0x32, 0xd4, 0x51, 0x2a, 0x4a, 0x4d, 0x4c, 0xc9, 0xcc,
    0x4b, 0x2f, 0x56, 0xb2, 0x8a, 0xae, 0x56, 0xca, 0x4c, 0x51, 0xb2, 0x52, 0x4a, 0xaf, 0xd2,
    0x83, 0x0a, 0x2a, 0xe9, 0x28, 0xe5, 0x25, 0xe6, 0xa6, 0x82, 0xc5, 0x32, 0x0b, 0x14, 0xf2,
    0xb3, 0x81, 0x02, 0x29, 0xf9, 0xb9, 0x89, 0x99, 0x40, 0xad, 0x4a, 0xe5, 0x89, 0x25, 0xa9,
    0x45, 0x40, 0x81, 0xb2, 0xc4, 0x9c, 0x52, 0xa0, 0x12, 0x13, 0x3d, 0xa3, 0xda, 0xd8, 0x5a,
    0x00, 0x79, 0x24, 0x45, 0x35, 0x5c, 0x00, 0x00, 0x00,
};

/* What the server answers, set by each test before polling. */
typedef struct script {
	unsigned status;
	const char *retry_after; /* header value, or NULL */
	bool gzip;
	atomic_int requests;
} script_t;

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **req_cls)
{
	(void)url, (void)method, (void)version, (void)upload, (void)upload_size, (void)req_cls;
	script_t *sc = cls;
	atomic_fetch_add(&sc->requests, 1);
	struct MHD_Response *resp =
	    sc->gzip ? MHD_create_response_from_buffer(sizeof gzipped_doc, (void *)gzipped_doc,
	                                               MHD_RESPMEM_PERSISTENT)
	             : MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	if (sc->gzip)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	if (sc->retry_after)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, sc->retry_after);
	enum MHD_Result ret = MHD_queue_response(conn, sc->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

typedef struct rig {
	script_t script;
	struct MHD_Daemon *daemon;
	config_t cfg;
	store_t *store;
	poller_t *poller;
} rig_t;

static void rig_open(rig_t *r, unsigned status, const char *retry_after, bool gzip,
                     int64_t interval_ms)
{
	memset(r, 0, sizeof *r);
	r->script = (script_t){.status = status, .retry_after = retry_after, .gzip = gzip};
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	r->daemon =
	    MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD, 0, NULL, NULL, answer, &r->script,
	                     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_END);
	assert_non_null(r->daemon);
	uint16_t port = MHD_get_daemon_info(r->daemon, MHD_DAEMON_INFO_BIND_PORT)->port;
	char arg[96], *cause = NULL;
	snprintf(arg, sizeof arg, "feed=http://127.0.0.1:%u/v1/feeds/water", (unsigned)port);
	assert_int_equal(config_add_source_arg(&r->cfg, arg, &cause), 0);
	r->cfg.sources[0].interval_ms = interval_ms;
	r->store = store_create();
	r->poller = poller_create(r->store, &r->cfg, &cause);
	assert_non_null(r->poller);
}

static void rig_close(rig_t *r)
{
	poller_destroy(r->poller);
	store_destroy(r->store);
	config_free(&r->cfg);
	MHD_stop_daemon(r->daemon);
}

/* Runs the poller's loop for `ms` of wall time. */
static void run_for(rig_t *r, int64_t ms)
{
	int64_t end = clock_mono_ms() + ms;
	while (clock_mono_ms() < end) {
		poller_start_due(r->poller, clock_mono_ms());
		int64_t wait = poller_ms_until_due(r->poller, clock_mono_ms());
		int64_t left = end - clock_mono_ms();
		poller_wait(r->poller, NULL, 0, NULL,
		            (int)(wait < left ? wait
		                  : left > 0  ? left
		                              : 0));
		poller_perform(r->poller, clock_wall_ms(), clock_mono_ms());
	}
}

static void test_retry_after_seconds_is_honoured(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, MHD_HTTP_SERVICE_UNAVAILABLE, "2", false, 50);
	run_for(&r, 1500);
	/* Polled every 50 ms it would have asked about 30 times; told to wait
	 * 2 s, it asks once. */
	assert_int_equal(atomic_load(&r.script.requests), 1);
	const source_status_t *s = store_source(r.store, 0);
	assert_true(s->failing);
	assert_string_equal(s->error, "HTTP status 503");
	rig_close(&r);
}

static void test_retry_after_date_is_honoured(void **state)
{
	(void)state;
	char date[64];
	time_t at = time(NULL) + 3;
	struct tm tm;
	gmtime_r(&at, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	rig_t r;
	rig_open(&r, MHD_HTTP_TOO_MANY_REQUESTS, date, false, 50);
	run_for(&r, 1500);
	assert_int_equal(atomic_load(&r.script.requests), 1);
	rig_close(&r);
}

static void test_failures_back_off(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, MHD_HTTP_INTERNAL_SERVER_ERROR, NULL, false, 50);
	run_for(&r, 1200);
	/* 50 ms apart it would ask 24 times; doubling (±20%) from 50 ms, the
	 * attempts start at about 0, 100, 300, 700 ms. */
	int n = atomic_load(&r.script.requests);
	assert_true(n >= 2);
	assert_true(n <= 6);
	assert_int_equal(store_source(r.store, 0)->consecutive_failures, (unsigned)n);
	rig_close(&r);
}

static void test_gzip_body_is_read(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, MHD_HTTP_OK, NULL, true, 1000);
	run_for(&r, 300);
	const source_status_t *s = store_source(r.store, 0);
	assert_false(s->failing);
	long i = store_find_reading(r.store, 0, "gz.reading");
	assert_true(i >= 0);
	assert_true(store_reading(r.store, (size_t)i)->value == 4.2);
	rig_close(&r);
}

/* A 304 answers a conditional request; to a request without If-None-Match
 * (the first one never has it) it confirms nothing: a protocol error, not a
 * healthy poll. */
static void test_304_without_if_none_match_is_an_error(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, MHD_HTTP_NOT_MODIFIED, NULL, false, 60000);
	run_for(&r, 300);
	assert_int_equal(atomic_load(&r.script.requests), 1);
	const source_status_t *s = store_source(r.store, 0);
	assert_true(s->failing);
	assert_false(s->ever_ok);
	assert_int_equal(s->not_modified, 0);
	assert_int_equal(s->polls_failed, 1);
	assert_non_null(s->error);
	assert_non_null(strstr(s->error, "304"));
	assert_non_null(strstr(s->error, "If-None-Match"));
	rig_close(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_retry_after_seconds_is_honoured),
	    cmocka_unit_test(test_retry_after_date_is_honoured),
	    cmocka_unit_test(test_failures_back_off),
	    cmocka_unit_test(test_gzip_body_is_read),
	    cmocka_unit_test(test_304_without_if_none_match_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

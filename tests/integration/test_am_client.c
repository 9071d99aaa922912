/* test_am_client: the Alertmanager client's thread against a scripted HTTP
 * server on loopback (script_server): what the link says when Alertmanager
 * refuses or is away, that queued commands survive it and go out when it
 * answers, the queue's cap, the silence list handed back, a bad URL. The
 * real Alertmanager: alertmanager_test.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "am_client.h"
#include "clock.h"
#include "script_server.h"
#include "../unit/fixture.h"
#include "xalloc.h"

static atomic_int cycles;

static void on_news(void *ctx)
{
	(void)ctx;
	atomic_fetch_add(&cycles, 1);
}

static void nap(void)
{
	struct timespec ts = {0, 20 * 1000 * 1000};
	nanosleep(&ts, NULL);
}

/* The status after `more` further cycles (bounded: fails after 30 s). */
static am_status_t after_cycles(am_client_t *c, int more)
{
	int want = atomic_load(&cycles) + more;
	int64_t deadline = clock_mono_ms() + 30000;
	while (atomic_load(&cycles) < want) {
		assert_true(clock_mono_ms() < deadline);
		nap();
	}
	am_status_t st;
	am_silence_t *list;
	size_t n;
	am_client_take(c, &st, &list, &n);
	am_silences_free(list, n);
	return st;
}

static am_client_t *start(script_server_t *srv)
{
	char *cause = NULL;
	am_client_t *c = am_client_start(script_server_url(srv), 200, on_news, NULL, &cause);
	assert_non_null(c);
	return c;
}

static void test_bad_url(void **state)
{
	(void)state;
	const char *bad[] = {"ftp://example.org", "http://", "localhost:9093", "", "https:///x"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *cause = NULL;
		assert_null(am_client_start(bad[i], 1000, NULL, NULL, &cause));
		assert_non_null(strstr(cause, "URL"));
		free(cause);
	}
	char *cause = NULL;
	assert_null(am_client_start(NULL, 1000, NULL, NULL, &cause));
	free(cause);
}

static void test_refused(void **state)
{
	(void)state;
	script_server_t *srv = script_server_start(500, "{\"code\":500,\"message\":\"boom\"}");
	am_client_t *c = start(srv);
	am_alert_t a = {"x.p", "limit", "water", "", "", "high", "water", "1", "2", "P", "UNACK",
	                1};
	am_client_set_alerts(c, &a, 1);
	am_client_silence(c, "x.p", false, clock_wall_ms() + 600000, "alice", "why");
	am_status_t st = after_cycles(c, 2);
	assert_false(st.reachable);
	assert_non_null(strstr(st.error, "HTTP 500"));
	assert_non_null(strstr(st.error, "boom"));
	assert_int_equal(st.pending, 1); /* kept for the next try */
	assert_int_equal(st.last_ok_ms, 0);
	assert_int_equal(st.syncs, 0);

	/* Alertmanager answers: the command goes out, the list comes back */
	script_server_set(srv, 200, "[]");
	st = after_cycles(c, 2);
	assert_true(st.reachable);
	assert_string_equal(st.error, "");
	assert_int_equal(st.pending, 0);
	assert_int_equal(st.alerts, 1);
	assert_true(st.syncs >= 1);
	assert_true(st.last_ok_ms > 0);
	am_client_stop(c);
	script_server_stop(srv);
}

static void test_away_and_back(void **state)
{
	(void)state;
	script_server_t *srv = script_server_start(200, "[]");
	am_client_t *c = start(srv);
	am_status_t st = after_cycles(c, 1);
	assert_true(st.reachable);
	script_server_down(srv);
	am_client_silence(c, "x.p", false, clock_wall_ms() + 600000, "alice", "why");
	am_client_expire(c, "y.q", true);
	st = after_cycles(c, 2);
	assert_false(st.reachable);
	assert_true(strlen(st.error) > 0);
	assert_int_equal(st.pending, 2);
	int before = script_server_requests(srv);
	script_server_up(srv);
	am_client_kick(c);
	st = after_cycles(c, 2);
	assert_true(st.reachable);
	assert_int_equal(st.pending, 0);
	assert_true(script_server_requests(srv) > before);
	am_client_stop(c);
	script_server_stop(srv);
}

static void test_queue_capped(void **state)
{
	(void)state;
	script_server_t *srv = script_server_start(503, "down for maintenance");
	am_client_t *c = start(srv);
	am_client_expire(c, "first", false); /* the oldest expiry is dropped first */
	for (int i = 0; i < 10000; i++) {
		char id[32];
		snprintf(id, sizeof id, "a%d", i);
		am_client_silence(c, id, false, clock_wall_ms() + 600000, "u", "r");
	}
	am_status_t st = after_cycles(c, 1);
	assert_int_equal(st.pending, 10000);
	assert_false(st.reachable);
	assert_non_null(strstr(st.error, "HTTP 503: down for maintenance"));
	am_client_silence(c, "one more", false, clock_wall_ms() + 600000, "u", "r");
	st = after_cycles(c, 1);
	assert_int_equal(st.pending, 10000);
	am_client_stop(c); /* frees what waits */
	script_server_stop(srv);
}

static void test_silences_handed_back(void **state)
{
	(void)state;
	size_t len;
	char *body = read_fixture("alertmanager/silences_0.25.json", &len);
	script_server_t *srv = script_server_start(200, body);
	free(body);
	am_client_t *c = start(srv);
	int64_t deadline = clock_mono_ms() + 30000;
	am_status_t st;
	am_silence_t *list = NULL;
	size_t n = 0;
	while (!am_client_take(c, &st, &list, &n)) {
		assert_true(clock_mono_ms() < deadline);
		nap();
	}
	assert_int_equal(n, 4); /* by their state: the expired one dropped */
	size_t acks = 0;
	for (size_t i = 0; i < n; i++)
		acks += list[i].ack;
	assert_int_equal(acks, 1);
	am_silences_free(list, n);
	/* taken: nothing new until the next list */
	assert_false(am_client_take(c, &st, &list, &n));
	assert_null(list);
	am_client_stop(c);
	script_server_stop(srv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_url),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_away_and_back),
		cmocka_unit_test(test_queue_capped),
		cmocka_unit_test(test_silences_handed_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

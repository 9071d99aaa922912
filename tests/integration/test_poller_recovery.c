/* The poller when a feed fails and comes back. A failure that is not the
 * server's distress (refused, a timeout, a document that cannot be used, a
 * 4xx but 429) is retried at the source's interval, so a feed that comes
 * back is read again within one interval; a server in distress (5xx, 429)
 * is backed off, capped against the interval. The store is told when the
 * next try is; the operator can retry at once.
 *
 * The poller is driven in virtual time (it takes the clock as a parameter):
 * each step starts what is due, lets any transfer finish in real time, then
 * moves the virtual clock on. So minutes of backoff take milliseconds, and
 * nothing here depends on how fast the machine is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "clock.h"
#include "config.h"
#include "poller.h"
#include "script_server.h"
#include "store.h"

#define T0      1764057600000 /* steady time of virtual 0 */
#define STEP_MS 100
#define DOC     "{\"version\":1,\"readings\":[{\"id\":\"w.1\",\"domain\":\"water\",\"value\":1}]}"

typedef struct rig {
	script_server_t *srv;
	config_t cfg;
	store_t *store;
	poller_t *poller;
	int64_t vt; /* virtual monotonic time */
} rig_t;

/* The source reads url (NULL: the script server's), each request with
 * timeout_ms (real time). */
static void rig_open_at(rig_t *r, int64_t interval_ms, const char *url, int64_t timeout_ms)
{
	memset(r, 0, sizeof *r);
	r->srv = script_server_start(200, DOC);
	char arg[128], *cause = NULL;
	snprintf(arg, sizeof arg, "feed=%s", url ? url : script_server_url(r->srv));
	assert_int_equal(config_add_source_arg(&r->cfg, arg, &cause), 0);
	r->cfg.sources[0].interval_ms = interval_ms;
	r->cfg.sources[0].timeout_ms = timeout_ms;
	r->store = store_create();
	r->poller = poller_create(r->store, &r->cfg, &cause);
	assert_non_null(r->poller);
}

static void rig_open(rig_t *r, int64_t interval_ms)
{
	rig_open_at(r, interval_ms, NULL, 5000);
}

static void rig_close(rig_t *r)
{
	poller_destroy(r->poller);
	store_destroy(r->store);
	config_free(&r->cfg);
	script_server_stop(r->srv);
}

static uint64_t attempts(const rig_t *r)
{
	const source_status_t *s = store_source(r->store, 0);
	return s->polls_ok + s->polls_failed + s->not_modified;
}

/* One virtual step; returns true if an attempt finished in it. */
static bool step(rig_t *r)
{
	uint64_t before = attempts(r);
	poller_start_due(r->poller, r->vt);
	/* INT64_MAX: its transfer (or parse) is under way. Bounded in real time. */
	int64_t limit = clock_mono_ms() + 20000;
	while (poller_ms_until_due(r->poller, r->vt) == INT64_MAX && clock_mono_ms() < limit) {
		assert_int_equal(poller_wait(r->poller, NULL, 0, NULL, 50), 0);
		poller_perform(r->poller, T0 + r->vt, r->vt);
	}
	r->vt += STEP_MS;
	return attempts(r) != before;
}

/* Steps until an attempt finishes (at most `max_ms` of virtual time);
 * returns the virtual time it finished at, or -1. */
static int64_t step_to_attempt(rig_t *r, int64_t max_ms)
{
	for (int64_t end = r->vt + max_ms; r->vt < end;) {
		int64_t at = r->vt;
		if (step(r))
			return at;
	}
	return -1;
}

static void test_backoff_cap(void **state)
{
	(void)state;
	assert_int_equal(poller_backoff_cap_ms(100), 2000);  /* the floor */
	assert_int_equal(poller_backoff_cap_ms(1000), 4000); /* 4 intervals */
	assert_int_equal(poller_backoff_cap_ms(2500), 10000);
	assert_int_equal(poller_backoff_cap_ms(15000), 60000); /* the ceiling */
	assert_int_equal(poller_backoff_cap_ms(30000), 60000);
	assert_int_equal(poller_backoff_cap_ms(300000), 300000); /* never below the interval */
}

/* Records the next n attempts (at most max_ms of virtual time): when each
 * finished, and when the store was told the next would be. All must fail. */
static void record_failures(rig_t *r, int n, int64_t max_ms, int64_t *at, int64_t *next)
{
	for (int i = 0; i < n; i++) {
		at[i] = step_to_attempt(r, max_ms);
		assert_true(at[i] >= 0);
		const source_status_t *s = store_source(r->store, 0);
		assert_true(s->failing);
		next[i] = s->next_try_ms - T0;
	}
}

/* After a failure that is not the server's distress, every try is planned
 * one interval on (as healthy polls are, without jitter), and the feed,
 * healthy again, is read within one interval. */
static void retried_at_the_interval(rig_t *r)
{
	enum { N = 6, INTERVAL = 2500 };
	int64_t at[N], next[N];
	assert_int_equal(r->cfg.sources[0].interval_ms, INTERVAL);
	record_failures(r, N, 4 * INTERVAL, at, next);
	for (int i = 0; i < N; i++) {
		assert_int_equal(next[i], at[i] + INTERVAL); /* the store knows it */
		if (i > 0)
			assert_int_equal(at[i] - at[i - 1], INTERVAL);
	}
	assert_int_equal(store_source(r->store, 0)->consecutive_failures, N);
}

static void healthy_within_one_interval(rig_t *r)
{
	int64_t back = r->vt;
	script_server_up(r->srv);
	script_server_set(r->srv, 200, DOC);
	int64_t at = step_to_attempt(r, 60000);
	assert_true(at >= 0);
	assert_false(store_source(r->store, 0)->failing);
	assert_true(at - back <= 2500);
}

static void test_refused_is_retried_at_the_interval(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 2500);
	assert_true(step_to_attempt(&r, 1000) >= 0);
	assert_false(store_source(r.store, 0)->failing);
	script_server_down(r.srv);
	retried_at_the_interval(&r);
	healthy_within_one_interval(&r);
	rig_close(&r);
}

/* Answers that the server sent in good health but citydash cannot use. */
static void test_bad_answers_are_retried_at_the_interval(void **state)
{
	(void)state;
	static const struct {
		unsigned status;
		const char *body;
	} bad[] = {
	    {200, "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>"},
	    {200, "{\"version\":1,\"readings\":[{\"id\":\"w.1\""}, /* truncated */
	    {200, "{\"version\":2,\"readings\":[]}"},
	    {404, "not here"},
	    {401, NULL},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		rig_t r;
		rig_open(&r, 2500);
		assert_true(step_to_attempt(&r, 1000) >= 0);
		script_server_set(r.srv, bad[i].status, bad[i].body);
		retried_at_the_interval(&r);
		healthy_within_one_interval(&r);
		rig_close(&r);
	}
}

/* A socket that takes connections (the kernel does) and never answers. */
static int silent_listener(uint16_t *port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof sa;
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(listen(fd, 64), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	*port = ntohs(sa.sin_port);
	return fd;
}

static void test_timeout_is_retried_at_the_interval(void **state)
{
	(void)state;
	uint16_t port;
	int fd = silent_listener(&port);
	char url[64];
	snprintf(url, sizeof url, "http://127.0.0.1:%u/feed", (unsigned)port);
	rig_t r;
	rig_open_at(&r, 2500, url, 200); /* each try times out after 200 ms */
	retried_at_the_interval(&r);
	const char *error = store_source(r.store, 0)->error;
	assert_non_null(error);
	assert_non_null(strstr(error, "no answer within 200 ms"));
	rig_close(&r);
	close(fd);
}

/* A server in distress (5xx, 429 without Retry-After) is backed off: 2
 * intervals, then doubling up to the cap, each up to 20% earlier; back in
 * health it is read again within the cap, not later. */
static void test_distress_backs_off_within_the_cap(void **state)
{
	(void)state;
	static const unsigned distress[] = {500, 502, 503, 429};
	for (size_t k = 0; k < sizeof distress / sizeof distress[0]; k++) {
		enum { N = 12, INTERVAL = 2500 };
		rig_t r;
		rig_open(&r, INTERVAL);
		int64_t cap = poller_backoff_cap_ms(INTERVAL), at[N], next[N];
		assert_true(step_to_attempt(&r, 1000) >= 0);
		script_server_set(r.srv, distress[k], "busy");
		record_failures(&r, N, 2 * cap, at, next);
		for (int i = 0; i < N; i++) {
			/* 2, 4, 4 … intervals (the cap is 4), up to 20% earlier. */
			int64_t full = i == 0 ? 2 * INTERVAL : cap;
			assert_true(next[i] - at[i] <= full);
			assert_true(next[i] - at[i] >= full - full / 5);
			if (i > 0)
				assert_true(at[i] - at[i - 1] <= next[i - 1] - at[i - 1] + STEP_MS);
		}
		/* Back in health right after a failed try: read within the cap. */
		int64_t back = r.vt;
		script_server_set(r.srv, 200, DOC);
		int64_t ok = step_to_attempt(&r, 2 * cap);
		assert_true(ok >= 0);
		assert_false(store_source(r.store, 0)->failing);
		assert_true(ok - back <= cap);
		rig_close(&r);
	}
}

/* The backoff grows with answers in distress since the last good one: a
 * good answer ends it, and other failures in between neither grow it nor
 * end it. */
static void test_distress_streak(void **state)
{
	(void)state;
	enum { INTERVAL = 2500 };
	rig_t r;
	int64_t at[1], next[1];
	rig_open(&r, INTERVAL);
	assert_true(step_to_attempt(&r, 1000) >= 0);
	script_server_set(r.srv, 503, NULL);
	record_failures(&r, 1, 60000, at, next);
	assert_true(next[0] - at[0] > INTERVAL); /* 2 intervals, -20% at most */
	script_server_down(r.srv);               /* refused: at the interval */
	record_failures(&r, 1, 60000, at, next);
	assert_int_equal(next[0] - at[0], INTERVAL);
	script_server_up(r.srv); /* 503 again: the second of the streak */
	record_failures(&r, 1, 60000, at, next);
	assert_true(next[0] - at[0] > 2 * INTERVAL); /* 4 intervals, -20% at most */
	script_server_set(r.srv, 200, DOC);
	assert_true(step_to_attempt(&r, 60000) >= 0);
	assert_false(store_source(r.store, 0)->failing);
	script_server_set(r.srv, 500, NULL); /* a new streak starts at 2 */
	record_failures(&r, 1, 60000, at, next);
	assert_true(next[0] - at[0] <= 2 * INTERVAL);
	assert_true(next[0] - at[0] > INTERVAL);
	rig_close(&r);
}

/* The retry key: a failing source with a long wait ahead is tried at the
 * next step, and the store says it is being tried now. */
static void test_retry_now(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 15000);
	assert_true(step_to_attempt(&r, 1000) >= 0);
	script_server_down(r.srv);
	for (int i = 0; i < 3; i++)
		assert_true(step_to_attempt(&r, 120000) >= 0);
	const source_status_t *s = store_source(r.store, 0);
	assert_true(s->failing);
	assert_true(s->next_try_ms - (T0 + r.vt) > 10000); /* a long wait ahead */

	script_server_up(r.srv);
	poller_retry_now(r.poller, r.vt);
	assert_int_equal(s->next_try_ms, 0); /* "trying again now" */
	assert_int_equal(poller_ms_until_due(r.poller, r.vt), 0);
	assert_true(step(&r));
	assert_false(s->failing);
	/* A healthy source is not affected by the key. */
	int64_t planned = s->next_try_ms;
	poller_retry_now(r.poller, r.vt);
	assert_int_equal(s->next_try_ms, planned);
	assert_true(poller_ms_until_due(r.poller, r.vt) > 0);
	rig_close(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_backoff_cap),
	    cmocka_unit_test(test_refused_is_retried_at_the_interval),
	    cmocka_unit_test(test_bad_answers_are_retried_at_the_interval),
	    cmocka_unit_test(test_timeout_is_retried_at_the_interval),
	    cmocka_unit_test(test_distress_backs_off_within_the_cap),
	    cmocka_unit_test(test_distress_streak),
	    cmocka_unit_test(test_retry_now),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The poller's attempts of several requests (adapter.h next_request): a test
 * adapter, defined here, pages through three URLs under the source's url and
 * parses the answers together (the pages are readings of one protocol v1
 * document). Against the scripted server: requests in order, one document,
 * the answers' steps given back, attempt.first until a success, a failing
 * page failing the whole attempt and planning the next by its status
 * (4xx at the interval, 5xx backed off), error_reason, a warning shown then
 * cleared, the bound on requests, the body cap, and a source's headers kept
 * to its own origin.
 *
 * Driven in virtual time as test_poller_recovery.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapter.h"
#include "clock.h"
#include "config.h"
#include "poller.h"
#include "script_server.h"
#include "store.h"
#include "xalloc.h"

#define T0      1764057600000 /* steady time of virtual 0 */
#define STEP_MS 100
#define PATHS   8
#define TRACE   16

/* What the server answers and saw, and what the adapter was told. The
 * adapter's options point here. */
typedef struct world {
	pthread_mutex_t lock; /* the server's side: its thread writes */
	char paths[PATHS][64];
	int requests;
	bool inm_seen;
	int value;             /* page N answers r.N = value * 10 + N */
	int fail_page;         /* this page answers fail_status with fail_body */
	unsigned fail_status;
	const char *fail_body;
	int big_page;          /* this page answers big_len bytes */
	size_t big_len;
	bool warn;             /* page 1 carries the warning mark '!' */
	/* The adapter's side. */
	int pages;             /* requests it asks for per attempt */
	bool elsewhere;        /* page 2 is asked of "localhost", not 127.0.0.1 */
	bool firsts[TRACE];    /* attempt.first of each attempt */
	int attempts;
	int64_t now_ms;        /* attempt.now_ms of the last attempt */
	int bad_steps;         /* answers whose step was not their request's */
	int parsed_steps[TRACE];
	size_t parsed;
} world_t;

/* ---- the test adapter ---- */

static int pager_next(const void *opts, const adapter_attempt_t *at, adapter_request_t *req,
                      char **cause)
{
	world_t *w = (world_t *)opts;
	(void)cause;
	if (at->done == 0 && w->attempts < TRACE) {
		w->firsts[w->attempts++] = at->first;
		w->now_ms = at->now_ms;
	}
	for (size_t i = 0; i < at->done; i++)
		if (at->bodies[i].step != 100 + (int)i + 1)
			w->bad_steps++;
	if (at->done >= (size_t)w->pages)
		return 0;
	const char *ip = strstr(at->base_url, "127.0.0.1");
	if (w->elsewhere && at->done == 1 && ip)
		req->url = xasprintf("http://localhost%s/2", ip + strlen("127.0.0.1"));
	else
		req->url = xasprintf("%s/%zu", at->base_url, at->done + 1);
	req->step = 100 + (int)at->done + 1;
	return 1;
}

/* Concatenates the pages into one protocol v1 document. */
static int pager_parse(const void *opts, const adapter_body_t *bodies, size_t n, int64_t now_ms,
                       const feed_sink_t *sink, feed_stats_t *stats, char **cause)
{
	world_t *w = (world_t *)opts;
	size_t len = 64;
	for (size_t i = 0; i < n; i++)
		len += bodies[i].len + 1;
	char *doc = xmalloc(len);
	size_t at = (size_t)snprintf(doc, len, "{\"version\":1,\"readings\":[");
	bool warn = false;
	w->parsed = n;
	for (size_t i = 0; i < n; i++) {
		const char *b = bodies[i].data;
		size_t blen = bodies[i].len;
		if (blen && b[0] == '!') {
			warn = true;
			b++, blen--;
		}
		if (i)
			doc[at++] = ',';
		memcpy(doc + at, b, blen);
		at += blen;
		if (i < TRACE)
			w->parsed_steps[i] = bodies[i].step;
	}
	at += (size_t)snprintf(doc + at, len - at, "]}");
	adapter_body_t one = {doc, at, 0};
	int rc = adapter_find(NULL)->parse(NULL, &one, 1, now_ms, sink, stats, cause);
	free(doc);
	if (rc == 0 && warn)
		snprintf(stats->warning, sizeof stats->warning, "partial data");
	return rc;
}

static char *pager_error(const void *opts, long status, const char *body, size_t len)
{
	(void)opts;
	return status == 400 ? xasprintf("bad query: %.*s", (int)len, body) : NULL;
}

static const adapter_t pager = {
    .name = "test-pager",
    .parse = pager_parse,
    .next_request = pager_next,
    .error_reason = pager_error,
};

/* ---- the server ---- */

static void answer(void *ctx, const char *path, const char *inm, unsigned *status,
                   const char **body)
{
	static char buf[4096]; /* under the server's lock */
	world_t *w = ctx;
	pthread_mutex_lock(&w->lock);
	if (w->requests < PATHS)
		snprintf(w->paths[w->requests], sizeof w->paths[0], "%s", path);
	w->requests++;
	w->inm_seen |= inm != NULL;
	int page = 0;
	sscanf(path, "/feed/%d", &page);
	*status = 200;
	if (page == w->fail_page) {
		*status = w->fail_status;
		*body = w->fail_body;
	} else if (page == w->big_page) {
		size_t n = w->big_len < sizeof buf - 64 ? w->big_len : sizeof buf - 64;
		int head = snprintf(buf, sizeof buf, "{\"id\":\"r.%d\",\"value\":1}", page);
		memset(buf + head, ' ', n > (size_t)head ? n - (size_t)head : 0);
		buf[n > (size_t)head ? n : (size_t)head] = '\0';
		*body = buf;
	} else {
		snprintf(buf, sizeof buf, "%s{\"id\":\"r.%d\",\"domain\":\"water\",\"value\":%d}",
		         w->warn && page == 1 ? "!" : "", page, w->value * 10 + page);
		*body = buf;
	}
	pthread_mutex_unlock(&w->lock);
}

/* ---- the rig ---- */

typedef struct rig {
	script_server_t *srv;
	world_t w;
	config_t cfg;
	store_t *store;
	poller_t *poller;
	int64_t vt; /* virtual monotonic time */
} rig_t;

static rig_t *rig_open(size_t max_body)
{
	rig_t *r = xcalloc(1, sizeof *r);
	pthread_mutex_init(&r->w.lock, NULL);
	r->w.pages = 3;
	r->w.value = 1;
	r->srv = script_server_start(200, NULL);
	script_server_set_handler(r->srv, answer, &r->w);
	char arg[128], *cause = NULL;
	snprintf(arg, sizeof arg, "feed=%s", script_server_url(r->srv));
	config_init(&r->cfg);
	assert_int_equal(config_add_source_arg(&r->cfg, arg, &cause), 0);
	source_cfg_t *c = &r->cfg.sources[0];
	c->adapter = &pager;
	c->adapter_opts = &r->w;
	c->interval_ms = 1000;
	c->timeout_ms = 5000;
	if (max_body)
		c->max_body = max_body;
	r->store = store_create();
	r->poller = poller_create(r->store, &r->cfg, &cause);
	assert_non_null(r->poller);
	return r;
}

static void rig_close(rig_t *r)
{
	poller_destroy(r->poller);
	store_destroy(r->store);
	/* The options and headers are ours, not the configuration's to free. */
	r->cfg.sources[0].adapter = NULL;
	r->cfg.sources[0].adapter_opts = NULL;
	r->cfg.sources[0].headers = NULL;
	r->cfg.sources[0].header_count = 0;
	config_free(&r->cfg);
	script_server_stop(r->srv);
	pthread_mutex_destroy(&r->w.lock);
	free(r);
}

static uint64_t attempts(const rig_t *r)
{
	const source_status_t *s = store_source(r->store, 0);
	return s->polls_ok + s->polls_failed + s->not_modified;
}

/* Runs virtual time until one attempt finishes (bounded). */
static void one_attempt(rig_t *r)
{
	uint64_t before = attempts(r);
	for (int64_t end = r->vt + 120000; r->vt < end && attempts(r) == before;) {
		poller_start_due(r->poller, r->vt);
		/* INT64_MAX: its attempt is under way. Bounded in real time. */
		int64_t limit = clock_mono_ms() + 60000;
		while (poller_ms_until_due(r->poller, r->vt) == INT64_MAX && clock_mono_ms() < limit) {
			assert_int_equal(poller_wait(r->poller, NULL, 0, NULL, 50), 0);
			poller_perform(r->poller, T0 + r->vt, r->vt);
		}
		r->vt += STEP_MS;
	}
	assert_int_equal(attempts(r), before + 1);
}

static int requests(rig_t *r)
{
	pthread_mutex_lock(&r->w.lock);
	int n = r->w.requests;
	pthread_mutex_unlock(&r->w.lock);
	return n;
}

static void set_fail(rig_t *r, int page, unsigned status, const char *body)
{
	pthread_mutex_lock(&r->w.lock);
	r->w.fail_page = page;
	r->w.fail_status = status;
	r->w.fail_body = body;
	pthread_mutex_unlock(&r->w.lock);
}

static void set_big(rig_t *r, int page, size_t len)
{
	pthread_mutex_lock(&r->w.lock);
	r->w.big_page = page;
	r->w.big_len = len;
	pthread_mutex_unlock(&r->w.lock);
}

static double value_of(const rig_t *r, const char *id)
{
	long i = store_find_reading(r->store, 0, id);
	assert_true(i >= 0);
	return store_reading(r->store, (size_t)i)->value;
}

/* ---- the tests ---- */

static void test_pages_in_order_one_document(void **state)
{
	(void)state;
	rig_t *r = rig_open(0);
	int64_t start = r->vt;
	one_attempt(r);
	const source_status_t *s = store_source(r->store, 0);
	assert_false(s->failing);
	assert_int_equal(s->polls_ok, 1); /* three answers, one document */
	assert_int_equal(requests(r), 3);
	assert_string_equal(r->w.paths[0], "/feed/1");
	assert_string_equal(r->w.paths[1], "/feed/2");
	assert_string_equal(r->w.paths[2], "/feed/3");
	assert_false(r->w.inm_seen);
	assert_true(value_of(r, "r.1") == 11 && value_of(r, "r.2") == 12 && value_of(r, "r.3") == 13);
	/* Each answer came back with its request's step, in order. */
	assert_int_equal(r->w.bad_steps, 0);
	assert_int_equal(r->w.parsed, 3);
	assert_int_equal(r->w.parsed_steps[0], 101);
	assert_int_equal(r->w.parsed_steps[1], 102);
	assert_int_equal(r->w.parsed_steps[2], 103);
	assert_int_equal(r->w.now_ms, T0 + start); /* the attempt's start */
	rig_close(r);
}

static void test_first_until_a_success(void **state)
{
	(void)state;
	rig_t *r = rig_open(0);
	set_fail(r, 2, 500, "down");
	one_attempt(r); /* fails: still first next time */
	assert_true(store_source(r->store, 0)->failing);
	set_fail(r, 0, 0, NULL);
	one_attempt(r);
	assert_false(store_source(r->store, 0)->failing);
	one_attempt(r);
	assert_int_equal(r->w.attempts, 3);
	assert_true(r->w.firsts[0]);
	assert_true(r->w.firsts[1]);
	assert_false(r->w.firsts[2]);
	rig_close(r);
}

/* An attempt that keeps failing stops counting as first, so a start-up
 * extra that cannot succeed does not keep the source unread forever. */
static void test_first_gives_up_after_failures(void **state)
{
	(void)state;
	rig_t *r = rig_open(0);
	set_fail(r, 2, 500, "down");
	for (int i = 0; i < ADAPTER_FIRST_ATTEMPTS + 1; i++)
		one_attempt(r);
	assert_int_equal(r->w.attempts, ADAPTER_FIRST_ATTEMPTS + 1);
	for (int i = 0; i < ADAPTER_FIRST_ATTEMPTS; i++)
		assert_true(r->w.firsts[i]);
	assert_false(r->w.firsts[ADAPTER_FIRST_ATTEMPTS]);
	rig_close(r);
}

/* A failed request of an attempt plans the next attempt as a one-GET
 * source's would (poller.c): a 4xx at the interval, a 5xx backed off. */
static void test_failed_request_plans_by_status(void **state)
{
	(void)state;
	rig_t *r = rig_open(0);
	const source_status_t *s = store_source(r->store, 0);
	set_fail(r, 2, 404, "gone");
	one_attempt(r);
	assert_true(s->failing);
	int64_t at = r->vt - STEP_MS; /* the step it failed in */
	assert_int_equal(s->next_try_ms - T0, at + 1000);
	set_fail(r, 2, 503, "busy");
	one_attempt(r);
	at = r->vt - STEP_MS;
	assert_true(s->next_try_ms - T0 >= at + 1600); /* 2 intervals, up to 20% earlier */
	assert_true(s->next_try_ms - T0 <= at + 2000);
	rig_close(r);
}

static void test_failing_page_fails_the_attempt(void **state)
{
	(void)state;
	rig_t *r = rig_open(0);
	one_attempt(r);
	assert_true(value_of(r, "r.2") == 12);
	pthread_mutex_lock(&r->w.lock);
	r->w.value = 2; /* the next attempt would bring new values... */
	pthread_mutex_unlock(&r->w.lock);
	set_fail(r, 2, 500, "down");
	int before = requests(r);
	one_attempt(r);
	const source_status_t *s = store_source(r->store, 0);
	assert_true(s->failing);
	assert_string_equal(s->error, "HTTP status 500");
	assert_int_equal(requests(r) - before, 2); /* page 3 was not asked */
	/* ...but nothing of it was applied: page 1's answer neither. */
	assert_true(value_of(r, "r.1") == 11 && value_of(r, "r.3") == 13);
	assert_int_equal(s->polls_ok, 1);
	rig_close(r);
}

static void test_error_reason_of_the_adapter(void **state)
{
	(void)state;
	rig_t *r = rig_open(0);
	set_fail(r, 1, 400, "no such metric");
	one_attempt(r);
	const source_status_t *s = store_source(r->store, 0);
	assert_true(s->failing);
	assert_string_equal(s->error, "bad query: no such metric");
	assert_non_null(s->error_detail);
	assert_string_equal(s->error_detail, "HTTP status 400");
	/* A status it has no words for: the generic reason. */
	set_fail(r, 1, 404, "gone");
	one_attempt(r);
	assert_string_equal(s->error, "HTTP status 404");
	rig_close(r);
}

static void test_warning_shown_then_cleared(void **state)
{
	(void)state;
	rig_t *r = rig_open(0);
	pthread_mutex_lock(&r->w.lock);
	r->w.warn = true;
	pthread_mutex_unlock(&r->w.lock);
	one_attempt(r);
	const source_status_t *s = store_source(r->store, 0);
	assert_false(s->failing);
	assert_non_null(s->warning);
	assert_string_equal(s->warning, "partial data");
	pthread_mutex_lock(&r->w.lock);
	r->w.warn = false;
	pthread_mutex_unlock(&r->w.lock);
	one_attempt(r);
	assert_null(s->warning);
	rig_close(r);
}

static void test_requests_bounded(void **state)
{
	(void)state;
	rig_t *r = rig_open(0);
	r->w.pages = 100000; /* an adapter that never stops */
	one_attempt(r);
	const source_status_t *s = store_source(r->store, 0);
	assert_true(s->failing);
	char want[64];
	snprintf(want, sizeof want, "more than %d requests in one attempt", ADAPTER_MAX_REQUESTS);
	assert_string_equal(s->error, want);
	assert_int_equal(requests(r), ADAPTER_MAX_REQUESTS);
	assert_int_equal(s->polls_ok, 0);
	rig_close(r);
}

static void test_body_cap_per_answer_and_in_total(void **state)
{
	(void)state;
	rig_t *r = rig_open(200);
	set_big(r, 2, 300); /* one answer past the cap */
	one_attempt(r);
	const source_status_t *s = store_source(r->store, 0);
	assert_true(s->failing);
	assert_string_equal(s->error, "response larger than 200 bytes");
	/* Each page under the cap, together past it. */
	set_big(r, 2, 150);
	one_attempt(r);
	assert_true(s->failing);
	assert_string_equal(s->error, "responses of one attempt larger than 200 bytes in total");
	assert_int_equal(s->polls_ok, 0);
	/* Small pages: fine. */
	set_big(r, 0, 0);
	one_attempt(r);
	assert_false(s->failing);
	rig_close(r);
}

/* A source with its own headers (or credentials) sends them only to its
 * url's origin: a request the adapter makes elsewhere fails the attempt. */
static void test_no_secrets_elsewhere(void **state)
{
	(void)state;
	rig_t *r = rig_open(0);
	static source_header_t key = {"X-Api-Key", "k"};
	r->cfg.sources[0].headers = &key;
	r->cfg.sources[0].header_count = 1;
	poller_destroy(r->poller); /* again, with the header */
	store_destroy(r->store);
	char *cause = NULL;
	r->store = store_create();
	r->poller = poller_create(r->store, &r->cfg, &cause);
	assert_non_null(r->poller);
	one_attempt(r); /* same origin: fine */
	assert_false(store_source(r->store, 0)->failing);
	r->w.elsewhere = true;
	int before = requests(r);
	one_attempt(r);
	const source_status_t *s = store_source(r->store, 0);
	assert_true(s->failing);
	assert_non_null(strstr(s->error, "another host"));
	assert_int_equal(requests(r) - before, 1); /* page 2 was not asked */
	rig_close(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pages_in_order_one_document),
	    cmocka_unit_test(test_first_until_a_success),
	    cmocka_unit_test(test_first_gives_up_after_failures),
	    cmocka_unit_test(test_failed_request_plans_by_status),
	    cmocka_unit_test(test_failing_page_fails_the_attempt),
	    cmocka_unit_test(test_error_reason_of_the_adapter),
	    cmocka_unit_test(test_warning_shown_then_cleared),
	    cmocka_unit_test(test_requests_bounded),
	    cmocka_unit_test(test_body_cap_per_answer_and_in_total),
	    cmocka_unit_test(test_no_secrets_elsewhere),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

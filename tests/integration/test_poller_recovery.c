/* The poller when a feed goes away and comes back: the backoff is capped
 * against the source's interval, so a restarted feed is read again soon; the
 * store is told when the next try is; the operator can retry at once.
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

#include <stdio.h>
#include <string.h>

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

static void rig_open(rig_t *r, int64_t interval_ms)
{
	memset(r, 0, sizeof *r);
	r->srv = script_server_start(200, DOC);
	char arg[128], *cause = NULL;
	snprintf(arg, sizeof arg, "feed=%s", script_server_url(r->srv));
	assert_int_equal(config_add_source_arg(&r->cfg, arg, &cause), 0);
	r->cfg.sources[0].interval_ms = interval_ms;
	r->cfg.sources[0].timeout_ms = 5000;
	r->store = store_create();
	r->poller = poller_create(r->store, &r->cfg, &cause);
	assert_non_null(r->poller);
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

/* The case of the issue: a 2.5 s source, its feed down long enough for the
 * backoff to grow all it can, back right after a failed try. It must be
 * read again within the cap (10 s), not a minute later. */
static void test_recovers_within_the_cap(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 2500);
	int64_t cap = poller_backoff_cap_ms(2500);
	assert_true(step_to_attempt(&r, 1000) >= 0);
	assert_false(store_source(r.store, 0)->failing);

	script_server_down(r.srv);
	int64_t prev = -1, down_until = r.vt + 150000;
	while (r.vt < down_until) {
		int64_t at = step_to_attempt(&r, down_until - r.vt);
		if (at < 0)
			break;
		const source_status_t *s = store_source(r.store, 0);
		assert_true(s->failing);
		/* Every wait is planned within the cap, and the store knows it. */
		assert_true(s->next_try_ms > T0 + at);
		assert_true(s->next_try_ms <= T0 + at + STEP_MS + cap);
		if (prev >= 0) {
			assert_true(at - prev <= cap + STEP_MS);
			assert_true(at - prev >= 2500 - STEP_MS); /* no more often than healthy */
		}
		prev = at;
	}
	assert_true(store_source(r.store, 0)->consecutive_failures >= 10);

	/* Down until a failed try, then back at once. */
	assert_true(step_to_attempt(&r, 2 * cap) >= 0);
	assert_true(store_source(r.store, 0)->failing);
	int64_t back = r.vt;
	script_server_up(r.srv);
	int64_t at = step_to_attempt(&r, 120000);
	assert_true(at >= 0);
	assert_false(store_source(r.store, 0)->failing);
	assert_true(at - back <= cap);
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
	    cmocka_unit_test(test_recovers_within_the_cap),
	    cmocka_unit_test(test_retry_now),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

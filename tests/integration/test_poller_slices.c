/* A large document does not hold the event loop: the poller parses it on
 * its worker thread and applies it to the store a slice at a time, one
 * poller_perform call per slice, so the loop reads keys in between. Applied
 * in slices, the store ends as if applied at once; a rejected document still
 * changes nothing; a source starts no new transfer until its document is
 * applied (one body or batch per source at most). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "config.h"
#include "poller.h"
#include "script_server.h"
#include "store.h"
#include "xalloc.h"

#define READINGS      20000
#define LOOP_LIMIT_MS 60000

static char *big_document(double value)
{
	size_t cap = (size_t)READINGS * 96 + 64, used = 0;
	char *doc = xmalloc(cap);
	used += (size_t)snprintf(doc, cap, "{\"version\":1,\"readings\":[");
	for (int i = 0; i < READINGS; i++)
		used += (size_t)snprintf(doc + used, cap - used,
		                         "%s{\"id\":\"r%05d\",\"domain\":\"water\",\"value\":%g}",
		                         i ? "," : "", i, value);
	snprintf(doc + used, cap - used, "]}");
	return doc;
}

typedef struct rig {
	script_server_t *srv;
	config_t cfg;
	store_t *store;
	poller_t *poller;
	int keys[2]; /* a pipe standing in for the keyboard */
} rig_t;

static void rig_open(rig_t *r, const char *body)
{
	memset(r, 0, sizeof *r);
	r->srv = script_server_start(200, body);
	char arg[128], *cause = NULL;
	snprintf(arg, sizeof arg, "big=%s", script_server_url(r->srv));
	assert_int_equal(config_add_source_arg(&r->cfg, arg, &cause), 0);
	r->cfg.sources[0].interval_ms = 100; /* due again long before it is applied */
	r->store = store_create();
	r->poller = poller_create(r->store, &r->cfg, &cause);
	assert_non_null(r->poller);
	assert_int_equal(pipe(r->keys), 0);
}

static void rig_close(rig_t *r)
{
	poller_destroy(r->poller);
	store_destroy(r->store);
	config_free(&r->cfg);
	script_server_stop(r->srv);
	close(r->keys[0]);
	close(r->keys[1]);
}

static uint64_t polls(const store_t *st)
{
	const source_status_t *s = store_source(st, 0);
	return s->polls_ok + s->polls_failed + s->not_modified;
}

/* Runs an event loop until the source has finished `n` polls; returns the
 * most readings one poller_perform call added to the store. */
static size_t run_until_polls(rig_t *r, uint64_t n, int *calls)
{
	size_t most = 0;
	*calls = 0;
	int64_t start = clock_mono_ms();
	while (polls(r->store) < n && clock_mono_ms() - start < LOOP_LIMIT_MS) {
		poller_start_due(r->poller, clock_mono_ms());
		bool ready = false;
		int64_t due = poller_ms_until_due(r->poller, clock_mono_ms());
		assert_int_equal(
		    poller_wait(r->poller, &r->keys[0], 1, &ready, due > 100 ? 100 : (int)due), 0);
		size_t before = store_reading_count(r->store);
		if (poller_perform(r->poller, clock_wall_ms(), clock_mono_ms()) > 0 ||
		    store_reading_count(r->store) != before)
			++*calls;
		size_t added = store_reading_count(r->store) - before;
		if (added > most)
			most = added;
		/* One body per source: nothing new is asked for meanwhile. */
		if (polls(r->store) < n)
			assert_true(script_server_requests(r->srv) <= (int)n);
	}
	assert_true(polls(r->store) >= n);
	return most;
}

static void test_large_document_is_applied_in_slices(void **state)
{
	(void)state;
	char *doc = big_document(1.5);
	rig_t r;
	rig_open(&r, doc);
	int calls;
	size_t most = run_until_polls(&r, 1, &calls);
	/* No single call took the whole document: it came in slices. */
	assert_true(most <= POLLER_APPLY_SLICE);
	assert_true(most < READINGS);
	assert_int_equal(store_reading_count(r.store), READINGS);
	const source_status_t *s = store_source(r.store, 0);
	assert_false(s->failing);
	assert_int_equal(s->polls_ok, 1);
	for (int i = 0; i < READINGS; i += 997) {
		char id[16];
		snprintf(id, sizeof id, "r%05d", i);
		long ix = store_find_reading(r.store, 0, id);
		assert_true(ix >= 0);
		assert_true(store_reading(r.store, (size_t)ix)->value == 1.5);
	}

	/* A document that is rejected changes nothing but the source's health. */
	script_server_set(r.srv, 200, "<html>busy</html>");
	run_until_polls(&r, 2, &calls);
	assert_true(s->failing);
	assert_non_null(strstr(s->error, "not JSON"));
	assert_int_equal(store_reading_count(r.store), READINGS);
	long ix = store_find_reading(r.store, 0, "r00042");
	assert_true(ix >= 0 && store_reading(r.store, (size_t)ix)->value == 1.5);
	rig_close(&r);
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_large_document_is_applied_in_slices),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

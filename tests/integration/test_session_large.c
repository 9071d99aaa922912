/* The session with a store large enough to be evaluated on a thread: the
 * poller is paused while the thread reads the store (nothing due, no work,
 * no store change), the pages keep the previous evaluation until the new one
 * is whole, the retry key waits for the poller, and the data arrives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "script_server.h"
#include "session.h"
#include "session_derive.h"
#include "xalloc.h"

#define READINGS      30000
#define LOOP_LIMIT_MS 60000

static char *big_document(void)
{
	size_t cap = (size_t)READINGS * 96 + 64, used = 0;
	char *doc = xmalloc(cap);
	used += (size_t)snprintf(doc, cap, "{\"version\":1,\"readings\":[");
	for (int i = 0; i < READINGS; i++)
		used += (size_t)snprintf(doc + used, cap - used,
		                         "%s{\"id\":\"r%05d\",\"domain\":\"water\",\"value\":%d,"
		                         "\"limits\":{\"hihi\":90}}",
		                         i ? "," : "", i, i % 100);
	snprintf(doc + used, cap - used, "]}");
	return doc;
}

static void test_large_store_is_evaluated_on_a_thread(void **state)
{
	(void)state;
	char *doc = big_document();
	script_server_t *srv = script_server_start(200, doc);
	config_t cfg = {0};
	char arg[128], *cause = NULL;
	snprintf(arg, sizeof arg, "big=%s", script_server_url(srv));
	assert_int_equal(config_add_source_arg(&cfg, arg, &cause), 0);
	session_t s;
	assert_int_equal(session_open(&s, &cfg, &cause), 0);
	assert_non_null(s.derive);

	int started = 0, taken = 0;
	int64_t start = clock_mono_ms();
	while (taken < 3 && clock_mono_ms() - start < LOOP_LIMIT_MS) {
		bool was_busy = derive_busy(s.derive);
		size_t shown = s.view.reading_count;
		size_t active = alarm_engine_active_count(s.alarms);
		uint64_t gen = store_generation(s.store);
		bool changed = session_step(&s, clock_steady_ms(), clock_mono_ms());
		if (derive_busy(s.derive)) {
			started += !was_busy;
			/* Paused: nothing due, no work, the store left alone. */
			assert_int_equal(poller_ms_until_due(s.poller, clock_mono_ms()), INT64_MAX);
			assert_false(poller_has_work(s.poller));
			assert_false(changed);
			/* The pages still read the last whole evaluation. */
			assert_int_equal(s.view.reading_count, shown);
			assert_int_equal(alarm_engine_active_count(s.alarms), active);
			if (was_busy)
				assert_int_equal(store_generation(s.store), gen);
			/* The retry key waits for the poller. */
			session_retry_now(&s, clock_mono_ms());
			assert_true(s.retry_pending);
		} else if (was_busy) {
			taken++;
			assert_true(changed);
			assert_false(s.retry_pending);
			assert_int_equal(s.view.reading_count, READINGS);
			/* value above HIHI 90: 91..99, 9 of every 100 readings */
			assert_int_equal(alarm_engine_active_count(s.alarms), READINGS / 100 * 9);
		}
		assert_int_equal(poller_wait(s.poller, NULL, 0, NULL, 100), 0);
	}
	assert_int_equal(taken, 3);
	assert_true(started >= 3);
	session_close(&s);
	config_free(&cfg);
	script_server_stop(srv);
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_large_store_is_evaluated_on_a_thread),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* When curl_multi_add_handle refuses a transfer (linked with
 * wrap_add_fail.c, it always does), the attempt still ends: it counts as a
 * failed attempt with a reason, is backed off, and the poller is not left
 * waiting for a transfer that never started (which kept --dump waiting for
 * ever). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "config.h"
#include "poller.h"
#include "store.h"

#define T0 1764057600000

static void test_refused_transfer_is_a_failed_attempt(void **state)
{
	(void)state;
	config_t cfg = {0};
	char *cause = NULL;
	/* Never contacted: the transfer is refused before it starts. */
	assert_int_equal(config_add_source_arg(&cfg, "water=http://127.0.0.1:9/feed", &cause), 0);
	cfg.sources[0].interval_ms = 1000;
	store_t *st = store_create();
	poller_t *p = poller_create(st, &cfg, &cause);
	assert_non_null(p);

	poller_start_due(p, 0);
	/* Bounded: the refusal is reported by the next perform. */
	for (int i = 0; i < 5 && poller_sources_attempted(p) < 1; i++) {
		assert_int_equal(poller_wait(p, NULL, 0, NULL, 10), 0);
		poller_perform(p, T0, 0);
	}
	assert_int_equal(poller_sources_attempted(p), 1);
	const source_status_t *s = store_source(st, 0);
	assert_true(s->failing);
	assert_int_equal(s->polls_failed, 1);
	assert_non_null(s->error);
	assert_non_null(strstr(s->error, "cannot start the request"));
	assert_non_null(s->error_detail); /* libcurl's words */

	/* Backed off like any failure, and tried again later. */
	assert_true(poller_ms_until_due(p, 0) >= 1000);
	poller_start_due(p, 60000);
	poller_perform(p, T0 + 60000, 60000);
	assert_int_equal(s->polls_failed, 2);

	poller_destroy(p);
	store_destroy(st);
	config_free(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_refused_transfer_is_a_failed_attempt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

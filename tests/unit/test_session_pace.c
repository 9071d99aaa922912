/* The session's pace: documents that arrive within SESSION_EVALUATE_MIN_MS
 * of an evaluation wait for the next one (session_ms_until_evaluate says
 * when, for the event loop's sleep), and a new second is never held back.
 * Time is passed in: the poller is never due (mono time 0), the store is
 * written directly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "config.h"
#include "session.h"

/* Never contacted: at mono time 0 no poll is due. */
#define UNPOLLED_SOURCE "water=http://127.0.0.1:9/never-polled"

static void put_reading(session_t *s, const char *id, int64_t now_ms)
{
	reading_in_t in = {.id = id, .domain = "water", .has_value = true, .value = 1.0};
	poll_report_t rep = {0};
	store_begin_poll(s->store, 0, now_ms);
	store_put_reading(s->store, 0, &in, now_ms);
	store_end_poll(s->store, 0, &rep, now_ms);
}

static int setup(void **state)
{
	static config_t cfg;
	static session_t s;
	char *cause = NULL;
	cfg = (config_t){0};
	if (config_add_source_arg(&cfg, UNPOLLED_SOURCE, &cause) != 0)
		return -1;
	if (session_open(&s, &cfg, &cause) != 0)
		return -1;
	*state = &s;
	return 0;
}

static int teardown(void **state)
{
	session_close(*state);
	return 0;
}

static void test_data_waits_for_the_pace(void **state)
{
	session_t *s = *state;
	const int64_t t = 10000; /* steady ms, at the start of a second */
	session_evaluate(s, t, 0);
	assert_int_equal(session_ms_until_evaluate(s, t + 5), -1); /* nothing new */
	put_reading(s, "a", t + 10);
	assert_int_equal(session_ms_until_evaluate(s, t + 100), SESSION_EVALUATE_MIN_MS - 100);
	assert_false(session_step(s, t + 100, 0));
	assert_int_equal(s->view.reading_count, 0);
	assert_true(session_step(s, t + SESSION_EVALUATE_MIN_MS, 0));
	assert_int_equal(s->view.reading_count, 1);
	assert_int_equal(session_ms_until_evaluate(s, t + SESSION_EVALUATE_MIN_MS), -1);
}

static void test_a_new_second_is_never_held_back(void **state)
{
	session_t *s = *state;
	const int64_t t = 20700; /* 300 ms before the next second */
	session_evaluate(s, t, 0);
	put_reading(s, "b", t + 50);
	assert_false(session_step(s, t + 200, 0));
	/* 301 ms after the evaluation, but a new second: ages moved */
	assert_true(session_step(s, t + 301, 0));
	assert_int_equal(s->view.reading_count, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_data_waits_for_the_pace),
	    cmocka_unit_test(test_a_new_second_is_never_held_back),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

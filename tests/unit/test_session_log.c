/* Unit tests for tui/session_log: the lines --log gets as sources fail,
 * retry, come back and send documents with problems; once per change. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "log.h"
#include "session_log.h"
#include "store.h"

static char path[64];
static long read_so_far; /* bytes of the log already looked at */

/* What was logged since the last call, as one string. */
static char *new_lines(void)
{
	static char buf[16384];
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, read_so_far, SEEK_SET), 0);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	read_so_far += (long)n;
	return buf;
}

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

#define ASSERT_HAS(text, want)                                                                     \
	do {                                                                                       \
		if (!strstr((text), (want)))                                                       \
			fail_msg("missing [%s] in:\n%s", (want), (text));                          \
	} while (0)

static void fail_at(store_t *st, int src, const char *reason, const char *detail, int64_t now,
                    int64_t next)
{
	store_poll_failed_detail(st, src, reason, detail, now);
	store_source_next_try(st, src, next);
}

static void document(store_t *st, int src, int64_t now, unsigned skipped, const char *reason)
{
	store_begin_poll(st, src, now);
	poll_report_t rep = {.skipped = skipped, .first_skip_reason = reason};
	store_end_poll(st, src, &rep, now);
}

static void test_transitions(void **state)
{
	(void)state;
	snprintf(path, sizeof path, "/tmp/citydash-slog-%ld.log", (long)getpid());
	unlink(path);
	read_so_far = 0;
	char *cause = NULL;
	assert_int_equal(log_open(path, &cause), 0);

	store_t *st = store_create();
	int water = store_add_source(st, "water", "http://op:pw@gw/v1/feeds/water", 2000, 0);
	int power = store_add_source(st, "power", "http://gw/v1/feeds/power", 2000, 0);
	session_log_t *l = session_log_create(st);
	session_log_observe(l, st, 0);
	assert_string_equal(new_lines(), ""); /* nothing happened yet */

	/* Failing: the reason with its detail and the (masked) URL, then the plan. */
	fail_at(st, water, "Couldn't connect to server", "Failed to connect to gw port 80", 1000,
	        5000);
	session_log_observe(l, st, 1000);
	char *t = new_lines();
	assert_int_equal(count_lines(t), 2);
	ASSERT_HAS(t, " error: source \"water\" failing: Couldn't connect to server (Failed to "
	              "connect to gw port 80); http://op:***@gw/v1/feeds/water\n");
	ASSERT_HAS(t, " info: source \"water\": failed 1 time in a row, next try in 4.0 s\n");

	/* Nothing new: nothing logged, however often the loop looks. */
	session_log_observe(l, st, 1500);
	session_log_observe(l, st, 1600);
	assert_string_equal(new_lines(), "");

	/* The same failure again: only the retry line. */
	fail_at(st, water, "Couldn't connect to server", "Failed to connect to gw port 80", 5000,
	        13000);
	session_log_observe(l, st, 5000);
	t = new_lines();
	assert_int_equal(count_lines(t), 1);
	ASSERT_HAS(t, " info: source \"water\": failed 2 times in a row, next try in 8.0 s\n");

	/* Another reason (a protocol error): said again. */
	fail_at(st, water, "HTTP 304 to a request without If-None-Match", NULL, 13000, 29000);
	session_log_observe(l, st, 13000);
	t = new_lines();
	assert_int_equal(count_lines(t), 2);
	ASSERT_HAS(t, " error: source \"water\" failing: HTTP 304 to a request without "
	              "If-None-Match; http://op:***@gw/v1/feeds/water\n");
	ASSERT_HAS(t, "failed 3 times in a row, next try in 16.0 s\n");

	/* Back, with a document that has bad elements: recovery and the warning. */
	document(st, water, 21000, 3, "reading \"w1\": value is not a number");
	document(st, power, 21000, 0, NULL);
	session_log_observe(l, st, 21000);
	t = new_lines();
	assert_int_equal(count_lines(t), 3);
	ASSERT_HAS(t, " info: source \"water\" ok again after 3 failures (failing for 20.0 s)\n");
	ASSERT_HAS(t, " warn: source \"water\": 3 elements skipped, the first: reading \"w1\": "
	              "value is not a number\n");
	ASSERT_HAS(t, " info: source \"power\" answered; http://gw/v1/feeds/power\n");

	/* The same problem, even with another count: once per change, not per poll. */
	document(st, water, 23000, 3, "reading \"w1\": value is not a number");
	session_log_observe(l, st, 23000);
	document(st, water, 25000, 5, "reading \"w1\": value is not a number");
	session_log_observe(l, st, 25000);
	store_poll_not_modified(st, water, 27000);
	session_log_observe(l, st, 27000);
	assert_string_equal(new_lines(), "");

	/* Another first reason, then none. */
	document(st, water, 29000, 1, "reading \"w9\": no id");
	session_log_observe(l, st, 29000);
	t = new_lines();
	assert_int_equal(count_lines(t), 1);
	ASSERT_HAS(t, " warn: source \"water\": 1 element skipped: reading \"w9\": no id\n");
	document(st, water, 31000, 0, NULL);
	session_log_observe(l, st, 31000);
	t = new_lines();
	assert_int_equal(count_lines(t), 1);
	ASSERT_HAS(t, " info: source \"water\": no element skipped any more\n");

	session_log_destroy(l);
	store_destroy(st);
	log_close();
	unlink(path);
}

/* A feed down for long, tried at every interval: the retry line of the
 * first four failures, then of the 8th, 16th, 32nd..., and at least one
 * every ten minutes; not one a poll. */
static void test_long_streak(void **state)
{
	(void)state;
	snprintf(path, sizeof path, "/tmp/citydash-slog-long-%ld.log", (long)getpid());
	unlink(path);
	read_so_far = 0;
	char *cause = NULL;
	assert_int_equal(log_open(path, &cause), 0);
	store_t *st = store_create();
	int water = store_add_source(st, "water", "http://gw/v1/feeds/water", 1000, 0);
	session_log_t *l = session_log_create(st);
	session_log_observe(l, st, 0);

	int64_t t = 1000;
	for (unsigned n = 1; n <= 40; n++, t += 1000) {
		fail_at(st, water, "Couldn't connect to server", NULL, t, t + 1000);
		session_log_observe(l, st, t);
	}
	char *text = new_lines();
	assert_int_equal(count_lines(text), 1 + 7); /* the error, then 1-4, 8, 16, 32 */
	ASSERT_HAS(text, "failed 4 times in a row");
	ASSERT_HAS(text, "failed 8 times in a row");
	ASSERT_HAS(text, "failed 32 times in a row");
	assert_null(strstr(text, "failed 5 times"));
	assert_null(strstr(text, "failed 40 times"));

	/* On: the powers of two, and once they are more than ten minutes
	 * apart (past 1024 failures, one a second), a line ten minutes after
	 * the last. */
	for (unsigned n = 41; n <= 2700; n++, t += 1000) {
		fail_at(st, water, "Couldn't connect to server", NULL, t, t + 1000);
		session_log_observe(l, st, t);
	}
	text = new_lines();
	assert_int_equal(count_lines(text), 8); /* 64 ... 1024, 1624, 2048, 2648 */
	ASSERT_HAS(text, "failed 64 times in a row");
	ASSERT_HAS(text, "failed 1624 times in a row");
	ASSERT_HAS(text, "failed 2048 times in a row");
	ASSERT_HAS(text, "failed 2648 times in a row");

	/* A new streak after a good answer starts again from its first. */
	document(st, water, t, 0, NULL);
	session_log_observe(l, st, t);
	(void)new_lines();
	fail_at(st, water, "Couldn't connect to server", NULL, t + 1000, t + 2000);
	session_log_observe(l, st, t + 1000);
	ASSERT_HAS(new_lines(), "failed 1 time in a row");

	session_log_destroy(l);
	store_destroy(st);
	log_close();
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_transitions),
	    cmocka_unit_test(test_long_streak),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

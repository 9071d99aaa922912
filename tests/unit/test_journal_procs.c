/* Unit tests for alarms/journal.c with several processes on one file: a
 * writer killed with SIGKILL in the middle of its work, and two writers
 * appending at once while a third process follows the file. Children are
 * forked (no exec) and leave with _exit. Bounded: every wait has a limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "journal.h"
#include "journal_fixture.h"

#define PER_WRITER 500

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* A child that appends PER_WRITER lines (or, with forever, until killed)
 * with alarm ids "w<who>.<i>" and a reason long enough that a write takes
 * more than one page now and then. */
static pid_t spawn_writer(const char *path, int who, bool forever)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid > 0)
		return pid;
	char *cause = NULL;
	journal_t *j = journal_open(path, &cause);
	if (!j)
		_exit(10);
	char reason[JOURNAL_REASON_MAX + 1];
	memset(reason, 'a' + who, JOURNAL_REASON_MAX);
	reason[JOURNAL_REASON_MAX] = '\0';
	for (int i = 0; forever || i < PER_WRITER; i++) {
		char alarm[64];
		snprintf(alarm, sizeof alarm, "w%d.%d", who, i);
		journal_entry_t e =
		    jf_entry(alarm, i % 3 == 1 ? JOURNAL_SHELVE : JOURNAL_ACK, reason);
		if (journal_append(j, &e, &cause) != 0)
			_exit(11);
	}
	journal_close(j);
	_exit(0);
}

static void wait_ok(pid_t pid)
{
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static off_t file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_size : 0;
}

/* Every line read must be one a writer wrote, whole: its id and reason. */
static void check_whole(const jf_got_t *got)
{
	for (size_t i = 0; i < got->n; i++) {
		const journal_entry_t *e = &got->e[i];
		int who, seq;
		assert_int_equal(sscanf(e->alarm, "w%d.%d", &who, &seq), 2);
		assert_int_equal(strlen(e->reason), JOURNAL_REASON_MAX);
		assert_true(e->reason[0] == 'a' + who &&
		            e->reason[JOURNAL_REASON_MAX - 1] == 'a' + who);
		assert_int_equal(e->action, seq % 3 == 1 ? JOURNAL_SHELVE : JOURNAL_ACK);
		assert_string_equal(e->user, "li");
	}
}

static void test_killed_while_writing(void **state)
{
	(void)state;
	const char *path = jf_path("j.jsonl");
	/* Kill a few writers at different moments: each leaves at most one
	 * torn line, which the next append ends. */
	for (int round = 0; round < 3; round++) {
		pid_t pid = spawn_writer(path, round, true);
		off_t before = file_size(path);
		for (int i = 0; i < 5000 && file_size(path) <= before; i++)
			sleep_ms(1); /* it has begun (bounded: 5 s) */
		sleep_ms(3 + 4 * round);
		assert_int_equal(kill(pid, SIGKILL), 0);
		int status = 0;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status));
	}
	char *cause = NULL;
	journal_t *j = journal_open(path, &cause);
	assert_non_null(j);
	jf_got_t got = {0};
	long n = jf_read(j, &got);
	assert_true(n > 0);
	check_whole(&got);
	journal_stats_t s = journal_stats(j);
	assert_true(s.bad <= 2); /* the rounds' torn lines, ended by the next ones */
	/* Lines of one writer come in its order, with no gap but at a kill. */
	for (size_t i = 1; i < got.n; i++) {
		int w0, s0, w1, s1;
		sscanf(got.e[i - 1].alarm, "w%d.%d", &w0, &s0);
		sscanf(got.e[i].alarm, "w%d.%d", &w1, &s1);
		if (w0 == w1)
			assert_int_equal(s1, s0 + 1);
		else
			assert_int_equal(s1, 0);
	}

	/* Life goes on: a new append works and reads back, and nothing is torn. */
	journal_entry_t e = jf_entry("after.kill", JOURNAL_ACK, "");
	assert_int_equal(journal_append(j, &e, &cause), 0);
	assert_int_equal(jf_read(j, &got), 1);
	assert_string_equal(got.e[got.n - 1].alarm, "after.kill");
	s = journal_stats(j);
	assert_false(s.torn);
	assert_true(s.bad <= 3);
	assert_int_equal(s.offset, file_size(path));
	jf_got_free(&got);
	journal_close(j);
}

static void test_two_writers_at_once(void **state)
{
	(void)state;
	const char *path = jf_path("j.jsonl");
	char *cause = NULL;
	journal_t *j = journal_open(path, &cause);
	assert_non_null(j);
	pid_t a = spawn_writer(path, 0, false), b = spawn_writer(path, 1, false);
	/* Follow the file while they write: whole lines only, never torn. */
	jf_got_t got = {0};
	for (int i = 0; i < 20000 && got.n < 2 * PER_WRITER; i++) {
		jf_read(j, &got);
		assert_int_equal(journal_stats(j).bad, 0);
		sleep_ms(1);
	}
	wait_ok(a);
	wait_ok(b);
	jf_read(j, &got);
	assert_int_equal(got.n, 2 * PER_WRITER);
	check_whole(&got);
	journal_stats_t s = journal_stats(j);
	assert_int_equal(s.lines, 2 * PER_WRITER);
	assert_int_equal(s.bad, 0);
	assert_false(s.torn);
	assert_int_equal(s.offset, file_size(path));
	/* Each writer's lines all there, in its order. */
	int next[2] = {0, 0};
	for (size_t i = 0; i < got.n; i++) {
		int who, seq;
		sscanf(got.e[i].alarm, "w%d.%d", &who, &seq);
		assert_true(who == 0 || who == 1);
		assert_int_equal(seq, next[who]);
		next[who]++;
	}
	jf_got_free(&got);

	/* And a replay from the start by a fresh reader agrees. */
	journal_t *r = journal_open(path, &cause);
	assert_non_null(r);
	assert_int_equal(jf_read(r, &got), 2 * PER_WRITER);
	jf_got_free(&got);
	journal_close(r);
	journal_close(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_killed_while_writing, jf_setup, jf_teardown),
	    cmocka_unit_test_setup_teardown(test_two_writers_at_once, jf_setup, jf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

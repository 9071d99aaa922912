/* Unit tests for alarms/journal.c and journal_line.c in one process: lines
 * that round-trip (sanitized, the reason cut on a character), tailing, a
 * torn last line and its completion, bad and over-long lines, a truncated
 * file, the default path, and files that cannot be used. Several processes
 * at once: test_journal_procs.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journal.h"
#include "journal_fixture.h"
#include "text.h"
#include "xalloc.h"

static journal_t *open_ok(const char *path)
{
	char *cause = NULL;
	journal_t *j = journal_open(path, &cause);
	if (!j)
		fail_msg("journal_open: %s", cause ? cause : "?");
	return j;
}

static void append_ok(journal_t *j, journal_entry_t e)
{
	char *cause = NULL;
	if (journal_append(j, &e, &cause) != 0)
		fail_msg("journal_append: %s", cause ? cause : "?");
}

static void test_round_trip(void **state)
{
	(void)state;
	const char *path = jf_path("state/citydash/journal.jsonl");
	journal_t *j = open_ok(path);
	assert_string_equal(journal_path(j), path);
	append_ok(j, jf_entry("water.jb.p1", JOURNAL_ACK, "泵房巡检确认"));
	journal_entry_t shelve =
	    jf_entry("power.yz.t2#fault", JOURNAL_SHELVE, "swap\x1b[2J the\tpump\x07 now\n");
	shelve.host = "wall\x1b]0;owned\x07-2";
	append_ok(j, shelve);
	append_ok(j, jf_entry("source:water", JOURNAL_UNSHELVE, NULL));

	/* The file itself: RFC 3339 UTC with milliseconds, no control byte. */
	size_t len;
	char *text = jf_slurp(path, &len);
	assert_non_null(strstr(text, "{\"time\":\"2026-11-26T10:00:00.123Z\",\"user\":\"li\","
	                             "\"host\":\"wall-1\",\"alarm\":\"water.jb.p1\","
	                             "\"action\":\"ack\",\"reason\":\"泵房巡检确认\"}\n"));
	assert_non_null(strstr(text, "\"until\":\"2026-11-26T12:00:00.000Z\""));
	for (size_t i = 0; i < len; i++)
		assert_true(text[i] == '\n' || (unsigned char)text[i] >= 0x20);
	free(text);

	/* A fresh reader (another process, or a restart) replays all three. */
	journal_t *r = open_ok(path);
	jf_got_t got = {0};
	assert_int_equal(jf_read(r, &got), 3);
	assert_int_equal(got.n, 3);
	assert_int_equal(got.e[0].at_ms, 1795687200123);
	assert_string_equal(got.e[0].user, "li");
	assert_string_equal(got.e[0].host, "wall-1");
	assert_string_equal(got.e[0].alarm, "water.jb.p1");
	assert_int_equal(got.e[0].action, JOURNAL_ACK);
	assert_string_equal(got.e[0].reason, "泵房巡检确认");
	assert_int_equal(got.e[0].until_ms, 0);
	assert_string_equal(got.e[1].alarm, "power.yz.t2#fault");
	assert_int_equal(got.e[1].action, JOURNAL_SHELVE);
	assert_int_equal(got.e[1].until_ms, 1795694400000);
	assert_string_equal(got.e[1].host, "wall-2");
	assert_string_equal(got.e[1].reason, "swap the pump now ");
	assert_int_equal(got.e[2].action, JOURNAL_UNSHELVE);
	assert_string_equal(got.e[2].reason, "");
	journal_stats_t s = journal_stats(r);
	assert_int_equal(s.lines, 3);
	assert_int_equal(s.bad, 0);
	assert_false(s.torn);
	assert_int_equal(s.offset, len);
	jf_got_free(&got);
	journal_close(r);
	journal_close(j);

	/* New folders 0700, the file 0600. */
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(jf_path("state/citydash"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(stat(jf_path("state"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
}

static void test_reason_cut_on_a_character(void **state)
{
	(void)state;
	journal_t *j = open_ok(jf_path("j.jsonl"));
	char reason[400] = "";
	for (int i = 0; i < 100; i++)
		strcat(reason, "水"); /* 3 bytes each: 300 bytes */
	append_ok(j, jf_entry("a", JOURNAL_ACK, reason));
	jf_got_t got = {0};
	assert_int_equal(jf_read(j, &got), 1);
	size_t n = strlen(got.e[0].reason);
	assert_true(n <= JOURNAL_REASON_MAX && n > JOURNAL_REASON_MAX - 3);
	assert_int_equal(n % 3, 0);
	assert_true(text_is_clean(got.e[0].reason));
	jf_got_free(&got);

	/* A long reason written by something else is cut on reading too. */
	char *line = xasprintf("{\"time\":\"2026-11-26T10:00:00Z\",\"user\":\"u\",\"host\":\"h\","
	                       "\"alarm\":\"b\",\"action\":\"ack\",\"reason\":\"%s\"}\n",
	                       reason);
	jf_write_raw(jf_path("j.jsonl"), line, strlen(line), "ab");
	free(line);
	assert_int_equal(jf_read(j, &got), 1);
	assert_true(strlen(got.e[0].reason) <= JOURNAL_REASON_MAX);
	assert_int_equal(strlen(got.e[0].reason) % 3, 0);
	jf_got_free(&got);
	journal_close(j);
}

static void test_tailing(void **state)
{
	(void)state;
	const char *path = jf_path("j.jsonl");
	journal_t *a = open_ok(path), *b = open_ok(path);
	jf_got_t got = {0};
	assert_int_equal(jf_read(a, &got), 0); /* an empty new journal */
	append_ok(a, jf_entry("one", JOURNAL_ACK, ""));
	append_ok(b, jf_entry("two", JOURNAL_ACK, ""));
	assert_int_equal(jf_read(a, &got), 2); /* its own line comes back too */
	assert_int_equal(jf_read(a, &got), 0);
	append_ok(b, jf_entry("three", JOURNAL_SHELVE, "r"));
	assert_int_equal(jf_read(a, &got), 1);
	assert_int_equal(got.n, 3);
	assert_string_equal(got.e[0].alarm, "one");
	assert_string_equal(got.e[1].alarm, "two");
	assert_string_equal(got.e[2].alarm, "three");
	assert_int_equal(journal_stats(a).lines, 3);
	jf_got_free(&got);
	/* b had not read yet: its first read is the whole replay. */
	assert_int_equal(jf_read(b, &got), 3);
	jf_got_free(&got);
	journal_close(a);
	journal_close(b);
}

static const char torn[] = "{\"time\":\"2026-11-26T10:00:01.000Z\",\"user\":\"li\",\"ho";

static void test_torn_last_line(void **state)
{
	(void)state;
	const char *path = jf_path("j.jsonl");
	journal_t *w = open_ok(path);
	append_ok(w, jf_entry("one", JOURNAL_ACK, ""));
	append_ok(w, jf_entry("two", JOURNAL_ACK, ""));
	journal_close(w);
	size_t whole;
	free(jf_slurp(path, &whole));
	jf_write_raw(path, torn, strlen(torn), "ab"); /* a writer killed mid-line */

	journal_t *j = open_ok(path);
	jf_got_t got = {0};
	assert_int_equal(jf_read(j, &got), 2);
	journal_stats_t s = journal_stats(j);
	assert_true(s.torn);
	assert_int_equal(s.bad, 0);
	assert_int_equal(s.offset, whole); /* it stops before the torn line */
	assert_int_equal(jf_read(j, &got), 0);
	assert_true(journal_stats(j).torn);
	assert_int_equal(jf_log_count("skipping a torn last line at line 3"), 1); /* once */

	/* The next writer ends the torn line: it becomes one bad line, and the
	 * new line after it is whole. */
	append_ok(j, jf_entry("three", JOURNAL_ACK, ""));
	assert_int_equal(jf_read(j, &got), 1);
	s = journal_stats(j);
	assert_false(s.torn);
	assert_int_equal(s.bad, 1);
	assert_int_equal(s.lines, 3);
	assert_string_equal(got.e[2].alarm, "three");
	assert_int_equal(jf_log_count("bad line 3"), 1);
	size_t len;
	char *text = jf_slurp(path, &len);
	assert_int_equal(s.offset, len);
	assert_memory_equal(text + whole + strlen(torn), "\n{\"time\"", 8);
	free(text);
	jf_got_free(&got);

	/* A reader opened afresh sees the same: three good lines, one bad. */
	journal_t *r = open_ok(path);
	assert_int_equal(jf_read(r, &got), 3);
	assert_int_equal(journal_stats(r).bad, 1);
	jf_got_free(&got);
	journal_close(r);
	journal_close(j);
}

static void test_bad_lines(void **state)
{
	(void)state;
	const char *path = jf_path("j.jsonl");
	const char *const good = "{\"time\":\"2026-11-26T10:00:00Z\",\"user\":\"u\",\"host\":\"h\","
	                         "\"alarm\":\"g\",\"action\":\"ack\",\"future\":[1,2]}";
	const char *const lines[] = {
	    good,
	    "not json at all",
	    "[1,2,3]",
	    "{\"time\":\"2026-11-26T10:00:00Z\",\"host\":\"h\",\"alarm\":\"a\",\"action\":\"ack\"}",
	    "{\"user\":\"u\",\"host\":\"h\",\"alarm\":\"a\",\"action\":\"ack\"}",
	    "{\"time\":\"yesterday\",\"user\":\"u\",\"host\":\"h\",\"alarm\":\"a\",\"action\":"
	    "\"ack\"}",
	    "",
	    "{\"time\":\"2026-11-26T10:00:00Z\",\"user\":\"u\",\"host\":\"h\",\"alarm\":\"a\","
	    "\"action\":\"nack\"}",
	    "{\"time\":\"2026-11-26T10:00:00Z\",\"user\":\"u\",\"host\":\"h\",\"alarm\":\"a\","
	    "\"action\":\"shelve\"}",
	    "{\"time\":\"2026-11-26T10:00:00Z\",\"user\":\"u\",\"host\":\"h\",\"alarm\":\"\","
	    "\"action\":\"ack\"}",
	    "{\"time\":\"2026-11-26T10:00:00Z\",\"user\":\"u\",\"host\":7,\"alarm\":\"a\","
	    "\"action\":\"ack\"}",
	    "{\"time\":\"2026-11-26T10:00:00Z\",\"user\":\"u\",\"host\":\"h\",\"alarm\":\"a\","
	    "\"action\":\"ack\",\"reason\":false}",
	    "{\"time\":\"2026-11-26T10:00:00Z\",\"user\":\"u\",\"host\":\"h\",\"alarm\":\"a\","
	    "\"action\":\"ack\"}{\"time\":\"2026-11-26T10:00:00Z\",\"user\":\"u\","
	    "\"host\":\"h\",\"alarm\":\"b\",\"action\":\"ack\"}",
	    good,
	};
	size_t n = sizeof lines / sizeof lines[0];
	for (size_t i = 0; i < n; i++) {
		jf_write_raw(path, lines[i], strlen(lines[i]), "ab");
		jf_write_raw(path, "\n", 1, "ab");
	}
	journal_t *j = open_ok(path);
	jf_got_t got = {0};
	assert_int_equal(jf_read(j, &got), 2);
	assert_string_equal(got.e[0].alarm, "g");
	assert_string_equal(got.e[1].alarm, "g");
	journal_stats_t s = journal_stats(j);
	assert_int_equal(s.lines, 2);
	assert_int_equal(s.bad, n - 3); /* all but the two good and the empty one */
	assert_false(s.torn);
	/* Each bad line is named once, by its number; the empty line 7 is not. */
	assert_int_equal(jf_read(j, &got), 0);
	assert_int_equal(jf_log_count("skipping bad line"), (int)(n - 3));
	assert_int_equal(jf_log_count(path), (int)(n - 3));
	assert_int_equal(jf_log_count("bad line 2:"), 1);
	assert_int_equal(jf_log_count("bad line 12:"), 1);
	assert_int_equal(jf_log_count("bad line 7:"), 0);
	assert_int_equal(jf_log_count("bad line 1:"), 0);
	assert_int_equal(jf_log_count("bad line 13: more after"), 1);
	assert_int_equal(jf_log_count("bad line 14:"), 0);
	jf_got_free(&got);
	journal_close(j);
}

static void test_long_lines(void **state)
{
	(void)state;
	const char *path = jf_path("j.jsonl");
	/* Valid JSON, bad only for its length: 3 read chunks' worth. */
	size_t big = 200000;
	char *reason = xmalloc(big + 1);
	memset(reason, 'x', big);
	reason[big] = '\0';
	char *line = xasprintf("{\"time\":\"2026-11-26T10:00:00Z\",\"user\":\"u\",\"host\":\"h\","
	                       "\"alarm\":\"long\",\"action\":\"ack\",\"reason\":\"%s\"}\n",
	                       reason);
	jf_write_raw(path, line, strlen(line), "ab");
	journal_t *j = open_ok(path);
	append_ok(j, jf_entry("after", JOURNAL_ACK, ""));
	jf_got_t got = {0};
	assert_int_equal(jf_read(j, &got), 1);
	assert_string_equal(got.e[0].alarm, "after");
	assert_int_equal(journal_stats(j).bad, 1);
	assert_int_equal(jf_log_count("bad line 1: longer than"), 1);

	/* Over-long and torn at the end: still only a torn line. */
	jf_write_raw(path, line, strlen(line) - 1, "ab");
	assert_int_equal(jf_read(j, &got), 0);
	assert_true(journal_stats(j).torn);
	assert_int_equal(journal_stats(j).bad, 1);
	jf_got_free(&got);

	/* Writing one that long is refused: readers would skip it. */
	char *cause = NULL;
	journal_entry_t e = jf_entry(reason, JOURNAL_ACK, "");
	assert_int_equal(journal_append(j, &e, &cause), -1);
	assert_non_null(strstr(cause, "over the limit"));
	free(cause);
	free(line);
	free(reason);
	journal_close(j);
}

static void test_truncated_file(void **state)
{
	(void)state;
	const char *path = jf_path("j.jsonl");
	journal_t *j = open_ok(path);
	for (int i = 0; i < 3; i++)
		append_ok(j, jf_entry("old", JOURNAL_ACK, "before the truncation"));
	jf_got_t got = {0};
	assert_int_equal(jf_read(j, &got), 3);
	assert_int_equal(truncate(path, 0), 0);
	append_ok(j, jf_entry("new", JOURNAL_ACK, ""));
	assert_int_equal(jf_read(j, &got), 1);
	assert_string_equal(got.e[3].alarm, "new");
	assert_int_equal(jf_log_count("shrank"), 1);
	jf_got_free(&got);

	/* Rotated: renamed away and a new file made under the name. */
	char *old = xasprintf("%s.1", path);
	assert_int_equal(rename(path, old), 0);
	jf_write_raw(path, "", 0, "wb");
	append_ok(j, jf_entry("rotated", JOURNAL_ACK, ""));
	assert_int_equal(jf_read(j, &got), 1);
	assert_string_equal(got.e[0].alarm, "rotated");
	jf_got_free(&got);

	/* Removed: the next line makes the file again, rather than vanish. */
	assert_int_equal(unlink(path), 0);
	append_ok(j, jf_entry("recreated", JOURNAL_ACK, ""));
	assert_int_equal(jf_read(j, &got), 1);
	assert_string_equal(got.e[0].alarm, "recreated");
	size_t len;
	free(jf_slurp(path, &len));
	assert_int_equal(journal_stats(j).offset, len);
	free(old);
	jf_got_free(&got);
	journal_close(j);
}

static void test_default_path(void **state)
{
	(void)state;
	char *saved_xdg = getenv("XDG_STATE_HOME") ? xstrdup(getenv("XDG_STATE_HOME")) : NULL;
	char *saved_home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
	setenv("XDG_STATE_HOME", "/srv/state", 1);
	setenv("HOME", "/home/li", 1);
	char *p = journal_default_path();
	assert_string_equal(p, "/srv/state/citydash/journal.jsonl");
	free(p);
	setenv("XDG_STATE_HOME", "relative/state", 1); /* the XDG spec: ignored */
	p = journal_default_path();
	assert_string_equal(p, "/home/li/.local/state/citydash/journal.jsonl");
	free(p);
	unsetenv("XDG_STATE_HOME");
	p = journal_default_path();
	assert_string_equal(p, "/home/li/.local/state/citydash/journal.jsonl");
	free(p);
	unsetenv("HOME");
	assert_null(journal_default_path());
	if (saved_xdg)
		setenv("XDG_STATE_HOME", saved_xdg, 1);
	if (saved_home)
		setenv("HOME", saved_home, 1);
	free(saved_xdg);
	free(saved_home);
}

static void expect_open_fails(const char *path, const char *naming)
{
	char *cause = NULL;
	assert_null(journal_open(path, &cause));
	assert_non_null(cause);
	if (!strstr(cause, naming))
		fail_msg("the cause \"%s\" does not name %s", cause, naming);
	free(cause);
}

/* A shelve that ends before it starts is refused, not written: read back
 * it would be a shelve long over (until 0 is 1970). */
static void test_shelve_must_end_after_it_starts(void **state)
{
	(void)state;
	journal_t *j = open_ok(jf_path("j.jsonl"));
	journal_entry_t e = jf_entry("w.1", JOURNAL_SHELVE, "pump swap");
	e.until_ms = 0;
	char *cause = NULL;
	assert_int_equal(journal_append(j, &e, &cause), -1);
	assert_non_null(strstr(cause, "must end after it starts"));
	free(cause);
	e.until_ms = e.at_ms + 3600 * 1000;
	append_ok(j, e);
	jf_got_t got = {0};
	assert_int_equal(jf_read(j, &got), 1);
	assert_int_equal(got.e[0].until_ms, e.until_ms);
	jf_got_free(&got);
	journal_close(j);
}

static void test_cannot_open(void **state)
{
	(void)state;
	/* A folder that cannot be made (a file is in the way: even root fails). */
	jf_write_raw(jf_path("file"), "x", 1, "wb");
	char *in_the_way = xstrdup(jf_path("file"));
	expect_open_fails(jf_path("file/sub/j.jsonl"), in_the_way);
	free(in_the_way);
	/* A folder, not a file. */
	assert_int_equal(mkdir(jf_path("dir.jsonl"), 0700), 0);
	expect_open_fails(jf_path("dir.jsonl"), jf_path("dir.jsonl"));
	char *cause = NULL;
	assert_null(journal_open("", &cause));
	free(cause);

	/* Permissions do not bite root: the rest needs another user. */
	if (geteuid() == 0) {
		print_message("running as root: the read-only checks are skipped\n");
		return;
	}
	jf_write_raw(jf_path("ro.jsonl"), "", 0, "wb");
	assert_int_equal(chmod(jf_path("ro.jsonl"), 0400), 0);
	expect_open_fails(jf_path("ro.jsonl"), jf_path("ro.jsonl"));
	assert_int_equal(mkdir(jf_path("locked"), 0500), 0);
	expect_open_fails(jf_path("locked/sub/j.jsonl"), jf_path("locked/sub"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_round_trip, jf_setup, jf_teardown),
	    cmocka_unit_test_setup_teardown(test_reason_cut_on_a_character, jf_setup, jf_teardown),
	    cmocka_unit_test_setup_teardown(test_tailing, jf_setup, jf_teardown),
	    cmocka_unit_test_setup_teardown(test_torn_last_line, jf_setup, jf_teardown),
	    cmocka_unit_test_setup_teardown(test_bad_lines, jf_setup, jf_teardown),
	    cmocka_unit_test_setup_teardown(test_long_lines, jf_setup, jf_teardown),
	    cmocka_unit_test_setup_teardown(test_truncated_file, jf_setup, jf_teardown),
	    cmocka_unit_test_setup_teardown(test_default_path, jf_setup, jf_teardown),
	    cmocka_unit_test_setup_teardown(test_shelve_must_end_after_it_starts, jf_setup,
	                                    jf_teardown),
	    cmocka_unit_test_setup_teardown(test_cannot_open, jf_setup, jf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

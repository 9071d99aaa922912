/* Unit tests for feeds/log: what --log writes, and where it refuses to. */
#define _GNU_SOURCE /* posix_openpt, ptsname */
#include <fcntl.h>
#include <pthread.h>
#include <regex.h>
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
#include "text.h"

/* A private directory, removed at the end. */
static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/citydash-log-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	log_close();
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *path_in_dir(const char *name)
{
	static char p[128];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return p;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Every line: "<RFC 3339 UTC, ms> citydash[<pid>] <level>: <text>". */
static void assert_lines_well_formed(const char *text)
{
	regex_t re;
	assert_int_equal(regcomp(&re,
	                         "^[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]"
	                         "\\.[0-9]{3}Z citydash\\[[0-9]+\\] (error|warn|info): [^\n]*$",
	                         REG_EXTENDED | REG_NOSUB | REG_NEWLINE),
	                 0);
	const char *line = text;
	while (*line) {
		const char *end = strchr(line, '\n');
		assert_non_null(end); /* every line is whole */
		char *one = strndup(line, (size_t)(end - line));
		if (regexec(&re, one, 0, NULL, 0) != 0)
			fail_msg("malformed log line: [%s]", one);
		free(one);
		line = end + 1;
	}
	regfree(&re);
}

static void test_spec(void **state)
{
	(void)state;
	assert_int_equal(log_spec_target(NULL), LOG_TARGET_NONE);
	assert_int_equal(log_spec_target(""), LOG_TARGET_NONE);
	assert_int_equal(log_spec_target("syslog"), LOG_TARGET_SYSLOG);
	assert_int_equal(log_spec_target("./syslog"), LOG_TARGET_FILE);
	assert_int_equal(log_spec_target("SYSLOG"), LOG_TARGET_FILE);
	assert_int_equal(log_spec_target("syslog.txt"), LOG_TARGET_FILE);
	assert_int_equal(log_spec_target("/var/log/citydash.log"), LOG_TARGET_FILE);
}

static void test_format_line(void **state)
{
	(void)state;
	char *line =
	    log_format_line(1795593599500LL, 42, LOG_LEVEL_WARN, "source \"water\" failing");
	assert_string_equal(
	    line, "2026-11-25T07:59:59.500Z citydash[42] warn: source \"water\" failing\n");
	free(line);
	line = log_format_line(0, 1, LOG_LEVEL_ERROR, "x");
	assert_string_equal(line, "1970-01-01T00:00:00.000Z citydash[1] error: x\n");
	free(line);
	assert_string_equal(log_level_name(LOG_LEVEL_ERROR), "error");
	assert_string_equal(log_level_name(LOG_LEVEL_WARN), "warn");
	assert_string_equal(log_level_name(LOG_LEVEL_INFO), "info");
}

static void test_clean_text(void **state)
{
	(void)state;
	/* One line whatever it held; no escape reaches a terminal that shows the log. */
	char *t = log_clean_text("a\nb\r\tc\x1b]0;owned\x07 d\x1b[2J e\x7f");
	assert_string_equal(t, "a b  c d e");
	free(t);
	/* Credentials masked in every URL, wherever in the text. */
	t = log_clean_text("failing: http://op:hunter2@gw:8080/v1/feeds/water?api_key=K3Y&x=1 (x)");
	assert_string_equal(t, "failing: http://op:***@gw:8080/v1/feeds/water?api_key=***&x=1 (x)");
	free(t);
	/* A password split by a control character is masked all the same. */
	t = log_clean_text("http://op:hun\x1b[0mter2@gw/");
	assert_null(strstr(t, "hun"));
	free(t);
	t = log_clean_text(NULL);
	assert_string_equal(t, "");
	free(t);
	/* Long text is cut at a character, never inside one. */
	char big[3 * LOG_TEXT_MAX];
	for (size_t i = 0; i + 2 < sizeof big; i += 2)
		memcpy(big + i, "\xc3\xa9", 2); /* é */
	big[sizeof big - 1 - (sizeof big - 1) % 2] = '\0';
	t = log_clean_text(big);
	assert_true(strlen(t) <= LOG_TEXT_MAX);
	assert_true(text_is_clean(t));
	assert_string_equal(t + strlen(t) - 3, "...");
	free(t);
}

static void test_nothing_without_sink(void **state)
{
	(void)state;
	log_close();
	assert_false(log_enabled());
	log_printf(LOG_LEVEL_ERROR, "nowhere %d", 1); /* no crash, nothing written */
}

static void test_file(void **state)
{
	(void)state;
	const char *p = path_in_dir("a.log");
	char *cause = NULL;
	assert_int_equal(log_open(p, &cause), 0);
	assert_true(log_enabled());
	log_printf(LOG_LEVEL_ERROR, "source \"%s\" failing: %s", "wa\nter",
	           "http://u:secret@h/?token=abc");
	log_printf(LOG_LEVEL_INFO, "%s", "bell\a and \x1b[31mred");
	log_close();
	assert_false(log_enabled());
	/* Appends: a second run adds to what the first wrote. */
	assert_int_equal(log_open(p, &cause), 0);
	log_printf(LOG_LEVEL_WARN, "again");
	log_close();
	const char *text = slurp(p);
	assert_int_equal(count_lines(text), 3);
	assert_lines_well_formed(text);
	assert_non_null(
	    strstr(text, " error: source \"wa ter\" failing: http://u:***@h/?token=***\n"));
	assert_non_null(strstr(text, " info: bell and red\n"));
	assert_non_null(strstr(text, " warn: again\n"));
	assert_null(strstr(text, "secret"));
	assert_null(strchr(text, '\x1b'));
	assert_null(strchr(text, '\a'));
}

static void test_open_fails(void **state)
{
	(void)state;
	char *cause = NULL;
	assert_int_equal(log_open(path_in_dir("no/such/dir/a.log"), &cause), -1);
	assert_non_null(strstr(cause, "No such file or directory"));
	free(cause);
	assert_false(log_enabled());
}

/* A terminal is refused: it would be the curses screen. */
static void test_terminal_refused(void **state)
{
	(void)state;
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0 || !ptsname(master)) {
		if (master >= 0)
			close(master);
		skip(); /* no pseudo-terminals here */
	}
	char *cause = NULL;
	assert_int_equal(log_open(ptsname(master), &cause), -1);
	assert_non_null(strstr(cause, "terminal"));
	free(cause);
	assert_false(log_enabled());
	close(master);
}

/* syslog: opened and written without error. Whether a message arrives
 * cannot be checked without a syslog daemon (CI containers have no
 * /dev/log), so only the spec and the calls are tested here. */
static void test_syslog(void **state)
{
	(void)state;
	char *cause = NULL;
	assert_int_equal(log_open("syslog", &cause), 0);
	assert_true(log_enabled());
	log_printf(LOG_LEVEL_INFO, "test_log: syslog sink, %d", 1);
	log_close();
	assert_false(log_enabled());
}

#define THREADS    4
#define LINES_EACH 250

static void *writer(void *arg)
{
	for (int i = 0; i < LINES_EACH; i++)
		log_printf(LOG_LEVEL_INFO, "thread %d line %d %s", *(int *)arg, i,
		           "padding padding padding padding padding padding padding padding");
	return NULL;
}

/* Lines from several threads never interleave. */
static void test_threads(void **state)
{
	(void)state;
	const char *p = path_in_dir("threads.log");
	char *cause = NULL;
	assert_int_equal(log_open(p, &cause), 0);
	pthread_t t[THREADS];
	int id[THREADS];
	for (int i = 0; i < THREADS; i++) {
		id[i] = i;
		assert_int_equal(pthread_create(&t[i], NULL, writer, &id[i]), 0);
	}
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	log_close();
	const char *text = slurp(p);
	assert_int_equal(count_lines(text), THREADS * LINES_EACH);
	assert_lines_well_formed(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_spec),
	    cmocka_unit_test(test_format_line),
	    cmocka_unit_test(test_clean_text),
	    cmocka_unit_test(test_nothing_without_sink),
	    cmocka_unit_test(test_file),
	    cmocka_unit_test(test_open_fails),
	    cmocka_unit_test(test_terminal_refused),
	    cmocka_unit_test(test_syslog),
	    cmocka_unit_test(test_threads),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

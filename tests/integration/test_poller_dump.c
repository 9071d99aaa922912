/* `citydash --dump` run as a program, against what makes a poll end badly:
 * a 304 to a request that asked nothing (a protocol error: exit status 1,
 * the reason on stderr), and a transfer libcurl refuses to start
 * (CITYDASH_ADD_FAIL, a citydash linked with wrap_add_fail.c: --dump used to
 * wait for it for ever; now it ends with status 1 and says why). Each run is
 * bounded: a run that does not end in time is killed and fails the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clock.h"
#include "script_server.h"

#define RUN_LIMIT_MS 60000

typedef struct run {
	int status; /* exit status, or -1 if it had to be killed */
	char err[8192];
	char out[16384];
} run_t;

/* The first size bytes of the file behind fd, as a string. */
static void slurp(int fd, char *buf, size_t size)
{
	ssize_t n = pread(fd, buf, size - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
}

/* Runs `prog --dump --source feed=URL` with stdout and stderr into files. */
static void run_dump(const char *prog, const char *url, run_t *out)
{
	char errpath[] = "/tmp/citydash-dump-err-XXXXXX",
	     outpath[] = "/tmp/citydash-dump-out-XXXXXX";
	int errfd = mkstemp(errpath), outfd = mkstemp(outpath);
	assert_true(errfd >= 0 && outfd >= 0);
	char source[256];
	snprintf(source, sizeof source, "feed=%s", url);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, STDIN_FILENO);
		dup2(outfd, STDOUT_FILENO);
		dup2(errfd, STDERR_FILENO);
		execl(prog, prog, "--dump", "--source", source, (char *)NULL);
		_exit(127);
	}
	int64_t start = clock_mono_ms();
	int wstatus = 0;
	out->status = -1;
	for (;;) {
		pid_t done = waitpid(pid, &wstatus, WNOHANG);
		if (done == pid) {
			out->status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128;
			break;
		}
		if (clock_mono_ms() - start > RUN_LIMIT_MS) {
			kill(pid, SIGKILL);
			waitpid(pid, &wstatus, 0);
			break;
		}
		usleep(20000);
	}
	slurp(errfd, out->err, sizeof out->err);
	slurp(outfd, out->out, sizeof out->out);
	close(errfd);
	close(outfd);
	unlink(errpath);
	unlink(outpath);
}

static void test_dump_304_without_if_none_match_fails(void **state)
{
	(void)state;
	script_server_t *srv = script_server_start(304, NULL);
	run_t run;
	run_dump(CITYDASH_PROGRAM, script_server_url(srv), &run);
	script_server_stop(srv);
	assert_int_equal(run.status, 1);
	assert_non_null(strstr(run.err, "304"));
	assert_non_null(strstr(run.err, "If-None-Match"));
}

static void test_dump_ends_when_transfer_refused(void **state)
{
	(void)state;
	run_t run;
	run_dump(CITYDASH_ADD_FAIL, "http://127.0.0.1:9/feed", &run);
	assert_int_equal(run.status, 1); /* not -1: it ended by itself */
	assert_non_null(strstr(run.err, "no source could be read"));
}

/* A store large enough for the TUI to evaluate it on a thread: --dump
 * evaluates it whole before drawing. */
static void test_dump_large_document(void **state)
{
	(void)state;
	enum { N = 30000 };
	size_t cap = (size_t)N * 64 + 64, used = 0;
	char *doc = malloc(cap);
	assert_non_null(doc);
	used += (size_t)snprintf(doc, cap, "{\"version\":1,\"readings\":[");
	for (int i = 0; i < N; i++)
		used += (size_t)snprintf(doc + used, cap - used,
		                         "%s{\"id\":\"r%05d\",\"domain\":\"water\",\"value\":1}",
		                         i ? "," : "", i);
	snprintf(doc + used, cap - used, "]}");
	script_server_t *srv = script_server_start(200, doc);
	free(doc);
	run_t run;
	run_dump(CITYDASH_PROGRAM, script_server_url(srv), &run);
	script_server_stop(srv);
	assert_int_equal(run.status, 0);
	assert_non_null(strstr(run.out, "Water (30000)"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dump_304_without_if_none_match_fails),
	    cmocka_unit_test(test_dump_ends_when_transfer_refused),
	    cmocka_unit_test(test_dump_large_document),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

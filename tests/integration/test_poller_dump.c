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
} run_t;

/* Runs `prog --dump --source feed=URL` with stdout and stderr into files. */
static void run_dump(const char *prog, const char *url, run_t *out)
{
	char errpath[] = "/tmp/citydash-dump-err-XXXXXX";
	int errfd = mkstemp(errpath);
	assert_true(errfd >= 0);
	char source[256];
	snprintf(source, sizeof source, "feed=%s", url);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
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
	ssize_t n = pread(errfd, out->err, sizeof out->err - 1, 0);
	out->err[n > 0 ? n : 0] = '\0';
	close(errfd);
	unlink(errpath);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dump_304_without_if_none_match_fails),
	    cmocka_unit_test(test_dump_ends_when_transfer_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* bench_keys: how long a keystroke waits for the screen, through tmux, while
 * citydash reads a large feed every second or while its sources misbehave.
 *
 *   bench_keys [KEYS] [CITYDASH]   (default 200 keys, the citydash built beside it)
 *
 * Three cases, each a fresh citydash in a detached tmux pane of 120x40 (its
 * own tmux server, `tmux -L`), every source polled every second:
 *   healthy      one source, a 1-reading document: the reference
 *   hung + drip  that source, plus one that accepts and never answers and
 *                one that drips its answer a byte a second (bench_stall.h),
 *                both with a minute's timeout so they stay in flight
 *   100,000 readings  one source of 100,000 readings (15 MB), every poll
 *                parsed
 * The healthy sources are served from this process (libmicrohttpd; no ETag,
 * so every poll is a full 200 and every document is parsed; two versions
 * whose values differ, served in turn). Once two documents have been read,
 * the bench presses `?` KEYS times at pseudo-random moments (seeded) with
 * `tmux send-keys`, alternately opening help and going back, and times each
 * press from the start of send-keys to the moment the screen's answer leaves
 * the pane ("Symbols" of the help page, "Overview" on the title line), as
 * `tmux pipe-pane` passes citydash's output on (into a FIFO this process
 * reads). Prints p50 and p99 per case with their ratio to the reference, and
 * a summary line per figure for scripts/bench (bench_line.h); the issue's
 * target is a p99 under 50 ms while a source hangs and another drips.
 * Figures, not assertions: run it on the machine you care about. */
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_line.h"
#include "bench_stall.h"
#include "xalloc.h"

#define ANSWER_LIMIT_MS 5000 /* a key not answered in this long counts as this long */

static const char *const domains[] = {"water", "power", "gas", "telecom", "bridge", "tunnel"};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 16);
}

/* A protocol v1 document of n readings (about 150 bytes each, as a gateway
 * would send them: id, domain, place, value, limits), values set by `round`. */
static char *make_document(int n, int round, size_t *len)
{
	size_t cap = (size_t)n * 200 + 256, used = 0;
	char *doc = xmalloc(cap);
	used += (size_t)snprintf(doc, cap, "{\"version\":1,\"readings\":[");
	for (int i = 0; i < n; i++) {
		double v = 50 + 45 * ((i * 7919 + round * 104729) % 1000) / 1000.0;
		used += (size_t)snprintf(doc + used, cap - used,
		                         "%s{\"id\":\"d%d.s%02d.a%06d\",\"domain\":\"%s\","
		                         "\"place\":{\"district\":\"D%d\","
		                         "\"street\":\"S%02d\"},\"unit\":\"MPa\",\"value\":%.2f,"
		                         "\"limits\":{\"lolo\":5,\"lo\":10,\"hi\":90,\"hihi\":95}}",
		                         i ? "," : "", i % 9, i % 50, i, domains[i % 6], i % 9,
		                         i % 50, v);
	}
	used += (size_t)snprintf(doc + used, cap - used, "]}");
	*len = used;
	return doc;
}

typedef struct feed {
	struct MHD_Response *versions[2];
	pthread_mutex_t lock;
	unsigned served;
	size_t bytes;
} feed_t;

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **req_cls)
{
	(void)url, (void)method, (void)version, (void)upload, (void)upload_size, (void)req_cls;
	feed_t *f = cls;
	pthread_mutex_lock(&f->lock);
	struct MHD_Response *r = f->versions[f->served++ % 2];
	pthread_mutex_unlock(&f->lock);
	return MHD_queue_response(conn, MHD_HTTP_OK, r);
}

static unsigned served(feed_t *f)
{
	pthread_mutex_lock(&f->lock);
	unsigned n = f->served;
	pthread_mutex_unlock(&f->lock);
	return n;
}

/* Reads what citydash writes for up to `ms`; returns true as soon as
 * `marker` has been seen (it may span reads). */
static bool read_until(int fd, const char *marker, double ms)
{
	static char tail[64];
	static size_t tail_len;
	size_t mlen = marker ? strlen(marker) : 0;
	double end = now_ms() + ms;
	char buf[65536 + 64];
	for (;;) {
		double left = end - now_ms();
		if (left <= 0)
			return false;
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		if (poll(&pfd, 1, (int)left + 1) <= 0)
			continue;
		memcpy(buf, tail, tail_len);
		ssize_t n = read(fd, buf + tail_len, 65536);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		size_t len = tail_len + (size_t)n;
		bool found = false;
		for (size_t i = 0; mlen && i + mlen <= len && !found; i++)
			found = memcmp(buf + i, marker, mlen) == 0;
		tail_len = mlen > 1 && len >= mlen - 1 ? mlen - 1 : 0;
		memcpy(tail, buf + len - tail_len, tail_len);
		if (found) {
			tail_len = 0;
			return true;
		}
	}
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

typedef struct bench_case {
	const char *name;
	int readings;
	bool stalls; /* add the hung and the dripping source */
} bench_case_t;

typedef struct result {
	size_t bytes;
	double p50, p99, max;
	int late; /* keys not answered within ANSWER_LIMIT_MS */
	unsigned long dripped;
} result_t;

extern char **environ;

/* Runs `tmux -S sock ARGS...` and waits for it; its exit status, or -1.
 * The socket is a path in the case's own folder: tmux leaves it behind when
 * its server ends, and the folder goes with the case. */
static int tmux(const char *sock, const char *const *args)
{
	const char *argv[16] = {"tmux", "-S", sock};
	int n = 3;
	for (; args[n - 3] && n < 15; n++)
		argv[n] = args[n - 3];
	argv[n] = NULL;
	pid_t pid;
	if (posix_spawnp(&pid, "tmux", NULL, NULL, (char *const *)argv, environ) != 0)
		return -1;
	int st;
	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void write_config(const char *path, uint16_t port, const bench_stall_t *stall)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f,
	        "{\"sources\":[{\"name\":\"city\",\"url\":\"http://127.0.0.1:%u/v1/feeds/city\","
	        "\"interval_ms\":1000,\"timeout_ms\":20000,\"max_body_bytes\":268435456}",
	        (unsigned)port);
	if (stall)
		fprintf(f,
		        ",{\"name\":\"hung\",\"url\":\"http://127.0.0.1:%u/v1/feeds/hung\","
		        "\"interval_ms\":1000,\"timeout_ms\":60000}"
		        ",{\"name\":\"drip\",\"url\":\"http://127.0.0.1:%u/v1/feeds/drip\","
		        "\"interval_ms\":1000,\"timeout_ms\":60000}",
		        (unsigned)bench_stall_hung_port(stall),
		        (unsigned)bench_stall_drip_port(stall));
	fprintf(f, "]}\n");
	fclose(f);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* Starts citydash in a tmux pane and opens the FIFO its output is piped
 * into; the FIFO's descriptor, or -1. */
static int start_pane(const char *sock, const char *citydash, const char *config, const char *fifo)
{
	char *cmd = xasprintf("exec '%s' --config '%s'", citydash, config);
	const char *start[] = {"-f", "/dev/null", "new-session", "-d", "-s", "keys",
	                       "-x", "120",       "-y",          "40", cmd,  NULL};
	int rc = tmux(sock, start);
	free(cmd);
	if (rc != 0 || mkfifo(fifo, 0600) != 0)
		return -1;
	char *pipe = xasprintf("exec cat > '%s'", fifo);
	const char *pp[] = {"pipe-pane", "-o", "-t", "keys", pipe, NULL};
	rc = tmux(sock, pp);
	free(pipe);
	if (rc != 0)
		return -1;
	/* Blocks until tmux's cat opens the other end; an alarm bounds the
	 * wait should it never come (open then fails with EINTR). */
	struct sigaction sa = {.sa_handler = on_alarm}, old;
	sigaction(SIGALRM, &sa, &old);
	alarm(30);
	int fd = open(fifo, O_RDONLY | O_CLOEXEC);
	alarm(0);
	sigaction(SIGALRM, &old, NULL);
	return fd;
}

static int run_case(const char *citydash, const bench_case_t *c, int keys, result_t *res)
{
	feed_t feed = {.lock = PTHREAD_MUTEX_INITIALIZER};
	for (int v = 0; v < 2; v++) {
		size_t len;
		char *doc = make_document(c->readings, v, &len);
		feed.versions[v] = MHD_create_response_from_buffer(len, doc, MHD_RESPMEM_MUST_FREE);
		MHD_add_response_header(feed.versions[v], "Content-Type", "application/json");
		feed.bytes = len;
	}
	struct MHD_Daemon *d =
	    MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD, 0, NULL, NULL, answer, &feed,
	                     MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_END);
	bench_stall_t *stall = c->stalls ? bench_stall_start() : NULL;
	char dir[] = "/tmp/bench_keys-XXXXXX";
	if (!d || (c->stalls && !stall) || !mkdtemp(dir)) {
		fprintf(stderr, "bench_keys: cannot start the feed servers\n");
		return -1;
	}
	uint16_t port = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT)->port;
	char *config = xasprintf("%s/config.json", dir), *fifo = xasprintf("%s/pane", dir);
	char *sock = xasprintf("%s/tmux", dir); /* a server per case, in its folder */
	write_config(config, port, stall);
	int fd = start_pane(sock, citydash, config, fifo);
	const char *kill[] = {"kill-server", NULL};
	if (fd < 0) {
		fprintf(stderr, "bench_keys: cannot start citydash in tmux\n");
		tmux(sock, kill);
		unlink(sock);
		free(sock);
		return -1;
	}
	/* Two documents read (the third asked for), then a second to settle. */
	double start = now_ms();
	while (served(&feed) < 3 && now_ms() - start < 120000)
		read_until(fd, NULL, 50);
	read_until(fd, NULL, 1000);

	double *lat = xcalloc((size_t)keys, sizeof *lat);
	const char *key[] = {"send-keys", "-t", "keys", "?", NULL};
	res->late = 0;
	for (int k = 0; k < keys; k++) {
		read_until(fd, NULL, 100 + rng() % 500); /* a moment somewhere in the poll cycle */
		const char *marker = k % 2 == 0 ? "Symbols" : "Overview";
		double t0 = now_ms();
		if (tmux(sock, key) != 0)
			break;
		bool seen = read_until(fd, marker, ANSWER_LIMIT_MS);
		lat[k] = seen ? now_ms() - t0 : ANSWER_LIMIT_MS;
		res->late += !seen;
	}
	res->dripped = stall ? bench_stall_dripped(stall) : 0;
	tmux(sock, kill);
	close(fd);
	unlink(sock);
	unlink(fifo);
	unlink(config);
	rmdir(dir);
	free(sock);
	free(fifo);
	free(config);
	bench_stall_stop(stall);
	MHD_stop_daemon(d);
	for (int v = 0; v < 2; v++)
		MHD_destroy_response(feed.versions[v]);

	qsort(lat, (size_t)keys, sizeof *lat, compare_double);
	res->bytes = feed.bytes;
	res->p50 = lat[keys / 2];
	res->p99 = lat[(keys * 99 + 99) / 100 - 1];
	res->max = lat[keys - 1];
	free(lat);
	return 0;
}

int main(int argc, char **argv)
{
	int keys = argc > 1 ? atoi(argv[1]) : 200;
	const char *citydash = argc > 2 ? argv[2] : CITYDASH_PROGRAM;
	if (keys < 2) {
		fprintf(stderr, "usage: bench_keys [KEYS] [CITYDASH]\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	setenv("LC_ALL", "C.UTF-8", 1); /* the markers are the English UI's */
	static const bench_case_t cases[] = {{"healthy (1 reading)", 1, false},
	                                     {"+ hung + drip", 1, true},
	                                     {"100,000 readings", 100000, false}};
	enum { CASES = sizeof cases / sizeof cases[0] };
	result_t res[CASES];
	for (int i = 0; i < CASES; i++) {
		if (run_case(citydash, &cases[i], keys, &res[i]) != 0)
			return 1;
		fprintf(stderr, "bench_keys: %s done\n", cases[i].name);
	}
	printf("key latency through tmux (120x40), %d presses of ? per case, polled every second; "
	       "%s\n",
	       keys, citydash);
	printf("%-22s %8s %12s %8s %12s %8s %10s %6s\n", "case", "MB", "p50", "ratio", "p99",
	       "ratio", "max", "late");
	for (int i = 0; i < CASES; i++)
		printf("%-22s %8.2f %9.1f ms %7.2fx %9.1f ms %7.2fx %7.1f ms %6d\n", cases[i].name,
		       res[i].bytes / 1e6, res[i].p50, res[i].p50 / res[0].p50, res[i].p99,
		       res[i].p99 / res[0].p99, res[i].max, res[i].late);
	printf("(the dripping source sent %lu bytes in all; target: p99 under 50 ms with hung + "
	       "drip)\n",
	       res[1].dripped);
	bench_line("keys: hung + drip, p50", res[1].p50, "ms", "healthy source", res[0].p50, NULL);
	bench_line("keys: hung + drip, p99", res[1].p99, "ms", "healthy source", res[0].p99, "<50");
	bench_line("keys: 100,000 readings, p99", res[2].p99, "ms", "healthy source", res[0].p99,
	           NULL);
	return 0;
}

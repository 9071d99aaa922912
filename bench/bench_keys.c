/* bench_keys: how long a keystroke waits for the screen while citydash reads
 * a large feed every second.
 *
 *   bench_keys [KEYS] [CITYDASH]   (default 200 keys, the citydash built beside it)
 *
 * For each feed size — 1 reading (the reference: an idle feed), 5,000 and
 * 100,000 readings — it serves a protocol v1 document from this process
 * (libmicrohttpd; no ETag, so every poll is a full 200 and every document is
 * parsed; two versions whose values differ, served in turn), runs citydash
 * against it (polled every second) on a pseudo-terminal of 120x40, waits
 * until two documents have been read, then presses `?` KEYS times at
 * pseudo-random moments (seeded), alternately opening help and going back,
 * and times each press from the write of the key to the moment the screen's
 * answer arrives ("Symbols" of the help page, "Overview" on the title line).
 * Prints p50 and p99 per size with their ratio to the reference. Figures, not
 * assertions: run it on the machine you care about. */
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <poll.h>
#include <pthread.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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

typedef struct result {
	int readings;
	size_t bytes;
	double p50, p99, max;
	int late; /* keys not answered within ANSWER_LIMIT_MS */
} result_t;

static int run_size(const char *citydash, int readings, int keys, result_t *res)
{
	feed_t feed = {.lock = PTHREAD_MUTEX_INITIALIZER};
	for (int v = 0; v < 2; v++) {
		size_t len;
		char *doc = make_document(readings, v, &len);
		feed.versions[v] = MHD_create_response_from_buffer(len, doc, MHD_RESPMEM_MUST_FREE);
		MHD_add_response_header(feed.versions[v], "Content-Type", "application/json");
		feed.bytes = len;
	}
	struct MHD_Daemon *d =
	    MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD, 0, NULL, NULL, answer, &feed,
	                     MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "bench_keys: cannot start the feed server\n");
		return -1;
	}
	uint16_t port = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT)->port;
	char config[] = "/tmp/bench_keys-XXXXXX";
	int cfd = mkstemp(config);
	if (cfd < 0)
		return -1;
	dprintf(cfd,
	        "{\"sources\":[{\"name\":\"city\",\"url\":\"http://127.0.0.1:%u/v1/feeds/city\","
	        "\"interval_ms\":1000,\"timeout_ms\":20000,\"max_body_bytes\":268435456}]}",
	        (unsigned)port);
	close(cfd);

	struct winsize ws = {.ws_row = 40, .ws_col = 120};
	int fd;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		return -1;
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execl(citydash, citydash, "--config", config, (char *)NULL);
		_exit(127);
	}
	/* Two documents read (the third asked for), then a second to settle. */
	double start = now_ms();
	while (served(&feed) < 3 && now_ms() - start < 120000)
		read_until(fd, NULL, 50);
	read_until(fd, NULL, 1000);

	double *lat = xcalloc((size_t)keys, sizeof *lat);
	res->late = 0;
	for (int k = 0; k < keys; k++) {
		read_until(fd, NULL, 100 + rng() % 500); /* a moment somewhere in the poll cycle */
		const char *marker = k % 2 == 0 ? "Symbols" : "Overview";
		double t0 = now_ms();
		if (write(fd, "?", 1) != 1)
			break;
		bool seen = read_until(fd, marker, ANSWER_LIMIT_MS);
		lat[k] = seen ? now_ms() - t0 : ANSWER_LIMIT_MS;
		res->late += !seen;
	}
	if (write(fd, "q", 1) != 1)
		kill(pid, SIGTERM);
	read_until(fd, NULL, 500);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	close(fd);
	unlink(config);
	MHD_stop_daemon(d);
	for (int v = 0; v < 2; v++)
		MHD_destroy_response(feed.versions[v]);

	qsort(lat, (size_t)keys, sizeof *lat, compare_double);
	res->readings = readings;
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
	static const int sizes[] = {1, 5000, 100000};
	result_t res[3];
	for (int i = 0; i < 3; i++) {
		if (run_size(citydash, sizes[i], keys, &res[i]) != 0)
			return 1;
		fprintf(stderr, "bench_keys: %d readings done\n", sizes[i]);
	}
	printf("key latency, %d presses of ? per feed, polled every second; %s\n", keys, citydash);
	printf("%-26s %12s %8s %12s %8s %10s %6s\n", "feed", "p50", "ratio", "p99", "ratio", "max",
	       "late");
	for (int i = 0; i < 3; i++) {
		char name[64];
		snprintf(name, sizeof name, "%d readings, %.1f MB", res[i].readings,
		         res[i].bytes / 1e6);
		printf("%-26s %9.1f ms %7.2fx %9.1f ms %7.2fx %7.1f ms %6d\n", name, res[i].p50,
		       res[i].p50 / res[0].p50, res[i].p99, res[i].p99 / res[0].p99, res[i].max,
		       res[i].late);
	}
	return 0;
}

/* mock_conns_client: opens N keep-alive connections to a server on
 * 127.0.0.1 at once, then, over each of them, twice in a row, sends a GET
 * for PATH and reads the whole answer, which must be a 200 with the same
 * body on every connection and in both rounds (the server's tick outlasts
 * the test). All N are opened before the first answer and none is closed
 * by the client, so the server holds them all at once; a connection it
 * closes or refuses before its second answer fails the test.
 *
 *   mock_conns_client PORT N PATH
 *
 * Raises its own RLIMIT_NOFILE as needed. Exit 0 all answered, 1 a failure
 * (said on stderr), 2 bad usage, 77 skipped: the hard limit on open files
 * is too low for N connections. Bounded in time: DEADLINE_MS in all. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define DEADLINE_MS 60000
#define ROUNDS      2
#define HEAD_MAX    8192

typedef enum { CONNECTING, SENDING, READING, DONE } conn_state_t;

typedef struct conn {
	int fd;
	conn_state_t state;
	int round; /* answers read so far */
	size_t sent;
	char head[HEAD_MAX + 1]; /* status line and headers */
	size_t head_len;
	long long body_left; /* -1 until the headers are read */
	uint64_t body_hash;
	size_t body_len;
} conn_t;

static char request[512];
static size_t request_len;

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static uint64_t fnv(uint64_t h, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
	return h;
}

static bool die(size_t i, const char *what)
{
	fprintf(stderr, "FAIL: connection %zu: %s\n", i, what);
	return false;
}

/* Headers complete in c->head: checks the status, reads Content-Length and
 * takes the body bytes that came with them. */
static bool headers_done(conn_t *c, size_t i, char *end)
{
	*end = '\0';
	if (strncmp(c->head, "HTTP/1.1 200 ", 13) != 0) {
		fprintf(stderr, "FAIL: connection %zu: answer \"%.40s\"\n", i, c->head);
		return false;
	}
	if (strcasestr(c->head, "\r\nConnection: close"))
		return die(i, "the server closes the connection after the answer");
	const char *cl = strcasestr(c->head, "\r\nContent-Length:");
	if (!cl)
		return die(i, "no Content-Length");
	c->body_left = strtoll(cl + 17, NULL, 10);
	char *body = end + 4;
	size_t have = c->head_len - (size_t)(body - c->head);
	if ((long long)have > c->body_left)
		return die(i, "more bytes than Content-Length");
	c->body_hash = fnv(0xcbf29ce484222325ULL, body, have);
	c->body_len = have;
	c->body_left -= (long long)have;
	return true;
}

/* Reads what is there; false on a failure. */
static bool on_readable(conn_t *c, size_t i)
{
	char buf[65536];
	for (;;) {
		ssize_t n = read(c->fd, buf, sizeof buf);
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return true;
		if (n < 0)
			return die(i, strerror(errno));
		if (n == 0)
			return die(i, "closed by the server");
		size_t off = 0;
		if (c->body_left < 0) {
			size_t take = (size_t)n;
			if (take > HEAD_MAX - c->head_len)
				take = HEAD_MAX - c->head_len;
			memcpy(c->head + c->head_len, buf, take);
			c->head_len += take;
			c->head[c->head_len] = '\0';
			char *end = strstr(c->head, "\r\n\r\n");
			if (!end) {
				if (c->head_len == HEAD_MAX)
					return die(i, "headers too long");
				continue;
			}
			if (!headers_done(c, i, end))
				return false;
			off = take;
		}
		size_t rest = (size_t)n - off;
		if ((long long)rest > c->body_left)
			return die(i, "more bytes than Content-Length");
		c->body_hash = fnv(c->body_hash, buf + off, rest);
		c->body_len += rest;
		c->body_left -= (long long)rest;
		if (c->body_left == 0) {
			c->state = DONE;
			return true;
		}
	}
}

static bool on_writable(conn_t *c, size_t i)
{
	if (c->state == CONNECTING) {
		int err = 0;
		socklen_t len = sizeof err;
		if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0 || err)
			return die(i, err ? strerror(err) : "connect");
		c->state = SENDING;
	}
	while (c->sent < request_len) {
		ssize_t n = write(c->fd, request + c->sent, request_len - c->sent);
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return true;
		if (n <= 0)
			return die(i, strerror(errno));
		c->sent += (size_t)n;
	}
	c->state = READING;
	c->head_len = 0;
	c->body_left = -1;
	return true;
}

/* Raises the soft limit to want; false if the hard limit is lower. */
static bool files_limit(rlim_t want)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return false;
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want) {
		if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want) {
			printf("SKIP: the hard limit on open files is %ju, %ju needed\n",
			       (uintmax_t)rl.rlim_max, (uintmax_t)want);
			return false;
		}
		rl.rlim_cur = want;
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: mock_conns_client PORT N PATH\n");
		return 2;
	}
	int port = atoi(argv[1]);
	size_t n = (size_t)strtoul(argv[2], NULL, 10);
	if (port <= 0 || port > 65535 || n == 0 || n > 100000)
		return 2;
	if (!files_limit((rlim_t)n + 32))
		return 77;
	request_len =
	    (size_t)snprintf(request, sizeof request,
	                     "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n", argv[3], port);
	conn_t *conns = calloc(n, sizeof *conns);
	struct pollfd *pfd = calloc(n, sizeof *pfd);
	if (!conns || !pfd)
		return 1;
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	for (size_t i = 0; i < n; i++) {
		conns[i].fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (conns[i].fd < 0 ||
		    (connect(conns[i].fd, (struct sockaddr *)&sa, sizeof sa) != 0 &&
		     errno != EINPROGRESS)) {
			die(i, strerror(errno));
			return 1;
		}
		conns[i].state = CONNECTING;
	}
	uint64_t want_hash = 0;
	size_t want_len = 0;
	bool have_want = false;
	long long deadline = now_ms() + DEADLINE_MS;
	/* No barrier between rounds: each connection asks again as soon as its
	 * own answer is read. A barrier would leave the connections answered
	 * first idle until the slowest one is answered, and under load that
	 * outlasts the server's idle timeout (which then rightly closes them). */
	size_t answers = 0, want_answers = n * ROUNDS;
	while (answers < want_answers) {
		long long left = deadline - now_ms();
		if (left <= 0) {
			fprintf(stderr, "FAIL: %zu of %zu answers in %d ms\n", answers,
			        want_answers, DEADLINE_MS);
			return 1;
		}
		for (size_t i = 0; i < n; i++) {
			pfd[i].fd = conns[i].state == DONE ? -1 : conns[i].fd;
			pfd[i].events = conns[i].state == READING ? POLLIN : POLLOUT;
			pfd[i].revents = 0;
		}
		int ready = poll(pfd, (nfds_t)n, (int)(left < 1000 ? left : 1000));
		if (ready < 0 && errno != EINTR)
			return perror("poll"), 1;
		for (size_t i = 0; i < n && ready > 0; i++) {
			conn_t *c = &conns[i];
			if (!pfd[i].revents)
				continue;
			bool ok = c->state == READING ? on_readable(c, i) : on_writable(c, i);
			if (!ok)
				return 1;
			if (c->state != DONE)
				continue;
			answers++;
			if (!have_want) {
				want_hash = c->body_hash;
				want_len = c->body_len;
				have_want = true;
			} else if (c->body_hash != want_hash || c->body_len != want_len) {
				fprintf(stderr,
				        "FAIL: connection %zu, answer %d: another body (%zu bytes, "
				        "first %zu)\n",
				        i, c->round + 1, c->body_len, want_len);
				return 1;
			}
			if (++c->round < ROUNDS) { /* the same connection, once more */
				c->state = SENDING;
				c->sent = 0;
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		close(conns[i].fd);
	free(conns);
	free(pfd);
	printf("mock_conns_client: %zu connections held, %d answers each, %zu bytes each\n", n,
	       ROUNDS, want_len);
	return 0;
}

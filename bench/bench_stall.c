/* bench_stall: a hung and a dripping feed server (bench_stall.h). One
 * thread polls both listening sockets and, once a second, writes the next
 * byte to every dripping connection. The thread owns the connections; the
 * listening sockets and the counter are shared under `lock`. */
#include "bench_stall.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "xalloc.h"

/* What the drip sends: a valid start that never ends. */
static const char drip_head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                "Content-Length: 100000000\r\n\r\n{\"version\":1,\"readings\":[";

typedef struct listener {
	int fd;
	uint16_t port;
	int conns[BENCH_STALL_CONNS];
	size_t sent[BENCH_STALL_CONNS]; /* drip: bytes written on each */
	int next;                       /* the slot the next connection takes */
} listener_t;

struct bench_stall {
	listener_t hung, drip;
	pthread_t thread;
	pthread_mutex_t lock;
	bool stop;
	unsigned long dripped;
};

static int listen_loopback(listener_t *l)
{
	for (int i = 0; i < BENCH_STALL_CONNS; i++)
		l->conns[i] = -1;
	l->fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	if (l->fd < 0 || fcntl(l->fd, F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(l->fd, F_SETFL, O_NONBLOCK) != 0 ||
	    bind(l->fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(l->fd, 16) != 0 ||
	    getsockname(l->fd, (struct sockaddr *)&a, &len) != 0)
		return -1;
	l->port = ntohs(a.sin_port);
	return 0;
}

static void take_connections(listener_t *l)
{
	int c;
	while ((c = accept(l->fd, NULL, NULL)) >= 0) {
		fcntl(c, F_SETFD,
		      FD_CLOEXEC); /* the send and recv here never block: MSG_DONTWAIT */
		if (l->conns[l->next] >= 0)
			close(l->conns[l->next]);
		l->conns[l->next] = c;
		l->sent[l->next] = 0;
		l->next = (l->next + 1) % BENCH_STALL_CONNS;
	}
}

/* The hung server reads what it is sent (so the client's request leaves
 * its buffers) and drops connections the client closed. */
static void drain(listener_t *l)
{
	char buf[4096];
	for (int i = 0; i < BENCH_STALL_CONNS; i++) {
		if (l->conns[i] < 0)
			continue;
		ssize_t n = recv(l->conns[i], buf, sizeof buf, MSG_DONTWAIT);
		if (n == 0) {
			close(l->conns[i]);
			l->conns[i] = -1;
		}
	}
}

static unsigned long drip_once(listener_t *l)
{
	unsigned long n = 0;
	for (int i = 0; i < BENCH_STALL_CONNS; i++) {
		if (l->conns[i] < 0)
			continue;
		size_t at = l->sent[i];
		char byte = at < sizeof drip_head - 1 ? drip_head[at] : ' ';
		if (send(l->conns[i], &byte, 1, MSG_NOSIGNAL | MSG_DONTWAIT) == 1) {
			l->sent[i]++;
			n++;
		} else {
			close(l->conns[i]);
			l->conns[i] = -1;
		}
	}
	return n;
}

static double mono_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *serve(void *arg)
{
	bench_stall_t *s = arg;
	double next_drip = mono_s() + 1;
	for (;;) {
		pthread_mutex_lock(&s->lock);
		bool stop = s->stop;
		pthread_mutex_unlock(&s->lock);
		if (stop)
			break;
		struct pollfd p[2] = {{.fd = s->hung.fd, .events = POLLIN},
		                      {.fd = s->drip.fd, .events = POLLIN}};
		poll(p, 2, 100);
		take_connections(&s->hung);
		take_connections(&s->drip);
		drain(&s->hung);
		drain(&s->drip);
		if (mono_s() >= next_drip) {
			next_drip += 1;
			unsigned long n = drip_once(&s->drip);
			pthread_mutex_lock(&s->lock);
			s->dripped += n;
			pthread_mutex_unlock(&s->lock);
		}
	}
	return NULL;
}

static void close_all(listener_t *l)
{
	for (int i = 0; i < BENCH_STALL_CONNS; i++)
		if (l->conns[i] >= 0)
			close(l->conns[i]);
	if (l->fd >= 0)
		close(l->fd);
}

bench_stall_t *bench_stall_start(void)
{
	bench_stall_t *s = xcalloc(1, sizeof *s);
	s->hung.fd = s->drip.fd = -1;
	pthread_mutex_init(&s->lock, NULL);
	if (listen_loopback(&s->hung) != 0 || listen_loopback(&s->drip) != 0 ||
	    pthread_create(&s->thread, NULL, serve, s) != 0) {
		fprintf(stderr, "bench_stall: cannot serve on 127.0.0.1\n");
		close_all(&s->hung);
		close_all(&s->drip);
		pthread_mutex_destroy(&s->lock);
		free(s);
		return NULL;
	}
	return s;
}

uint16_t bench_stall_hung_port(const bench_stall_t *s)
{
	return s->hung.port;
}
uint16_t bench_stall_drip_port(const bench_stall_t *s)
{
	return s->drip.port;
}

unsigned long bench_stall_dripped(bench_stall_t *s)
{
	pthread_mutex_lock(&s->lock);
	unsigned long n = s->dripped;
	pthread_mutex_unlock(&s->lock);
	return n;
}

void bench_stall_stop(bench_stall_t *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	s->stop = true;
	pthread_mutex_unlock(&s->lock);
	pthread_join(s->thread, NULL);
	close_all(&s->hung);
	close_all(&s->drip);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

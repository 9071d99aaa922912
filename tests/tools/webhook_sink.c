/* webhook_sink: a receiver for Alertmanager's webhooks in tests. Listens on
 * 127.0.0.1 (an ephemeral port), prints "listening on http://127.0.0.1:PORT"
 * on stdout, and appends the body of every POST it gets, one per line, to
 * the file named on the command line; answers 200. Runs until SIGTERM or
 * SIGINT.
 *
 *   webhook_sink FILE */
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_BODY (4 * 1024 * 1024)

static const char *sink_path;
static volatile sig_atomic_t done;

static void on_signal(int sig)
{
	(void)sig;
	done = 1;
}

typedef struct body {
	char *data;
	size_t len;
	int too_big;
} body_t;

static void append(const body_t *b)
{
	FILE *f = fopen(sink_path, "a");
	if (!f)
		return;
	for (size_t i = 0; i < b->len; i++) /* one line per body */
		fputc(b->data[i] == '\n' ? ' ' : b->data[i], f);
	fputc('\n', f);
	fclose(f);
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **state)
{
	(void)cls, (void)url, (void)version;
	body_t *b = *state;
	if (!b) {
		b = calloc(1, sizeof *b);
		if (!b)
			return MHD_NO;
		*state = b;
		return MHD_YES;
	}
	if (*upload_size > 0) {
		if (b->len + *upload_size > MAX_BODY) {
			b->too_big = 1;
		} else {
			char *grown = realloc(b->data, b->len + *upload_size);
			if (!grown)
				return MHD_NO;
			b->data = grown;
			memcpy(b->data + b->len, upload, *upload_size);
			b->len += *upload_size;
		}
		*upload_size = 0;
		return MHD_YES;
	}
	if (strcmp(method, "POST") == 0 && !b->too_big)
		append(b);
	struct MHD_Response *r = MHD_create_response_from_buffer(0, "", MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret = MHD_queue_response(conn, b->too_big ? 413 : 200, r);
	MHD_destroy_response(r);
	return ret;
}

static void completed(void *cls, struct MHD_Connection *conn, void **state,
                      enum MHD_RequestTerminationCode code)
{
	(void)cls, (void)conn, (void)code;
	body_t *b = *state;
	if (b) {
		free(b->data);
		free(b);
	}
	*state = NULL;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: webhook_sink FILE\n", stderr);
		return 2;
	}
	sink_path = argv[1];
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL, answer, NULL, MHD_OPTION_SOCK_ADDR,
		(struct sockaddr *)&addr, MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
		MHD_OPTION_END);
	if (!d) {
		fputs("webhook_sink: cannot listen\n", stderr);
		return 1;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	if (!info || info->port == 0) {
		MHD_stop_daemon(d);
		return 1;
	}
	printf("listening on http://127.0.0.1:%u\n", (unsigned)info->port);
	fflush(stdout);
	struct sigaction sa = {.sa_handler = on_signal};
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	while (!done)
		pause();
	MHD_stop_daemon(d);
	return 0;
}

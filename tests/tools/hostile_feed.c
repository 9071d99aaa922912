/* hostile_feed: a test-only HTTP server playing the feed of issue 5, item 10.
 * Every answer is a protocol v1 document of IDS readings never seen before,
 * each with five strings of BYTES invalid UTF-8 bytes (which the sanitizer
 * turns into three times as many bytes of U+FFFD).
 *
 *   hostile_feed [IDS [BYTES]]    (default 700 ids, 4096 bytes)
 *
 * Listens on 127.0.0.1, an ephemeral port; prints "listening on
 * http://127.0.0.1:PORT/" and serves until SIGINT or SIGTERM. */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ids = 700;
static size_t bytes = 4096;
static atomic_ullong next_id;

/* Appends a "key":"<bytes of fill>" member. */
static size_t put_junk(char *p, const char *key, unsigned char fill)
{
	size_t n = (size_t)sprintf(p, ",\"%s\":\"", key);
	memset(p + n, fill, bytes);
	n += bytes;
	p[n++] = '"';
	return n;
}

static char *document(size_t *len)
{
	size_t cap = (size_t)ids * (5 * (bytes + 32) + 128) + 64, n = 0;
	char *doc = malloc(cap);
	if (!doc)
		return NULL;
	n += (size_t)sprintf(doc, "{\"version\":1,\"readings\":[");
	for (int i = 0; i < ids; i++) {
		unsigned long long id = atomic_fetch_add(&next_id, 1);
		n += (size_t)sprintf(doc + n, "%s{\"id\":\"hostile.%llu\",\"value\":%d",
		                     i ? "," : "", id, i);
		n += put_junk(doc + n, "name", 0xff);
		n += put_junk(doc + n, "domain", 0xfe);
		n += put_junk(doc + n, "unit", 0xfd);
		n += (size_t)sprintf(doc + n, ",\"place\":{\"x\":0");
		n += put_junk(doc + n, "district", 0xfc);
		n += put_junk(doc + n, "street", 0xfb);
		n += (size_t)sprintf(doc + n, "}}");
	}
	n += (size_t)sprintf(doc + n, "]}");
	*len = n;
	return doc;
}

static enum MHD_Result serve(void *cls, struct MHD_Connection *conn, const char *url,
                             const char *method, const char *version, const char *upload,
                             size_t *upload_len, void **state)
{
	(void)cls, (void)url, (void)method, (void)version, (void)upload, (void)upload_len;
	(void)state;
	size_t len;
	char *doc = document(&len);
	if (!doc)
		return MHD_NO;
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(len, doc, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(doc);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
	enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return ret;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		ids = atoi(argv[1]);
	if (argc > 2)
		bytes = (size_t)atol(argv[2]);
	if (ids < 1 || ids > 100000 || bytes < 1 || bytes > 1 << 20) {
		fprintf(stderr, "usage: hostile_feed [IDS [BYTES]]\n");
		return 2;
	}
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL); /* before the server's thread starts */
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	struct MHD_Daemon *d =
	    MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD, 0, NULL, NULL, serve, NULL,
	                     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_END);
	const union MHD_DaemonInfo *info =
	    d ? MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT) : NULL;
	if (!info || !info->port) {
		fprintf(stderr, "hostile_feed: cannot listen on 127.0.0.1\n");
		return 1;
	}
	printf("listening on http://127.0.0.1:%u/\n", (unsigned)info->port);
	fflush(stdout);
	int sig;
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	return 0;
}

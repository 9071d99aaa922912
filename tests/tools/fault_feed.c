/* fault_feed: a test-only protocol v1 feed whose behaviour a test switches
 * at run time, for the fault tests of issue 13 (tests/e2e/test_faults*.sh).
 *
 *   fault_feed [--port N] [--mode MODE]
 *
 * Listens on 127.0.0.1 (port N, default 0: an ephemeral one), prints
 * "listening on http://127.0.0.1:PORT/" and serves until SIGINT or SIGTERM.
 * --port lets a test kill it and start it again on the same port.
 *
 *   GET /v1/feed              the feed, as the current mode makes it
 *   GET /control?mode=MODE    switches the mode; answers "mode MODE"
 *   GET /control              answers "mode MODE requests N dripped N"
 *
 * Modes (the good document: three water readings, a KPI and an event):
 *   good       the good document
 *   hang       accepts the request and never answers, until the mode changes
 *              (then drops the connection without an answer)
 *   drip       the good document one byte a second, until the mode changes
 *              (then drops the connection mid-body)
 *   big        a valid 40 MiB document, chunked: no Content-Length warns the
 *              client, which must count (cut short if the mode changes)
 *   bigknown   the same with its Content-Length
 *   gzipbomb   the same gzipped, with Content-Encoding: gzip: some 400 KiB on
 *              the wire that the client inflates to 40 MiB
 *   garbage    a body of invalid UTF-8 bytes (not JSON at all)
 *   badutf8    the good document, its strings holding invalid UTF-8
 *              (protocol v1: replaced by U+FFFD, the document stays good)
 *   truncated  the good document cut in the middle (a complete HTTP answer)
 *   html       an HTML error page, status 200
 *   v2         a document of "version": 2
 *   escapes    the good document, its strings carrying terminal escape
 *              sequences: OSC title changes (BEL and ST), ESC[2J, DCS (ESC
 *              and BEL \u-escaped), C1 controls 0x9b/0x9d as raw bytes, as
 *              U+009B/U+009D in UTF-8 and \u-escaped
 *   rawesc     the good document with raw ESC and BEL bytes in a name, which
 *              RFC 8259 does not allow in a string (citydash's parser, cJSON,
 *              takes them; the sanitizer removes them)
 *
 * The server runs a thread per connection, so a hung or dripped answer holds
 * up only its own client. Nothing large is held: the big document is made as
 * it is sent, only its gzipped form is kept (fault_feed_big.c). */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

#include "fault_feed_big.h"

enum mode {
	GOOD,
	HANG,
	DRIP,
	BIG,
	BIGKNOWN,
	GZIPBOMB,
	GARBAGE,
	BADUTF8,
	TRUNCATED,
	HTML,
	V2,
	ESCAPES,
	RAWESC,
	MODES
};
static const char *const mode_names[MODES] = {
    "good",    "hang",      "drip", "big", "bigknown", "gzipbomb", "garbage",
    "badutf8", "truncated", "html", "v2",  "escapes",  "rawesc"};

static atomic_int mode;
static atomic_bool stopping;
static atomic_ulong requests, dripped;

#define NAP_MS  50
#define DOC_MAX 8192

/* Sleeps ms in naps; false as soon as the mode is no longer m (or the server stops). */
static bool sleep_in_mode(int m, unsigned ms)
{
	while (ms > 0) {
		if (atomic_load(&stopping) || atomic_load(&mode) != m)
			return false;
		unsigned step = ms < NAP_MS ? ms : NAP_MS;
		struct timespec ts = {.tv_sec = 0, .tv_nsec = (long)step * 1000000L};
		nanosleep(&ts, NULL);
		ms -= step;
	}
	return atomic_load(&mode) == m && !atomic_load(&stopping);
}

/* The hostile strings of the escapes mode, as JSON string contents. JSON
 * allows no raw C0 control in a string (RFC 8259), so ESC and BEL come
 * \u-escaped (raw ones are the rawesc mode);
 * C1 controls come as raw bytes (invalid UTF-8), as U+009B/U+009D encoded
 * in UTF-8, and \u-escaped. */
static const char escape_name[] =
    "OSC\\u001b]0;HACKED-OSC-BEL\\u0007 title\\u001b]2;HACKED-OSC-ST\\u001b\\\\"
    " cls\\u001b[2J\\u001b[H dcs\\u001bPHACKED-DCS\\u001b\\\\"
    " raw\x9b"
    "2J\x9d"
    "0;raw9d\\u0007"
    " utf\xc2\x9b"
    "2J\xc2\x9d"
    "0;HACKED-U9D\\u0007"
    " json\\u009b2J\\u009d0;HACKED-J9D\\u0007 end";
static const char escape_unit[] = "m\\u001b[31m\xc2\x9b"
                                  "1m\x7f";
static const char escape_place[] =
    "district\\u001b]0;HACKED-PLACE\\u0007\\u009d0;HACKED-P9D\\u0007";
/* More readings of the escapes mode: a domain of its own (shown as a block's
 * title), a malformed id (the element is skipped, the sources page names the
 * first problem). */
static const char escape_readings[] =
    ",\n{\"id\":\"fault.other\",\"name\":\"Other reading\","
    "\"domain\":\"metro\\u001b]0;HACKED-DOMAIN\\u0007\\u009b2J\",\"value\":1},\n"
    "{\"id\":\"bad\\u001b]0;HACKED-ID\\u0007\",\"value\":1}";
/* The same, with ESC and BEL as raw bytes. */
static const char rawesc_name[] =
    "OSC\x1b]0;HACKED-RAW\x07 st\x1b]2;HACKED-RAW-ST\x1b\\\\ cls\x1b[2J\x1b[H end";
static const char badutf8_name[] =
    "bad\xff\xfe overlong\xc0\xaf surrogate\xed\xa0\x80 cut\xe6\x94 end";

/* The good document, or a variant of it; returns its length. */
static size_t document(char *doc, size_t cap, int m, unsigned long n)
{
	char now[32];
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%S", &tm);
	const char *name = m == ESCAPES   ? escape_name
	                   : m == RAWESC  ? rawesc_name
	                   : m == BADUTF8 ? badutf8_name
	                                  : "Fault feed level";
	const char *unit = m == ESCAPES ? escape_unit : "m";
	const char *place = m == ESCAPES ? escape_place : "Jiangbei";
	const char *extra = m == ESCAPES ? escape_readings : "";
	int len = snprintf(
	    doc, cap,
	    "{\"version\":%d,\"source\":\"fault-feed\",\"generated_at\":\"%s.%03ldZ\",\n"
	    "\"readings\":[\n"
	    "{\"id\":\"fault.level\",\"name\":\"%s\",\"domain\":\"water\",\"unit\":\"%s\","
	    "\"place\":{\"district\":\"%s\",\"street\":\"%s\"},\"value\":%lu,\"range\":[0,100]},\n"
	    "{\"id\":\"fault.flow\",\"name\":\"Fault feed flow\",\"domain\":\"water\","
	    "\"unit\":\"m3/h\",\"value\":42.5},\n"
	    "{\"id\":\"fault.pressure\",\"name\":\"Fault feed pressure\",\"domain\":\"water\","
	    "\"unit\":\"MPa\",\"value\":0.42}%s],\n"
	    "\"kpis\":[{\"id\":\"fault.kpi\",\"name\":\"%s\",\"category\":\"%s\",\"unit\":\"%%\","
	    "\"value\":97,\"target\":98}],\n"
	    "\"events\":[{\"id\":\"EV-FAULT-1\",\"type\":\"water.main_burst\",\"title\":\"%s\","
	    "\"severity\":\"minor\",\"stage\":\"handling\"}]}\n",
	    m == V2 ? 2 : 1, now, ts.tv_nsec / 1000000L, name, unit, place, place, n % 100, extra,
	    name, place, name);
	return len < 0 ? 0 : (size_t)len < cap ? (size_t)len : cap - 1;
}

/* The big document of mode (int)cls, cut short when the mode changes (or
 * the server stops). */
static ssize_t big_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	if (atomic_load(&stopping) || atomic_load(&mode) != (int)(intptr_t)cls)
		return MHD_CONTENT_READER_END_WITH_ERROR;
	return fault_big_read(NULL, pos, buf, max);
}

/* ---- the drip: one byte a second ---- */

typedef struct drip {
	char doc[DOC_MAX];
	size_t len;
} drip_t;

static ssize_t drip_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	drip_t *d = cls;
	if (pos >= d->len)
		return MHD_CONTENT_READER_END_OF_STREAM;
	if (max < 1 || (pos > 0 && !sleep_in_mode(DRIP, 1000)))
		return MHD_CONTENT_READER_END_WITH_ERROR; /* the mode changed: drop it */
	buf[0] = d->doc[pos];
	atomic_fetch_add(&dripped, 1);
	return 1;
}

static enum MHD_Result queue(struct MHD_Connection *conn, unsigned status, const char *type,
                             struct MHD_Response *resp)
{
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	enum MHD_Result ret = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result answer_text(struct MHD_Connection *conn, unsigned status, const char *text)
{
	return queue(
	    conn, status, "text/plain",
	    MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_MUST_COPY));
}

static enum MHD_Result serve_bomb(struct MHD_Connection *conn)
{
	const unsigned char *bomb;
	size_t bomb_len;
	if (!fault_big_gzip(&bomb, &bomb_len))
		return MHD_NO;
	struct MHD_Response *r =
	    MHD_create_response_from_buffer(bomb_len, (void *)bomb, MHD_RESPMEM_PERSISTENT);
	if (r)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	return queue(conn, MHD_HTTP_OK, "application/json", r);
}

static enum MHD_Result control(struct MHD_Connection *conn)
{
	const char *want = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "mode");
	char text[128];
	if (want) {
		int m = 0;
		while (m < MODES && strcmp(mode_names[m], want) != 0)
			m++;
		if (m == MODES)
			return answer_text(conn, MHD_HTTP_BAD_REQUEST, "unknown mode\n");
		if (m == GZIPBOMB && !fault_big_gzip(NULL, NULL))
			return answer_text(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "zlib failed\n");
		atomic_store(&mode, m);
		snprintf(text, sizeof text, "mode %s\n", mode_names[m]);
	} else {
		snprintf(text, sizeof text, "mode %s requests %lu dripped %lu\n",
		         mode_names[atomic_load(&mode)], atomic_load(&requests),
		         atomic_load(&dripped));
	}
	return answer_text(conn, MHD_HTTP_OK, text);
}

static enum MHD_Result feed(struct MHD_Connection *conn)
{
	unsigned long n = atomic_fetch_add(&requests, 1);
	int m = atomic_load(&mode);
	static const char json[] = "application/json";
	char doc[DOC_MAX];
	size_t len;
	switch (m) {
	case HANG:
		while (sleep_in_mode(HANG, 1000))
			;
		return MHD_NO; /* the connection is dropped, no answer */
	case DRIP: {
		drip_t *d = malloc(sizeof *d);
		if (!d)
			return MHD_NO;
		d->len = document(d->doc, sizeof d->doc, GOOD, n);
		struct MHD_Response *r =
		    MHD_create_response_from_callback(d->len, 1, drip_read, d, free);
		if (!r)
			free(d);
		return queue(conn, MHD_HTTP_OK, json, r);
	}
	case BIG:
	case BIGKNOWN:
		return queue(conn, MHD_HTTP_OK, json,
		             MHD_create_response_from_callback(
		                 m == BIG ? MHD_SIZE_UNKNOWN : fault_big_size(), 64 * 1024,
		                 big_read, (void *)(intptr_t)m, NULL));
	case GZIPBOMB:
		return serve_bomb(conn);
	case GARBAGE:
		memset(doc, 0xff, 4096);
		for (size_t i = 0; i < 4096; i += 3)
			doc[i] = (char)(0x80 + i % 64);
		len = 4096;
		break;
	case HTML:
		len = (size_t)snprintf(
		    doc, sizeof doc,
		    "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
		    "<body><h1>502 Bad Gateway</h1></body></html>\n");
		return queue(conn, MHD_HTTP_OK, "text/html",
		             MHD_create_response_from_buffer(len, doc, MHD_RESPMEM_MUST_COPY));
	case TRUNCATED:
		len = document(doc, sizeof doc, GOOD, n) / 2;
		break;
	default: /* GOOD, BADUTF8, V2, ESCAPES, RAWESC */
		len = document(doc, sizeof doc, m, n);
		break;
	}
	return queue(conn, MHD_HTTP_OK, json,
	             MHD_create_response_from_buffer(len, doc, MHD_RESPMEM_MUST_COPY));
}

static enum MHD_Result serve(void *cls, struct MHD_Connection *conn, const char *url,
                             const char *method, const char *version, const char *upload,
                             size_t *upload_len, void **state)
{
	(void)cls, (void)method, (void)version, (void)upload, (void)upload_len, (void)state;
	if (strcmp(url, "/control") == 0)
		return control(conn);
	if (strcmp(url, "/v1/feed") == 0)
		return feed(conn);
	return answer_text(conn, MHD_HTTP_NOT_FOUND, "not found\n");
}

static int usage(void)
{
	fprintf(stderr, "usage: fault_feed [--port N] [--mode MODE]\n");
	return 2;
}

int main(int argc, char **argv)
{
	unsigned long port = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--port") == 0 && i + 1 < argc) {
			char *end;
			port = strtoul(argv[++i], &end, 10);
			if (*end || port > 65535)
				return usage();
		} else if (strcmp(argv[i], "--mode") == 0 && i + 1 < argc) {
			int m = 0;
			while (m < MODES && strcmp(mode_names[m], argv[i + 1]) != 0)
				m++;
			if (m == MODES)
				return usage();
			atomic_store(&mode, m);
			i++;
		} else {
			return usage();
		}
	}
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL); /* before the server's threads start */
	struct sockaddr_in sa = {.sin_family = AF_INET,
	                         .sin_port = htons((uint16_t)port),
	                         .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	struct MHD_Daemon *d = MHD_start_daemon(
	    MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL, 0, NULL,
	    NULL, serve, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_END);
	const union MHD_DaemonInfo *info =
	    d ? MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT) : NULL;
	if (!info || !info->port) {
		fprintf(stderr, "fault_feed: cannot listen on 127.0.0.1:%lu\n", port);
		return 1;
	}
	printf("listening on http://127.0.0.1:%u/\n", (unsigned)info->port);
	fflush(stdout);
	int sig;
	sigwait(&set, &sig);
	atomic_store(&stopping, true);
	MHD_stop_daemon(d);
	fault_big_free();
	return 0;
}

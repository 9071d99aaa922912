/* --fault: how a faulted answer is made (fault.h decides which). These run
 * on a thread per connection (see mock_server_start), so sleeping here holds
 * up only the client that drew the fault. See mock_server_private.h. */
#include "mock_server_private.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

#include "xalloc.h"

#define FAULT_NAP_MS        10  /* how often a sleeper checks for shutdown */
#define SLOW_CHUNKS         100 /* a slow body comes in about this many pieces, */
#define SLOW_CHUNK_MIN      16  /* of at least this many bytes, */
#define SLOW_CHUNK_DELAY_MS 20  /* this far apart: 2 s at most for any size */
#define GARBAGE_BODY        "<html><body><h1>502 Bad Gateway</h1></body></html>\n"

/* Sleeps ms in short naps; false if the server is stopping. */
static bool fault_sleep(mock_server_t *srv, unsigned ms)
{
	while (ms > 0 && !atomic_load(&srv->stopping)) {
		unsigned step = ms < FAULT_NAP_MS ? ms : FAULT_NAP_MS;
		struct timespec ts = {.tv_sec = 0, .tv_nsec = (long)step * 1000000L};
		nanosleep(&ts, NULL);
		ms -= step;
	}
	return !atomic_load(&srv->stopping);
}

typedef struct drip {
	mock_server_t *srv;
	char *body;
	size_t len, chunk;
} drip_t;

static ssize_t drip_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	drip_t *d = cls;
	if (pos >= d->len)
		return MHD_CONTENT_READER_END_OF_STREAM;
	if (!fault_sleep(d->srv, SLOW_CHUNK_DELAY_MS))
		return MHD_CONTENT_READER_END_WITH_ERROR;
	size_t n = d->len - (size_t)pos;
	if (n > d->chunk)
		n = d->chunk;
	if (n > max)
		n = max;
	memcpy(buf, d->body + pos, n);
	return (ssize_t)n;
}

static void drip_free(void *cls)
{
	drip_t *d = cls;
	free(d->body);
	free(d);
}

/* The current document of r, fresh and uncompressed (the caller frees). */
static char *fault_document(mock_server_t *srv, route_t *r, size_t *len)
{
	pthread_mutex_lock(&srv->lock);
	char *body =
	    mock_server_doc_build(srv, r, r->kind == DOC_FILE ? 0 : mock_server_tick(srv), len);
	pthread_mutex_unlock(&srv->lock);
	return body;
}

static enum MHD_Result fault_queue(struct MHD_Connection *conn, struct MHD_Response *resp)
{
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, JSON_TYPE);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* Answers request n of r with the fault it draws; false if it draws none
 * (the caller serves the document as usual). */
bool mock_fault_serve(mock_server_t *srv, route_t *r, struct MHD_Connection *conn, unsigned *code,
                      enum MHD_Result *ret)
{
	uint64_t n = atomic_fetch_add_explicit(&r->requests, 1, memory_order_relaxed);
	if (!fault_sleep(srv, srv->fault.latency_ms)) {
		*ret = MHD_NO;
		return true;
	}
	fault_kind_t kind = fault_decide(&srv->fault, srv->seed, r->path, n);
	if (kind > FAULT_NONE && kind < FAULT_KINDS)
		atomic_fetch_add_explicit(&r->faults[kind], 1, memory_order_relaxed);
	size_t len;
	char *body;
	*code = MHD_HTTP_OK;
	switch (kind) {
	case FAULT_NONE:
	case FAULT_KINDS:
		return false;
	case FAULT_HANG: /* until shutdown, then the connection is dropped */
		while (fault_sleep(srv, 1000))
			;
		*ret = MHD_NO;
		return true;
	case FAULT_ERROR:
		*code = fault_error_status(srv->seed, r->path, n);
		*ret =
		    mock_server_queue_error(conn, *code, "fault injected by citydash-mock --fault");
		return true;
	case FAULT_GARBAGE:
		*ret = fault_queue(conn, MHD_create_response_from_buffer(strlen(GARBAGE_BODY),
		                                                         (void *)GARBAGE_BODY,
		                                                         MHD_RESPMEM_PERSISTENT));
		return true;
	case FAULT_TRUNCATE: {
		body = fault_document(srv, r, &len);
		/* Half of it, and never ending on a closing bracket, so that even a
		 * naive check of the last byte sees it is cut. */
		size_t cut = len / 2;
		while (cut > 1 && strchr("}] \n\t\r", body[cut - 1]))
			cut--;
		struct MHD_Response *resp =
		    MHD_create_response_from_buffer(cut, body, MHD_RESPMEM_MUST_FREE);
		if (!resp)
			free(body);
		*ret = fault_queue(conn, resp);
		return true;
	}
	case FAULT_SLOW: {
		drip_t *d = xmalloc(sizeof(*d));
		d->srv = srv;
		d->body = fault_document(srv, r, &d->len);
		d->chunk = d->len / SLOW_CHUNKS > SLOW_CHUNK_MIN ? d->len / SLOW_CHUNKS + 1
		                                                 : SLOW_CHUNK_MIN;
		struct MHD_Response *resp =
		    MHD_create_response_from_callback(d->len, d->chunk, drip_read, d, drip_free);
		if (!resp)
			drip_free(d);
		*ret = fault_queue(conn, resp);
		return true;
	}
	}
	return false;
}

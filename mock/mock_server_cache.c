/* mock_server_cache: the per-tick document of each route, built once and
 * then answered to every request of that tick. See mock_server_private.h.
 *
 * Serving is the hot path and takes no lock that a build holds: the first
 * request of a new tick builds (under srv->lock, the model's lock, then the
 * gzip form and the responses outside it) while the other requests keep
 * answering the previous tick's document; the new version is then swapped
 * in under the route's short lock. A request that finds no document at all
 * (the very first) waits for it instead.
 *
 * Bodies are sent from memory, the same bytes to every client of the tick:
 * libmicrohttpd then writes the headers and the body in one call. Sending
 * them from a memory file (memfd) with sendfile(), as nginx sends a static
 * file, was measured with bench/mock-vs-nginx and lost on the city's water
 * feed (300 KB plain, 28 KB gzip): libmicrohttpd sends a file's headers
 * alone first, then the file in pieces of 128 KiB (2 MiB with a thread per
 * connection): about 0.75x the requests from memory. The 304 answers are built with the version
 * too: a request allocates nothing here. Each MHD_Response is reference-counted by libmicrohttpd:
 * queuing one takes a reference, so a version swapped out is freed when its last sender is done. */
#include "mock_server_private.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http_gzip.h"

/* A response with body as its body. Takes body (frees it either way). */
static struct MHD_Response *response_from_bytes(char *body, size_t len)
{
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!resp)
		free(body);
	return resp;
}

static void add_common_headers(struct MHD_Response *resp, const char *etag)
{
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, FEED_CACHE_CONTROL);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, MHD_HTTP_HEADER_ACCEPT_ENCODING);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
}

static struct MHD_Response *ok_response(char *body, size_t len, const char *etag, bool gz)
{
	struct MHD_Response *resp = response_from_bytes(body, len);
	if (!resp)
		return NULL;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, JSON_TYPE);
	add_common_headers(resp, etag);
	if (gz)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	return resp;
}

static struct MHD_Response *not_modified_response(const char *etag)
{
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	if (resp)
		add_common_headers(resp, etag);
	return resp;
}

static void version_free(doc_version_t *v)
{
	struct MHD_Response *all[] = {v->ok, v->ok_gz, v->not_modified, v->not_modified_gz};
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		if (all[i])
			MHD_destroy_response(all[i]); /* drops our reference only */
	}
	memset(v, 0, sizeof(*v));
}

/* FNV-1a: the path's part in the ETag. */
static uint64_t path_hash(const char *path)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return h;
}

/* The version of r at tick, complete (the gzip pair may be missing if zlib
 * failed); false if a response could not be made. */
static bool version_build(mock_server_t *srv, route_t *r, int64_t tick, doc_version_t *v)
{
	memset(v, 0, sizeof(*v));
	size_t len;
	pthread_mutex_lock(&srv->lock);
	char *body = mock_server_doc_build(srv, r, tick, &len);
	pthread_mutex_unlock(&srv->lock);
	uint64_t h =
	    city_hash(city_seed(srv->city), (uint64_t)tick, path_hash(r->path), 0x65746167);
	snprintf(v->etag, sizeof(v->etag), "\"%016" PRIx64 "-%" PRId64 "\"", h, tick);
	snprintf(v->etag_gz, sizeof(v->etag_gz), "\"%016" PRIx64 "-%" PRId64 "-gz\"", h, tick);
	size_t gz_len;
	char *gz = http_gzip_compress(body, len, &gz_len);
	v->ok = ok_response(body, len, v->etag, false);
	v->not_modified = not_modified_response(v->etag);
	if (gz) {
		v->ok_gz = ok_response(gz, gz_len, v->etag_gz, true);
		v->not_modified_gz = not_modified_response(v->etag_gz);
	}
	if (!v->ok_gz || !v->not_modified_gz) { /* plain only, then */
		if (v->ok_gz)
			MHD_destroy_response(v->ok_gz);
		if (v->not_modified_gz)
			MHD_destroy_response(v->not_modified_gz);
		v->ok_gz = v->not_modified_gz = NULL;
	}
	if (v->ok && v->not_modified)
		return true;
	version_free(v);
	return false;
}

void mock_cache_refresh(mock_server_t *srv, route_t *r, int64_t tick)
{
	int64_t built = atomic_load_explicit(&r->built_tick, memory_order_acquire);
	if (built >= tick)
		return;
	if (built == CACHE_NONE)
		pthread_mutex_lock(&r->build_lock); /* nothing to answer yet: wait */
	else if (pthread_mutex_trylock(&r->build_lock) != 0)
		return; /* being built: answer the previous tick's meanwhile */
	doc_version_t fresh, old;
	if (atomic_load_explicit(&r->built_tick, memory_order_acquire) < tick &&
	    version_build(srv, r, tick, &fresh)) {
		pthread_mutex_lock(&r->lock);
		old = r->doc;
		r->doc = fresh;
		atomic_store_explicit(&r->built_tick, tick, memory_order_release);
		pthread_mutex_unlock(&r->lock);
		version_free(&old);
	} /* else: built meanwhile, or failed (the previous one stays; retried) */
	pthread_mutex_unlock(&r->build_lock);
}

void mock_cache_init(route_t *r)
{
	pthread_mutex_init(&r->lock, NULL);
	pthread_mutex_init(&r->build_lock, NULL);
	atomic_init(&r->built_tick, CACHE_NONE);
	memset(&r->doc, 0, sizeof(r->doc));
}

void mock_cache_free(route_t *r)
{
	version_free(&r->doc);
	pthread_mutex_destroy(&r->lock);
	pthread_mutex_destroy(&r->build_lock);
}

/* mock_since_serve: `?since=CURSOR` on the feed routes (mock_since.h). */
#include "mock_since.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "city_json_delta.h"
#include "clock.h"
#include "http_gzip.h"
#include "rbe.h"
#include "xalloc.h"

/* Deltas kept for the current tick: clients polling once a tick mostly ask
 * with the previous tick's cursor, so one entry per route serves them all;
 * a few more cover clients that fell behind. */
#define SINCE_CACHE 32

typedef struct delta_entry {
	const route_t *route; /* NULL: free */
	int64_t tick, since;
	struct MHD_Response *resp, *resp_gz; /* resp_gz NULL if zlib failed */
	char etag[64], etag_gz[68];
} delta_entry_t;

/* Its own lock, so that it does not depend on how the server guards its
 * documents: taken inside the server's lock (mock_since_whole, from the
 * document build) or alone (mock_since_serve), never the other way round. */
struct mock_since {
	pthread_mutex_t lock; /* guards everything below */
	rbe_t *rbe;
	delta_entry_t cache[SINCE_CACHE];
	size_t next_evict;
};

/* Differs between two runs of the server, so that a restarted mock refuses
 * the cursors of the one before it. */
static uint64_t instance_tag(uint64_t seed)
{
	uint64_t x = 0;
	if (getrandom(&x, sizeof x, GRND_NONBLOCK) != (ssize_t)sizeof x)
		x = (uint64_t)clock_wall_ms() * 1000003u ^ (uint64_t)clock_mono_ms() ^
		    (uint64_t)getpid() << 32;
	return city_hash(seed, x, 0x696e7374, 0);
}

static city_json_time_t time_of(const mock_server_t *srv, int64_t tick)
{
	return (city_json_time_t){.tick = tick,
	                          .tick0_ms = srv->start_wall_ms,
	                          .tick_ms = srv->tick_ms,
	                          .now_ms = clock_wall_ms()};
}

void mock_since_init(mock_server_t *srv, const mock_options_t *opts)
{
	if (opts->no_since)
		return;
	srv->since = xcalloc(1, sizeof *srv->since);
	pthread_mutex_init(&srv->since->lock, NULL);
	city_json_time_t tm = time_of(srv, 0);
	srv->since->rbe = rbe_create(srv->city, &tm, opts->since_window, instance_tag(opts->seed));
}

static void entry_clear(delta_entry_t *e)
{
	if (e->resp)
		MHD_destroy_response(e->resp);
	if (e->resp_gz)
		MHD_destroy_response(e->resp_gz);
	memset(e, 0, sizeof *e);
}

void mock_since_free(mock_server_t *srv)
{
	if (!srv->since)
		return;
	for (size_t k = 0; k < SINCE_CACHE; k++)
		entry_clear(&srv->since->cache[k]);
	rbe_destroy(srv->since->rbe);
	pthread_mutex_destroy(&srv->since->lock);
	free(srv->since);
	srv->since = NULL;
}

static rbe_part_t part_of(city_feed_t feed)
{
	return feed == CITY_FEED_KPIS     ? RBE_KPIS
	       : feed == CITY_FEED_EVENTS ? RBE_EVENTS
	                                  : RBE_READINGS;
}

static bool feed_of(const route_t *r, city_feed_t *feed)
{
	switch (r->kind) {
	case DOC_READINGS:
		*feed = CITY_FEED_READINGS;
		return true;
	case DOC_KPIS:
		*feed = CITY_FEED_KPIS;
		return true;
	case DOC_EVENTS:
		*feed = CITY_FEED_EVENTS;
		return true;
	default:
		return false;
	}
}

char *mock_since_whole(const mock_server_t *srv, const route_t *r, int64_t tick, size_t *len)
{
	city_feed_t feed;
	if (!srv->since || !feed_of(r, &feed))
		return NULL;
	pthread_mutex_lock(&srv->since->lock);
	rbe_advance(srv->since->rbe, tick, part_of(feed));
	city_json_time_t tm = time_of(srv, rbe_tick(srv->since->rbe));
	char *doc =
	    city_json_rbe_doc(srv->city, srv->since->rbe, feed, r->domain, &tm, NULL, len, NULL);
	pthread_mutex_unlock(&srv->since->lock);
	return doc;
}

static void add_headers(struct MHD_Response *resp, const char *etag)
{
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, JSON_TYPE);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, FEED_CACHE_CONTROL);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, MHD_HTTP_HEADER_ACCEPT_ENCODING);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
}

/* Builds the delta of r since `since` into a cache entry; false if
 * libmicrohttpd could not take it. */
static bool entry_build(mock_server_t *srv, delta_entry_t *e, const route_t *r, city_feed_t feed,
                        int64_t tick, int64_t since)
{
	city_json_time_t tm = time_of(srv, tick);
	size_t len;
	char *body =
	    city_json_rbe_doc(srv->city, srv->since->rbe, feed, r->domain, &tm, &since, &len, NULL);
	uint64_t h = city_hash(srv->seed, (uint64_t)tick, (uint64_t)since, (uint64_t)(uintptr_t)r);
	snprintf(e->etag, sizeof e->etag, "\"d%016" PRIx64 "-%" PRId64 "\"", h, tick);
	snprintf(e->etag_gz, sizeof e->etag_gz, "\"d%016" PRIx64 "-%" PRId64 "-gz\"", h, tick);
	size_t gz_len;
	char *gz = http_gzip_compress(body, len, &gz_len);
	e->resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!e->resp) {
		free(body);
		free(gz);
		return false;
	}
	add_headers(e->resp, e->etag);
	if (gz) {
		e->resp_gz = MHD_create_response_from_buffer(gz_len, gz, MHD_RESPMEM_MUST_FREE);
		if (!e->resp_gz)
			free(gz);
		else {
			add_headers(e->resp_gz, e->etag_gz);
			MHD_add_response_header(e->resp_gz, MHD_HTTP_HEADER_CONTENT_ENCODING,
			                        "gzip");
		}
	}
	e->route = r;
	e->tick = tick;
	e->since = since;
	return true;
}

/* The cached delta of r since `since` at `tick`, built if need be. */
static delta_entry_t *entry_get(mock_server_t *srv, const route_t *r, city_feed_t feed,
                                int64_t tick, int64_t since)
{
	struct mock_since *ms = srv->since;
	delta_entry_t *slot = NULL;
	for (size_t k = 0; k < SINCE_CACHE; k++) {
		delta_entry_t *e = &ms->cache[k];
		if (e->route && e->tick != tick)
			entry_clear(e); /* an older tick's: never served again */
		if (e->route == r && e->since == since)
			return e;
		if (!e->route && !slot)
			slot = e;
	}
	if (!slot) { /* full of this tick's: take turns */
		slot = &ms->cache[ms->next_evict];
		ms->next_evict = (ms->next_evict + 1) % SINCE_CACHE;
		entry_clear(slot);
	}
	return entry_build(srv, slot, r, feed, tick, since) ? slot : NULL;
}

static enum MHD_Result not_modified(struct MHD_Connection *conn, const char *etag)
{
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, FEED_CACHE_CONTROL);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, MHD_HTTP_HEADER_ACCEPT_ENCODING);
	enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_NOT_MODIFIED, resp);
	MHD_destroy_response(resp);
	return ret;
}

bool mock_since_serve(mock_server_t *srv, route_t *r, struct MHD_Connection *conn, unsigned *code,
                      enum MHD_Result *ret)
{
	city_feed_t feed;
	const char *cursor = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "since");
	if (!srv->since || !cursor || !feed_of(r, &feed))
		return false;
	const char *inm =
	    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	bool gz = http_gzip_accepted(
	    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING));
	pthread_mutex_lock(&srv->since->lock);
	int64_t tick = mock_server_tick(srv), since;
	rbe_advance(srv->since->rbe, tick, part_of(feed));
	tick = rbe_tick(srv->since->rbe);
	delta_entry_t *e = rbe_cursor_parse(srv->since->rbe, cursor, &since)
	                       ? entry_get(srv, r, feed, tick, since)
	                       : NULL;
	if (!e) {
		pthread_mutex_unlock(&srv->since->lock);
		return false; /* the whole document, with a fresh cursor */
	}
	bool use_gz = gz && e->resp_gz;
	const char *etag = use_gz ? e->etag_gz : e->etag;
	if (inm && (strcmp(inm, "*") == 0 || strstr(inm, etag))) {
		*code = MHD_HTTP_NOT_MODIFIED;
		*ret = not_modified(conn, etag);
	} else {
		*code = MHD_HTTP_OK;
		*ret = MHD_queue_response(conn, MHD_HTTP_OK, use_gz ? e->resp_gz : e->resp);
	}
	pthread_mutex_unlock(&srv->since->lock);
	return true;
}

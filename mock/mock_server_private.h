/* mock_server_private: what the mock server's own files share — a route
 * and its cached document, the struct behind mock_server_t, and the helpers
 * both use. Only mock_server*.c and mock_fault_serve.c include this header.
 *
 * mock_server.c       routes, serving documents and /metrics, start and stop
 * mock_server_cache.c the per-tick cached documents (built once, swapped
 *                     without stopping the senders)
 * mock_server_metrics.c the request and fault counters, GET /metrics
 * mock_fault_serve.c  answers that --fault injects (latency, hang, error,
 *                     garbage, truncate, slow)
 * mock_scenario_serve.c  GET /v1/scenarios, POST /v1/scenarios/NAME */
#ifndef CITYDASH_MOCK_SERVER_PRIVATE_H
#define CITYDASH_MOCK_SERVER_PRIVATE_H

#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "city.h"
#include "fault.h"
#include "mock_server.h"

#define CONNECTION_TIMEOUT_S 10 /* a stuck client cannot hold a slot forever */
/* Connections held at once (keep-alive clients, each one descriptor):
 * fewer if RLIMIT_NOFILE is lower than this plus FD_RESERVE. */
#define CONNECTION_LIMIT 4096
#define FD_RESERVE       64   /* descriptors kept for everything else */
#define LISTEN_BACKLOG   1024 /* connections waiting to be accepted */
#define POOL_MAX         16   /* serving threads at most (one per CPU) */
/* The stack of each serving thread: serving needs little (documents are
 * built on the heap); glibc's default would reserve 8 MiB each, which
 * counts with a thread per connection (--fault). */
#define THREAD_STACK (1024u * 1024u)
#define JSON_TYPE    "application/json; charset=utf-8"
/* Memory for one connection's request line and headers (and libmicrohttpd's
 * own bookkeeping): a longer URL is refused with 414, longer headers with
 * 431, by libmicrohttpd before serve() sees them. Documents are sent from
 * their own buffers, not from this pool. */
#define CONNECTION_MEMORY (16u * 1024u)
/* Feed documents change every tick: caches may keep them but must ask again
 * (with the ETag, cheap as a 304) before reusing one, so no client ever
 * holds a tick longer than it asks for. */
#define FEED_CACHE_CONTROL "no-cache"

typedef enum doc_kind {
	DOC_READINGS,
	DOC_KPIS,
	DOC_EVENTS,
	DOC_HEALTH,
	DOC_FILE,
	DOC_METRICS,
} doc_kind_t;

/* The status codes answered (serve() and the faults), counted per route
 * for /metrics; a code not listed here is not counted. */
#define COUNT_CODE_LIST 200, 304, 404, 405, 413, 500, 503
#define COUNT_CODES     7

/* One tick's document of a route, ready to queue: the same MHD_Response
 * objects (reference-counted by libmicrohttpd) answer every request of
 * that tick. */
typedef struct doc_version {
	struct MHD_Response *ok, *ok_gz;                     /* 200; ok_gz NULL if zlib failed */
	struct MHD_Response *not_modified, *not_modified_gz; /* 304 with the ETag */
	char etag[40], etag_gz[44]; /* each variant has its own (RFC 9110 8.8.3) */
} doc_version_t;

#define CACHE_NONE INT64_MIN /* built_tick before the first build */

/* One path and its cached document: built at most once per tick. */
typedef struct route {
	char *path;
	doc_kind_t kind;
	size_t domain; /* for DOC_READINGS */
	char *body;    /* DOC_FILE: the fixed document; DOC_METRICS: the readings' part */
	size_t body_len;
	int64_t tick;               /* DOC_METRICS: the tick of body (under srv->lock) */
	char *bounds;               /* DOC_METRICS: the limits and ranges, which do not
	                               move: built once (under srv->lock) */
	size_t bounds_len;
	pthread_mutex_t lock;       /* held only to read doc or to swap it */
	pthread_mutex_t build_lock; /* one builder of doc at a time */
	_Atomic int64_t built_tick; /* doc's tick; CACHE_NONE until first built */
	doc_version_t doc;          /* empty until first built */
	/* Requests answered, by code (count_codes); atomic because libmicrohttpd
	 * may serve on several threads and counting takes no lock. */
	atomic_uint_fast64_t counts[COUNT_CODES];
	atomic_uint_fast64_t requests;            /* feed requests so far: n of --fault */
	atomic_uint_fast64_t faults[FAULT_KINDS]; /* requests that drew each fault */
} route_t;

struct mock_server {
	struct MHD_Daemon *daemon;
	city_t *city;
	uint16_t port;
	unsigned tick_ms;
	int64_t start_mono_ms, start_wall_ms;
	pthread_mutex_t lock; /* the model's: held while a document is built */
	route_t *routes;      /* files, one per domain feed, kpis, events, healthz,
	                         metrics, then "other" (unknown paths, counts only) */
	size_t route_count;   /* without "other" */
	bool log_errors;
	atomic_bool serving;   /* false while starting: see log_mhd */
	char start_error[256]; /* libmicrohttpd's first message while starting */
	fault_config_t fault;
	uint64_t seed;
	atomic_bool stopping; /* wakes a delayed, hung or dripping answer */
	struct mock_since *since; /* report by exception (mock_since.h); NULL: --no-since */
};

/* A fresh, uncompressed document of route r at `tick` (*len its length);
 * the caller frees it and holds srv->lock. */
char *mock_server_doc_build(const mock_server_t *srv, const route_t *r, int64_t tick, size_t *len);
/* Queues a JSON error answer with `status` (Allow on 405, Retry-After on 503). */
enum MHD_Result mock_server_queue_error(struct MHD_Connection *conn, unsigned status,
                                        const char *msg);
/* Queues `body` (JSON, freed by the response) with `status`, no-store, an
 * Allow header if `allow`, and Retry-After: 1 on a 503. */
enum MHD_Result mock_server_queue_json(struct MHD_Connection *conn, unsigned status, char *body,
                                       size_t len, const char *allow);
/* The city's current tick. */
int64_t mock_server_tick(const mock_server_t *srv);

/* Makes r's cached document that of tick (mock_server_cache.c). Returns at
 * once if it is, or if another thread is building it and an older one can
 * be answered meanwhile. */
void mock_cache_refresh(mock_server_t *srv, route_t *r, int64_t tick);
void mock_cache_init(route_t *r);
void mock_cache_free(route_t *r);

/* Counts one answer of route r with code (mock_server_metrics.c). */
void mock_count_answer(route_t *r, unsigned code);
/* GET /metrics: the readings, then the request (and fault) counters. */
enum MHD_Result mock_metrics_serve(mock_server_t *srv, route_t *r, struct MHD_Connection *conn);

/* Answers request n of r with the fault it draws and returns true (*ret,
 * *code: the answer; MHD_NO for a hang); false if it draws none. */
bool mock_fault_serve(mock_server_t *srv, route_t *r, struct MHD_Connection *conn, unsigned *code,
                      enum MHD_Result *ret);

#endif

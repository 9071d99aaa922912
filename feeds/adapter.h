/* adapter: one wire format citydash reads. The native protocol v1, the
 * Prometheus HTTP API, OGC SensorThings API v1.1 and any JSON API described by
 * JSON Pointers each map into the same store through the same sink
 * (protocol.h), so everything after the parser is the same whatever the
 * source speaks.
 *
 * Adding an adapter is one file and one table row: feeds/adapter_NAME.c
 * defines `const adapter_t adapter_NAME`, and feeds/adapter_table.c lists it.
 *
 * An adapter is pure: it knows no network, no store and no screen.
 *  - options: its settings, the source object's member named options_key
 *    in the configuration (docs/config.md), read with cfg_read.h so that
 *    unknown fields and wrong types are errors naming the field;
 *  - next_request: the GETs of one attempt (NULL: one GET of the source's
 *    url, conditional with If-None-Match and report by exception's since=,
 *    as protocol v1). The poller calls it before each request of an attempt
 *    with the answers so far, so paging (@iot.nextLink) and several queries
 *    per source are one attempt, applied as one document;
 *  - parse: the answers of one attempt, in request order, into elements for
 *    the sink. Contract (as protocol_v1_parse): it rejects the attempt
 *    (returns -1) only before handing any element to the sink, so a
 *    rejected answer leaves every previous value in the store. Every string
 *    it hands out is sanitized (text.h) and every number finite; an element
 *    it cannot use is skipped and counted (stats->skipped, with the first
 *    reason), never turned into a zero;
 *  - error_reason: for an answer that is not 2xx, the server's own words
 *    (Prometheus's {"status":"error","error":...}), so the source's reason
 *    says what is wrong rather than only "HTTP status 400".
 *
 * Ownership: options belong to the configuration (config.h), which frees
 * them with options_free; everything else is borrowed for the call. */
#ifndef CITYDASH_ADAPTER_H
#define CITYDASH_ADAPTER_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cfg_read.h"
#include "protocol.h"

/* Most requests one attempt may make, whatever an adapter asks: a bound on
 * what one source can cost per interval. */
#define ADAPTER_MAX_REQUESTS 256
/* Attempts that may count as first (adapter_attempt_t.first) while none has
 * succeeded: after that many failures the source is asked for without its
 * start-up extras, so that an extra that cannot succeed (a history answer
 * beyond max_body_bytes) does not keep the source from ever being read. */
#define ADAPTER_FIRST_ATTEMPTS 3

/* One answer of an attempt. */
typedef struct adapter_body {
	const char *data; /* len bytes (not always NUL-terminated: read no further) */
	size_t len;
	int step;         /* the step of the request it answers (adapter_request_t) */
} adapter_body_t;

/* One request to make: a GET of url. */
typedef struct adapter_request {
	char *url; /* malloc'd by next_request; the caller frees it */
	int step;  /* the adapter's own tag for the kind of request, given back
	              with its answer (adapter_body_t.step) */
} adapter_request_t;

/* What the poller tells next_request about the attempt under way. */
typedef struct adapter_attempt {
	const char *base_url;         /* the source's configured url */
	bool first;                   /* no answer of this source was applied yet since
	                                 citydash started, and fewer than
	                                 ADAPTER_FIRST_ATTEMPTS attempts failed: e.g.
	                                 fill history (Prometheus query_range) */
	int64_t now_ms;               /* wall clock, epoch ms, when the attempt began */
	const adapter_body_t *bodies; /* the answers so far, in request order */
	size_t done;                  /* how many (0 at the first call) */
} adapter_attempt_t;

typedef struct adapter {
	const char *name; /* the source's "type" in the configuration */
	/* Parses the answers of one attempt (see the contract above). `opts` is
	 * what options_parse made (NULL if the adapter has none). On -1,
	 * *cause says why, for the operator (the caller frees). */
	int (*parse)(const void *opts, const adapter_body_t *bodies, size_t n, int64_t now_ms,
	             const feed_sink_t *sink, feed_stats_t *stats, char **cause);
	/* The member of the source object holding its settings ("prometheus"),
	 * or NULL if it takes none. */
	const char *options_key;
	bool options_required; /* a source of this type must have that member */
	/* Reads the settings (obj is NULL when the member is absent and not
	 * required; otherwise an object: config_source.c refuses the rest).
	 * Returns 0 with *opts set (may be NULL), or -1 with *err set, its
	 * pointer relative to obj. */
	int (*options_parse)(const cJSON *obj, void **opts, cfg_error_t *err);
	void (*options_free)(void *opts);
	/* The next request of an attempt: returns 1 with *req filled, 0 when the
	 * attempt has all it needs (then parse runs on the answers), or -1 with
	 * *cause set: the attempt fails with that reason. NULL: one plain GET of
	 * the source's url (conditional, with since=). */
	int (*next_request)(const void *opts, const adapter_attempt_t *at, adapter_request_t *req,
	                    char **cause);
	/* A reason for an answer with HTTP status `status` (not 2xx) from its
	 * body, sanitized and short; NULL: the poller's "HTTP status N". May
	 * be NULL. */
	char *(*error_reason)(const void *opts, long status, const char *body, size_t len);
} adapter_t;

/* NULL if no adapter has that name. NULL name: the native protocol. */
const adapter_t *adapter_find(const char *name);
/* Comma-separated list of known names, for error messages. */
const char *adapter_names(void);

#endif

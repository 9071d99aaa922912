/* protocol: parser for the citydash feed protocol v1 (docs: feed-protocol.md).
 *
 * A parser works on a buffer and knows nothing of the network or the store:
 * it validates, sanitizes every string once, and hands each good element to a
 * sink as a borrowed view (valid only during the callback). */
#ifndef CITYDASH_PROTOCOL_H
#define CITYDASH_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* Report by exception (docs/protocol.md): a cursor is 1-64 bytes of
 * A-Z a-z 0-9 . _ : - */
#define FEED_CURSOR_MAX 64

typedef enum feed_item {
	FEED_ITEM_READING,
	FEED_ITEM_KPI,
	FEED_ITEM_EVENT,
} feed_item_t;

typedef struct feed_stats feed_stats_t;

typedef struct feed_sink {
	void *ctx;
	void (*reading)(void *ctx, const reading_in_t *r);
	void (*kpi)(void *ctx, const kpi_in_t *k);
	void (*event)(void *ctx, const event_in_t *e);
	/* Bytes the document's JSON tree may take while it is parsed (about 8
	 * times the document for ordinary feeds, up to 40 times for one of tiny
	 * elements); a document that needs more is rejected whole. The source's
	 * max_bytes; 0: no limit. */
	size_t max_tree_bytes;
	/* Report by exception (last, so that positional initializers of the
	 * fields above stay valid). Called once, after the whole-document
	 * checks and before any element, with the document's own fields
	 * (delta, cursor, generated_at) in stats; may be NULL. */
	void (*header)(void *ctx, const feed_stats_t *stats);
	/* A delta's "removed" ids, each once, after header and before any
	 * element (a whole document's "removed" is ignored); may be NULL. */
	void (*removed)(void *ctx, feed_item_t kind, const char *id);
} feed_sink_t;

struct feed_stats {
	unsigned readings, kpis, events; /* elements handed to the sink */
	unsigned skipped;                /* elements rejected */
	unsigned limits_ignored;         /* limits out of order: dropped, reading kept */
	bool had_readings, had_kpis, had_events;
	bool has_generated;              /* the document said when it was built: */
	int64_t generated_ms;            /* ... generated_at (producer's clock) */
	char first_skip_reason[160];     /* "" if none */
	char first_bad_limits[128];      /* id of the first reading whose limits were ignored */
	/* Report by exception. */
	bool delta;                      /* "delta": true: the items amend what the source
	                                    sent before instead of replacing it */
	char cursor[FEED_CURSOR_MAX + 1]; /* the next `since`, "" if none (or malformed) */
	unsigned removed;                /* ids of "removed" handed to the sink */
	/* A source's own warning about a good answer (Prometheus "warnings",
	 * SensorThings paging stopped at its bound): shown as the source's
	 * reason while it is healthy. "" if none. */
	char warning[160];
};

/* Parses one v1 document. `now_ms` is the time of receipt by citydash's
 * clock: the default `ts`, and what each reading's lag_ms is measured
 * against (reading_in_t; the store applies the clock-skew tolerance).
 * Returns 0 on success (elements may still have been skipped: see stats), or
 * -1 if the whole document is rejected (not JSON, not an object, missing or
 * unsupported version); then *cause receives a message for the operator,
 * which the caller frees. */
int protocol_v1_parse(const char *body, size_t len, int64_t now_ms, const feed_sink_t *sink,
		      feed_stats_t *stats, char **cause);

#endif

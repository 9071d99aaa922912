/* ingest: turns a fetched body into store updates through the adapter named
 * by the source's format. Adapters are a table: adding a wire format
 * (Prometheus, SensorThings, JSON Pointer) is one more row. */
#ifndef CITYDASH_INGEST_H
#define CITYDASH_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "protocol.h"
#include "store.h"

typedef struct adapter {
	const char *name; /* format name used in configuration */
	int (*parse)(const char *body, size_t len, int64_t now_ms, const feed_sink_t *sink,
		     feed_stats_t *stats, char **cause);
} adapter_t;

/* NULL if no adapter has that name. NULL name: the native protocol. */
const adapter_t *adapter_find(const char *name);
/* Comma-separated list of known format names, for error messages. */
const char *adapter_names(void);

/* Parses body with `adapter` and applies it to `source` in the store.
 * On a rejected document the store marks the source failing with the reason
 * and keeps every previous value; returns -1. Returns 0 otherwise. */
int ingest_body(store_t *st, int source, const adapter_t *adapter, const char *body, size_t len,
		int64_t now_ms);

/* The same in steps, for a document parsed elsewhere (the parse worker's
 * batches, feeds/ingest_batch.h) and applied in slices: open, hand every
 * element to the sink, then close with the parser's stats, or reject
 * (only before any element was handed over). Close, reject and abandon free
 * the ingest_doc_t; abandon leaves the source's poll open and is only for
 * shutting down. */
typedef struct ingest_doc ingest_doc_t;
ingest_doc_t *ingest_doc_open(store_t *st, int source, int64_t now_ms);
const feed_sink_t *ingest_doc_sink(ingest_doc_t *doc);
void ingest_doc_close(ingest_doc_t *doc, const feed_stats_t *stats);
void ingest_doc_reject(ingest_doc_t *doc, const char *cause);
void ingest_doc_abandon(ingest_doc_t *doc);

#endif

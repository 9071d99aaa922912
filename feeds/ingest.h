/* ingest: turns a fetched body into store updates through the source's
 * adapter (adapter.h: the wire formats, a table). */
#ifndef CITYDASH_INGEST_H
#define CITYDASH_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "adapter.h"
#include "protocol.h"
#include "store.h"

/* Parses body with `adapter` (NULL: the native protocol; it must take no
 * options, or none were given) and applies it to `source` in the store.
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

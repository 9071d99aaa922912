/* ingest_batch: a parsed document held apart from the store, so that parsing
 * can run on another thread (feeds/parse_worker.h) and applying can be done in
 * slices between which the event loop reads keys.
 *
 * ingest_batch_parse runs an adapter on a body and copies every element the
 * adapter hands out (already validated and sanitized) into the batch: the
 * element structs in arrays, their strings and arrays in an arena of chunks
 * that never move. It touches no store, so it may run on any thread.
 * ingest_batch_apply hands the elements to the store through ingest's sink
 * (feeds/ingest.h), the same path as ingest_body, so a batch applied whole or
 * in slices leaves the store exactly as ingest_body would. A rejected
 * document carries only its cause and changes nothing but the source's
 * status. The batch owns everything it points to. */
#ifndef CITYDASH_INGEST_BATCH_H
#define CITYDASH_INGEST_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ingest.h"

typedef struct ingest_batch ingest_batch_t;

/* Parses body (not kept) with `adapter` (NULL: the native protocol) at
 * receipt time `now_ms`. `max_bytes` (0: no limit) bounds both the JSON tree
 * while parsing and the batch itself: a document that needs more is rejected
 * whole, like any rejected document (the source's max_bytes, so what one
 * source can make citydash hold stays within its budget while it waits to be
 * applied). Always returns a batch; see ingest_batch_rejected. */
ingest_batch_t *ingest_batch_parse(const adapter_t *adapter, const char *body, size_t len,
                                   int64_t now_ms, size_t max_bytes);
/* The same for the answers of one attempt (adapter.h), with the source's
 * adapter options. */
ingest_batch_t *ingest_batch_parse_bodies(const adapter_t *adapter, const void *opts,
                                          const adapter_body_t *bodies, size_t n,
                                          int64_t now_ms, size_t max_bytes);
void ingest_batch_free(ingest_batch_t *b);

/* True if the whole document was rejected (then it holds no element). */
bool ingest_batch_rejected(const ingest_batch_t *b);
/* Elements it holds: a delta's removed ids, readings, KPIs and events. */
size_t ingest_batch_elements(const ingest_batch_t *b);
/* The parser's stats: the document's cursor and whether it is a delta. */
const feed_stats_t *ingest_batch_stats(const ingest_batch_t *b);
/* Rejects a parsed batch whole, with `cause` (copied), before it is applied:
 * e.g. a delta that answers a request without `since`. No effect once
 * applying has begun. */
void ingest_batch_refuse(ingest_batch_t *b, const char *cause);
/* Bytes it holds (structs and arena), for figures and bounds. */
size_t ingest_batch_bytes(const ingest_batch_t *b);

/* Applies up to `max_elements` more elements (at least one step) to
 * `source` in the store, stamped with the batch's receipt time. Returns true
 * when the batch is fully applied and the source's poll closed (or, for a
 * rejected batch, the source marked failing). Between calls the store holds
 * the document partly applied, with its poll open: the caller applies no
 * other document meanwhile. *used (may be NULL) receives the elements applied. */
bool ingest_batch_apply(ingest_batch_t *b, store_t *st, int source, size_t max_elements,
                        size_t *used);
/* True once apply has begun and not yet finished. */
bool ingest_batch_applying(const ingest_batch_t *b);

#endif

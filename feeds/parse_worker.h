/* parse_worker: one thread that turns fetched bodies into parsed batches
 * (feeds/ingest_batch.h), so that parsing a large document never holds the
 * event loop (and so the keyboard).
 *
 * Data flows one way: the event loop submits a body (ownership passes to
 * the worker), the worker parses it into a batch and announces it through
 * `notify` (called on the worker thread; it must be safe there, e.g.
 * poller_wake), and the event loop takes finished batches in the order
 * they were submitted and applies them to the store itself. The worker never
 * touches the store, so the store stays single-threaded and lock-free. The
 * worker holds what it is given: callers bound it (the poller submits at
 * most one attempt's answers per source until that source's batch is
 * applied). */
#ifndef CITYDASH_PARSE_WORKER_H
#define CITYDASH_PARSE_WORKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ingest.h"
#include "ingest_batch.h"

typedef struct parse_worker parse_worker_t;

/* Starts the thread; NULL if it cannot (then parse where you are). */
parse_worker_t *parse_worker_create(void (*notify)(void *ctx), void *ctx);
/* Stops the thread (after the parse under way, if any) and frees every body
 * and batch still held. */
void parse_worker_destroy(parse_worker_t *w);

/* Queues `body` (malloc'd, len bytes; the worker frees it) for `adapter` at
 * receipt time now_ms; `tag` comes back with the batch. */
void parse_worker_submit(parse_worker_t *w, int tag, const adapter_t *adapter, char *body,
                         size_t len, int64_t now_ms, size_t max_bytes);
/* The same for the answers of one attempt (adapter.h), parsed together
 * with the source's adapter options `opts` (borrowed: they must outlive
 * the worker) into one batch. `bodies` (n of them, malloc'd) and each
 * bodies[i].data (malloc'd) pass to the worker, which frees them. */
void parse_worker_submit_bodies(parse_worker_t *w, int tag, const adapter_t *adapter,
                                const void *opts, adapter_body_t *bodies, size_t n,
                                int64_t now_ms, size_t max_bytes);
/* The oldest finished batch (caller owns it) and its tag, or NULL. */
ingest_batch_t *parse_worker_take(parse_worker_t *w, int *tag);
/* Frees an applied batch on the worker's thread: giving back tens of
 * megabytes takes tens of milliseconds, which the event loop should not
 * spend. Ownership passes; NULL is ignored. */
void parse_worker_dispose(parse_worker_t *w, ingest_batch_t *batch);
/* True if a finished batch is waiting to be taken. */
bool parse_worker_ready(parse_worker_t *w);

#endif

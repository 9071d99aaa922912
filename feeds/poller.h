/* poller: fetches every source concurrently through the curl multi
 * interface and feeds finished bodies to ingest. It never blocks: the event
 * loop calls poller_wait() (which also watches the loop's own descriptors,
 * such as the keyboard) and poller_perform() when it returns.
 *
 * Bodies are parsed on one worker thread (feeds/parse_worker.h) into batches
 * that poller_perform applies to the store a slice at a time, so neither
 * parsing nor applying a large document holds the event loop for long. The
 * store is only ever touched on the caller's thread. A source starts no new
 * transfer while its document is being parsed or applied.
 *
 * Per source: its own interval and timeout, a body cap, ETag/If-None-Match
 * (a 304 to a request that sent none is a protocol error), gzip, Retry-After
 * on 429/503, and exponential backoff while the server answers in distress
 * (5xx, 429), capped by poller_backoff_cap_ms; after any other failure the
 * source is tried again at its interval. The poller writes only to the
 * store; it knows no UI.
 *
 * A source whose adapter has next_request (adapter.h) is read in attempts
 * of several GETs (paging, several queries), asked of the adapter one after
 * the other and parsed together into one document: no If-None-Match, no
 * since=; at most ADAPTER_MAX_REQUESTS per attempt; each answer and all
 * the answers of an attempt together at most max_body bytes; each request
 * has timeout_ms (an attempt of n requests may take n x timeout_ms). Any
 * failed request fails the attempt and applies nothing. A non-2xx answer's
 * reason is the adapter's error_reason when it has one. */
#ifndef CITYDASH_POLLER_H
#define CITYDASH_POLLER_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "store.h"

typedef struct poller poller_t;

/* Elements of parsed documents applied to the store per poller_perform: a
 * few milliseconds of work, so the event loop reads keys between slices. */
#define POLLER_APPLY_SLICE 4096

/* Registers every configured source in the store (indices 0..n-1 in config
 * order) and prepares a transfer for each. Returns NULL with *cause set on
 * failure (caller frees). The poller borrows `st` and `cfg`: it copies a
 * source's name, url and format, but borrows the rest (adapter options,
 * headers, credentials, TLS files), so `cfg` must outlive the poller. */
poller_t *poller_create(store_t *st, const config_t *cfg, char **cause);
void poller_destroy(poller_t *p);

/* Starts the transfers that are due at `mono_ms` (monotonic clock). */
void poller_start_due(poller_t *p, int64_t mono_ms);

/* Milliseconds until the next source is due (0 if one is due now, or a
 * refused transfer waits to be reported), or INT64_MAX if none will be
 * (every source in flight or being parsed, or the poller paused). */
int64_t poller_ms_until_due(const poller_t *p, int64_t mono_ms);

/* Waits up to timeout_ms for network activity, a poller_wake, or one of
 * `extra_fds` (n of them, at most POLLER_WAIT_FDS, may be 0) to become
 * readable; sets ready[i] for each extra fd that is readable (ready may be
 * NULL when n is 0). Returns -1 on a curl (or poll) error, 0 otherwise. */
#define POLLER_WAIT_FDS 8
int poller_wait(poller_t *p, const int *extra_fds, int n, bool *ready, int timeout_ms);
/* Ends a poller_wait under way, or the next one, early. Safe from any thread. */
void poller_wake(poller_t *p);

/* While paused the caller promises not to call poller_start_due or
 * poller_perform (the store is being read elsewhere): nothing is due,
 * there is no work, and poller_wait watches only the caller's fds and
 * poller_wake. Transfers under way wait in their sockets. */
void poller_pause(poller_t *p, bool paused);

/* Moves transfers along, hands finished bodies to the parser, and applies
 * parsed documents to the store, a bounded slice per call (call again while
 * poller_has_work). `wall_ms` stamps the data (pass clock_steady_ms()),
 * `mono_ms` schedules the next polls. Returns the number of transfers
 * finished plus documents completed. */
int poller_perform(poller_t *p, int64_t wall_ms, int64_t mono_ms);

/* True while poller_perform has work it can do at once (a parsed document to
 * apply, a failure to report); poller_wait does not sleep then. */
bool poller_has_work(const poller_t *p);
/* True while a document is partly applied to the store (its poll open):
 * evaluate the store once it is whole. */
bool poller_applying(const poller_t *p);
/* True while some source's attempt is under way: a transfer, a parse, an
 * apply or a failure not yet reported. False means every attempt begun has
 * finished. */
bool poller_busy(const poller_t *p);

/* Report by exception: the cursor the source's last document offered, the
 * since= of its next request ("" if none, or "since": false sends none). */
const char *poller_cursor(const poller_t *p, int source);

/* Number of sources that have finished at least one attempt. */
int poller_sources_attempted(const poller_t *p);

/* Failing sources are tried again at the next poller_start_due, whatever
 * their backoff or Retry-After said (the operator asked). */
void poller_retry_now(poller_t *p, int64_t mono_ms);

/* Longest wait between attempts while the server answers in distress (5xx,
 * 429), for a source polled every interval_ms: 4 intervals, at least 2 s and
 * at most 60 s, but never less than the interval itself. Attempts start at 2
 * intervals and double up to it, up to 20% earlier at random. A Retry-After
 * from the server (429/503, up to an hour) is honoured beyond it. Any other
 * failure is tried again after one interval. */
int64_t poller_backoff_cap_ms(int64_t interval_ms);

#endif

/* poller: fetches every source concurrently through the curl multi
 * interface and feeds finished bodies to ingest. It never blocks: the event
 * loop calls poller_wait() (which also watches the loop's own descriptors,
 * such as the keyboard) and poller_perform() when it returns.
 *
 * Per source: its own interval and timeout, a body cap, ETag/If-None-Match,
 * gzip, Retry-After on 429/503, and exponential backoff with jitter on
 * failure. The poller writes only to the store; it knows no UI. */
#ifndef CITYDASH_POLLER_H
#define CITYDASH_POLLER_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "store.h"

typedef struct poller poller_t;

/* Registers every configured source in the store (indices 0..n-1 in config
 * order) and prepares a transfer for each. Returns NULL with *cause set on
 * failure (caller frees). The poller borrows `st`; it copies `cfg`. */
poller_t *poller_create(store_t *st, const config_t *cfg, char **cause);
void poller_destroy(poller_t *p);

/* Starts the transfers that are due at `mono_ms` (monotonic clock). */
void poller_start_due(poller_t *p, int64_t mono_ms);

/* Milliseconds until the next source is due (0 if one is due now), or
 * INT64_MAX if none will be (all in flight). */
int64_t poller_ms_until_due(const poller_t *p, int64_t mono_ms);

/* Waits up to timeout_ms for network activity or for one of `extra_fds`
 * (n of them, may be 0) to become readable; sets ready[i] for each extra fd
 * that is readable (ready may be NULL when n is 0). Returns -1 on a curl
 * error, 0 otherwise. */
int poller_wait(poller_t *p, const int *extra_fds, int n, bool *ready, int timeout_ms);

/* Moves transfers along and applies every finished one to the store.
 * `wall_ms` stamps the data (pass clock_steady_ms()), `mono_ms` schedules
 * the next polls.
 * Returns the number of transfers that finished. */
int poller_perform(poller_t *p, int64_t wall_ms, int64_t mono_ms);


/* Number of sources that have finished at least one attempt. */
int poller_sources_attempted(const poller_t *p);


#endif

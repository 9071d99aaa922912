/* session_log: what the sources did, written to the log (feeds/log.h).
 *
 * The poller and the store know no log: they record each source's health in
 * the store (source_status_t), and this module, called by the session after
 * each step of the poller on the event loop's thread, compares it with what
 * it saw last time and writes one line per change:
 *  - a source failing, or failing for another reason (error, with the detail
 *    and the URL, masked), and each failed attempt's retry plan (info:
 *    "attempt N failed, next try in S s");
 *  - a source answering for the first time, or again after failures (info,
 *    with how many and for how long);
 *  - a document's elements skipped, refused by the source's limits, with
 *    limits out of order or dated ahead of our clock (warn, with the count
 *    and the first reason) when that starts or its first reason changes, and
 *    when it stops (info): once per change, not every poll.
 * So feeds/ stays free of logging, and the log is a sink at the end of the
 * one-way flow. Owns its copies of the texts it compares. */
#ifndef CITYDASH_SESSION_LOG_H
#define CITYDASH_SESSION_LOG_H

#include <stdint.h>

#include "store.h"

typedef struct session_log session_log_t;

/* Takes the sources' present state as the starting point. */
session_log_t *session_log_create(const store_t *st);
void session_log_destroy(session_log_t *l);

/* Logs what changed since the last call; `now_ms` is steady time (the time
 * the poller's plans are in). Cheap when the store has not changed. */
void session_log_observe(session_log_t *l, const store_t *st, int64_t now_ms);

#endif

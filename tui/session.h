/* session: the data side of one run — store, poller, alarm engine and the
 * view derived from them — shared by the interactive TUI and --dump. */
#ifndef CITYDASH_SESSION_H
#define CITYDASH_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "alarm.h"
#include "config.h"
#include "poller.h"
#include "store.h"
#include "view.h"

typedef struct session {
	store_t *store;
	poller_t *poller;
	alarm_engine_t *alarms;
	view_t view;
	uint64_t seen_generation;
	int64_t evaluated_ms; /* steady time of the last evaluation */
} session_t;

/* Returns 0, or -1 with *cause set (caller frees). */
int session_open(session_t *s, const config_t *cfg, char **cause);
void session_close(session_t *s);

/* Starts due polls and applies finished ones, a bounded slice at a time
 * (the poller parses on its own thread), stamping data with `now_ms` (steady
 * time, see clock_steady_ms). Then, unless a document is still half applied,
 * if the store changed or a second has passed (ages move, data turns stale),
 * re-evaluates alarms and the view. Returns true if the view changed. Call
 * it again soon while poller_has_work: poller_wait does not sleep then. */
bool session_step(session_t *s, int64_t now_ms, int64_t mono_ms);

/* Tries every failing source again now (the operator's retry key). */
void session_retry_now(session_t *s, int64_t mono_ms);

/* Fills a ui_ctx for drawing: `now_ms` steady time, `clock_ms` wall clock. */
struct ui_ctx;
void session_ui_ctx(const session_t *s, int64_t now_ms, int64_t clock_ms, struct ui_ctx *ctx);

#endif

/* session_derive: evaluates alarms, the view and the gov view of a large
 * store on a thread of its own, so that the event loop keeps reading keys and
 * drawing while it runs (at 100,000 readings they take tens of milliseconds).
 *
 * It works on a second alarm engine, view and gov view (the back set) while
 * the pages read the first (the front set); derive_finish swaps them, so the
 * screen always shows one whole evaluation. The gov view's trend is carried
 * from the front one at derive_start, so it stays one series. The thread only reads the store:
 * between derive_start and derive_finish the caller must not change it (the
 * session pauses the poller). Private to tui/session.c. */
#ifndef CITYDASH_SESSION_DERIVE_H
#define CITYDASH_SESSION_DERIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "alarm.h"
#include "gov_view.h"
#include "scope.h"
#include "store.h"
#include "view.h"

typedef struct derive derive_t;

/* Starts the thread; `notify` is called on it when a result is ready. NULL
 * if the thread cannot start (then evaluate in place). */
derive_t *derive_create(void (*notify)(void *ctx), void *ctx);
void derive_destroy(derive_t *d);

/* Begins evaluating `st` within `scope` at now_ms (steady) and clock_ms (wall,
 * for the gov view's deadlines), from the state of `front` (copied, so the
 * alarm engine's hysteresis and since-times carry on) and of `front_gov`'s
 * trend (NULL: none). */
void derive_start(derive_t *d, const store_t *st, const alarm_engine_t *front,
                  const gov_view_t *front_gov, const scope_t *scope, int64_t now_ms,
                  int64_t clock_ms);
/* True between derive_start and derive_finish. */
bool derive_busy(const derive_t *d);
/* True once the evaluation begun is complete. */
bool derive_ready(derive_t *d);
/* Waits for the evaluation begun, then swaps it in: *alarms, *view and *gov
 * (NULL: not wanted) become the new evaluation, the old ones go back for the
 * next time. */
void derive_finish(derive_t *d, alarm_engine_t **alarms, view_t *view, gov_view_t *gov);

#endif

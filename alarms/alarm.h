/* alarm: the alarm engine. Reads readings from the store and keeps, apart
 * from it, each reading's alarm state: which limit it is beyond and since
 * when, with deadband hysteresis so a value hovering at a limit does not
 * chatter. Time is passed in; the engine never reads the clock. State is
 * kept by store index and reading serial: a slot taken by a new reading
 * starts afresh, its alarm history (alarm_engine_history) too.
 *
 * States today: NONE, LO, HI, LOLO, HIHI. Acknowledge/shelve (ISA-18.2) will
 * extend alarm_state_t without changing how pages read the active list. */
#ifndef CITYDASH_ALARM_H
#define CITYDASH_ALARM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

typedef enum alarm_level { ALARM_NONE, ALARM_LO, ALARM_HI, ALARM_LOLO, ALARM_HIHI } alarm_level_t;

/* "LO", "HI", "LOLO", "HIHI" ("" for NONE): ISA tags, not translated. */
const char *alarm_level_tag(alarm_level_t level);
/* LOLO and HIHI are alarms proper; LO and HI are warnings. */
bool alarm_level_is_critical(alarm_level_t level);

/* The level a value is at, given the level it was at before: leaving a
 * level needs the value to come back inside the limit by `deadband`, but a
 * hold only keeps a level on the side the value is on (it never reaches
 * past the middle of the normal band), so after HIHI a value below LO is LO. */
alarm_level_t alarm_classify(double value, const limits_t *limits, double deadband,
                             alarm_level_t previous);

typedef struct alarm_state {
	alarm_level_t level;
	int64_t since_ms; /* observation time of the value that entered this level */
	bool stale;       /* the reading's data is stale: the level is of an old value */
} alarm_state_t;

typedef struct alarm_engine alarm_engine_t;

alarm_engine_t *alarm_engine_create(void);
void alarm_engine_destroy(alarm_engine_t *eng);

/* Brings every reading's state up to date with the store at `now_ms`.
 * Readings with no value or bad quality are not in alarm (they are counted
 * apart); a stale reading is classified all the same (even one that was
 * already stale when it arrived) and marked stale. */
void alarm_engine_evaluate(alarm_engine_t *eng, const store_t *st, int64_t now_ms);

/* Makes dst what src is (both created by alarm_engine_create), so an
 * evaluation can be built apart from the engine the pages read and then take
 * its place (tui/session.c evaluates a large store on another thread). */
void alarm_engine_copy(alarm_engine_t *dst, const alarm_engine_t *src);

/* State of the reading at store index `reading` (NONE if unknown). */
alarm_state_t alarm_engine_state(const alarm_engine_t *eng, size_t reading);

/* A change of a reading's alarm level. */
typedef struct alarm_transition {
	int64_t at_ms; /* observation time of the value that caused it (since_ms) */
	alarm_level_t from, to;
} alarm_transition_t;

#define ALARM_HISTORY 8 /* level changes kept per reading */

/* The reading's last level changes (at most ALARM_HISTORY), oldest first,
 * into out[0..max); returns the count. */
size_t alarm_engine_history(const alarm_engine_t *eng, size_t reading, alarm_transition_t *out,
                            size_t max);

/* Active alarms: every reading beyond a limit, LOLO/HIHI before LO/HI, then
 * newest first. Indices into the store; valid until the next evaluate. */
size_t alarm_engine_active_count(const alarm_engine_t *eng);
size_t alarm_engine_active(const alarm_engine_t *eng, size_t i);
/* Active alarms that are LOLO/HIHI. */
size_t alarm_engine_critical_count(const alarm_engine_t *eng);
/* Active alarms whose reading is stale. */
size_t alarm_engine_stale_count(const alarm_engine_t *eng);

#endif

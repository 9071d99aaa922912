/* rbe: report by exception, the mock's explicit state behind `?since=`.
 *
 * A real gateway sends a value when it moved past its deadband, not every
 * second. This is the image such a gateway keeps, advanced tick by tick:
 *  - per reading, the last REPORTED value, null-ness and quality, and the
 *    tick it was reported. A reading is reported again when its value moved
 *    beyond its deadband from the reported one, its quality changed, or it
 *    became or ceased to be null; between reports the reported value is the
 *    one served (documents with and without `since` agree);
 *  - per KPI and per event, its serialized object (city_json.c) and a hash
 *    of it: changed when the object changes;
 *  - events that left the city, as tombstones, for `window` ticks.
 *
 * What it serves is a pure function of (seed, the tick it started at, the
 * ticks it went through): it starts at tick 0 with the server and is
 * advanced in order, catching up missed ticks (only the ticks at which KPIs
 * and events were compared depend on when they were asked for). A gap
 * longer than the window resets it (everything reported afresh at the new
 * tick, every earlier cursor expired), which bounds the cost of catching up
 * (about 0.4 s for 550 ticks at --scale city).
 *
 * A cursor names the tick of the state a client holds and the instance of
 * this server ("r1.<instance hex>.<tick>"), so a restarted mock refuses the
 * cursors of its predecessor. A cursor is good for a delta while its tick
 * lies in [base, now] and is at most `window` ticks old.
 *
 * Not thread-safe: the server calls it under its lock. Knows no HTTP. */
#ifndef CITYDASH_RBE_H
#define CITYDASH_RBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "city.h"
#include "city_json.h"

#define RBE_DEFAULT_WINDOW 600 /* ticks a cursor stays good, tombstones are kept */
#define RBE_CURSOR_MAX     64  /* bytes of a cursor, without the NUL */

typedef struct rbe rbe_t;

/* One event as the city shows it now: its id and its JSON object (with a
 * trailing comma, as city_json's item writers leave it). */
typedef struct rbe_event {
	char *id;
	char *json;
	size_t len;
	uint64_t hash;
	int64_t changed_tick; /* tick it appeared or last changed */
	int64_t removed_tick; /* -1 while shown; else a tombstone since then */
} rbe_event_t;

/* A state starting at tick 0. `tm` gives tick 0's wall time and the tick
 * length (its tick and now_ms are ignored); window 0: RBE_DEFAULT_WINDOW;
 * instance: any number that differs between two runs of the server. */
rbe_t *rbe_create(const city_t *c, const city_json_time_t *tm, int64_t window, uint64_t instance);
void rbe_destroy(rbe_t *r);

/* What a document needs brought up to date. */
typedef enum rbe_part {
	RBE_READINGS,
	RBE_KPIS,
	RBE_EVENTS,
} rbe_part_t;

/* Brings the state to `tick` (an earlier tick is ignored): the readings
 * always, step by step; the KPIs or the events only for `part`, since
 * serializing every KPI each step costs more than walking every reading.
 * A part brought up late stamps its changes with the tick it is brought to,
 * never earlier than they happened: a delta may then list a little more
 * than changed, never less. */
void rbe_advance(rbe_t *r, int64_t tick, rbe_part_t part);
int64_t rbe_tick(const rbe_t *r);
int64_t rbe_window(const rbe_t *r);

/* What was last reported of reading i, and the tick it was reported. */
const city_json_value_t *rbe_reading(const rbe_t *r, size_t i);
int64_t rbe_reading_changed(const rbe_t *r, size_t i);
/* KPI i's object as of the state's tick, and the tick it last changed. */
const char *rbe_kpi_json(const rbe_t *r, size_t i, size_t *len);
int64_t rbe_kpi_changed(const rbe_t *r, size_t i);
/* Events: those shown now (removed_tick -1), in the city's order, then the
 * tombstones. */
size_t rbe_event_count(const rbe_t *r);
const rbe_event_t *rbe_event(const rbe_t *r, size_t k);

/* The cursor of the state's tick into buf (> RBE_CURSOR_MAX bytes). */
void rbe_cursor(const rbe_t *r, char *buf, size_t size);
/* True, with *tick, if `cursor` is good for a delta from now (see above);
 * false for a malformed, foreign (another instance), future or expired one. */
bool rbe_cursor_parse(const rbe_t *r, const char *cursor, int64_t *tick);

/* The events the city shows at tm->tick, each as id and object: the one
 * place that knows where events come from (rbe_events.c). Returns the count
 * and a new array the caller frees with rbe_events_free. */
size_t rbe_events_collect(const city_t *c, const city_json_time_t *tm, rbe_event_t **out);
void rbe_events_free(rbe_event_t *ev, size_t n);

#endif

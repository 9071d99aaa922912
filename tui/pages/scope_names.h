/* scope_names: the places the scope picker offers — the districts, or one
 * district's streets — as the store names them (readings, KPIs and events),
 * sorted by name, with how many readings are placed there and how many of
 * them the alarm engine has beyond a limit. Pure data, no curses.
 *
 * Gathered afresh on every call: one pass over the store (4,476 readings,
 * 911 KPIs and the events at city scale) with a small hash of the names,
 * cheap next to drawing a frame, so nothing is cached and nothing goes out
 * of date. */
#ifndef CITYDASH_SCOPE_NAMES_H
#define CITYDASH_SCOPE_NAMES_H

#include <stddef.h>

#include "alarm.h"
#include "store.h"

typedef struct scope_name {
	const char *name;  /* borrowed from the store: valid until it changes */
	unsigned readings; /* readings placed there */
	unsigned alarms;   /* of them at LOLO or HIHI */
	unsigned warnings; /* of them at LO or HI */
} scope_name_t;

/* The districts (district NULL) or the streets of `district` into a new
 * array *out (the caller frees it; NULL when there are none); returns how
 * many. `alarms` may be NULL (no counts of alarms). */
size_t scope_names(const store_t *st, const alarm_engine_t *alarms, const char *district,
                   scope_name_t **out);

#endif

/* city_events_private: what city_events.c (the city scale's stream) and
 * city_events_list.c (city_events_at) share, and what tests look into. */
#ifndef CITYDASH_CITY_EVENTS_PRIVATE_H
#define CITYDASH_CITY_EVENTS_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "city_event.h"

/* The city scale's own cases shown at `tick`, oldest first, written to
 * out[0..cap); returns how many there are (may exceed cap). *examined (if
 * not NULL) receives how many arrival seconds were looked at: always the
 * window, whatever the tick. */
size_t city_events_stream_at(const city_t *c, int64_t tick, city_event_view_t *out, size_t cap,
                             size_t *examined);
/* How far back arrivals are looked for, in simulated seconds. */
int64_t city_events_window_seconds(void);

#endif

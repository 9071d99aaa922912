/* tier_readings: the readings of the tier page at a street scope — every
 * reading in the view's scope, worst first (worst state, then how close to
 * a limit, then store order), gathered from the view's per-domain orders.
 * Pure data, no curses. */
#ifndef CITYDASH_TIER_READINGS_H
#define CITYDASH_TIER_READINGS_H

#include <stddef.h>

#include "view.h"

/* The store indices into a new array *out (the caller frees it; NULL when
 * there are none); returns their count. */
size_t tier_readings(const view_t *v, const store_t *st, size_t **out);

#endif

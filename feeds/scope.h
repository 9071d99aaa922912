/* scope: the tier a view is narrowed to — the whole city, one district, or
 * one street of a district — and whether a place belongs to it. A value
 * type (no allocation), so it can be copied into the navigation's back
 * stack and across threads. Pure: no curses, no network.
 *
 * Written "江北区" or "江北区/观音桥街道" (--scope, the picker, --dump); the
 * empty text is the whole city. A place belongs to a district scope when its
 * district is that district, and to a street scope when both its district
 * and its street match. Items without a place (a city-wide KPI) belong only
 * to the whole city: a district's centre sees its own data. */
#ifndef CITYDASH_SCOPE_H
#define CITYDASH_SCOPE_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* Longest district or street name a scope holds, in bytes. */
#define SCOPE_NAME_MAX 255

typedef struct scope {
	char district[SCOPE_NAME_MAX + 1]; /* "" : the whole city */
	char street[SCOPE_NAME_MAX + 1];   /* "" : the whole district */
} scope_t;

/* The whole city (every byte of *s zero). */
void scope_city(scope_t *s);
/* Parses "DISTRICT" or "DISTRICT/STREET" (surrounding spaces trimmed; "" or
 * "/" is the whole city). Returns 0, or -1 with *cause set (caller frees):
 * a name too long, a street without a district, more than two parts, or a
 * control character. *s is unchanged on error. */
int scope_parse(scope_t *s, const char *text, char **cause);
/* city, district or street. */
tier_t scope_tier(const scope_t *s);
bool scope_is_city(const scope_t *s);
bool scope_equal(const scope_t *a, const scope_t *b);
/* Whether an item placed at (district, street) belongs to the scope; NULL
 * and "" mean "no place". */
bool scope_contains(const scope_t *s, const char *district, const char *street);
/* The scope one tier down: the city's district `name`, or the district's
 * street `name`. Returns -1 (and leaves *s) if the name is too long or the
 * scope is already a street. */
int scope_down(scope_t *s, const char *name);
/* The scope one tier up (a street's district, a district's city). */
void scope_up(scope_t *s);
/* "江北区/观音桥街道", or "" for the city, into buf (always terminated). */
void scope_format(const scope_t *s, char *buf, size_t size);

#endif

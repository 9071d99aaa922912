/* view: what the pages show, computed from the store and the alarm engine
 * once per change: each reading's class, per-domain counts, and per-domain
 * orderings (worst first for the overview, by place for the domain page).
 * Pure data, no curses, so it is unit-tested without a terminal. */
#ifndef CITYDASH_VIEW_H
#define CITYDASH_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "alarm.h"
#include "store.h"

/* One class per reading; the first that applies, in this order. */
typedef enum reading_class {
	RC_STALE,   /* its data is older than its source's stale time */
	RC_BAD,     /* the instrument reports a fault (quality bad) */
	RC_NOVALUE, /* null: no value now */
	RC_ALARM,   /* beyond LOLO or HIHI */
	RC_WARNING, /* beyond LO or HI */
	RC_NORMAL,
	RC_COUNT
} reading_class_t;

typedef struct domain_view {
	unsigned counts[RC_COUNT];
	unsigned total;
	size_t *worst;    /* store indices, worst first; `total` of them */
	size_t *by_place; /* store indices by district, street, name */
	size_t cap;
} domain_view_t;

typedef struct view {
	domain_view_t domains[DOMAIN_COUNT];
	reading_class_t *classes; /* by store index */
	struct worst_key *keys;   /* scratch for sorting, class_cap of them */
	size_t class_cap;
	size_t reading_count;
	unsigned domains_present; /* bit per domain that has readings */
} view_t;

/* Domains the pages show: the six known ones, plus "other" while some
 * reading carries a domain token outside them (the protocol keeps those). */
int view_domain_count(const view_t *v);

void view_init(view_t *v);
void view_free(view_t *v);
void view_update(view_t *v, const store_t *st, const alarm_engine_t *alarms, int64_t now_ms);
reading_class_t view_class(const view_t *v, size_t reading);

/* How far a value sits toward its nearest limit, 0 (centre of the normal
 * band) .. 1 (at the limit) and beyond; used to rank readings within a class. */
double view_limit_pressure(const reading_t *r);

#endif

/* view: what the pages show, computed from the store and the alarm engine
 * once per change: each reading's states, per-domain counts and orderings
 * (worst first for the overview, by place for the domain page), and what is
 * known about the sources (failing, never answered), so that nothing is
 * called "all clear" that is only missing. Pure data, no curses, so it is
 * unit-tested without a terminal. The orderings are kept from one update to
 * the next and only changed readings re-placed (view_order.h), so a view
 * follows one store for its whole life.
 *
 * Scope (view_set_scope, feeds/scope.h): a view may be narrowed to one
 * district or one street. Readings outside it get no states and are left out
 * of every count, order and domain block, and of the view's own list of
 * active alarms (view_alarm_count / view_alarm), which is what the title
 * bar, the alarms page and the overview's alarm pane show. What the view
 * says about sources (failing, waiting, silent) is not narrowed: a source
 * feeds the whole city. */
#ifndef CITYDASH_VIEW_H
#define CITYDASH_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alarm.h"
#include "scope.h"
#include "store.h"

#define VIEW_ALARM_LISTS_MAX 4 /* view_alarm_list_t's count, for the struct */

/* What can be said about a reading: every state that applies is set, so a
 * stale alarm is both VS_ALARM and VS_STALE. Listed worst first: the first
 * one set is a reading's "worst" state. */
typedef enum view_state {
	VS_ALARM,          /* beyond LOLO or HIHI (the alarm engine's word) */
	VS_WARNING,        /* beyond LO or HI */
	VS_BAD,            /* the instrument reports a fault (quality bad) */
	VS_LIMITS_INVALID, /* the feed sent limits out of order: none can apply */
	VS_STALE,          /* its data is older than its source's stale time */
	VS_NOVALUE,        /* null: no value now */
	VS_UNCERTAIN,      /* the instrument doubts its value (quality uncertain) */
	VS_COUNT
} view_state_t;

/* A set of view_state_t: bit (1u << state). 0 is an ok reading. */
typedef uint8_t view_states_t;
#define VIEW_BIT(state) ((view_states_t)(1u << (state)))

/* The worst state in the set, or VS_COUNT if it is empty (ok). */
view_state_t view_worst(view_states_t states);

typedef struct domain_view {
	unsigned counts[VS_COUNT]; /* readings with each state; one reading may count in several */
	unsigned ok;               /* readings with no state at all */
	unsigned total;
	size_t *worst;    /* store indices, worst first; `total` of them */
	size_t *by_place; /* store indices by district, street, id */
	size_t cap;
	/* Sources that sent readings of this domain and whose last poll failed. */
	unsigned sources_failing;
	int first_failing; /* the first of them, or -1 */
	/* A source with no reading in the store, failing or never answered,
	 * named as this domain ("water", "Bridges"): likely the one that would
	 * fill this block. -1 if none. */
	int silent_named;
} domain_view_t;

typedef struct view {
	domain_view_t domains[DOMAIN_COUNT];
	view_states_t *states;  /* by store index */
	struct worst_key *keys; /* each reading's rank in `worst`, by store index */
	struct view_order *order; /* how the orders were last built (view_order.h) */
	size_t state_cap;
	size_t reading_count;     /* store slots covered by states */
	unsigned domains_present; /* bit per domain that has readings */
	unsigned readings;        /* readings in the store (free slots not counted) */
	unsigned stale;           /* of them, stale */
	/* Sources: whose last poll failed, and which have not answered yet
	 * (neither a good poll nor a failure). */
	unsigned sources_failing, sources_waiting;
	/* Those of them that have no reading in the store: what an empty block
	 * can be missing. */
	unsigned silent_failing, silent_waiting;
	/* Those of them named after no domain (a "city" feed): any domain may
	 * be theirs. */
	unsigned silent_unnamed;
	unsigned *source_domains; /* scratch: bit per domain each source has readings in */
	size_t source_cap;
	/* Scope: `scope` is what the next update narrows to (view_set_scope);
	 * `in_scope` says, by store index, which readings the last update kept. */
	scope_t scope;
	bool *in_scope;
	/* The alarm lists (view_alarm_list_t): positions in the alarm
	 * engine's list (alarm_engine_alarm), in scope; and counts. */
	size_t *alarm_lists[VIEW_ALARM_LISTS_MAX];
	size_t alarm_list_count[VIEW_ALARM_LISTS_MAX], alarm_list_cap[VIEW_ALARM_LISTS_MAX];
	const alarm_engine_t *alarm_engine; /* the engine of the last update (borrowed) */
	unsigned alarms_critical; /* active list: high priority (the rest medium) */
	unsigned alarms_unacked;  /* active list: UNACK or RTNUN */
	unsigned alarms_stale;    /* active list: on stale data */
} view_t;

/* Domains the pages show: the six known ones, plus "other" while some
 * reading carries a domain token outside them (the protocol keeps those). */
int view_domain_count(const view_t *v);

void view_init(view_t *v);
void view_free(view_t *v);
void view_update(view_t *v, const store_t *st, const alarm_engine_t *alarms, int64_t now_ms);
/* Narrows the view to `scope` (NULL: the whole city) from the next
 * view_update on. The scope is copied. */
void view_set_scope(view_t *v, const scope_t *scope);
/* Whether the reading belongs to the view's scope (the one set last). */
bool view_in_scope(const view_t *v, const reading_t *r);
/* The view's alarm lists, in scope only (a communications alarm is in
 * every scope), each in the alarm engine's order (unacknowledged first,
 * then priority, then newest). VIEW_ALARMS_ACTIVE is what the title bar,
 * the alarms page and the overview's alarm pane show: UNACK, ACKED and
 * RTNUN. The others are the alarms page's other tabs. Valid until the next
 * view_update. */
typedef enum view_alarm_list {
	VIEW_ALARMS_ACTIVE,     /* UNACK, ACKED, RTNUN */
	VIEW_ALARMS_SHELVED,    /* SHLVD */
	VIEW_ALARMS_SUPPRESSED, /* DSUPR */
	VIEW_ALARMS_OOS,        /* OOSRV */
	VIEW_ALARM_LISTS
} view_alarm_list_t;
size_t view_alarm_list_count(const view_t *v, view_alarm_list_t list);
const alarm_info_t *view_alarm_list_at(const view_t *v, view_alarm_list_t list, size_t i);
/* The active list: view_alarm_list_*(v, VIEW_ALARMS_ACTIVE, ...). Counts in
 * the view: alarms_critical (high priority), alarms_unacked, alarms_stale. */
size_t view_alarm_count(const view_t *v);
const alarm_info_t *view_alarm(const view_t *v, size_t i);
/* The states of the reading at store index `reading` (0 if unknown or free). */
view_states_t view_states(const view_t *v, size_t reading);
/* True when there is data and all of it is fresh and every source answers:
 * the only time "no alarm" means all clear. */
bool view_all_there(const view_t *v);

/* How far a value sits toward its nearest limit, 0 (centre of the normal
 * band) .. 1 (at the limit) and beyond; used to rank readings within a state. */
double view_limit_pressure(const reading_t *r);

#endif

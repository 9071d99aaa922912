/* view_order: the two orders of each domain's readings that view.h publishes
 * (worst first, by place), kept from one view_update to the next. Private to
 * view.c, which owns the view_order_t and hands in each reading's worst key.
 *
 * Why incremental: at city scale (thousands of readings, a document applied
 * several times a second) sorting every reading again by district, street and
 * id with strcmp at each update was the dashboard's largest cost, while
 * places almost never change. So each store slot remembers the reading
 * (serial), place (place_version) and worst key it was ordered with; an
 * update takes out of the lists only the slots whose reading is gone, new,
 * moved or re-ranked, sorts just those, and merges them back in. The orders
 * are total (ties broken by store index), so the result is exactly what
 * sorting everything again would give. Domains where nothing changed are not
 * touched at all. */
#ifndef CITYDASH_VIEW_ORDER_H
#define CITYDASH_VIEW_ORDER_H

#include <stddef.h>

#include "store.h"
#include "view.h"

/* Rank in the overview, smaller first: view.c's states_rank, then `order`
 * (larger first: view.c's worst_order), then the store index. */
typedef struct worst_key {
	int rank;
	double order;
	size_t reading;
} worst_key_t;

typedef struct view_order view_order_t;

view_order_t *view_order_create(void);
void view_order_destroy(view_order_t *o);

/* Brings worst, by_place and total of the DOMAIN_COUNT domains up to date
 * with the store. keys[i] is the worst key of the reading at store index i,
 * for every i below store_reading_count(st) whose slot is not free and that
 * in_scope[i] keeps (in_scope NULL: every reading); a reading left out of the
 * scope is left out of the lists as if its slot were free. */
void view_order_update(view_order_t *o, domain_view_t *domains, const store_t *st,
                       const worst_key_t *keys, const bool *in_scope);

#endif

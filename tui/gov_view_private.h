/* gov_view_private: what the three parts of the gov view share — the KPI
 * board and indices (gov_view.c), the events board (gov_events.c) and the
 * tier table (gov_tiers.c). Private to them. The scratch arrays live as long
 * as the gov_view and only grow, so an update at city scale allocates
 * nothing once they are big enough. */
#ifndef CITYDASH_GOV_VIEW_PRIVATE_H
#define CITYDASH_GOV_VIEW_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gov_view.h"

typedef struct gov_kpi_key {
	const kpi_t *kpi;
	size_t index;
	int group;         /* 0 off target, 1 no data, 2 on target */
	double attainment; /* NAN with no data */
} gov_kpi_key_t;

typedef struct gov_event_key {
	const event_t *event;
	size_t index;
	bool overdue;
} gov_event_key_t;

struct gov_scratch {
	gov_kpi_key_t *kpi_keys;
	const kpi_t **kpi_ptrs; /* the in-scope KPIs, for kpi_index_compute */
	size_t kpi_cap;
	gov_event_key_t *event_keys;
	size_t event_key_cap;
	/* Tier rows by name: open addressing, slots hold row + 1 (0: empty). */
	uint32_t *row_hash;
	size_t row_hash_cap;
	bool *row_seen;
	size_t row_seen_cap;
	/* Each row's place in gv->tiers by its key (index + 1; 0: gone),
	 * keys below next_key. */
	uint32_t *row_at;
	size_t row_at_cap;
	uint32_t next_key;
	/* The row each reading (by store index) counted in: its key + 1 (0:
	 * none, out of scope or unplaced), good while the reading keeps its
	 * label stamp and the rows their keys (epoch). Looking the row up by
	 * name for 4,476 readings at every evaluation was a tenth of it. */
	struct gov_reading_row {
		uint64_t label_stamp;
		uint32_t epoch, key;
	} *reading_row;
	size_t reading_row_cap;
	uint32_t epoch; /* renewed when the scope changes or the keys restart */
	scope_t rows_scope; /* what the rows were counted for */
};

/* `array` (of `size`-byte elements, *cap of them) grown to hold `need`;
 * returns it (moved or not), *cap updated. */
void *gov_grow(void *array, size_t *cap, size_t need, size_t size);

void gov_events_update(gov_view_t *gv, const store_t *st, const scope_t *scope, int64_t clock_ms);
void gov_tiers_update(gov_view_t *gv, const store_t *st, const view_t *v, const scope_t *scope,
                      int64_t clock_ms);
void gov_tiers_free(gov_view_t *gv);

#endif

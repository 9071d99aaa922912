/* kpi_board: the rows of the KPI board — a header per category of the gov
 * view, then its KPIs unless the category is folded — and the fold state
 * (nav_t.kpi_folded, category names by hash). Pure: no curses; page_kpis.c
 * draws the rows and moves through them.
 *
 * A row's identity, kept in nav_t.kpis.serial across updates: a KPI's
 * serial (kpi_t.serial), or for a category header KPI_BOARD_HEADER | the
 * hash of its name (KPI serials are counters that never reach that bit). */
#ifndef CITYDASH_KPI_BOARD_H
#define CITYDASH_KPI_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gov_view.h"
#include "pages.h"

#define KPI_BOARD_HEADER (UINT64_C(1) << 63)

typedef struct kpi_board_row {
	size_t category; /* gov_view categories[] index */
	bool header;     /* a category's header row, else one KPI */
	gov_ref_t ref;   /* the KPI (not for a header) */
	uint64_t serial; /* the row's identity (above) */
} kpi_board_row_t;

typedef struct kpi_board {
	kpi_board_row_t *rows;
	size_t count;
	size_t matched, kpis; /* KPIs the text filter matches (folded too), of all */
} kpi_board_t;

/* The rows for the gov view as the store and the fold state have them now;
 * KPIs whose reference no longer holds (gov_kpi NULL) are left out, and
 * with a text filter (nav.filter) those it does not match, and categories
 * with no KPI it matches. Frees
 * with kpi_board_free. */
void kpi_board_build(kpi_board_t *b, const gov_view_t *gv, const store_t *st, const nav_t *nav);
void kpi_board_free(kpi_board_t *b);

/* The row that holds `*serial`, else `row` clamped; *serial becomes the
 * identity of the row returned. 0 for an empty board. */
int kpi_board_find(const kpi_board_t *b, int row, uint64_t *serial);

uint32_t kpi_board_hash(const char *name);
bool kpi_board_folded(const nav_t *nav, const char *category);
/* Folds or unfolds one category (no-op when folding a 65th: the state has
 * room for 64; it is then shown unfolded). */
void kpi_board_set_folded(nav_t *nav, const char *category, bool folded);
/* Folds every category if any is unfolded, else unfolds them all. */
void kpi_board_fold_all(nav_t *nav, const gov_view_t *gv);

#endif

/* overview_grid: which domain blocks the overview shows and how they tile.
 * No curses: unit-tested.
 *
 * A domain gets a block while something says it is, or may be, sent:
 *   - some source has readings of it (anywhere in the city, not only in
 *     the scope: a district without bridges still has a Bridges block);
 *   - a source without readings that fails or has not answered yet is
 *     named after it ("water", "Bridges"), as the blocks' notes read it;
 *   - a source without readings fails or has not answered and is named
 *     after no domain (a "city" feed): it may send any, so all six show.
 * Otherwise no configured source sends it and its room goes to the others.
 * A failing source never hides a domain: its readings (kept while it
 * fails) or its name keep the block, which says that it fails. The
 * "other" block (readings whose domain token is none of the six) joins
 * while such readings exist, in the grid like the rest. If nothing is
 * sent at all, the six show, each saying it has no data.
 *
 * The grid: up to 2 blocks across below 120 columns, else one per 40
 * columns, as few rows as that allows, the blocks spread evenly over them
 * (six blocks: 2x3 below 120 columns, 3x2 from there, as always); the last
 * row's blocks share its whole width, so no hole is left. */
#ifndef CITYDASH_OVERVIEW_GRID_H
#define CITYDASH_OVERVIEW_GRID_H

#include "store.h"
#include "view.h"

/* The domains to show, in domain order, into out; returns how many. */
int overview_domains_shown(const view_t *v, const store_t *st, domain_t out[DOMAIN_COUNT]);

typedef struct overview_grid {
	int n;          /* blocks */
	int cols, rows; /* blocks across (in full rows) and down */
} overview_grid_t;

overview_grid_t overview_grid_plan(int w, int n);

/* Where block i (0 ≤ i < n) goes: its row, x and width in a grid w wide. */
void overview_grid_cell(const overview_grid_t *g, int i, int w, int *row, int *x, int *width);

#endif

/* overview: the parts of the overview page (page_overview.c lays them out):
 *   overview_gov.c   — the lines above the blocks: the five indices, the
 *                      events summary, critical events named, the worst
 *                      districts (from ctx->gov; nothing when it is NULL);
 *   overview_block.c — one domain block (its counts and the readings it
 *                      lists) and the alarm pane.
 * How they choose what to show is in README.md, "How the overview chooses
 * what to show". Private to the overview. */
#ifndef CITYDASH_OVERVIEW_H
#define CITYDASH_OVERVIEW_H

#include <stdbool.h>
#include <curses.h>

#include "pages.h"

/* Rows the gov lines take given at most `budget` rows (0 without a gov
 * view; fewer when a line has nothing to say). */
int overview_gov_rows(const ui_ctx_t *ctx, int budget);
/* Draws them in rows [y, y + rows) over w columns. */
void overview_gov_draw(WINDOW *win, int y, int rows, int w, const ui_ctx_t *ctx);

/* With a text filter (nav.filter, filter.h; "" none), a block lists only
 * the readings it matches, the pane only the alarms. */
void overview_block_draw(WINDOW *win, int y, int x, int h, int w, const ui_ctx_t *ctx, domain_t d,
                         bool focused, const char *filter);
void overview_alarm_pane_draw(WINDOW *win, int y, int h, int w, const ui_ctx_t *ctx,
                              const char *filter);

#endif

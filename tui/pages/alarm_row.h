/* alarm_row: one alarm on one line, shared by the alarms page's tabs and
 * the overview's alarm pane. Its state is never told by colour alone: a
 * glyph and the ISA tag ("▲ UNACK", "✔ ACKED"; "! UNACK" in ASCII), then
 * priority, level, since when, place, name and value; at wider widths the
 * limit crossed and who acknowledged or shelved it (and till when).
 * Unacknowledged alarms stand out (reverse tag, bold name). */
#ifndef CITYDASH_ALARM_ROW_H
#define CITYDASH_ALARM_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

#include "pages.h"

/* Widths from which the row adds its wider columns. */
#define ALARM_ROW_AGE_COLS 100  /* the age beside the time of day, a wider place, the
                                   priority as a word (narrower: "P1" high, "P2") */
#define ALARM_ROW_WHO_COLS 130  /* the limit crossed, who acked / shelved */

/* The state's glyph: "▲" UNACK, "✔" ACKED, "↺" RTNUN, "⏸" SHLVD, "⊘" DSUPR,
 * "○" OOSRV, "·" NORM (ASCII: "!", "+", "<", "=", "/", "o", "."). */
const char *alarm_row_state_glyph(isa_state_t state);
/* "HIGH", "MED" (N_ words would change the columns: not translated). */
const char *alarm_row_priority_tag(alarm_priority_t p);
/* The level column: LIMIT its level (its peak once returned), FAULT "FLT",
 * COMM "COMM". */
const char *alarm_row_level_tag(const alarm_info_t *a);

/* Draws alarm `a` in w columns at (y, x). */
void alarm_row_draw(WINDOW *win, int y, int x, int w, const ui_ctx_t *ctx, const alarm_info_t *a,
                    bool selected);

#endif

/* alarm_row: one active alarm on one line — level, since when, place, name,
 * value — shared by the overview's pane and the alarms page. */
#ifndef CITYDASH_ALARM_ROW_H
#define CITYDASH_ALARM_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

#include "pages.h"

/* "HIHI 18:02:11  江北区 观音桥街道  name  0.95 MPa" for the alarm `a`, in w
 * columns at (y, x). */
void alarm_row_draw(WINDOW *win, int y, int x, int w, const ui_ctx_t *ctx, const alarm_info_t *a,
                    bool selected);

#endif

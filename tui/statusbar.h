/* statusbar: the bottom line — every source's health and data age, and the
 * clock. A failing source always shows with its reason; when space runs
 * out, what is not listed is still counted ("+2 failing", "+5 ok"). Alarm
 * management's notes lead it (status_notes.h). */
#ifndef CITYDASH_STATUSBAR_H
#define CITYDASH_STATUSBAR_H

#include <curses.h>

#include "pages.h"

void statusbar_draw(WINDOW *win, const ui_ctx_t *ctx);
/* The same, led by alarm management's notes (status_notes.h): the last
 * action's outcome, journal and Alertmanager trouble. */
void statusbar_draw_nav(WINDOW *win, const ui_ctx_t *ctx, const nav_t *nav);

#endif

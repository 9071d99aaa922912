/* status_fields: where the operator is, at the left of the status bar —
 * scope, page, the text filter and how old the oldest data the page shows
 * is ("City │ Overview │ filter: jb │ oldest 12s"). When room is short it
 * shortens in this order: "filter:" becomes "/", the scope keeps its last
 * part, the page goes (the title names it), then the scope; the filter is
 * cut last; the age always stays. They follow the sources on the status
 * bar and get what the sources leave, but never less than their shortest
 * form (status_fields_min). */
#ifndef CITYDASH_STATUS_FIELDS_H
#define CITYDASH_STATUS_FIELDS_H

#include <curses.h>

#include "pages.h"

/* Columns of the shortest form: the age and the filter's head (0 when
 * neither is there). The status bar keeps them free of the sources. */
int status_fields_min(const ui_ctx_t *ctx, const nav_t *nav);
/* Draws the fields in row 0 of win from x, in at most `max` columns;
 * returns the columns used. */
int status_fields_draw(WINDOW *win, int x, int max, const ui_ctx_t *ctx, const nav_t *nav);
/* The text of form `form` (0 the longest) into buf; false past the last. */
bool status_fields_text(int form, const ui_ctx_t *ctx, const nav_t *nav, char *buf, size_t size);

#endif

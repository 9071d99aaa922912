/* reading_facts: what the reading page (L4) says of a reading besides its
 * chart — value, state, quality, age, place, id, source, range and limits —
 * as "label value" pairs in one or two columns, the limits last on a row of
 * their own (the longest). */
#ifndef CITYDASH_READING_FACTS_H
#define CITYDASH_READING_FACTS_H

#include <stddef.h>
#include <curses.h>

#include "pages.h"

/* Rows reading_facts_draw takes in `cols` columns (1 or 2). */
int reading_facts_rows(int cols);
/* Draws the facts of the reading at store index `reading` (which exists)
 * from (y, x) in `width` columns. */
void reading_facts_draw(WINDOW *win, int y, int x, int width, int cols, const ui_ctx_t *ctx,
                        size_t reading);

#endif

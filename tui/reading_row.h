/* reading_row: one reading on one line — marker, name, [place], gauge,
 * value, [history], [age] — shared by the overview and the domain page so a
 * reading looks the same everywhere. Columns are chosen from the width. */
#ifndef CITYDASH_READING_ROW_H
#define CITYDASH_READING_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

#include "pages.h"

typedef struct reading_row_opts {
	bool detailed; /* domain page: place, history and age when they fit */
	bool selected;
} reading_row_opts_t;

void reading_row_draw(WINDOW *win, int y, int x, int width, const ui_ctx_t *ctx, size_t reading,
                      const reading_row_opts_t *opts);

/* Draws the column titles matching reading_row_draw(detailed) at `width`. */
void reading_row_header(WINDOW *win, int y, int x, int width);

#endif

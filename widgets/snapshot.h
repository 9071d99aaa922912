/* snapshot: reads what a curses window shows back as UTF-8 text, one line
 * per row, for --dump and for tests. */
#ifndef CITYDASH_SNAPSHOT_H
#define CITYDASH_SNAPSHOT_H

#include <stdbool.h>
#include <curses.h>

/* Returns the window's rows as UTF-8 lines separated by '\n', trailing
 * spaces trimmed. Wide characters appear once; line-drawing (ACS) cells are
 * turned into their Unicode (or, with `ascii`, + - |) equivalents. The caller
 * frees the result. */
char *snapshot_text(WINDOW *win, bool ascii);

/* Every cell, nothing trimmed, each row ending in "|\n" so trailing spaces
 * show: the form golden-file tests compare. The caller frees the result. */
char *snapshot_grid(WINDOW *win);

#endif

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
/* The same, line-drawing cells in their ASCII faces when `ascii`. */
char *snapshot_grid_faces(WINDOW *win, bool ascii);

/* The grid above (line drawing in ASCII when `ascii`), then the colours and attributes of every cell, for golden
 * screens that must catch a colour change (snapshot_style.c):
 *
 *   -- styles (row: CLASS*COLUMNS ...)
 *    0: 0*1 7B*30 0*49
 *   -- legend (CLASS: colours and attributes as the terminal gets them)
 *   0: default on default
 *   7B: fg 1 on default, bold
 *
 * A class is the cell's colour pair number followed by one letter per
 * attribute (B bold, D dim, R reverse, U underline, S standout, K blink,
 * I italic, V invisible), so a theme's colour change touches the legend only
 * and a page's change of role only its rows. Runs count terminal columns (a
 * wide character's two). Colours are resolved through the SCREEN's pairs
 * (pair_content): numbers, and #rrggbb for those of the 256-colour cube and
 * above, as curses holds them. The caller frees the result. */
char *snapshot_styled(WINDOW *win, bool ascii);

#endif

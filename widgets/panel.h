/* panel: a titled box. The title is cut to fit; the box is drawn with the
 * terminal's line characters (ACS), which also work in ASCII mode. */
#ifndef CITYDASH_PANEL_H
#define CITYDASH_PANEL_H

#include <stdbool.h>
#include <curses.h>

/* Draws a box of h rows and w columns at (y, x) with `title` in its top
 * border (may be NULL), highlighted when `focused`. */
void panel_draw(WINDOW *win, int y, int x, int h, int w, const char *title, bool focused);

#endif

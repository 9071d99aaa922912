/* mouse: clicks and the wheel, turned into what keys do — nothing needs
 * the mouse. A click on a row selects it (the page's own movement keys are
 * applied until the selection is there, so every list keeps its own rules);
 * a click on the selected row, or a double click, opens it (Enter); the
 * wheel moves three rows; a click on an item of the key bar acts as its
 * key. On the overview a click focuses a domain block, and a second opens
 * it.
 *
 * Pages say where they drew their rows while drawing (mouse_note_row into
 * nav.hits, which the frame empties first); the event loop reads the event
 * (getmouse) and applies the actions mouse_actions returns, as keys. Tests
 * build the MEVENT themselves: no terminal needed. */
#ifndef CITYDASH_MOUSE_H
#define CITYDASH_MOUSE_H

#include <curses.h>

#include "frame.h"
#include "pages.h"

#define MOUSE_ACTIONS_MAX 512 /* at most one list's height of moves, and Enter */
#define MOUSE_WHEEL_ROWS 3

/* Asks the terminal for clicks, double clicks and the wheel. */
void mouse_enable(void);

/* Notes that row `row` of the page's list was drawn on line y of win,
 * columns [x, x + w) (window coordinates); `selected` if it is the
 * selected one. Rows beyond NAV_HITS_MAX are not clickable. */
void mouse_note_row(nav_t *nav, WINDOW *win, int y, int x, int w, int row, bool selected);
/* The same for a block that spans lines [y, y + h). */
void mouse_note_block(nav_t *nav, WINDOW *win, int y, int x, int h, int w, int row,
                      bool selected);

/* What the event does on the frame as last drawn: actions for the event
 * loop to apply in order, as keys (ACT_QUIT included, from the key bar),
 * into out[0..max); returns how many. May change nav itself only to focus
 * an overview block. */
int mouse_actions(const MEVENT *ev, const frame_t *f, nav_t *nav, action_t *out, int max);

#endif

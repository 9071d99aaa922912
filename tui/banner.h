/* banner: the wall's band across the top of the body for a new
 * high-priority alarm (nav.banner, set by kiosk.h): its lines are "what
 * and when", the name, the place, separated by '\n'. Three rows, one per
 * line, on a big screen; one row, the lines joined, on a small one. The
 * frame (frame.c) draws it and gives the page the rows below it. */
#ifndef CITYDASH_BANNER_H
#define CITYDASH_BANNER_H

#include <curses.h>

/* Body rows from which the banner takes three rows rather than one. */
#define BANNER_TALL_BODY_ROWS 40

/* Rows the banner `text` takes in a body `body_rows` tall: 0 when there is
 * none. */
int banner_rows(const char *text, int body_rows);

/* Draws it in `rows` rows (banner_rows) at row y of win, full width, in
 * ROLE_BANNER. */
void banner_draw(WINDOW *win, int y, int rows, const char *text);

#endif

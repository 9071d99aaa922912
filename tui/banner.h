/* banner: the wall's band across the top of the body for a new
 * high-priority alarm (nav.banner, set by kiosk.h). Its text is up to four
 * lines separated by '\n': what happened ("▲ NEW HIGH-PRIORITY ALARM"),
 * the alarm's name, its place, the details (level, state, since when).
 * On a big screen three rows: what happened and the details, the name in
 * bold, the place; on a small one a single row, the lines joined in that
 * order so that what is cut is the details. The frame (frame.c) draws it
 * and gives the page the rows below it. */
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

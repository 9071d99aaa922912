/* bigdigits: numbers drawn several rows tall, for the headline figures on
 * the wall (tui/pages/page_wall.c) — readable from across a control room.
 *
 * Sizes, by the rows a figure takes:
 *   1   plain text, the fallback when nothing taller fits;
 *   3   half blocks ("█▀"), as the KPI board's scores; with
 *       --ascii a seven-segment figure of '_' and '|';
 *   5k  (5, 10, 15 …) a 3×5 pixel font, each pixel k rows tall and 2k
 *       columns wide, drawn with "█" (ASCII: '#').
 * Drawn: digits, '.', '-', '+' and ' '. A text holding anything else has
 * no large form (bigdigits_width returns -1) and is drawn as plain text.
 * Callers measure with bigdigits_width or let bigdigits_fit choose the
 * tallest size that fits a box. The widget keeps no state. */
#ifndef CITYDASH_BIGDIGITS_H
#define CITYDASH_BIGDIGITS_H

#include <curses.h>

#define BIGDIGITS_PLAIN 1 /* the fallback: plain text */
#define BIGDIGITS_SMALL 3 /* half blocks / seven segments */
#define BIGDIGITS_PIXEL 5 /* one step of the pixel font: 5, 10, 15 … rows */

/* Whether `rows` is a size the widget draws (1, 3 or a multiple of 5). */
int bigdigits_is_size(int rows);

/* Columns `text` takes at `rows` rows tall (the gaps between characters
 * included, none after the last), or -1 if that size cannot draw it (a
 * character without a large form, or not a size). rows 1: its text width. */
int bigdigits_width(const char *text, int rows);

/* The tallest size, at most max_rows tall, in which `text` fits `cols`
 * columns: a multiple of 5, 3, or BIGDIGITS_PLAIN (which may still be too
 * wide: text_draw then cuts it). 0 when max_rows < 1 or cols < 1. */
int bigdigits_fit(const char *text, int max_rows, int cols);

/* Draws `text` `rows` rows tall at (y, x) in at most maxcols columns, in
 * `attr`. A size that cannot draw the text or does not fit maxcols falls
 * back to plain text on the first row. Returns the columns drawn. */
int bigdigits_draw(WINDOW *win, int y, int x, int rows, int maxcols, const char *text, attr_t attr);

#endif

/* score: a number in large digits, three rows tall, for the composite
 * indices on the KPI board and the overview — readable from across a
 * control room. Digits are drawn with half blocks ("█▀▄"), or with --ascii
 * as a seven-segment figure of '_' and '|'. Digits, '.', '-' and ' ' are
 * drawn; anything else as a blank of one column. */
#ifndef CITYDASH_SCORE_H
#define CITYDASH_SCORE_H

#include <curses.h>

#define SCORE_ROWS 3

/* Columns `text` takes in large digits (a digit or '-' three plus a gap of
 * one, '.' one plus the gap). */
int score_width(const char *text);

/* Draws `text` in large digits at (y, x), three rows, in at most maxcols
 * columns (whole characters only); returns the columns drawn. */
int score_draw(WINDOW *win, int y, int x, int maxcols, const char *text, attr_t attr);

#endif

/* sparkline: recent history in one row of block characters. */
#ifndef CITYDASH_SPARKLINE_H
#define CITYDASH_SPARKLINE_H

#include <stddef.h>
#include <curses.h>

/* Draws the last `width` of values[0..n) (oldest first) at (y, x), scaled to
 * [min, max]; if min >= max the scale is taken from the data. NAN samples
 * are gaps. Fewer samples than width: right-aligned, blanks on the left. */
void sparkline_draw(WINDOW *win, int y, int x, int width, const float *values, size_t n, double min,
                    double max);

#endif

/* chart: a series over time as a large plot, for a reading's page (L4) and a
 * KPI's: the values as a line of dots (braille cells, 2×4 dots each; with
 * --ascii, '*'), a y axis with its scale at the left, time labels under the
 * ends, horizontal reference lines (limits, a target) labelled at the right,
 * and shaded bands (a deadband around a limit). Knows nothing of readings:
 * the caller hands it numbers.
 *
 * Everything is drawn inside the h × w rectangle at (y, x); too small a
 * rectangle (under 3 rows or 16 columns) draws nothing. */
#ifndef CITYDASH_CHART_H
#define CITYDASH_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

#include "../themes/theme.h"

typedef struct chart_line {
	double y;
	theme_role_t role;
	const char *label; /* e.g. "HI 80", drawn at the right end; NULL: none */
} chart_line_t;

typedef struct chart_band {
	double lo, hi; /* shaded between, in the value's unit */
	theme_role_t role;
} chart_band_t;

typedef struct chart {
	const float *values;      /* oldest first; NAN are gaps */
	size_t n;
	double min, max;          /* y scale; min >= max: from the values, lines and bands */
	const chart_line_t *lines;
	size_t line_count;
	const chart_band_t *bands;
	size_t band_count;
	const char *left, *right; /* labels under the first and last sample ("-10m",
	                             "now"); NULL: none */
	const char *unit;         /* shown beside the y scale; NULL: none */
	bool ascii;               /* '*' dots and '-' lines instead of braille and box lines */
} chart_t;

void chart_draw(WINDOW *win, int y, int x, int h, int w, const chart_t *c);

#endif

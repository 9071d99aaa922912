/* chart_scale: the y scale of a chart (widgets/chart.c) — "nice" bounds and
 * tick steps (1, 2 or 5 × 10^k) so that the labels read as round numbers,
 * and the labels' text. Pure arithmetic, no curses, unit-testable alone. */
#ifndef CITYDASH_CHART_SCALE_H
#define CITYDASH_CHART_SCALE_H

#include <stddef.h>

typedef struct chart_scale {
	double lo, hi; /* lo < hi, both multiples of step */
	double step;   /* distance between two labels */
	int decimals;  /* digits after the point the labels need */
} chart_scale_t;

/* The scale for data in [min, max] with about `ticks` labels (at least 2).
 * A flat range (min == max) is widened around the value; non-finite input
 * gives [0, 1]. */
chart_scale_t chart_scale_make(double min, double max, int ticks);

/* The label of value v on the scale, e.g. "12.5" (no unit), into buf. */
void chart_scale_label(const chart_scale_t *s, double v, char *buf, size_t size);

#endif

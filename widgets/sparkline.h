/* sparkline: recent history in one row of block characters.
 *
 * The scale: a caller that knows the measure's scale (a KPI's target band,
 * an index's 0..100) gives it as [min, max]. Otherwise the scale is the
 * shown samples' own lowest and highest, widened about their middle to at
 * least `min_span`: without that floor a steady value (10.0 kV with a
 * last-digit jitter) would swing from the lowest bar to the highest. The
 * caller says the scale on screen (sparkline_scale gives it). */
#ifndef CITYDASH_SPARKLINE_H
#define CITYDASH_SPARKLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

typedef struct sparkline {
	const float *values; /* oldest first; NAN samples are gaps */
	size_t n;
	double min, max; /* the scale; not min < max: from the samples shown */
	double min_span; /* the least span a scale from the samples gets (0: none) */
} sparkline_t;

/* The scale the last `width` samples are drawn on; false if none of them
 * is a number. A flat series with no min_span gives lo == hi (drawn at
 * mid-height). Pure. */
bool sparkline_scale(const sparkline_t *s, int width, double *lo, double *hi);

/* Draws the last `width` samples at (y, x) on sparkline_scale's scale.
 * Fewer samples than width: right-aligned, blanks on the left. */
void sparkline_draw_spec(WINDOW *win, int y, int x, int width, const sparkline_t *s);

/* The same with the scale given, or (min >= max) the samples' own, without
 * a floor: for KPI trends and indices, whose callers give their scale. */
void sparkline_draw(WINDOW *win, int y, int x, int width, const float *values, size_t n, double min,
                    double max);

#endif

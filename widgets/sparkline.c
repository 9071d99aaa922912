#include "sparkline.h"

#include <limits.h>
#include <math.h>

#include "../themes/theme.h"
#include "glyphs.h"
#include "text_draw.h"

#define SPARK_LEVELS 8

/* The scale of the shown samples when the caller gives none; false if no
 * sample is a number. */
static bool spark_range(const float *v, size_t n, double *lo, double *hi)
{
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(v[i]))
			continue;
		if (!any || v[i] < *lo)
			*lo = v[i];
		if (!any || v[i] > *hi)
			*hi = v[i];
		any = true;
	}
	return any;
}

/* Level 0..7 of v on [lo, hi]; a flat series (lo == hi) sits at mid-height. */
static int spark_level(double v, double lo, double hi)
{
	if (!(hi > lo))
		return SPARK_LEVELS / 2 - 1;
	double f = (v - lo) / (hi - lo) * (SPARK_LEVELS - 1) + 0.5;
	if (!(f >= 0))
		return 0;
	if (f >= SPARK_LEVELS - 1)
		return SPARK_LEVELS - 1;
	return (int)f;
}

void sparkline_draw(WINDOW *win, int y, int x, int width, const float *values, size_t n, double min,
                    double max)
{
	if (win == NULL || width <= 0 || x > INT_MAX - width)
		return;
	attr_t attr = theme_attr(ROLE_SPARK);
	text_fill(win, y, x, width, attr);
	if (values == NULL || n == 0)
		return;

	size_t shown = n < (size_t)width ? n : (size_t)width;
	const float *v = values + (n - shown);
	int x0 = x + width - (int)shown; /* right-aligned */
	double lo = min, hi = max;
	if (!(isfinite(min) && isfinite(max) && min < max) && !spark_range(v, shown, &lo, &hi))
		return; /* nothing but gaps */

	const glyphs_t *gl = glyphs();
	for (size_t i = 0; i < shown; i++) {
		if (!isfinite(v[i]))
			continue; /* a gap stays blank */
		text_draw(win, y, x0 + (int)i, 1, gl->spark[spark_level(v[i], lo, hi)], attr);
	}
}

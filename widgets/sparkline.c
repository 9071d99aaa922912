/* sparkline: recent history in one row of block characters (sparkline.h). */
#include "sparkline.h"

#include <limits.h>
#include <math.h>

#include "../themes/theme.h"
#include "glyphs.h"
#include "text_draw.h"

#define SPARK_LEVELS 8

/* The range of the samples; false if no sample is a number. */
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

/* The samples drawn in `width` columns: the last ones. */
static size_t shown_of(const sparkline_t *s, int width)
{
	if (s->values == NULL || width <= 0)
		return 0;
	return s->n < (size_t)width ? s->n : (size_t)width;
}

bool sparkline_scale(const sparkline_t *s, int width, double *lo, double *hi)
{
	size_t shown = shown_of(s, width);
	const float *v = shown ? s->values + (s->n - shown) : NULL;
	double a = 0, b = 0;
	if (!spark_range(v, shown, &a, &b))
		return false;
	if (isfinite(s->min) && isfinite(s->max) && s->min < s->max) {
		*lo = s->min;
		*hi = s->max;
		return true;
	}
	if (isfinite(s->min_span) && s->min_span > 0 && b - a < s->min_span) {
		double mid = a / 2 + b / 2;
		a = mid - s->min_span / 2;
		b = mid + s->min_span / 2;
	}
	*lo = a;
	*hi = b;
	return true;
}

void sparkline_draw_spec(WINDOW *win, int y, int x, int width, const sparkline_t *s)
{
	if (win == NULL || s == NULL || width <= 0 || x > INT_MAX - width)
		return;
	attr_t attr = theme_attr(ROLE_SPARK);
	text_fill(win, y, x, width, attr);
	double lo, hi;
	if (!sparkline_scale(s, width, &lo, &hi))
		return; /* nothing but gaps */
	size_t shown = shown_of(s, width);
	const float *v = s->values + (s->n - shown);
	int x0 = x + width - (int)shown; /* right-aligned */
	const glyphs_t *gl = glyphs();
	for (size_t i = 0; i < shown; i++) {
		if (!isfinite(v[i]))
			continue; /* a gap stays blank */
		text_draw(win, y, x0 + (int)i, 1, gl->spark[spark_level(v[i], lo, hi)], attr);
	}
}

void sparkline_draw(WINDOW *win, int y, int x, int width, const float *values, size_t n, double min,
                    double max)
{
	sparkline_t s = {.values = values, .n = n, .min = min, .max = max};
	sparkline_draw_spec(win, y, x, width, &s);
}

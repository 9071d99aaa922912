#include "chart_scale.h"

#include <math.h>
#include <stdio.h>

/* 1, 2 or 5 × 10^k, the smallest not under raw (raw > 0). */
static double chart_nice_step(double raw)
{
	double mag = pow(10.0, floor(log10(raw)));
	double f = raw / mag;
	if (f <= 1.0)
		return mag;
	if (f <= 2.0)
		return 2.0 * mag;
	if (f <= 5.0)
		return 5.0 * mag;
	return 10.0 * mag;
}

chart_scale_t chart_scale_make(double min, double max, int ticks)
{
	chart_scale_t s = {.lo = 0.0, .hi = 1.0, .step = 0.5, .decimals = 1};
	if (!isfinite(min) || !isfinite(max))
		return s;
	if (min > max) {
		double t = min;
		min = max;
		max = t;
	}
	if (min == max) {
		/* A flat series sits in the middle of a small range around it. */
		double pad = fabs(min) * 0.05;
		if (!(pad > 1e-9))
			pad = 1.0;
		min -= pad;
		max += pad;
	}
	if (ticks < 2)
		ticks = 2;
	double range = max - min;
	if (!isfinite(range) || !(range > 0))
		return s;
	s.step = chart_nice_step(range / (ticks - 1));
	s.lo = floor(min / s.step) * s.step;
	s.hi = ceil(max / s.step) * s.step;
	if (!(s.hi > s.lo))
		s.hi = s.lo + s.step;
	int d = -(int)floor(log10(s.step));
	s.decimals = d < 0 ? 0 : d > 6 ? 6 : d;
	return s;
}

void chart_scale_label(const chart_scale_t *s, double v, char *buf, size_t size)
{
	if (size == 0)
		return;
	if (fabs(v) < s->step * 1e-6)
		v = 0.0; /* no "-0" */
	if (fabs(v) >= 1e6)
		snprintf(buf, size, "%.3g", v);
	else
		snprintf(buf, size, "%.*f", s->decimals, v);
}

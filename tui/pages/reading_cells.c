/* reading_cells: texts of the detailed reading row's columns (reading_cells.h). */
#include "reading_cells.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "glyphs.h"
#include "i18n.h"

const char *reading_cells_state_word(view_states_t states)
{
	static const char *const words[VS_COUNT + 1] = {
	    [VS_ALARM] = N_("ALARM"),         [VS_WARNING] = N_("WARN"), [VS_BAD] = N_("BAD"),
	    [VS_LIMITS_INVALID] = N_("NOLIM"), [VS_STALE] = N_("STALE"),  [VS_NOVALUE] = N_("NULL"),
	    [VS_UNCERTAIN] = N_("DOUBT"),     [VS_COUNT] = "",
	};
	return words[view_worst(states)];
}

const char *reading_cells_state_shown(view_states_t states)
{
	const char *w = reading_cells_state_word(states);
	return w[0] ? _(w) : ""; /* _("") would be the catalogue's header */
}

void reading_cells_number(double v, char *buf, size_t size)
{
	double a = fabs(v);
	if (!isfinite(v))
		snprintf(buf, size, "?");
	else if (a >= 1e4 && a < 1e7)
		snprintf(buf, size, "%.0f", v);
	else
		snprintf(buf, size, "%.4g", v == 0 ? 0.0 : v); /* never "-0" */
}

void reading_cells_measured(double v, double ref, char *buf, size_t size)
{
	double a = fabs(ref);
	if (!isfinite(v) || !isfinite(ref) || (a != 0 && (a >= 1e6 || a < 1e-3))) {
		reading_cells_number(v, buf, size);
		return;
	}
	/* format.c's decimals by magnitude: about four significant digits. */
	int prec = a == 0 ? 0 : a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 3;
	snprintf(buf, size, "%.*f", prec, v);
	if (strcmp(buf, "-0") == 0 || strspn(buf, "-0.") == strlen(buf))
		snprintf(buf, size, "%.*f", prec, 0.0); /* never "-0.00" */
}

void reading_cells_minmax(double lo, double hi, char *buf, size_t size)
{
	double ref = fabs(lo) > fabs(hi) ? lo : hi;
	char a[40], b[40];
	reading_cells_measured(lo, ref, a, sizeof a);
	reading_cells_measured(hi, ref, b, sizeof b);
	snprintf(buf, size, "%s/%s", a, b);
}

void reading_cells_limits(const reading_t *r, bool outer, char *buf, size_t size)
{
	unsigned lo_bit = outer ? LIMIT_LOLO : LIMIT_LO, hi_bit = outer ? LIMIT_HIHI : LIMIT_HI;
	double lo = outer ? r->limits.lolo : r->limits.lo, hi = outer ? r->limits.hihi : r->limits.hi;
	buf[0] = '\0';
	if (r->limits_invalid || !(r->limits.mask & (lo_bit | hi_bit)))
		return;
	char a[32] = "", b[32] = "";
	if (r->limits.mask & lo_bit)
		reading_cells_number(lo, a, sizeof a);
	if (r->limits.mask & hi_bit)
		reading_cells_number(hi, b, sizeof b);
	snprintf(buf, size, "%s/%s", a, b);
}

double reading_cells_min_span(const reading_t *r, double mid)
{
	double span = 0.02 * fabs(mid);
	double range = r->range_max - r->range_min;
	if (isfinite(range) && 0.01 * range > span)
		span = 0.01 * range;
	return isfinite(span) ? span : 0;
}

reading_hist_t reading_cells_history(const float *values, size_t n, size_t shown,
                                     const reading_t *r)
{
	reading_hist_t h = {.trend = TREND_NONE};
	if (shown > n)
		shown = n;
	const float *v = values + (n - shown);
	size_t count = 0;
	for (size_t i = 0; i < shown; i++) {
		if (!isfinite(v[i]))
			continue;
		if (!h.any || v[i] < h.lo)
			h.lo = v[i];
		if (!h.any || v[i] > h.hi)
			h.hi = v[i];
		h.any = true;
		count++;
	}
	if (count < 2)
		return h;
	/* Means of the first and last thirds (at least one sample each). */
	size_t third = shown / 3 ? shown / 3 : 1;
	double first = 0, last = 0;
	size_t nf = 0, nl = 0;
	for (size_t i = 0; i < third; i++) {
		if (isfinite(v[i])) {
			first += v[i];
			nf++;
		}
		if (isfinite(v[shown - 1 - i])) {
			last += v[shown - 1 - i];
			nl++;
		}
	}
	if (!nf || !nl)
		return h;
	first /= (double)nf;
	last /= (double)nl;
	double moved = last - first;
	double floor = reading_cells_min_span(r, h.lo / 2 + h.hi / 2) / 2;
	h.trend = fabs(moved) <= floor ? TREND_STEADY : moved > 0 ? TREND_UP : TREND_DOWN;
	return h;
}

const char *reading_cells_trend_glyph(reading_trend_t t)
{
	bool ascii = glyphs()->ascii;
	switch (t) {
	case TREND_UP:
		return ascii ? "^" : "\xe2\x86\x91"; /* ↑ */
	case TREND_DOWN:
		return ascii ? "v" : "\xe2\x86\x93"; /* ↓ */
	case TREND_STEADY:
		return ascii ? "=" : "\xe2\x86\x92"; /* → */
	default:
		return "";
	}
}

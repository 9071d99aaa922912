#include "gauge.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "glyphs.h"
#include "text_draw.h"

/* The bar is `width` cells; cell i stands for the values
 * [min + i * step, min + (i + 1) * step). It is filled up to the value's
 * cell, which holds the mark. Colour means abnormal (as in ISA-101 displays):
 * the fill takes the colour of the value's own state — neutral when normal,
 * warning or alarm otherwise — never the colour of the bands it passes, so a
 * normal reading never shows red. The empty track beyond the value shows the
 * bands (warning and alarm zones in their colours) and a tick at each limit,
 * so where the value stands relative to them reads without colour and in a
 * text dump too. */

enum gauge_band { BAND_NORMAL, BAND_WARN, BAND_ALARM };

static bool gauge_has(const gauge_limits_t *l, unsigned bit)
{
	return (l->mask & bit) != 0;
}

/* Band of a point strictly inside a cell (used for the track colours). */
static enum gauge_band gauge_band_of_cell(const gauge_limits_t *l, double v)
{
	if ((gauge_has(l, GAUGE_LOLO) && v < l->lolo) || (gauge_has(l, GAUGE_HIHI) && v > l->hihi))
		return BAND_ALARM;
	if ((gauge_has(l, GAUGE_LO) && v < l->lo) || (gauge_has(l, GAUGE_HI) && v > l->hi))
		return BAND_WARN;
	return BAND_NORMAL;
}

/* Band of the reading itself: beyond a limit, not at it — the same rule as
 * the alarm engine's (alarm_classify). */
static enum gauge_band gauge_band_of_value(const gauge_limits_t *l, double v)
{
	if ((gauge_has(l, GAUGE_LOLO) && v < l->lolo) || (gauge_has(l, GAUGE_HIHI) && v > l->hihi))
		return BAND_ALARM;
	if ((gauge_has(l, GAUGE_LO) && v < l->lo) || (gauge_has(l, GAUGE_HI) && v > l->hi))
		return BAND_WARN;
	return BAND_NORMAL;
}

/* The value's band: as the caller says, or from the limits. */
static enum gauge_band gauge_value_band(const gauge_t *g)
{
	switch (g->state) {
	case GAUGE_NORMAL:
		return BAND_NORMAL;
	case GAUGE_WARN:
		return BAND_WARN;
	case GAUGE_ALARM:
		return BAND_ALARM;
	default:
		return gauge_band_of_value(&g->limits, g->value);
	}
}

/* Cell holding v, clamped to the bar. */
static int gauge_cell(const gauge_t *g, int width, double v)
{
	double f = (v - g->min) / (g->max - g->min) * width;
	if (!(f >= 0))
		return 0;
	if (f >= width)
		return width - 1;
	return (int)f;
}

static void gauge_put(WINDOW *win, int y, int x, const char *glyph, attr_t attr)
{
	text_draw(win, y, x, 1, glyph, attr);
}

/* Centred message over the whole width (no value, fault). */
static void gauge_message(WINDOW *win, int y, int x, int width, const char *msg, attr_t attr)
{
	text_fill(win, y, x, width, attr);
	int w = text_draw_width(msg);
	int off = w < width ? (width - w) / 2 : 0;
	text_draw(win, y, x + off, width - off, msg, attr);
}

static void gauge_track(WINDOW *win, int y, int x, int width, const gauge_t *g, int fill_to)
{
	static const theme_role_t fill_role[] = {ROLE_GAUGE_FILL, ROLE_GAUGE_WARN_BAND,
	                                         ROLE_GAUGE_ALARM_BAND};
	static const theme_role_t empty_role[] = {ROLE_GAUGE_EMPTY, ROLE_GAUGE_WARN_BAND,
	                                          ROLE_GAUGE_ALARM_BAND};
	const glyphs_t *gl = glyphs();
	double step = (g->max - g->min) / width;
	int visible = getmaxx(win) - x; /* no work past the window's edge */
	attr_t fill = theme_attr(g->stale ? ROLE_STALE : fill_role[gauge_value_band(g)]);
	for (int i = 0; i < width && i < visible; i++) {
		if (i < fill_to) {
			gauge_put(win, y, x + i, gl->gauge_fill, fill);
			continue;
		}
		enum gauge_band b = gauge_band_of_cell(&g->limits, g->min + (i + 0.5) * step);
		gauge_put(win, y, x + i, gl->gauge_empty,
		          theme_attr(g->stale ? ROLE_STALE : empty_role[b]));
	}
	static const unsigned bits[] = {GAUGE_LOLO, GAUGE_LO, GAUGE_HI, GAUGE_HIHI};
	const double lim[] = {g->limits.lolo, g->limits.lo, g->limits.hi, g->limits.hihi};
	for (size_t k = 0; k < sizeof bits / sizeof bits[0]; k++) {
		if (!gauge_has(&g->limits, bits[k]) || !(lim[k] >= g->min && lim[k] <= g->max))
			continue;
		int i = gauge_cell(g, width, lim[k]);
		if (i < fill_to)
			continue; /* under the fill: the fill's colour already tells */
		enum gauge_band b = (bits[k] & (GAUGE_LOLO | GAUGE_HIHI)) ? BAND_ALARM : BAND_WARN;
		gauge_put(win, y, x + i, gl->limit_tick,
		          theme_attr(g->stale ? ROLE_STALE : empty_role[b]));
	}
}

theme_role_t gauge_role(const gauge_t *g)
{
	if (g->bad)
		return ROLE_BAD;
	if (!g->has_value || !isfinite(g->value))
		return ROLE_DIM;
	if (g->stale)
		return ROLE_STALE;
	static const theme_role_t band_role[] = {ROLE_VALUE, ROLE_WARN, ROLE_ALARM};
	return band_role[gauge_value_band(g)];
}

void gauge_draw(WINDOW *win, int y, int x, int width, const gauge_t *g)
{
	if (win == NULL || g == NULL || width < 3 || x > INT_MAX - width)
		return;
	if (g->bad) {
		gauge_message(win, y, x, width, _("fault"), theme_attr(ROLE_BAD));
		return;
	}
	if (!g->has_value || !isfinite(g->value)) {
		gauge_message(win, y, x, width, _("no value"), theme_attr(ROLE_DIM));
		return;
	}
	if (!isfinite(g->min) || !isfinite(g->max) || !(g->min < g->max)) {
		gauge_message(win, y, x, width, _("no scale"), theme_attr(ROLE_DIM));
		return;
	}

	int cell = gauge_cell(g, width, g->value);
	gauge_track(win, y, x, width, g, cell);

	theme_role_t role = gauge_role(g);
	attr_t attr = theme_attr(role == ROLE_VALUE ? ROLE_GAUGE_MARK : role);
	const glyphs_t *gl = glyphs();
	const char *mark = gl->gauge_mark;
	if (g->value > g->max)
		mark = gl->arrow_up; /* pinned at the end: the value is off the scale */
	else if (g->value < g->min)
		mark = gl->arrow_down;
	gauge_put(win, y, x + cell, mark, attr | (g->stale ? 0 : A_BOLD));
}

#include "kpi_row.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "glyphs.h"
#include "i18n.h"
#include "kpi_index.h"
#include "sparkline.h"
#include "text_draw.h"
#include "theme.h"

/* The columns of numbers, as wide as what they hold or their heading in
 * the language, whichever is wider (col_for). */
enum {
	COL_MARKER = 2,   /* "! " */
	COL_VALUE = 16,   /* "1234.5/1234.5 万户" mostly; longer units are cut */
	COL_DISTANCE = 7, /* "+1234.5" */
	COL_PERIOD = 8,   /* "2026-11", "2026-Q3", "2026-W48" */
	BULLET_MIN = 10,
	BULLET_MAX = 60,
	NAME_MIN = 10,
};

static int col_for(int content, const char *heading)
{
	int w = text_draw_width(heading);
	return w > content ? w : content;
}

kpi_row_layout_t kpi_row_layout(int width, int name_max)
{
	kpi_row_layout_t l = {.marker = COL_MARKER,
	                      .value = col_for(COL_VALUE, _("value/target")),
	                      .distance = col_for(COL_DISTANCE, _("distance"))};
	if (width >= 100)
		l.period = col_for(COL_PERIOD, _("period"));
	if (width >= 120)
		l.trend = 16;
	int bullet = width >= 160 ? 36 : width >= 120 ? 28 : 16;
	/* fixed columns, each after a one-column gap */
	int fixed = l.marker + (l.value + 1) + (l.distance + 1) + (l.trend ? l.trend + 1 : 0) +
	            (l.period ? l.period + 1 : 0) + 1 /* before the bullet */;
	int rest = width - fixed;
	if (rest < NAME_MIN + BULLET_MIN) { /* narrow: the bullet gives way first */
		l.bullet = rest - NAME_MIN >= 3 ? rest - NAME_MIN : 0;
		l.name = rest - l.bullet > 1 ? rest - l.bullet - (l.bullet ? 0 : 1) : 1;
		return l;
	}
	if (bullet > rest - NAME_MIN)
		bullet = rest - NAME_MIN;
	l.bullet = bullet;
	l.name = rest - bullet;
	/* Names need no more than the widest; the rest goes to the bullet,
	 * then to the trend (a KPI's history holds up to STORE_KPI_HISTORY). */
	if (name_max < NAME_MIN)
		name_max = NAME_MIN;
	int extra = l.name - (name_max + 1);
	if (extra > 0) {
		int grow = l.bullet + extra > BULLET_MAX ? BULLET_MAX - l.bullet : extra;
		grow = grow > 0 ? grow : 0;
		l.bullet += grow;
		l.name -= grow;
		extra -= grow;
	}
	if (extra > 0 && l.trend) {
		int grow = l.trend + extra > STORE_KPI_HISTORY ? STORE_KPI_HISTORY - l.trend : extra;
		grow = grow > 0 ? grow : 0;
		l.trend += grow;
		l.name -= grow;
	}
	return l;
}

/* x of each column after the name, in order. */
typedef struct cols {
	int name, bullet, value, distance, trend, period;
} cols_t;

static cols_t cols_of(int x, const kpi_row_layout_t *l)
{
	cols_t c;
	c.name = x + l->marker;
	c.bullet = c.name + l->name + 1;
	c.value = c.bullet + (l->bullet ? l->bullet + 1 : 0);
	c.distance = c.value + l->value + 1;
	c.trend = c.distance + l->distance + 1;
	c.period = c.trend + (l->trend ? l->trend + 1 : 0);
	return c;
}

void kpi_row_header(WINDOW *win, int y, int x, const kpi_row_layout_t *l)
{
	attr_t label = theme_attr(ROLE_DIM);
	cols_t c = cols_of(x, l);
	text_draw(win, y, c.name, l->name, _("KPI"), label);
	if (l->bullet) {
		/* with the legend of its bands when it fits */
		char legend[128];
		snprintf(legend, sizeof legend, _("against target %s poor %s fair %s target"),
		         glyphs()->ascii ? ":" : "▒", glyphs()->ascii ? "." : "░",
		         glyphs()->ascii ? "|" : "┃");
		bool fits = text_draw_width(legend) <= l->bullet;
		text_draw(win, y, c.bullet, l->bullet, fits ? legend : _("against target"), label);
	}
	text_draw_right(win, y, c.value, l->value, _("value/target"), label);
	text_draw_right(win, y, c.distance, l->distance, _("distance"), label);
	if (l->trend)
		text_draw(win, y, c.trend, l->trend, _("trend"), label);
	if (l->period)
		text_draw(win, y, c.period, l->period, _("period"), label);
}

const char *kpi_row_label(const kpi_t *k)
{
	if (glyphs()->ascii || !k->name[0])
		return k->id;
	return k->name;
}

bullet_t kpi_row_bullet(const kpi_t *k)
{
	bullet_t b = {.has_value = k->has_value,
	              .value = k->value,
	              .has_target = k->has_target,
	              .target = k->target,
	              .better_lower = k->better_lower};
	/* A rate in percent near its whole (a 95 % target) is read against
	 * 0..100; a small one (3 %) on the default scale, or it would vanish. */
	bool in_range = (!k->has_value || (k->value >= 0 && k->value <= 100)) &&
	                (!k->has_target || (k->target >= 0 && k->target <= 100));
	double big = fmax(k->has_value ? k->value : 0, k->has_target ? k->target : 0);
	if (strcmp(k->unit, "%") == 0 && in_range && big >= 50) {
		b.min = 0;
		b.max = 100;
	}
	return b;
}

int kpi_row_decimals(const kpi_t *k)
{
	double m = 0;
	if (k->has_value && isfinite(k->value))
		m = fabs(k->value);
	if (k->has_target && isfinite(k->target) && fabs(k->target) > m)
		m = fabs(k->target);
	int d = m >= 1000 ? 0 : m >= 10 ? 1 : m >= 1 ? 2 : 3;
	/* A value off its target by less than the last digit would print as
	 * equal to it ("99.9/99.9"): more digits, up to four. */
	if (kpi_status(k) != KPI_NO_DATA) {
		double dist = fabs(k->value - k->target);
		while (d < 4 && dist > 0 && dist < 0.5 * pow(10, -d))
			d++;
	}
	return d;
}

/* A number as shown, never "-0". */
static void put_number(char *buf, size_t size, double v, int decimals, bool sign)
{
	double scale = pow(10, decimals);
	if (round(v * scale) == 0)
		v = 0;
	snprintf(buf, size, sign ? "%+.*f" : "%.*f", decimals, v);
}

void kpi_row_value_target(const kpi_t *k, char *buf, size_t size)
{
	int d = kpi_row_decimals(k);
	char value[48] = "-", target[48] = "-";
	if (k->has_value && isfinite(k->value))
		put_number(value, sizeof value, k->value, d, false);
	if (k->has_target && isfinite(k->target))
		put_number(target, sizeof target, k->target, d, false);
	snprintf(buf, size, "%s/%s%s%s", value, target, k->unit[0] ? " " : "", k->unit);
}

void kpi_row_distance(const kpi_t *k, char *buf, size_t size)
{
	if (kpi_status(k) == KPI_NO_DATA) {
		snprintf(buf, size, "%s", "");
		return;
	}
	put_number(buf, size, kpi_distance(k), kpi_row_decimals(k), true);
}

const char *kpi_row_marker(const kpi_t *k)
{
	switch (kpi_status(k)) {
	case KPI_OFF_TARGET:
		return "!";
	case KPI_NO_DATA:
		return "-";
	default:
		return " ";
	}
}

void kpi_row_draw(WINDOW *win, int y, int x, const kpi_row_layout_t *l, const kpi_t *k,
                  bool selected)
{
	cols_t c = cols_of(x, l);
	kpi_status_t st = kpi_status(k);
	attr_t off = theme_attr(ROLE_KPI_OFF);
	attr_t base = selected ? theme_attr(ROLE_SELECTED) : theme_attr(ROLE_NORMAL);
	attr_t dim = theme_attr(ROLE_DIM);
	/* The marker and name in the selection's colour; one column of it
	 * before the name so the selection shows where the name is short. */
	text_fill(win, y, x, l->marker + l->name, base);
	text_draw(win, y, x, 1, kpi_row_marker(k),
	          selected               ? base | A_BOLD
	          : st == KPI_OFF_TARGET ? off
	                                 : dim);
	text_draw(win, y, c.name, l->name, kpi_row_label(k), base);
	if (l->bullet) {
		bullet_t b = kpi_row_bullet(k);
		bullet_draw(win, y, c.bullet, l->bullet, &b);
	}
	char buf[128];
	kpi_row_value_target(k, buf, sizeof buf);
	text_fill(win, y, c.value, l->value + 1 + l->distance, theme_attr(ROLE_NORMAL));
	text_draw_right(win, y, c.value, l->value, buf,
	                st == KPI_NO_DATA ? dim : theme_attr(ROLE_VALUE));
	kpi_row_distance(k, buf, sizeof buf);
	text_draw_right(win, y, c.distance, l->distance, buf,
	                st == KPI_OFF_TARGET ? off : theme_attr(ROLE_NORMAL));
	if (l->trend) {
		float v[STORE_KPI_HISTORY];
		size_t n = k->history_len < STORE_KPI_HISTORY ? k->history_len : STORE_KPI_HISTORY;
		for (size_t i = 0; i < n; i++)
			v[i] = (float)k->history[i];
		text_fill(win, y, c.trend - 1, 1, theme_attr(ROLE_NORMAL));
		sparkline_draw(win, y, c.trend, l->trend, v, n, 0, 0);
	}
	if (l->period) {
		text_fill(win, y, c.period - 1, l->period + 1, theme_attr(ROLE_NORMAL));
		text_draw(win, y, c.period, l->period, k->period, dim);
	}
}

#include "reading_row.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "gauge.h"
#include "glyphs.h"
#include "i18n.h"
#include "name_fit.h"
#include "sparkline.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"

typedef struct columns {
	int marker, district, name, place, gauge, value, spark, age;
} columns_t;

/* Gives each column its width, dropping the optional ones first. */

/* The feed model's limits as the gauge widget takes them. */
static gauge_limits_t gauge_limits_of(const limits_t *l)
{
	gauge_limits_t g = {.lolo = l->lolo, .lo = l->lo, .hi = l->hi, .hihi = l->hihi};
	g.mask = ((l->mask & LIMIT_LOLO) ? GAUGE_LOLO : 0u) | ((l->mask & LIMIT_LO) ? GAUGE_LO : 0u) |
	         ((l->mask & LIMIT_HI) ? GAUGE_HI : 0u) | ((l->mask & LIMIT_HIHI) ? GAUGE_HIHI : 0u);
	return g;
}

static columns_t layout(int width, bool detailed, int district)
{
	columns_t c = {.marker = FORMAT_MARKER_COLS, .value = detailed ? 12 : 10};
	int rest = width - c.marker - c.value - 2; /* two separating spaces */
	if (!detailed && district > 0) {
		/* The overview's rows: where, then what; a gauge only when the
		 * name keeps 20 columns, and a third of the row at most: what
		 * is measured matters more. */
		c.district = district < rest - 8 ? district : 0;
		rest -= c.district ? c.district + 1 : 0;
		int most = rest / 3 < 30 ? rest / 3 : 30;
		c.gauge = rest - 20 < 8 ? 0 : rest - 20 > most ? most : rest - 20;
		c.name = rest - c.gauge;
		return c;
	}
	if (detailed && rest >= 90) {
		c.place = 22;
		c.spark = 16;
		c.age = 5;
		rest -= c.place + c.spark + c.age + 3;
	} else if (detailed && rest >= 60) {
		c.place = 18;
		c.age = 5;
		rest -= c.place + c.age + 2;
	}
	/* The name says which reading it is: it gets the larger share. */
	c.gauge = rest * 2 / 5;
	if (c.gauge > 30)
		c.gauge = 30;
	if (c.gauge < 8)
		c.gauge = rest >= 20 ? 8 : 0;
	c.name = rest - c.gauge;
	return c;
}

int reading_row_name_cols(int width, const reading_row_opts_t *opts)
{
	return layout(width, opts->detailed, opts->district_cols).name;
}

void reading_row_label(const reading_t *r, char *buf, size_t size)
{
	if (r->domain == DOMAIN_OTHER) /* the token the feed gave, as the protocol asks */
		snprintf(buf, size, "%s: %s", r->domain_token, format_reading_label(r));
	else
		snprintf(buf, size, "%s", format_reading_label(r));
}

void reading_row_district(const reading_t *r, bool street, int cols, char *buf, size_t size)
{
	const char *where = street ? r->street : r->district;
	bool ascii = true;
	for (const char *p = where; *p; p++)
		ascii &= (unsigned char)*p < 0x80;
	/* In ASCII mode a Chinese name would be spelled as code points. */
	snprintf(buf, size, "%s", glyphs()->ascii && !ascii ? "" : where);
	/* Without its kind (新区 new district, 区 district, 县 county; 街道
	 * street, 镇 town, 乡 township), which the names share, unless one
	 * character would be left (忠县 stays, 高新区 is 高新, 两江新区 is
	 * 两江 and never 两江新); what is still too wide is cut to its head. */
	static const char *const district_kinds[] = {"新区", "区", "县", NULL};
	static const char *const street_kinds[] = {"街道", "镇", "乡", NULL};
	const char *const *kinds = street ? street_kinds : district_kinds;
	size_t len = strlen(buf);
	for (size_t i = 0; kinds[i]; i++) {
		size_t kl = strlen(kinds[i]);
		if (len > kl && strcmp(buf + len - kl, kinds[i]) == 0) {
			buf[len - kl] = '\0';
			if (text_width(buf) >= 4)
				break;
			buf[len - kl] = kinds[i][0]; /* put back: too short alone */
		}
	}
	/* Still too wide: its head and the ellipsis, never a gap before it. */
	if (text_width(buf) > cols && cols > 1) {
		size_t keep =
		    text_prefix_for_width(buf, cols - text_draw_width(glyphs()->ellipsis), NULL);
		snprintf(buf + keep, size - keep, "%s", glyphs()->ellipsis);
	}
}

void reading_row_header(WINDOW *win, int y, int x, int width)
{
	columns_t c = layout(width, true, 0);
	attr_t a = theme_attr(ROLE_DIM);
	text_fill(win, y, x, width, a);
	int cx = x + c.marker;
	text_draw(win, y, cx, c.name, _("reading"), a);
	cx += c.name + 1;
	if (c.place) {
		text_draw(win, y, cx, c.place, _("place"), a);
		cx += c.place + 1;
	}
	if (c.gauge)
		text_draw(win, y, cx, c.gauge, _("gauge"), a);
	cx += c.gauge + 1;
	text_draw_right(win, y, cx, c.value, _("value"), a);
	cx += c.value;
	if (c.spark) {
		text_draw(win, y, cx + 1, c.spark, _("history"), a);
		cx += c.spark + 1;
	}
	if (c.age)
		text_draw_right(win, y, cx + 1, c.age, _("age"), a);
}

void reading_row_draw(WINDOW *win, int y, int x, int width, const ui_ctx_t *ctx, size_t idx,
                      const reading_row_opts_t *opts)
{
	const reading_t *r = store_reading(ctx->store, idx);
	view_states_t states = view_states(ctx->view, idx);
	bool ok = view_worst(states) == VS_COUNT || view_worst(states) == VS_UNCERTAIN;
	columns_t c = layout(width, opts->detailed, opts->district_cols);
	attr_t base = opts->selected ? theme_attr(ROLE_SELECTED) : theme_attr(ROLE_NORMAL);
	attr_t cls_attr = opts->selected ? base : theme_attr(format_states_role(states));
	text_fill(win, y, x, width, base);

	int cx = x;
	char marker[FORMAT_MARKER_COLS + 1];
	format_states_marker(states, marker);
	text_draw(win, y, cx, c.marker, marker, cls_attr);
	cx += c.marker;
	if (c.district) {
		char where[256];
		reading_row_district(r, opts->where_street, c.district, where, sizeof where);
		text_draw(win, y, cx, c.district, where,
		          opts->selected ? base : theme_attr(ROLE_DIM));
		cx += c.district + 1;
	}
	if (opts->name) {
		text_draw(win, y, cx, c.name, opts->name, ok ? base : cls_attr);
	} else {
		char label[300];
		reading_row_label(r, label, sizeof label);
		char *cut = name_fit(label, c.name);
		text_draw(win, y, cx, c.name, cut, ok ? base : cls_attr);
		free(cut);
	}
	cx += c.name + 1;
	if (c.place) {
		char place[256];
		format_reading_place(r, place, sizeof place);
		text_draw(win, y, cx, c.place, place, opts->selected ? base : theme_attr(ROLE_DIM));
		cx += c.place + 1;
	}
	if (c.gauge) {
		gauge_t g = {
		    .min = r->range_min,
		    .max = r->range_max,
		    .has_value = r->has_value,
		    .value = r->value,
		    .limits = gauge_limits_of(&r->limits),
		    .stale = (states & VIEW_BIT(VS_STALE)) != 0,
		    .bad = (states & VIEW_BIT(VS_BAD)) != 0,
		    /* The alarm engine's word (deadband included), not a second opinion. */
		    .state = (states & VIEW_BIT(VS_ALARM))     ? GAUGE_ALARM
		             : (states & VIEW_BIT(VS_WARNING)) ? GAUGE_WARN
		                                               : GAUGE_NORMAL,
		};
		gauge_draw(win, y, cx, c.gauge, &g);
	}
	cx += c.gauge + 1;
	char value[64];
	format_reading_value(r, value, sizeof value);
	text_draw_right(win, y, cx, c.value, value, ok ? base | A_BOLD : cls_attr);
	cx += c.value;
	if (c.spark) {
		float hist[STORE_HISTORY];
		size_t n = reading_history(r, hist, STORE_HISTORY);
		/* Scaled to its own data: the trend is what a sparkline is for. */
		sparkline_draw(win, y, cx + 1, c.spark, hist, n, 0, 0);
		cx += c.spark + 1;
	}
	if (c.age) {
		char age[16];
		timefmt_format_age(store_reading_vouched_age(ctx->store, r, ctx->now_ms), age,
		                   sizeof age);
		text_draw_right(win, y, cx + 1, c.age, age,
		                (states & VIEW_BIT(VS_STALE)) && !opts->selected
		                    ? theme_attr(ROLE_STALE)
		                    : theme_attr(ROLE_DIM));
	}
}

/* reading_row: one reading on one line (reading_row.h); the detailed row's
 * columns come from reading_cols.h, their texts from reading_cells.h. */
#include "reading_row.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "gauge.h"
#include "glyphs.h"
#include "i18n.h"
#include "name_fit.h"
#include "reading_cells.h"
#include "reading_need.h"
#include "sparkline.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"

/* The overview's short row. */
typedef struct columns {
	int marker, district, name, gauge, value;
} columns_t;

/* The feed model's limits as the gauge widget takes them. */
static gauge_limits_t gauge_limits_of(const limits_t *l)
{
	gauge_limits_t g = {.lolo = l->lolo, .lo = l->lo, .hi = l->hi, .hihi = l->hihi};
	g.mask = ((l->mask & LIMIT_LOLO) ? GAUGE_LOLO : 0u) | ((l->mask & LIMIT_LO) ? GAUGE_LO : 0u) |
	         ((l->mask & LIMIT_HI) ? GAUGE_HI : 0u) | ((l->mask & LIMIT_HIHI) ? GAUGE_HIHI : 0u);
	return g;
}

/* The overview's short rows (the detailed ones follow reading_cols.h). */
static columns_t layout(int width, int district)
{
	columns_t c = {.marker = FORMAT_MARKER_COLS, .value = 10};
	int rest = width - c.marker - c.value - 2; /* two separating spaces */
	if (district > 0) {
		/* Where, then what; a gauge only when the name keeps 20
		 * columns, and a third of the row at most: what is measured
		 * matters more. */
		c.district = district < rest - 8 ? district : 0;
		rest -= c.district ? c.district + 1 : 0;
		int most = rest / 3 < 30 ? rest / 3 : 30;
		c.gauge = rest - 20 < 8 ? 0 : rest - 20 > most ? most : rest - 20;
		c.name = rest - c.gauge;
		return c;
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

/* The detailed row's column titles. */
static const struct {
	reading_col_t col;
	const char *title; /* N_() */
	bool right;        /* numbers: titled on the right, as they align */
} col_titles[] = {
    {RC_STATE, N_("state"), false},    {RC_NAME, N_("reading"), false},
    {RC_PLACE, N_("place"), false},    {RC_GAUGE, N_("gauge"), false},
    {RC_VALUE, N_("value"), true},     {RC_TREND, N_("trend"), false},
    {RC_LIMITS, N_("lo/hi"), true},    {RC_OUTER, N_("lolo/hihi"), true},
    {RC_HISTORY, N_("history"), false}, {RC_MINMAX, N_("min/max"), true},
    {RC_AGE, N_("age"), true},         {RC_SOURCE, N_("source"), false},
};

static int max_i(int a, int b)
{
	return a > b ? a : b;
}

/* The columns the titles take as drawn, in the language shown, and the
 * state column the widest state word: a column is as wide as its title. */
static void measure_titles(reading_cols_need_t *need)
{
	for (size_t i = 0; i < sizeof col_titles / sizeof col_titles[0]; i++)
		need->title[col_titles[i].col] = text_draw_width(_(col_titles[i].title));
	for (int k = 0; k < VS_COUNT; k++)
		need->title[RC_STATE] = max_i(need->title[RC_STATE],
		                              text_draw_width(reading_cells_state_shown(VIEW_BIT(k))));
}

/* What a detailed row given no plan assumes of its list. */
static reading_cols_need_t unmeasured(void)
{
	reading_cols_need_t need = {.place = 22};
	measure_titles(&need);
	return need;
}

int reading_row_name_cols(int width, const reading_row_opts_t *opts)
{
	if (opts->detailed) {
		reading_cols_t p;
		reading_cols_need_t need = unmeasured();
		reading_cols_plan(width, &need, &p);
		return opts->plan ? opts->plan->w[RC_NAME] : p.w[RC_NAME];
	}
	return layout(width, opts->district_cols).name;
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

void reading_row_header_plan(WINDOW *win, int y, int x, const reading_cols_t *p)
{
	attr_t a = theme_attr(ROLE_DIM);
	text_fill(win, y, x, p->width, a);
	for (size_t i = 0; i < sizeof col_titles / sizeof col_titles[0]; i++) {
		reading_col_t c = col_titles[i].col;
		if (!reading_cols_shown(p, c))
			continue;
		if (col_titles[i].right)
			text_draw_right(win, y, x + p->x[c], p->w[c], _(col_titles[i].title), a);
		else
			text_draw(win, y, x + p->x[c], p->w[c], _(col_titles[i].title), a);
	}
}

void reading_row_header(WINDOW *win, int y, int x, int width)
{
	reading_cols_t p;
	reading_cols_need_t need = unmeasured();
	reading_cols_plan(width, &need, &p);
	reading_row_header_plan(win, y, x, &p);
}

void reading_row_plan(const ui_ctx_t *ctx, const size_t *idx, size_t n, int width,
                      reading_cols_t *plan)
{
	reading_cols_need_t need = {0};
	measure_titles(&need);
	reading_need_add(ctx->store, idx, n, &need);
	/* An empty list: the header as rows given no plan would have it. */
	reading_cols_need_t none = unmeasured();
	reading_cols_plan(width, need.name > 0 ? &need : &none, plan);
}

static gauge_t gauge_of(const reading_t *r, view_states_t states)
{
	return (gauge_t){
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
}

static void draw_name(WINDOW *win, int y, int x, int cols, const reading_t *r,
                      const reading_row_opts_t *opts, attr_t attr)
{
	if (opts->name) {
		text_draw(win, y, x, cols, opts->name, attr);
		return;
	}
	char label[300];
	reading_row_label(r, label, sizeof label);
	char *cut = name_fit(label, cols);
	text_draw(win, y, x, cols, cut, attr);
	free(cut);
}

/* The history's columns: the sparkline on its scale (reading_cells.h),
 * the lowest/highest shown and the trend. */
static void draw_history(WINDOW *win, int y, int x, const reading_cols_t *p, const reading_t *r,
                         attr_t dim)
{
	float hist[STORE_HISTORY];
	size_t n = reading_history(r, hist, STORE_HISTORY);
	size_t shown = n < (size_t)p->w[RC_HISTORY] ? n : (size_t)p->w[RC_HISTORY];
	reading_hist_t h = reading_cells_history(hist, n, shown, r);
	if (reading_cols_shown(p, RC_HISTORY)) {
		sparkline_t spark = {.values = hist, .n = n};
		if (h.any)
			spark.min_span = reading_cells_min_span(r, h.lo / 2 + h.hi / 2);
		sparkline_draw_spec(win, y, x + p->x[RC_HISTORY], p->w[RC_HISTORY], &spark);
	}
	if (reading_cols_shown(p, RC_TREND))
		text_draw(win, y, x + p->x[RC_TREND] + (p->w[RC_TREND] - 1) / 2, 1,
		          reading_cells_trend_glyph(h.trend), dim); /* under the title's middle */
	if (reading_cols_shown(p, RC_MINMAX) && h.any) {
		char both[96];
		reading_cells_minmax(h.lo, h.hi, both, sizeof both);
		text_draw_right(win, y, x + p->x[RC_MINMAX], p->w[RC_MINMAX], both, dim);
	}
}

static void draw_detailed(WINDOW *win, int y, int x, int width, const ui_ctx_t *ctx,
                          const reading_t *r, view_states_t states, const reading_row_opts_t *opts)
{
	reading_cols_t own;
	const reading_cols_t *p = opts->plan;
	if (!p) {
		reading_cols_need_t need = unmeasured();
		reading_cols_plan(width, &need, &own);
		p = &own;
	}
	bool ok = view_worst(states) == VS_COUNT || view_worst(states) == VS_UNCERTAIN;
	attr_t base = opts->selected ? theme_attr(ROLE_SELECTED) : theme_attr(ROLE_NORMAL);
	attr_t cls_attr = opts->selected ? base : theme_attr(format_states_role(states));
	attr_t dim = opts->selected ? base : theme_attr(ROLE_DIM);
	text_fill(win, y, x, width, base);
	char buf[320];

	format_states_marker(states, buf);
	text_draw(win, y, x, p->w[RC_MARKER], buf, cls_attr);
	if (reading_cols_shown(p, RC_STATE))
		text_draw(win, y, x + p->x[RC_STATE], p->w[RC_STATE], reading_cells_state_shown(states),
		          cls_attr);
	draw_name(win, y, x + p->x[RC_NAME], p->w[RC_NAME], r, opts, ok ? base : cls_attr);
	if (reading_cols_shown(p, RC_PLACE)) {
		format_reading_place(r, buf, sizeof buf);
		text_draw(win, y, x + p->x[RC_PLACE], p->w[RC_PLACE], buf, dim);
	}
	if (reading_cols_shown(p, RC_GAUGE)) {
		gauge_t g = gauge_of(r, states);
		gauge_draw(win, y, x + p->x[RC_GAUGE], p->w[RC_GAUGE], &g);
	}
	format_reading_value(r, buf, sizeof buf);
	text_draw_right(win, y, x + p->x[RC_VALUE], p->w[RC_VALUE], buf,
	                ok ? base | A_BOLD : cls_attr);
	for (int outer = 0; outer < 2; outer++) {
		reading_col_t c = outer ? RC_OUTER : RC_LIMITS;
		if (!reading_cols_shown(p, c))
			continue;
		reading_cells_limits(r, outer, buf, sizeof buf);
		text_draw_right(win, y, x + p->x[c], p->w[c], buf, dim);
	}
	if (reading_cols_shown(p, RC_HISTORY))
		draw_history(win, y, x, p, r, dim);
	if (reading_cols_shown(p, RC_AGE)) {
		timefmt_format_age(store_reading_vouched_age(ctx->store, r, ctx->now_ms), buf,
		                   sizeof buf);
		text_draw_right(win, y, x + p->x[RC_AGE], p->w[RC_AGE], buf,
		                (states & VIEW_BIT(VS_STALE)) && !opts->selected
		                    ? theme_attr(ROLE_STALE)
		                    : dim);
	}
	if (reading_cols_shown(p, RC_SOURCE)) {
		const source_status_t *src = store_source(ctx->store, r->source);
		text_draw(win, y, x + p->x[RC_SOURCE], p->w[RC_SOURCE], src && src->name ? src->name : "",
		          dim);
	}
}

void reading_row_draw(WINDOW *win, int y, int x, int width, const ui_ctx_t *ctx, size_t idx,
                      const reading_row_opts_t *opts)
{
	const reading_t *r = store_reading(ctx->store, idx);
	view_states_t states = view_states(ctx->view, idx);
	if (opts->detailed) {
		draw_detailed(win, y, x, width, ctx, r, states, opts);
		return;
	}
	bool ok = view_worst(states) == VS_COUNT || view_worst(states) == VS_UNCERTAIN;
	columns_t c = layout(width, opts->district_cols);
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
	draw_name(win, y, cx, c.name, r, opts, ok ? base : cls_attr);
	cx += c.name + 1;
	if (c.gauge) {
		gauge_t g = gauge_of(r, states);
		gauge_draw(win, y, cx, c.gauge, &g);
	}
	cx += c.gauge + 1;
	char value[64];
	format_reading_value(r, value, sizeof value);
	text_draw_right(win, y, cx, c.value, value, ok ? base | A_BOLD : cls_attr);
}

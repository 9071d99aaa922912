/* overview_gov: the overview's lines above the domain blocks, from the gov
 * view (tui/gov_view.h), in a box (every line of the overview is framed),
 * in the order they are given rows:
 *   1. on the box's top border, the five composite indices with their trend
 *      (the change, or its arrow alone when narrow; a sparkline of it when
 *      the index's fifth of the line has room);
 *   2. the events summary: open, overdue, by stage, by owning tier;
 *   3. the worst open events named (critical ones, or else major ones):
 *      title and place;
 *   4. where: the worst districts (or a district's streets) and what is
 *      wrong in each, from the tier table, worst first.
 * Fewer rows, fewer lines (overview_gov_rows). Nothing without a gov view. */
#include "overview.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "event_format.h"
#include "glyphs.h"
#include "i18n.h"
#include "panel.h"
#include "sparkline.h"
#include "stage_bar.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"

/* Appends to buf (size bytes); text past the end is dropped, never written. */
static void appendf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void appendf(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strlen(buf);
	if (len + 1 >= size)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
}

/* Between the items of a line (event titles may hold a "·" themselves). */
static const char *sep(void)
{
	return glyphs()->ascii ? " | " : " │ ";
}

/* Between the items of a list, and before one: the language's (、 and ： in
 * Chinese). */
static const char *list_sep(void)
{
	return C_("between the items of a list", ", ");
}

static const char *list_colon(void)
{
	return C_("before a list", ": ");
}

enum line { LINE_INDICES, LINE_EVENTS, LINE_NAMED, LINE_WHERE, LINE_COUNT };

/* The worst severity that has open events to name: critical, else major;
 * -1 if neither. */
static int named_severity(const gov_view_t *gv)
{
	if (gv->summary.by_severity[SEVERITY_CRITICAL])
		return SEVERITY_CRITICAL;
	if (gv->summary.by_severity[SEVERITY_MAJOR])
		return SEVERITY_MAJOR;
	return -1;
}

static bool tier_has_trouble(const gov_tier_row_t *t)
{
	return t->alarms || t->warnings || t->stale || t->bad || t->events_open;
}

static bool all_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* Not in ASCII mode with names it would spell as code points. */
static bool where_wanted(const gov_view_t *gv)
{
	return gv->tier_count > 0 && tier_has_trouble(&gv->tiers[0]) &&
	       (!glyphs()->ascii || all_ascii(gv->tiers[0].name));
}

/* Which lines are drawn in `rows` rows, in screen order; returns how many. */
static int plan(const gov_view_t *gv, int rows, enum line out[LINE_COUNT])
{
	bool named = named_severity(gv) >= 0, where = where_wanted(gv);
	int n = 0;
	if (rows > n)
		out[n++] = LINE_INDICES;
	if (rows > n)
		out[n++] = LINE_EVENTS;
	/* With one row left, the named events first: they say what and where. */
	if (rows > n && named)
		out[n++] = LINE_NAMED;
	if (rows > n && where)
		out[n++] = LINE_WHERE;
	return n;
}

int overview_gov_rows(const ui_ctx_t *ctx, int budget)
{
	if (!ctx->gov || budget < 2)
		return 0;
	enum line lines[LINE_COUNT];
	return plan(ctx->gov, budget - 1, lines) + 1; /* and the bottom border */
}

/* The trend of an index over what the ring holds: newest - oldest. */
static bool index_change(const gov_view_t *gv, kpi_index_id_t id, float *series, size_t *n,
                         double *change)
{
	*n = gov_trend(gv, id, series, GOV_TREND_LEN);
	size_t first = 0;
	while (first < *n && isnan(series[first]))
		first++;
	if (*n < 2 || first >= *n - 1 || isnan(series[*n - 1]))
		return false;
	*change = (double)series[*n - 1] - (double)series[first];
	return true;
}

/* On the box's top border: "┌─ 发展 92.1▲0.3 ▄▅▅ ── 建设 89.4 ─ ... ─ KPIs: 8 off
 * target, 8 on, 0 no data ─┐", each index in a fifth of the line. */
static void draw_indices(WINDOW *win, int y, int w, const gov_view_t *gv)
{
	const glyphs_t *g = glyphs();
	char kpis[96];
	snprintf(kpis, sizeof kpis, _(" KPIs: %u off target, %u on, %u no data "),
	         gv->kpi_off_target, gv->kpi_on_target, gv->kpi_no_data);
	int kw = text_draw_width(kpis);
	/* The KPI counts only when each index keeps 16 columns. */
	int inner = w - 3; /* from column 2 to the last "─" before the corner */
	bool with_kpis = inner - kw - 1 >= KPI_INDEX_COUNT * 16;
	int cell = (inner - (with_kpis ? kw + 1 : 0)) / KPI_INDEX_COUNT;
	for (int i = 0; i < KPI_INDEX_COUNT; i++) {
		/* Each cell ends with at least one column of the border. */
		int x = 2 + i * cell, end = x + cell - 1;
		const kpi_index_score_t *s = &gv->indices[i];
		/* Short words in ASCII mode, where the Chinese names cannot be. */
		static const char *const ascii_names[KPI_INDEX_COUNT] = {"Dev", "Cons", "Ops",
		                                                         "Serv", "Hlth"};
		const char *name = g->ascii ? ascii_names[i] : kpi_index_name_zh((kpi_index_id_t)i);
		char text[64];
		snprintf(text, sizeof text, " %s ", name);
		x += text_draw(win, y, x, end - x, text, theme_attr(ROLE_LABEL));
		if (isnan(s->score))
			snprintf(text, sizeof text, "--");
		else
			snprintf(text, sizeof text, "%.1f", s->score);
		x += text_draw(win, y, x, end - x, text, theme_attr(ROLE_VALUE));
		float series[GOV_TREND_LEN];
		size_t n;
		double change;
		bool trend = index_change(gv, (kpi_index_id_t)i, series, &n, &change);
		/* The change with its size if it fits, else its direction alone;
		 * "=" for less than 0.05 when there is room. */
		char mark[2][32] = {"", ""};
		if (trend && fabs(change) < 0.05) {
			snprintf(mark[0], sizeof mark[0], " =");
		} else if (trend) {
			const char *arrow = change > 0 ? g->arrow_up : g->arrow_down;
			snprintf(mark[0], sizeof mark[0], "%s%.1f", arrow, fabs(change));
			snprintf(mark[1], sizeof mark[1], "%s", arrow);
		}
		for (int m = 0; m < 2; m++) {
			if (mark[m][0] && text_draw_width(mark[m]) + 1 <= end - x) {
				x += text_draw(win, y, x, end - x, mark[m], theme_attr(ROLE_VALUE));
				break;
			}
		}
		text_draw(win, y, x, end - x, " ", theme_attr(ROLE_NORMAL));
		x++;
		if (trend && end - x >= 7) {
			/* Scaled to at least 2 points of score, so that noise in the
			 * second decimal does not look like a swing. */
			double lo = 100, hi = 0;
			for (size_t k = 0; k < n; k++) {
				if (isnan(series[k]))
					continue;
				lo = series[k] < lo ? series[k] : lo;
				hi = series[k] > hi ? series[k] : hi;
			}
			if (hi - lo < 2) {
				double mid = (hi + lo) / 2;
				lo = mid - 1;
				hi = mid + 1;
			}
			int sw = end - x - 1;
			sparkline_draw(win, y, x, sw, series, n, lo, hi);
			text_draw(win, y, x + sw, 1, " ", theme_attr(ROLE_NORMAL));
		}
	}
	if (with_kpis)
		text_draw_right(win, y, w - 2 - kw, kw, kpis,
		                theme_attr(gv->kpi_off_target ? ROLE_KPI_OFF : ROLE_DIM));
}

/* "Events: 305 open, 25 overdue: 7 sensed, 142 handling, 73 evaluating,
 * 83 reviewing  │  city 3, district 40, street 80", the tiers only when
 * they fit whole; a narrower wording before anything is cut. */
static void draw_events(WINDOW *win, int y, int w, const gov_view_t *gv)
{
	const gov_event_summary_t *s = &gv->summary;
	int x = 2, end = w - 2;
	if (s->open == 0) {
		text_draw(win, y, x, end - x, _("Events: none open"), theme_attr(ROLE_DIM));
		return;
	}
	char open[2][96], overdue[64], stages[2][256] = {"", ""};
	snprintf(open[0], sizeof open[0], P_("Events: %u open", "Events: %u open", s->open),
	         s->open);
	snprintf(open[1], sizeof open[1], P_("%u event", "%u events", s->open), s->open);
	snprintf(overdue, sizeof overdue, _(", %u overdue"), s->overdue);
	for (int i = STAGE_SENSED; i < STAGE_CLOSED; i++) {
		char item[96];
		/* TRANSLATORS: a count of open events and the stage they are in,
		 * "3 handling"; %1$u the count, %2$s the stage. */
		snprintf(item, sizeof item, C_("events in a stage", "%1$u %2$s"), s->by_stage[i],
		         stage_bar_name(i));
		appendf(stages[0], sizeof stages[0], "%s%s", i ? list_sep() : list_colon(), item);
		appendf(stages[1], sizeof stages[1], "%s%s", i ? " " : list_colon(), item);
	}
	int form = 0;
	if (text_draw_width(open[0]) + text_draw_width(overdue) + text_draw_width(stages[0]) >
	    end - x)
		form = 1;
	x += text_draw(win, y, x, end - x, open[form], theme_attr(ROLE_LABEL) | A_BOLD);
	x += text_draw(win, y, x, end - x, overdue, theme_attr(s->overdue ? ROLE_OVERDUE : ROLE_DIM));
	x += text_draw(win, y, x, end - x, stages[form], theme_attr(ROLE_LABEL));
	char tiers[256] = "";
	appendf(tiers, sizeof tiers, "  %s  ", glyphs()->separator);
	for (int i = TIER_CITY; i <= TIER_STREET; i++)
		appendf(tiers, sizeof tiers, "%s%s %u", i ? list_sep() : "", event_tier_word((tier_t)i),
		        s->by_tier[i]);
	if (s->escalated)
		appendf(tiers, sizeof tiers, _(" (%u escalated)"), s->escalated);
	if (text_draw_width(tiers) <= end - x)
		text_draw(win, y, x, end - x, tiers, theme_attr(ROLE_DIM));
}

/* "Critical 1: 排水泵故障 沙坪坝区 磁器口街道 (overdue)  Major 20: ...":
 * the open events in the board's order (severity, overdue, age), critical
 * and major ones, as many as fit whole (the first even if cut). */
static void draw_named(WINDOW *win, int y, int w, const ui_ctx_t *ctx)
{
	const gov_view_t *gv = ctx->gov;
	int x = 2, end = w - 2;
	bool ascii = glyphs()->ascii;
	int shown = 0, label_sev = -1;
	for (size_t i = 0; i < gv->event_count && x < end; i++) {
		const event_t *e = gov_event(ctx->store, gv->events[i]);
		if (!e)
			continue;
		if (e->severity < SEVERITY_MAJOR)
			break;
		char label[64] = "", buf[600];
		if ((int)e->severity != label_sev) {
			unsigned count = gv->summary.by_severity[e->severity];
			snprintf(label, sizeof label,
			         e->severity == SEVERITY_CRITICAL ? _("Critical %u:")
			                                          : _("Major %u:"),
			         count);
		}
		/* The place: its district, and its street when the line is wide
		 * (titles often name the street already). In ASCII mode Chinese
		 * would be unreadable: the id, no place. */
		char place[SCOPE_NAME_MAX * 2 + 4] = "";
		if (!ascii && e->district[0])
			snprintf(place, sizeof place, " %s%s%s", e->district,
			         w >= 120 && e->street[0] ? " " : "", w >= 120 ? e->street : "");
		snprintf(buf, sizeof buf, "%s%s%s%s", label[0] || !shown ? " " : sep(),
		         ascii ? e->id : e->title, place,
		         gov_event_overdue(e, ctx->clock_ms) ? _(" (overdue)") : "");
		int need = text_draw_width(buf) +
		           (label[0] ? text_draw_width(label) + (shown ? 2 : 0) : 0);
		if (shown && need > end - x)
			break;
		if (label[0]) {
			x += shown ? 2 : 0;
			x += text_draw(
			    win, y, x, end - x, label,
			    theme_attr(e->severity == SEVERITY_CRITICAL ? ROLE_ALARM : ROLE_WARN));
			label_sev = (int)e->severity;
		}
		x += text_draw(win, y, x, end - x, buf, theme_attr(ROLE_NORMAL));
		shown++;
	}
}

/* "3 alarms" and the like, for draw_where's list (literal formats, so
 * that they are checked and translated). */
static void say_count(size_t kind, unsigned n, char *buf, size_t size)
{
	switch (kind) {
	case 0:
		snprintf(buf, size, P_("%u alarm", "%u alarms", n), n);
		break;
	case 1:
		snprintf(buf, size, P_("%u overdue", "%u overdue", n), n);
		break;
	case 2:
		snprintf(buf, size, P_("%u event", "%u events", n), n);
		break;
	case 3:
		snprintf(buf, size, P_("%u warning", "%u warnings", n), n);
		break;
	case 4:
		snprintf(buf, size, P_("%u stale", "%u stale", n), n);
		break;
	default:
		snprintf(buf, size, P_("%u bad", "%u bad", n), n);
		break;
	}
}

/* "Worst districts: 渝北区 3 alarms, 2 events · 北碚区 ...", as many as fit. */
static void draw_where(WINDOW *win, int y, int w, const ui_ctx_t *ctx)
{
	const gov_view_t *gv = ctx->gov;
	int x = 2, end = w - 2;
	bool streets = scope_tier(&gv->scope) == TIER_DISTRICT;
	x += text_draw(win, y, x, end - x, streets ? _("Worst streets:") : _("Worst districts:"),
	               theme_attr(ROLE_LABEL) | A_BOLD);
	for (size_t i = 0; i < gv->tier_count && x < end; i++) {
		const gov_tier_row_t *t = &gv->tiers[i];
		if (!tier_has_trouble(t))
			break; /* worst first: the rest are clear */
		/* Two things at most per place, the worst first. */
		unsigned what[] = {t->alarms,   t->events_overdue, t->events_open,
		                   t->warnings, t->stale,          t->bad};
		char buf[400], part[64];
		snprintf(buf, sizeof buf, "%s%s", i ? sep() : " ", t->name);
		int said = 0;
		for (size_t k = 0; k < sizeof what / sizeof what[0] && said < 2; k++) {
			if (!what[k])
				continue;
			say_count(k, what[k], part, sizeof part);
			appendf(buf, sizeof buf, "%s%s", said ? list_sep() : " ", part);
			said++;
		}
		if (i && text_draw_width(buf) > end - x)
			break;
		x += text_draw(win, y, x, end - x, buf, theme_attr(ROLE_NORMAL));
	}
}

void overview_gov_draw(WINDOW *win, int y, int rows, int w, const ui_ctx_t *ctx)
{
	if (!ctx->gov)
		return;
	if (rows < 2)
		return;
	/* A box, so every line of the overview is framed; the indices are
	 * its top border. */
	panel_draw(win, y, 0, rows, w, NULL, false);
	enum line lines[LINE_COUNT];
	int n = plan(ctx->gov, rows - 1, lines);
	for (int i = 0; i < n; i++) {
		switch (lines[i]) {
		case LINE_INDICES:
			draw_indices(win, y + i, w, ctx->gov);
			break;
		case LINE_EVENTS:
			draw_events(win, y + i, w, ctx->gov);
			break;
		case LINE_NAMED:
			draw_named(win, y + i, w, ctx);
			break;
		case LINE_WHERE:
			draw_where(win, y + i, w, ctx);
			break;
		default:
			break;
		}
	}
}

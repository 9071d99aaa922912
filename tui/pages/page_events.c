/* The events board: every open event in the scope, one row each, in the
 * gov view's order (severity, then overdue, then age), under a line that
 * sums them up by stage and tier. The selection follows the event (its
 * serial), not the row; Enter opens it (page_event.c). An empty board says
 * why: nothing open, or the feeds that would tell are failing or silent. */
#include "pages.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "event_format.h"
#include "event_row.h"
#include "glyphs.h"
#include "filter.h"
#include "i18n.h"
#include "mouse.h"
#include "panel.h"
#include "stage_bar.h"
#include "text_draw.h"
#include "theme.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The events shown: the gov view's, those the text filter matches; the
 * caller frees them (filter_refs_free). */
static filter_refs_t shown_events(const ui_ctx_t *ctx, const nav_t *nav)
{
	filter_refs_t fr;
	filter_refs_events(&fr, ctx->store, nav->filter, ctx->gov ? ctx->gov->events : NULL,
	                   ctx->gov ? ctx->gov->event_count : 0);
	return fr;
}

/* The selected event's row now: events open, close and move above it. If
 * it is gone, the row where it was (clamped). Sets the serial to the event
 * at the row returned. */
static int selected_row(const filter_refs_t *fr, nav_t *nav)
{
	int total = (int)fr->count;
	struct nav_list *l = &nav->events;
	if (total == 0)
		return 0;
	const gov_ref_t *refs = fr->refs;
	int row = -1;
	if (l->serial && l->selected >= 0 && l->selected < total &&
	    refs[l->selected].serial == l->serial)
		row = l->selected;
	for (int i = 0; row < 0 && l->serial && i < total; i++)
		if (refs[i].serial == l->serial)
			row = i;
	if (row < 0)
		row = clamp(l->selected, 0, total - 1);
	l->serial = refs[row].serial;
	return row;
}

/* Appends to buf[*len..size), keeping it terminated when it is full. */
static void cat(char *buf, size_t size, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void cat(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	if (*len >= size)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	if (n > 0)
		*len = *len + (size_t)n < size ? *len + (size_t)n : size - 1;
}

/* "Events: 37 open, 5 overdue, 3 escalated" */
static void board_title(const gov_event_summary_t *s, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	cat(buf, size, &len, P_("Events: %u open", "Events: %u open", s->open), s->open);
	if (s->overdue)
		cat(buf, size, &len, _(", %u overdue"), s->overdue);
	if (s->escalated)
		cat(buf, size, &len, _(", %u escalated"), s->escalated);
}

/* "sensed 3 handling 12 evaluating 4 reviewing 2 │ city 1 district 8
 * street 28", then by severity when there is room. */
static void summary_line(WINDOW *win, int y, int x, int w, const gov_event_summary_t *s)
{
	char buf[512] = "";
	const char *sep = glyphs()->separator;
	size_t len = 0;
	for (int st = STAGE_SENSED; st < STAGE_CLOSED; st++)
		cat(buf, sizeof buf, &len, "%s%s %u", st ? " " : "", stage_bar_name((stage_t)st),
		    s->by_stage[st]);
	cat(buf, sizeof buf, &len, " %s", sep);
	size_t stages = len;
	for (int t = TIER_CITY; t <= TIER_STREET; t++)
		cat(buf, sizeof buf, &len, " %s %u", event_tier_word((tier_t)t), s->by_tier[t]);
	if (text_draw_width(buf) > w) { /* "市 3 区 59 街 384", as the rows say it */
		len = stages;
		buf[len] = '\0';
		for (int t = TIER_CITY; t <= TIER_STREET; t++)
			cat(buf, sizeof buf, &len, " %s %u", event_tier_short((tier_t)t),
			    s->by_tier[t]);
	}
	/* By severity: the whole words, else the short ones (in Chinese the
	 * colours, 红色 2), else none. */
	size_t narrow = len;
	for (int form = 0; form < 2; form++) {
		len = narrow;
		buf[len] = '\0';
		cat(buf, sizeof buf, &len, " %s", sep);
		for (int v = SEVERITY_CRITICAL; v >= SEVERITY_INFO; v--)
			cat(buf, sizeof buf, &len, " %s %u",
			    form ? event_severity_short((severity_t)v)
			         : event_severity_word((severity_t)v),
			    s->by_severity[v]);
		if (text_draw_width(buf) <= w)
			break;
		buf[narrow] = '\0';
	}
	text_draw(win, y, x, w, buf, theme_attr(ROLE_LABEL));
}

/* The first failing source that has sent events, or -1. */
static int failing_event_source(const store_t *st)
{
	size_t n = store_event_count(st);
	for (size_t i = 0; i < n; i++) {
		const event_t *e = store_event(st, i);
		if (e == NULL)
			continue;
		const source_status_t *s = store_source(st, e->source);
		if (s && s->failing)
			return e->source;
	}
	return -1;
}

/* Why the board is empty: nothing is open, or what would tell is missing. */
static void empty_note(WINDOW *win, int y, int x, int w, const ui_ctx_t *ctx)
{
	char buf[512], where[SCOPE_NAME_MAX * 2 + 2];
	const view_t *v = ctx->view;
	if (ctx->gov == NULL) {
		text_draw(win, y, x, w, _("Waiting for the first evaluation."),
		          theme_attr(ROLE_DIM));
		return;
	}
	/* The events feed carries no readings: a source without any that fails
	 * or never answered may be the one that would list them. */
	if (v && (v->silent_failing || v->silent_waiting)) {
		size_t len = 0;
		buf[0] = '\0';
		cat(buf, sizeof buf, &len, "%s", _("No open event known, but"));
		if (v->silent_failing)
			cat(buf, sizeof buf, &len,
			    P_(" %u source failing", " %u sources failing", v->silent_failing),
			    v->silent_failing);
		if (v->silent_waiting)
			cat(buf, sizeof buf, &len,
			    P_("%s %u source never answered", "%s %u sources never answered",
			       v->silent_waiting),
			    v->silent_failing ? "," : "", v->silent_waiting);
		text_draw(win, y, x, w, buf, theme_attr(v->silent_failing ? ROLE_ALARM : ROLE_DIM));
		text_draw(win, y + 1, x, w, _("(events may be missing: press s for the sources)"),
		          theme_attr(ROLE_DIM));
		return;
	}
	scope_format(&ctx->gov->scope, where, sizeof where);
	if (where[0])
		snprintf(buf, sizeof buf, _("No open events in %s."), where);
	else
		snprintf(buf, sizeof buf, "%s", _("No open events in the city."));
	text_draw(win, y, x, w, buf, theme_attr(ROLE_OK));
}

/* Columns sized for every row, so they line up and stay put while
 * scrolling; measured once per evaluation (and drawing mode), not in every
 * frame: hundreds of events cost as much as drawing the page. A cache of
 * what the gov view says, not state of the page. */
static const event_row_need_t *measure_rows(const ui_ctx_t *ctx, int total)
{
	static struct {
		uint64_t generation;
		bool ascii;
		event_row_need_t need;
	} memo;
	const gov_view_t *gv = ctx->gov;
	if (gv->generation && memo.generation == gv->generation && memo.ascii == glyphs()->ascii)
		return &memo.need;
	memo.need = (event_row_need_t){0};
	for (int i = 0; i < total; i++) {
		const event_t *e = gov_event(ctx->store, gv->events[i]);
		if (e)
			event_row_measure(&memo.need, e);
	}
	memo.generation = gv->generation;
	memo.ascii = glyphs()->ascii;
	return &memo.need;
}

static void events_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	struct nav_list *l = &nav->events;
	filter_refs_t fr = shown_events(ctx, nav);
	int total = (int)fr.count;
	const gov_view_t *gv = ctx->gov;
	char title[256];
	if (gv)
		board_title(&gv->summary, title, sizeof title);
	else
		snprintf(title, sizeof title, "%s", _("Events"));
	size_t len = strlen(title);
	filter_title_note(nav, fr.count, fr.total, title + len, sizeof title - len);
	werase(win);
	panel_draw(win, 0, 0, h, w, title, true);
	nav->body_cols = w;
	int inner = w - 2, y = 1;
	if (h < 5 || total == 0 || gv == NULL) {
		nav->body_rows = 1;
		if (h >= 5 && fr.total > 0) /* hidden by the filter */
			text_draw(win, y, 2, inner - 2, _("No event matches the filter (Esc clears it)."),
			          theme_attr(ROLE_DIM));
		else if (h >= 5)
			empty_note(win, y, 2, inner - 2, ctx);
		filter_refs_free(&fr);
		return;
	}
	summary_line(win, y++, 2, inner - 2, &gv->summary);
	int failing = failing_event_source(ctx->store);
	if (failing >= 0 && h >= 7) {
		const source_status_t *s = store_source(ctx->store, failing);
		char note[512];
		snprintf(note, sizeof note, _("source %s failing (%s): events as last reported"),
		         s->name, s->error ? s->error : _("no reason given"));
		text_draw(win, y++, 2, inner - 2, note, theme_attr(ROLE_ALARM));
	}
	int rows = h - 1 - (y + 1);
	nav->body_rows = rows > 1 ? rows : 1;
	l->selected = selected_row(&fr, nav);
	if (l->selected < l->scroll)
		l->scroll = l->selected;
	if (l->selected >= l->scroll + nav->body_rows)
		l->scroll = l->selected - nav->body_rows + 1;
	l->scroll = clamp(l->scroll, 0, total > nav->body_rows ? total - nav->body_rows : 0);

	event_row_layout_t lay;
	event_row_layout(&lay, inner - 2, measure_rows(ctx, (int)gv->event_count));
	event_row_header(win, y++, 2, &lay);
	for (int i = 0; i < nav->body_rows && l->scroll + i < total; i++) {
		int row = l->scroll + i;
		const event_t *e = gov_event(ctx->store, fr.refs[row]);
		if (e == NULL) /* gone since the evaluation: the next one drops it */
			continue;
		event_row_draw(win, y + i, 2, &lay, e, ctx->clock_ms, row == l->selected);
		mouse_note_row(nav, win, y + i, 2, inner - 2, row, row == l->selected);
	}
	if (total > nav->body_rows) {
		char pos[48];
		snprintf(pos, sizeof pos, " %d-%d/%d ", l->scroll + 1,
		         l->scroll + nav->body_rows < total ? l->scroll + nav->body_rows : total,
		         total);
		text_draw_right(win, h - 1, 1, w - 3, pos, theme_attr(ROLE_BORDER_FOCUS));
	}
	filter_refs_free(&fr);
}

static bool events_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	struct nav_list *l = &nav->events;
	filter_refs_t fr = shown_events(ctx, nav);
	int total = (int)fr.count;
	int page = nav->body_rows > 1 ? nav->body_rows - 1 : 1;
	l->selected = selected_row(&fr, nav);
	bool used = true;
	if (nav_list_move(l, act, total, page)) {
		if (total)
			l->serial = fr.refs[l->selected].serial;
	} else if (act == ACT_OPEN) {
		if (total > 0)
			nav_open_event(nav, fr.refs[l->selected]);
	} else {
		used = false;
	}
	filter_refs_free(&fr);
	return used;
}

const page_class_t page_events = {
    .title = N_("Events"),
    .draw = events_draw,
    .key = events_key,
};

/* The event page: one event in full — what, where, who owns it and since
 * when, its place on the closed loop, its plan's steps, each department's
 * part, its escalations, and the timeline of its stage and tier changes as
 * citydash saw them. Scrolls when longer than the screen.
 *
 * The event is the one nav->event names (store index and serial); if the
 * store no longer holds that serial (the feed stopped listing it), the page
 * says so rather than show another event in its slot. */
#include "pages.h"

#include <stdio.h>
#include <string.h>

#include "event_format.h"
#include "glyphs.h"
#include "i18n.h"
#include "panel.h"
#include "stage_bar.h"
#include "text_draw.h"
#include "theme.h"

/* Logical lines of the page, of which the window shows rows [scroll,
 * scroll + rows). A pass with win NULL only counts them. */
typedef struct lines {
	WINDOW *win;
	int top, rows, scroll;
	int x, w; /* where text goes */
	int n;    /* lines so far */
} lines_t;

/* The window row of the next line, or -1 when it is off screen. */
static int line(lines_t *L)
{
	int at = L->n++ - L->scroll;
	return L->win && at >= 0 && at < L->rows ? L->top + at : -1;
}

/* Draws s at column offset dx of line row y; returns the offset after it. */
static int put(const lines_t *L, int y, int dx, const char *s, int role)
{
	if (y < 0 || dx >= L->w)
		return dx;
	return dx + text_draw(L->win, y, L->x + dx, L->w - dx, s, theme_attr((theme_role_t)role));
}

/* "label value" pairs on one line, two spaces apart. */
static int pair(const lines_t *L, int y, int dx, const char *label, const char *value)
{
	if (value[0] == '\0')
		return dx;
	if (dx > 0)
		dx += 3;
	dx = put(L, y, dx, label, ROLE_DIM);
	return put(L, y, dx + 1, value, ROLE_LABEL);
}

static void header(lines_t *L, const event_t *e, const ui_ctx_t *ctx)
{
	char buf[512], t[64];
	int y = line(L);
	const char *marker = event_severity_marker(e->severity);
	snprintf(buf, sizeof buf, "%s%s%s", marker, marker[0] ? " " : "",
	         event_severity_word(e->severity));
	int dx = put(L, y, 0, buf, event_severity_role(e->severity)) + 1;
	int role = event_deadline_text(e, ctx->clock_ms, buf, sizeof buf);
	int dw = text_draw_width(buf);
	int room = L->w - dx - 1 - (dw ? dw + 2 : 0);
	if (y >= 0) {
		text_draw(L->win, y, L->x + dx + 1, room > 1 ? room - 1 : 0, event_label(e),
		          theme_attr(ROLE_VALUE));
		if (dw)
			text_draw_right(L->win, y, L->x, L->w, buf, theme_attr((theme_role_t)role));
	}

	y = line(L);
	dx = 0;
	if (e->type_name[0] && e->type[0])
		snprintf(buf, sizeof buf, "%s (%s)", e->type_name, e->type);
	else
		snprintf(buf, sizeof buf, "%s", e->type_name[0] ? e->type_name : e->type);
	dx = pair(L, y, dx, _("type"), buf);
	if (e->category[0] && e->subcategory[0])
		snprintf(buf, sizeof buf, "%s %s %s", e->category, glyphs()->crumb, e->subcategory);
	else
		snprintf(buf, sizeof buf, "%s%s", e->category, e->subcategory);
	pair(L, y, dx, _("category"), buf); /* the id is in the panel's title */

	y = line(L);
	event_place(e, buf, sizeof buf);
	dx = pair(L, y, 0, _("place"), buf[0] ? buf : _("not given"));
	event_tier_named(e->level, buf, sizeof buf);
	dx = pair(L, y, dx, _("owned by"), buf);
	if (e->escalation_count) {
		event_tier_chain(e, buf, sizeof buf);
		pair(L, y, dx, _("handed up"), buf);
	}

	y = line(L);
	event_time_text(e->opened_ms, ctx->clock_ms, buf, sizeof buf);
	event_age_text(e, ctx->clock_ms, t, sizeof t);
	if (t[0] && ctx->clock_ms - e->opened_ms <= EVENT_RECENT_MS) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, _(" (%s ago)"), t);
	}
	dx = pair(L, y, 0, _("opened"), buf);
	if (e->updated_ms > 0) {
		event_time_text(e->updated_ms, ctx->clock_ms, buf, sizeof buf);
		dx = pair(L, y, dx, _("updated"), buf);
	}
	if (e->due_ms > 0) {
		event_time_text(e->due_ms, ctx->clock_ms, buf, sizeof buf);
		dx = pair(L, y, dx, _("due"), buf);
		if (gov_event_overdue(e, ctx->clock_ms)) {
			event_deadline_text(e, ctx->clock_ms, t, sizeof t);
			put(L, y, dx + 1, t, ROLE_OVERDUE);
		}
	} else {
		pair(L, y, dx, _("due"), _("no deadline given"));
	}
}

static void stage(lines_t *L, const event_t *e)
{
	line(L);
	int y = line(L);
	int dx = put(L, y, 0, _("stage"), ROLE_DIM) + 1;
	if (y >= 0)
		stage_bar_draw(L->win, y, L->x + dx, L->w - dx, e->stage);
}

static void section(lines_t *L, const char *title)
{
	line(L);
	put(L, line(L), 0, title, ROLE_TITLE);
}

static void plan(lines_t *L, const event_t *e)
{
	char buf[256];
	int done, total;
	event_steps(e, &done, &total);
	snprintf(buf, sizeof buf, _("Plan: %d of %d steps done"), done, total);
	section(L, buf);
	if (e->plan_count == 0) {
		put(L, line(L), 2, _("no plan reported"), ROLE_DIM);
		return;
	}
	int name_w = 0;
	for (size_t i = 0; i < e->plan_count; i++) {
		int n = text_draw_width(e->plan[i].name);
		name_w = n > name_w ? n : name_w;
	}
	if (name_w > 30)
		name_w = 30;
	const glyphs_t *g = glyphs();
	for (size_t i = 0; i < e->plan_count; i++) {
		int y = line(L);
		bool ok = e->plan[i].done;
		put(L, y, 2, ok ? g->ok_mark : (g->ascii ? "." : "○"), ok ? ROLE_OK : ROLE_DIM);
		if (y >= 0)
			text_draw(L->win, y, L->x + 4, name_w < L->w - 4 ? name_w : L->w - 4,
			          e->plan[i].name, theme_attr(ok ? ROLE_LABEL : ROLE_VALUE));
		put(L, y, 4 + name_w + 2, e->plan[i].department, ROLE_DIM);
	}
	if (total > (int)e->plan_count) {
		snprintf(buf, sizeof buf, _("and %d more steps (not kept)"),
		         total - (int)e->plan_count);
		put(L, line(L), 4, buf, ROLE_DIM);
	}
}

static void departments(lines_t *L, const event_t *e)
{
	char buf[256];
	int done, total;
	event_depts_done(e, &done, &total);
	snprintf(buf, sizeof buf, _("Departments: %d of %d done"), done, total);
	section(L, buf);
	if (e->department_count == 0) {
		put(L, line(L), 2, _("no department reported"), ROLE_DIM);
		return;
	}
	int name_w = 0;
	for (size_t i = 0; i < e->department_count; i++) {
		int n = text_draw_width(e->departments[i].name);
		name_w = n > name_w ? n : name_w;
	}
	if (name_w > 24)
		name_w = 24;
	int word_w = 0; /* the widest state's word, so the steps line up after it */
	for (int s = DEPT_PENDING; s <= DEPT_DONE; s++) {
		int n = text_draw_width(event_dept_word((dept_state_t)s));
		word_w = n > word_w ? n : word_w;
	}
	int steps_at = 4 + name_w + 2 + word_w + 1;
	for (size_t i = 0; i < e->department_count; i++) {
		int y = line(L);
		dept_state_t s = e->departments[i].state;
		put(L, y, 2, event_dept_glyph(s), event_dept_role(s));
		if (y >= 0)
			text_draw(L->win, y, L->x + 4, name_w < L->w - 4 ? name_w : L->w - 4,
			          e->departments[i].name, theme_attr(ROLE_LABEL));
		int dx = put(L, y, 4 + name_w + 2, event_dept_word(s), event_dept_role(s));
		int sd, st;
		event_dept_steps(e, e->departments[i].name, &sd, &st);
		if (st > 0) {
			snprintf(buf, sizeof buf, P_("%d/%d step", "%d/%d steps", st), sd, st);
			put(L, y, dx >= steps_at ? dx + 1 : steps_at, buf, ROLE_DIM);
		}
	}
}

/* Where the text after a list's times starts: two columns past the widest
 * time ("07:12:05", "2d ago"; at least a clock's width, so lists line up). */
#define CLOCK_COLS 8 /* "07:12:05" */
static int after_times(int widest)
{
	return 2 + (widest > CLOCK_COLS ? widest : CLOCK_COLS) + 2;
}

static void escalations(lines_t *L, const event_t *e, const ui_ctx_t *ctx)
{
	if (e->escalation_count == 0)
		return;
	section(L, _("Escalations"));
	const char *arrow = glyphs()->ascii ? "->" : "→";
	char when[32];
	int widest = 0;
	for (size_t i = 0; i < e->escalation_count; i++) {
		event_time_text(e->escalations[i].at_ms, ctx->clock_ms, when, sizeof when);
		int n = text_draw_width(when);
		widest = n > widest ? n : widest;
	}
	for (size_t i = 0; i < e->escalation_count; i++) {
		const escalation_t *x = &e->escalations[i];
		char from[64], to[64], buf[256];
		event_time_text(x->at_ms, ctx->clock_ms, when, sizeof when);
		event_tier_named(x->from, from, sizeof from);
		event_tier_named(x->to, to, sizeof to);
		snprintf(buf, sizeof buf, "%s %s %s", from, arrow, to);
		int y = line(L);
		put(L, y, 2, when, ROLE_DIM);
		put(L, y, after_times(widest), buf, ROLE_LABEL);
	}
}

/* A change's time: at_ms is steady time, shown as the wall-clock time it
 * stands for. */
static void change_time(const ui_ctx_t *ctx, const event_change_t *c, char *buf, size_t size)
{
	event_time_text(ctx->clock_ms - (ctx->now_ms - c->at_ms), ctx->clock_ms, buf, size);
}

/* Stage and tier changes as citydash saw them. */
static void timeline(lines_t *L, const event_t *e, const ui_ctx_t *ctx)
{
	section(L, _("Timeline, as citydash saw it"));
	if (e->timeline_count == 0) {
		put(L, line(L), 2, _("no change seen yet"), ROLE_DIM);
		return;
	}
	char when[32], tier[64], buf[256];
	int widest = 0;
	for (size_t i = 0; i < e->timeline_count; i++) {
		change_time(ctx, &e->timeline[i], when, sizeof when);
		int n = text_draw_width(when);
		widest = n > widest ? n : widest;
	}
	int text_at = after_times(widest);
	for (size_t i = 0; i < e->timeline_count; i++) {
		const event_change_t *c = &e->timeline[i], *p = i ? &e->timeline[i - 1] : NULL;
		change_time(ctx, c, when, sizeof when);
		event_tier_named(c->level, tier, sizeof tier);
		const char *stage = stage_bar_name(c->stage);
		if (p == NULL)
			snprintf(buf, sizeof buf, _("first seen: %s, owned by %s"), stage, tier);
		else if (c->stage != p->stage && c->level != p->level)
			snprintf(buf, sizeof buf, _("stage %s, handed to %s"), stage, tier);
		else if (c->stage != p->stage)
			snprintf(buf, sizeof buf, _("stage %s"), stage);
		else if (c->level != p->level)
			snprintf(buf, sizeof buf, _("handed to %s"), tier);
		else
			buf[0] = '\0';
		int y = line(L);
		put(L, y, 2, when, ROLE_DIM);
		put(L, y, text_at, buf, ROLE_LABEL);
		if (i == 0 && e->timeline_count == STORE_EVENT_TIMELINE)
			put(L, line(L), text_at, _("(earlier changes not kept)"), ROLE_DIM);
	}
}

/* Columns side by side from this width: the plan on the left, who does it
 * and what happened on the right. */
#define TWO_COLUMNS_MIN 120

static void event_lines(lines_t *L, const event_t *e, const ui_ctx_t *ctx)
{
	header(L, e, ctx);
	stage(L, e);
	if (L->w < TWO_COLUMNS_MIN) {
		plan(L, e);
		departments(L, e);
		escalations(L, e, ctx);
		timeline(L, e, ctx);
		return;
	}
	lines_t left = *L, right = *L;
	left.w = (L->w - 3) / 2;
	right.x = L->x + left.w + 3;
	right.w = L->w - left.w - 3;
	plan(&left, e);
	departments(&right, e);
	escalations(&right, e, ctx);
	timeline(&right, e, ctx);
	L->n = left.n > right.n ? left.n : right.n;
}

/* The event nav->event names, or NULL if the store no longer holds it. An
 * event that moved in the store is found again by its serial. */
static const event_t *find_event(const ui_ctx_t *ctx, nav_t *nav)
{
	struct nav_item *it = &nav->event;
	const event_t *e = store_event(ctx->store, it->index);
	if (e && e->serial == it->serial)
		return e;
	if (it->serial == 0)
		return NULL;
	size_t n = store_event_count(ctx->store);
	for (size_t i = 0; i < n; i++) {
		e = store_event(ctx->store, i);
		if (e && e->serial == it->serial) {
			it->index = i;
			return e;
		}
	}
	return NULL;
}

static void event_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	werase(win);
	const event_t *e = find_event(ctx, nav);
	char title[256];
	snprintf(title, sizeof title, _("Event %s"), e ? e->id : "");
	panel_draw(win, 0, 0, h, w, title, true);
	nav->body_rows = h - 2 > 1 ? h - 2 : 1;
	nav->body_cols = w;
	if (h < 3)
		return;
	if (e == NULL) {
		text_draw(win, 1, 2, w - 4, _("This event is no longer reported by its feed."),
		          theme_attr(ROLE_WARN));
		text_draw(win, 2, 2, w - 4, _("Esc goes back."), theme_attr(ROLE_DIM));
		return;
	}
	lines_t L = {.win = NULL, .top = 1, .rows = nav->body_rows, .x = 2, .w = w - 4};
	event_lines(&L, e, ctx);
	int total = L.n;
	int max_scroll = total > L.rows ? total - L.rows : 0;
	if (nav->event.scroll > max_scroll)
		nav->event.scroll = max_scroll;
	if (nav->event.scroll < 0)
		nav->event.scroll = 0;
	L = (lines_t){.win = win,
	              .top = 1,
	              .rows = nav->body_rows,
	              .scroll = nav->event.scroll,
	              .x = 2,
	              .w = w - 4};
	event_lines(&L, e, ctx);
	if (total > L.rows) {
		char pos[48];
		snprintf(pos, sizeof pos, " %d-%d/%d ", L.scroll + 1, L.scroll + L.rows, total);
		text_draw_right(win, h - 1, 1, w - 3, pos, theme_attr(ROLE_BORDER_FOCUS));
	}
}

static bool event_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	(void)ctx;
	int page = nav->body_rows > 1 ? nav->body_rows - 1 : 1;
	int *scroll = &nav->event.scroll;
	switch (act) {
	case ACT_UP:
		(*scroll)--;
		break;
	case ACT_DOWN:
		(*scroll)++;
		break;
	case ACT_PAGE_UP:
		*scroll -= page;
		break;
	case ACT_PAGE_DOWN:
		*scroll += page;
		break;
	case ACT_HOME:
		*scroll = 0;
		break;
	case ACT_END:
		*scroll = 1 << 20; /* the next draw clamps it to the last screenful */
		break;
	default:
		return false;
	}
	if (*scroll < 0)
		*scroll = 0;
	return true;
}

const page_class_t page_event = {
    .title = N_("Event"),
    .draw = event_draw,
    .key = event_key,
};

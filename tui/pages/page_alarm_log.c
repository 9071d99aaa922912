/* The alarm history page (H): the engine's transition log, newest first —
 * time, alarm, from → to (glyph and tag each, so never by colour alone)
 * and, when an operator caused it, who and why. Scrolls; the selection
 * stays on the row (the log only grows at the top: the first row is kept
 * in view while it is). */
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>

#include "alarm_row.h"
#include "glyphs.h"
#include "filter.h"
#include "i18n.h"
#include "mouse.h"
#include "panel.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"
#include "xalloc.h"

static const alarm_log_t *log_of(const ui_ctx_t *ctx)
{
	return ctx->alarms ? alarm_engine_log(ctx->alarms) : NULL;
}

static int log_rows(const ui_ctx_t *ctx)
{
	const alarm_log_t *l = log_of(ctx);
	return l ? (int)alarm_log_count(l) : 0;
}

/* The transitions shown, newest first: those the text filter matches by
 * alarm id, who acted or why (filter.h), as indices for alarm_log_newest,
 * into a new array *rows (the caller frees it); returns how many. */
static int shown_rows(const ui_ctx_t *ctx, const nav_t *nav, size_t **rows)
{
	int total = log_rows(ctx), n = 0;
	*rows = xreallocarray(NULL, total ? (size_t)total : 1, sizeof **rows);
	for (int i = 0; i < total; i++) {
		const alarm_log_entry_t *e = alarm_log_newest(log_of(ctx), (size_t)i);
		const char *fields[] = {e->alarm, e->by, e->reason};
		if (filter_fields(nav->filter, fields, 3))
			(*rows)[n++] = (size_t)i;
	}
	return n;
}

/* The columns of the rows shown: a state (glyph and word) as wide as the
 * widest of theirs, priority and level words as wide as their widest
 * translations; the priority as a word ("HIGH") while the alarm's id keeps
 * ID_MIN columns, else as ISA numbers it ("P1"). */
typedef struct log_cols {
	int state, arrow, prio_word, prio;
	bool narrow;
} log_cols_t;

enum { ID_MIN = 32 };

static const char *arrow(void)
{
	return glyphs()->ascii ? "->" : "\xe2\x86\x92";
}

static log_cols_t log_cols(int w, const alarm_log_entry_t *const *shown, int n)
{
	log_cols_t c = {.arrow = text_draw_width(arrow())};
	for (int i = 0; i < n; i++) {
		int from = alarm_row_state_width((isa_state_t)shown[i]->from),
		    to = alarm_row_state_width((isa_state_t)shown[i]->to);
		c.state = from > c.state ? from : c.state;
		c.state = to > c.state ? to : c.state;
	}
	if (c.state == 0)
		c.state = alarm_row_state_cols();
	int clock = w >= ALARM_ROW_AGE_COLS ? 14 : 8; /* "08:00:00   10s" */
	int fixed =
	    clock + 1 + c.state + 1 + c.arrow + 1 + c.state + 1 + 1 + alarm_row_level_cols() + 1;
	c.narrow = w - fixed - alarm_row_priority_cols(false) < ID_MIN;
	c.prio_word = alarm_row_priority_cols(c.narrow);
	c.prio = c.prio_word + 1 + alarm_row_level_cols();
	return c;
}

/* Columns from x for a part `want` wide, no further than end. */
static int room(int x, int want, int end)
{
	int left = end - x;
	return want < left ? want : left > 0 ? left : 0;
}

/* One transition: "18:02:11  water.jb.p1  HIHI  ▲ UNACK → ✔ ACKED  ops@h1: pump". */
static void draw_entry(WINDOW *win, int y, int x, int w, const ui_ctx_t *ctx,
                       const alarm_log_entry_t *e, bool selected, const log_cols_t *c)
{
	attr_t base = theme_attr(selected ? ROLE_SELECTED : ROLE_NORMAL);
	attr_t dim = theme_attr(selected ? ROLE_SELECTED : ROLE_DIM);
	text_fill(win, y, x, w, base);
	int cx = x, end = x + w;
	char buf[320], clock[16], age[16];
	timefmt_format_clock(e->at_ms, clock, sizeof clock);
	timefmt_format_age(ctx->now_ms - e->at_ms, age, sizeof age);
	snprintf(buf, sizeof buf, w >= ALARM_ROW_AGE_COLS ? "%s %5s" : "%s", clock, age);
	cx += text_draw(win, y, cx, end - cx, buf, dim) + 1;
	/* From and to, all in the look of where it went. */
	attr_t to_attr = isa_state_unacked(e->to) ? theme_attr(ROLE_WARN) : theme_attr(ROLE_LABEL);
	attr_t states = selected ? base : to_attr;
	int span = c->state + 1 + c->arrow + 1 + c->state;
	text_fill(win, y, cx, room(cx, span, end), states);
	alarm_row_draw_state(win, y, cx, room(cx, c->state, end), (isa_state_t)e->from, states);
	text_draw(win, y, cx + c->state + 1, room(cx + c->state + 1, c->arrow, end), arrow(),
	          states);
	int to_x = cx + c->state + 1 + c->arrow + 1;
	alarm_row_draw_state(win, y, to_x, room(to_x, c->state, end), (isa_state_t)e->to, states);
	cx += span + 1;
	alarm_row_draw_prio_level(
	    win, y, cx, room(cx, c->prio, end), c->prio_word,
	    alarm_row_priority_word((alarm_priority_t)e->priority, c->narrow),
	    alarm_row_level_word((alarm_kind_t)e->kind, (alarm_level_t)e->level), dim);
	cx += c->prio + 1;
	if (cx >= end)
		return;
	int who_w = e->by[0] ? (end - cx) * 3 / 5 : 0; /* the reason is worth more room */
	text_draw(win, y, cx, end - cx - who_w, e->alarm, selected ? base : theme_attr(ROLE_LABEL));
	if (who_w) {
		snprintf(buf, sizeof buf, "%s%s%s", e->by, e->reason[0] ? ": " : "", e->reason);
		text_draw(win, y, end - who_w + 1, who_w - 1, buf, selected ? base : theme_attr(ROLE_VALUE));
	}
}

static void alarm_log_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	int rows = h - 2 > 1 ? h - 2 : 1;
	nav->body_rows = rows;
	nav->body_cols = w;
	size_t *shown;
	int total = shown_rows(ctx, nav, &shown);
	struct nav_list *l = &nav->alarm_log;
	if (l->selected >= total)
		l->selected = total ? total - 1 : 0;
	if (l->selected < l->scroll)
		l->scroll = l->selected;
	if (l->selected >= l->scroll + rows)
		l->scroll = l->selected - rows + 1;
	if (l->scroll > (total > rows ? total - rows : 0))
		l->scroll = total > rows ? total - rows : 0;
	const alarm_log_t *log = log_of(ctx);
	char title[200];
	int len = snprintf(title, sizeof title,
	                   _("Alarm history: %d transitions, newest first (%llu since start)"),
	                   log_rows(ctx), log ? (unsigned long long)alarm_log_total(log) : 0ULL);
	if (len > 0 && (size_t)len < sizeof title)
		filter_title_note(nav, (size_t)total, (size_t)log_rows(ctx), title + len,
		                  sizeof title - (size_t)len);
	panel_draw(win, 0, 0, h, w, title, true);
	if (total == 0) {
		text_draw(win, 1, 2, w - 4,
		          log_rows(ctx) ? _("no transition matches the filter (Esc clears it)")
		                        : _("no alarm transitions yet"),
		          theme_attr(ROLE_DIM));
		free(shown);
		return;
	}
	const alarm_log_entry_t **entries = xreallocarray(NULL, (size_t)rows, sizeof *entries);
	int n = 0;
	for (; n < rows && l->scroll + n < total; n++)
		entries[n] = alarm_log_newest(log, shown[l->scroll + n]);
	log_cols_t cols = log_cols(w - 4, entries, n);
	for (int i = 0; i < n; i++) {
		int at = l->scroll + i;
		draw_entry(win, 1 + i, 2, w - 4, ctx, entries[i], at == l->selected, &cols);
		mouse_note_row(nav, win, 1 + i, 2, w - 4, at, at == l->selected);
	}
	free(entries);
	if (total > rows) {
		char pos[48];
		snprintf(pos, sizeof pos, " %d-%d/%d ", l->scroll + 1,
		         l->scroll + rows < total ? l->scroll + rows : total, total);
		text_draw_right(win, h - 1, 1, w - 3, pos, theme_attr(ROLE_BORDER_FOCUS));
	}
	free(shown);
}

static bool alarm_log_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	int page = nav->body_rows > 1 ? nav->body_rows - 1 : 1;
	size_t *shown;
	int total = shown_rows(ctx, nav, &shown);
	free(shown);
	return nav_list_move(&nav->alarm_log, act, total, page);
}

const page_class_t page_alarm_log = {
    .title = N_("Alarm history"),
    .draw = alarm_log_draw,
    .key = alarm_log_key,
};

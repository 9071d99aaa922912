/* The alarms page: tabs Active / Shelved / Suppressed / Out of service
 * (←/→ or Tab), each the view's list in scope and in the engine's order
 * (unacknowledged first, then priority, then newest); the EEMUA strip; the
 * list (the key bar names the keys; a footer says why actions cannot be
 * kept when the journal is unusable). A acknowledges, * acknowledges every
 * unacknowledged alarm of the tab (asks first), S shelves (a form asks for
 * a duration and a reason), U unshelves: the page only asks
 * (nav.request, nav.form), the event loop acts. Enter on a limit or fault
 * alarm opens its reading; on a communications alarm, the alarms
 * suppressed under it. The selection follows the alarm (its id's hash). */
#include "pages.h"

#include <stdio.h>
#include <string.h>

#include "alarm_kpis.h"
#include "alarm_tab.h"
#include "alarm_row.h"
#include "form.h"
#include "filter.h"
#include "format.h"
#include "i18n.h"
#include "mouse.h"
#include "panel.h"
#include "text_draw.h"
#include "shown_age.h"
#include "theme.h"
#include "xalloc.h"

static void say(nav_t *nav, const ui_ctx_t *ctx, bool error, const char *text)
{
	snprintf(nav->message, sizeof nav->message, "%s", text);
	nav->message_error = error;
	nav->message_ms = ctx->now_ms ? ctx->now_ms : 1;
}

/* "Active 12 │ Shelved 3 │ …", the shown tab in brackets and reverse (so
 * it is told without colour). */
static void draw_tabs(WINDOW *win, int y, int w, const ui_ctx_t *ctx, const nav_t *nav)
{
	int cx = 1;
	view_alarm_list_t shown = alarm_tab_shown(nav);
	for (int t = 0; t < VIEW_ALARM_LISTS && cx < w - 1; t++) {
		size_t n = ctx->view ? view_alarm_list_count(ctx->view, (view_alarm_list_t)t) : 0;
		char buf[96];
		bool on = t == (int)shown;
		snprintf(buf, sizeof buf, on ? "[%s %zu]" : " %s %zu ", _(alarm_tab_name(t)), n);
		cx += text_draw(win, y, cx, w - 1 - cx, buf,
		                theme_attr(on ? ROLE_SELECTED : ROLE_LABEL) | (on ? A_BOLD : 0));
		cx += 1;
	}
}

/* The list's panel title: what the shown list holds. */
static void list_title(const ui_ctx_t *ctx, const nav_t *nav, size_t total, char *buf,
                       size_t size)
{
	view_alarm_list_t tab = alarm_tab_shown(nav);
	if (tab == VIEW_ALARMS_SUPPRESSED && nav->alarm_source > 0 && ctx->store &&
	    nav->alarm_source - 1 < (int)store_source_count(ctx->store)) {
		snprintf(buf, size, _("Suppressed under source:%s: %zu"),
		         store_source(ctx->store, nav->alarm_source - 1)->name, total);
	} else if (tab == VIEW_ALARMS_ACTIVE && ctx->view) {
		snprintf(buf, size, _("Active alarms: %zu, %u unacknowledged, %u high priority"), total,
		         ctx->view->alarms_unacked, ctx->view->alarms_critical);
	} else {
		snprintf(buf, size, C_("an alarm list's title: its name and length", "%s: %zu"),
		         _(alarm_tab_name(tab)), total);
	}
}

/* Without a usable journal, why actions cannot be kept (the status line
 * only says "Journal: unusable"): the footer's row, only then. */
static bool journal_footer(WINDOW *win, int y, int w, const ui_ctx_t *ctx)
{
	const alarm_status_t *as = ctx->alarm_status;
	if (!as || !as->journal_error[0])
		return false;
	if (win) {
		char buf[256];
		snprintf(buf, sizeof buf, _("Journal: %s"), as->journal_error);
		text_draw(win, y, 1, w - 2, buf, theme_attr(ROLE_WARN));
	}
	return true;
}

static void alarms_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	draw_tabs(win, 0, w, ctx, nav);
	alarm_kpis_strip_draw(win, 1, 1, w - 2, ctx);
	bool footer = journal_footer(NULL, 0, 0, ctx);
	int box_h = h - 2 - (footer ? 1 : 0);
	int rows = box_h - 2 > 1 ? box_h - 2 : 1;
	nav->body_rows = rows;
	nav->body_cols = w;
	int total = (int)alarm_tab_count(ctx, nav);
	alarm_tab_selected(ctx, nav);
	if (nav->alarm_selected < nav->alarm_scroll)
		nav->alarm_scroll = nav->alarm_selected;
	if (nav->alarm_selected >= nav->alarm_scroll + rows)
		nav->alarm_scroll = nav->alarm_selected - rows + 1;
	int max_scroll = total > rows ? total - rows : 0;
	nav->alarm_scroll = nav->alarm_scroll < 0 ? 0 : nav->alarm_scroll > max_scroll ? max_scroll
	                                                                              : nav->alarm_scroll;
	char title[256];
	list_title(ctx, nav, alarm_tab_total(ctx, nav), title, sizeof title); /* before the filter */
	size_t len = strlen(title);
	filter_title_note(nav, (size_t)total, alarm_tab_total(ctx, nav), title + len,
	                  sizeof title - len);
	panel_draw(win, 2, 0, box_h, w, title, true);
	if (footer)
		journal_footer(win, h - 1, w, ctx);
	if (total == 0) {
		char text[256];
		int role = ROLE_DIM;
		if (nav->filter[0]) /* hidden by the filter: never "all clear" */
			snprintf(text, sizeof text, "%s", _("No alarm matches the filter (Esc clears it)."));
		else if (alarm_tab_shown(nav) == VIEW_ALARMS_ACTIVE && ctx->view)
			role = format_no_alarms(ctx->view, text, sizeof text); /* all clear only if whole */
		else
			snprintf(text, sizeof text, "%s", _("none"));
		text_draw(win, 3, 2, w - 4, text, theme_attr(role));
		return;
	}
	alarm_row_need_t need = {0}; /* the names shown: the value beside them (alarm_row.h) */
	for (int i = 0; i < rows && nav->alarm_scroll + i < total; i++)
		alarm_row_measure(ctx, alarm_tab_at(ctx, nav, (size_t)(nav->alarm_scroll + i)), &need);
	alarm_row_cols_t cols = alarm_row_cols_fit(w - 4, &need);
	for (int i = 0; i < rows && nav->alarm_scroll + i < total; i++) {
		int at = nav->alarm_scroll + i;
		const alarm_info_t *a = alarm_tab_at(ctx, nav, (size_t)at);
		alarm_row_draw_cols(win, 3 + i, 2, w - 4, ctx, a, at == nav->alarm_selected, &cols);
		if (a && a->kind != ALARM_KIND_COMM)
			shown_age_reading(nav, ctx, a->index);
		mouse_note_row(nav, win, 3 + i, 2, w - 4, at, at == nav->alarm_selected);
	}
	if (total > rows) {
		char pos[48];
		snprintf(pos, sizeof pos, " %d-%d/%d ", nav->alarm_scroll + 1,
		         nav->alarm_scroll + rows < total ? nav->alarm_scroll + rows : total, total);
		text_draw_right(win, 2 + box_h - 1, 1, w - 3, pos, theme_attr(ROLE_BORDER_FOCUS));
	}
}

/* Why a key does nothing on this alarm, or NULL if it applies. */
static const char *refusal(action_t act, const alarm_info_t *a)
{
	switch (act) {
	case ACT_ACK:
		if (isa_state_unacked(a->state))
			return NULL;
		return a->state == ISA_ACKED   ? _("already acknowledged")
		       : a->state == ISA_SHLVD ? _("shelved: nothing to acknowledge (U unshelves)")
		       : a->state == ISA_DSUPR ? _("suppressed: nothing to acknowledge")
		       : a->state == ISA_OOSRV ? _("out of service: nothing to acknowledge")
		                               : _("nothing to acknowledge");
	case ACT_SHELVE:
		return a->state == ISA_SHLVD   ? _("already shelved (U unshelves)")
		       : a->state == ISA_DSUPR ? _("suppressed: cannot be shelved")
		       : a->state == ISA_OOSRV ? _("out of service: cannot be shelved")
		                               : NULL;
	case ACT_UNSHELVE:
		return a->state == ISA_SHLVD ? NULL : _("not shelved");
	default:
		return NULL;
	}
}

static void ask_one(nav_t *nav, nav_request_kind_t kind, const char *id)
{
	nav_request_clear(&nav->request);
	nav->request.kind = kind;
	nav->request.alarms = xmalloc(sizeof *nav->request.alarms);
	nav->request.alarms[0] = xstrdup(id);
	nav->request.count = 1;
}

/* "*": every unacknowledged alarm of the shown list, confirmed first. */
static void ack_all(const ui_ctx_t *ctx, nav_t *nav)
{
	size_t total = alarm_tab_count(ctx, nav), n = 0;
	for (size_t i = 0; i < total; i++)
		n += isa_state_unacked(alarm_tab_at(ctx, nav, i)->state);
	if (n == 0) {
		say(nav, ctx, false, _("nothing to acknowledge in this list"));
		return;
	}
	char **ids = xreallocarray(NULL, n, sizeof *ids);
	n = 0;
	for (size_t i = 0; i < total; i++) {
		const alarm_info_t *a = alarm_tab_at(ctx, nav, i);
		if (isa_state_unacked(a->state))
			ids[n++] = xstrdup(a->id);
	}
	form_open_confirm_ack_all(nav, ids, n);
}

/* The worklist moves on: acknowledged, the selected alarm sorts below the
 * unacknowledged ones, and the selection would follow it to the list's end.
 * The next row takes the selection instead when it still waits for an
 * acknowledgement, so A, A, A works down the list. */
static uint64_t next_unacked(const ui_ctx_t *ctx, const nav_t *nav)
{
	size_t next = (size_t)nav->alarm_selected + 1;
	if (next >= alarm_tab_count(ctx, nav))
		return 0;
	const alarm_info_t *b = alarm_tab_at(ctx, nav, next);
	return b && isa_state_unacked(b->state) ? nav_name_key(b->id) : 0;
}

static void act_on(action_t act, const ui_ctx_t *ctx, nav_t *nav, const alarm_info_t *a)
{
	if (!a) {
		say(nav, ctx, true, _("no alarm selected"));
		return;
	}
	const char *why = refusal(act, a);
	if (why) {
		char buf[sizeof nav->message];
		snprintf(buf, sizeof buf, "%s: %s", a->id, why);
		say(nav, ctx, true, buf);
	} else if (act == ACT_ACK) {
		ask_one(nav, NAV_REQ_ACK, a->id);
		nav->request.select_after = next_unacked(ctx, nav);
	} else if (act == ACT_UNSHELVE) {
		ask_one(nav, NAV_REQ_UNSHELVE, a->id);
	} else {
		form_open_shelve(nav, a->id);
	}
}

void nav_request_done(nav_t *nav, bool done)
{
	if (done && nav->request.select_after)
		nav->alarm_serial = nav->request.select_after;
	nav_request_clear(&nav->request);
}

static void switch_tab(nav_t *nav, int by)
{
	nav->alarm_tab = ((int)alarm_tab_shown(nav) + by + VIEW_ALARM_LISTS) % VIEW_ALARM_LISTS;
	nav->alarm_source = 0;
	nav->alarm_selected = nav->alarm_scroll = 0;
	nav->alarm_serial = 0;
}

static void open_alarm(const ui_ctx_t *ctx, nav_t *nav, const alarm_info_t *a)
{
	if (!a)
		return;
	if (a->kind == ALARM_KIND_COMM) {
		/* What it holds down: the Suppressed tab, that source only. */
		nav->alarm_tab = VIEW_ALARMS_SUPPRESSED;
		nav->alarm_source = a->source + 1;
		nav->alarm_selected = nav->alarm_scroll = 0;
		nav->alarm_serial = 0;
		return;
	}
	if (ctx->store && a->index < store_reading_count(ctx->store) &&
	    nav_serial(ctx->store, a->index) == a->serial)
		nav_open_reading(nav, ctx->store, a->index);
	else
		say(nav, ctx, true, _("its reading is gone"));
}

static bool alarms_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	int total = (int)alarm_tab_count(ctx, nav);
	const alarm_info_t *a = alarm_tab_selected(ctx, nav);
	struct nav_list l = {nav->alarm_selected, nav->alarm_scroll, nav->alarm_serial};
	int page = nav->body_rows > 1 ? nav->body_rows - 1 : 1;
	if (nav_list_move(&l, act, total, page)) {
		nav->alarm_selected = l.selected;
		nav->alarm_scroll = l.scroll;
		const alarm_info_t *b = total ? alarm_tab_at(ctx, nav, (size_t)l.selected) : NULL;
		nav->alarm_serial = b ? nav_name_key(b->id) : 0;
		return true;
	}
	switch (act) {
	case ACT_LEFT:
	case ACT_PREV:
		switch_tab(nav, -1);
		return true;
	case ACT_RIGHT:
	case ACT_NEXT:
		switch_tab(nav, 1);
		return true;
	case ACT_OPEN:
		open_alarm(ctx, nav, a);
		return true;
	case ACT_ACK:
	case ACT_SHELVE:
	case ACT_UNSHELVE:
		act_on(act, ctx, nav, a);
		return true;
	case ACT_ACK_ALL:
		ack_all(ctx, nav);
		return true;
	default:
		return false;
	}
}

const page_class_t page_alarms = {
    .title = N_("Alarms"),
    .draw = alarms_draw,
    .key = alarms_key,
};

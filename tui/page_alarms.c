/* The alarms page: every active alarm in the scope (view_alarm), in the
 * pane's order (HIHI/LOLO first, newest first), scrollable; Enter opens the reading's page,
 * and Esc comes back here. The selection follows the alarm, not the row. */
#include "pages.h"

#include <stdio.h>

#include "alarm_row.h"
#include "format.h"
#include "i18n.h"
#include "panel.h"
#include "text_draw.h"
#include "theme.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The selected alarm's row now: alarms come and go above it. PLACEHOLDER
 * (issue 9): by row only, until the page is redone. */
static int selected_row(const ui_ctx_t *ctx, nav_t *nav)
{
	int total = (int)view_alarm_count(ctx->view);
	return clamp(nav->alarm_selected, 0, total ? total - 1 : 0);
}

static void alarms_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	int total = (int)view_alarm_count(ctx->view);
	int rows = h - 2 > 1 ? h - 2 : 1;
	nav->body_rows = rows;
	nav->body_cols = w;
	nav->alarm_selected = selected_row(ctx, nav);
	if (nav->alarm_selected < nav->alarm_scroll)
		nav->alarm_scroll = nav->alarm_selected;
	if (nav->alarm_selected >= nav->alarm_scroll + rows)
		nav->alarm_scroll = nav->alarm_selected - rows + 1;
	nav->alarm_scroll = clamp(nav->alarm_scroll, 0, total > rows ? total - rows : 0);

	size_t crit = ctx->view->alarms_critical;
	char title[128];
	snprintf(title, sizeof title, _("All alarms: %zu HIHI/LOLO, %zu HI/LO"), crit,
	         (size_t)total - crit);
	panel_draw(win, 0, 0, h, w, title, true);
	if (total == 0) {
		char text[256]; /* all clear only when all the data is there and fresh */
		int role = format_no_alarms(ctx->view, text, sizeof text);
		text_draw(win, 1, 2, w - 4, text, theme_attr(role));
		return;
	}
	for (int i = 0; i < rows && nav->alarm_scroll + i < total; i++) {
		int at = nav->alarm_scroll + i;
		alarm_row_draw(win, 1 + i, 2, w - 4, ctx, view_alarm(ctx->view, (size_t)at),
		               at == nav->alarm_selected);
	}
	if (total > rows) {
		char pos[48];
		snprintf(pos, sizeof pos, " %d-%d/%d ", nav->alarm_scroll + 1,
		         nav->alarm_scroll + rows < total ? nav->alarm_scroll + rows : total,
		         total);
		text_draw_right(win, h - 1, 1, w - 3, pos, theme_attr(ROLE_BORDER_FOCUS));
	}
}

static bool alarms_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	int total = (int)view_alarm_count(ctx->view);
	int page = nav->body_rows > 1 ? nav->body_rows - 1 : 1;
	nav->alarm_selected = selected_row(ctx, nav);
	switch (act) {
	case ACT_UP:
		nav->alarm_selected--;
		break;
	case ACT_DOWN:
		nav->alarm_selected++;
		break;
	case ACT_PAGE_UP:
		nav->alarm_selected -= page;
		break;
	case ACT_PAGE_DOWN:
		nav->alarm_selected += page;
		break;
	case ACT_HOME:
		nav->alarm_selected = 0;
		break;
	case ACT_END:
		nav->alarm_selected = total - 1;
		break;
	case ACT_OPEN:
		if (nav->alarm_selected < total) {
			const alarm_info_t *a = view_alarm(ctx->view, (size_t)nav->alarm_selected);
			if (a && a->kind != ALARM_KIND_COMM)
				nav_open_reading(nav, ctx->store, a->index);
		}
		return true;
	default:
		return false;
	}
	nav->alarm_selected = clamp(nav->alarm_selected, 0, total ? total - 1 : 0);
	return true;
}

const page_class_t page_alarms = {
    .title = N_("Alarms"),
    .draw = alarms_draw,
    .key = alarms_key,
};

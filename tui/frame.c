#include "frame.h"

#include <stdio.h>
#include <string.h>

#include "glyphs.h"
#include "i18n.h"
#include "statusbar.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"

void frame_free(frame_t *f)
{
	if (f->title)
		delwin(f->title);
	if (f->body)
		delwin(f->body);
	if (f->status)
		delwin(f->status);
	f->title = f->body = f->status = NULL;
}

void frame_layout(frame_t *f, int rows, int cols)
{
	frame_free(f);
	f->rows = rows;
	f->cols = cols;
	if (rows < FRAME_MIN_ROWS || cols < FRAME_MIN_COLS)
		return;
	f->title = newwin(1, cols, 0, 0);
	f->body = newwin(rows - 2, cols, 1, 0);
	f->status = newwin(1, cols, rows - 1, 0);
	if (!f->title || !f->body || !f->status)
		frame_free(f);
}

static void draw_title(WINDOW *win, const ui_ctx_t *ctx, const nav_t *nav)
{
	int w = getmaxx(win);
	attr_t bar = theme_attr(ROLE_STATUS_BAR);
	text_fill(win, 0, 0, w, bar);
	char left[160];
	const page_class_t *page = page_get(nav->page);
	const glyphs_t *g = glyphs();
	if (nav->page == PAGE_DOMAIN)
		snprintf(left, sizeof left, " citydash %s %s %s %s", g->separator, _("Overview"),
		         g->crumb, _(domain_title(nav->domain)));
	else
		snprintf(left, sizeof left, " citydash %s %s", g->separator, _(page->title));
	int cx = text_draw(win, 0, 0, w, left, bar | A_BOLD) + 3;

	size_t n = alarm_engine_active_count(ctx->alarms);
	size_t crit = alarm_engine_critical_count(ctx->alarms);
	/* The words of the blocks and the help: alarm = HIHI/LOLO, warning = HI/LO. */
	char alarms[160], a1[48], a2[48], a3[48] = "";
	snprintf(a1, sizeof a1, P_("%zu alarm", "%zu alarms", crit), crit);
	snprintf(a2, sizeof a2, P_("%zu warning", "%zu warnings", n - crit), n - crit);
	size_t frozen = alarm_engine_stale_count(ctx->alarms);
	if (frozen) /* counted in the blocks as stale: say how many are */
		snprintf(a3, sizeof a3, _(" (%zu on stale data)"), frozen);
	snprintf(alarms, sizeof alarms, " %s, %s%s ", a1, a2, a3);
	attr_t aa = crit ? theme_attr(ROLE_STATUS_FAIL)
	            : n  ? bar | A_BOLD
	                 : theme_attr(ROLE_STATUS_OK);
	cx += text_draw(win, 0, cx, w - cx, alarms, aa);

	text_draw_right(win, 0, cx + 1, w - cx - 1, _("? help  s sources  q quit "), bar);
}

static void draw_too_small(const frame_t *f)
{
	werase(stdscr);
	char msg[160];
	snprintf(msg, sizeof msg, _("Terminal too small: %dx%d, citydash needs %dx%d."), f->cols,
	         f->rows, FRAME_MIN_COLS, FRAME_MIN_ROWS);
	int y = f->rows / 2 - 1;
	if (y < 0)
		y = 0;
	text_draw(stdscr, y, 0, f->cols, msg, theme_attr(ROLE_WARN));
	if (y + 1 < f->rows)
		text_draw(stdscr, y + 1, 0, f->cols, _("Enlarge the window, or press q to quit."),
		          theme_attr(ROLE_NORMAL));
}

void frame_draw(frame_t *f, const ui_ctx_t *ctx, nav_t *nav)
{
	if (!f->body) {
		draw_too_small(f);
		return;
	}
	werase(f->title);
	werase(f->body);
	werase(f->status);
	draw_title(f->title, ctx, nav);
	page_get(nav->page)->draw(f->body, ctx, nav);
	statusbar_draw(f->status, ctx);
}

void frame_stage(frame_t *f)
{
	if (!f->body) {
		wnoutrefresh(stdscr);
		return;
	}
	wnoutrefresh(f->title);
	wnoutrefresh(f->body);
	wnoutrefresh(f->status);
}

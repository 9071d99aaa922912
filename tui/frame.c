#include "frame.h"

#include <stdio.h>
#include <string.h>

#include "glyphs.h"
#include "i18n.h"
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
	char alarms[96];
	snprintf(alarms, sizeof alarms, _(" %zu alarms, %zu critical "), n, crit);
	attr_t aa = crit ? theme_attr(ROLE_STATUS_FAIL) : n ? bar | A_BOLD : theme_attr(ROLE_STATUS_OK);
	cx += text_draw(win, 0, cx, w - cx, alarms, aa);

	char right[96], clock[16];
	timefmt_format_clock(ctx->now_ms, clock, sizeof clock);
	snprintf(right, sizeof right, _("? help  q quit  %s "), clock);
	text_draw_right(win, 0, cx + 1, w - cx - 1, right, bar);
}

/* One source: "water ✔ 1s" or "power ✖ no answer within 5000 ms (2m)". */
static int draw_source(WINDOW *win, int x, int maxw, const source_status_t *s, int64_t now,
		       bool compact)
{
	const glyphs_t *g = glyphs();
	char buf[256], age[16];
	int64_t since = s->ever_ok ? now - s->last_ok_ms : -1;
	timefmt_format_age(since, age, sizeof age);
	attr_t a;
	if (s->failing) {
		snprintf(buf, sizeof buf, compact ? "%s%s%s" : "%s %s %s", s->name, g->fail_mark,
			 s->ever_ok ? age : _("never"));
		a = theme_attr(ROLE_STATUS_FAIL);
	} else if (!s->ever_ok) {
		snprintf(buf, sizeof buf, "%s %s", s->name, g->ellipsis);
		a = theme_attr(ROLE_STATUS_BAR);
	} else {
		snprintf(buf, sizeof buf, compact ? "%s%s%s" : "%s %s %s", s->name, g->ok_mark, age);
		a = theme_attr(ROLE_STATUS_OK);
	}
	return text_draw(win, 0, x, maxw, buf, a);
}

static void draw_status(WINDOW *win, const ui_ctx_t *ctx)
{
	int w = getmaxx(win);
	text_fill(win, 0, 0, w, theme_attr(ROLE_STATUS_BAR));
	size_t n = store_source_count(ctx->store);
	/* Measure the full form; fall back to the compact one if it does not fit. */
	bool compact = false;
	int need = 1;
	for (size_t i = 0; i < n; i++)
		need += (int)strlen(store_source(ctx->store, (int)i)->name) + 6;
	if (need > w)
		compact = true;
	int cx = 1;
	const source_status_t *first_fail = NULL;
	for (size_t i = 0; i < n && cx < w; i++) {
		const source_status_t *s = store_source(ctx->store, (int)i);
		if (s->failing && !first_fail)
			first_fail = s;
		cx += draw_source(win, cx, w - cx, s, ctx->now_ms, compact) + 1;
	}
	/* The reason of the first failure, where it fits: failing must say why. */
	if (first_fail && first_fail->error && cx < w - 10) {
		char why[320];
		snprintf(why, sizeof why, "%s: %s", first_fail->name, first_fail->error);
		text_draw(win, 0, cx + 1, w - cx - 2, why, theme_attr(ROLE_STATUS_FAIL));
	}
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
	draw_status(f->status, ctx);
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

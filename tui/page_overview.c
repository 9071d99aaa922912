/* The overview: one block per domain (counts and worst readings as gauges)
 * and the alarm pane. */
#include "pages.h"

#include <stdio.h>
#include <string.h>

#include "alarm_row.h"
#include "format.h"
#include "i18n.h"
#include "panel.h"
#include "reading_row.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"

typedef struct grid {
	int cols, rows;       /* blocks across and down */
	int block_h;          /* rows of one block */
	int alarm_y, alarm_h; /* the alarm pane */
} grid_t;

/* The alarm pane takes what its alarms need, between a floor that keeps it
 * visible and a third of the screen; the domain blocks get the rest. */
static grid_t grid_for(int h, int w, size_t alarms, int blocks)
{
	grid_t g = {.cols = w >= 120 ? 3 : 2};
	g.rows = (blocks + g.cols - 1) / g.cols;
	int want = (int)(alarms < 100 ? alarms : 100) + 2;
	int most = h / 3 > 5 ? h / 3 : 5;
	g.alarm_h = want < 5 ? 5 : want > most ? most : want;
	g.block_h = (h - g.alarm_h) / g.rows;
	g.alarm_y = g.block_h * g.rows;
	g.alarm_h = h - g.alarm_y;
	return g;
}

/* "ok 38  warn 2  alarm 1  stale 0  bad 1  null 0", zero counts dimmed. A
 * reading counts under every state it has (a stale alarm is an alarm and
 * stale), so these agree with the title's alarm count. */
static void draw_counts(WINDOW *win, int y, int x, int width, const domain_view_t *dv)
{
	static const struct {
		int state; /* VS_COUNT: ok */
		const char *label;
		theme_role_t role;
		bool rare; /* shown only when not zero */
	} items[] = {
	    {VS_COUNT, N_("ok"), ROLE_OK, false},
	    {VS_WARNING, N_("warn"), ROLE_WARN, false},
	    {VS_ALARM, N_("alarm"), ROLE_ALARM, false},
	    {VS_STALE, N_("stale"), ROLE_STALE, false},
	    {VS_BAD, N_("bad"), ROLE_BAD, false},
	    {VS_NOVALUE, N_("null"), ROLE_DIM, true},
	    {VS_UNCERTAIN, N_("uncertain"), ROLE_LABEL, true},
	    {VS_LIMITS_INVALID, N_("limits invalid"), ROLE_WARN, true},
	};
	enum { N = sizeof items / sizeof items[0] };
	char text[N][48];
	unsigned count[N];
	int need = 0, need_nonzero = 0;
	for (size_t i = 0; i < N; i++) {
		count[i] = items[i].state == VS_COUNT ? dv->ok : dv->counts[items[i].state];
		unsigned n = count[i];
		if (items[i].rare && n == 0)
			text[i][0] = '\0';
		else
			snprintf(text[i], sizeof text[i], "%s %u", _(items[i].label), n);
		need += text[i][0] ? text_width(text[i]) + 1 : 0;
		need_nonzero += n || i == 0 ? text_width(text[i]) + 1 : 0;
	}
	/* Narrow: single spaces, then only the counts that are not zero (and ok). */
	int gap = need + (N - 1) <= width ? 2 : 1;
	bool skip_zero = need - 1 > width && need_nonzero - 1 <= width;
	int cx = x, end = x + width;
	for (size_t i = 0; i < N && cx < end; i++) {
		unsigned n = count[i];
		if (!text[i][0] || (skip_zero && n == 0 && i != 0))
			continue;
		attr_t a = n ? theme_attr(items[i].role) : theme_attr(ROLE_DIM);
		cx += text_draw(win, y, cx, end - cx, text[i], a) + gap;
	}
}

/* Draws s over up to `rows` lines of w columns, breaking at spaces; the
 * last line is cut with an ellipsis if the text is longer still. */
static void draw_wrapped(WINDOW *win, int y, int x, int w, int rows, const char *s, attr_t a)
{
	char line[512];
	for (int row = 0; row < rows && *s; row++) {
		int cols;
		size_t n = text_prefix_for_width(s, w, &cols);
		if (s[n] && row == rows - 1) {
			n = strlen(s);
		} else if (s[n] && s[n] != ' ') {
			size_t space = n;
			while (space > 0 && s[space] != ' ')
				space--;
			if (space > 0)
				n = space;
		}
		size_t len = n < sizeof line ? n : sizeof line - 1;
		memcpy(line, s, len);
		line[len] = '\0';
		text_draw(win, y + row, x, w, line, a);
		s += n;
		while (*s == ' ')
			s++;
	}
}

static void draw_block(WINDOW *win, int y, int x, int h, int w, const ui_ctx_t *ctx, domain_t d,
                       bool focused)
{
	const domain_view_t *dv = &ctx->view->domains[d];
	char title[96];
	snprintf(title, sizeof title, "%s (%u)", _(domain_title(d)), dv->total);
	panel_draw(win, y, x, h, w, title, focused);
	int iw = w - 2, ix = x + 1;
	if (h < 3 || iw < 10)
		return;
	/* What its sources say: why it is empty, or that one of them fails. */
	char note[256];
	int role = format_domain_sources(ctx->view, ctx->store, d, note, sizeof note);
	if (dv->total == 0) {
		draw_wrapped(win, y + 1, ix + 1, iw - 1, h - 2, note, theme_attr(role));
		return;
	}
	draw_counts(win, y + 1, ix + 1, iw - 1, dv);
	int top = y + 2;
	if (note[0] && h > 4)
		text_draw(win, top++, ix + 1, iw - 1, note, theme_attr(role));
	reading_row_opts_t opts = {.detailed = false};
	for (int row = 0; top + row < y + h - 1 && (unsigned)row < dv->total; row++)
		reading_row_draw(win, top + row, ix, iw, ctx, dv->worst[row], &opts);
}

static void draw_alarm_pane(WINDOW *win, int y, int h, int w, const ui_ctx_t *ctx)
{
	size_t n = alarm_engine_active_count(ctx->alarms);
	char title[96];
	size_t crit = alarm_engine_critical_count(ctx->alarms);
	char warnings[48];
	snprintf(warnings, sizeof warnings, P_("%zu HI/LO warning", "%zu HI/LO warnings", n - crit),
	         n - crit);
	if (ctx->view->readings == 0) /* no count of alarms in data that is not there */
		snprintf(title, sizeof title, "%s", _("Alarms: no data"));
	else
		snprintf(title, sizeof title, _("Alarms: %zu HIHI/LOLO, %s"), crit, warnings);
	panel_draw(win, y, 0, h, w, title, false);
	int rows = h - 2;
	if (n == 0) {
		char text[256];
		int role = format_no_alarms(ctx->view, text, sizeof text);
		text_draw(win, y + 1, 2, w - 4, text, theme_attr(role));
		return;
	}
	bool more = n > (size_t)rows;
	int shown = more ? rows - 1 : (int)n;
	for (int i = 0; i < shown; i++)
		alarm_row_draw(win, y + 1 + i, 2, w - 4, ctx,
		               alarm_engine_active(ctx->alarms, (size_t)i), false);
	if (more) {
		char buf[96];
		snprintf(buf, sizeof buf, _("and %zu more: press a for every alarm"),
		         n - (size_t)shown);
		text_draw(win, y + 1 + shown, 2, w - 4, buf, theme_attr(ROLE_DIM));
	}
}

static void overview_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	int blocks = view_domain_count(ctx->view);
	grid_t g = grid_for(h, w, alarm_engine_active_count(ctx->alarms), blocks);
	if (nav->focus >= blocks)
		nav->focus = 0;
	for (int d = 0; d < blocks; d++) {
		int col = d % g.cols, row = d / g.cols;
		int bx = w * col / g.cols, bw = w * (col + 1) / g.cols - bx;
		draw_block(win, row * g.block_h, bx, g.block_h, bw, ctx, (domain_t)d,
		           nav->focus == d);
	}
	draw_alarm_pane(win, g.alarm_y, g.alarm_h, w, ctx);
	nav->body_rows = h;
	nav->body_cols = w;
}

static bool overview_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	int n = view_domain_count(ctx->view);
	int cols = grid_for(nav->body_rows, nav->body_cols, 0, n).cols;
	switch (act) {
	case ACT_NEXT:
	case ACT_RIGHT:
		nav->focus = (nav->focus + 1) % n;
		return true;
	case ACT_PREV:
	case ACT_LEFT:
		nav->focus = (nav->focus + n - 1) % n;
		return true;
	case ACT_DOWN:
		nav->focus = (nav->focus + cols) % n;
		return true;
	case ACT_UP:
		nav->focus = (nav->focus + n - cols) % n;
		return true;
	case ACT_OPEN:
		nav->page = PAGE_DOMAIN;
		nav->domain = (domain_t)nav->focus;
		nav->selected = 0;
		nav->scroll = 0;
		return true;
	default:
		return false;
	}
}

const page_class_t page_overview = {
    .title = N_("Overview"),
    .draw = overview_draw,
    .key = overview_key,
};

#include "frame.h"

#include <stdio.h>
#include <string.h>

#include "alarm_kpis.h"
#include "banner.h"
#include "form.h"
#include "filter.h"
#include "format.h"
#include "glyphs.h"
#include "i18n.h"
#include "keybar.h"
#include "statusbar.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"

void frame_free(frame_t *f)
{
	if (f->under_banner)
		delwin(f->under_banner);
	if (f->title)
		delwin(f->title);
	if (f->body)
		delwin(f->body);
	if (f->status)
		delwin(f->status);
	if (f->keybar)
		delwin(f->keybar);
	f->title = f->body = f->status = f->under_banner = f->keybar = NULL;
}

void frame_layout(frame_t *f, int rows, int cols)
{
	frame_free(f);
	f->rows = rows;
	f->cols = cols;
	if (rows < FRAME_MIN_ROWS || cols < FRAME_MIN_COLS)
		return;
	int keybar = f->no_keybar ? 0 : 1; /* the key bar's row, above the status bar */
	f->title = newwin(1, cols, 0, 0);
	f->body = newwin(rows - 2 - keybar, cols, 1, 0);
	f->status = newwin(1, cols, rows - 1, 0);
	if (keybar)
		f->keybar = newwin(1, cols, rows - 2, 0);
	if (f->body)
		f->under_banner = derwin(f->body, rows - 3 - keybar, cols, 1, 0);
	f->under_top = 1;
	if (!f->title || !f->body || !f->status || !f->under_banner || (keybar && !f->keybar))
		frame_free(f);
}

/* The title's middle: alarm counts, then what keeps the data from being
 * whole (failing sources, sources that never answered, stale readings), then
 * the key hint if there is room. "alarms: 0 high, 0 medium" is green only when all the data
 * is there and fresh; with no data at all there is no count, only "no data".
 * Each in a long and a short form (index 0 and 1). */
typedef struct summary {
	char counts[2][160];
	char gaps[2][192];
	const char *help[3];
} summary_t;

static void summary_build(const ui_ctx_t *ctx, bool hints, summary_t *s)
{
	const view_t *v = ctx->view;
	size_t n = view_alarm_count(v); /* in the scope */
	size_t crit = v->alarms_critical;
	size_t stale = v->alarms_stale;
	/* Active alarms by priority, in the alarm list's words (HIGH: HIHI/LOLO
	 * and communications; MED: HI/LO and faults), as the alarm pane says. */
	char a1[48], a2[48], a3[48] = "";
	if (v->readings == 0) {
		snprintf(s->counts[0], sizeof s->counts[0], " %s ", _("no data"));
		snprintf(s->counts[1], sizeof s->counts[1], "%s", s->counts[0]);
	} else {
		/* Counted over part of the data, a count is a lower bound and says so:
		 * "alarms: 3+ high, 0+ medium" (at least that many). */
		bool whole = view_all_there(v);
		snprintf(a1, sizeof a1, whole ? "%zu" : "%zu+", crit);
		snprintf(a2, sizeof a2, whole ? "%zu" : "%zu+", n - crit);
		if (stale)
			snprintf(a3, sizeof a3, _(" (%zu on stale data)"), stale);
		snprintf(s->counts[0], sizeof s->counts[0], _(" alarms: %s high, %s medium%s "), a1,
		         a2, a3);
		snprintf(s->counts[1], sizeof s->counts[1], _(" alarms: %s high, %s med "), a1, a2);
	}
	for (int i = 0; i < 2; i++) {
		char text[160];
		format_data_gaps(v, i == 1, text, sizeof text);
		if (!text[0])
			s->gaps[i][0] = '\0';
		else if (v->sources_failing)
			snprintf(s->gaps[i], sizeof s->gaps[i], "%s %s %s ", glyphs()->separator,
			         glyphs()->fail_mark, text);
		else
			snprintf(s->gaps[i], sizeof s->gaps[i], "%s %s ", glyphs()->separator, text);
	}
	s->help[0] = _("? help  s sources  q quit ");
	s->help[1] = _("? help ");
	s->help[2] = "";
	if (!hints) /* the key bar shows the keys; the wall (--kiosk) has none */
		s->help[0] = s->help[1] = "";
}

/* Columns the summary's shortest form takes: the counts and the gaps. */
static int summary_least(const summary_t *s)
{
	return text_draw_width(s->counts[1]) + text_draw_width(s->gaps[1]);
}

static void draw_summary(WINDOW *win, int cx, const ui_ctx_t *ctx, const summary_t *s)
{
	int w = getmaxx(win);
	attr_t bar = theme_attr(ROLE_STATUS_BAR);
	const view_t *v = ctx->view;
	size_t n = view_alarm_count(v);
	size_t crit = v->alarms_critical;
	/* Longest form that fits: full words and help, then shorter help, then
	 * short words, then no help (the counts and the gaps matter more). */
	static const struct {
		int words, help;
	} forms[] = {{0, 0}, {0, 1}, {1, 1}, {1, 2}};
	int f = 0;
	for (; f < 3; f++) {
		int need = text_draw_width(s->counts[forms[f].words]) +
		           text_draw_width(s->gaps[forms[f].words]) + 1 +
		           text_draw_width(s->help[forms[f].help]);
		if (need <= w - cx)
			break;
	}
	int words = forms[f].words;
	attr_t ca = crit                      ? theme_attr(ROLE_STATUS_FAIL)
	            : !n && view_all_there(v) ? theme_attr(ROLE_STATUS_OK)
	                                      : bar | A_BOLD;
	if (cx < w)
		cx += text_draw(win, 0, cx, w - cx, s->counts[words], ca);
	attr_t ga = v->sources_failing ? theme_attr(ROLE_STATUS_FAIL) : bar | A_BOLD;
	if (s->gaps[words][0] && cx < w)
		cx += text_draw(win, 0, cx, w - cx, s->gaps[words], ga);
	const char *h = s->help[forms[f].help];
	if (h[0] && text_draw_width(h) <= w - cx - 1)
		text_draw_right(win, 0, cx + 1, w - cx - 1, h, bar);
}

/* The scope of what is drawn, always in the title: "江北区/观音桥街道", or
 * "全市/City" for the whole city ("City" in ASCII mode). The gov view's
 * scope is the one the data was narrowed to; without one, the operator's. */
static void scope_label(const ui_ctx_t *ctx, const nav_t *nav, char *buf, size_t size)
{
	const scope_t *sc = ctx->gov ? &ctx->gov->scope : &nav->scope;
	if (scope_is_city(sc))
		snprintf(buf, size, "%s", glyphs()->ascii ? _("City") : _("全市/City"));
	else
		scope_format(sc, buf, size);
}

/* The title's left part in form `form`: 0 " citydash │ scope │ page" (on a
 * domain, "page › domain", the page Esc goes back to); 1 without that page;
 * 2 without "citydash" too. The scope and where one is always stay. */
enum { LEFT_FORMS = 3 };

static void title_left(const ui_ctx_t *ctx, const nav_t *nav, int form, char *buf, size_t size)
{
	const glyphs_t *g = glyphs();
	char scope[SCOPE_NAME_MAX * 2 + 8], where[256];
	scope_label(ctx, nav, scope, sizeof scope);
	if (nav->page == PAGE_DOMAIN && form == 0) {
		/* The crumb names where Esc goes back to: the overview, or the
		 * alarm list the reading was opened from. */
		page_id_t from = nav->depth ? nav->back[nav->depth - 1].page : PAGE_OVERVIEW;
		snprintf(where, sizeof where, "%s %s %s", _(page_get(from)->title), g->crumb,
		         _(domain_title(nav->domain)));
	} else if (nav->page == PAGE_DOMAIN) {
		snprintf(where, sizeof where, "%s", _(domain_title(nav->domain)));
	} else {
		snprintf(where, sizeof where, "%s", _(page_get(nav->page)->title));
	}
	if (form < 2)
		snprintf(buf, size, " citydash %s %s %s %s", g->separator, scope, g->separator, where);
	else
		snprintf(buf, size, " %s %s %s", scope, g->separator, where);
}

static void draw_title(WINDOW *win, const ui_ctx_t *ctx, const nav_t *nav, bool hints)
{
	int w = getmaxx(win);
	attr_t bar = theme_attr(ROLE_STATUS_BAR);
	text_fill(win, 0, 0, w, bar);
	summary_t sum;
	summary_build(ctx, hints, &sum);
	/* The longest left part that leaves the summary's shortest form its
	 * room (in columns, as drawn: a Chinese scope is twice its characters). */
	char left[800];
	for (int form = 0; form < LEFT_FORMS; form++) {
		title_left(ctx, nav, form, left, sizeof left);
		if (text_draw_width(left) + 3 + summary_least(&sum) <= w)
			break;
	}
	int cx = text_draw(win, 0, 0, w, left, bar | A_BOLD) + 3;

	draw_summary(win, cx, ctx, &sum);
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

/* The body below its first `top` rows (the banners'), as a subwindow made
 * again only when `top` changes; the body itself if that fails. */
static WINDOW *body_below(frame_t *f, int top)
{
	int h = getmaxy(f->body) - top;
	if (h < 1)
		return f->body;
	if (!f->under_banner || f->under_top != top) {
		if (f->under_banner)
			delwin(f->under_banner);
		f->under_banner = derwin(f->body, h, f->cols, top, 0);
		f->under_top = top;
	}
	return f->under_banner ? f->under_banner : f->body;
}

void frame_draw(frame_t *f, const ui_ctx_t *ctx, nav_t *nav)
{
	if (!f->body) {
		draw_too_small(f);
		return;
	}
	if (nav->kiosk != f->no_keybar) { /* the wall has no key bar */
		f->no_keybar = nav->kiosk;
		frame_layout(f, f->rows, f->cols);
		if (!f->body)
			return;
	}
	werase(f->title);
	werase(f->body);
	werase(f->status);
	draw_title(f->title, ctx, nav, f->keybar == NULL && !nav->kiosk);
	char flood[320];
	WINDOW *page = f->body;
	int top = 0; /* body rows the banners take */
	if (alarm_kpis_flood(ctx, flood, sizeof flood)) {
		/* Every page, one line: the operator must know the list is a flood. */
		text_fill(f->body, 0, 0, f->cols, theme_attr(ROLE_ALARM));
		text_draw(f->body, 0, 1, f->cols - 2, flood, theme_attr(ROLE_ALARM));
		top = 1;
	}
	/* A new high-priority alarm (kiosk.h): a band under the flood line. */
	int band = banner_rows(nav->banner, getmaxy(f->body) - top);
	if (band) {
		banner_draw(f->body, top, band, nav->banner);
		top += band;
	}
	if (top)
		page = body_below(f, top);
	nav->oldest_shown_ms = 0; /* the page notes what it shows (shown_age.h) */
	nav->hits.count = 0; /* and where its rows are (mouse.h) */
	nav->hits.selected = -1;
	page_get(nav->page)->draw(page, ctx, nav);
	if (nav->form.kind != NAV_FORM_NONE)
		form_draw(page, ctx, nav);
	statusbar_draw_nav(f->status, ctx, nav);
	if (f->keybar) {
		werase(f->keybar);
		keybar_draw(f->keybar, nav);
	} else if (nav->filter_editing) { /* no key bar: the prompt on the status line */
		filter_draw_prompt(f->status, 0, 0, f->cols, nav);
	}
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
	if (f->keybar)
		wnoutrefresh(f->keybar);
}

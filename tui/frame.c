#include "frame.h"

#include <stdio.h>
#include <string.h>

#include "glyphs.h"
#include "i18n.h"
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
	char alarms[128], a1[48], a2[48];
	snprintf(a1, sizeof a1, P_("%zu alarm", "%zu alarms", crit), crit);
	snprintf(a2, sizeof a2, P_("%zu warning", "%zu warnings", n - crit), n - crit);
	snprintf(alarms, sizeof alarms, " %s, %s ", a1, a2);
	attr_t aa = crit ? theme_attr(ROLE_STATUS_FAIL) : n ? bar | A_BOLD : theme_attr(ROLE_STATUS_OK);
	cx += text_draw(win, 0, cx, w - cx, alarms, aa);

	text_draw_right(win, 0, cx + 1, w - cx - 1, _("? help  s sources  q quit "), bar);
}

/* The status bar: failing sources first, grouped by reason, each group with
 * its reason and the age of its data ("power gas ✖ 12s: Connection
 * refused"); then the healthy ones ("water ✔ 1s"), compacted or counted when
 * space runs out; the clock at the right. A failure always says why. */

static int64_t source_age(const source_status_t *s, int64_t now)
{
	return s->ever_ok ? now - s->last_ok_ms : -1;
}

static bool same_failure(const source_status_t *a, const source_status_t *b)
{
	return a->failing && b->failing && a->error && b->error && strcmp(a->error, b->error) == 0;
}

/* Draws the failure group led by source `first`; returns columns used. */
static int draw_failure_group(WINDOW *win, int x, int maxw, const store_t *st, size_t first,
			      int64_t now)
{
	const source_status_t *lead = store_source(st, (int)first);
	char names[256] = "";
	int64_t oldest = source_age(lead, now);
	bool never = !lead->ever_ok;
	size_t len = 0;
	for (size_t i = first; i < store_source_count(st); i++) {
		const source_status_t *s = store_source(st, (int)i);
		if (i != first && !same_failure(lead, s))
			continue;
		if (s->ever_ok && source_age(s, now) > oldest)
			oldest = source_age(s, now);
		never = never && !s->ever_ok;
		int n = snprintf(names + len, sizeof names - len, "%s%s", len ? " " : "", s->name);
		if (n < 0 || (size_t)n >= sizeof names - len)
			break;
		len += (size_t)n;
	}
	char age[16], text[512];
	timefmt_format_age(oldest, age, sizeof age);
	snprintf(text, sizeof text, "%s %s %s: %s", names, glyphs()->fail_mark, never ? _("never") : age,
		 lead->error ? lead->error : _("failing"));
	return text_draw(win, 0, x, maxw, text, theme_attr(ROLE_STATUS_FAIL));
}

static void healthy_text(const source_status_t *s, int64_t now, bool compact, char *buf,
			 size_t size)
{
	const glyphs_t *g = glyphs();
	char age[16];
	timefmt_format_age(source_age(s, now), age, sizeof age);
	if (!s->ever_ok)
		snprintf(buf, size, "%s %s", s->name, g->ellipsis); /* first poll under way */
	else if (s->skipped) /* it answers, but not everything it sends is usable */
		snprintf(buf, size, _("%s %s %s (%u skipped)"), s->name, g->ok_mark, age,
			 s->skipped);
	else
		snprintf(buf, size, compact ? "%s%s%s" : "%s %s %s", s->name, g->ok_mark, age);
}

static int healthy_width(const store_t *st, int64_t now, bool compact)
{
	int need = 0;
	char buf[160];
	for (size_t i = 0; i < store_source_count(st); i++) {
		const source_status_t *s = store_source(st, (int)i);
		if (s->failing)
			continue;
		healthy_text(s, now, compact, buf, sizeof buf);
		need += text_width(buf) + 1;
	}
	return need;
}

static void draw_status(WINDOW *win, const ui_ctx_t *ctx)
{
	const store_t *st = ctx->store;
	int w = getmaxx(win);
	text_fill(win, 0, 0, w, theme_attr(ROLE_STATUS_BAR));
	char clock[16];
	timefmt_format_clock(ctx->now_ms, clock, sizeof clock);
	int end = w - text_width(clock) - 2;
	text_draw(win, 0, end + 1, w - end - 1, clock, theme_attr(ROLE_STATUS_BAR) | A_BOLD);

	size_t n = store_source_count(st);
	int healthy = 0;
	for (size_t i = 0; i < n; i++)
		healthy += !store_source(st, (int)i)->failing;
	/* Leave the healthy ones at least a count ("+7 ok") after the failures. */
	int reserve = healthy ? 8 : 0;
	int cx = 1;
	for (size_t i = 0; i < n && cx < end - reserve; i++) {
		const source_status_t *s = store_source(st, (int)i);
		bool led = false;
		for (size_t j = 0; j < i && !led; j++)
			led = same_failure(store_source(st, (int)j), s);
		if (s->failing && !led)
			cx += draw_failure_group(win, cx, end - reserve - cx, st, i, ctx->now_ms) + 2;
	}
	bool compact = healthy_width(st, ctx->now_ms, false) > end - cx;
	if (healthy == (int)n && healthy_width(st, ctx->now_ms, true) > end - cx) {
		/* Everything is fine but too many to list: say so in one phrase. */
		int64_t oldest = 0;
		for (size_t i = 0; i < n; i++)
			if (source_age(store_source(st, (int)i), ctx->now_ms) > oldest)
				oldest = source_age(store_source(st, (int)i), ctx->now_ms);
		char age[16], buf[128];
		timefmt_format_age(oldest, age, sizeof age);
		snprintf(buf, sizeof buf, _("%s all %zu sources ok, data at most %s old"),
			 glyphs()->ok_mark, n, age);
		text_draw(win, 0, cx, end - cx, buf, theme_attr(ROLE_STATUS_OK));
		return;
	}
	int shown = 0;
	for (size_t i = 0; i < n; i++) {
		const source_status_t *s = store_source(st, (int)i);
		if (s->failing)
			continue;
		char buf[160];
		healthy_text(s, ctx->now_ms, compact, buf, sizeof buf);
		int need = text_width(buf);
		bool last = shown + 1 == healthy;
		if (cx + need > end - (last ? 0 : 7))
			break; /* room for the "+N ok" count stays */
		theme_role_t role = !s->ever_ok ? ROLE_STATUS_BAR
				    : s->skipped ? ROLE_STATUS_FAIL
						 : ROLE_STATUS_OK;
		cx += text_draw(win, 0, cx, need, buf, theme_attr(role)) + 1;
		shown++;
	}
	if (shown < healthy) {
		char more[32];
		snprintf(more, sizeof more, shown ? _("+%d ok") : _("%d ok"), healthy - shown);
		text_draw(win, 0, cx, end - cx, more, theme_attr(ROLE_STATUS_OK));
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

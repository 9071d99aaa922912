/* The sources page: each feed's health, counters and reasons — where an
 * operator finds out why a feed is failing or what it sends that is wrong
 * (elements skipped, ids repeated, limits out of order). */
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>

#include "filter.h"
#include "glyphs.h"
#include "i18n.h"
#include "panel.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"
#include "xalloc.h"

#define ROWS_PER_SOURCE 4 /* name and state, url (and "TLS verification off"),
                            detail, first problem */

typedef enum feed_state { FEED_FAILING, FEED_WAITING, FEED_OK } feed_state_t;

/* "✔ ok, data 3s old", "✖ failing, data never received": `age` is the
 * data's age or why there is none. */
static void state_text(feed_state_t st, const char *age, char *buf, size_t size)
{
	const glyphs_t *g = glyphs();
	if (st == FEED_FAILING)
		snprintf(buf, size, _("%s failing, data %s"), g->fail_mark, age);
	else if (st == FEED_WAITING)
		snprintf(buf, size, "%s", _("waiting for the first answer"));
	else
		snprintf(buf, size, _("%s ok, data %s old"), g->ok_mark, age);
}

/* The state column: as wide as the widest state a source can be in, as
 * the language says it (an age of up to "999d"), so the counts after it
 * stand in one column whatever the states shown. */
static int state_cols(void)
{
	char buf[160];
	int cols = 0;
	const struct {
		feed_state_t st;
		const char *age;
	} widest[] = {
	    {FEED_FAILING, _("never received")},
	    {FEED_FAILING, "999d"},
	    {FEED_WAITING, ""},
	    {FEED_OK, "999d"},
	};
	for (size_t i = 0; i < sizeof widest / sizeof widest[0]; i++) {
		state_text(widest[i].st, widest[i].age, buf, sizeof buf);
		int w = text_draw_width(buf);
		cols = w > cols ? w : cols;
	}
	return cols;
}

static void draw_state(WINDOW *win, int y, int x, int w, const source_status_t *s, int64_t now)
{
	char age[16], buf[160];
	timefmt_format_age(source_data_age(s, now), age, sizeof age);
	feed_state_t st = s->failing ? FEED_FAILING : !s->ever_ok ? FEED_WAITING : FEED_OK;
	bool never = st == FEED_FAILING && source_data_age(s, now) < 0;
	state_text(st, never ? _("never received") : age, buf, sizeof buf);
	attr_t a = theme_attr(st == FEED_FAILING   ? ROLE_ALARM
	                      : st == FEED_WAITING ? ROLE_DIM
	                                           : ROLE_OK);
	text_draw(win, y, x, w, buf, a);
}

/* Right-aligned on the reason row of a failing source: when the poller
 * tries it again. Returns the columns used (with a gap), 0 if none. */
static int draw_next_try(WINDOW *win, int y, int x, int w, const source_status_t *s, int64_t now)
{
	char when[16], buf[64];
	if (s->next_try_ms > now) {
		timefmt_format_age(s->next_try_ms - now + 999, when, sizeof when); /* rounded up */
		snprintf(buf, sizeof buf, _("next try in %s"), when);
	} else {
		snprintf(buf, sizeof buf, "%s", _("trying again now"));
	}
	int used = text_draw_right(win, y, x, w, buf, theme_attr(ROLE_DIM));
	return used ? used + 2 : 0;
}

/* A source's name, then its state (state_cols wide) and its counts. */
#define NAME_COLS 16

static void draw_source(WINDOW *win, int y, int w, const source_status_t *s, int64_t now,
                        int state_w)
{
	int x = 2, iw = w - 4;
	text_draw(win, y, x, NAME_COLS, s->name, theme_attr(ROLE_TITLE));
	draw_state(win, y, x + NAME_COLS + 1, state_w, s, now);
	char counts[160];
	snprintf(counts, sizeof counts, _("%llu ok, %llu failed, %llu unchanged"),
	         (unsigned long long)s->polls_ok, (unsigned long long)s->polls_failed,
	         (unsigned long long)s->not_modified);
	int cx = NAME_COLS + 1 + state_w + 2;
	text_draw(win, y, x + cx, iw - cx, counts, theme_attr(ROLE_DIM));
	int uw = iw - 2; /* columns for the url */
	if (s->tls_unverified) { /* right-aligned, so no long url hides it */
		int used = text_draw_right(win, y + 1, x + 2, uw, _("TLS verification off"),
		                           theme_attr(ROLE_WARN));
		uw -= used ? used + 2 : 0;
	}
	text_draw(win, y + 1, x + 2, uw, s->url, theme_attr(ROLE_LABEL));

	char detail[512];
	attr_t a = theme_attr(ROLE_DIM);
	int dw = iw - 2; /* columns for the detail */
	if (s->failing && s->error) {
		dw -= draw_next_try(win, y + 2, x + 2, dw, s, now);
		snprintf(detail, sizeof detail, _("reason: %s"), s->error);
		a = theme_attr(ROLE_ALARM);
		if (s->error_detail)
			text_draw(win, y + 3, x + 2, iw - 2, s->error_detail, a);
	} else if (s->skipped || s->duplicates || s->limits_ignored) {
		/* Only what happened, most serious first: data lost, then doubtful. */
		int n = snprintf(detail, sizeof detail, "%s", _("last document:"));
		const struct {
			unsigned count;
			const char *one, *many;
		} parts[] = {
		    {s->skipped, N_("element skipped"), N_("elements skipped")},
		    {s->duplicates, N_("repeated id"), N_("repeated ids")},
		    {s->limits_ignored, N_("limits out of order, ignored"),
		     N_("limits out of order, ignored")},
		};
		const char *sep = " ";
		for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
			if (!parts[i].count || n < 0 || (size_t)n >= sizeof detail)
				continue;
			n += snprintf(detail + n, sizeof detail - (size_t)n, "%s%u %s", sep,
			              parts[i].count,
			              P_(parts[i].one, parts[i].many, parts[i].count));
			sep = C_("between the parts of a sentence", ", ");
		}
		if (s->limits_ignored && s->first_bad_limits && n > 0 && (size_t)n < sizeof detail)
			snprintf(detail + n, sizeof detail - (size_t)n, _(" (first: %s)"),
			         s->first_bad_limits);
		a = theme_attr(ROLE_WARN);
		if (s->last_skip_reason) {
			char first[400];
			snprintf(first, sizeof first, _("first problem: %s"), s->last_skip_reason);
			text_draw(win, y + 3, x + 2, iw - 2, first, a);
		}
	} else if (s->ever_ok && s->deltas) {
		snprintf(detail, sizeof detail,
		         P_("last document: every element used; %llu delta (report by exception)",
		            "last document: every element used; %llu deltas (report by exception)",
		            s->deltas),
		         (unsigned long long)s->deltas);
	} else if (s->ever_ok) {
		snprintf(detail, sizeof detail, "%s", _("last document: every element used"));
	} else {
		detail[0] = '\0';
	}
	text_draw(win, y + 2, x + 2, dw, detail, a);
	/* The source's own warning about its good answer, if that line is free. */
	bool skip_line = !s->failing && (s->skipped || s->duplicates || s->limits_ignored) &&
	                 s->last_skip_reason;
	if (!s->failing && s->warning && !skip_line) {
		char warn[400];
		snprintf(warn, sizeof warn, _("warning: %s"), s->warning);
		text_draw(win, y + 3, x + 2, iw - 2, warn, theme_attr(ROLE_WARN));
	}
}

/* The sources shown: those the text filter matches (filter.h), by index,
 * into shown[] (room for every source); returns how many. */
static int shown_sources(const ui_ctx_t *ctx, const nav_t *nav, int *shown)
{
	int n = (int)store_source_count(ctx->store), k = 0;
	for (int i = 0; i < n; i++)
		if (filter_source(ctx, nav->filter, i))
			shown[k++] = i;
	return k;
}

/* Sources a page of `rows` body rows holds. */
static int sources_fit(int rows)
{
	return (rows - 2) / ROWS_PER_SOURCE;
}

static void sources_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	nav->body_rows = h;
	nav->body_cols = w;
	int all = (int)store_source_count(ctx->store), failing = 0;
	for (int i = 0; i < all; i++)
		failing += store_source(ctx->store, i)->failing;
	int *shown = xreallocarray(NULL, all ? (size_t)all : 1, sizeof *shown);
	int n = shown_sources(ctx, nav, shown);
	char title[160];
	int len = snprintf(title, sizeof title, _("Sources: %d, %d failing"), all, failing);
	if (len > 0 && (size_t)len < sizeof title)
		filter_title_note(nav, (size_t)n, (size_t)all, title + len, sizeof title - (size_t)len);
	panel_draw(win, 0, 0, h, w, title, true);
	int fit = sources_fit(h);
	if (n == 0 && all > 0 && h > 2)
		text_draw(win, 1, 2, w - 4, _("No source matches the filter (Esc clears it)."),
		          theme_attr(ROLE_DIM));
	if (nav->sources_scroll > n - fit)
		nav->sources_scroll = n - fit;
	if (nav->sources_scroll < 0)
		nav->sources_scroll = 0;
	int state_w = state_cols();
	for (int i = 0; fit >= 1 && i < fit && nav->sources_scroll + i < n; i++)
		draw_source(win, 1 + i * ROWS_PER_SOURCE, w,
		            store_source(ctx->store, shown[nav->sources_scroll + i]), ctx->now_ms,
		            state_w);
	if (fit >= 1 && n > fit) {
		char pos[48];
		snprintf(pos, sizeof pos, " %d-%d/%d ", nav->sources_scroll + 1,
		         nav->sources_scroll + fit < n ? nav->sources_scroll + fit : n, n);
		text_draw_right(win, h - 1, 1, w - 3, pos, theme_attr(ROLE_BORDER_FOCUS));
	}
	free(shown);
}

/* The first source shown moves: a row, a page, to either end; clamped, so
 * n and N (filter.h) see the end of the list and wrap around. */
static bool sources_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	int all = (int)store_source_count(ctx->store);
	int *shown = xreallocarray(NULL, all ? (size_t)all : 1, sizeof *shown);
	int n = shown_sources(ctx, nav, shown);
	free(shown);
	int fit = sources_fit(nav->body_rows);
	int last = n - (fit > 0 ? fit : 1);
	switch (act) {
	case ACT_UP:
		nav->sources_scroll--;
		break;
	case ACT_DOWN:
		nav->sources_scroll++;
		break;
	case ACT_PAGE_UP:
		nav->sources_scroll -= fit > 1 ? fit : 1;
		break;
	case ACT_PAGE_DOWN:
		nav->sources_scroll += fit > 1 ? fit : 1;
		break;
	case ACT_HOME:
		nav->sources_scroll = 0;
		break;
	case ACT_END:
		nav->sources_scroll = last;
		break;
	default:
		return false;
	}
	if (nav->sources_scroll > last)
		nav->sources_scroll = last;
	if (nav->sources_scroll < 0)
		nav->sources_scroll = 0;
	return true;
}

const page_class_t page_sources = {
    .title = N_("Sources"),
    .draw = sources_draw,
    .key = sources_key,
};

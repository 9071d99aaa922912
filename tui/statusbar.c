#include "statusbar.h"

#include <stdio.h>
#include <string.h>

#include "glyphs.h"
#include "i18n.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"

/* What a source is, as the status bar tells it. */
typedef enum health {
	HEALTH_FAILING, /* its last poll failed */
	HEALTH_LATE,    /* not failed, but no fresh data for longer than its stale time */
	HEALTH_WAITING, /* the first poll is under way */
	HEALTH_OK,
} health_t;

/* Room kept for the counts of what did not fit. */
#define MORE_FAILING_COLS 13 /* "+99 failing  " */
#define MORE_OK_COLS      8  /* "+99 ok  " */
#define MIN_FAILURE_COLS  16 /* a failure group narrower than this is only counted */

static int64_t age_of(const source_status_t *s, int64_t now)
{
	return s->ever_ok ? now - s->last_ok_ms : -1;
}

static health_t health_of(const source_status_t *s, int64_t now)
{
	if (s->failing)
		return HEALTH_FAILING;
	if (!s->ever_ok)
		return HEALTH_WAITING;
	return age_of(s, now) > s->stale_after_ms ? HEALTH_LATE : HEALTH_OK;
}

static bool same_failure(const source_status_t *a, const source_status_t *b)
{
	return a->failing && b->failing && a->error && b->error && strcmp(a->error, b->error) == 0;
}

/* True if source i is the first of its failure group. */
static bool leads_group(const store_t *st, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (same_failure(store_source(st, (int)j), store_source(st, (int)i)))
			return false;
	return true;
}

/* "power gas ✖ 12s: Couldn't connect to server"; *members gets the count. */
static void failure_text(const store_t *st, size_t lead_i, int64_t now, char *buf, size_t size,
                         int *members)
{
	const source_status_t *lead = store_source(st, (int)lead_i);
	char names[256] = "";
	size_t len = 0;
	int64_t oldest = age_of(lead, now);
	bool never = true;
	*members = 0;
	for (size_t i = lead_i; i < store_source_count(st); i++) {
		const source_status_t *s = store_source(st, (int)i);
		if (i != lead_i && !same_failure(lead, s))
			continue;
		(*members)++;
		never = never && !s->ever_ok;
		if (s->ever_ok && age_of(s, now) > oldest)
			oldest = age_of(s, now);
		int n = snprintf(names + len, sizeof names - len, "%s%s", len ? " " : "", s->name);
		if (n > 0 && (size_t)n < sizeof names - len)
			len += (size_t)n;
	}
	char age[16];
	timefmt_format_age(oldest, age, sizeof age);
	snprintf(buf, size, "%s %s %s: %s", names, glyphs()->fail_mark, never ? _("never") : age,
	         lead->error ? lead->error : _("failing"));
}

/* "water ✔ 1s", "water ✔1s" (compact), "water ~ 2m" (late), "water …". */
static theme_role_t other_text(const source_status_t *s, int64_t now, bool compact, char *buf,
                               size_t size)
{
	const glyphs_t *g = glyphs();
	char age[16];
	timefmt_format_age(age_of(s, now), age, sizeof age);
	switch (health_of(s, now)) {
	case HEALTH_WAITING:
		snprintf(buf, size, "%s %s", s->name, g->ellipsis);
		return ROLE_STATUS_BAR;
	case HEALTH_LATE: /* "~" as for stale readings: old data, no failure (yet) */
		snprintf(buf, size, "%s ~ %s", s->name, age);
		return ROLE_STATUS_FAIL;
	default:
		break;
	}
	if (s->skipped) { /* it answers, but not everything it sends is usable */
		snprintf(buf, size, _("%s %s %s (%u skipped)"), s->name, g->ok_mark, age,
		         s->skipped);
		return ROLE_STATUS_FAIL;
	}
	snprintf(buf, size, compact ? "%s%s%s" : "%s %s %s", s->name, g->ok_mark, age);
	return ROLE_STATUS_OK;
}

/* Columns all non-failing sources take in one form. */
static int others_width(const store_t *st, int64_t now, bool compact)
{
	int need = 0;
	char buf[200];
	for (size_t i = 0; i < store_source_count(st); i++) {
		const source_status_t *s = store_source(st, (int)i);
		if (s->failing)
			continue;
		other_text(s, now, compact, buf, sizeof buf);
		need += text_width(buf) + 1;
	}
	return need;
}

/* Draws the failure groups from x; returns the column after them. */
static int draw_failures(WINDOW *win, int x, int end, const store_t *st, int64_t now, int failing,
                         int others)
{
	int shown = 0;
	char buf[512];
	for (size_t i = 0; i < store_source_count(st); i++) {
		const source_status_t *s = store_source(st, (int)i);
		if (!s->failing || !leads_group(st, i))
			continue;
		int members;
		failure_text(st, i, now, buf, sizeof buf, &members);
		/* Each drawn part is followed by a 2-column gap. */
		int room = end - x - 2 - (others ? MORE_OK_COLS : 0) -
		           (shown + members < failing ? MORE_FAILING_COLS : 0);
		if (room < MIN_FAILURE_COLS)
			break;
		x += text_draw(win, 0, x, room, buf, theme_attr(ROLE_STATUS_FAIL)) + 2;
		shown += members;
	}
	if (shown < failing) {
		snprintf(buf, sizeof buf, shown ? _("+%d failing") : _("%d failing"),
		         failing - shown);
		x += text_draw(win, 0, x, end - x, buf, theme_attr(ROLE_STATUS_FAIL)) + 2;
	}
	return x;
}

/* Draws the non-failing sources from x, as many as fit, then a count. */
static void draw_others(WINDOW *win, int x, int end, const store_t *st, int64_t now, int others,
                        bool all_ok)
{
	bool compact = others_width(st, now, false) > end - x;
	if (all_ok && others_width(st, now, true) > end - x) {
		/* Everything is fine but too many to list: one phrase says so. */
		int64_t oldest = 0;
		for (size_t i = 0; i < store_source_count(st); i++)
			if (age_of(store_source(st, (int)i), now) > oldest)
				oldest = age_of(store_source(st, (int)i), now);
		char age[16], buf[128];
		timefmt_format_age(oldest, age, sizeof age);
		snprintf(buf, sizeof buf, _("%s all %d sources ok, data at most %s old"),
		         glyphs()->ok_mark, others, age);
		text_draw(win, 0, x, end - x, buf, theme_attr(ROLE_STATUS_OK));
		return;
	}
	int shown = 0, hidden_not_ok = 0;
	char buf[200];
	size_t i = 0;
	for (; i < store_source_count(st); i++) {
		const source_status_t *s = store_source(st, (int)i);
		if (s->failing)
			continue;
		theme_role_t role = other_text(s, now, compact, buf, sizeof buf);
		int need = text_width(buf);
		if (x + need > end - (shown + 1 < others ? MORE_OK_COLS : 0))
			break;
		x += text_draw(win, 0, x, need, buf, theme_attr(role)) + 1;
		shown++;
	}
	for (; i < store_source_count(st); i++) {
		const source_status_t *s = store_source(st, (int)i);
		hidden_not_ok += !s->failing && (health_of(s, now) != HEALTH_OK || s->skipped);
	}
	if (shown < others) {
		/* "+2 ok" only when that is the whole truth about them. */
		if (hidden_not_ok)
			snprintf(buf, sizeof buf, _("+%d more"), others - shown);
		else
			snprintf(buf, sizeof buf, _("+%d ok"), others - shown);
		text_draw(win, 0, x, end - x, buf,
		          theme_attr(hidden_not_ok ? ROLE_STATUS_BAR : ROLE_STATUS_OK));
	}
}

void statusbar_draw(WINDOW *win, const ui_ctx_t *ctx)
{
	const store_t *st = ctx->store;
	int w = getmaxx(win);
	text_fill(win, 0, 0, w, theme_attr(ROLE_STATUS_BAR));
	char clock[16];
	timefmt_format_clock(ctx->clock_ms, clock, sizeof clock);
	int end = w - text_width(clock) - 2;
	text_draw(win, 0, end + 1, w - end - 1, clock, theme_attr(ROLE_STATUS_BAR) | A_BOLD);

	int failing = 0, ok = 0, n = (int)store_source_count(st);
	for (int i = 0; i < n; i++) {
		health_t h = health_of(store_source(st, i), ctx->now_ms);
		failing += h == HEALTH_FAILING;
		ok += h == HEALTH_OK && !store_source(st, i)->skipped;
	}
	int x = draw_failures(win, 1, end, st, ctx->now_ms, failing, n - failing);
	if (n - failing > 0)
		draw_others(win, x, end, st, ctx->now_ms, n - failing, ok == n);
}

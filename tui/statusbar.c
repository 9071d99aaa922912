#include "statusbar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glyphs.h"
#include "i18n.h"
#include "status_fields.h"
#include "status_notes.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"
#include "xalloc.h"

/* What a source is, as the status bar tells it. */
typedef enum health {
	HEALTH_FAILING, /* its last poll failed */
	HEALTH_LATE,    /* not failed, but no fresh data for longer than its stale time */
	HEALTH_WAITING, /* the first poll is under way */
	HEALTH_OK,
} health_t;

/* The age of the source's data, not of its last answer: a 304 or a frozen
 * document resent says the source is alive, not that its data is new. */
static int64_t age_of(const source_status_t *s, int64_t now)
{
	return source_data_age(s, now);
}

static health_t health_of(const source_status_t *s, int64_t now)
{
	if (s->failing)
		return HEALTH_FAILING;
	if (!s->ever_ok)
		return HEALTH_WAITING;
	return age_of(s, now) > s->stale_after_ms ? HEALTH_LATE : HEALTH_OK;
}

/* ---- failing sources, in groups of one reason ---- */

typedef struct failing {
	const char *reason;
	int source;
} failing_t;

/* Sources failing alike, in source order: members[0 .. count). */
typedef struct fail_group {
	const failing_t *members;
	int count;
} fail_group_t;

static const char *reason_of(const source_status_t *s)
{
	return s->error ? s->error : _("failing");
}

static int by_reason_then_source(const void *a, const void *b)
{
	const failing_t *x = a, *y = b;
	int c = strcmp(x->reason, y->reason);
	return c ? c : (x->source > y->source) - (x->source < y->source);
}

static int by_first_source(const void *a, const void *b)
{
	int x = ((const fail_group_t *)a)->members[0].source;
	int y = ((const fail_group_t *)b)->members[0].source;
	return (x > y) - (x < y);
}

/* Groups the failing sources (O(n log n): there may be thousands), in the
 * order of their first source. Returns the number of groups; the caller
 * frees *fails and *groups. */
static int failure_groups(const store_t *st, failing_t **fails, fail_group_t **groups)
{
	size_t n = store_source_count(st), count = 0;
	*fails = xreallocarray(NULL, n ? n : 1, sizeof **fails);
	for (size_t i = 0; i < n; i++) {
		const source_status_t *s = store_source(st, (int)i);
		if (s->failing)
			(*fails)[count++] = (failing_t){reason_of(s), (int)i};
	}
	qsort(*fails, count, sizeof **fails, by_reason_then_source);
	*groups = xreallocarray(NULL, count ? count : 1, sizeof **groups);
	int ng = 0;
	for (size_t i = 0; i < count; i++) {
		if (i == 0 || strcmp((*fails)[i].reason, (*fails)[i - 1].reason) != 0)
			(*groups)[ng++] = (fail_group_t){&(*fails)[i], 0};
		(*groups)[ng - 1].count++;
	}
	qsort(*groups, (size_t)ng, sizeof **groups, by_first_source);
	return ng;
}

/* "✖ Couldn't connect to server (12s):" — the mark, the reason and the age
 * of the group's oldest data ("no data" if none ever came); with_age false
 * leaves the age out. The caller frees the result. */
static char *group_head(const store_t *st, const fail_group_t *g, int64_t now, bool with_age)
{
	int64_t oldest = -1;
	for (int i = 0; i < g->count; i++) {
		const source_status_t *s = store_source(st, g->members[i].source);
		if (age_of(s, now) > oldest)
			oldest = age_of(s, now);
	}
	const char *mark = glyphs()->fail_mark, *reason = g->members[0].reason;
	if (!with_age)
		return xasprintf("%s %s:", mark, reason);
	char age[16];
	timefmt_format_age(oldest, age, sizeof age);
	return xasprintf("%s %s (%s):", mark, reason, oldest < 0 ? _("no data") : age);
}

/* "12 sources": what a group shows when none of its names fits. */
static void group_count(int count, char *buf, size_t size)
{
	snprintf(buf, size, P_("%d source", "%d sources", count), count);
}

/* The least that follows a group's head: its first name (and "+N" for the
 * others), or its count if that is shorter. */
static int group_tail_width(const store_t *st, const fail_group_t *g)
{
	char buf[48];
	group_count(g->count, buf, sizeof buf);
	int count = text_draw_width(buf);
	int first = text_draw_width(store_source(st, g->members[0].source)->name);
	if (g->count > 1) {
		snprintf(buf, sizeof buf, "+%d", g->count - 1);
		first += 1 + text_draw_width(buf);
	}
	return first < count ? first : count;
}

/* The least a group takes: its head, a space and its tail. */
static int group_min_width(const store_t *st, const fail_group_t *g, int64_t now)
{
	char *head = group_head(st, g, now, true);
	int w = text_draw_width(head) + 1 + group_tail_width(st, g);
	free(head);
	return w;
}

/* Draws a group from x within [x, limit): the head first, then as many
 * names as fit, in source order, then the count of the rest ("+3", or
 * "12 sources" if no name fits). Room for the tail is kept: the head is
 * drawn without its age, then cut, rather than leave the tail out. Returns
 * the column after it. */
static int draw_group(WINDOW *win, int x, int limit, const store_t *st, const fail_group_t *g,
                      int64_t now)
{
	attr_t a = theme_attr(ROLE_STATUS_FAIL);
	char more[48];
	int keep = 1 + group_tail_width(st, g);
	char *head = group_head(st, g, now, true);
	if (text_draw_width(head) > limit - x - keep) {
		free(head);
		head = group_head(st, g, now, false);
	}
	x += text_draw(win, 0, x, limit - x - keep, head, a) + 1;
	free(head);
	int shown = 0;
	for (; shown < g->count; shown++) {
		const char *name = store_source(st, g->members[shown].source)->name;
		int rest = g->count - shown - 1;
		int need = text_draw_width(name);
		if (rest > 0) {
			snprintf(more, sizeof more, "+%d", rest);
			need += 1 + text_draw_width(more);
		}
		if (need > limit - x)
			break;
		x += text_draw(win, 0, x, limit - x, name, a) + 1;
	}
	if (shown < g->count) {
		if (shown)
			snprintf(more, sizeof more, "+%d", g->count - shown);
		else
			group_count(g->count, more, sizeof more);
		x += text_draw(win, 0, x, limit - x, more, a) + 1;
	}
	return x - 1;
}

/* "water ✔ 1s", "water ✔1s" (compact), "water ~ 2m" (late), "water …",
 * in *text (the caller frees it); returns the colour role. */
static theme_role_t other_text(const source_status_t *s, int64_t now, bool compact, char **text)
{
	const glyphs_t *g = glyphs();
	char age[16];
	timefmt_format_age(age_of(s, now), age, sizeof age);
	switch (health_of(s, now)) {
	case HEALTH_WAITING:
		*text = xasprintf("%s %s", s->name, g->ellipsis);
		return ROLE_STATUS_BAR;
	case HEALTH_LATE: /* "~" as for stale readings: old data, no failure (yet) */
		*text = xasprintf("%s ~ %s", s->name, age);
		return ROLE_STATUS_FAIL;
	default:
		break;
	}
	if (s->skipped) { /* it answers, but not everything it sends is usable */
		*text = xasprintf(_("%s %s %s (%u skipped)"), s->name, g->ok_mark, age, s->skipped);
		return ROLE_STATUS_FAIL;
	}
	*text = compact ? xasprintf("%s%s%s", s->name, g->ok_mark, age)
	                : xasprintf("%s %s %s", s->name, g->ok_mark, age);
	return ROLE_STATUS_OK;
}

/* Columns all non-failing sources take in one form. */
static int others_width(const store_t *st, int64_t now, bool compact)
{
	int need = 0;
	for (size_t i = 0; i < store_source_count(st); i++) {
		const source_status_t *s = store_source(st, (int)i);
		if (s->failing)
			continue;
		char *text;
		other_text(s, now, compact, &text);
		need += text_draw_width(text) + 1;
		free(text);
	}
	return need;
}

/* Draws the failure groups from x: every group whose head and count fit,
 * the first one always, then "+N failing" for the sources of the groups
 * that did not fit. Returns the column after them. */
static int draw_failures(WINDOW *win, int x, int end, const store_t *st, int64_t now, int failing,
                         int others)
{
	failing_t *fails;
	fail_group_t *groups;
	int ng = failure_groups(st, &fails, &groups);
	char buf[64];
	snprintf(buf, sizeof buf, _("+%d more"), others);
	int reserve_ok = others ? 2 + text_draw_width(buf) : 0; /* at least their count */

	/* Which groups fit, at their least; each is followed by a 2-column gap. */
	int *min_w = xreallocarray(NULL, ng ? (size_t)ng : 1, sizeof *min_w);
	int fit = 0, used = 0, counted = 0;
	for (; fit < ng; fit++) {
		min_w[fit] = group_min_width(st, &groups[fit], now);
		int left = failing - counted - groups[fit].count;
		snprintf(buf, sizeof buf, _("+%d failing"), left);
		int reserve = reserve_ok + (left ? text_draw_width(buf) + 2 : 0);
		if (fit > 0 && x + used + min_w[fit] + 2 + reserve > end)
			break;
		used += min_w[fit] + 2;
		counted += groups[fit].count;
	}
	snprintf(buf, sizeof buf, _("+%d failing"), failing - counted);
	int reserve = reserve_ok + (counted < failing ? text_draw_width(buf) + 2 : 0);

	/* Draw them; names take the room the later groups do not need. */
	int later = used;
	for (int i = 0; i < fit; i++) {
		later -= min_w[i] + 2;
		x = draw_group(win, x, end - reserve - later, st, &groups[i], now) + 2;
	}
	if (counted < failing)
		x += text_draw(win, 0, x, end - x, buf, theme_attr(ROLE_STATUS_FAIL)) + 2;
	free(min_w);
	free(groups);
	free(fails);
	return x;
}

/* Draws the non-failing sources from x, as many as fit, then a count;
 * returns the column after them. */
static int draw_others(WINDOW *win, int x, int end, const store_t *st, int64_t now, int others,
                       bool all_ok)
{
	bool compact = others_width(st, now, false) > end - x;
	if (all_ok && others_width(st, now, true) > end - x) {
		/* Everything is fine but too many to list: one phrase says so. Short
		 * of room it drops the age (the fields after it keep the age of the
		 * data shown), then words, rather than be cut mid-phrase. */
		int64_t oldest = 0;
		for (size_t i = 0; i < store_source_count(st); i++)
			if (age_of(store_source(st, (int)i), now) > oldest)
				oldest = age_of(store_source(st, (int)i), now);
		char age[16], forms[3][128];
		timefmt_format_age(oldest, age, sizeof age);
		const char *mark = glyphs()->ok_mark;
		snprintf(forms[0], sizeof forms[0], _("%s all %d sources ok, data at most %s old"),
		         mark, others, age);
		snprintf(forms[1], sizeof forms[1],
		         P_("%s %d source ok", "%s all %d sources ok", others), mark, others);
		/* TRANSLATORS: all sources ok, the shortest: "✔ 8/8 ok". */
		snprintf(forms[2], sizeof forms[2], _("%s %d/%d ok"), mark, others, others);
		int k = 0;
		while (k < 2 && text_draw_width(forms[k]) > end - x)
			k++;
		return x + text_draw(win, 0, x, end - x, forms[k], theme_attr(ROLE_STATUS_OK));
	}
	int shown = 0, hidden_not_ok = 0;
	char buf[64];
	size_t i = 0;
	for (; i < store_source_count(st); i++) {
		const source_status_t *s = store_source(st, (int)i);
		if (s->failing)
			continue;
		char *text;
		theme_role_t role = other_text(s, now, compact, &text);
		int need = text_draw_width(text);
		int keep = 0; /* room for the count of those after it */
		if (shown + 1 < others) {
			snprintf(buf, sizeof buf, _("+%d more"), others - shown - 1);
			keep = 1 + text_draw_width(buf);
		}
		bool fits = x + need <= end - keep;
		if (fits)
			x += text_draw(win, 0, x, need, text, theme_attr(role)) + 1;
		free(text);
		if (!fits)
			break;
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
		return x + text_draw(win, 0, x, end - x, buf,
		                     theme_attr(hidden_not_ok ? ROLE_STATUS_BAR : ROLE_STATUS_OK));
	}
	return shown ? x - 1 : x;
}

void statusbar_draw(WINDOW *win, const ui_ctx_t *ctx)
{
	statusbar_draw_nav(win, ctx, NULL);
}

void statusbar_draw_nav(WINDOW *win, const ui_ctx_t *ctx, const nav_t *nav)
{
	const store_t *st = ctx->store;
	int w = getmaxx(win);
	text_fill(win, 0, 0, w, theme_attr(ROLE_STATUS_BAR));
	char clock[16];
	timefmt_format_clock(ctx->clock_ms, clock, sizeof clock);
	int end = w - text_draw_width(clock) - 2;
	text_draw(win, 0, end + 1, w - end - 1, clock, theme_attr(ROLE_STATUS_BAR) | A_BOLD);

	int failing = 0, ok = 0, n = (int)store_source_count(st);
	for (int i = 0; i < n; i++) {
		health_t h = health_of(store_source(st, i), ctx->now_ms);
		failing += h == HEALTH_FAILING;
		ok += h == HEALTH_OK && !store_source(st, i)->skipped;
	}
	/* Alarm management's notes lead, in at most half of the line, then
	 * the sources; where the operator is (status_fields.h) follows them,
	 * before the clock, in what they leave. The sources go first, but leave
	 * at least the fields' shortest form: the age of the oldest data shown
	 * and the filter's head (status_fields_min). */
	int fields = nav ? status_fields_min(ctx, nav) : 0;
	int stop = end - (fields ? fields + 2 : 0);
	int x = status_notes_draw(win, 1, 1 + (stop - 1) / 2, ctx, nav);
	x = draw_failures(win, x, stop, st, ctx->now_ms, failing, n - failing);
	if (n - failing > 0)
		x = draw_others(win, x, stop, st, ctx->now_ms, n - failing, ok == n);
	if (nav) {
		x = x > 1 ? x + 2 : 1;
		status_fields_draw(win, x, end - x, ctx, nav);
	}
}

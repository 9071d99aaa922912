/* overview_block: one domain block of the overview — its counts and the
 * readings it lists — and the alarm pane below the blocks.
 *
 * What a block lists (README, "How the overview chooses what to show"):
 * first every reading with a problem — alarm, warning, bad, limits
 * invalid, stale, no value — in the view's worst-first order; then, if
 * rows are left, the readings closest to a limit, ok and uncertain alike.
 * A reading that is only uncertain (the instrument doubts its value) is
 * counted ("uncertain 13") but does not jump ahead of a fine reading: at
 * city scale there are dozens of them, and they used to fill every block.
 * Each row says where (its district; within a district's scope, its
 * street) and what (its name cut to keep place
 * and measure, distinct among the block's rows, name_fit.h). */
#include "overview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alarm_row.h"
#include "format.h"
#include "filter.h"
#include "i18n.h"
#include "name_fit.h"
#include "panel.h"
#include "reading_row.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"
#include "xalloc.h"

static const struct count_item {
	int state; /* VS_COUNT: ok */
	const char *label, *symbol;
	theme_role_t role;
	bool rare; /* shown only when not zero */
} count_items[] = {
    {VS_COUNT, N_("ok"), "", ROLE_OK, false},
    {VS_WARNING, N_("warn"), "!", ROLE_WARN, false},
    {VS_ALARM, N_("alarm"), "!!", ROLE_ALARM, false},
    {VS_STALE, N_("stale"), "~", ROLE_STALE, false},
    {VS_BAD, N_("bad"), "x", ROLE_BAD, false},
    {VS_NOVALUE, N_("null"), "-", ROLE_DIM, true},
    {VS_UNCERTAIN, N_("uncertain"), "?", ROLE_LABEL, true},
    {VS_LIMITS_INVALID, N_("limits invalid"), "#", ROLE_WARN, true},
};
enum { COUNT_ITEMS = sizeof count_items / sizeof count_items[0] };

static unsigned item_count(const domain_view_t *dv, size_t i)
{
	return count_items[i].state == VS_COUNT ? dv->ok : dv->counts[count_items[i].state];
}

/* "ok 38  warn 2  alarm 1  stale 0  bad 1  null 0", zero counts dimmed. A
 * reading counts under every state it has (a stale alarm is an alarm and
 * stale), so these agree with the title's alarm count. */
static void draw_counts(WINDOW *win, int y, int x, int width, const domain_view_t *dv)
{
	char text[COUNT_ITEMS][48];
	int need = 0, need_nonzero = 0;
	for (size_t i = 0; i < COUNT_ITEMS; i++) {
		unsigned n = item_count(dv, i);
		if (count_items[i].rare && n == 0)
			text[i][0] = '\0';
		else
			snprintf(text[i], sizeof text[i], "%s %u", _(count_items[i].label), n);
		need += text[i][0] ? text_draw_width(text[i]) + 1 : 0;
		need_nonzero += n || i == 0 ? text_draw_width(text[i]) + 1 : 0;
	}
	/* Narrow: single spaces, then only the counts that are not zero (and ok). */
	int gap = need + (COUNT_ITEMS - 1) <= width ? 2 : 1;
	bool skip_zero = need - 1 > width && need_nonzero - 1 <= width;
	int cx = x, end = x + width;
	for (size_t i = 0; i < COUNT_ITEMS && cx < end; i++) {
		unsigned n = item_count(dv, i);
		if (!text[i][0] || (skip_zero && n == 0 && i != 0))
			continue;
		attr_t a = n ? theme_attr(count_items[i].role) : theme_attr(ROLE_DIM);
		cx += text_draw(win, y, cx, end - cx, text[i], a) + gap;
	}
}

/* The block's title when there is no row for the counts: "Water (900) !!1
 * ?13", the readings' own markers, only the counts that are not zero. */
static void compact_title(const domain_view_t *dv, const char *name, char *buf, size_t size)
{
	/* Worst first, as the markers' own order. */
	static const size_t order[] = {2, 1, 4, 7, 3, 5, 6};
	int len = snprintf(buf, size, "%s (%u)", name, dv->total);
	bool any = false;
	for (size_t k = 0; k < sizeof order / sizeof order[0] && len >= 0 && (size_t)len < size;
	     k++) {
		size_t i = order[k];
		unsigned n = item_count(dv, i);
		if (n) {
			len += snprintf(buf + len, size - (size_t)len, " %s%u",
			                count_items[i].symbol, n);
			any = true;
		}
	}
	if (!any && dv->total && len >= 0 && (size_t)len < size)
		snprintf(buf + len, size - (size_t)len, " %s", _("all ok"));
}

/* Whether a line may break at byte n of s without a space: between
 * two-column (CJK) characters, as Chinese is written, not inside a word. */
static bool wide_break(const char *s, size_t n)
{
	int cp, next_cols = 0, prev_cols = 0;
	text_next(s + n, &cp, &next_cols);
	if (n > 0) /* the character before: where a cut at n - 1 bytes falls */
		text_next(s + text_cut(s, n - 1), &cp, &prev_cols);
	return next_cols == 2 || prev_cols == 2;
}

/* Draws s over up to `rows` lines of w columns, breaking at spaces (or
 * between Chinese characters); the last line is cut with an ellipsis if
 * the text is longer still. */
static void draw_wrapped(WINDOW *win, int y, int x, int w, int rows, const char *s, attr_t a)
{
	char line[512];
	for (int row = 0; row < rows && *s; row++) {
		int cols;
		size_t n = text_prefix_for_width(s, w, &cols);
		if (s[n] && row == rows - 1) {
			n = strlen(s);
		} else if (s[n] && s[n] != ' ' && !wide_break(s, n)) {
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

static bool has_problem(view_states_t s)
{
	return (s & (view_states_t)~VIEW_BIT(VS_UNCERTAIN)) != 0;
}

static double pressure_at(const ui_ctx_t *ctx, size_t reading)
{
	return view_limit_pressure(store_reading(ctx->store, reading));
}

/* The readings a block lists, at most `max`, into out; returns how many.
 * The worst-first order ranks every problem before the uncertain-only
 * readings, and those before the ok ones, each by pressure: so the
 * problems are a prefix, and the rest is two runs merged by pressure. */
static size_t choose_rows(const ui_ctx_t *ctx, const domain_view_t *dv, size_t *out, size_t max,
                          const char *filter)
{
	size_t n = 0, i = 0;
	if (filter[0]) { /* the text filter's matches (filter.h), worst first */
		for (; i < dv->total && n < max; i++)
			if (filter_reading(ctx, filter, dv->worst[i]))
				out[n++] = dv->worst[i];
		return n;
	}
	for (; i < dv->total && n < max; i++) {
		if (!has_problem(view_states(ctx->view, dv->worst[i])))
			break;
		out[n++] = dv->worst[i];
	}
	size_t ok = i;
	while (ok < dv->total && view_states(ctx->view, dv->worst[ok]) != 0)
		ok++;
	size_t a = i, b = ok;
	while (n < max && (a < ok || b < dv->total)) {
		bool take_a = b >= dv->total || (a < ok && pressure_at(ctx, dv->worst[a]) >=
		                                               pressure_at(ctx, dv->worst[b]));
		out[n++] = dv->worst[take_a ? a++ : b++];
	}
	return n;
}

/* Columns of the district column: the widest district listed, within a
 * cap that leaves the name most of a narrow block. */
static int district_cols(const ui_ctx_t *ctx, const size_t *rows, size_t n, int width, bool street)
{
	int cap = width < 48 ? 6 : 8, most = 0;
	for (size_t i = 0; i < n; i++) {
		char where[256];
		reading_row_district(store_reading(ctx->store, rows[i]), street, cap, where,
		                     sizeof where);
		int cols = text_draw_width(where);
		if (cols > most)
			most = cols;
	}
	return most < cap ? most : cap;
}

static void draw_rows(WINDOW *win, int y, int x, int w, int rows, const ui_ctx_t *ctx,
                      const domain_view_t *dv, const char *filter)
{
	if (rows <= 0)
		return;
	size_t *chosen = xmalloc((size_t)rows * sizeof *chosen);
	size_t n = choose_rows(ctx, dv, chosen, (size_t)rows, filter);
	reading_row_opts_t opts = {.detailed = false};
	/* Within a district, every row is in it: the street says where. */
	opts.where_street = !scope_is_city(ctx->gov ? &ctx->gov->scope : &ctx->view->scope);
	opts.district_cols = district_cols(ctx, chosen, n, w, opts.where_street);
	int name_cols = reading_row_name_cols(w, &opts);
	char **labels = xcalloc(n ? n : 1, sizeof *labels);
	char **names = xcalloc(n ? n : 1, sizeof *names);
	for (size_t i = 0; i < n; i++) {
		char label[300];
		reading_row_label(store_reading(ctx->store, chosen[i]), label, sizeof label);
		labels[i] = xstrdup(label);
	}
	name_fit_many((const char *const *)labels, n, name_cols, names);
	for (size_t i = 0; i < n; i++) {
		opts.name = names[i];
		reading_row_draw(win, y + (int)i, x, w, ctx, chosen[i], &opts);
	}
	name_fit_free(names, n);
	name_fit_free(labels, n);
	free(names);
	free(labels);
	free(chosen);
}

void overview_block_draw(WINDOW *win, int y, int x, int h, int w, const ui_ctx_t *ctx, domain_t d,
                         bool focused, const char *filter)
{
	const domain_view_t *dv = &ctx->view->domains[d];
	int iw = w - 2, ix = x + 1;
	/* Two rows of readings at least before the counts take a row. */
	bool counts_row = h - 2 >= 3 || dv->total == 0;
	char title[160];
	if (counts_row)
		snprintf(title, sizeof title, "%s (%u)", _(domain_title(d)), dv->total);
	else
		compact_title(dv, _(domain_title(d)), title, sizeof title);
	panel_draw(win, y, x, h, w, title, focused);
	if (h < 3 || iw < 10)
		return;
	/* What its sources say: why it is empty, or that one of them fails. */
	char note[256];
	int role = format_domain_sources(ctx->view, ctx->store, d, note, sizeof note);
	if (dv->total == 0) {
		draw_wrapped(win, y + 1, ix + 1, iw - 1, h - 2, note, theme_attr(role));
		return;
	}
	int top = y + 1;
	if (counts_row)
		draw_counts(win, top++, ix + 1, iw - 1, dv);
	if (note[0] && y + h - 1 - top >= 2)
		text_draw(win, top++, ix + 1, iw - 1, note, theme_attr(role));
	draw_rows(win, top, ix, iw, y + h - 1 - top, ctx, dv, filter);
}

void overview_alarm_pane_draw(WINDOW *win, int y, int h, int w, const ui_ctx_t *ctx,
                              const char *filter)
{
	const view_t *v = ctx->view;
	size_t n = view_alarm_count(v); /* in the scope */
	size_t crit = v->alarms_critical;
	char title[160];
	/* By priority, as the title bar and the alarms page count them: HIGH
	 * (HIHI/LOLO, communications) and MED (HI/LO, faults). */
	if (v->readings == 0) /* no count of alarms in data that is not there */
		snprintf(title, sizeof title, "%s", _("Alarms: no data"));
	else
		snprintf(title, sizeof title, _("Alarms: %zu high priority, %zu medium"), crit,
		         n - crit);
	if (filter[0]) { /* only the text filter's matches (filter.h) */
		size_t matched = 0;
		for (size_t i = 0; i < n; i++)
			matched += filter_alarm(ctx, filter, view_alarm(v, i));
		size_t len = strlen(title);
		snprintf(title + len, sizeof title - len, _(" (%zu of %zu match)"), matched, n);
		panel_draw(win, y, 0, h, w, title, false);
		alarm_row_need_t need = {0}; /* the value beside the names shown */
		int row = 0;
		for (size_t i = 0; i < n && row < h - 2; i++)
			if (filter_alarm(ctx, filter, view_alarm(v, i))) {
				alarm_row_measure(ctx, view_alarm(v, i), &need);
				row++;
			}
		alarm_row_cols_t cols = alarm_row_cols_fit(w - 4, &need);
		row = 0;
		for (size_t i = 0; i < n && row < h - 2; i++)
			if (filter_alarm(ctx, filter, view_alarm(v, i)))
				alarm_row_draw_cols(win, y + 1 + row++, 2, w - 4, ctx, view_alarm(v, i),
				                    false, &cols);
		if (matched == 0 && h > 2)
			text_draw(win, y + 1, 2, w - 4, _("No alarm matches the filter (Esc clears it)."),
			          theme_attr(ROLE_DIM));
		return;
	}
	panel_draw(win, y, 0, h, w, title, false);
	int rows = h - 2;
	if (rows <= 0)
		return;
	if (n == 0) {
		char text[256];
		int role = format_no_alarms(v, text, sizeof text);
		text_draw(win, y + 1, 2, w - 4, text, theme_attr(role));
		return;
	}
	bool more = n > (size_t)rows;
	int shown = more ? rows - 1 : (int)n;
	/* The name column as wide as the widest name shown: the value beside it. */
	alarm_row_need_t need = {0};
	for (int i = 0; i < shown; i++)
		alarm_row_measure(ctx, view_alarm(v, (size_t)i), &need);
	alarm_row_cols_t cols = alarm_row_cols_fit(w - 4, &need);
	for (int i = 0; i < shown; i++)
		alarm_row_draw_cols(win, y + 1 + i, 2, w - 4, ctx, view_alarm(v, (size_t)i), false,
		                    &cols);
	if (more) {
		char buf[96];
		snprintf(buf, sizeof buf, _("and %zu more: press a for every alarm"),
		         n - (size_t)shown);
		text_draw(win, y + 1 + shown, 2, w - 4, buf, theme_attr(ROLE_DIM));
	}
}

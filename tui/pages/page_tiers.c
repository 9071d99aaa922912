/* The tier page: the scope's districts (city scope) or streets (district
 * scope) as a table from the gov view's tier rows, worst first — readings
 * in alarm, warnings, stale, open and overdue events, the worst KPI — and
 * at a street scope the street's readings, worst first (tier_readings.c).
 * Enter goes one tier down (nav_scope_down) or, on a reading, opens its
 * page; Backspace goes back up (nav_back restores scope and selection).
 *
 * The selection (nav->tiers) is kept by identity: a row by a hash of its
 * name, a reading by its serial. Rows are drawn only once the gov view has
 * been computed for the page's scope (it follows nav->scope within an
 * evaluation); until then the page says it is counting. */
#include "pages.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "glyphs.h"
#include "filter.h"
#include "i18n.h"
#include "mouse.h"
#include "panel.h"
#include "reading_row.h"
#include "text_draw.h"
#include "shown_age.h"
#include "theme.h"
#include "xalloc.h"
#include "tier_readings.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static bool street_scope(const nav_t *nav)
{
	return scope_tier(&nav->scope) == TIER_STREET;
}

/* Whether what the page would show has been computed for its scope. */
static bool tiers_ready(const ui_ctx_t *ctx, const nav_t *nav)
{
	if (street_scope(nav))
		return scope_equal(&ctx->view->scope, &nav->scope);
	return ctx->gov != NULL && scope_equal(&ctx->gov->scope, &nav->scope);
}

static size_t reading_at(const void *list, size_t row)
{
	return ((const size_t *)list)[row];
}

/* The rows shown: at a street scope its readings (store indices), else
 * the gov view's districts or streets (indices into gov->tiers); only those
 * the text filter matches (filter.h). */
typedef struct tier_rows {
	size_t *readings; /* street scope; owned, NULL if none */
	int *tiers;       /* otherwise; owned */
	int count, all;   /* shown, and before the filter */
} tier_rows_t;

static void rows_build(tier_rows_t *t, const ui_ctx_t *ctx, const nav_t *nav)
{
	*t = (tier_rows_t){0};
	if (street_scope(nav)) {
		t->all = (int)tier_readings(ctx->view, ctx->store, &t->readings);
		for (int i = 0; i < t->all; i++)
			if (filter_reading(ctx, nav->filter, t->readings[i]))
				t->readings[t->count++] = t->readings[i];
		return;
	}
	t->all = (int)ctx->gov->tier_count;
	t->tiers = xreallocarray(NULL, t->all ? (size_t)t->all : 1, sizeof *t->tiers);
	for (int i = 0; i < t->all; i++)
		if (filter_text(nav->filter, ctx->gov->tiers[i].name))
			t->tiers[t->count++] = i;
}

static void rows_free(tier_rows_t *t)
{
	free(t->readings);
	free(t->tiers);
	*t = (tier_rows_t){0};
}

static const gov_tier_row_t *tier_at(const ui_ctx_t *ctx, const tier_rows_t *t, int row)
{
	return &ctx->gov->tiers[t->tiers[row]];
}

/* The selected row now, found by identity (nav->tiers.serial). */
static int find_row(const ui_ctx_t *ctx, nav_t *nav, const tier_rows_t *t)
{
	struct nav_list *l = &nav->tiers;
	int total = t->count;
	if (total <= 0)
		return 0;
	if (t->readings != NULL)
		return nav_find_row(ctx->store, t->readings, reading_at, total, l->selected,
		                    &l->serial);
	int found = -1;
	if (l->serial && l->selected >= 0 && l->selected < total &&
	    nav_name_key(tier_at(ctx, t, l->selected)->name) == l->serial)
		found = l->selected;
	for (int i = 0; l->serial && found < 0 && i < total; i++)
		if (nav_name_key(tier_at(ctx, t, i)->name) == l->serial)
			found = i;
	if (found < 0)
		found = clamp(l->selected, 0, total - 1);
	l->serial = nav_name_key(tier_at(ctx, t, found)->name);
	return found;
}

/* ---- the table of districts or streets ---- */

typedef struct columns {
	int marker, name, readings, alarms, warnings, stale, events, overdue, kpi;
} columns_t;

/* The count columns' titles, in their order. */
static const char *const count_titles[] = {N_("readings"), N_("alarms"), N_("warn"),
                                           N_("stale"),    N_("events"), N_("overdue")};

/* A count column: its title as drawn and a space before it, and room for
 * five digits and that space. */
static int count_cols(const char *title)
{
	int w = text_draw_width(_(title)) + 1;
	return w > 6 ? w : 6;
}

static columns_t layout(int width)
{
	columns_t c = {.marker = FORMAT_MARKER_COLS,
	               .readings = count_cols(count_titles[0]),
	               .alarms = count_cols(count_titles[1]),
	               .warnings = count_cols(count_titles[2]),
	               .stale = count_cols(count_titles[3]),
	               .events = count_cols(count_titles[4]),
	               .overdue = count_cols(count_titles[5])};
	if (width >= 120) { /* a wall: more air between the numbers */
		c.readings += 2;
		c.alarms += 2;
		c.warnings += 2;
		c.stale += 2;
		c.events += 2;
		c.overdue += 2;
	}
	int rest = width - c.marker - c.readings - c.alarms - c.warnings - c.stale - c.events -
	           c.overdue - 2;
	c.name = clamp(rest * 2 / 5, 10, 28);
	c.kpi = rest - c.name;
	if (c.kpi < 10) { /* narrow: the readings count goes first */
		c.kpi += c.readings;
		c.readings = 0;
	}
	return c;
}

/* A count right-aligned in `cols`; zero is a dim dot, so what is wrong
 * stands out without colour. */
static void draw_count(WINDOW *win, int y, int x, int cols, unsigned n, theme_role_t role,
                       attr_t base, bool selected)
{
	if (cols <= 0)
		return;
	char buf[16];
	if (n == 0) {
		text_draw_right(win, y, x, cols - 1, glyphs()->ascii ? "." : "·",
		                selected ? base : theme_attr(ROLE_DIM));
		return;
	}
	snprintf(buf, sizeof buf, "%u", n);
	text_draw_right(win, y, x, cols - 1, buf, selected ? base | A_BOLD : theme_attr(role));
}

static void draw_header(WINDOW *win, int y, int x, int width, const nav_t *nav)
{
	columns_t c = layout(width);
	attr_t a = theme_attr(ROLE_DIM);
	text_fill(win, y, x, width, a);
	int cx = x + c.marker;
	text_draw(win, y, cx, c.name, scope_is_city(&nav->scope) ? _("district") : _("street"), a);
	cx += c.name + 1;
	const int cols[] = {c.readings, c.alarms, c.warnings, c.stale, c.events, c.overdue};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		if (cols[i] > 0)
			text_draw_right(win, y, cx, cols[i] - 1, _(count_titles[i]), a);
		cx += cols[i];
	}
	text_draw(win, y, cx + 1, c.kpi, _("worst KPI"), a);
}

/* A KPI's name without its place when it starts with it ("江北区·税收收入增速"
 * in 江北区's row is "税收收入增速"): the row already says where. */
static const char *kpi_short_name(const char *kpi, const char *place)
{
	size_t n = strlen(place);
	static const char dot[] = "\u00b7";
	if (n > 0 && strncmp(kpi, place, n) == 0 && strncmp(kpi + n, dot, sizeof dot - 1) == 0 &&
	    kpi[n + sizeof dot - 1] != '\0')
		return kpi + n + sizeof dot - 1;
	return kpi;
}

static void draw_row(WINDOW *win, int y, int x, int width, const ui_ctx_t *ctx,
                     const gov_tier_row_t *row, bool selected)
{
	columns_t c = layout(width);
	attr_t base = theme_attr(selected ? ROLE_SELECTED : ROLE_NORMAL);
	text_fill(win, y, x, width, base);
	/* The readings' states as the reading rows mark them: "!!" alarm, "!"
	 * warning, "x" fault, "~" stale. */
	view_states_t s = (row->alarms ? VIEW_BIT(VS_ALARM) : 0) |
	                  (row->warnings ? VIEW_BIT(VS_WARNING) : 0) |
	                  (row->bad ? VIEW_BIT(VS_BAD) : 0) | (row->stale ? VIEW_BIT(VS_STALE) : 0);
	char marker[FORMAT_MARKER_COLS + 1];
	format_states_marker(s, marker);
	int cx = x;
	text_draw(win, y, cx, c.marker, marker,
	          selected ? base : theme_attr((theme_role_t)format_states_role(s)));
	cx += c.marker;
	text_draw(win, y, cx, c.name, row->name, selected ? base | A_BOLD : theme_attr(ROLE_VALUE));
	cx += c.name + 1;
	draw_count(win, y, cx, c.readings, row->readings, ROLE_LABEL, base, selected);
	cx += c.readings;
	draw_count(win, y, cx, c.alarms, row->alarms, ROLE_ALARM, base, selected);
	cx += c.alarms;
	draw_count(win, y, cx, c.warnings, row->warnings, ROLE_WARN, base, selected);
	cx += c.warnings;
	draw_count(win, y, cx, c.stale, row->stale, ROLE_STALE, base, selected);
	cx += c.stale;
	draw_count(win, y, cx, c.events, row->events_open,
	           row->events_critical ? ROLE_ALARM : ROLE_LABEL, base, selected);
	cx += c.events;
	draw_count(win, y, cx, c.overdue, row->events_overdue, ROLE_OVERDUE, base, selected);
	cx += c.overdue + 1;

	const kpi_t *k =
	    row->worst_kpi.index != SIZE_MAX ? gov_kpi(ctx->store, row->worst_kpi) : NULL;
	if (k == NULL || isnan(row->worst_attainment)) {
		text_draw(win, y, cx, c.kpi, glyphs()->ascii ? "." : "·",
		          selected ? base : theme_attr(ROLE_DIM));
		return;
	}
	/* The attainment first, so the column reads down; a mark says off
	 * target without colour. */
	bool off = row->worst_attainment < 1.0;
	char buf[320];
	snprintf(buf, sizeof buf, "%s%3.0f%% %s", off ? glyphs()->fail_mark : glyphs()->ok_mark,
	         row->worst_attainment * 100.0, kpi_short_name(k->name, row->name));
	text_draw(win, y, cx, c.kpi, buf,
	          selected ? base : theme_attr(off ? ROLE_KPI_OFF : ROLE_LABEL));
}

/* ---- drawing ---- */

/* Keeps the selection in view; returns the rows shown. */
static int place_list(nav_t *nav, int rows, int total)
{
	struct nav_list *l = &nav->tiers;
	if (l->selected < l->scroll)
		l->scroll = l->selected;
	if (l->selected >= l->scroll + rows)
		l->scroll = l->selected - rows + 1;
	l->scroll = clamp(l->scroll, 0, total > rows ? total - rows : 0);
	return rows;
}

static void draw_position(WINDOW *win, int h, int w, const nav_t *nav, int rows, int total)
{
	if (total <= rows)
		return;
	char pos[48];
	int last = nav->tiers.scroll + rows < total ? nav->tiers.scroll + rows : total;
	snprintf(pos, sizeof pos, " %d-%d/%d ", nav->tiers.scroll + 1, last, total);
	text_draw_right(win, h - 1, 1, w - 3, pos, theme_attr(ROLE_BORDER_FOCUS));
}

static void tiers_title(const ui_ctx_t *ctx, const nav_t *nav, int total, char *buf, size_t size)
{
	char where[2 * SCOPE_NAME_MAX + 2];
	scope_format(&nav->scope, where, sizeof where);
	if (!tiers_ready(ctx, nav)) {
		snprintf(buf, size, "%s", where[0] ? where : _("City"));
		return;
	}
	switch (scope_tier(&nav->scope)) {
	case TIER_CITY:
		snprintf(buf, size, _("City: %d districts"), total);
		break;
	case TIER_DISTRICT:
		snprintf(buf, size, _("%s: %d streets"), where, total);
		break;
	default: {
		unsigned alarm = 0, warn = 0, stale = 0;
		for (int d = 0; d < DOMAIN_COUNT; d++) {
			alarm += ctx->view->domains[d].counts[VS_ALARM];
			warn += ctx->view->domains[d].counts[VS_WARNING];
			stale += ctx->view->domains[d].counts[VS_STALE];
		}
		snprintf(buf, size, _("%s: %d readings, alarm %u warn %u stale %u"), where, total,
		         alarm, warn, stale);
	}
	}
}

static void tiers_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	werase(win);
	bool ready = tiers_ready(ctx, nav);
	tier_rows_t t = {0};
	if (ready)
		rows_build(&t, ctx, nav);
	size_t *readings = t.readings;
	int total = t.count;
	int rows = h - 3 > 1 ? h - 3 : 1; /* border, header, border */
	nav->body_rows = rows;
	nav->body_cols = w;
	nav->tiers.selected = find_row(ctx, nav, &t);
	place_list(nav, rows, total);

	char title[2 * SCOPE_NAME_MAX + 128];
	tiers_title(ctx, nav, t.all, title, sizeof title);
	size_t len = strlen(title);
	if (ready)
		filter_title_note(nav, (size_t)t.count, (size_t)t.all, title + len, sizeof title - len);
	panel_draw(win, 0, 0, h, w, title, true);
	if (h < 4) {
		rows_free(&t);
		return;
	}
	if (!ready) {
		text_draw(win, 2, 2, w - 4, _("Counting…"), theme_attr(ROLE_DIM));
		return;
	}
	reading_cols_t plan; /* the street's readings: columns fit to the list */
	reading_row_plan(ctx, readings, readings ? (size_t)total : 0, w - 2, &plan);
	if (readings != NULL || street_scope(nav))
		reading_row_header_plan(win, 1, 1, &plan);
	else
		draw_header(win, 1, 1, w - 2, nav);
	if (total == 0) {
		text_draw(win, 2, 2, w - 4,
		          t.all ? _("Nothing matches the filter (Esc clears it).")
		                : _("Nothing is placed in this scope."),
		          theme_attr(ROLE_DIM));
		rows_free(&t);
		return;
	}
	for (int i = 0; i < rows && nav->tiers.scroll + i < total; i++) {
		int row = nav->tiers.scroll + i;
		bool selected = row == nav->tiers.selected;
		mouse_note_row(nav, win, 2 + i, 1, w - 2, row, selected);
		if (readings != NULL) {
			reading_row_opts_t opts = {
			    .detailed = true, .selected = selected, .plan = &plan};
			reading_row_draw(win, 2 + i, 1, w - 2, ctx, readings[row], &opts);
			shown_age_reading(nav, ctx, readings[row]);
		} else {
			draw_row(win, 2 + i, 1, w - 2, ctx, tier_at(ctx, &t, row), selected);
		}
	}
	draw_position(win, h, w, nav, rows, total);
	rows_free(&t);
}

/* ---- keys ---- */

static bool tiers_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	if (!tiers_ready(ctx, nav))
		return false;
	tier_rows_t t;
	rows_build(&t, ctx, nav);
	size_t *readings = t.readings;
	int total = t.count;
	struct nav_list *l = &nav->tiers;
	int page = nav->body_rows > 1 ? nav->body_rows - 1 : 1;
	l->selected = find_row(ctx, nav, &t);
	bool used = nav_list_move(l, act, total, page);
	switch (used ? ACT_NONE : act) {
	case ACT_OPEN:
	case ACT_RIGHT:
		if (total > 0 && readings != NULL)
			nav_open_reading(nav, ctx->store, readings[l->selected]);
		else if (total > 0)
			nav_scope_down(nav, tier_at(ctx, &t, l->selected)->name);
		rows_free(&t);
		return true;
	default:
		break;
	}
	if (used) {
		if (total > 0)
			l->serial = readings != NULL
			                ? nav_serial(ctx->store, readings[l->selected])
			                : nav_name_key(tier_at(ctx, &t, l->selected)->name);
	}
	rows_free(&t);
	return used;
}

const page_class_t page_tiers = {
    .title = N_("Tiers"),
    .draw = tiers_draw,
    .key = tiers_key,
};

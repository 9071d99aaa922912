/* The scope picker, an overlay opened by 9 or p: the whole city and its
 * districts, or (after Enter or → on a district) that district as a whole
 * and its streets, each with its readings and those beyond a limit
 * (scope_names.c gathers them from the store on every frame). Enter on a
 * place chooses it: the picker closes (nav_back) and the chosen scope is
 * set on the page it covered, so that page — and every page after it —
 * shows that tier. ← goes back from the streets to the districts; Esc
 * closes the picker and changes nothing.
 *
 * State in nav: nav->picker (selection by a hash of the place's name, the
 * first row "" — the whole city or district) and nav->picker_district (the
 * district whose streets are listed, "" for the districts). A picker that
 * opens with no selection yet selects the current scope. */
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glyphs.h"
#include "filter.h"
#include "i18n.h"
#include "mouse.h"
#include "panel.h"
#include "scope_names.h"
#include "text_draw.h"
#include "theme.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The picker's rows: the first is the whole city (or district), then the
 * places one tier down. */
typedef struct picker_rows {
	scope_name_t whole;
	scope_name_t *places;
	int count; /* rows, the whole one included */
	int all;   /* places before the text filter (filter.h) kept those it matches */
} picker_rows_t;

static const char *row_name(const picker_rows_t *rows, int row)
{
	return row == 0 ? "" : rows->places[row - 1].name;
}

static const scope_name_t *row_at(const picker_rows_t *rows, int row)
{
	return row == 0 ? &rows->whole : &rows->places[row - 1];
}

static void rows_gather(const ui_ctx_t *ctx, const nav_t *nav, picker_rows_t *rows)
{
	const char *district = nav->picker_district[0] ? nav->picker_district : NULL;
	size_t n = scope_names(ctx->store, ctx->alarms, district, &rows->places);
	rows->all = (int)n;
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (filter_text(nav->filter, rows->places[i].name))
			rows->places[kept++] = rows->places[i];
	rows->count = (int)kept + 1;
	/* The whole: every reading of the city or district, placed on a street or not. */
	rows->whole = (scope_name_t){.name = district ? district : ""};
	for (size_t i = 0, m = store_reading_count(ctx->store); i < m; i++) {
		const reading_t *r = store_reading(ctx->store, i);
		if (r == NULL || (district && strcmp(r->district, district) != 0))
			continue;
		alarm_level_t level = alarm_engine_state(ctx->alarms, i).level;
		rows->whole.readings++;
		rows->whole.alarms += alarm_level_is_critical(level);
		rows->whole.warnings += level != ALARM_NONE && !alarm_level_is_critical(level);
	}
}

/* On the first frame of a picker with no selection: the current scope. */
static void select_current(nav_t *nav)
{
	if (nav->picker.serial != 0)
		return;
	const scope_t *s = &nav->scope;
	switch (scope_tier(s)) {
	case TIER_STREET:
		snprintf(nav->picker_district, sizeof nav->picker_district, "%s", s->district);
		nav->picker.serial = nav_name_key(s->street);
		break;
	case TIER_DISTRICT:
		nav->picker_district[0] = '\0';
		nav->picker.serial = nav_name_key(s->district);
		break;
	default:
		nav->picker_district[0] = '\0';
		nav->picker.serial = nav_name_key("");
	}
}

/* The selected row now, found by its name. */
static int find_row(const picker_rows_t *rows, struct nav_list *l)
{
	int found = -1;
	if (l->selected >= 0 && l->selected < rows->count &&
	    nav_name_key(row_name(rows, l->selected)) == l->serial)
		found = l->selected;
	for (int i = 0; found < 0 && i < rows->count; i++)
		if (nav_name_key(row_name(rows, i)) == l->serial)
			found = i;
	if (found < 0)
		found = clamp(l->selected, 0, rows->count - 1);
	l->serial = nav_name_key(row_name(rows, found));
	return found;
}

static bool is_current(const nav_t *nav, const picker_rows_t *rows, int row)
{
	scope_t s;
	scope_city(&s);
	if (nav->picker_district[0] && scope_down(&s, nav->picker_district) != 0)
		return false;
	if (row > 0 && scope_down(&s, row_name(rows, row)) != 0)
		return false;
	return scope_equal(&s, &nav->scope);
}

/* A row's counts as words: readings, alarms, warnings ("" for none). */
enum { COUNT_TEXTS = 3 };
typedef char count_texts_t[COUNT_TEXTS][64];

static void count_texts(const scope_name_t *e, count_texts_t t)
{
	snprintf(t[0], sizeof t[0], _("%u readings"), e->readings);
	t[1][0] = t[2][0] = '\0';
	if (e->alarms) /* "!!" and "!" as on the reading rows, not colour alone */
		snprintf(t[1], sizeof t[1], P_("!!%u alarm", "!!%u alarms", e->alarms), e->alarms);
	if (e->warnings)
		snprintf(t[2], sizeof t[2], P_("!%u warning", "!%u warnings", e->warnings),
		         e->warnings);
}

/* The count columns, right-aligned: each as wide as its widest text in
 * the rows (in the language shown) and a space, at least as in English
 * (14, 13, 13: "1234 readings"). */
typedef struct count_cols {
	int w[COUNT_TEXTS], total;
} count_cols_t;

static count_cols_t measure_counts(const picker_rows_t *rows)
{
	count_cols_t c = {.w = {14, 13, 13}};
	for (int row = 0; row < rows->count; row++) {
		count_texts_t t;
		count_texts(row_at(rows, row), t);
		for (int i = 0; i < COUNT_TEXTS; i++) {
			int tw = text_draw_width(t[i]) + 1;
			c.w[i] = tw > c.w[i] ? tw : c.w[i];
		}
	}
	for (int i = 0; i < COUNT_TEXTS; i++)
		c.total += c.w[i];
	return c;
}

/* The name keeps at least this many columns before the counts show. */
#define NAME_MIN_COLS 20

static void draw_row(WINDOW *win, int y, int x, int w, const nav_t *nav, const picker_rows_t *rows,
                     const count_cols_t *cc, int row, bool selected)
{
	const scope_name_t *e = row_at(rows, row);
	attr_t base = theme_attr(selected ? ROLE_SELECTED : ROLE_NORMAL);
	text_fill(win, y, x, w, base);
	const glyphs_t *g = glyphs();
	/* "*" marks the scope in force; "›" a district that opens on its streets. */
	text_draw(win, y, x, 2, is_current(nav, rows, row) ? "*" : " ", base | A_BOLD);
	int count_cols = w - cc->total >= NAME_MIN_COLS ? cc->total : 0;
	int name_w = w - 2 - count_cols - 2;
	char name[2 * SCOPE_NAME_MAX + 64];
	if (row == 0 && !nav->picker_district[0])
		snprintf(name, sizeof name, "%s", _("Whole city"));
	else if (row == 0)
		snprintf(name, sizeof name, _("All of %s"), e->name);
	else
		snprintf(name, sizeof name, "%s", e->name);
	int used = text_draw(win, y, x + 2, name_w, name, base | (row == 0 ? A_BOLD : 0));
	if (row > 0 && !nav->picker_district[0] && used + 2 <= name_w)
		text_draw(win, y, x + 2 + used + 1, 1, g->crumb,
		          selected ? base : theme_attr(ROLE_DIM));
	if (count_cols == 0)
		return;
	count_texts_t t;
	count_texts(e, t);
	static const theme_role_t roles[COUNT_TEXTS] = {ROLE_DIM, ROLE_ALARM, ROLE_WARN};
	int cx = x + w - count_cols;
	for (int i = 0; i < COUNT_TEXTS; i++) {
		if (t[i][0])
			text_draw_right(win, y, cx, cc->w[i], t[i], selected ? base : theme_attr(roles[i]));
		cx += cc->w[i];
	}
}

static void scope_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	werase(win);
	select_current(nav);
	picker_rows_t rows;
	rows_gather(ctx, nav, &rows);
	struct nav_list *l = &nav->picker;
	l->selected = find_row(&rows, l);
	int shown = h - 4 > 1 ? h - 4 : 1; /* border, hint line, border */
	nav->body_rows = shown;
	nav->body_cols = w;
	if (l->selected < l->scroll)
		l->scroll = l->selected;
	if (l->selected >= l->scroll + shown)
		l->scroll = l->selected - shown + 1;
	l->scroll = clamp(l->scroll, 0, rows.count > shown ? rows.count - shown : 0);

	char now[2 * SCOPE_NAME_MAX + 2], title[2 * SCOPE_NAME_MAX + 64];
	scope_format(&nav->scope, now, sizeof now);
	int len = snprintf(title, sizeof title, _("Scope: %s"), now[0] ? now : _("whole city"));
	if (len > 0 && (size_t)len < sizeof title)
		filter_title_note(nav, (size_t)rows.count - 1, (size_t)rows.all, title + len,
		                  sizeof title - (size_t)len);
	panel_draw(win, 0, 0, h, w, title, true);
	if (h < 4) {
		free(rows.places);
		return;
	}
	text_draw(win, 1, 2, w - 4,
	          nav->picker_district[0] ? _("Enter: choose   ←: districts   Esc: cancel")
	                                  : _("Enter / →: a district's streets   Esc: cancel"),
	          theme_attr(ROLE_DIM));
	count_cols_t cc = measure_counts(&rows);
	for (int i = 0; i < shown && l->scroll + i < rows.count; i++) {
		int row = l->scroll + i;
		draw_row(win, 3 + i, 2, w - 4, nav, &rows, &cc, row, row == l->selected);
		mouse_note_row(nav, win, 3 + i, 2, w - 4, row, row == l->selected);
	}
	if (rows.count > shown) {
		char pos[48];
		int last = l->scroll + shown < rows.count ? l->scroll + shown : rows.count;
		snprintf(pos, sizeof pos, " %d-%d/%d ", l->scroll + 1, last, rows.count);
		text_draw_right(win, h - 1, 1, w - 3, pos, theme_attr(ROLE_BORDER_FOCUS));
	}
	free(rows.places);
}

/* Closes the picker onto the page it covered, then narrows that page. */
static void choose(nav_t *nav, const scope_t *chosen)
{
	scope_t s = *chosen;
	nav_back(nav);
	nav->scope = s; /* after nav_back, which restores the covered page's scope */
	nav->picker = (struct nav_list){0};
	nav->picker_district[0] = '\0';
	if (nav->page == PAGE_TIERS)
		nav->tiers = (struct nav_list){0};
}

/* Lists the streets of the district at `row` (> 0, districts listed). */
static void open_district(nav_t *nav, const picker_rows_t *rows, int row)
{
	snprintf(nav->picker_district, sizeof nav->picker_district, "%s", row_name(rows, row));
	nav->picker = (struct nav_list){.serial = nav_name_key("")};
}

static bool scope_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	select_current(nav);
	picker_rows_t rows;
	rows_gather(ctx, nav, &rows);
	struct nav_list *l = &nav->picker;
	l->selected = find_row(&rows, l);
	int page = nav->body_rows > 1 ? nav->body_rows - 1 : 1;
	bool districts = nav->picker_district[0] == '\0';
	bool used = nav_list_move(l, act, rows.count, page);
	switch (used ? ACT_NONE : act) {
	case ACT_RIGHT:
		if (districts && l->selected > 0)
			open_district(nav, &rows, l->selected);
		free(rows.places);
		return true;
	case ACT_LEFT:
		if (!districts) {
			nav->picker =
			    (struct nav_list){.serial = nav_name_key(nav->picker_district)};
			nav->picker_district[0] = '\0';
		}
		free(rows.places);
		return true;
	case ACT_OPEN: {
		scope_t s;
		scope_city(&s);
		if (districts && l->selected > 0) {
			open_district(nav, &rows, l->selected);
		} else if ((districts || scope_down(&s, nav->picker_district) == 0) &&
		           (l->selected == 0 ||
		            scope_down(&s, row_name(&rows, l->selected)) == 0)) {
			choose(nav, &s);
		}
		free(rows.places);
		return true;
	}
	default:
		break;
	}
	if (used) {
		l->serial = nav_name_key(row_name(&rows, l->selected));
	}
	free(rows.places);
	return used;
}

const page_class_t page_scope = {
    .title = N_("Scope"),
    .draw = scope_draw,
    .key = scope_key,
};

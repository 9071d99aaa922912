/* The KPI board: the five composite indices at the top (kpi_indices.h),
 * then every KPI in scope by category (kpi_board.h), off target first, each
 * as a row with its bullet graph (kpi_row.h). Categories fold and unfold;
 * the selection follows a KPI (or a header) by identity through updates;
 * Enter opens a KPI's own page. */
#include "pages.h"

#include <stdio.h>

#include "glyphs.h"
#include "filter.h"
#include "i18n.h"
#include "mouse.h"
#include "kpi_board.h"
#include "kpi_indices.h"
#include "kpi_row.h"
#include "kpi_source.h"
#include "text_draw.h"
#include "theme.h"

/* Rows above the list: the indices, the totals line, a line on a failing
 * KPI source when there is one, and the column headings when the body has
 * room for them. */
typedef struct board_layout {
	int index_rows;
	int totals_y, note_y, header_y; /* -1: not shown */
	int list_y, list_rows;
} board_layout_t;

static board_layout_t board_layout(int h, int w, bool note)
{
	board_layout_t l = {.index_rows = kpi_indices_rows(h, w), .note_y = -1, .header_y = -1};
	l.totals_y = l.index_rows;
	l.list_y = l.totals_y + 1;
	if (note)
		l.note_y = l.list_y++;
	if (h >= 30)
		l.header_y = l.list_y++;
	l.list_rows = h - l.list_y > 1 ? h - l.list_y : 1;
	return l;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The widest label of the KPIs in scope (kpi_row_label: the id in ASCII
 * mode), so the name column fits them; measured by the gov view. */
static int widest_label(const ui_ctx_t *ctx)
{
	return glyphs()->ascii ? ctx->gov->kpi_id_cols : ctx->gov->kpi_name_cols;
}

/* "▾ 经济发展  42 KPIs: 12 off target, 28 on target, 2 no data" */
static void draw_header(WINDOW *win, int y, int w, const gov_category_t *c, bool folded,
                        bool selected)
{
	bool ascii = glyphs()->ascii;
	const char *fold = folded ? (ascii ? "[+]" : "▸") : (ascii ? "[-]" : "▾");
	attr_t base = selected ? theme_attr(ROLE_SELECTED) : theme_attr(ROLE_TITLE);
	text_fill(win, y, 0, w, theme_attr(ROLE_NORMAL));
	char name[320];
	snprintf(name, sizeof name, "%s %s", fold, c->name[0] ? c->name : _("(no category)"));
	int x = text_draw(win, y, 0, w, name, base | A_BOLD) + 2;
	char count[64];
	snprintf(count, sizeof count, P_("%zu KPI:", "%zu KPIs:", c->count), c->count);
	x += text_draw(win, y, x, w - x, count, theme_attr(ROLE_LABEL)) + 1;
	char part[64];
	snprintf(part, sizeof part, _("! %u off target"), c->off_target);
	x += text_draw(win, y, x, w - x, part,
	               c->off_target ? theme_attr(ROLE_KPI_OFF) : theme_attr(ROLE_DIM)) +
	     2;
	snprintf(part, sizeof part, _("%u on target"), c->on_target);
	x += text_draw(win, y, x, w - x, part, theme_attr(ROLE_LABEL)) + 2;
	snprintf(part, sizeof part, _("%u no data"), c->no_data);
	text_draw(win, y, x, w - x, part, theme_attr(ROLE_DIM));
}

/* "911 KPIs in scope: 120 off target, 700 on target, 91 no data   rows 1-18 of 960" */
static void draw_totals(WINDOW *win, int y, int w, const ui_ctx_t *ctx, const nav_t *nav,
                        const kpi_board_t *b)
{
	const gov_view_t *gv = ctx->gov;
	size_t rows = b->count;
	char text[256];
	int len = snprintf(text, sizeof text, _("%zu KPIs: %u off target, %u on target, %u no data"),
	                   gv->kpi_count, gv->kpi_off_target, gv->kpi_on_target, gv->kpi_no_data);
	if (len > 0 && (size_t)len < sizeof text)
		filter_title_note(nav, b->matched, b->kpis, text + len, sizeof text - (size_t)len);
	text_fill(win, y, 0, w, theme_attr(ROLE_NORMAL));
	int x = text_draw(win, y, 0, w, text, theme_attr(ROLE_LABEL)) + 2;
	char where[64] = "";
	if (rows > (size_t)nav->body_rows)
		snprintf(where, sizeof where, _("rows %d-%zu of %zu"), nav->kpis.scroll + 1,
		         (size_t)(nav->kpis.scroll + nav->body_rows) < rows
		             ? (size_t)(nav->kpis.scroll + nav->body_rows)
		             : rows,
		         rows);
	int ww = text_draw_width(where);
	if (where[0] && w - ww > x)
		text_draw_right(win, y, 0, w, where, theme_attr(ROLE_DIM));
}

/* Where the selection is now: by identity, and scrolled into view. */
static void place_selection(const kpi_board_t *b, nav_t *nav, int list_rows)
{
	nav->kpis.selected = kpi_board_find(b, nav->kpis.selected, &nav->kpis.serial);
	int total = (int)b->count;
	if (nav->kpis.selected < nav->kpis.scroll)
		nav->kpis.scroll = nav->kpis.selected;
	if (nav->kpis.selected >= nav->kpis.scroll + list_rows)
		nav->kpis.scroll = nav->kpis.selected - list_rows + 1;
	nav->kpis.scroll = clamp(nav->kpis.scroll, 0, total > list_rows ? total - list_rows : 0);
}

static void kpis_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	werase(win);
	char note[512];
	int note_role = kpi_source_note(ctx, note, sizeof note);
	board_layout_t l = board_layout(h, w, note[0] != '\0');
	nav->body_rows = l.list_rows;
	nav->body_cols = w;
	const gov_view_t *gv = ctx->gov;
	if (gv == NULL || gv->kpi_count == 0) {
		char text[512];
		int role = kpi_source_empty(ctx, text, sizeof text);
		text_draw(win, 1, 2, w - 4, text, theme_attr(role));
		return;
	}
	kpi_indices_draw(win, 0, 0, l.index_rows, w, gv);
	kpi_board_t b;
	kpi_board_build(&b, gv, ctx->store, nav);
	place_selection(&b, nav, l.list_rows);
	draw_totals(win, l.totals_y, w, ctx, nav, &b);
	if (l.note_y >= 0)
		text_draw(win, l.note_y, 0, w, note, theme_attr(note_role));
	kpi_row_layout_t rl = kpi_row_layout(w, widest_label(ctx));
	if (l.header_y >= 0)
		kpi_row_header(win, l.header_y, 0, &rl);
	for (int i = 0; i < l.list_rows && (size_t)(nav->kpis.scroll + i) < b.count; i++) {
		int row = nav->kpis.scroll + i;
		const kpi_board_row_t *r = &b.rows[row];
		bool sel = row == nav->kpis.selected;
		mouse_note_row(nav, win, l.list_y + i, 0, w, row, sel);
		if (r->header) {
			const gov_category_t *c = &gv->categories[r->category];
			draw_header(win, l.list_y + i, w, c, kpi_board_folded(nav, c->name), sel);
			continue;
		}
		const kpi_t *k = gov_kpi(ctx->store, r->ref);
		if (k)
			kpi_row_draw(win, l.list_y + i, 0, &rl, k, sel);
	}
	kpi_board_free(&b);
}

/* The header row of the category of row `row`. */
static int header_of(const kpi_board_t *b, int row)
{
	while (row > 0 && !b->rows[row].header)
		row--;
	return row;
}

static void select_row(const kpi_board_t *b, nav_t *nav, int row)
{
	if (b->count == 0)
		return;
	nav->kpis.selected = clamp(row, 0, (int)b->count - 1);
	nav->kpis.serial = b->rows[nav->kpis.selected].serial;
}

static bool kpis_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	const gov_view_t *gv = ctx->gov;
	if (gv == NULL)
		return false;
	kpi_board_t b;
	kpi_board_build(&b, gv, ctx->store, nav);
	if (b.count == 0) {
		kpi_board_free(&b);
		return false;
	}
	int sel = kpi_board_find(&b, nav->kpis.selected, &nav->kpis.serial);
	const kpi_board_row_t *r = &b.rows[sel];
	const char *category = gv->categories[r->category].name;
	int page = nav->body_rows > 1 ? nav->body_rows - 1 : 1;
	bool used = true;
	switch (act) {
	case ACT_UP:
		select_row(&b, nav, sel - 1);
		break;
	case ACT_DOWN:
		select_row(&b, nav, sel + 1);
		break;
	case ACT_PAGE_UP:
		select_row(&b, nav, sel - page);
		break;
	case ACT_PAGE_DOWN:
		select_row(&b, nav, sel + page);
		break;
	case ACT_HOME:
		select_row(&b, nav, 0);
		break;
	case ACT_END:
		select_row(&b, nav, (int)b.count - 1);
		break;
	case ACT_OPEN:
		if (r->header)
			kpi_board_set_folded(nav, category, !kpi_board_folded(nav, category));
		else
			nav_open_kpi(nav, r->ref);
		break;
	case ACT_LEFT: /* fold the category the selection is in, onto its header */
		select_row(&b, nav, header_of(&b, sel));
		kpi_board_set_folded(nav, category, true);
		break;
	case ACT_RIGHT:
		if (r->header)
			kpi_board_set_folded(nav, category, false);
		break;
	case ACT_FOLD_ALL:
		/* a KPI folded away leaves the selection on its header */
		select_row(&b, nav, header_of(&b, sel));
		kpi_board_fold_all(nav, gv);
		break;
	default:
		used = false;
	}
	kpi_board_free(&b);
	return used;
}

const page_class_t page_kpis = {N_("KPIs"), kpis_draw, kpis_key};

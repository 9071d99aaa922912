/* The overview: what is wrong in the city (or the scope), and where, at a
 * glance — the gov lines (indices, events, where; overview_gov.c), one
 * block per domain and the alarm pane (overview_block.c). This file lays
 * them out and moves the focus between blocks. */
#include "pages.h"

#include "i18n.h"
#include "mouse.h"
#include "overview.h"
#include "overview_grid.h"
#include "shown_age.h"

typedef struct grid {
	int top;              /* rows of the gov lines above the blocks */
	int cols, rows;       /* blocks across and down */
	int block_h;          /* rows of one block */
	int alarm_y, alarm_h; /* the alarm pane */
	int alarm_want;       /* rows the pane needs for its alarms (within bounds) */
} grid_t;

/* The gov lines take the top rows (overview_gov_rows: fewer on a small
 * screen); the alarm pane what its alarms need, between a floor that keeps
 * it visible and a third of the screen; the domain blocks get the rest,
 * tiled as overview_grid.h says. */
static grid_t grid_for(int h, int w, int top, size_t alarms, int blocks)
{
	overview_grid_t tiles = overview_grid_plan(w, blocks);
	grid_t g = {.top = top, .cols = tiles.cols, .rows = tiles.rows > 0 ? tiles.rows : 1};
	int want = (int)(alarms < 100 ? alarms : 100) + 2;
	int most = h / 3 > 5 ? h / 3 : 5;
	g.alarm_h = want < 5 ? 5 : want > most ? most : want;
	g.alarm_want = g.alarm_h;
	g.block_h = (h - top - g.alarm_h) / g.rows;
	g.alarm_y = top + g.block_h * g.rows;
	g.alarm_h = h - g.alarm_y;
	return g;
}

/* Where domain `d` is among the blocks shown, or -1. */
static int position_of(const domain_t *shown, int n, int d)
{
	for (int i = 0; i < n; i++)
		if ((int)shown[i] == d)
			return i;
	return -1;
}

static void overview_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	domain_t shown[DOMAIN_COUNT];
	int blocks = overview_domains_shown(ctx->view, ctx->store, shown);
	size_t alarms = view_alarm_count(ctx->view);
	/* The blocks and the alarm pane need most of a small screen. */
	int budget = h < 14 ? 0 : h < 18 ? 2 : h < 20 ? 3 : h < 30 ? 4 : 5;
	grid_t g = grid_for(h, w, overview_gov_rows(ctx, budget), alarms, blocks);
	/* Rows the blocks leave over beyond what the alarms need go to one
	 * more gov line, if that costs the blocks nothing. */
	if (g.alarm_h > g.alarm_want) {
		int more = overview_gov_rows(ctx, g.top + g.alarm_h - g.alarm_want);
		grid_t wider = grid_for(h, w, more, alarms, blocks);
		if (more > g.top && wider.block_h == g.block_h)
			g = wider;
	}
	if (blocks > 0 && position_of(shown, blocks, nav->focus) < 0)
		nav->focus = (int)shown[0];
	overview_gov_draw(win, 0, g.top, w, ctx);
	overview_grid_t tiles = overview_grid_plan(w, blocks);
	for (int i = 0; i < blocks; i++) {
		int row, bx, bw;
		overview_grid_cell(&tiles, i, w, &row, &bx, &bw);
		overview_block_draw(win, g.top + row * g.block_h, bx, g.block_h, bw, ctx, shown[i],
		                    nav->focus == (int)shown[i], nav->filter);
		mouse_note_block(nav, win, g.top + row * g.block_h, bx, g.block_h, bw, (int)shown[i],
		                 nav->focus == (int)shown[i]);
	}
	overview_alarm_pane_draw(win, g.alarm_y, g.alarm_h, w, ctx, nav->filter);
	shown_age_view(nav, ctx); /* the blocks count every reading in scope */
	nav->body_rows = h;
	nav->body_cols = w;
}

static bool overview_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	/* The focus is a domain; it moves among the blocks shown. */
	domain_t shown[DOMAIN_COUNT];
	int n = overview_domains_shown(ctx->view, ctx->store, shown);
	if (n == 0)
		return act == ACT_NEXT || act == ACT_PREV || act == ACT_LEFT || act == ACT_RIGHT ||
		       act == ACT_UP || act == ACT_DOWN;
	int cols = overview_grid_plan(nav->body_cols, n).cols;
	int at = position_of(shown, n, nav->focus);
	at = at < 0 ? 0 : at;
	switch (act) {
	case ACT_NEXT:
	case ACT_RIGHT:
		nav->focus = (int)shown[(at + 1) % n];
		return true;
	case ACT_PREV:
	case ACT_LEFT:
		nav->focus = (int)shown[(at + n - 1) % n];
		return true;
	case ACT_DOWN:
		nav->focus = (int)shown[(at + cols) % n];
		return true;
	case ACT_UP:
		nav->focus = (int)shown[(at + n - cols % n) % n];
		return true;
	case ACT_OPEN:
		nav->page = PAGE_DOMAIN;
		nav->domain = shown[at];
		nav->focus = (int)shown[at];
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

/* The domain page: every reading of one domain, by place, scrollable; the
 * selection follows the reading, not the row; Enter opens the reading's page.
 * Its columns grow with the terminal (reading_cols.h: which, in what order
 * they drop). */
#include "pages.h"

#include <stdio.h>

#include "filter.h"
#include "format.h"
#include "i18n.h"
#include "overview_grid.h"
#include "mouse.h"
#include "panel.h"
#include "reading_row.h"
#include "text_draw.h"
#include "shown_age.h"
#include "theme.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static size_t place_at(const void *by_place, size_t row)
{
	return ((const size_t *)by_place)[row];
}

/* The rows shown: the domain's readings by place, those the filter
 * matches (filter.h); the caller frees them (filter_rows_free). */
static filter_rows_t shown_rows(const ui_ctx_t *ctx, const nav_t *nav)
{
	const domain_view_t *dv = &ctx->view->domains[nav->domain];
	filter_rows_t fr;
	filter_rows_readings(&fr, ctx, nav->filter, dv->by_place, dv->total);
	return fr;
}

/* The selected reading's row now: readings come, go and move (a feed may
 * change a district) above it. */
static int selected_row(const ui_ctx_t *ctx, nav_t *nav, const filter_rows_t *fr)
{
	return nav_find_row(ctx->store, fr->rows, place_at, (int)fr->count, nav->selected,
	                    &nav->selected_serial);
}

static void domain_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	const domain_view_t *dv = &ctx->view->domains[nav->domain];
	filter_rows_t fr = shown_rows(ctx, nav);
	int total = (int)fr.count;
	int rows = h - 3; /* border, header, border */
	nav->body_rows = rows > 1 ? rows : 1;
	nav->body_cols = w;
	nav->selected = selected_row(ctx, nav, &fr);
	if (nav->selected < nav->scroll)
		nav->scroll = nav->selected;
	if (nav->selected >= nav->scroll + nav->body_rows)
		nav->scroll = nav->selected - nav->body_rows + 1;
	nav->scroll = clamp(nav->scroll, 0, total > nav->body_rows ? total - nav->body_rows : 0);

	/* Every state a reading has counts (a stale alarm is an alarm and stale). */
	char title[256];
	int len = snprintf(title, sizeof title,
	                   _("%s: %u readings, ok %u warn %u alarm %u stale %u bad %u"),
	                   _(domain_title(nav->domain)), dv->total, dv->ok, dv->counts[VS_WARNING],
	                   dv->counts[VS_ALARM], dv->counts[VS_STALE], dv->counts[VS_BAD]);
	static const struct {
		view_state_t state;
		const char *label;
	} rare[] = {
	    {VS_NOVALUE, N_("null")},
	    {VS_UNCERTAIN, N_("uncertain")},
	    {VS_LIMITS_INVALID, N_("limits invalid")},
	};
	for (size_t i = 0; i < sizeof rare / sizeof rare[0]; i++)
		if (dv->counts[rare[i].state] && len > 0 && (size_t)len < sizeof title)
			len += snprintf(title + len, sizeof title - (size_t)len, " %s %u",
			                _(rare[i].label), dv->counts[rare[i].state]);
	if (len > 0 && (size_t)len < sizeof title)
		filter_title_note(nav, fr.count, fr.total, title + len, sizeof title - (size_t)len);
	panel_draw(win, 0, 0, h, w, title, true);
	if (h < 4) {
		filter_rows_free(&fr);
		return;
	}
	/* One plan for the header and every row: the columns fit the whole
	 * list (its widest name, limits, places), not the rows on screen, so
	 * they keep still while it scrolls or is filtered. */
	reading_cols_t plan;
	reading_row_plan(ctx, dv->by_place, dv->total, w - 2, &plan);
	reading_row_header_plan(win, 1, 1, &plan);
	if (total == 0 && fr.total > 0) { /* the filter hides them all */
		text_draw(win, 2, 2, w - 4, _("No reading matches the filter (Esc clears it)."),
		          theme_attr(ROLE_DIM));
	} else if (total == 0) { /* why it is empty, as its block on the overview says */
		char note[256];
		int role =
		    format_domain_sources(ctx->view, ctx->store, nav->domain, note, sizeof note);
		text_draw(win, 2, 2, w - 4, note, theme_attr(role));
	}
	for (int i = 0; i < nav->body_rows && nav->scroll + i < total; i++) {
		int row = nav->scroll + i;
		reading_row_opts_t opts = {
		    .detailed = true, .selected = row == nav->selected, .plan = &plan};
		reading_row_draw(win, 2 + i, 1, w - 2, ctx, fr.rows[row], &opts);
		shown_age_reading(nav, ctx, fr.rows[row]);
		mouse_note_row(nav, win, 2 + i, 1, w - 2, row, opts.selected);
	}
	filter_rows_free(&fr);
	if (total > nav->body_rows) {
		char pos[48];
		snprintf(pos, sizeof pos, " %d-%d/%d ", nav->scroll + 1,
		         nav->scroll + nav->body_rows < total ? nav->scroll + nav->body_rows
		                                              : total,
		         total);
		text_draw_right(win, h - 1, 1, w - 3, pos, theme_attr(ROLE_BORDER_FOCUS));
	}
}

static domain_t step_domain(const ui_ctx_t *ctx, domain_t from, int step)
{
	domain_t shown[DOMAIN_COUNT];
	int n = overview_domains_shown(ctx->view, ctx->store, shown);
	int at = -1;
	for (int i = 0; i < n; i++)
		if (shown[i] == from)
			at = i;
	if (at < 0) /* not shown itself: the first shown after it */
		for (int i = 0; i < n && at < 0; i++)
			if (shown[i] > from)
				at = step > 0 ? i - 1 : i;
	if (at < 0)
		at = step > 0 ? n - 1 : 0;
	return shown[((at + step) % n + n) % n];
}

static bool domain_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	filter_rows_t fr = shown_rows(ctx, nav);
	int total = (int)fr.count;
	int page = nav->body_rows > 1 ? nav->body_rows - 1 : 1;
	nav->selected = selected_row(ctx, nav, &fr);
	bool used = true;
	switch (act) {
	case ACT_UP:
		nav->selected--;
		break;
	case ACT_DOWN:
		nav->selected++;
		break;
	case ACT_PAGE_UP:
		nav->selected -= page;
		nav->scroll -= page;
		break;
	case ACT_PAGE_DOWN:
		nav->selected += page;
		nav->scroll += page;
		break;
	case ACT_HOME:
		nav->selected = 0;
		break;
	case ACT_END:
		nav->selected = total - 1;
		break;
	case ACT_OPEN:
		if (total > 0)
			nav_open_reading(nav, ctx->store, fr.rows[nav->selected]);
		filter_rows_free(&fr);
		return true;
	case ACT_NEXT:
	case ACT_RIGHT:
	case ACT_PREV:
	case ACT_LEFT:
		/* The next domain the overview shows a block for (overview_grid.h). */
		nav->domain = step_domain(ctx, nav->domain,
		                          act == ACT_NEXT || act == ACT_RIGHT ? 1 : -1);
		nav->focus = nav->domain;
		nav->selected = nav->scroll = 0;
		nav->selected_serial = 0;
		filter_rows_free(&fr);
		fr = shown_rows(ctx, nav);
		total = (int)fr.count;
		break;
	default:
		used = false;
		break;
	}
	if (used) {
		nav->selected = clamp(nav->selected, 0, total ? total - 1 : 0);
		if (total)
			nav->selected_serial = nav_serial(ctx->store, fr.rows[nav->selected]);
		if (nav->scroll < 0)
			nav->scroll = 0;
	}
	filter_rows_free(&fr);
	return used;
}

const page_class_t page_domain = {
    .title = N_("Domain"),
    .draw = domain_draw,
    .key = domain_key,
};

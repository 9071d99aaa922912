/* alarm_tab: the list a tab of the alarms page shows (alarm_tab.h). */
#include "alarm_tab.h"

#include <string.h>

#include "filter.h"
#include "i18n.h"
#include "xalloc.h"

view_alarm_list_t alarm_tab_shown(const nav_t *nav)
{
	int t = nav->alarm_tab;
	return t < 0 || t >= VIEW_ALARM_LISTS ? VIEW_ALARMS_ACTIVE : (view_alarm_list_t)t;
}

/* The source filter applies on the Suppressed tab only. */
static int source_filter(const ui_ctx_t *ctx, const nav_t *nav)
{
	if (alarm_tab_shown(nav) != VIEW_ALARMS_SUPPRESSED || nav->alarm_source <= 0 || !ctx->alarms)
		return -1;
	return nav->alarm_source - 1;
}

/* The tab's list before the text filter. */
static size_t all_count(const ui_ctx_t *ctx, const nav_t *nav)
{
	int src = source_filter(ctx, nav);
	if (src >= 0)
		return alarm_engine_suppressed_count(ctx->alarms, src);
	return ctx->view ? view_alarm_list_count(ctx->view, alarm_tab_shown(nav)) : 0;
}

static const alarm_info_t *all_at(const ui_ctx_t *ctx, const nav_t *nav, size_t i)
{
	int src = source_filter(ctx, nav);
	if (src >= 0)
		return alarm_engine_suppressed(ctx->alarms, src, i);
	return view_alarm_list_at(ctx->view, alarm_tab_shown(nav), i);
}

/* With a text filter (filter.h), the rows that match, as indices into the
 * tab's list. Kept between calls, since a page asks for rows one at a time:
 * rebuilt when anything it was built from differs (the view, the frame's
 * time, the tab, the filter, the list's length and its ends). Memory
 * proportional to the longest filtered list, kept for the process. */
static struct {
	const void *view, *alarms;
	int64_t now;
	int tab, src;
	size_t all;
	const alarm_info_t *first, *last;
	char filter[NAV_FILTER_MAX + 1];
	size_t *rows, count, cap;
} matched;

static void match(const ui_ctx_t *ctx, const nav_t *nav)
{
	size_t all = all_count(ctx, nav);
	const alarm_info_t *first = all ? all_at(ctx, nav, 0) : NULL;
	const alarm_info_t *last = all ? all_at(ctx, nav, all - 1) : NULL;
	if (matched.rows && matched.view == ctx->view && matched.alarms == ctx->alarms &&
	    matched.now == ctx->now_ms && matched.tab == nav->alarm_tab &&
	    matched.src == source_filter(ctx, nav) && matched.all == all && matched.first == first &&
	    matched.last == last && strcmp(matched.filter, nav->filter) == 0)
		return;
	if (matched.cap < all || !matched.rows) {
		matched.cap = all ? all : 1;
		matched.rows = xreallocarray(matched.rows, matched.cap, sizeof *matched.rows);
	}
	matched.count = 0;
	for (size_t i = 0; i < all; i++)
		if (filter_alarm(ctx, nav->filter, all_at(ctx, nav, i)))
			matched.rows[matched.count++] = i;
	matched.view = ctx->view;
	matched.alarms = ctx->alarms;
	matched.now = ctx->now_ms;
	matched.tab = nav->alarm_tab;
	matched.src = source_filter(ctx, nav);
	matched.all = all;
	matched.first = first;
	matched.last = last;
	memcpy(matched.filter, nav->filter, sizeof matched.filter);
}

size_t alarm_tab_count(const ui_ctx_t *ctx, const nav_t *nav)
{
	if (!nav->filter[0])
		return all_count(ctx, nav);
	match(ctx, nav);
	return matched.count;
}

size_t alarm_tab_total(const ui_ctx_t *ctx, const nav_t *nav)
{
	return all_count(ctx, nav);
}

const alarm_info_t *alarm_tab_at(const ui_ctx_t *ctx, const nav_t *nav, size_t i)
{
	if (!nav->filter[0])
		return all_at(ctx, nav, i);
	match(ctx, nav);
	return i < matched.count ? all_at(ctx, nav, matched.rows[i]) : NULL;
}

const alarm_info_t *alarm_tab_selected(const ui_ctx_t *ctx, nav_t *nav)
{
	int total = (int)alarm_tab_count(ctx, nav);
	if (total <= 0) {
		nav->alarm_selected = 0;
		return NULL;
	}
	int row = nav->alarm_selected;
	const alarm_info_t *a = NULL;
	if (nav->alarm_serial && row >= 0 && row < total) {
		a = alarm_tab_at(ctx, nav, (size_t)row); /* the usual case: nothing moved */
		if (a && nav_name_key(a->id) != nav->alarm_serial)
			a = NULL;
	}
	for (int i = 0; !a && nav->alarm_serial && i < total; i++) {
		const alarm_info_t *b = alarm_tab_at(ctx, nav, (size_t)i);
		if (b && nav_name_key(b->id) == nav->alarm_serial) {
			a = b;
			row = i;
		}
	}
	if (!a) {
		row = row < 0 ? 0 : row >= total ? total - 1 : row;
		a = alarm_tab_at(ctx, nav, (size_t)row);
	}
	nav->alarm_selected = row;
	nav->alarm_serial = a ? nav_name_key(a->id) : 0;
	return a;
}

const char *alarm_tab_name(view_alarm_list_t tab)
{
	static const char *const names[VIEW_ALARM_LISTS] = {
	    [VIEW_ALARMS_ACTIVE] = N_("Active"),
	    [VIEW_ALARMS_SHELVED] = N_("Shelved"),
	    [VIEW_ALARMS_SUPPRESSED] = N_("Suppressed"),
	    [VIEW_ALARMS_OOS] = N_("Out of service"),
	};
	return (unsigned)tab < VIEW_ALARM_LISTS ? names[tab] : "";
}

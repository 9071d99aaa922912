/* alarm_tab: the list a tab of the alarms page shows (alarm_tab.h). */
#include "alarm_tab.h"

#include "i18n.h"

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

size_t alarm_tab_count(const ui_ctx_t *ctx, const nav_t *nav)
{
	int src = source_filter(ctx, nav);
	if (src >= 0)
		return alarm_engine_suppressed_count(ctx->alarms, src);
	return ctx->view ? view_alarm_list_count(ctx->view, alarm_tab_shown(nav)) : 0;
}

const alarm_info_t *alarm_tab_at(const ui_ctx_t *ctx, const nav_t *nav, size_t i)
{
	int src = source_filter(ctx, nav);
	if (src >= 0)
		return alarm_engine_suppressed(ctx->alarms, src, i);
	return view_alarm_list_at(ctx->view, alarm_tab_shown(nav), i);
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

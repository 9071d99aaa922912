/* alarm_tab: the list an alarms page tab shows — one of the view's alarm
 * lists (view_alarm_list_t, in scope, in the engine's order), or, on the
 * Suppressed tab after Enter on a communications alarm, only the alarms
 * suppressed under that source (nav.alarm_source). The page, its keys and
 * the ack-all confirmation read the same list. */
#ifndef CITYDASH_ALARM_TAB_H
#define CITYDASH_ALARM_TAB_H

#include <stddef.h>

#include "pages.h"

/* The tab shown (nav.alarm_tab clamped to a view_alarm_list_t). */
view_alarm_list_t alarm_tab_shown(const nav_t *nav);
/* The rows shown: those the text filter (nav.filter, filter.h) matches. */
size_t alarm_tab_count(const ui_ctx_t *ctx, const nav_t *nav);
/* The rows of the tab before the text filter. */
size_t alarm_tab_total(const ui_ctx_t *ctx, const nav_t *nav);
const alarm_info_t *alarm_tab_at(const ui_ctx_t *ctx, const nav_t *nav, size_t i);
/* The alarm selected (kept by the hash of its id, nav.alarm_serial):
 * updates nav.alarm_selected to its row now, or to the nearest row if it is
 * gone; NULL if the list is empty. */
const alarm_info_t *alarm_tab_selected(const ui_ctx_t *ctx, nav_t *nav);
/* The tab's name, N_(): "Active", "Shelved", "Suppressed", "Out of service". */
const char *alarm_tab_name(view_alarm_list_t tab);

#endif

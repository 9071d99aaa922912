#include "pages.h"

#include <stdio.h>
#include <string.h>

#include "filter.h"
#include "i18n.h"

const page_class_t *page_get(page_id_t id)
{
	static const page_class_t *const pages[PAGE_COUNT] = {
	    [PAGE_OVERVIEW] = &page_overview, [PAGE_DOMAIN] = &page_domain,
	    [PAGE_KPIS] = &page_kpis,         [PAGE_KPI] = &page_kpi,
	    [PAGE_EVENTS] = &page_events,     [PAGE_EVENT] = &page_event,
	    [PAGE_TIERS] = &page_tiers,       [PAGE_READING] = &page_reading,
	    [PAGE_SCOPE] = &page_scope,       [PAGE_ALARMS] = &page_alarms,
	    [PAGE_SOURCES] = &page_sources,   [PAGE_HELP] = &page_help,
	    [PAGE_ALARM_LOG] = &page_alarm_log, [PAGE_WALL] = &page_wall,
	};
	return pages[id];
}

bool page_is_overlay(page_id_t id)
{
	return id == PAGE_HELP || id == PAGE_SOURCES || id == PAGE_ALARMS || id == PAGE_SCOPE ||
	       id == PAGE_ALARM_LOG;
}

bool page_is_top(page_id_t id)
{
	return id == PAGE_OVERVIEW || id == PAGE_KPIS || id == PAGE_EVENTS || id == PAGE_TIERS ||
	       id == PAGE_WALL;
}

/* The detail page's item, by page. */
static struct nav_item *nav_item_of(nav_t *nav, page_id_t page)
{
	return page == PAGE_KPI       ? &nav->kpi
	       : page == PAGE_EVENT   ? &nav->event
	       : page == PAGE_READING ? &nav->reading
	                              : NULL;
}

static nav_place_t place_here(nav_t *nav)
{
	nav_place_t p = {.page = nav->page,
	                 .domain = nav->domain,
	                 .selected = nav->selected,
	                 .scroll = nav->scroll,
	                 .selected_serial = nav->selected_serial,
	                 .scope = nav->scope};
	const struct nav_item *item = nav_item_of(nav, nav->page);
	if (item) {
		p.item_serial = item->serial;
		p.item_index = item->index;
	}
	if (nav->page == PAGE_TIERS) { /* Backspace up a tier finds its row again */
		p.selected = nav->tiers.selected;
		p.scroll = nav->tiers.scroll;
		p.selected_serial = nav->tiers.serial;
	}
	return p;
}

static void place_restore(nav_t *nav, const nav_place_t *p)
{
	nav->page = p->page;
	nav->scope = p->scope;
	struct nav_item *item = nav_item_of(nav, p->page);
	if (item && (item->serial != p->item_serial || item->index != p->item_index)) {
		item->serial = p->item_serial;
		item->index = p->item_index;
		item->scroll = 0;
	}
	if (p->page == PAGE_TIERS)
		nav->tiers = (struct nav_list){p->selected, p->scroll, p->selected_serial};
	if (p->page == PAGE_DOMAIN) {
		nav->domain = p->domain;
		nav->focus = (int)p->domain;
		nav->selected = p->selected;
		nav->scroll = p->scroll;
		nav->selected_serial = p->selected_serial;
	}
}

void nav_back(nav_t *nav)
{
	if (nav->depth > 0)
		place_restore(nav, &nav->back[--nav->depth]);
	else
		nav->page = PAGE_OVERVIEW;
}

void nav_open(nav_t *nav, page_id_t page)
{
	if (page_is_overlay(page)) {
		/* Opening an overlay you came through goes back to it, so
		 * switching among them cannot grow the stack. */
		for (int i = nav->depth - 1; i >= 0; i--) {
			if (nav->back[i].page == page) {
				nav->depth = i;
				place_restore(nav, &nav->back[i]);
				return;
			}
		}
	}
	if (nav->depth == NAV_BACK_MAX) {
		memmove(nav->back, nav->back + 1, (NAV_BACK_MAX - 1) * sizeof nav->back[0]);
		nav->depth--;
	}
	nav->back[nav->depth++] = place_here(nav);
	nav->page = page;
}

bool nav_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	if (filter_action(act, ctx, nav)) /* /, n, N; Esc clears a filter first */
		return true;
	if (act == ACT_BACK) {
		nav_back(nav);
		return true;
	}
	page_id_t top = act == ACT_OVERVIEW ? PAGE_OVERVIEW
	                : act == ACT_KPIS   ? PAGE_KPIS
	                : act == ACT_EVENTS ? PAGE_EVENTS
	                : act == ACT_TIERS  ? PAGE_TIERS
	                : act == ACT_WALL   ? PAGE_WALL
	                                    : PAGE_COUNT;
	if (top != PAGE_COUNT) {
		/* Tabs, not a path: the back stack is forgotten, the scope kept. */
		nav->depth = 0;
		nav->page = top;
		return true;
	}
	page_id_t overlay = act == ACT_HELP      ? PAGE_HELP
	                    : act == ACT_SOURCES ? PAGE_SOURCES
	                    : act == ACT_ALARMS  ? PAGE_ALARMS
	                    : act == ACT_SCOPE   ? PAGE_SCOPE
	                    : act == ACT_ALARM_LOG ? PAGE_ALARM_LOG
	                                         : PAGE_COUNT;
	if (overlay != PAGE_COUNT) {
		if (nav->page == overlay)
			nav_back(nav); /* its own key closes it */
		else
			nav_open(nav, overlay);
		return true;
	}
	if (page_get(nav->page)->key(act, ctx, nav))
		return true;
	if (act == ACT_ACK || act == ACT_ACK_ALL || act == ACT_SHELVE || act == ACT_UNSHELVE) {
		/* Acting needs an alarm selected: say where that is done. */
		snprintf(nav->message, sizeof nav->message, "%s",
		         _("alarm actions are on the alarm list: press a"));
		nav->message_error = true;
		nav->message_ms = ctx->now_ms ? ctx->now_ms : 1;
		return true;
	}
	return false;
}

uint64_t nav_serial(const store_t *st, size_t reading)
{
	const reading_t *r = reading < store_reading_count(st) ? store_reading(st, reading) : NULL;
	return r ? r->serial : 0;
}

int nav_find_row(const store_t *st, const void *list, nav_row_reading_fn row_reading, int total,
                 int row, uint64_t *serial)
{
	if (total <= 0)
		return 0;
	int found = -1;
	if (*serial && row >= 0 && row < total &&
	    nav_serial(st, row_reading(list, (size_t)row)) == *serial)
		found = row; /* the usual case: nothing moved */
	if (*serial && found < 0) {
		for (int i = 0; i < total && found < 0; i++)
			if (nav_serial(st, row_reading(list, (size_t)i)) == *serial)
				found = i;
	}
	if (found < 0)
		found = row < 0 ? 0 : row >= total ? total - 1 : row;
	*serial = nav_serial(st, row_reading(list, (size_t)found));
	return found;
}

static void nav_open_item(nav_t *nav, page_id_t page, size_t index, uint64_t serial)
{
	nav_open(nav, page);
	struct nav_item *item = nav_item_of(nav, page);
	item->index = index;
	item->serial = serial;
	item->scroll = 0;
}

void nav_open_reading(nav_t *nav, const store_t *st, size_t reading)
{
	nav_open_item(nav, PAGE_READING, reading, nav_serial(st, reading));
}

void nav_open_kpi(nav_t *nav, gov_ref_t ref)
{
	nav_open_item(nav, PAGE_KPI, ref.index, ref.serial);
}

void nav_open_event(nav_t *nav, gov_ref_t ref)
{
	nav_open_item(nav, PAGE_EVENT, ref.index, ref.serial);
}

void nav_scope_down(nav_t *nav, const char *name)
{
	scope_t down = nav->scope;
	if (scope_down(&down, name) != 0)
		return;
	nav_open(nav, PAGE_TIERS); /* remembers the place above for Backspace */
	nav->scope = down;
	nav->tiers = (struct nav_list){0};
}

bool nav_list_move(struct nav_list *l, action_t act, int total, int page)
{
	switch (act) {
	case ACT_UP:
		l->selected--;
		break;
	case ACT_DOWN:
		l->selected++;
		break;
	case ACT_PAGE_UP:
		l->selected -= page;
		l->scroll -= page;
		break;
	case ACT_PAGE_DOWN:
		l->selected += page;
		l->scroll += page;
		break;
	case ACT_HOME:
		l->selected = 0;
		break;
	case ACT_END:
		l->selected = total - 1;
		break;
	default:
		return false;
	}
	if (l->selected >= total)
		l->selected = total - 1;
	if (l->selected < 0)
		l->selected = 0;
	if (l->scroll < 0)
		l->scroll = 0;
	return true;
}

uint64_t nav_name_key(const char *name)
{
	uint64_t h = 14695981039346656037u;
	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * 1099511628211u;
	return h ? h : 1;
}

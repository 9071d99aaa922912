/* page_set: the pages the page tests draw (page_set.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "page_set.h"

#include <stdio.h>
#include <string.h>

#define SEED      1
#define HISTORY_S 60

static const char *const scope_text[PAGE_SET_SCOPES] = {"", "江北区", "江北区/观音桥街道"};
static city_fixture_t fixtures[PAGE_SET_SCOPES];
static bool fixture_open[PAGE_SET_SCOPES];

static city_fixture_t *fixture(int kind)
{
	if (!fixture_open[kind]) {
		scope_t scope;
		assert_int_equal(scope_parse(&scope, scope_text[kind], NULL), 0);
		assert_int_equal(city_fixture_open(&fixtures[kind], CITY_SCALE_CITY, SEED, HISTORY_S,
		                                   kind == PAGE_SET_CITY ? NULL : &scope),
		                 0);
		fixture_open[kind] = true;
	}
	return &fixtures[kind];
}

/* The first KPI off its target, else the first KPI. */
static gov_ref_t shown_kpi(const city_fixture_t *fx)
{
	assert_true(fx->gov.kpi_count > 0);
	for (size_t i = 0; i < fx->gov.kpi_count; i++) {
		const kpi_t *k = gov_kpi(fx->store, fx->gov.kpis[i]);
		if (k && kpi_status(k) == KPI_OFF_TARGET)
			return fx->gov.kpis[i];
	}
	return fx->gov.kpis[0];
}

/* The first event of the board (the most severe) handed up, with a
 * timeline, else the first. */
static gov_ref_t shown_event(const city_fixture_t *fx)
{
	assert_true(fx->gov.event_count > 0);
	for (size_t i = 0; i < fx->gov.event_count; i++) {
		const event_t *e = gov_event(fx->store, fx->gov.events[i]);
		if (e && e->escalation_count > 0 && e->timeline_count > 1)
			return fx->gov.events[i];
	}
	return fx->gov.events[0];
}

static void open_domain(nav_t *nav, const city_fixture_t *fx)
{
	const reading_t *r = store_reading(fx->store, city_fixture_busiest_reading(fx));
	*nav = (nav_t){.page = PAGE_DOMAIN, .domain = r ? r->domain : DOMAIN_WATER};
}

static void open_kpi(nav_t *nav, const city_fixture_t *fx)
{
	*nav = (nav_t){.page = PAGE_KPIS};
	nav_open_kpi(nav, shown_kpi(fx));
}

static void open_event(nav_t *nav, const city_fixture_t *fx)
{
	*nav = (nav_t){.page = PAGE_EVENTS};
	nav_open_event(nav, shown_event(fx));
}

static void open_reading(nav_t *nav, const city_fixture_t *fx)
{
	*nav = (nav_t){.page = PAGE_OVERVIEW};
	nav_open_reading(nav, fx->store, city_fixture_busiest_reading(fx));
}

/* A text filter on the page, as typed after `/` (tui/filter.h): a district. */
static void filter_alarms(nav_t *nav, const city_fixture_t *fx)
{
	(void)fx;
	*nav = (nav_t){.page = PAGE_ALARMS};
	snprintf(nav->filter, sizeof nav->filter, "%s", "北碚");
}

static void filter_domain(nav_t *nav, const city_fixture_t *fx)
{
	open_domain(nav, fx);
	snprintf(nav->filter, sizeof nav->filter, "%s", "北碚");
}

/* The wall under --kiosk, with a new high-priority alarm's banner (the text
 * tui/kiosk.c would set, fixed here). */
static void kiosk_banner(nav_t *nav, const city_fixture_t *fx)
{
	(void)fx;
	*nav = (nav_t){.page = PAGE_WALL, .kiosk = true};
	snprintf(nav->banner, sizeof nav->banner, "%s",
	         "NEW P1 HIHI 北碚区 桃花街道 桃花9号桥桥面风速 32.00 m/s");
}

static void kiosk_overview(nav_t *nav, const city_fixture_t *fx)
{
	(void)fx;
	*nav = (nav_t){.page = PAGE_OVERVIEW, .kiosk = true};
}

const page_set_page_t page_set_pages[] = {
    {"overview", PAGE_SET_CITY, NULL, PAGE_OVERVIEW, false},
    {"domain", PAGE_SET_CITY, open_domain, 0, false},
    {"kpis", PAGE_SET_CITY, NULL, PAGE_KPIS, false},
    {"kpi", PAGE_SET_CITY, open_kpi, 0, false},
    {"events", PAGE_SET_CITY, NULL, PAGE_EVENTS, false},
    {"event", PAGE_SET_CITY, open_event, 0, false},
    {"tiers_city", PAGE_SET_CITY, NULL, PAGE_TIERS, false},
    {"tiers_district", PAGE_SET_DISTRICT, NULL, PAGE_TIERS, false},
    {"tiers_street", PAGE_SET_STREET, NULL, PAGE_TIERS, false},
    {"reading", PAGE_SET_CITY, open_reading, 0, false},
    {"scope", PAGE_SET_CITY, NULL, PAGE_SCOPE, false},
    {"alarms", PAGE_SET_CITY, NULL, PAGE_ALARMS, false},
    {"alarm_log", PAGE_SET_CITY, NULL, PAGE_ALARM_LOG, false},
    {"sources", PAGE_SET_CITY, NULL, PAGE_SOURCES, false},
    {"help", PAGE_SET_CITY, NULL, PAGE_HELP, false},
    {"wall", PAGE_SET_CITY, NULL, PAGE_WALL, false},
    {"alarms_filtered", PAGE_SET_CITY, filter_alarms, 0, true},
    {"domain_filtered", PAGE_SET_CITY, filter_domain, 0, true},
    {"overview_kiosk", PAGE_SET_CITY, kiosk_overview, 0, true},
    {"wall_kiosk_banner", PAGE_SET_CITY, kiosk_banner, 0, true},
};
const size_t page_set_count = sizeof page_set_pages / sizeof page_set_pages[0];

const page_set_page_t *page_set_find(const char *name)
{
	for (size_t i = 0; i < page_set_count; i++)
		if (strcmp(page_set_pages[i].name, name) == 0)
			return &page_set_pages[i];
	return NULL;
}

void page_set_prepare(const page_set_page_t *page, nav_t *nav, ui_ctx_t *ctx)
{
	const city_fixture_t *fx = fixture(page->scope);
	*nav = (nav_t){.page = page->page};
	if (page->open)
		page->open(nav, fx);
	nav->scope = fx->scope; /* the operator's scope, which the views follow */
	city_fixture_ctx(fx, ctx);
}

void page_set_close(void)
{
	for (int k = 0; k < PAGE_SET_SCOPES; k++)
		if (fixture_open[k]) {
			city_fixture_close(&fixtures[k]);
			fixture_open[k] = false;
		}
}

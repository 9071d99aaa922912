/* page_names: every name --dump --page takes maps to its page; a bad name is
 * refused with the reason; an item is found by id in the store (the seeded
 * mock city, tests/support/city_fixture.h) and shown by index and serial,
 * or refused when it is missing or outside the scope. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "city_fixture.h"
#include "page_names.h"

static void names_map_to_pages(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		page_id_t page;
	} cases[] = {
	    {"overview", PAGE_OVERVIEW}, {"kpis", PAGE_KPIS},     {"events", PAGE_EVENTS},
	    {"tiers", PAGE_TIERS},       {"alarms", PAGE_ALARMS}, {"sources", PAGE_SOURCES},
	    {"help", PAGE_HELP},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		page_request_t req = {.page = PAGE_COUNT};
		char *cause = NULL;
		assert_int_equal(page_name_parse(&req, cases[i].name, &cause), 0);
		assert_null(cause);
		assert_int_equal(req.page, cases[i].page);
		assert_int_equal(req.item, PAGE_ITEM_NONE);
	}
	page_request_t req;
	page_request_default(&req);
	assert_int_equal(req.page, PAGE_OVERVIEW);
}

static void domains_by_token(void **state)
{
	(void)state;
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		char name[32];
		snprintf(name, sizeof name, "domain:%s", domain_token((domain_t)d));
		page_request_t req;
		char *cause = NULL;
		assert_int_equal(page_name_parse(&req, name, &cause), 0);
		assert_int_equal(req.page, PAGE_DOMAIN);
		assert_int_equal(req.domain, d);
	}
}

static void items_keep_their_id(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		page_id_t page;
		page_item_t item;
	} cases[] = {
	    {"reading:W-1", PAGE_READING, PAGE_ITEM_READING},
	    {"kpi:K:7", PAGE_KPI, PAGE_ITEM_KPI}, /* the id may hold a colon */
	    {"event:江北区-1", PAGE_EVENT, PAGE_ITEM_EVENT},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		page_request_t req;
		char *cause = NULL;
		assert_int_equal(page_name_parse(&req, cases[i].name, &cause), 0);
		assert_int_equal(req.page, cases[i].page);
		assert_int_equal(req.item, cases[i].item);
		assert_ptr_equal(req.id, strchr(cases[i].name, ':') + 1);
	}
}

static void bad_names_refused(void **state)
{
	(void)state;
	static const struct {
		const char *name, *says;
	} cases[] = {
	    {"", "no page \"\""},
	    {"Overview", "no page \"Overview\""},
	    {"kpi", "no page \"kpi\""},
	    {"overview ", "no page"},
	    {"domain:", "no domain \"\""},
	    {"domain:Water", "no domain \"Water\""},
	    {"domain:rail", "no domain \"rail\""},
	    {"reading:", "wants an id"},
	    {"kpi:", "wants an id"},
	    {"event:", "wants an id"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		page_request_t req = {.page = PAGE_SCOPE, .id = "kept"};
		char *cause = NULL;
		assert_int_equal(page_name_parse(&req, cases[i].name, &cause), -1);
		assert_non_null(cause);
		if (!strstr(cause, cases[i].says))
			fail_msg("\"%s\": \"%s\" does not say \"%s\"", cases[i].name, cause,
			         cases[i].says);
		free(cause);
		assert_int_equal(req.page, PAGE_SCOPE); /* unchanged */
		assert_string_equal(req.id, "kept");
	}
	/* The unknown name's message lists the names. */
	page_request_t req;
	char *cause = NULL;
	assert_int_equal(page_name_parse(&req, "nope", &cause), -1);
	assert_non_null(strstr(cause, PAGE_NAMES_LIST));
	free(cause);
}

/* ---- opening pages over the seeded city (city scale: its KPIs have places) ---- */

static int fixture_setup(void **state)
{
	city_fixture_t *fx = malloc(sizeof *fx);
	if (!fx || city_fixture_open(fx, CITY_SCALE_CITY, 7, 1, NULL) != 0) {
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static int fixture_teardown(void **state)
{
	city_fixture_close(*state);
	free(*state);
	return 0;
}

/* The open with a name, expecting success. */
static nav_t open_ok(const city_fixture_t *fx, const char *name, const scope_t *scope)
{
	page_request_t req;
	char *cause = NULL;
	assert_int_equal(page_name_parse(&req, name, &cause), 0);
	nav_t nav;
	memset(&nav, 0xa5, sizeof nav); /* every field must be set */
	if (page_name_open(&req, fx->store, scope, &nav, &cause) != 0)
		fail_msg("%s: %s", name, cause);
	assert_int_equal(nav.depth, 0);
	return nav;
}

/* The open with a name, expecting failure with a cause saying `says`. */
static void open_fails(const city_fixture_t *fx, const char *name, const scope_t *scope,
                       const char *says)
{
	page_request_t req;
	char *cause = NULL;
	assert_int_equal(page_name_parse(&req, name, &cause), 0);
	nav_t nav = {.page = PAGE_HELP};
	assert_int_equal(page_name_open(&req, fx->store, scope, &nav, &cause), -1);
	assert_non_null(cause);
	if (!strstr(cause, says))
		fail_msg("%s: \"%s\" does not say \"%s\"", name, cause, says);
	free(cause);
	assert_int_equal(nav.page, PAGE_HELP); /* unchanged */
}

/* A scope of one district: of `district` if `same`, else of another one
 * that some reading has. */
static scope_t district_scope(const city_fixture_t *fx, const char *district, bool same)
{
	scope_t s;
	scope_city(&s);
	for (size_t i = 0; i < store_reading_count(fx->store); i++) {
		const reading_t *r = store_reading(fx->store, i);
		if (r && r->district[0] && (strcmp(r->district, district) == 0) == same) {
			assert_int_equal(scope_down(&s, r->district), 0);
			return s;
		}
	}
	fail_msg("no district %s %s", same ? "named" : "other than", district);
	return s;
}

static void plain_pages_keep_the_scope(void **state)
{
	const city_fixture_t *fx = *state;
	const reading_t *r = store_reading(fx->store, 0);
	assert_non_null(r);
	scope_t scope = district_scope(fx, r->district, true);
	nav_t nav = open_ok(fx, "tiers", &scope);
	assert_int_equal(nav.page, PAGE_TIERS);
	assert_true(scope_equal(&nav.scope, &scope));
	nav = open_ok(fx, "domain:gas", &scope);
	assert_int_equal(nav.page, PAGE_DOMAIN);
	assert_int_equal(nav.domain, DOMAIN_GAS);
	assert_int_equal(nav.focus, DOMAIN_GAS);
	assert_int_equal(nav.selected_serial, 0);
	nav = open_ok(fx, "overview", NULL); /* NULL: the city */
	assert_int_equal(nav.page, PAGE_OVERVIEW);
	assert_true(scope_is_city(&nav.scope));
}

static void reading_by_id(void **state)
{
	const city_fixture_t *fx = *state;
	size_t n = store_reading_count(fx->store);
	assert_true(n > 10);
	const size_t pick = n / 2;
	const reading_t *r = store_reading(fx->store, pick);
	assert_non_null(r);
	char name[300];
	snprintf(name, sizeof name, "reading:%s", r->id);
	nav_t nav = open_ok(fx, name, NULL);
	assert_int_equal(nav.page, PAGE_READING);
	assert_int_equal(nav.reading.index, pick);
	assert_int_equal(nav.reading.serial, r->serial);
	assert_int_equal(nav.reading.scroll, 0);

	/* In its district's scope, it is found; in another, it is not. */
	scope_t own = district_scope(fx, r->district, true);
	nav = open_ok(fx, name, &own);
	assert_int_equal(nav.reading.index, pick);
	scope_t other = district_scope(fx, r->district, false);
	open_fails(fx, name, &other, "is outside the scope");
	open_fails(fx, "reading:no-such-reading", NULL,
	           "no reading has the id \"no-such-reading\"");
}

static void kpi_by_id(void **state)
{
	const city_fixture_t *fx = *state;
	size_t n = store_kpi_count(fx->store);
	assert_true(n > 0);
	const kpi_t *placed = NULL, *city_wide = NULL;
	size_t placed_at = 0;
	for (size_t i = 0; i < n; i++) {
		const kpi_t *k = store_kpi(fx->store, i);
		if (k && k->district[0] && !placed) {
			placed = k;
			placed_at = i;
		}
		if (k && !k->district[0] && !city_wide)
			city_wide = k;
	}
	assert_non_null(placed);
	char name[300];
	snprintf(name, sizeof name, "kpi:%s", placed->id);
	scope_t own = district_scope(fx, placed->district, true);
	nav_t nav = open_ok(fx, name, &own);
	assert_int_equal(nav.page, PAGE_KPI);
	assert_int_equal(nav.kpi.index, placed_at);
	assert_int_equal(nav.kpi.serial, placed->serial);
	/* A city-wide KPI belongs to no district's view. */
	assert_non_null(city_wide);
	snprintf(name, sizeof name, "kpi:%s", city_wide->id);
	open_fails(fx, name, &own, "is outside the scope");
	open_ok(fx, name, NULL);
	/* A reading's id is not a KPI's. */
	snprintf(name, sizeof name, "kpi:%s", store_reading(fx->store, 0)->id);
	open_fails(fx, name, NULL, "no KPI has the id");
}

static void event_by_id(void **state)
{
	const city_fixture_t *fx = *state;
	size_t n = store_event_count(fx->store);
	assert_true(n > 0);
	const event_t *e = store_event(fx->store, n - 1);
	assert_non_null(e);
	char name[300];
	snprintf(name, sizeof name, "event:%s", e->id);
	nav_t nav = open_ok(fx, name, NULL);
	assert_int_equal(nav.page, PAGE_EVENT);
	assert_int_equal(nav.event.index, n - 1);
	assert_int_equal(nav.event.serial, e->serial);
	open_fails(fx, "event:nope", NULL, "no event has the id \"nope\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(names_map_to_pages),
	    cmocka_unit_test(domains_by_token),
	    cmocka_unit_test(items_keep_their_id),
	    cmocka_unit_test(bad_names_refused),
	    cmocka_unit_test(plain_pages_keep_the_scope),
	    cmocka_unit_test(reading_by_id),
	    cmocka_unit_test(kpi_by_id),
	    cmocka_unit_test(event_by_id),
	};
	return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}

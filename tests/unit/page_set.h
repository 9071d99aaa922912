/* page_set: every page as the page goldens and the layout check draw it,
 * from the seeded mock city (tests/support/city_fixture.h, seed 1, 60 s of
 * history): which fixture (the city, a district or a street as the
 * operator's scope) and the nav that opens the page (a domain, a reading, a
 * KPI or an event chosen from the data, a filter, the wall's banner). The
 * fixtures are opened when a page first needs one and owned here until
 * page_set_close. */
#ifndef CITYDASH_TEST_PAGE_SET_H
#define CITYDASH_TEST_PAGE_SET_H

#include <stdbool.h>
#include <stddef.h>

#include "city_fixture.h"
#include "pages.h"

enum { PAGE_SET_CITY, PAGE_SET_DISTRICT, PAGE_SET_STREET, PAGE_SET_SCOPES };

typedef struct page_set_page {
	const char *name; /* as in the goldens' file names: "overview", "kpi", ... */
	int scope;        /* PAGE_SET_CITY, ... */
	void (*open)(nav_t *nav, const city_fixture_t *fx);
	page_id_t page; /* when open is NULL */
	bool state;     /* a page in a state (filtered, on the wall's kiosk) */
} page_set_page_t;

extern const page_set_page_t page_set_pages[];
extern const size_t page_set_count;

/* The page `name`, or NULL. */
const page_set_page_t *page_set_find(const char *name);

/* Fills nav and ctx to draw `page` (its fixture opened if needed; the
 * test fails if it cannot be). */
void page_set_prepare(const page_set_page_t *page, nav_t *nav, ui_ctx_t *ctx);

/* Closes the fixtures opened so far. */
void page_set_close(void);

#endif

/* page_names: the pages by name, as the command line gives them
 * (--dump --page NAME): "overview", "wall", "kpis", "events", "tiers", "alarms",
 * "sources", "help", "domain:TOKEN" (water … tunnel, other), and one item by
 * its id: "reading:ID", "kpi:ID", "event:ID".
 *
 * Two steps, because a name is checked before any feed is read and an id
 * can only be found once they have been: page_name_parse checks the name
 * (a usage error), page_name_open finds the item in the store and sets the
 * navigation to show it (an id that is not there is not a usage error).
 * Pure: no curses, no network. */
#ifndef CITYDASH_PAGE_NAMES_H
#define CITYDASH_PAGE_NAMES_H

#include "pages.h"
#include "scope.h"
#include "store.h"

typedef enum page_item {
	PAGE_ITEM_NONE,
	PAGE_ITEM_READING,
	PAGE_ITEM_KPI,
	PAGE_ITEM_EVENT
} page_item_t;

typedef struct page_request {
	page_id_t page;
	domain_t domain;  /* PAGE_DOMAIN: which domain */
	page_item_t item; /* a detail page: what kind of item */
	const char *id;   /* its id: points into the name parsed (keep it alive) */
} page_request_t;

/* The names, as --help and the man page list them. */
#define PAGE_NAMES_LIST                                                                            \
	"overview, wall, kpis, events, tiers, alarms, alarm-log, sources, help, domain:TOKEN, "    \
	"reading:ID, "                                                                             \
	"kpi:ID, event:ID"

/* The overview: what --dump prints without --page. */
void page_request_default(page_request_t *req);
/* Parses a page name. Returns 0, or -1 with *cause set (caller frees): an
 * unknown name, a domain that is not one, or an item without its id.
 * *req is unchanged on error. */
int page_name_parse(page_request_t *req, const char *name, char **cause);
/* Sets *nav (wholly) to show the page of `req` within `scope`, finding its
 * item in the store by id. Returns 0, or -1 with *cause set (caller
 * frees) when no item of that kind has that id, or none in `scope` has it
 * (the page would show something else, or nothing). A reading's id is
 * looked for in every source, in store order. */
int page_name_open(const page_request_t *req, const store_t *st, const scope_t *scope, nav_t *nav,
                   char **cause);

#endif

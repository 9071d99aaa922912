/* page_names: see page_names.h. */
#include "page_names.h"

#include <string.h>

#include "i18n.h"
#include "xalloc.h"

static const struct {
	const char *name;
	page_id_t page;
} plain_pages[] = {
    {"overview", PAGE_OVERVIEW}, {"kpis", PAGE_KPIS},     {"events", PAGE_EVENTS},
    {"tiers", PAGE_TIERS},       {"alarms", PAGE_ALARMS}, {"sources", PAGE_SOURCES},
    {"help", PAGE_HELP},         {"alarm-log", PAGE_ALARM_LOG},
    {"wall", PAGE_WALL},
};

static const struct {
	const char *prefix; /* with its colon */
	page_id_t page;
	page_item_t item;
} item_pages[] = {
    {"reading:", PAGE_READING, PAGE_ITEM_READING},
    {"kpi:", PAGE_KPI, PAGE_ITEM_KPI},
    {"event:", PAGE_EVENT, PAGE_ITEM_EVENT},
};

#define DOMAIN_PREFIX "domain:"

void page_request_default(page_request_t *req)
{
	*req = (page_request_t){.page = PAGE_OVERVIEW, .item = PAGE_ITEM_NONE};
}

/* A domain's token: the six known ones, and "other" for the rest. */
static bool parse_domain(const char *token, domain_t *d)
{
	for (int i = 0; i < DOMAIN_COUNT; i++) {
		if (strcmp(token, domain_token((domain_t)i)) == 0) {
			*d = (domain_t)i;
			return true;
		}
	}
	return false;
}

int page_name_parse(page_request_t *req, const char *name, char **cause)
{
	page_request_t r;
	page_request_default(&r);
	for (size_t i = 0; i < sizeof plain_pages / sizeof plain_pages[0]; i++) {
		if (strcmp(name, plain_pages[i].name) == 0) {
			r.page = plain_pages[i].page;
			*req = r;
			return 0;
		}
	}
	if (strncmp(name, DOMAIN_PREFIX, strlen(DOMAIN_PREFIX)) == 0) {
		const char *token = name + strlen(DOMAIN_PREFIX);
		if (!parse_domain(token, &r.domain)) {
			*cause = xasprintf(_("--page %s: no domain \"%s\" (water, power, gas, "
			                     "telecom, bridge, tunnel or other)"),
			                   name, token);
			return -1;
		}
		r.page = PAGE_DOMAIN;
		*req = r;
		return 0;
	}
	for (size_t i = 0; i < sizeof item_pages / sizeof item_pages[0]; i++) {
		size_t len = strlen(item_pages[i].prefix);
		if (strncmp(name, item_pages[i].prefix, len) != 0)
			continue;
		if (!name[len]) {
			*cause = xasprintf(_("--page %s wants an id after the colon"), name);
			return -1;
		}
		r.page = item_pages[i].page;
		r.item = item_pages[i].item;
		r.id = name + len;
		*req = r;
		return 0;
	}
	*cause = xasprintf(_("--page: no page \"%s\" (one of %s)"), name, PAGE_NAMES_LIST);
	return -1;
}

/* What the three kinds of item have in common here: an id and a place. */
typedef struct item_view {
	const char *id, *district, *street;
	uint64_t serial;
} item_view_t;

static bool item_at(const store_t *st, page_item_t kind, size_t i, item_view_t *out)
{
	switch (kind) {
	case PAGE_ITEM_READING: {
		const reading_t *r = store_reading(st, i);
		if (!r)
			return false; /* a free slot */
		*out = (item_view_t){r->id, r->district, r->street, r->serial};
		return true;
	}
	case PAGE_ITEM_KPI: {
		const kpi_t *k = store_kpi(st, i);
		if (!k)
			return false;
		*out = (item_view_t){k->id, k->district, k->street, k->serial};
		return true;
	}
	case PAGE_ITEM_EVENT: {
		const event_t *e = store_event(st, i);
		if (!e)
			return false;
		*out = (item_view_t){e->id, e->district, e->street, e->serial};
		return true;
	}
	case PAGE_ITEM_NONE:
		break;
	}
	return false;
}

static size_t item_count(const store_t *st, page_item_t kind)
{
	return kind == PAGE_ITEM_READING ? store_reading_count(st)
	       : kind == PAGE_ITEM_KPI   ? store_kpi_count(st)
	       : kind == PAGE_ITEM_EVENT ? store_event_count(st)
	                                 : 0;
}

static const char *item_word(page_item_t kind)
{
	return kind == PAGE_ITEM_READING ? _("reading")
	       : kind == PAGE_ITEM_KPI   ? _("KPI")
	                                 : _("event");
}

/* The first item of `kind` with `id` within `scope`: 0 and its index, or
 * -1 with *cause saying whether it is missing or only outside the scope. */
static int find_item(const store_t *st, page_item_t kind, const char *id, const scope_t *scope,
                     size_t *index, uint64_t *serial, char **cause)
{
	size_t n = item_count(st, kind);
	bool elsewhere = false;
	for (size_t i = 0; i < n; i++) {
		item_view_t it;
		if (!item_at(st, kind, i, &it) || strcmp(it.id, id) != 0)
			continue;
		if (scope_contains(scope, it.district, it.street)) {
			*index = i;
			*serial = it.serial;
			return 0;
		}
		elsewhere = true;
	}
	if (elsewhere) {
		char where[2 * SCOPE_NAME_MAX + 2];
		scope_format(scope, where, sizeof where);
		*cause = xasprintf(_("the %s \"%s\" is outside the scope %s"), item_word(kind), id,
		                   where);
	} else {
		*cause = xasprintf(_("no %s has the id \"%s\""), item_word(kind), id);
	}
	return -1;
}

int page_name_open(const page_request_t *req, const store_t *st, const scope_t *scope, nav_t *nav,
                   char **cause)
{
	scope_t city;
	if (!scope) {
		scope_city(&city);
		scope = &city;
	}
	size_t index = 0;
	uint64_t serial = 0;
	if (req->item != PAGE_ITEM_NONE &&
	    find_item(st, req->item, req->id, scope, &index, &serial, cause) != 0)
		return -1;
	memset(nav, 0, sizeof *nav);
	nav->page = req->page;
	nav->scope = *scope;
	if (req->page == PAGE_DOMAIN) {
		nav->domain = req->domain;
		nav->focus = (int)req->domain;
	}
	struct nav_item *item = req->item == PAGE_ITEM_READING ? &nav->reading
	                        : req->item == PAGE_ITEM_KPI   ? &nav->kpi
	                        : req->item == PAGE_ITEM_EVENT ? &nav->event
	                                                       : NULL;
	if (item) {
		item->index = index;
		item->serial = serial;
	}
	return 0;
}

/* sta_private: what the files of the SensorThings adapter share (OGC
 * SensorThings API v1.1, e.g. FROST-Server; docs/config.md "type:
 * sensorthings"). Only feeds/adapter_sensorthings.c and feeds/sta_*.c
 * include it.
 *
 *   adapter_sensorthings.c  the adapter row: parse of an attempt's pages,
 *                           error_reason (FROST's error JSON)
 *   sta_options.c           the options ("sensorthings" member of a source)
 *                           and the $select sets they imply
 *   sta_request.c           next_request: the first GET, then @iot.nextLink
 *                           (same origin only) up to max_pages
 *   sta_scan.c              a page's top level read without building a tree
 *                           (where the nextLink is, whether "value" is there)
 *   sta_element.c           one Datastream entity into one reading
 *
 * Ownership: sta_opts_t is made by sta_options_parse and freed by
 * sta_options_free (the configuration holds it); nothing else allocates
 * beyond a call. */
#ifndef CITYDASH_STA_PRIVATE_H
#define CITYDASH_STA_PRIVATE_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "adapter.h"
#include "json_pointer.h"
#include "protocol_fields.h"

#define STA_PAGE_SIZE_DEFAULT 1000
#define STA_PAGE_SIZE_MAX     10000 /* FROST's default maxTop */
#define STA_MAX_PAGES_DEFAULT 20
#define STA_ALTERNATIVES      4     /* pointers tried in order for one field */
#define STA_LINK_MAX          8192  /* longest @iot.nextLink followed */

/* The fields of a reading taken from a Datastream entity, each by JSON
 * Pointers relative to it (the first that resolves wins). */
typedef enum sta_field {
	STA_ID,
	STA_NAME,
	STA_UNIT,
	STA_DOMAIN,
	STA_DISTRICT,
	STA_STREET,
	STA_LOLO,
	STA_LO,
	STA_HI,
	STA_HIHI,
	STA_RANGE,
	STA_FIELD_COUNT
} sta_field_t;

typedef struct sta_map {
	json_pointer_t *alt[STA_ALTERNATIVES];
	size_t n; /* 0: not mapped */
} sta_map_t;

typedef struct sta_opts {
	int64_t page_size; /* $top */
	int64_t max_pages; /* the paging bound, 1 .. ADAPTER_MAX_REQUESTS */
	char *filter;      /* $filter as written, NULL if none */
	bool select;       /* ask with $select (false: whole entities) */
	sta_map_t map[STA_FIELD_COUNT];
	char *query; /* the first request's query string, encoded: built once */
} sta_opts_t;

/* The configuration name of each field ("id", "district", ...). */
const char *sta_field_name(sta_field_t f);

/* Options: obj NULL gives the defaults. */
int sta_options_parse(const cJSON *obj, void **opts, cfg_error_t *err);
/* opts, or (NULL: a caller without a configuration) the defaults made into
 * *own, which the caller frees with sta_options_free. */
const sta_opts_t *sta_options_or_defaults(const void *opts, void **own);
void sta_options_free(void *opts);

int sta_next_request(const void *opts, const adapter_attempt_t *at, adapter_request_t *req,
                     char **cause);

/* What sta_scan_page finds at the top level of a page. */
typedef struct sta_page_info {
	bool has_value;    /* a member "value" whose value is an array */
	const char *next;  /* "@iot.nextLink": its JSON string token (quotes included), */
	size_t next_len;   /* or NULL if there is none (or it is not a string) */
} sta_page_info_t;

/* Reads the top level of a page: an object whose members are skipped over
 * (strings and brackets matched, not fully validated). False, with *why (a
 * static message, marked but untranslated: the caller shows _(why)), if it
 * is not even that. */
bool sta_scan_page(const char *body, size_t len, sta_page_info_t *info, const char **why);
/* The nextLink of info as a new string (JSON escapes undone), or NULL if
 * there is none or it is not a clean, bounded URL (then *why says so, as
 * sta_scan_page's does). */
char *sta_page_next_link(const sta_page_info_t *info, const char **why);

/* Checks a nextLink against the source's url: absolute http(s) with the
 * same scheme, host and port (a path-absolute "/..." is taken on the
 * source's origin). Returns the URL to request (new string), or NULL with
 * *cause (new string, for the operator). */
char *sta_link_resolve(const char *base_url, const char *link, char **cause);

/* One Datastream entity (element `index` of a page's "value") into a
 * reading for c's sink, or skipped with its reason (c->bad). */
void sta_datastream(pctx_t *c, const sta_opts_t *o, const cJSON *ds, size_t index);

#endif

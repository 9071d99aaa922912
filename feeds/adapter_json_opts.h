/* adapter_json_opts: the settings of the `json` adapter (any JSON API
 * described by RFC 6901 JSON Pointers; docs/config.md, "## type: json"),
 * read from the source's "json" member. Private to adapter_json*.c.
 *
 * Ownership: a json_opts_t owns its compiled pointers and fixed strings;
 * json_opts_free releases them (the configuration calls it through
 * adapter_t.options_free). */
#ifndef CITYDASH_ADAPTER_JSON_OPTS_H
#define CITYDASH_ADAPTER_JSON_OPTS_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "cfg_read.h"
#include "json_pointer.h"

/* The per-item fields a pointer may name, in the order of json_field_names. */
typedef enum json_field {
	JF_ID,
	JF_VALUE,
	JF_NAME,
	JF_TS,
	JF_UNIT,
	JF_DOMAIN,
	JF_DISTRICT,
	JF_STREET,
	JF_QUALITY,
	JF_RANGE_MIN,
	JF_RANGE_MAX,
	JF_LOLO, /* the four limits, in limits_t's order (enum limit_bit) */
	JF_LO,
	JF_HI,
	JF_HIHI,
	JF_COUNT
} json_field_t;

/* Each field's name in the configuration and in skip reasons ("lolo" ...
 * for the members of "limits"). */
extern const char *const json_field_names[JF_COUNT];

typedef enum json_ts_format {
	JSON_TS_RFC3339, /* "2026-11-25T08:00:00Z" */
	JSON_TS_EPOCH_S, /* seconds since 1970, number or numeric string */
	JSON_TS_EPOCH_MS,
} json_ts_format_t;

typedef struct json_opts {
	json_pointer_t *items;           /* the array of items in the answer */
	json_pointer_t *error;           /* the message in an answer that is not 2xx;
	                                    NULL: a few usual places (adapter_json_error.c) */
	json_pointer_t *field[JF_COUNT]; /* relative to an item; NULL: not configured */
	json_ts_format_t ts_format;
	/* "fixed": one value for every item of the source, used where the item
	 * has none (its pointer absent, or resolving to nothing or null). The
	 * strings are clean (cfg_read.h); NULL if not given. */
	char *fixed_text[JF_COUNT]; /* JF_UNIT, JF_DOMAIN, JF_DISTRICT, JF_STREET */
	bool fixed_has[JF_COUNT];   /* JF_RANGE_MIN .. JF_HIHI */
	double fixed_num[JF_COUNT];
} json_opts_t;

/* adapter_t.options_parse and options_free for the json adapter. */
int json_opts_parse(const cJSON *obj, void **opts, cfg_error_t *err);
void json_opts_free(void *opts);

/* adapter_t.error_reason for the json adapter (adapter_json_error.c). */
char *json_error_reason(const void *opts, long status, const char *body, size_t len);

#endif

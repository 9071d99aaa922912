/* protocol_fields: the element-level readers shared by the v1 parser: the
 * parse context, the scratch that holds an element's sanitized strings, field
 * access, type checks and skip reasons. Shared by the native parser
 * (protocol*.c) and the adapters (adapter_*.c, sta_*.c), so that every wire
 * format validates ids, limits and quality alike, and the alarm tuning
 * (alarm_cfg.c), which checks ids as they do; nothing else includes it.
 *
 * Every reader that finds a field of the wrong type marks the element bad
 * (proto_elem_fail) and returns "absent"; the caller checks c->bad once at the
 * end. Strings are returned as scratch offsets because the scratch may move
 * while the element is read; proto_scratch_at resolves them at the end. */
#ifndef CITYDASH_PROTOCOL_FIELDS_H
#define CITYDASH_PROTOCOL_FIELDS_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "protocol.h"

#define STRING_MAX                                                                                 \
	4096 /* longer strings are cut at a character boundary,                                    \
	        before and after sanitizing */
#define ID_MAX 128
#define NONE   SIZE_MAX /* "absent" scratch offset / index */

typedef struct pctx {
	char *buf; /* scratch for the sanitized strings of one element */
	size_t cap, len;
	int64_t default_ts; /* generated_at, else now_ms */
	int64_t now_ms;     /* time of receipt, our clock */
	bool has_generated; /* the document said when it was built */
	const feed_sink_t *sink;
	feed_stats_t *stats;
	const char *what; /* element kind, untranslated */
	size_t index;
	const char *id; /* the element's id once validated (ASCII, safe to show) */
	bool bad;
} pctx_t;

/* Parses a whole document into this thread's JSON arena (json_arena.h),
 * holding at most `limit` bytes (0: none); *over is set if the limit refused
 * an allocation (then NULL is returned). Always end with proto_json_free, on
 * the same thread, even for NULL: it releases the arena. Between the two,
 * no other tree can be parsed on this thread. */
cJSON *proto_json_parse(const char *body, size_t len, const char **end, size_t limit, bool *over);
void proto_json_free(cJSON *doc);

/* Sanitizes s into the scratch (e.g. an object's member name); its offset. */
size_t proto_scratch_str(pctx_t *c, const char *s);
/* The scratch string at off, NULL for NONE. */
const char *proto_scratch_at(const pctx_t *c, size_t off);

/* 1-128 bytes of A-Z a-z 0-9 . _ : / - */
bool proto_id_valid(const char *s);

/* Report by exception (protocol_delta.c): the document's "delta" (a
 * message for a rejection, or NULL), its "cursor", and a delta's "removed"
 * handed to the sink. */
char *proto_delta_check(const cJSON *doc);
void proto_read_cursor(pctx_t *c, const cJSON *doc);
void proto_read_removed(pctx_t *c, const cJSON *doc);

/* Element state and skip reasons. */
void proto_elem_fail(pctx_t *c, const char *why, const char *field);
bool proto_elem_begin(pctx_t *c, const cJSON *el, size_t index);
/* Takes s (NULL: none, already failed) as the element's id if it is well
 * formed, else fails the element; `field` names it in the reason (may be
 * NULL). Returns !c->bad. */
bool proto_elem_take_id(pctx_t *c, const char *s, const char *field);
/* Sets *l from the values v (lolo, lo, hi, hihi) present in mask (bit i:
 * v[i] given); limits out of order are all dropped, *invalid set and the
 * first such reading's id kept in the stats (the reading itself is kept). */
void proto_set_limits(pctx_t *c, const double v[4], unsigned mask, limits_t *l, bool *invalid);
/* Hands a reading whose checks passed to the sink, its strings resolved
 * from the scratch offsets (NONE: absent), and counts it. Nothing if the
 * element went bad. */
void proto_emit_reading(pctx_t *c, reading_in_t *in, size_t name, size_t domain, size_t unit,
                        size_t district, size_t street);

/* Field readers (JSON null reads as absent). */
const cJSON *proto_field(const cJSON *obj, const char *key);
size_t proto_opt_str(pctx_t *c, const cJSON *obj, const char *key);
const char *proto_opt_token(pctx_t *c, const cJSON *obj, const char *key);
bool proto_num_ok(pctx_t *c, const cJSON *it, const char *key, double *out);
bool proto_opt_num(pctx_t *c, const cJSON *obj, const char *key, double *out);
bool proto_opt_time(pctx_t *c, const cJSON *obj, const char *key, int64_t *out);
/* Optional boolean: *out unchanged if absent; another type fails the element. */
bool proto_opt_bool(pctx_t *c, const cJSON *obj, const char *key, bool *out);
const cJSON *proto_opt_kind(pctx_t *c, const cJSON *obj, const char *key, bool array);
void proto_opt_place(pctx_t *c, const cJSON *el, size_t *district, size_t *street);

/* Governance fields (protocol_governance.c): an event's type names,
 * deadline, plan and escalations, a KPI's index memberships. Each is read
 * in two halves like the rest: *_read while the element is checked (may
 * fail it), *_resolve once it is known good (scratch offsets to pointers). */
typedef struct proto_event_extra {
	size_t type_name, category, subcategory;
	size_t step_names[STORE_PLAN_STEPS], step_depts[STORE_PLAN_STEPS];
	plan_step_in_t steps[STORE_PLAN_STEPS];
	size_t step_count;
	escalation_t escalations[STORE_ESCALATIONS];
	size_t escalation_count;
} proto_event_extra_t;

void proto_event_extra_read(pctx_t *c, const cJSON *el, proto_event_extra_t *x, event_in_t *in);
void proto_event_extra_resolve(const pctx_t *c, proto_event_extra_t *x, event_in_t *in);

typedef struct proto_kpi_indices {
	size_t names[STORE_KPI_INDICES];
	kpi_membership_in_t members[STORE_KPI_INDICES];
	size_t count;
} proto_kpi_indices_t;

void proto_kpi_indices_read(pctx_t *c, const cJSON *el, proto_kpi_indices_t *x);
void proto_kpi_indices_resolve(const pctx_t *c, proto_kpi_indices_t *x, kpi_in_t *in);

#endif

/* adapter_json: any JSON API, described by RFC 6901 JSON Pointers in the
 * source's "json" settings (adapter_json_opts.h; docs/config.md, "## type:
 * json"): one pointer to the array of items in the answer, and per field a
 * pointer relative to an item. One plain GET per attempt (no next_request),
 * so the poller's ETag/304 and body cap apply as for protocol v1.
 *
 * The choices, as protocol v1 makes them (docs/protocol.md, "Bad input"):
 *  - the answer is rejected whole only when it is not JSON, has data after
 *    the JSON value, needs more than max_bytes to hold, or its items pointer
 *    does not lead to an array; all of that before any element;
 *  - an id is a string of 1-128 of A-Z a-z 0-9 . _ : / - or a whole number
 *    (written in decimal); otherwise the item is skipped and counted;
 *  - a value is a finite number or a numeric string ("0.42", " 12 ");
 *    null or absent is "no value now" (never 0); anything else (true, "n/a",
 *    "NaN", an object, 1e999) skips the item, counted with its reason;
 *  - limits and range ends are read like values; null or absent: not set;
 *  - name, unit, domain, district and street are strings (numbers are
 *    written in decimal), sanitized; another type skips the item;
 *  - a "fixed" member is used where the item has no such field (its pointer
 *    is not configured, leads nowhere, or to null);
 *  - ts: RFC 3339 (default), or epoch seconds / milliseconds as numbers or
 *    numeric strings (ts_format); a malformed or out-of-range time falls
 *    back to the time of receipt, like an absent one; a ts of another JSON
 *    type (an object, true) skips the item;
 *  - quality: "good", "uncertain" or "bad"; an unknown token is "uncertain";
 *  - limits out of order are dropped and counted, the reading kept.
 * An answer that is not 2xx gives the API's own message as the reason
 * (adapter_json_error.c). */
#include "adapter.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapter_json_opts.h"
#include "i18n.h"
#include "protocol_fields.h"
#include "timefmt.h"
#include "xalloc.h"

/* Epoch ms of 9999-12-31T23:59:59.999Z: a time beyond is not a time. */
#define TS_MS_MAX   INT64_C(253402300799999)
#define NUMERIC_MAX 63 /* longest numeric string read as a number */

/* The node a field's pointer leads to in item, NULL if none or null. */
static const cJSON *field_node(const json_opts_t *o, json_field_t f, const cJSON *item)
{
	if (!o->field[f])
		return NULL;
	const cJSON *n = json_pointer_get(o->field[f], item);
	return cJSON_IsNull(n) ? NULL : n;
}

/* A numeric string: optional spaces, then what JSON calls a number (or a
 * leading "+"), then optional spaces. Read with '.' as the decimal point
 * whatever the locale. False for anything else, and for a result that is not
 * finite. */
static bool numeric_string(const char *s, double *out)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n || n > NUMERIC_MAX)
		return false;
	char buf[NUMERIC_MAX + 1];
	bool digit = false;
	const char *point = localeconv()->decimal_point;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch >= '0' && ch <= '9')
			digit = true;
		else if (!strchr("+-.eE", ch))
			return false;
		buf[i] = ch == '.' && point && point[0] ? point[0] : ch;
	}
	buf[n] = '\0';
	char *end;
	double v = strtod(buf, &end);
	if (!digit || end != buf + n || !isfinite(v))
		return false;
	*out = v;
	return true;
}

/* A number field: true if the item (or "fixed") gives a good one. A field
 * of the wrong kind fails the item. */
static bool read_number(pctx_t *c, const json_opts_t *o, json_field_t f, const cJSON *item,
                        double *out)
{
	const char *name = json_field_names[f];
	const cJSON *n = field_node(o, f, item);
	if (!n) {
		if (o->fixed_has[f])
			*out = o->fixed_num[f];
		return o->fixed_has[f];
	}
	if (cJSON_IsNumber(n))
		return proto_num_ok(c, n, name, out);
	if (cJSON_IsString(n) && n->valuestring && numeric_string(n->valuestring, out))
		return true;
	proto_elem_fail(
	    c, cJSON_IsString(n) ? N_("is a string that is not a number") : N_("is not a number"),
	    name);
	return false;
}

/* A whole number written in decimal into buf (>= 24 bytes); false if v is
 * not one that a double holds exactly. */
static bool whole_number(double v, char *buf, size_t size)
{
	if (!isfinite(v) || v != floor(v) || fabs(v) > 9007199254740992.0)
		return false;
	snprintf(buf, size, "%lld", (long long)v);
	return true;
}

/* A text field: its scratch offset, or NONE. */
static size_t read_text(pctx_t *c, const json_opts_t *o, json_field_t f, const cJSON *item)
{
	const cJSON *n = field_node(o, f, item);
	if (!n)
		return o->fixed_text[f] ? proto_scratch_str(c, o->fixed_text[f]) : NONE;
	if (cJSON_IsString(n) && n->valuestring)
		return proto_scratch_str(c, n->valuestring);
	char num[32];
	if (cJSON_IsNumber(n) && isfinite(n->valuedouble)) {
		if (!whole_number(n->valuedouble, num, sizeof num))
			snprintf(num, sizeof num, "%.15g", n->valuedouble);
		return proto_scratch_str(c, num);
	}
	proto_elem_fail(c, N_("is neither a string nor a number"), json_field_names[f]);
	return NONE;
}

/* Starts an item: its id, a valid string or a whole number. `idbuf` holds
 * a number's decimal form (>= 32 bytes). */
static bool item_begin(pctx_t *c, const json_opts_t *o, const cJSON *item, size_t index,
                       char *idbuf, size_t size)
{
	c->len = 0;
	c->bad = false;
	c->id = NULL;
	c->index = index;
	const cJSON *id = field_node(o, JF_ID, item);
	const char *s = NULL;
	if (!id)
		proto_elem_fail(c, N_("has no id"), NULL);
	else if (cJSON_IsString(id) && id->valuestring)
		s = id->valuestring;
	else if (cJSON_IsNumber(id) && whole_number(id->valuedouble, idbuf, size))
		s = idbuf;
	else
		proto_elem_fail(c, N_("has an id that is neither a string nor a whole number"),
		                NULL);
	return proto_elem_take_id(c, s, NULL);
}

/* The item's time into in->ts_ms; true if it gave a good one. */
static bool read_ts(pctx_t *c, const json_opts_t *o, const cJSON *item, int64_t *ts_ms)
{
	const cJSON *n = field_node(o, JF_TS, item);
	if (!n)
		return false;
	if (o->ts_format == JSON_TS_RFC3339) {
		if (!cJSON_IsString(n) || !n->valuestring) {
			proto_elem_fail(c, N_("is not a string"), "ts");
			return false;
		}
		return timefmt_parse_rfc3339(n->valuestring, ts_ms);
	}
	double v;
	if (cJSON_IsNumber(n))
		v = n->valuedouble;
	else if (!cJSON_IsString(n) || !n->valuestring) {
		proto_elem_fail(c, N_("is neither a number nor a string"), "ts");
		return false;
	} else if (!numeric_string(n->valuestring, &v))
		return false; /* malformed: falls back, as an RFC 3339 one does */
	double ms = o->ts_format == JSON_TS_EPOCH_S ? v * 1000.0 : v;
	if (!isfinite(ms) || fabs(ms) > (double)TS_MS_MAX)
		return false;
	*ts_ms = (int64_t)llround(ms);
	return true;
}

static void read_limits(pctx_t *c, const json_opts_t *o, const cJSON *item, reading_in_t *in)
{
	double v[4] = {0};
	unsigned mask = 0;
	for (int i = 0; i < 4; i++)
		if (read_number(c, o, (json_field_t)(JF_LOLO + i), item, &v[i]))
			mask |= 1u << i;
	proto_set_limits(c, v, mask, &in->limits, &in->limits_invalid);
}

static void read_quality(pctx_t *c, const json_opts_t *o, const cJSON *item, quality_t *q)
{
	const cJSON *n = field_node(o, JF_QUALITY, item);
	if (!n)
		return;
	if (!cJSON_IsString(n) || !n->valuestring)
		proto_elem_fail(c, N_("is not a string"), "quality");
	else if (!quality_from_token(n->valuestring, q))
		*q = QUALITY_UNCERTAIN;
}

static void parse_item(pctx_t *c, const json_opts_t *o, const cJSON *item, size_t index)
{
	char idbuf[32];
	if (!item_begin(c, o, item, index, idbuf, sizeof idbuf))
		return;
	reading_in_t in = {.id = c->id, .has_ts = true, .ts_ms = c->now_ms};
	size_t name = read_text(c, o, JF_NAME, item), domain = read_text(c, o, JF_DOMAIN, item);
	size_t unit = read_text(c, o, JF_UNIT, item), district = read_text(c, o, JF_DISTRICT, item);
	size_t street = read_text(c, o, JF_STREET, item);
	if (field_node(o, JF_VALUE, item))
		in.has_value = read_number(c, o, JF_VALUE, item, &in.value);
	in.dated = read_ts(c, o, item, &in.ts_ms);
	if (in.dated)
		in.lag_ms = c->now_ms - in.ts_ms;
	double lo, hi;
	if (read_number(c, o, JF_RANGE_MIN, item, &lo) &&
	    read_number(c, o, JF_RANGE_MAX, item, &hi) && lo < hi) {
		in.has_range = true;
		in.range_min = lo;
		in.range_max = hi;
	}
	read_quality(c, o, item, &in.quality);
	read_limits(c, o, item, &in);
	proto_emit_reading(c, &in, name, domain, unit, district, street);
}

static bool only_space(const char *p, const char *end)
{
	for (; p < end; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return false;
	return true;
}

/* The whole-answer checks; the items array, or NULL with *why set. */
static const cJSON *check_answer(const json_opts_t *o, const cJSON *doc, const char *body,
                                 size_t len, const char *end, bool over, size_t limit, char **why)
{
	if (over) {
		*why = xasprintf(_("document too large to hold: parsing it needs more than %zu "
		                   "bytes (max_bytes)"),
		                 limit);
		return NULL;
	}
	if (!doc) {
		size_t at = end && end >= body && end <= body + len ? (size_t)(end - body) : len;
		*why = xasprintf(_("not JSON (syntax error near byte %zu)"), at);
		return NULL;
	}
	if (!only_space(end, body + len)) {
		*why = xasprintf(_("not JSON (unexpected data after the document at byte %zu)"),
		                 (size_t)(end - body));
		return NULL;
	}
	const cJSON *items = json_pointer_get(o->items, doc);
	const char *at = json_pointer_text(o->items);
	if (!items)
		*why = xasprintf(_("no items at \"%s\" (json.items)"), at);
	else if (!cJSON_IsArray(items))
		*why = xasprintf(_("the items at \"%s\" are not an array (json.items)"), at);
	return *why ? NULL : items;
}

static int parse_json(const void *opts, const adapter_body_t *bodies, size_t n, int64_t now_ms,
                      const feed_sink_t *sink, feed_stats_t *stats, char **cause)
{
	const json_opts_t *o = opts;
	memset(stats, 0, sizeof *stats);
	const char *body = n && bodies[0].data ? bodies[0].data : "";
	size_t len = n && bodies[0].data ? bodies[0].len : 0;
	char *why = NULL;
	if (!o) {
		why = xstrdup(_("the json type has no settings (\"json\")"));
		goto reject;
	}
	const char *end = NULL;
	bool over = false;
	size_t limit = sink ? sink->max_tree_bytes : 0;
	cJSON *doc = proto_json_parse(body, len, &end, limit, &over);
	const cJSON *items = check_answer(o, doc, body, len, end, over, limit, &why);
	if (!items) {
		proto_json_free(doc);
		goto reject;
	}
	pctx_t c = {.default_ts = now_ms,
	            .now_ms = now_ms,
	            .sink = sink,
	            .stats = stats,
	            .what = N_("reading")};
	if (sink && sink->header)
		sink->header(sink->ctx, stats);
	stats->had_readings = true;
	size_t index = 0;
	const cJSON *item;
	cJSON_ArrayForEach(item, items)
	{
		parse_item(&c, o, item, index++);
		if (c.bad)
			stats->skipped++;
	}
	free(c.buf);
	proto_json_free(doc);
	return 0;
reject:
	if (cause)
		*cause = why;
	else
		free(why);
	return -1;
}

const adapter_t adapter_json = {
    .name = "json",
    .parse = parse_json,
    .options_key = "json",
    .options_required = true,
    .options_parse = json_opts_parse,
    .options_free = json_opts_free,
    .error_reason = json_error_reason,
};

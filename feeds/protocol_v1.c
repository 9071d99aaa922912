#include "protocol.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "protocol_fields.h"
#include "timefmt.h"
#include "xalloc.h"

/* Choices where feed-protocol.md leaves room (all keep the element):
 *  - an unknown `quality` token reads as "uncertain": the value is shown but
 *    not vouched for (claiming "good" would hide a problem, "bad" would claim
 *    an instrument fault nobody reported);
 *  - a negative `deadband` is ignored (0), the reading kept;
 *  - `range` with min >= max is ignored (derived by the store);
 *  - a malformed `ts` string falls back like an absent one (generated_at,
 *    else time of receipt); a `ts` that is not a string skips the element;
 *  - JSON null for an optional field means "absent";
 *  - an unknown `better` means "higher" (the default), an unknown event
 *    severity "major" (never understate an incident; absent is "info"), an
 *    unknown level "city", stage "sensed", department state "pending";
 *  - null entries of a KPI `history` are dropped; any other non-number skips
 *    the KPI. Only the newest STORE_KPI_HISTORY values are kept.
 *  - the governance fields (an event's plan, escalations, type names and
 *    deadline, a KPI's indices) follow their own rules: protocol_governance.c.
 * Strings longer than STRING_MAX bytes (protocol_fields.h) are cut at a character boundary,
 * before sanitizing and again after it (an invalid byte becomes a 3-byte U+FFFD).
 * Age of data: see store.h ("Age") and docs/protocol.md; the parser reports,
 * per reading, whether the producer dated it and how far that time lags ours. */

static void read_limits(pctx_t *c, const cJSON *el, limits_t *l, bool *invalid)
{
	static const char *const keys[4] = {"lolo", "lo", "hi", "hihi"};
	const cJSON *obj = proto_opt_kind(c, el, "limits", false);
	double v[4] = {0};
	unsigned mask = 0;
	for (unsigned i = 0; obj && i < 4; i++)
		if (proto_opt_num(c, obj, keys[i], &v[i]))
			mask |= 1u << i;
	proto_set_limits(c, v, mask, l, invalid);
}

static void read_range(pctx_t *c, const cJSON *el, reading_in_t *in)
{
	const cJSON *r = proto_opt_kind(c, el, "range", true);
	if (!r)
		return;
	if (cJSON_GetArraySize(r) != 2) {
		proto_elem_fail(c, N_("is not [min, max]"), "range");
		return;
	}
	double lo, hi;
	if (proto_num_ok(c, cJSON_GetArrayItem(r, 0), "range", &lo) &&
	    proto_num_ok(c, cJSON_GetArrayItem(r, 1), "range", &hi) && lo < hi) {
		in->has_range = true;
		in->range_min = lo;
		in->range_max = hi;
	}
}

static void parse_reading(pctx_t *c, const cJSON *el, size_t index)
{
	if (!proto_elem_begin(c, el, index))
		return;
	reading_in_t in = {.id = c->id, .has_ts = true, .ts_ms = c->default_ts};
	size_t name = proto_opt_str(c, el, "name"), domain = proto_opt_str(c, el, "domain");
	size_t unit = proto_opt_str(c, el, "unit"), district, street;
	proto_opt_place(c, el, &district, &street);
	const cJSON *v = proto_field(el, "value");
	if (v && !cJSON_IsNumber(v))
		proto_elem_fail(c, N_("is neither a number nor null"), "value");
	else if (v)
		in.has_value = proto_num_ok(c, v, "value", &in.value);
	/* How old the observation already was when the producer sent it, both
	 * times by the producer's clock (so skew between clocks does not count):
	 * a gateway resending a frozen value is not fresh data. And how far the
	 * time the producer vouches for (generated_at, else ts) lags behind our
	 * clock: beyond the source's skew tolerance that counts too (store.h). */
	bool has_ts = proto_opt_time(c, el, "ts", &in.ts_ms);
	if (has_ts && c->has_generated && c->default_ts > in.ts_ms)
		in.age_at_receipt_ms = c->default_ts - in.ts_ms;
	in.dated = has_ts || c->has_generated;
	if (in.dated)
		in.lag_ms = c->now_ms - (c->has_generated ? c->default_ts : in.ts_ms);
	read_range(c, el, &in);
	if (proto_opt_num(c, el, "deadband", &in.deadband) && in.deadband < 0)
		in.deadband = 0;
	const char *q = proto_opt_token(c, el, "quality");
	if (q && !quality_from_token(q, &in.quality))
		in.quality = QUALITY_UNCERTAIN;
	read_limits(c, el, &in.limits, &in.limits_invalid);
	proto_emit_reading(c, &in, name, domain, unit, district, street);
}

/* Keeps the newest STORE_KPI_HISTORY numbers of `history` in a ring, then
 * unrolls it oldest first into out. */
static size_t read_history(pctx_t *c, const cJSON *el, double *out)
{
	const cJSON *h = proto_opt_kind(c, el, "history", true);
	double ring[STORE_KPI_HISTORY];
	size_t n = 0;
	const cJSON *it;
	cJSON_ArrayForEach(it, h)
	{
		double v;
		if (cJSON_IsNull(it))
			continue;
		if (!proto_num_ok(c, it, "history", &v))
			return 0;
		ring[n++ % STORE_KPI_HISTORY] = v;
	}
	size_t kept = n < STORE_KPI_HISTORY ? n : STORE_KPI_HISTORY;
	for (size_t i = 0; i < kept; i++)
		out[i] = ring[(n - kept + i) % STORE_KPI_HISTORY];
	return kept;
}

static void parse_kpi(pctx_t *c, const cJSON *el, size_t index)
{
	if (!proto_elem_begin(c, el, index))
		return;
	double history[STORE_KPI_HISTORY];
	kpi_in_t in = {.id = c->id, .history = history};
	size_t name = proto_opt_str(c, el, "name"), category = proto_opt_str(c, el, "category");
	size_t unit = proto_opt_str(c, el, "unit"), period = proto_opt_str(c, el, "period");
	size_t ix = proto_opt_str(c, el, "index"), district, street;
	proto_opt_place(c, el, &district, &street);
	in.has_value = proto_opt_num(c, el, "value", &in.value);
	in.has_target = proto_opt_num(c, el, "target", &in.target);
	in.has_weight = proto_opt_num(c, el, "weight", &in.weight);
	const char *better = proto_opt_token(c, el, "better");
	in.better_lower = better && strcmp(better, "lower") == 0;
	in.history_len = read_history(c, el, history);
	proto_kpi_indices_t indices;
	proto_kpi_indices_read(c, el, &indices);
	if (c->bad)
		return;
	proto_kpi_indices_resolve(c, &indices, &in);
	in.name = proto_scratch_at(c, name);
	in.category = proto_scratch_at(c, category);
	in.unit = proto_scratch_at(c, unit);
	in.period = proto_scratch_at(c, period);
	in.index = proto_scratch_at(c, ix);
	in.district = proto_scratch_at(c, district);
	in.street = proto_scratch_at(c, street);
	c->stats->kpis++;
	if (c->sink->kpi)
		c->sink->kpi(c->sink->ctx, &in);
}

static int steps_value(pctx_t *c, const cJSON *steps, const char *key)
{
	double v;
	if (!steps || !proto_opt_num(c, steps, key, &v) || v < 0 || v > 1e9)
		return -1;
	return (int)v;
}

/* Departments: the first STORE_DEPARTMENTS {name, state} objects. */
static size_t read_departments(pctx_t *c, const cJSON *el, size_t *names, department_t *out)
{
	const cJSON *deps = proto_opt_kind(c, el, "departments", true), *it;
	size_t n = 0;
	cJSON_ArrayForEach(it, deps)
	{
		if (n == STORE_DEPARTMENTS)
			break;
		if (!cJSON_IsObject(it)) {
			proto_elem_fail(c, N_("has an entry that is not an object"), "departments");
			return 0;
		}
		names[n] = proto_opt_str(c, it, "name");
		const char *state = proto_opt_token(c, it, "state");
		if (!state || !dept_state_from_token(state, &out[n].state))
			out[n].state = DEPT_PENDING;
		n++;
	}
	return n;
}

static void parse_event(pctx_t *c, const cJSON *el, size_t index)
{
	if (!proto_elem_begin(c, el, index))
		return;
	department_t deps[STORE_DEPARTMENTS];
	size_t dep_names[STORE_DEPARTMENTS];
	event_in_t in = {.id = c->id, .departments = deps, .severity = SEVERITY_INFO};
	size_t type = proto_opt_str(c, el, "type"), title = proto_opt_str(c, el, "title"), district,
	       street;
	proto_opt_place(c, el, &district, &street);
	const char *tok = proto_opt_token(c, el, "severity");
	if (tok && !severity_from_token(tok, &in.severity))
		in.severity = SEVERITY_MAJOR;
	tok = proto_opt_token(c, el, "level");
	if (!tok || !tier_from_token(tok, &in.level))
		in.level = TIER_CITY;
	tok = proto_opt_token(c, el, "stage");
	if (!tok || !stage_from_token(tok, &in.stage))
		in.stage = STAGE_SENSED;
	proto_opt_time(c, el, "opened_at", &in.opened_ms);
	proto_opt_time(c, el, "updated_at", &in.updated_ms);
	in.department_count = read_departments(c, el, dep_names, deps);
	const cJSON *steps = proto_opt_kind(c, el, "steps", false);
	in.steps_done = steps_value(c, steps, "done");
	in.steps_total = steps_value(c, steps, "total");
	proto_event_extra_t extra;
	proto_event_extra_read(c, el, &extra, &in);
	if (c->bad)
		return;
	proto_event_extra_resolve(c, &extra, &in);
	in.type = proto_scratch_at(c, type);
	in.title = proto_scratch_at(c, title);
	in.district = proto_scratch_at(c, district);
	in.street = proto_scratch_at(c, street);
	for (size_t i = 0; i < in.department_count; i++)
		deps[i].name =
		    proto_scratch_at(c, dep_names[i]) ? proto_scratch_at(c, dep_names[i]) : "";
	c->stats->events++;
	if (c->sink->event)
		c->sink->event(c->sink->ctx, &in);
}

typedef void (*elem_fn)(pctx_t *c, const cJSON *el, size_t index);

/* One top-level array: absent or null is fine, anything else but an array is
 * one skipped element. Returns whether the array was there. */
static bool parse_array(pctx_t *c, const cJSON *doc, const char *key, const char *what, elem_fn fn)
{
	const cJSON *arr = proto_field(doc, key);
	c->what = what;
	if (!arr)
		return false;
	if (!cJSON_IsArray(arr)) {
		c->id = NULL;
		c->bad = false;
		c->index = NONE;
		c->what = N_("document");
		proto_elem_fail(c, N_("is not an array"), key);
		c->stats->skipped++;
		return false;
	}
	size_t index = 0;
	const cJSON *el;
	cJSON_ArrayForEach(el, arr)
	{
		fn(c, el, index++);
		if (c->bad)
			c->stats->skipped++;
	}
	return true;
}

static bool only_space(const char *p, const char *end)
{
	for (; p < end; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return false;
	return true;
}

/* The whole-document checks; returns the message for a rejection or NULL. */
static char *doc_check(const cJSON *doc, const char *body, size_t len, const char *end, bool over,
                       size_t tree_limit)
{
	if (over)
		return xasprintf(_("document too large to hold: parsing it needs more than %zu "
		                   "bytes (max_bytes)"),
		                 tree_limit);
	if (!doc) {
		size_t at = end && end >= body && end <= body + len ? (size_t)(end - body) : len;
		return xasprintf(_("not JSON (syntax error near byte %zu)"), at);
	}
	if (!only_space(end, body + len))
		return xasprintf(_("not JSON (unexpected data after the document at byte %zu)"),
		                 (size_t)(end - body));
	if (!cJSON_IsObject(doc))
		return xstrdup(_("not a JSON object"));
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, "version");
	if (!v || cJSON_IsNull(v))
		return xstrdup(_("protocol version missing (this client speaks 1)"));
	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) ||
	    v->valuedouble != floor(v->valuedouble))
		return xstrdup(_("protocol version is not an integer (this client speaks 1)"));
	if (v->valuedouble != 1)
		return xasprintf(_("unsupported protocol version %.17g (this client speaks 1)"),
		                 v->valuedouble);
	return proto_delta_check(doc);
}

int protocol_v1_parse(const char *body, size_t len, int64_t now_ms, const feed_sink_t *sink,
                      feed_stats_t *stats, char **cause)
{
	memset(stats, 0, sizeof *stats);
	if (!body)
		len = 0;
	const char *end = NULL;
	bool over = false;
	size_t tree_limit = sink ? sink->max_tree_bytes : 0;
	cJSON *doc = proto_json_parse(body, len, &end, tree_limit, &over);
	char *why = doc_check(doc, body, len, end, over, tree_limit);
	if (why) {
		proto_json_free(doc);
		if (cause)
			*cause = why;
		else
			free(why);
		return -1;
	}
	pctx_t c = {.default_ts = now_ms, .now_ms = now_ms, .sink = sink, .stats = stats};
	const cJSON *gen = cJSON_GetObjectItemCaseSensitive(doc, "generated_at");
	int64_t gen_ms;
	if (cJSON_IsString(gen) && gen->valuestring &&
	    timefmt_parse_rfc3339(gen->valuestring, &gen_ms)) {
		c.default_ts = gen_ms;
		c.has_generated = true;
		stats->has_generated = true;
		stats->generated_ms = gen_ms;
	}
	proto_read_cursor(&c, doc); /* report by exception: protocol_delta.c */
	if (sink && sink->header)
		sink->header(sink->ctx, stats);
	proto_read_removed(&c, doc);
	stats->had_readings = parse_array(&c, doc, "readings", N_("reading"), parse_reading);
	stats->had_kpis = parse_array(&c, doc, "kpis", N_("KPI"), parse_kpi);
	stats->had_events = parse_array(&c, doc, "events", N_("event"), parse_event);
	free(c.buf);
	proto_json_free(doc);
	return 0;
}

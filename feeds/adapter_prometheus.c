/* adapter_prometheus: the Prometheus HTTP API (/api/v1/query and
 * /api/v1/query_range) as a source of readings: docs/config.md,
 * "type: prometheus". The parts: adapter_prometheus.h.
 *
 * Choices (all documented in docs/config.md):
 *  - a sample "NaN" is no value (the reading is kept, like null in v1);
 *    "+Inf"/"-Inf" is no value with quality bad, counted in the source's
 *    warning; never a zero. A value that is no number skips the series;
 *  - the sample's time is the reading's ts (an instant query's samples carry
 *    the evaluation time: the attempt's);
 *  - a matrix answer to an instant query (a range selector) gives each
 *    series' last sample; a scalar or string answer is one series without
 *    labels;
 *  - the id: id_prefix + fixed id, else + the id label's value (a series
 *    without it, or with a value that is not a valid id, is skipped), else
 *    derived: the metric name and the other labels sorted, as
 *    "name/label:value/...", characters outside the id's set replaced by
 *    "_" and, if anything was replaced or cut, "-" and 8 hex digits of a hash
 *    of the whole at the end (at most 128 bytes); without name or labels,
 *    "value". A later series with the id of an earlier one is skipped;
 *  - a limit or range series joins the reading whose key it has (the same id
 *    label, or the same labels but __name__); a scalar answer applies to
 *    every reading of the query; a limit that is NaN, infinite or not there
 *    is not set; limits out of order are dropped (counted, as v1);
 *  - any answer that is not a success envelope rejects the whole attempt
 *    with Prometheus's words ("bad_data: parse error ..."), before anything
 *    is handed out, but for a query_range answer: without history the
 *    readings still come, and the warning says why there is none; the first
 *    of the answers' "warnings" becomes stats->warning. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapter_prometheus.h"
#include "i18n.h"
#include "json_arena.h"
#include "text.h"
#include "protocol_fields.h"
#include "xalloc.h"

enum result_type { RT_VECTOR, RT_MATRIX, RT_SCALAR, RT_STRING };

typedef struct answer {
	const cJSON *result; /* data.result */
	enum result_type type;
} answer_t;

typedef struct run {
	const prom_opts_t *o;
	answer_t *answers; /* per body; NULL result: not ours */
	const adapter_body_t *bodies;
	size_t n;
	feed_stats_t *stats;
	unsigned warnings; /* the answers' warnings */
	prom_emit_t emit;
} run_t;

/* ---- the answers ---- */

/* stats->warning = s, cut at a character boundary if it is too long. */
static void set_warning(feed_stats_t *stats, const char *s)
{
	size_t n = strlen(s), max = sizeof stats->warning - 1;
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(stats->warning, s, n);
	stats->warning[n] = '\0';
}


static const char *kind_name(int kind)
{
	if (kind == PROM_K_VALUE)
		return N_("value");
	if (kind == PROM_K_HISTORY)
		return N_("history");
	return prom_join_names[kind - PROM_K_JOIN];
}

static char *check_answer(run_t *r, size_t i, cJSON *doc, const char *end)
{
	const adapter_body_t *b = &r->bodies[i];
	if (!doc) {
		size_t at = end && end >= b->data && end <= b->data + b->len
		                ? (size_t)(end - b->data)
		                : b->len;
		return xasprintf(_("not JSON (syntax error near byte %zu)"), at);
	}
	if (!cJSON_IsObject(doc))
		return xstrdup(_("not a JSON object"));
	char *err = prom_envelope_error(doc);
	if (err)
		return err;
	const cJSON *status = cJSON_GetObjectItemCaseSensitive(doc, "status");
	if (!cJSON_IsString(status) || strcmp(status->valuestring, "success") != 0)
		return xstrdup(_("not a Prometheus API answer (no \"status\": \"success\")"));
	const cJSON *data = cJSON_GetObjectItemCaseSensitive(doc, "data");
	const cJSON *type = cJSON_GetObjectItemCaseSensitive(data, "resultType");
	const cJSON *result = cJSON_GetObjectItemCaseSensitive(data, "result");
	static const char *const types[] = {"vector", "matrix", "scalar", "string"};
	size_t t = 0;
	while (cJSON_IsString(type) && t < 4 && strcmp(type->valuestring, types[t]) != 0)
		t++;
	if (!cJSON_IsObject(data) || !cJSON_IsString(type) || t == 4 || !cJSON_IsArray(result))
		return xstrdup(_("not a query result (data.resultType and data.result)"));
	r->answers[i] = (answer_t){result, (enum result_type)t};
	const cJSON *warnings = cJSON_GetObjectItemCaseSensitive(doc, "warnings"), *w;
	cJSON_ArrayForEach(w, warnings)
	{
		if (!cJSON_IsString(w) || !w->valuestring)
			continue;
		if (r->warnings++ == 0) {
			char *clean = text_sanitize(w->valuestring, strnlen(w->valuestring, 512));
			char *text = xasprintf("Prometheus: %s", clean);
			set_warning(r->stats, text);
			free(text);
			free(clean);
		}
	}
	return NULL;
}

/* The answer to the request with this step, or NULL. */
static const answer_t *answer_for(const run_t *r, int step)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->bodies[i].step == step && r->answers[i].result)
			return &r->answers[i];
	return NULL;
}

/* Parses and checks every answer; a message if the attempt is rejected. */
static char *read_answers(run_t *r, size_t limit)
{
	for (size_t i = 0; i < r->n; i++) {
		const adapter_body_t *b = &r->bodies[i];
		int q = b->step / PROM_K_SLOTS, kind = b->step % PROM_K_SLOTS;
		if (b->step < 0 || (size_t)q >= r->o->count || kind > PROM_K_HISTORY)
			continue; /* not a request of ours */
		const char *end = NULL;
		cJSON *doc = b->data && b->len ? cJSON_ParseWithLengthOpts(b->data, b->len, &end, 0)
		                               : NULL;
		if (json_arena_over())
			return xasprintf(_("the answers need more than %zu bytes to hold (max_bytes)"),
			                 limit);
		char *why = check_answer(r, i, doc, end);
		if (why && kind == PROM_K_HISTORY) {
			/* History is a bonus: without it the readings still come (and
			 * the next first attempt would ask again, and fail again). */
			if (!r->stats->warning[0]) {
				char *text = xasprintf(_("no history: query %d: %s"), q + 1, why);
				set_warning(r->stats, text);
				free(text);
			}
			r->answers[i].result = NULL;
			free(why);
		} else if (why) {
			char *full = xasprintf(_("query %d (%s): %s"), q + 1, _(kind_name(kind)), why);
			free(why);
			return full;
		}
	}
	for (size_t q = 0; q < r->o->count; q++) {
		if (!answer_for(r, PROM_STEP(q, PROM_K_VALUE)))
			return xasprintf(_("query %zu: no answer"), q + 1);
		for (int j = 0; j < PROM_J_COUNT; j++)
			if (r->o->queries[q].join[j].query &&
			    !answer_for(r, PROM_STEP(q, PROM_K_JOIN + j)))
				return xasprintf(_("query %zu (%s): no answer"), q + 1, prom_join_names[j]);
	}
	return NULL;
}

/* ---- series ---- */

/* One series of an answer: its labels (NULL for a scalar or string), its
 * sample [time, "value"] (a matrix series' last one) and a matrix series'
 * values. */
typedef struct series {
	const cJSON *metric, *sample, *values;
} series_t;

static size_t series_count(const answer_t *a)
{
	return a->type == RT_SCALAR || a->type == RT_STRING ? 1
	                                                    : (size_t)cJSON_GetArraySize(a->result);
}

/* The next series, walking `it` along the result. */
static series_t series_next(const answer_t *a, const cJSON **it)
{
	series_t s = {0};
	if (a->type == RT_SCALAR || a->type == RT_STRING) {
		s.sample = a->result;
		return s;
	}
	*it = *it ? (*it)->next : a->result->child;
	if (!cJSON_IsObject(*it))
		return s;
	s.metric = cJSON_GetObjectItemCaseSensitive(*it, "metric");
	if (a->type == RT_VECTOR) {
		s.sample = cJSON_GetObjectItemCaseSensitive(*it, "value");
	} else {
		s.values = cJSON_GetObjectItemCaseSensitive(*it, "values");
		int n = cJSON_IsArray(s.values) ? cJSON_GetArraySize(s.values) : 0;
		s.sample = n ? cJSON_GetArrayItem(s.values, n - 1) : NULL;
	}
	return s;
}

/* A map from key to sample (or, for history, to a matrix series' values)
 * of a limit, range or history answer; a scalar answer is kept apart in
 * *all: it applies to every reading. */
static prom_map_t *join_map(run_t *r, const prom_query_t *q, const answer_t *a, bool history,
                            const cJSON **all)
{
	if (all)
		*all = NULL;
	if (!a)
		return NULL;
	if (a->type == RT_SCALAR && all) {
		*all = a->result;
		return NULL;
	}
	size_t n = series_count(a);
	prom_map_t *m = prom_map_new(n);
	const cJSON *it = NULL;
	for (size_t i = 0; i < n; i++) {
		series_t s = series_next(a, &it);
		const cJSON *what = history ? s.values : s.sample;
		const char *key = prom_series_key(q, s.metric, &r->emit.key, &r->emit.key_cap);
		if (key && what)
			prom_map_put(m, key, what); /* the first series of a key joins */
	}
	return m;
}

static void emit_query(run_t *r, size_t qi)
{
	const prom_query_t *q = &r->o->queries[qi];
	prom_joins_t j;
	memset(&j, 0, sizeof j);
	for (int k = 0; k < PROM_J_COUNT; k++)
		if (q->join[k].query)
			j.map[k] = join_map(r, q, answer_for(r, PROM_STEP(qi, PROM_K_JOIN + k)), false,
			                    &j.all[k]);
	const answer_t *h = answer_for(r, PROM_STEP(qi, PROM_K_HISTORY));
	if (h && h->type == RT_MATRIX)
		j.history = join_map(r, q, h, true, NULL);
	const answer_t *a = answer_for(r, PROM_STEP(qi, PROM_K_VALUE));
	size_t n = series_count(a);
	const cJSON *it = NULL;
	for (size_t i = 0; i < n; i++) {
		series_t s = series_next(a, &it);
		prom_emit_series(&r->emit, q, &j, s.metric, s.sample, i);
	}
	for (int k = 0; k < PROM_J_COUNT; k++)
		prom_map_free(j.map[k]);
	prom_map_free(j.history);
}

static int parse(const void *opts, const adapter_body_t *bodies, size_t n, int64_t now_ms,
                 const feed_sink_t *sink, feed_stats_t *stats, char **cause)
{
	memset(stats, 0, sizeof *stats);
	const prom_opts_t *o = opts;
	if (!o) {
		*cause = xstrdup(_("the prometheus adapter has no options"));
		return -1;
	}
	run_t r = {.o = o, .bodies = bodies, .n = n, .stats = stats};
	r.answers = xcalloc(n ? n : 1, sizeof *r.answers);
	size_t limit = sink ? sink->max_tree_bytes : 0;
	/* Every answer's tree at once, in this thread's arena (json_arena.h). */
	json_arena_begin(limit);
	char *why = read_answers(&r, limit);
	if (why) {
		json_arena_end();
		free(r.answers);
		memset(stats, 0, sizeof *stats);
		*cause = why;
		return -1;
	}
	r.emit.c = (pctx_t){.default_ts = now_ms, .now_ms = now_ms, .sink = sink, .stats = stats,
	                    .what = N_("series")};
	r.emit.seen = prom_map_new(64);
	if (sink && sink->header)
		sink->header(sink->ctx, stats);
	stats->had_readings = true;
	for (size_t q = 0; q < o->count; q++)
		emit_query(&r, q);
	if (r.emit.infinities && !stats->warning[0])
		snprintf(stats->warning, sizeof stats->warning,
		         P_("%u value was infinite (shown as no value, quality bad)",
		            "%u values were infinite (shown as no value, quality bad)",
		            r.emit.infinities),
		         r.emit.infinities);
	prom_emit_done(&r.emit);
	json_arena_end();
	free(r.answers);
	return 0;
}

const adapter_t adapter_prometheus = {
    .name = "prometheus",
    .parse = parse,
    .options_key = "prometheus",
    .options_required = true,
    .options_parse = prom_options_parse,
    .options_free = prom_options_free,
    .next_request = prom_next_request,
    .error_reason = prom_error_reason,
};

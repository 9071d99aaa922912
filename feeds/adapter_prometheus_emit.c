/* adapter_prometheus_emit: one reading from one series of a value query:
 * its id, fields from labels or fixed values, its value and time, the limits
 * and range joined from the other answers, and its history from the
 * query_range answer. The rules are in adapter_prometheus.c's header. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapter_prometheus.h"
#include "i18n.h"
#include "xalloc.h"

#define DERIVED_HASH_AT (ID_MAX - 9) /* room for "-" and 8 hex digits */

static void buf_set(char **buf, size_t *cap, size_t len)
{
	if (len + 1 > *cap) {
		*cap = len + 1 > 256 ? len + 1 : 256;
		*buf = xreallocarray(*buf, *cap, 1);
	}
}

static bool id_char(unsigned char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
	       (ch && strchr("._:/-", ch));
}

static uint32_t fnv32(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* prefix + name + key (adapter_prometheus.c: "derived"), made a valid id. */
static const char *derived_id(prom_emit_t *e, const char *prefix, const cJSON *metric,
                              const char *key)
{
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(metric, "__name__");
	const char *nm = cJSON_IsString(name) && name->valuestring ? name->valuestring : "";
	if (!nm[0] && !key[0])
		nm = "value";
	size_t len = strlen(prefix) + strlen(nm) + strlen(key);
	buf_set(&e->id, &e->id_cap, len + 16);
	snprintf(e->id, e->id_cap, "%s%s%s", prefix, nm, key);
	bool changed = len > ID_MAX;
	for (size_t i = 0; i < len; i++) {
		if (!id_char((unsigned char)e->id[i])) {
			e->id[i] = '_';
			changed = true;
		}
	}
	if (changed) {
		/* The hash of the whole as it came, so two series that differ only
		 * where characters were replaced or cut still differ. */
		char *whole = xasprintf("%s%s%s", prefix, nm, key);
		size_t at = len < DERIVED_HASH_AT ? len : DERIVED_HASH_AT;
		snprintf(e->id + at, e->id_cap - at, "-%08x", (unsigned)fnv32(whole));
		free(whole);
	}
	return e->id;
}

static const char *series_id(prom_emit_t *e, const prom_query_t *q, const cJSON *metric,
                             const char *key)
{
	const char *prefix = q->id_prefix ? q->id_prefix : "";
	if (!q->fixed[PROM_F_ID] && !q->label[PROM_F_ID])
		return derived_id(e, prefix, metric, key);
	const char *own = q->fixed[PROM_F_ID] ? q->fixed[PROM_F_ID] : key;
	size_t len = strlen(prefix) + strlen(own);
	if (len > ID_MAX)
		return NULL;
	buf_set(&e->id, &e->id_cap, len);
	snprintf(e->id, e->id_cap, "%s%s", prefix, own);
	return proto_id_valid(e->id) ? e->id : NULL;
}

/* A field from its label, else its fixed value: a scratch offset or NONE. */
static size_t field(prom_emit_t *e, const prom_query_t *q, const cJSON *metric, prom_field_t f)
{
	if (q->label[f] && metric) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(metric, q->label[f]);
		if (cJSON_IsString(v) && v->valuestring && v->valuestring[0])
			return proto_scratch_str(&e->c, v->valuestring);
	}
	return q->fixed[f] ? proto_scratch_str(&e->c, q->fixed[f]) : NONE;
}

/* A joined bound: the fixed number, or the finite value of the sample
 * joined by key. */
static bool bound(const prom_query_t *q, const prom_joins_t *j, prom_join_t k, const char *key,
                  double *out)
{
	const prom_bound_t *b = &q->join[k];
	if (!b->given)
		return false;
	if (!b->query) {
		*out = b->number;
		return true;
	}
	const cJSON *sample = j->all[k] ? j->all[k] : prom_map_get(j->map[k], key);
	if (!cJSON_IsArray(sample) || cJSON_GetArraySize(sample) != 2)
		return false;
	return prom_sample_value(sample->child->next, out) == 1;
}

static void joins(prom_emit_t *e, const prom_query_t *q, const prom_joins_t *j, const char *key,
                  reading_in_t *in)
{
	double v[4] = {0};
	unsigned mask = 0;
	for (unsigned k = PROM_J_LOLO; k <= PROM_J_HIHI; k++)
		if (bound(q, j, (prom_join_t)k, key, &v[k]))
			mask |= 1u << k;
	proto_set_limits(&e->c, v, mask, &in->limits, &in->limits_invalid);
	double lo, hi;
	if (bound(q, j, PROM_J_MIN, key, &lo) && bound(q, j, PROM_J_MAX, key, &hi) && lo < hi) {
		in->has_range = true;
		in->range_min = lo;
		in->range_max = hi;
	}
}

/* The history of the series with this key, oldest first, up to what the
 * store keeps; a sample that is not a finite value is a gap (NAN). */
static void backfill(prom_emit_t *e, const prom_joins_t *j, const char *key, reading_in_t *in)
{
	const cJSON *values = prom_map_get(j->history, key);
	int n = cJSON_IsArray(values) ? cJSON_GetArraySize(values) : 0;
	if (n <= 0)
		return;
	size_t keep = (size_t)n < STORE_HISTORY_SECONDS + 1 ? (size_t)n : STORE_HISTORY_SECONDS + 1;
	if (keep > e->hist_cap) {
		e->hist = xreallocarray(e->hist, keep, sizeof *e->hist);
		e->hist_cap = keep;
	}
	size_t skip = (size_t)n - keep, got = 0, i = 0;
	const cJSON *s;
	cJSON_ArrayForEach(s, values)
	{
		if (i++ < skip || !cJSON_IsArray(s) || cJSON_GetArraySize(s) != 2)
			continue;
		int64_t ts;
		double v;
		if (!prom_sample_time(s->child, &ts))
			continue;
		if (prom_sample_value(s->child->next, &v) != 1)
			v = NAN;
		if (got && ts <= e->hist[got - 1].ts_ms)
			continue; /* oldest first, each time once */
		e->hist[got++] = (history_sample_t){ts, v};
	}
	in->backfill = got ? e->hist : NULL;
	in->backfill_len = got;
}

void prom_emit_series(prom_emit_t *e, const prom_query_t *q, const prom_joins_t *j,
                      const cJSON *metric, const cJSON *sample, size_t index)
{
	pctx_t *c = &e->c;
	c->len = 0;
	c->bad = false;
	c->id = NULL;
	c->index = index;
	const char *key = prom_series_key(q, metric, &e->key, &e->key_cap);
	const char *id = key ? series_id(e, q, metric, key) : NULL;
	if (!id) {
		proto_elem_fail(c,
		                key ? N_("has an id label value that is not a valid id (1-128 of "
		                         "A-Z a-z 0-9 . _ : / -)")
		                    : N_("has no label for its id"),
		                q->label[PROM_F_ID]);
	} else if (!prom_map_put(e->seen, id, NULL)) {
		c->id = id;
		proto_elem_fail(c, N_("has the id of an earlier series"), NULL);
	}
	if (c->bad) {
		c->stats->skipped++;
		return;
	}
	c->id = id;
	reading_in_t in = {.id = id, .quality = QUALITY_GOOD, .has_ts = true, .dated = true};
	const cJSON *t, *v;
	int kind = -1;
	if (!cJSON_IsArray(sample) || cJSON_GetArraySize(sample) != 2 ||
	    !prom_sample_time(t = sample->child, &in.ts_ms))
		proto_elem_fail(c, N_("has no sample [time, \"value\"]"), NULL);
	else if ((kind = prom_sample_value(v = sample->child->next, &in.value)) < 0)
		proto_elem_fail(c, N_("is not a number (NaN, +Inf or -Inf)"), "value");
	(void)t, (void)v;
	if (c->bad) {
		c->stats->skipped++;
		return;
	}
	in.has_value = kind == 1;
	if (kind == 2) {
		in.quality = QUALITY_BAD;
		e->infinities++;
	}
	in.lag_ms = c->now_ms - in.ts_ms;
	size_t off[PROM_F_COUNT];
	for (int f = PROM_F_NAME; f < PROM_F_COUNT; f++)
		off[f] = field(e, q, metric, (prom_field_t)f);
	joins(e, q, j, key, &in);
	backfill(e, j, key, &in);
	proto_emit_reading(c, &in, off[PROM_F_NAME], off[PROM_F_DOMAIN], off[PROM_F_UNIT],
	                   off[PROM_F_DISTRICT], off[PROM_F_STREET]);
}

void prom_emit_done(prom_emit_t *e)
{
	free(e->c.buf);
	free(e->key);
	free(e->id);
	free(e->hist);
	prom_map_free(e->seen);
}

/* adapter_prometheus_series: what the prometheus adapter reads of one
 * series: its sample values and times as the HTTP API writes them, the key
 * that joins it to a reading, and the map of keys for one attempt. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "adapter_prometheus.h"
#include "xalloc.h"

int prom_sample_value(const cJSON *v, double *out)
{
	if (!cJSON_IsString(v) || !v->valuestring)
		return -1;
	const char *s = v->valuestring;
	/* Go's strconv.FormatFloat, as Prometheus writes values. */
	if (strcmp(s, "NaN") == 0)
		return 0;
	if (strcmp(s, "+Inf") == 0 || strcmp(s, "-Inf") == 0 || strcmp(s, "Inf") == 0)
		return 2;
	/* Digits, sign, point and exponent only: strtod would also take "nan",
	 * "infinity", hexadecimal and leading blanks. */
	if (!s[0] || strspn(s, "0123456789+-.eE") != strlen(s))
		return -1;
	char *end;
	double d = strtod(s, &end);
	if (*end || end == s)
		return -1;
	if (!isfinite(d))
		return 2; /* 1e999: out of range for a double */
	*out = d;
	return 1;
}

bool prom_sample_time(const cJSON *t, int64_t *ms)
{
	/* Unix seconds with a fraction; from 1970 to the year 5138. */
	if (!cJSON_IsNumber(t) || !isfinite(t->valuedouble) || t->valuedouble < 0 ||
	    t->valuedouble > 1e11)
		return false;
	*ms = llround(t->valuedouble * 1000.0);
	return true;
}

static void put(char **buf, size_t *cap, size_t *len, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t ncap = *cap ? *cap : 128;
		while (ncap < *len + n + 1)
			ncap *= 2;
		*buf = xreallocarray(*buf, ncap, 1);
		*cap = ncap;
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
}

static int by_name(const void *a, const void *b)
{
	const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
	return strcmp(x->string, y->string);
}

/* The labels but __name__, sorted by name: "/name:value/name:value". */
static const char *labels_key(const cJSON *metric, char **buf, size_t *cap)
{
	size_t n = 0, len = 0;
	const cJSON *l;
	cJSON_ArrayForEach(l, metric)
	    n++;
	const cJSON **sorted = xcalloc(n ? n : 1, sizeof *sorted);
	n = 0;
	cJSON_ArrayForEach(l, metric)
	{
		if (!l->string || !cJSON_IsString(l) || !l->valuestring)
			continue;
		if (strcmp(l->string, "__name__") != 0)
			sorted[n++] = l;
	}
	qsort(sorted, n, sizeof *sorted, by_name);
	put(buf, cap, &len, "", 0);
	for (size_t i = 0; i < n; i++) {
		put(buf, cap, &len, "/", 1);
		put(buf, cap, &len, sorted[i]->string, strlen(sorted[i]->string));
		put(buf, cap, &len, ":", 1);
		put(buf, cap, &len, sorted[i]->valuestring, strlen(sorted[i]->valuestring));
	}
	free(sorted);
	return *buf;
}

const char *prom_series_key(const prom_query_t *q, const cJSON *metric, char **buf, size_t *cap)
{
	if (q->fixed[PROM_F_ID])
		return ""; /* one reading: every series joins it */
	if (metric && !cJSON_IsObject(metric))
		return NULL;
	if (!q->label[PROM_F_ID]) {
		if (!metric) { /* a scalar or string: no labels at all */
			size_t len = 0;
			put(buf, cap, &len, "", 0);
			return *buf;
		}
		return labels_key(metric, buf, cap);
	}
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(metric, q->label[PROM_F_ID]);
	return cJSON_IsString(v) && v->valuestring && v->valuestring[0] ? v->valuestring : NULL;
}

/* ---- the map: open addressing, FNV-1a, keys copied into one block each ---- */

typedef struct slot {
	char *key; /* NULL: empty */
	const cJSON *item;
} slot_t;

struct prom_map {
	slot_t *slots;
	size_t cap, used; /* cap a power of two, at most half full */
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

prom_map_t *prom_map_new(size_t expect)
{
	prom_map_t *m = xcalloc(1, sizeof *m);
	m->cap = 16;
	while (m->cap < expect * 2)
		m->cap *= 2;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	return m;
}

static slot_t *find(const prom_map_t *m, const char *key)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);
	while (m->slots[i].key && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

static void grow(prom_map_t *m)
{
	prom_map_t bigger = {xcalloc(m->cap * 2, sizeof(slot_t)), m->cap * 2, m->used};
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key)
			*find(&bigger, m->slots[i].key) = m->slots[i];
	free(m->slots);
	*m = bigger;
}

bool prom_map_put(prom_map_t *m, const char *key, const cJSON *item)
{
	if ((m->used + 1) * 2 > m->cap)
		grow(m);
	slot_t *s = find(m, key);
	if (s->key)
		return false;
	s->key = xstrdup(key);
	s->item = item;
	m->used++;
	return true;
}

const cJSON *prom_map_get(const prom_map_t *m, const char *key)
{
	if (!m)
		return NULL;
	const slot_t *s = find(m, key);
	return s->key ? s->item : NULL;
}

void prom_map_free(prom_map_t *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	free(m);
}

#include "view.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void view_init(view_t *v)
{
	memset(v, 0, sizeof *v);
}

void view_free(view_t *v)
{
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		free(v->domains[d].worst);
		free(v->domains[d].by_place);
	}
	free(v->classes);
	free(v->keys);
	memset(v, 0, sizeof *v);
}

int view_domain_count(const view_t *v)
{
	return DOMAIN_KNOWN_COUNT + ((v->domains_present >> DOMAIN_OTHER) & 1u);
}

reading_class_t view_class(const view_t *v, size_t reading)
{
	return reading < v->reading_count ? v->classes[reading] : RC_NORMAL;
}

double view_limit_pressure(const reading_t *r)
{
	if (!r->has_value)
		return 0;
	const limits_t *l = &r->limits;
	double hi = (l->mask & LIMIT_HI) ? l->hi : (l->mask & LIMIT_HIHI) ? l->hihi : r->range_max;
	double lo = (l->mask & LIMIT_LO) ? l->lo : (l->mask & LIMIT_LOLO) ? l->lolo : r->range_min;
	if (hi <= lo)
		return 0;
	double mid = (hi + lo) / 2, half = (hi - lo) / 2;
	return fabs(r->value - mid) / half;
}

static reading_class_t classify(const store_t *st, const alarm_engine_t *alarms, size_t i,
                                const reading_t *r, int64_t now_ms)
{
	if (store_reading_stale(st, r, now_ms))
		return RC_STALE;
	if (r->quality == QUALITY_BAD)
		return RC_BAD;
	if (!r->has_value)
		return RC_NOVALUE;
	alarm_level_t level = alarm_engine_state(alarms, i).level;
	if (alarm_level_is_critical(level))
		return RC_ALARM;
	return level != ALARM_NONE ? RC_WARNING : RC_NORMAL;
}

/* Rank of a class in the overview: what needs eyes first. */
static int class_rank(reading_class_t c)
{
	static const int rank[RC_COUNT] = {
	    [RC_ALARM] = 0, [RC_WARNING] = 1, [RC_BAD] = 2,
	    [RC_STALE] = 3, [RC_NOVALUE] = 4, [RC_NORMAL] = 5,
	};
	return rank[c];
}

/* Sort keys are computed once per reading, so comparisons are cheap and
 * qsort needs no context. */
typedef struct worst_key {
	int rank;
	double pressure;
	size_t reading;
} worst_key_t;

static int compare_worst(const void *a, const void *b)
{
	const worst_key_t *ka = a, *kb = b;
	if (ka->rank != kb->rank)
		return ka->rank - kb->rank;
	if (ka->pressure != kb->pressure)
		return ka->pressure > kb->pressure ? -1 : 1;
	return ka->reading < kb->reading ? -1 : ka->reading > kb->reading;
}

typedef struct place_key {
	const char *district, *street, *id;
	size_t reading;
} place_key_t;

static int compare_place(const void *a, const void *b)
{
	const place_key_t *ka = a, *kb = b;
	int c = strcmp(ka->district, kb->district);
	if (!c)
		c = strcmp(ka->street, kb->street);
	if (!c)
		c = strcmp(ka->id, kb->id);
	return c ? c : (ka->reading < kb->reading ? -1 : ka->reading > kb->reading);
}

static void grow(domain_view_t *dv, size_t need)
{
	if (need <= dv->cap)
		return;
	dv->cap = dv->cap * 2 > need ? dv->cap * 2 : need + 64;
	dv->worst = xreallocarray(dv->worst, dv->cap, sizeof *dv->worst);
	dv->by_place = xreallocarray(dv->by_place, dv->cap, sizeof *dv->by_place);
}

/* Rebuilt at every update: a feed may move a reading to another domain,
 * district or street at any poll, and a few thousand comparisons are cheap. */
static void sort_by_place(view_t *v, const store_t *st)
{
	size_t n = store_reading_count(st);
	place_key_t *keys = xreallocarray(NULL, n ? n : 1, sizeof *keys);
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		domain_view_t *dv = &v->domains[d];
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			const reading_t *r = store_reading(st, i);
			if (r && r->domain == (domain_t)d)
				keys[k++] = (place_key_t){r->district, r->street, r->id, i};
		}
		if (k > 1)
			qsort(keys, k, sizeof *keys, compare_place);
		for (size_t i = 0; i < k; i++)
			dv->by_place[i] = keys[i].reading;
	}
	free(keys);
}

void view_update(view_t *v, const store_t *st, const alarm_engine_t *alarms, int64_t now_ms)
{
	size_t n = store_reading_count(st);
	if (n > v->class_cap) {
		v->classes = xreallocarray(v->classes, n, sizeof *v->classes);
		v->keys = xreallocarray(v->keys, n, sizeof *v->keys);
		v->class_cap = n;
	}
	v->reading_count = n;
	v->domains_present = 0;
	unsigned total[DOMAIN_COUNT] = {0};
	for (int d = 0; d < DOMAIN_COUNT; d++)
		memset(v->domains[d].counts, 0, sizeof v->domains[d].counts);
	for (size_t i = 0; i < n; i++) {
		const reading_t *r = store_reading(st, i);
		if (!r) {
			v->classes[i] = RC_NORMAL; /* a free slot: counted nowhere */
			continue;
		}
		reading_class_t c = classify(st, alarms, i, r, now_ms);
		v->classes[i] = c;
		v->domains[r->domain].counts[c]++;
		total[r->domain]++;
		v->domains_present |= 1u << r->domain;
	}
	/* Worst first: the keys of each domain, then sorted. */
	worst_key_t *keys = v->keys;
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		domain_view_t *dv = &v->domains[d];
		grow(dv, total[d]);
		dv->total = total[d];
		size_t k = 0;
		for (size_t i = 0; i < n && k < total[d]; i++) {
			const reading_t *r = store_reading(st, i);
			if (r && r->domain == (domain_t)d)
				keys[k++] = (worst_key_t){class_rank(v->classes[i]),
				                          view_limit_pressure(r), i};
		}
		if (k > 1)
			qsort(keys, k, sizeof *keys, compare_worst);
		for (size_t i = 0; i < k; i++)
			dv->worst[i] = keys[i].reading;
	}
	sort_by_place(v, st);
}

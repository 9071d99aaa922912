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
	memset(v, 0, sizeof *v);
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

/* Sorting needs the store and the view; qsort takes no context. */
static struct {
	const store_t *st;
	const view_t *v;
} sort_ctx;

/* Rank of a class in the overview: what needs eyes first. */
static int class_rank(reading_class_t c)
{
	static const int rank[RC_COUNT] = {
		[RC_ALARM] = 0, [RC_WARNING] = 1, [RC_BAD] = 2,
		[RC_STALE] = 3, [RC_NOVALUE] = 4, [RC_NORMAL] = 5,
	};
	return rank[c];
}

static int compare_worst(const void *a, const void *b)
{
	size_t ia = *(const size_t *)a, ib = *(const size_t *)b;
	int ra = class_rank(sort_ctx.v->classes[ia]), rb = class_rank(sort_ctx.v->classes[ib]);
	if (ra != rb)
		return ra - rb;
	double pa = view_limit_pressure(store_reading(sort_ctx.st, ia));
	double pb = view_limit_pressure(store_reading(sort_ctx.st, ib));
	if (pa != pb)
		return pa > pb ? -1 : 1;
	return ia < ib ? -1 : ia > ib;
}

static int compare_place(const void *a, const void *b)
{
	size_t ia = *(const size_t *)a, ib = *(const size_t *)b;
	const reading_t *ra = store_reading(sort_ctx.st, ia), *rb = store_reading(sort_ctx.st, ib);
	int c = strcmp(ra->district, rb->district);
	if (!c)
		c = strcmp(ra->street, rb->street);
	if (!c)
		c = strcmp(ra->id, rb->id);
	return c ? c : (ia < ib ? -1 : ia > ib);
}

void view_update(view_t *v, const store_t *st, const alarm_engine_t *alarms, int64_t now_ms)
{
	size_t n = store_reading_count(st);
	if (n > v->class_cap) {
		v->classes = xreallocarray(v->classes, n, sizeof *v->classes);
		v->class_cap = n;
	}
	v->reading_count = n;
	v->domains_present = 0;
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		memset(v->domains[d].counts, 0, sizeof v->domains[d].counts);
		v->domains[d].total = 0;
	}
	for (size_t i = 0; i < n; i++) {
		const reading_t *r = store_reading(st, i);
		domain_view_t *dv = &v->domains[r->domain];
		v->classes[i] = classify(st, alarms, i, r, now_ms);
		dv->counts[v->classes[i]]++;
		if (dv->total == dv->cap) {
			dv->cap = dv->cap ? 2 * dv->cap : 64;
			dv->worst = xreallocarray(dv->worst, dv->cap, sizeof *dv->worst);
			dv->by_place = xreallocarray(dv->by_place, dv->cap, sizeof *dv->by_place);
		}
		dv->worst[dv->total] = i;
		dv->by_place[dv->total] = i;
		dv->total++;
		v->domains_present |= 1u << r->domain;
	}
	sort_ctx.st = st;
	sort_ctx.v = v;
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		domain_view_t *dv = &v->domains[d];
		if (dv->total < 2)
			continue;
		qsort(dv->worst, dv->total, sizeof *dv->worst, compare_worst);
		qsort(dv->by_place, dv->total, sizeof *dv->by_place, compare_place);
	}
	sort_ctx.st = NULL;
	sort_ctx.v = NULL;
}

#include "tier_readings.h"

#include <stdlib.h>

#include "xalloc.h"

typedef struct ranked {
	int rank;        /* view_worst: 0 (alarm) .. VS_COUNT (ok) */
	double pressure; /* view_limit_pressure: nearer a limit first */
	size_t index;
} ranked_t;

static int compare_ranked(const void *a, const void *b)
{
	const ranked_t *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->pressure != y->pressure)
		return x->pressure > y->pressure ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

size_t tier_readings(const view_t *v, const store_t *st, size_t **out)
{
	size_t total = 0;
	for (int d = 0; d < DOMAIN_COUNT; d++)
		total += v->domains[d].total;
	*out = NULL;
	if (total == 0)
		return 0;
	ranked_t *r = xcalloc(total, sizeof *r);
	size_t n = 0;
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		const domain_view_t *dv = &v->domains[d];
		for (unsigned i = 0; i < dv->total && n < total; i++) {
			const reading_t *rd = store_reading(st, dv->worst[i]);
			if (rd == NULL)
				continue;
			double p = view_limit_pressure(rd);
			r[n++] = (ranked_t){(int)view_worst(view_states(v, dv->worst[i])),
			                    p == p ? p : -1.0, dv->worst[i]};
		}
	}
	qsort(r, n, sizeof *r, compare_ranked);
	size_t *list = xcalloc(n ? n : 1, sizeof *list);
	for (size_t i = 0; i < n; i++)
		list[i] = r[i].index;
	free(r);
	*out = list;
	return n;
}

/* A reading's per-second history in the store: recorded at each put, read
 * by the pages (store.h reading_history, reading_history_seconds), and
 * filled from a reading's backfill samples when it has none yet. The ring
 * itself, its encoding, its scale (which follows the reading's range) and
 * precision: history_ring.h. */
#include "store_private.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include "xalloc.h"

static_assert(STORE_HISTORY_SECONDS == HISTORY_RING_SECONDS,
              "store.h promises what the ring holds");

static history_scale_t scale_of(const reading_t *r)
{
	return (history_scale_t){r->range_min, r->range_max};
}

bool store_history_will_record(const reading_in_t *in)
{
	return (in->has_value && isfinite(in->value)) || (in->backfill && in->backfill_len);
}

/* A backfill sample placed on our clock. */
typedef struct placed {
	int64_t s;    /* its second */
	double value; /* NAN: a gap */
	size_t order; /* in the input: among samples of one second, the last wins */
} placed_t;

static int placed_cmp(const void *a, const void *b)
{
	const placed_t *x = a, *y = b;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The sample's time on our clock as the reading's own: the put's time
 * minus how much older than the reading's ts it is, never later than the
 * put. False if it falls outside the ring (or too far to compute). */
static bool place(const history_sample_t *h, int64_t ts, int64_t now_ms, int64_t *s)
{
	int64_t back = 0;
	if (h->ts_ms < ts) {
		if (h->ts_ms < 0 && ts > INT64_MAX + h->ts_ms)
			return false; /* ts - ts_ms would overflow: far outside anyway */
		back = ts - h->ts_ms;
	}
	if (back > ((int64_t)HISTORY_RING_SECONDS + 1) * 1000)
		return false;
	*s = history_second(now_ms - back);
	return *s > history_second(now_ms) - HISTORY_RING_SECONDS;
}

void store_history_backfill(reading_t *r, const reading_in_t *in, int64_t now_ms)
{
	if (r->history.block || !in->backfill || !in->backfill_len)
		return; /* it has history: that is the truth from now on */
	int64_t ts = in->has_ts ? in->ts_ms : now_ms;
	placed_t *p = xreallocarray(NULL, in->backfill_len, sizeof *p);
	size_t n = 0;
	bool sorted = true;
	/* The scale covers the samples and the reading's range, so the values
	 * of the past are not clamped by today's range (unless they span more
	 * than HISTORY_RING_SCALE_SLACK of its ranges: then the ring re-chooses
	 * the range alone at the next put, history_ring.h). */
	history_scale_t sc = scale_of(r);
	for (size_t i = 0; i < in->backfill_len; i++) {
		int64_t s;
		if (!place(&in->backfill[i], ts, now_ms, &s))
			continue;
		double v = in->backfill[i].value;
		if (isfinite(v)) {
			sc.min = fmin(sc.min, v);
			sc.max = fmax(sc.max, v);
		} else {
			v = NAN;
		}
		sorted &= n == 0 || p[n - 1].s <= s;
		p[n] = (placed_t){s, v, i};
		n++;
	}
	if (!sorted) /* out of order: oldest first all the same (the ring never runs back) */
		qsort(p, n, sizeof *p, placed_cmp);
	for (size_t i = 0; i < n; i++)
		history_ring_put(&r->history, p[i].s, p[i].value, sc);
	free(p);
}

void store_history_record(reading_t *r, int64_t now_ms)
{
	if (!r->history.block && !r->has_value)
		return; /* no ring before its first value: reads as NAN all the same */
	history_ring_put(&r->history, history_second(now_ms), r->has_value ? r->value : NAN,
	                 scale_of(r));
}

size_t reading_history(const reading_t *r, float *out, size_t max)
{
	size_t n = r->history.len < max ? r->history.len : max;
	return history_ring_read(&r->history, r->history.last_s, out, NULL, n);
}

bool reading_history_extremes(const reading_t *r, size_t max, float *lo, float *hi)
{
	return history_ring_extremes(&r->history, max, lo, hi);
}

size_t reading_history_seconds(const reading_t *r, int64_t now_ms, float *out, size_t n)
{
	return history_ring_read(&r->history, history_second(now_ms), out, NULL, n);
}

/* A reading's per-second history in the store: recorded at each put, read
 * by the pages (store.h reading_history, reading_history_seconds). The ring
 * itself, its encoding, its scale (which follows the reading's range) and
 * precision: history_ring.h. */
#include "store_private.h"

#include <assert.h>
#include <math.h>

static_assert(STORE_HISTORY_SECONDS == HISTORY_RING_SECONDS,
              "store.h promises what the ring holds");

static history_scale_t scale_of(const reading_t *r)
{
	return (history_scale_t){r->range_min, r->range_max};
}

bool store_history_will_record(const reading_in_t *in)
{
	return (in->has_value && isfinite(in->value)) || in->backfill_len > 0;
}

void store_history_backfill(reading_t *r, const reading_in_t *in, int64_t now_ms)
{
	if (r->history.block || !in->backfill_len)
		return; /* only a reading without history yet */
	/* Producer times onto ours as the reading's ts is: the current value is
	 * recorded at now_ms, an earlier sample as far before it as the
	 * producer says. Only seconds before now's: now's is the value's. */
	int64_t ts = in->has_ts ? in->ts_ms : now_ms, now_s = history_second(now_ms);
	for (size_t i = 0; i < in->backfill_len; i++) {
		const history_sample_t *h = &in->backfill[i];
		if (h->ts_ms > ts || ts - h->ts_ms > (int64_t)STORE_HISTORY_SECONDS * 1000)
			continue;
		int64_t s = history_second(now_ms - (ts - h->ts_ms));
		if (s >= now_s)
			continue;
		history_ring_put(&r->history, s, isfinite(h->value) ? h->value : NAN, scale_of(r));
	}
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

size_t reading_history_seconds(const reading_t *r, int64_t now_ms, float *out, size_t n)
{
	return history_ring_read(&r->history, history_second(now_ms), out, NULL, n);
}

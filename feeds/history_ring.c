/* history_ring: a reading's per-second values in 2 bytes each (see the
 * header for the encoding, its precision and the carrying forward). */
#include "history_ring.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "xalloc.h"

#define CODE_MAX 32766 /* in-window codes are -CODE_MAX..CODE_MAX */

/* Centre and half-width of the window [min - span, max + span], computed
 * without overflow at any magnitude (halves first); an absurdly wide scale
 * saturates at DBL_MAX rather than becoming inf (0 * inf would be NAN),
 * and one of subnormals never has a zero width. */
static void window(history_scale_t sc, double *centre, double *half)
{
	*centre = sc.min / 2 + sc.max / 2;
	double w = (sc.max / 2 - sc.min / 2) * 3;
	*half = !isfinite(w) ? DBL_MAX : w > 0 ? w : DBL_TRUE_MIN; /* halves of subnormals */
}

int16_t history_encode(double v, history_scale_t sc)
{
	if (isnan(v))
		return HISTORY_CODE_NONE;
	double c, hw;
	window(sc, &c, &hw);
	double q = (v - c) / hw; /* -1..1 inside the window; may be +-inf */
	if (!(q <= 1))
		return q > 1 ? HISTORY_CODE_EDGE : HISTORY_CODE_NONE;
	if (q < -1)
		return -HISTORY_CODE_EDGE;
	double x = q * CODE_MAX; /* -CODE_MAX..CODE_MAX: rounded half away from 0 */
	return (int16_t)(x < 0 ? x - 0.5 : x + 0.5);
}

double history_decode(int16_t code, history_scale_t sc)
{
	if (code == HISTORY_CODE_NONE)
		return NAN;
	double c, hw;
	window(sc, &c, &hw);
	if (code == HISTORY_CODE_EDGE)
		return c + hw;
	if (code == -HISTORY_CODE_EDGE)
		return c - hw;
	return c + hw * ((double)code / CODE_MAX);
}

int64_t history_second(int64_t ms)
{
	int64_t s = ms / 1000;
	return ms % 1000 < 0 ? s - 1 : s;
}

static size_t slot_of(int64_t s)
{
	int64_t m = s % HISTORY_RING_SECONDS;
	return (size_t)(m < 0 ? m + HISTORY_RING_SECONDS : m);
}

static double span_of(history_scale_t sc)
{
	return sc.max - sc.min; /* may be inf: comparisons still hold */
}

/* The scale to keep for a reading whose range is now `range` (the header's
 * rule); the old one while the range stays within its bounds. */
static history_scale_t scale_follow(history_scale_t old, history_scale_t range)
{
	double span = span_of(old), want = span_of(range);
	/* Every value the range's own window holds stays on the scale. */
	bool inside = range.min - want >= old.min - span && range.max + want <= old.max + span;
	if (inside && want * HISTORY_RING_SCALE_SLACK >= span)
		return old;
	history_scale_t both = {fmin(old.min, range.min), fmax(old.max, range.max)};
	return span_of(both) <= want * HISTORY_RING_SCALE_SLACK ? both : range;
}

void history_ring_put(history_ring_t *h, int64_t s, double v, history_scale_t range)
{
	if (!h->block) {
		h->block = xmalloc(sizeof *h->block);
		h->block->scale = range;
		h->last_s = s;
		h->len = 1;
		h->block->slots[slot_of(s)] = history_encode(v, range);
		return;
	}
	history_ring_rescale(h, scale_follow(h->block->scale, range));
	int16_t *slots = h->block->slots;
	int16_t code = history_encode(v, h->block->scale);
	if (s <= h->last_s) { /* the same second (or an earlier one): the last wins */
		slots[slot_of(h->last_s)] = code;
		return;
	}
	/* The seconds since the last write held its value; only the newest
	 * HISTORY_RING_SECONDS - 1 of them can still be read. */
	int64_t gap = s - h->last_s;
	int64_t fill = gap - 1 < HISTORY_RING_SECONDS - 1 ? gap - 1 : HISTORY_RING_SECONDS - 1;
	int16_t carried = slots[slot_of(h->last_s)];
	for (int64_t t = s - fill; t < s; t++)
		slots[slot_of(t)] = carried;
	slots[slot_of(s)] = code;
	int64_t len = h->len + gap;
	h->len = (uint16_t)(len < HISTORY_RING_SECONDS ? len : HISTORY_RING_SECONDS);
	h->last_s = s;
}

void history_ring_rescale(history_ring_t *h, history_scale_t to)
{
	if (!h->block)
		return;
	history_scale_t from = h->block->scale;
	if (from.min == to.min && from.max == to.max)
		return;
	for (int64_t t = h->last_s - h->len + 1; t <= h->last_s; t++) {
		int16_t *code = &h->block->slots[slot_of(t)];
		*code = history_encode(history_decode(*code, from), to);
	}
	h->block->scale = to;
}

/* float conversion of an out-of-range double is undefined: clamp first. */
static float to_float(double v)
{
	if (isnan(v))
		return NAN;
	if (v > FLT_MAX)
		return FLT_MAX;
	if (v < -FLT_MAX)
		return -FLT_MAX;
	return (float)v;
}

size_t history_ring_read(const history_ring_t *h, int64_t end_s, float *out, bool *off_scale,
                         size_t n)
{
	const history_block_t *b = h->block;
	for (size_t i = 0; i < n; i++) {
		int64_t t = end_s - (int64_t)(n - 1 - i);
		int16_t code = HISTORY_CODE_NONE;
		if (b && t > h->last_s) /* nothing new since: carried forward */
			code = b->slots[slot_of(h->last_s)];
		else if (b && t > h->last_s - h->len)
			code = b->slots[slot_of(t)];
		out[i] = b ? to_float(history_decode(code, b->scale)) : NAN;
		if (off_scale)
			off_scale[i] = history_code_off_scale(code);
	}
	return n;
}

bool history_ring_extremes(const history_ring_t *h, size_t n, float *lo, float *hi)
{
	const history_block_t *b = h->block;
	if (!b)
		return false;
	if (n > h->len)
		n = h->len;
	/* A decoded value never falls as its code rises (the edges included),
	 * nor does the float it is read as: the extremes are the extreme codes'. */
	int16_t least = INT16_MAX, most = INT16_MIN;
	bool any = false;
	size_t at = slot_of(h->last_s - (int64_t)n + 1); /* the oldest of them */
	for (size_t i = 0; i < n; i++, at = at + 1 < HISTORY_RING_SECONDS ? at + 1 : 0) {
		int16_t code = b->slots[at];
		if (code == HISTORY_CODE_NONE)
			continue;
		least = code < least ? code : least;
		most = code > most ? code : most;
		any = true;
	}
	if (any) {
		*lo = to_float(history_decode(least, b->scale));
		*hi = to_float(history_decode(most, b->scale));
	}
	return any;
}

void history_ring_free(history_ring_t *h)
{
	free(h->block);
	*h = (history_ring_t){0};
}

/* history_ring: one reading's value at each whole second, for the last
 * HISTORY_RING_SECONDS seconds, in 2 bytes a second. Owned by the store
 * (feeds/store_history.c): a reading_t holds one; nothing else writes it.
 *
 * Time: a write at second s fills the seconds since the previous write with
 * the value written then (carried forward: report by exception sends only
 * changes), so a reading nobody updates costs nothing; a read carries the
 * newest value forward to the second asked for. Several writes in one
 * second: the last wins. A write dated before the newest is recorded at the
 * newest second (time never runs back in the ring).
 *
 * Encoding, against a scale {min, max} (min < max): codes -32766..32766
 * cover the window [min - span, max + span] (span = max - min) in 65532
 * equal steps, so a value within the window comes back within half a step,
 * 3 * span / 131064 (0.0023% of the scale's span; read out as a float, which
 * adds its own rounding for values far larger than their range). A value
 * beyond the window is kept as +-32767: off-scale, read back at the window's
 * edge and flagged. INT16_MIN is "no value" (NAN).
 *
 * The scale: the writer passes the reading's range with every write; the
 * ring's scale starts as that range and follows it lazily. It is re-chosen
 * (and what the ring holds re-encoded, decoded with the old scale: O(seconds
 * held)) only when the range's window leaves the old scale's window (so a
 * value within the range's window is never clamped) or the range becomes
 * narrower than 1/HISTORY_RING_SCALE_SLACK of the scale; then it becomes the
 * smallest scale covering both, or the range alone if that would be wider
 * than HISTORY_RING_SCALE_SLACK ranges. So the scale is never wider than
 * HISTORY_RING_SCALE_SLACK times the reading's range: an error of at most
 * 0.018% of the range (0.0023% while the range stays put, as a range the
 * feed sends does), and a range derived from the value, which moves with
 * every update, costs a re-encoding only now and then. Each re-encoding may
 * move a value by another half step of the new scale, and an off-scale value
 * whose old edge lies inside the new window comes back at that edge, no
 * longer flagged.
 *
 * Memory: one block (scale and slots, HISTORY_RING_BLOCK_BYTES) allocated
 * at the first write; before it the ring is empty and reads as NAN. */
#ifndef CITYDASH_HISTORY_RING_H
#define CITYDASH_HISTORY_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HISTORY_RING_SECONDS     640
#define HISTORY_RING_SCALE_SLACK 8 /* the scale spans at most 8 ranges */

#define HISTORY_CODE_NONE INT16_MIN /* no value */
#define HISTORY_CODE_EDGE 32767     /* +-: off-scale, beyond the window */

typedef struct history_scale {
	double min, max; /* min < max, both finite */
} history_scale_t;

typedef struct history_block {
	history_scale_t scale;               /* what the codes are relative to */
	int16_t slots[HISTORY_RING_SECONDS]; /* slot = second mod HISTORY_RING_SECONDS */
} history_block_t;

#define HISTORY_RING_BLOCK_BYTES sizeof(history_block_t)

typedef struct history_ring {
	history_block_t *block; /* NULL: empty */
	int64_t last_s;         /* second of the newest write */
	uint16_t len;           /* seconds held, ending with last_s (1..HISTORY_RING_SECONDS) */
} history_ring_t;

/* The code of v (NAN: no value) on scale sc, and the value of a code. */
int16_t history_encode(double v, history_scale_t sc);
double history_decode(int16_t code, history_scale_t sc);
static inline bool history_code_off_scale(int16_t code)
{
	return code == HISTORY_CODE_EDGE || code == -HISTORY_CODE_EDGE;
}

/* Second of a time in milliseconds (floor, also before 1970). */
int64_t history_second(int64_t ms);

/* Records v (NAN: no value) at second s; range is the reading's range now
 * (min < max, finite). Allocates the block at the first write. Work: one
 * slot, plus the seconds since the previous write (at most
 * HISTORY_RING_SECONDS), plus a re-encoding when the scale is re-chosen. */
void history_ring_put(history_ring_t *h, int64_t s, double v, history_scale_t range);
/* Re-encodes what the ring holds on scale `to` (nothing if it is empty). */
void history_ring_rescale(history_ring_t *h, history_scale_t to);

/* The value at each of the n seconds ending with end_s, oldest first, into
 * out[0..n) (NAN before the ring's start and where there was no value);
 * off_scale (may be NULL) gets whether each was beyond the window. Returns n. */
size_t history_ring_read(const history_ring_t *h, int64_t end_s, float *out, bool *off_scale,
                         size_t n);
/* The lowest and highest of the n newest seconds held (up to last_s: at most
 * len of them), exactly as history_ring_read gives them, into *lo and *hi;
 * false when none has a value. Reads codes, decodes two. */
bool history_ring_extremes(const history_ring_t *h, size_t n, float *lo, float *hi);

/* Frees the block; the ring is empty again. */
void history_ring_free(history_ring_t *h);

#endif

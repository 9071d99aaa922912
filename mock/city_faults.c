/* city_faults: instruments that misbehave now and then, deterministically.
 *
 * Time is cut into windows of FAULT_WINDOW ticks per reading; the seed
 * decides for each (reading, window) whether a fault happens in it, which
 * kind, when it starts and how long it lasts. Rates, per window:
 * STUCK_PER_10K, DROPOUT_PER_10K and BAD_PER_10K in ten thousand. A
 * reading that a forced excursion drives (the alarms always showing) has no
 * fault then, so the demo keeps its alarms. Faults run on ticks, not on
 * simulated time: an instrument's hiccup looks the same at any --speed. */
#include "city.h"
#include "city_internal.h"

enum { SALT_FAULT = 301 };

#define FAULT_WINDOW    600
#define STUCK_PER_10K   40 /* lasts 60 to 299 ticks */
#define DROPOUT_PER_10K 20 /* lasts 20 to 119 ticks */
#define BAD_PER_10K     20 /* lasts 30 to 199 ticks */

typedef struct fault_span {
	city_fault_t kind;
	int64_t start, len; /* ticks, start absolute */
} fault_span_t;

static fault_span_t fault_in_window(const city_t *c, size_t i, int64_t w)
{
	uint64_t h = city_hash(c->seed, SALT_FAULT, i, (uint64_t)w);
	unsigned roll = (unsigned)(h % 10000);
	fault_span_t f = {CITY_FAULT_NONE, 0, 0};
	if (roll < STUCK_PER_10K) {
		f.kind = CITY_FAULT_STUCK;
		f.len = 60 + (int64_t)((h >> 16) % 240);
	} else if (roll < STUCK_PER_10K + DROPOUT_PER_10K) {
		f.kind = CITY_FAULT_DROPOUT;
		f.len = 20 + (int64_t)((h >> 16) % 100);
	} else if (roll < STUCK_PER_10K + DROPOUT_PER_10K + BAD_PER_10K) {
		f.kind = CITY_FAULT_BAD;
		f.len = 30 + (int64_t)((h >> 16) % 170);
	} else {
		return f;
	}
	f.start = w * FAULT_WINDOW + (int64_t)((h >> 32) % (uint64_t)(FAULT_WINDOW - f.len));
	return f;
}

static fault_span_t fault_at(const city_t *c, size_t i, int64_t t)
{
	fault_span_t none = {CITY_FAULT_NONE, 0, 0};
	if (i >= c->reading_count)
		return none;
	fault_span_t f = fault_in_window(c, i, city_floordiv(t, FAULT_WINDOW));
	if (f.kind == CITY_FAULT_NONE || t < f.start || t >= f.start + f.len ||
	    city_reading_forced(c, i, t))
		return none;
	return f;
}

city_fault_t city_reading_fault_at(const city_t *c, size_t i, int64_t t)
{
	return fault_at(c, i, t).kind;
}

int64_t city_reading_fault_since(const city_t *c, size_t i, int64_t t)
{
	fault_span_t f = fault_at(c, i, t);
	return f.kind == CITY_FAULT_NONE ? t : f.start;
}

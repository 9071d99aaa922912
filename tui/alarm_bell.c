/* alarm_bell: see alarm_bell.h. */
#include "alarm_bell.h"

bool alarm_bell_due(alarm_bell_t *b, uint64_t arrivals, bool on, int64_t min_ms, int64_t now_ms)
{
	if (!b->started) {
		b->heard = arrivals;
		b->started = true;
		return false;
	}
	if (arrivals <= b->heard)
		return false;
	if (!on) {
		b->heard = arrivals;
		return false;
	}
	if (b->last_ms && now_ms - b->last_ms < min_ms)
		return false; /* rung for when the interval is over */
	b->heard = arrivals;
	b->last_ms = now_ms ? now_ms : 1;
	return true;
}

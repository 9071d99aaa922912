/* alarm_bell: when the terminal bell rings — a new high-priority alarm
 * (alarm_engine_high_arrivals grew), the bell on, at most once per
 * min_ms; arrivals in between are rung for once the interval is over.
 * Pure (time passed in), so it is tested without a terminal; tui.c beeps. */
#ifndef CITYDASH_ALARM_BELL_H
#define CITYDASH_ALARM_BELL_H

#include <stdbool.h>
#include <stdint.h>

typedef struct alarm_bell {
	uint64_t heard;  /* high-priority arrivals already rung for (or let go) */
	int64_t last_ms; /* when it last rang; 0: never */
	bool started;    /* what stood at start is no news */
} alarm_bell_t;

/* Whether to ring now, given the engine's count of high-priority arrivals;
 * notes that it did. With the bell off, arrivals are let go. */
bool alarm_bell_due(alarm_bell_t *b, uint64_t arrivals, bool on, int64_t min_ms, int64_t now_ms);

#endif

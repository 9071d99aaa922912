/* clock: the only place that reads the system clock.
 *
 * Logic never calls these: it takes `now_ms` as a parameter so tests can
 * inject time. Only the event loop and the mock's HTTP layer read the clock. */
#ifndef CITYDASH_CLOCK_H
#define CITYDASH_CLOCK_H

#include <stdint.h>

/* Wall-clock time, milliseconds since the Unix epoch (CLOCK_REALTIME). */
int64_t clock_wall_ms(void);
/* Monotonic time in milliseconds (CLOCK_MONOTONIC), for timers. */
int64_t clock_mono_ms(void);
/* Epoch milliseconds that never jump: the wall clock read once, at the first
 * call, advanced by the monotonic clock since. Data is stamped with this, so
 * an NTP step cannot make old data look fresh or fresh data look stale; the
 * time of day shown to the operator comes from clock_wall_ms(). */
int64_t clock_steady_ms(void);

#endif

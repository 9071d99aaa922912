#include "clock.h"

#include <time.h>

static int64_t read_ms(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t clock_wall_ms(void)
{
	return read_ms(CLOCK_REALTIME);
}

int64_t clock_mono_ms(void)
{
	return read_ms(CLOCK_MONOTONIC);
}

int64_t clock_steady_ms(void)
{
	/* The event loop is the only caller: one thread, no lock needed. */
	static int64_t wall0, mono0;
	static int started;
	if (!started) {
		wall0 = clock_wall_ms();
		mono0 = clock_mono_ms();
		started = 1;
	}
	return wall0 + (clock_mono_ms() - mono0);
}

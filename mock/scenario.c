/* scenario: placeholder until scenarios exist; no scenario has events. */
#include "city_event.h"

size_t city_scenario_events_at(const city_t *c, int64_t tick, city_event_view_t *out, size_t cap)
{
	(void)c;
	(void)tick;
	(void)out;
	(void)cap;
	return 0;
}

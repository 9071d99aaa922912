/* rbe_events: where report by exception gets the city's events from, and
 * the only place that knows: the views of city_events_at() (the city's own
 * incidents and the scenarios'), each written by city_json_put_event() and
 * keyed by its id. */
#include "rbe.h"

#include <stdlib.h>
#include <string.h>

#include "city_event.h"
#include "jbuf.h"
#include "xalloc.h"

size_t rbe_events_collect(const city_t *c, const city_json_time_t *tm, rbe_event_t **out)
{
	city_event_view_t *views;
	size_t n = city_events_at(c, tm->tick, &views);
	*out = NULL;
	if (!n) {
		free(views);
		return 0;
	}
	rbe_event_t *ev = xcalloc(n, sizeof *ev);
	for (size_t i = 0; i < n; i++) {
		jbuf_t b;
		jbuf_init(&b, 1024);
		city_json_put_event(&b, &views[i], tm);
		ev[i].json = jbuf_finish(&b, &ev[i].len);
		ev[i].id = xstrdup(views[i].id);
		ev[i].removed_tick = -1;
	}
	free(views);
	*out = ev;
	return n;
}

void rbe_events_free(rbe_event_t *ev, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(ev[i].id);
		free(ev[i].json);
	}
	free(ev);
}

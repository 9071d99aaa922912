/* rbe_events: where report by exception gets the city's events from, and
 * the only place that knows. Today every event template is one incident
 * (city_event_at), written by city_json_put_event_at and its id read back
 * from the object it starts with. Once the city's event stream exists, this
 * becomes a loop over city_events_at() writing each view with
 * city_json_put_event() and taking view->id: nothing else changes. */
#include "rbe.h"

#include <stdlib.h>
#include <string.h>

#include "jbuf.h"
#include "xalloc.h"

/* The id an object written by city_json_put_event_at starts with:
 * {"id":"EV-20261125-0007",... */
static char *leading_id(const char *json)
{
	static const char key[] = "{\"id\":\"";
	if (strncmp(json, key, sizeof key - 1) != 0)
		return xstrdup("");
	const char *from = json + sizeof key - 1, *to = strchr(from, '"');
	return xstrndup(from, to ? (size_t)(to - from) : strlen(from));
}

size_t rbe_events_collect(const city_t *c, const city_json_time_t *tm, rbe_event_t **out)
{
	size_t n = city_event_count(c);
	*out = NULL;
	if (!n)
		return 0;
	rbe_event_t *ev = xcalloc(n, sizeof *ev);
	for (size_t i = 0; i < n; i++) {
		jbuf_t b;
		jbuf_init(&b, 512);
		city_json_put_event_at(&b, c, i, tm);
		ev[i].json = jbuf_finish(&b, &ev[i].len);
		ev[i].id = leading_id(ev[i].json);
		ev[i].removed_tick = -1;
	}
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

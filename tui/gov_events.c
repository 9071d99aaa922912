/* gov_events: the events board of the gov view — open events in scope in
 * board order (severity, then overdue, then age, then id) — and the summary
 * the overview shows. See gov_view.h. */
#include <stdlib.h>
#include <string.h>

#include "gov_view.h"
#include "gov_view_private.h"

/* Severity first (critical on top), then overdue, then the oldest (an event
 * without an opening time after those with one), then id, then store index. */
static int compare_event(const void *a, const void *b)
{
	const gov_event_key_t *ka = a, *kb = b;
	const event_t *ea = ka->event, *eb = kb->event;
	if (ea->severity != eb->severity)
		return ea->severity > eb->severity ? -1 : 1;
	if (ka->overdue != kb->overdue)
		return ka->overdue ? -1 : 1;
	if ((ea->opened_ms > 0) != (eb->opened_ms > 0))
		return ea->opened_ms > 0 ? -1 : 1;
	if (ea->opened_ms != eb->opened_ms)
		return ea->opened_ms < eb->opened_ms ? -1 : 1;
	int c = strcmp(ea->id, eb->id);
	return c ? c : (ka->index < kb->index ? -1 : ka->index > kb->index);
}

static unsigned clamp_index(int value, int max)
{
	return value < 0 ? 0 : value > max ? (unsigned)max : (unsigned)value;
}

void gov_events_update(gov_view_t *gv, const store_t *st, const scope_t *scope, int64_t clock_ms)
{
	struct gov_scratch *sc = gv->scratch;
	size_t total = store_event_count(st), n = 0;
	sc->event_keys =
	    gov_grow(sc->event_keys, &sc->event_key_cap, total, sizeof *sc->event_keys);
	gov_event_summary_t *sum = &gv->summary;
	memset(sum, 0, sizeof *sum);
	for (size_t i = 0; i < total; i++) {
		const event_t *e = store_event(st, i);
		if (!e || !scope_contains(scope, e->district, e->street))
			continue;
		sum->by_stage[clamp_index((int)e->stage, STAGE_CLOSED)]++;
		if (e->stage == STAGE_CLOSED) {
			sum->closed++;
			continue;
		}
		bool overdue = gov_event_overdue(e, clock_ms);
		sum->open++;
		sum->overdue += overdue;
		sum->by_tier[clamp_index((int)e->level, TIER_STREET)]++;
		sum->by_severity[clamp_index((int)e->severity, SEVERITY_CRITICAL)]++;
		sum->escalated += e->escalation_count > 0;
		sc->event_keys[n++] = (gov_event_key_t){e, i, overdue};
	}
	if (n > 1)
		qsort(sc->event_keys, n, sizeof *sc->event_keys, compare_event);
	gv->events = gov_grow(gv->events, &gv->event_cap, n, sizeof *gv->events);
	for (size_t j = 0; j < n; j++)
		gv->events[j] =
		    (gov_ref_t){sc->event_keys[j].index, sc->event_keys[j].event->serial};
	gv->event_count = n;
}

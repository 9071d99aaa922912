/* scenario_events: the incidents the scenarios raise, as city_event_view_t
 * (city_event.h). A run's event is sensed at its start, works through its
 * plan a step every step_s simulated seconds, goes up a tier at the steps
 * its definition names, closes when the last step is done and stays listed
 * CLOSED_SHOWN_S simulated seconds more. Pure: (city, runs, tick) -> views. */
#include "scenario_internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define CLOSED_SHOWN_S 600

/* Tick at which step k (1-based) of a run started at `start` is done. */
static int64_t step_done_tick(const city_t *c, const scenario_event_def_t *ev, int64_t start,
                              size_t k)
{
	return start + city_sim_ticks(c, ev->sensed_s + (int64_t)k * ev->step_s);
}

static city_stage_t stage_for(unsigned done, unsigned total)
{
	if (done >= total)
		return CITY_STAGE_CLOSED;
	if (10 * done < 7 * total)
		return CITY_STAGE_HANDLING;
	if (10 * done < 9 * total)
		return CITY_STAGE_EVALUATING;
	return CITY_STAGE_REVIEWING;
}

/* Departments in the order of their first step; each is pending until its
 * first step begins, active while one of its steps is left, done after its
 * last. */
static void fill_depts(city_event_view_t *v, const scenario_event_def_t *ev)
{
	for (size_t s = 0; s < ev->step_count; s++) {
		const char *d = ev->steps[s].department;
		size_t j = 0;
		while (j < v->dept_count && strcmp(v->dept_names[j], d) != 0)
			j++;
		if (j == v->dept_count && j < CITY_EVENT_VIEW_DEPTS)
			v->dept_names[v->dept_count++] = d;
	}
	for (size_t j = 0; j < v->dept_count; j++) {
		size_t first = ev->step_count, last = 0;
		for (size_t s = 0; s < ev->step_count; s++) {
			if (strcmp(ev->steps[s].department, v->dept_names[j]) != 0)
				continue;
			if (first == ev->step_count)
				first = s;
			last = s;
		}
		if (v->stage == CITY_STAGE_SENSED || v->done < first)
			v->depts[j] = CITY_DEPT_PENDING;
		else if (v->done > last)
			v->depts[j] = CITY_DEPT_DONE;
		else
			v->depts[j] = CITY_DEPT_ACTIVE;
	}
}

static void fill_view(const city_t *c, size_t k, int64_t run, int64_t start, int64_t tick,
                      city_event_view_t *v)
{
	const scenario_def_t *def = &scenario_defs[k];
	const scenario_event_def_t *ev = def->event;
	const scenario_place_t *p = &c->scenarios->place[k];
	memset(v, 0, sizeof *v);
	/* the simulated local day it opened, as the city's own ids have */
	char day[16] = "19700101";
	int64_t ms = city_sim_wall_ms(c, start) + 8 * 3600 * 1000LL;
	time_t secs = (time_t)(ms >= 0 ? ms / 1000 : -((999 - ms) / 1000));
	struct tm tm;
	if (gmtime_r(&secs, &tm))
		snprintf(day, sizeof day, "%04u%02u%02u", (unsigned)(tm.tm_year + 1900) % 10000u,
		         (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u);
	/* bounded so that it always fits: runs kept are the last few anyway */
	snprintf(v->id, sizeof v->id, "EV-%s-SC%02u-%u", day, (unsigned)(k + 1) % 100u,
	         (unsigned)((run + 1) % 100000));
	v->type = ev->type;
	v->type_name = ev->type_name;
	v->category = ev->category;
	v->subcategory = ev->subcategory;
	const char *where = ev->street_wide && p->street ? p->street->name : p->district->name;
	snprintf(v->title, sizeof v->title, "%s · %s", ev->title, where);
	v->severity = ev->severity;
	v->district = p->district->name;
	v->street = ev->street_wide && p->street ? p->street->name : NULL;
	v->opened_tick = start;
	v->updated_tick = start;
	v->due_tick = start + city_sim_ticks(c, ev->due_s);
	v->total = (unsigned)ev->step_count;
	for (size_t s = 1; s <= ev->step_count; s++) {
		int64_t at = step_done_tick(c, ev, start, s);
		if (at > tick)
			break;
		v->done = (unsigned)s;
		v->updated_tick = at;
	}
	bool sensed = tick < start + city_sim_ticks(c, ev->sensed_s);
	v->stage = sensed ? CITY_STAGE_SENSED : stage_for(v->done, v->total);
	v->level = ev->tier;
	for (size_t j = 0; j < 2 && v->escalation_count < CITY_EVENT_ESCALATIONS; j++) {
		if (!ev->escalate_at[j] || v->done < ev->escalate_at[j] ||
		    v->level == CITY_TIER_CITY)
			continue;
		city_tier_t to = (city_tier_t)(v->level + 1);
		int64_t at = step_done_tick(c, ev, start, ev->escalate_at[j]);
		v->escalations[v->escalation_count++] =
		    (city_escalation_t){.from = v->level, .to = to, .tick = at};
		v->level = to;
	}
	v->step_count =
	    ev->step_count < CITY_EVENT_VIEW_STEPS ? ev->step_count : CITY_EVENT_VIEW_STEPS;
	for (size_t s = 0; s < v->step_count; s++)
		v->steps[s] = (city_event_step_t){.name = ev->steps[s].name,
		                                  .department = ev->steps[s].department,
		                                  .done = s < v->done};
	fill_depts(v, ev);
}

size_t city_scenario_events_at(const city_t *c, int64_t tick, city_event_view_t *out, size_t cap)
{
	size_t n = 0;
	for (size_t k = 0; k < city_scenario_count(); k++) {
		const scenario_event_def_t *ev = scenario_defs[k].event;
		int64_t runs = atomic_load(&c->scenarios->runs[k]);
		if (!ev || !c->scenarios->place[k].district || runs == 0)
			continue;
		/* oldest kept run first: a stable order */
		int64_t first = runs > CITY_SCENARIO_RUNS ? runs - CITY_SCENARIO_RUNS : 0;
		for (int64_t run = first; run < runs; run++) {
			int64_t start =
			    atomic_load_explicit(&c->scenarios->start[k][run % CITY_SCENARIO_RUNS],
			                         memory_order_acquire);
			if (start == INT64_MIN || tick < start)
				continue;
			int64_t closed = step_done_tick(c, ev, start, ev->step_count);
			if (tick >= closed + city_sim_ticks(c, CLOSED_SHOWN_S))
				continue;
			if (n < cap)
				fill_view(c, k, run, start, tick, &out[n]);
			n++;
		}
	}
	return n;
}

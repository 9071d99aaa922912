/* city_events_list: city_events_at, the events the city shows at a tick:
 * the demo's nine templates (as views) or the city scale's stream
 * (city_events.c), then the scenarios' (scenario.c). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "city_event.h"
#include "city_events_private.h"
#include "city_internal.h"
#include "xalloc.h"

/* Names of a demo template's steps: the first steps - 2 of these handling
 * steps, then the two every case ends with. */
static const char *const demo_handling[] = {"接报核实", "派员到场", "现场警戒", "先期处置",
                                            "研判会商", "调度资源", "抢修处置", "交通疏导",
                                            "排查隐患", "恢复运行", "信息发布", "善后处理"};
static const char *const demo_closing[] = {"核查处置结果", "审核结案"};

static city_tier_t tier_from_name(const char *name)
{
	if (strcmp(name, "street") == 0)
		return CITY_TIER_STREET;
	return strcmp(name, "district") == 0 ? CITY_TIER_DISTRICT : CITY_TIER_CITY;
}

static city_severity_t severity_from_name(const char *name)
{
	static const char *const names[] = {"info", "minor", "major", "critical"};
	for (int i = 0; i < 4; i++)
		if (strcmp(name, names[i]) == 0)
			return (city_severity_t)i;
	return CITY_SEVERITY_MAJOR;
}

static const char *demo_step_name(unsigned i, unsigned total)
{
	size_t handling = sizeof demo_handling / sizeof *demo_handling;
	if (i + 2 >= total)
		return demo_closing[i + 2 - total];
	return demo_handling[i < handling ? i : handling - 1];
}

/* Template i as a view: its state from city_event_at(); the plan is split
 * evenly among its departments (as the department states are). A district
 * or city template was received at its street and escalated at opening. */
static void demo_view(const city_t *c, size_t i, int64_t tick, city_event_view_t *v)
{
	const city_event_def_t *e = city_event(c, i);
	const city_district_def_t *d = &city_districts[e->district];
	city_event_state_t st;
	city_event_at(c, i, tick, &st);
	memset(v, 0, sizeof *v);
	int64_t n = st.cycle % 100;
	if (n < 0)
		n += 100;
	snprintf(v->id, sizeof v->id, "EV-%04" PRId64, n * (int64_t)city_event_count(c) + (int64_t)i + 1);
	v->type = e->type;
	v->type_name = e->type_name;
	v->category = e->category;
	v->subcategory = e->subcategory;
	snprintf(v->title, sizeof v->title, "%s", e->title);
	v->severity = severity_from_name(e->severity);
	v->district = d->name;
	v->street = d->streets[e->street].name;
	v->stage = st.stage;
	v->opened_tick = st.opened_tick;
	v->updated_tick = st.updated_tick;
	v->due_tick = st.opened_tick + (int64_t)(e->steps + 3) * e->step_ticks;
	v->done = st.done;
	v->total = st.total;
	v->dept_count = st.dept_count < CITY_EVENT_VIEW_DEPTS ? st.dept_count : CITY_EVENT_VIEW_DEPTS;
	for (size_t j = 0; j < v->dept_count; j++) {
		v->dept_names[j] = e->departments[j];
		v->depts[j] = st.depts[j];
	}
	for (unsigned s = 0; s < st.total && s < CITY_EVENT_VIEW_STEPS; s++) {
		size_t dept = v->dept_count ? (size_t)s * v->dept_count / st.total : 0;
		v->steps[v->step_count++] = (city_event_step_t){
		    demo_step_name(s, st.total), v->dept_count ? v->dept_names[dept] : "", s < st.done};
	}
	city_tier_t level = tier_from_name(e->level);
	v->level = CITY_TIER_STREET;
	while (v->level < level && v->escalation_count < CITY_EVENT_ESCALATIONS) {
		v->escalations[v->escalation_count++] =
		    (city_escalation_t){v->level, (city_tier_t)(v->level + 1), st.opened_tick};
		v->level = (city_tier_t)(v->level + 1);
	}
}

/* Room for the stream's views on a first try: more than a busy afternoon
 * shows (about 900), so the look-back usually runs once. */
#define STREAM_GUESS 1024

size_t city_events_at(const city_t *c, int64_t tick, city_event_view_t **out)
{
	size_t extra = city_scenario_events_at(c, tick, NULL, 0);
	size_t own, cap;
	city_event_view_t *v;
	if (c->scale == CITY_SCALE_CITY) {
		cap = STREAM_GUESS + extra;
		v = xcalloc(cap, sizeof *v);
		own = city_events_stream_at(c, tick, v, cap - extra, NULL);
		if (own + extra > cap) {
			free(v);
			cap = own + extra;
			v = xcalloc(cap, sizeof *v);
			own = city_events_stream_at(c, tick, v, own, NULL);
		}
	} else {
		own = city_event_count(c);
		cap = own + extra;
		v = xcalloc(cap ? cap : 1, sizeof *v);
		for (size_t i = 0; i < own; i++)
			demo_view(c, i, tick, &v[i]);
	}
	size_t got = city_scenario_events_at(c, tick, v + own, cap - own);
	size_t n = own + (got < cap - own ? got : cap - own);
	if (!n) {
		free(v);
		v = NULL;
	}
	*out = v;
	return n;
}

/* event_rig: events filled by hand (see event_rig.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "event_rig.h"

#include <stdio.h>
#include <string.h>

static const plan_step_in_t burst_plan[] = {
    {"关阀止水", "水务", true},  {"现场围挡警示", "街道办", true}, {"交通疏导", "公安", false},
    {"抢修管道", "水务", false}, {"恢复供水", "水务", false},      {"路面恢复", "城管", false},
};
static const department_t burst_depts[] = {
    {"水务", DEPT_ACTIVE}, {"街道办", DEPT_DONE}, {"公安", DEPT_PENDING}, {"城管", DEPT_PENDING}};
static const escalation_t burst_up[] = {{TIER_STREET, TIER_DISTRICT, T0 - 40 * MIN},
                                        {TIER_DISTRICT, TIER_CITY, T0 - 20 * MIN}};

void put_event_as(rig_t *r, const char *id, severity_t sev, int opened_min, int64_t due,
                  stage_t stage, tier_t level, int64_t at)
{
	char title[64];
	snprintf(title, sizeof title, "%s 管道爆裂致路面积水", id);
	event_in_t in = {
	    .id = id,
	    .type = "pipe_burst",
	    .type_name = "管网爆管",
	    .category = "市政设施",
	    .subcategory = "供水管网",
	    .title = title,
	    .district = "江北区",
	    .street = "观音桥街道",
	    .severity = sev,
	    .level = level,
	    .stage = stage,
	    .opened_ms = T0 - opened_min * MIN,
	    .updated_ms = T0 - MIN,
	    .due_ms = due,
	    .plan = burst_plan,
	    .plan_count = 6,
	    .escalations = burst_up,
	    .escalation_count = 2,
	    .departments = burst_depts,
	    .department_count = 4,
	    .steps_done = -1,
	    .steps_total = -1,
	};
	store_put_event(r->st, r->src, &in, at);
}

void put_event(rig_t *r, const char *id, severity_t sev, int opened_min, int64_t due)
{
	put_event_as(r, id, sev, opened_min, due, STAGE_HANDLING, TIER_CITY, T0);
}

void rig_open(rig_t *r, int events)
{
	memset(r, 0, sizeof *r);
	r->st = store_create();
	r->src = store_add_source(r->st, "events", "http://127.0.0.1/v1/events", 2000, 0);
	store_begin_poll(r->st, r->src, T0);
	static const char *const ids[] = {"evt-a", "evt-b", "evt-c", "evt-d"};
	for (int i = 0; i < events; i++)
		put_event(r, ids[i], (severity_t)(SEVERITY_CRITICAL - i), 30 + i,
		          i == 0 ? T0 - 18 * MIN : T0 + 90 * MIN);
	store_end_poll(r->st, r->src, &(poll_report_t){.had_events = true}, T0);
	r->alarms = alarm_engine_create();
	alarm_engine_evaluate(r->alarms, r->st, T0);
	view_init(&r->view);
	view_update(&r->view, r->st, r->alarms, T0);
	gov_view_init(&r->gov);
	scope_city(&r->scope);
	gov_view_update(&r->gov, r->st, &r->view, r->alarms, &r->scope, T0, T0);
	r->ctx = (ui_ctx_t){.store = r->st,
	                    .alarms = r->alarms,
	                    .view = &r->view,
	                    .gov = &r->gov,
	                    .now_ms = T0,
	                    .clock_ms = T0};
}

void rig_close(rig_t *r)
{
	gov_view_free(&r->gov);
	view_free(&r->view);
	alarm_engine_destroy(r->alarms);
	store_destroy(r->st);
}

uint64_t serial_of(const rig_t *r, const char *id)
{
	for (size_t i = 0; i < store_event_count(r->st); i++) {
		const event_t *e = store_event(r->st, i);
		if (e && strcmp(e->id, id) == 0)
			return e->serial;
	}
	fail_msg("no event %s", id);
	return 0;
}

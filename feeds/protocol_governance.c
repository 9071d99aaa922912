/* protocol_governance: the v1 fields added for the governance board (see
 * docs/protocol.md, "Event" and "KPI"), read like every other field:
 * sanitized strings in the scratch, a field of the wrong type fails the
 * element, bounded counts kept (the first STORE_PLAN_STEPS plan steps, the
 * first STORE_ESCALATIONS escalations, the first STORE_KPI_INDICES index
 * memberships). An old producer sends none of them; nothing changes then. */
#include <cjson/cJSON.h>
#include <string.h>

#include "i18n.h"
#include "protocol_fields.h"

/* plan: [{"name", "department", "done"}], in order. */
static void read_plan(pctx_t *c, const cJSON *el, proto_event_extra_t *x)
{
	const cJSON *plan = proto_opt_kind(c, el, "plan", true), *it;
	cJSON_ArrayForEach(it, plan)
	{
		if (x->step_count == STORE_PLAN_STEPS)
			break;
		if (!cJSON_IsObject(it)) {
			proto_elem_fail(c, N_("has an entry that is not an object"), "plan");
			return;
		}
		size_t i = x->step_count++;
		x->step_names[i] = proto_opt_str(c, it, "name");
		x->step_depts[i] = proto_opt_str(c, it, "department");
		x->steps[i].done = false;
		proto_opt_bool(c, it, "done", &x->steps[i].done);
	}
}

/* escalations: [{"from", "to", "at"}]; an unknown tier reads as "city", as
 * an event's level does; a malformed or absent `at` as 0. */
static void read_escalations(pctx_t *c, const cJSON *el, proto_event_extra_t *x)
{
	const cJSON *esc = proto_opt_kind(c, el, "escalations", true), *it;
	cJSON_ArrayForEach(it, esc)
	{
		if (x->escalation_count == STORE_ESCALATIONS)
			break;
		if (!cJSON_IsObject(it)) {
			proto_elem_fail(c, N_("has an entry that is not an object"), "escalations");
			return;
		}
		escalation_t *e = &x->escalations[x->escalation_count++];
		const char *from = proto_opt_token(c, it, "from"), *to = proto_opt_token(c, it, "to");
		if (!from || !tier_from_token(from, &e->from))
			e->from = TIER_CITY;
		if (!to || !tier_from_token(to, &e->to))
			e->to = TIER_CITY;
		e->at_ms = 0;
		proto_opt_time(c, it, "at", &e->at_ms);
	}
}

void proto_event_extra_read(pctx_t *c, const cJSON *el, proto_event_extra_t *x, event_in_t *in)
{
	x->type_name = proto_opt_str(c, el, "type_name");
	x->category = proto_opt_str(c, el, "category");
	x->subcategory = proto_opt_str(c, el, "subcategory");
	x->step_count = x->escalation_count = 0;
	proto_opt_time(c, el, "due_at", &in->due_ms);
	read_plan(c, el, x);
	read_escalations(c, el, x);
}

void proto_event_extra_resolve(const pctx_t *c, proto_event_extra_t *x, event_in_t *in)
{
	in->type_name = proto_scratch_at(c, x->type_name);
	in->category = proto_scratch_at(c, x->category);
	in->subcategory = proto_scratch_at(c, x->subcategory);
	for (size_t i = 0; i < x->step_count; i++) {
		const char *name = proto_scratch_at(c, x->step_names[i]);
		const char *dept = proto_scratch_at(c, x->step_depts[i]);
		x->steps[i].name = name ? name : "";
		x->steps[i].department = dept ? dept : "";
	}
	in->plan = x->step_count ? x->steps : NULL;
	in->plan_count = x->step_count;
	in->escalations = x->escalation_count ? x->escalations : NULL;
	in->escalation_count = x->escalation_count;
}

/* indices: {"operation": 1.0, "health": 0.5}. A null weight drops that
 * membership, any other non-number fails the KPI; an empty name or one
 * already given is dropped. */
void proto_kpi_indices_read(pctx_t *c, const cJSON *el, proto_kpi_indices_t *x)
{
	const cJSON *obj = proto_opt_kind(c, el, "indices", false), *it;
	x->count = 0;
	cJSON_ArrayForEach(it, obj)
	{
		double w;
		if (cJSON_IsNull(it))
			continue;
		if (!proto_num_ok(c, it, "indices", &w))
			return;
		if (x->count == STORE_KPI_INDICES || !it->string || !it->string[0])
			continue;
		bool repeat = false;
		for (const cJSON *p = obj->child; p != it; p = p->next)
			repeat |= p->string && strcmp(p->string, it->string) == 0;
		if (repeat)
			continue;
		x->names[x->count] = proto_scratch_str(c, it->string);
		x->members[x->count++].weight = w;
	}
}

void proto_kpi_indices_resolve(const pctx_t *c, proto_kpi_indices_t *x, kpi_in_t *in)
{
	for (size_t i = 0; i < x->count; i++)
		x->members[i].index = proto_scratch_at(c, x->names[i]);
	in->indices = x->count ? x->members : NULL;
	in->index_count = x->count;
}

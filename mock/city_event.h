/* city_event: one incident of the simulated city as it stands at one tick,
 * the shape both the city's own event stream (city_events.c) and the
 * scenarios (scenario.c) produce and city_json.c serializes.
 *
 * A view is a value: it holds no pointer the caller must free; its string
 * pointers point into static tables or into the city, and live as long as
 * the city. Fixed-size arrays are filled with bounds (snprintf, counts
 * capped), never overflowed. */
#ifndef CITYDASH_CITY_EVENT_H
#define CITYDASH_CITY_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "city.h"

#define CITY_EVENT_ID_MAX        48
#define CITY_EVENT_TITLE_MAX     160
#define CITY_EVENT_VIEW_DEPTS    8
#define CITY_EVENT_VIEW_STEPS    32
#define CITY_EVENT_ESCALATIONS   4

typedef enum city_tier {
	CITY_TIER_STREET,
	CITY_TIER_DISTRICT,
	CITY_TIER_CITY,
} city_tier_t;

typedef enum city_severity {
	CITY_SEVERITY_INFO,
	CITY_SEVERITY_MINOR,
	CITY_SEVERITY_MAJOR,
	CITY_SEVERITY_CRITICAL,
} city_severity_t;

/* One step of a response plan and the department that carries it out. */
typedef struct city_event_step {
	const char *name;       /* "关阀止水" */
	const char *department; /* "城管" */
	bool done;
} city_event_step_t;

typedef struct city_escalation {
	city_tier_t from, to;
	int64_t tick;
} city_escalation_t;

typedef struct city_event_view {
	char id[CITY_EVENT_ID_MAX];         /* "EV-20261125-0007", unique among open ones */
	const char *type;                   /* token: "water.main_burst" */
	const char *type_name;              /* "供水管道爆管" */
	const char *category, *subcategory; /* the catalogue's hierarchy above the type */
	char title[CITY_EVENT_TITLE_MAX];   /* "供水爆管 · 建新北路" */
	city_severity_t severity;
	const char *district, *street;      /* names; street NULL for a district-wide one */
	city_tier_t level;                  /* tier that owns it now */
	city_stage_t stage;
	int64_t opened_tick, updated_tick;
	int64_t due_tick;                   /* deadline of the whole response; overdue past it */
	unsigned done, total;               /* steps of the plan */
	size_t dept_count;
	const char *dept_names[CITY_EVENT_VIEW_DEPTS];
	city_dept_state_t depts[CITY_EVENT_VIEW_DEPTS];
	size_t step_count;                  /* <= CITY_EVENT_VIEW_STEPS, may be < total */
	city_event_step_t steps[CITY_EVENT_VIEW_STEPS];
	size_t escalation_count;
	city_escalation_t escalations[CITY_EVENT_ESCALATIONS];
} city_event_view_t;

const char *city_tier_name(city_tier_t tier);         /* "street", "district", "city" */
const char *city_severity_name(city_severity_t sev);  /* "info" ... "critical" */

/* The events the city shows at `tick`, its own and its scenarios' (open
 * ones and those closed a little while ago), in a stable order. Returns the
 * count and a new array in *out (NULL if 0) that the caller frees. */
size_t city_events_at(const city_t *c, int64_t tick, city_event_view_t **out);

/* The scenarios' events at `tick` (scenario.c), written to out[0..cap);
 * returns how many there are (may exceed cap: then only cap are written). */
size_t city_scenario_events_at(const city_t *c, int64_t tick, city_event_view_t *out, size_t cap);

#endif

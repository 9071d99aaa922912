/* city_events: the incidents the city shows at a tick (city_event.h).
 *
 * Demo scale: the nine templates of city_names.c cycling through their
 * plans (city_board.c), as views. City scale: a stream of cases drawn from
 * the catalogue (city_event_types.h), a pure function of (seed, second):
 *
 *  - Arrivals: at most one case per simulated second, with probability
 *    EVENTS_PER_DAY / 86400 times a diurnal factor (0.4 at 03:00 to 1.6 at
 *    15:00 local time, the simulated clock of city_time.c). 3,600 a day is the order of the cases
 *    a megacity's operations centre itself dispatches: Chongqing's 12345
 *    hotline and digital city management take in tens of thousands of
 *    contacts a day, most closed where they arise without the centre.
 *  - Each case: a type drawn by its rate, a street drawn uniformly, a
 *    severity that is the type's or one step off, a dispatch delay (sensed),
 *    then its plan's steps done at even intervals over a handling time that
 *    is 30-95% of its deadline, or 102-140% for about one case in six: those
 *    run overdue.
 *  - Escalation: a critical case goes one tier up at dispatch (severity
 *    decides); a case still open at its deadline goes one tier up then, and
 *    again a quarter of the deadline later (time decides); a major case at a
 *    street goes to its district a third of the way through in one case in
 *    five (the street finds it bigger than reported).
 *  - A closed case stays listed CLOSED_SHOWN_S, then leaves.
 *
 * Every case is gone WINDOW_S after it arrived, so the cases shown at a tick
 * are found among the arrivals of the last WINDOW_S seconds: the cost is that
 * window, whatever the tick. Time goes through sim_seconds() and sim_tick()
 * alone, on the city's clock (city_sim_seconds, --speed). */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "city_event.h"
#include "city_event_types.h"
#include "city_events_private.h"
#include "city_internal.h"
#include "xalloc.h"

enum { SALT_ARRIVAL = 301, SALT_CASE };

#define DAY_S           86400
#define EVENTS_PER_DAY  3600.0
#define SENSED_MIN_S    60
#define SENSED_MAX_S    600
#define CLOSED_SHOWN_S  1800
#define DEADLINE_MAX_S  (8 * 3600) /* the catalogue's longest deadline */
#define WORK_MAX        1.40       /* slowest case: this times its deadline */
#define WINDOW_S        (SENSED_MAX_S + (int64_t)(WORK_MAX * DEADLINE_MAX_S) + CLOSED_SHOWN_S + 1)

static const double two_pi = 6.283185307179586;

/* Ticks to simulated seconds (the city's one conversion), and back: the
 * last tick whose simulated time has not passed s (floor(s / speed), for
 * times before tick 0 too, which city_sim_ticks does not cover). */
static int64_t sim_seconds(const city_t *c, int64_t tick)
{
	return city_sim_seconds(c, tick);
}

static int64_t sim_tick(const city_t *c, int64_t s)
{
	int64_t t = (int64_t)floor((double)s / city_speed(c));
	while (sim_seconds(c, t + 1) <= s) /* floating rounding, either way */
		t++;
	while (t > INT64_MIN / 2 && sim_seconds(c, t) > s)
		t--;
	return t;
}

const char *city_tier_name(city_tier_t tier)
{
	static const char *const names[] = {"street", "district", "city"};
	return (unsigned)tier < 3 ? names[tier] : "city";
}

const char *city_severity_name(city_severity_t sev)
{
	static const char *const names[] = {"info", "minor", "major", "critical"};
	return (unsigned)sev < 4 ? names[sev] : "major";
}

void city_events_init(city_t *c)
{
	c->event_types = city_event_catalogue_build();
	c->event_streets = xcalloc(c->street_count ? c->street_count : 1, sizeof *c->event_streets);
	for (size_t d = 0; d < c->district_count; d++)
		for (size_t s = 0; s < c->districts[d].street_count; s++)
			c->event_streets[c->event_street_count++] = (city_street_ref_t){
			    &c->districts[d], &c->districts[d].streets[s]};
}

void city_events_free(city_t *c)
{
	city_event_catalogue_free(c->event_types);
	free(c->event_streets);
}

/* ---- the city scale ---- */

/* One case, as fixed when it arrived (all times in simulated seconds). */
typedef struct city_case {
	int64_t arrived, start, closed, due; /* start: dispatched, handling begins */
	const city_event_type_t *type;
	const city_street_ref_t *where;
	city_severity_t severity;
	bool minor_escalation; /* a major street case its street hands up */
} city_case_t;

/* Arrivals by local time of day: second s of the stream is hour
 * city_sim_hour() of the tick it falls in, measured to the second. */
static double diurnal(const city_t *c, int64_t s)
{
	int64_t local = city_floordiv(city_sim_wall_ms(c, 0), 1000) + 8 * 3600 + s;
	double x = (double)(local - city_floordiv(local, DAY_S) * DAY_S) / DAY_S;
	return 1.0 - 0.6 * cos(two_pi * (x - 0.125));
}

/* Whether a case arrives at second s: 16 bits of a hash per second, one
 * hash for ARRIVAL_LANES seconds (the look-back hashes a quarter as much).
 * *block and *bits cache the hash of the last block asked for. */
#define ARRIVAL_LANES 4
static bool case_arrives(const city_t *c, int64_t s, int64_t *block, uint64_t *bits)
{
	int64_t b = city_floordiv(s, ARRIVAL_LANES);
	if (b != *block) {
		*block = b;
		*bits = city_hash(c->seed, SALT_ARRIVAL, (uint64_t)b, 0);
	}
	unsigned lane = (unsigned)(s - b * ARRIVAL_LANES);
	double p = EVENTS_PER_DAY / DAY_S * diurnal(c, s);
	return (double)((*bits >> (16 * lane)) & 0xffff) < p * 65536.0;
}

static void case_make(const city_t *c, int64_t s, city_case_t *k)
{
	uint64_t h[5];
	for (uint64_t j = 0; j < 5; j++)
		h[j] = city_hash(c->seed, SALT_CASE, (uint64_t)s, j);
	k->arrived = s;
	k->type = city_event_catalogue_draw(c->event_types, city_unit(h[0]));
	k->where = &c->event_streets[h[1] % c->event_street_count];
	int sev = (int)k->type->severity;
	double u = city_unit(h[2]);
	if (u < 0.10 && sev < CITY_SEVERITY_CRITICAL)
		sev++;
	else if (u < 0.25 && sev > CITY_SEVERITY_INFO)
		sev--;
	k->severity = (city_severity_t)sev;
	int64_t deadline = k->type->deadline_s;
	double f = city_unit(h[3]) < 1.0 / 6 ? 1.02 + 0.38 * city_unit(h[4])
	                                      : 0.30 + 0.65 * city_unit(h[4]);
	int64_t total = (int64_t)(f * (double)deadline);
	int64_t sensed = SENSED_MIN_S + (int64_t)((h[1] >> 32) % (SENSED_MAX_S - SENSED_MIN_S + 1));
	if (sensed > total / 4)
		sensed = total / 4;
	k->start = s + sensed;
	k->closed = s + total;
	k->due = s + deadline;
	k->minor_escalation = k->severity == CITY_SEVERITY_MAJOR &&
	                      k->type->tier == CITY_TIER_STREET && (h[2] >> 40) % 5 == 0;
}

/* When step i (0-based) of the plan is done. */
static int64_t step_done_at(const city_case_t *k, size_t i)
{
	size_t n = k->type->step_count;
	return k->start + (k->closed - k->start) * (int64_t)(i + 1) / (int64_t)n;
}

static void escalate(const city_t *c, city_event_view_t *v, int64_t at_s, int64_t now_s)
{
	if (at_s > now_s || v->level == CITY_TIER_CITY ||
	    v->escalation_count == CITY_EVENT_ESCALATIONS)
		return;
	city_escalation_t *e = &v->escalations[v->escalation_count++];
	e->from = v->level;
	e->to = (city_tier_t)(v->level + 1);
	e->tick = sim_tick(c, at_s);
	v->level = e->to;
	if (e->tick > v->updated_tick)
		v->updated_tick = e->tick;
}

static void case_escalations(const city_t *c, const city_case_t *k, city_event_view_t *v,
                             int64_t now_s)
{
	v->level = k->type->tier;
	if (k->severity == CITY_SEVERITY_CRITICAL)
		escalate(c, v, k->start, now_s);
	if (k->minor_escalation)
		escalate(c, v, k->start + (k->closed - k->start) / 3, now_s);
	if (k->closed > k->due) {
		escalate(c, v, k->due, now_s);
		int64_t later = k->due + k->type->deadline_s / 4;
		if (k->closed > later)
			escalate(c, v, later, now_s);
	}
}

static void case_departments(const city_event_type_t *t, city_event_view_t *v)
{
	v->dept_count = t->dept_count;
	for (size_t d = 0; d < t->dept_count; d++) {
		bool any = false, all = true, next = false;
		for (size_t i = 0; i < t->step_count; i++) {
			if (strcmp(t->steps[i].department, t->depts[d]) != 0)
				continue;
			any |= i < v->done;
			all &= i < v->done;
			next |= i == v->done;
		}
		v->dept_names[d] = t->depts[d];
		if (v->stage == CITY_STAGE_SENSED)
			v->depts[d] = CITY_DEPT_PENDING;
		else if (all)
			v->depts[d] = CITY_DEPT_DONE;
		else
			v->depts[d] = any || next ? CITY_DEPT_ACTIVE : CITY_DEPT_PENDING;
	}
}

static void case_view(const city_t *c, const city_case_t *k, int64_t now_s, city_event_view_t *v)
{
	const city_event_type_t *t = k->type;
	memset(v, 0, sizeof *v);
	snprintf(v->id, sizeof v->id, "EV-%07" PRId64, k->arrived + 1000000);
	v->type = t->token;
	v->type_name = t->name;
	v->category = t->category;
	v->subcategory = t->subcategory;
	snprintf(v->title, sizeof v->title, "%s · %s", t->name, k->where->street->shortname);
	v->severity = k->severity;
	v->district = k->where->district->name;
	v->street = k->where->street->name;
	v->opened_tick = sim_tick(c, k->arrived);
	v->updated_tick = v->opened_tick;
	v->due_tick = sim_tick(c, k->due);
	v->total = (unsigned)t->step_count;
	for (size_t i = 0; i < t->step_count; i++) {
		bool done = step_done_at(k, i) <= now_s;
		if (done) {
			v->done++;
			v->updated_tick = sim_tick(c, step_done_at(k, i));
		}
		if (v->step_count < CITY_EVENT_VIEW_STEPS)
			v->steps[v->step_count++] =
			    (city_event_step_t){t->steps[i].name, t->steps[i].department, done};
	}
	if (now_s < k->start)
		v->stage = CITY_STAGE_SENSED;
	else if (v->done >= v->total)
		v->stage = CITY_STAGE_CLOSED;
	else if (v->done + 2 < v->total)
		v->stage = CITY_STAGE_HANDLING;
	else
		v->stage = v->done + 2 == v->total ? CITY_STAGE_EVALUATING : CITY_STAGE_REVIEWING;
	if (v->stage != CITY_STAGE_SENSED && sim_tick(c, k->start) > v->updated_tick)
		v->updated_tick = sim_tick(c, k->start);
	case_escalations(c, k, v, now_s);
	case_departments(t, v);
}

size_t city_events_stream_at(const city_t *c, int64_t tick, city_event_view_t *out, size_t cap,
                             size_t *examined)
{
	int64_t now_s = sim_seconds(c, tick);
	size_t n = 0, looked = 0;
	int64_t block = INT64_MIN;
	uint64_t bits = 0;
	for (int64_t s = now_s - WINDOW_S + 1; s <= now_s; s++) {
		looked++;
		if (!case_arrives(c, s, &block, &bits))
			continue;
		city_case_t k;
		case_make(c, s, &k);
		if (now_s >= k.closed + CLOSED_SHOWN_S)
			continue;
		if (n < cap)
			case_view(c, &k, now_s, &out[n]);
		n++;
	}
	if (examined)
		*examined = looked;
	return n;
}

int64_t city_events_window_seconds(void)
{
	return WINDOW_S;
}

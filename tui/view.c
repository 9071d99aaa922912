#include "view.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "view_order.h"
#include "xalloc.h"

void view_init(view_t *v)
{
	memset(v, 0, sizeof *v);
	scope_city(&v->scope);
}

void view_set_scope(view_t *v, const scope_t *scope)
{
	if (scope)
		v->scope = *scope;
	else
		scope_city(&v->scope);
}

bool view_in_scope(const view_t *v, const reading_t *r)
{
	return scope_contains(&v->scope, r->district, r->street);
}

_Static_assert(VIEW_ALARM_LISTS == VIEW_ALARM_LISTS_MAX, "view_t holds one list per view_alarm_list_t");

size_t view_alarm_list_count(const view_t *v, view_alarm_list_t list)
{
	return list < VIEW_ALARM_LISTS ? v->alarm_list_count[list] : 0;
}

const alarm_info_t *view_alarm_list_at(const view_t *v, view_alarm_list_t list, size_t i)
{
	if (list >= VIEW_ALARM_LISTS || i >= v->alarm_list_count[list] || !v->alarm_engine)
		return NULL;
	return alarm_engine_alarm(v->alarm_engine, v->alarm_lists[list][i]);
}

size_t view_alarm_count(const view_t *v)
{
	return view_alarm_list_count(v, VIEW_ALARMS_ACTIVE);
}

const alarm_info_t *view_alarm(const view_t *v, size_t i)
{
	return view_alarm_list_at(v, VIEW_ALARMS_ACTIVE, i);
}

void view_free(view_t *v)
{
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		free(v->domains[d].worst);
		free(v->domains[d].by_place);
	}
	view_order_destroy(v->order);
	free(v->states);
	free(v->keys);
	free(v->source_domains);
	free(v->in_scope);
	for (int l = 0; l < VIEW_ALARM_LISTS; l++)
		free(v->alarm_lists[l]);
	memset(v, 0, sizeof *v);
}

int view_domain_count(const view_t *v)
{
	return DOMAIN_KNOWN_COUNT + ((v->domains_present >> DOMAIN_OTHER) & 1u);
}

view_states_t view_states(const view_t *v, size_t reading)
{
	return reading < v->reading_count ? v->states[reading] : 0;
}

view_state_t view_worst(view_states_t states)
{
	for (int s = 0; s < VS_COUNT; s++)
		if (states & VIEW_BIT(s))
			return (view_state_t)s;
	return VS_COUNT;
}

bool view_all_there(const view_t *v)
{
	return v->readings > 0 && v->stale == 0 && v->sources_failing == 0 &&
	       v->sources_waiting == 0;
}

double view_limit_pressure(const reading_t *r)
{
	if (!r->has_value)
		return 0;
	const limits_t *l = &r->limits;
	double hi = (l->mask & LIMIT_HI) ? l->hi : (l->mask & LIMIT_HIHI) ? l->hihi : r->range_max;
	double lo = (l->mask & LIMIT_LO) ? l->lo : (l->mask & LIMIT_LOLO) ? l->lolo : r->range_min;
	if (hi <= lo)
		return 0;
	double mid = (hi + lo) / 2, half = (hi - lo) / 2;
	return fabs(r->value - mid) / half;
}

static view_states_t states_of(const store_t *st, const alarm_engine_t *alarms, size_t i,
                               const reading_t *r, int64_t now_ms)
{
	view_states_t s = 0;
	alarm_level_t level = alarm_engine_state(alarms, i).level;
	if (alarm_level_is_critical(level))
		s |= VIEW_BIT(VS_ALARM);
	else if (level != ALARM_NONE)
		s |= VIEW_BIT(VS_WARNING);
	if (r->quality == QUALITY_BAD)
		s |= VIEW_BIT(VS_BAD);
	if (r->quality == QUALITY_UNCERTAIN)
		s |= VIEW_BIT(VS_UNCERTAIN);
	if (r->limits_invalid)
		s |= VIEW_BIT(VS_LIMITS_INVALID);
	if (store_reading_stale(st, r, now_ms))
		s |= VIEW_BIT(VS_STALE);
	if (!r->has_value)
		s |= VIEW_BIT(VS_NOVALUE);
	return s;
}

/* Rank in the overview: what needs eyes first, by worst state; within one,
 * fresh before stale (an old alarm may be over, a fresh one is not). */
static int states_rank(view_states_t s)
{
	view_state_t worst = view_worst(s);
	return 2 * (int)worst + (worst != VS_STALE && (s & VIEW_BIT(VS_STALE)) != 0);
}

/* Within one rank of the overview's blocks, larger first. A reading in
 * alarm or warning: how long it has stood there, longest first, as in the
 * alarm pane (alarm.h): rows hold still while new alarms arrive (the
 * block's counts say how many), and a standing alarm is not pushed off the
 * block by newer ones. By pressure toward a limit, the rows of a city's
 * flood changed ten times a second. Any other: its pressure toward a
 * limit, nearest first. */
static double worst_order(const alarm_engine_t *alarms, size_t i, const reading_t *r,
                          view_states_t s)
{
	if (s & (VIEW_BIT(VS_ALARM) | VIEW_BIT(VS_WARNING)))
		return -(double)alarm_engine_state(alarms, i).since_ms;
	return view_limit_pressure(r);
}

static bool source_silent(const view_t *v, int source)
{
	return (size_t)source < v->source_cap && v->source_domains[source] == 0;
}

/* Sources: which fail or have not answered, and which domains each has
 * readings in (from the states pass), so blocks can say what they miss. */
static void update_sources(view_t *v, const store_t *st)
{
	size_t n = store_source_count(st);
	v->sources_failing = v->sources_waiting = 0;
	v->silent_failing = v->silent_waiting = v->silent_unnamed = 0;
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		v->domains[d].sources_failing = 0;
		v->domains[d].first_failing = -1;
		v->domains[d].silent_named = -1;
	}
	for (size_t i = 0; i < n; i++) {
		const source_status_t *s = store_source(st, (int)i);
		bool waiting = !s->failing && !s->ever_ok;
		if (!s->failing && !waiting)
			continue;
		v->sources_failing += s->failing;
		v->sources_waiting += waiting;
		if (source_silent(v, (int)i)) {
			v->silent_failing += s->failing;
			v->silent_waiting += waiting;
			int d = domain_named(s->name);
			if (d < 0)
				v->silent_unnamed++;
			else if (v->domains[d].silent_named < 0)
				v->domains[d].silent_named = (int)i;
			continue;
		}
		if (!s->failing)
			continue;
		for (int d = 0; d < DOMAIN_COUNT; d++) {
			domain_view_t *dv = &v->domains[d];
			if (!(v->source_domains[i] & (1u << d)))
				continue;
			if (dv->sources_failing++ == 0)
				dv->first_failing = (int)i;
		}
	}
}

/* Which list an alarm in this state is on; VIEW_ALARM_LISTS for none. */
static int list_of(isa_state_t state)
{
	switch (state) {
	case ISA_UNACK:
	case ISA_ACKED:
	case ISA_RTNUN:
		return VIEW_ALARMS_ACTIVE;
	case ISA_SHLVD:
		return VIEW_ALARMS_SHELVED;
	case ISA_DSUPR:
		return VIEW_ALARMS_SUPPRESSED;
	case ISA_OOSRV:
		return VIEW_ALARMS_OOS;
	default:
		return VIEW_ALARM_LISTS;
	}
}

/* Whether an alarm belongs to the scope: a reading's by its place, a
 * source's (communications) everywhere: a source feeds the whole city. */
static bool alarm_in_scope(const view_t *v, const alarm_info_t *a, size_t n)
{
	if (a->kind == ALARM_KIND_COMM)
		return true;
	return a->index < n && v->in_scope[a->index];
}

/* The engine's alarms narrowed to the scope, each on its list, in its order. */
static void update_alarms(view_t *v, const alarm_engine_t *alarms, size_t n)
{
	size_t total = alarm_engine_alarm_count(alarms);
	v->alarm_engine = alarms;
	for (int l = 0; l < VIEW_ALARM_LISTS; l++) {
		if (total > v->alarm_list_cap[l]) {
			v->alarm_list_cap[l] = total;
			v->alarm_lists[l] =
			    xreallocarray(v->alarm_lists[l], total, sizeof *v->alarm_lists[l]);
		}
		v->alarm_list_count[l] = 0;
	}
	v->alarms_critical = v->alarms_unacked = v->alarms_stale = 0;
	for (size_t k = 0; k < total; k++) {
		const alarm_info_t *a = alarm_engine_alarm(alarms, k);
		int l = list_of(a->state);
		if (l == VIEW_ALARM_LISTS || !alarm_in_scope(v, a, n))
			continue;
		v->alarm_lists[l][v->alarm_list_count[l]++] = k;
		if (l != VIEW_ALARMS_ACTIVE)
			continue;
		v->alarms_critical += a->priority == ALARM_PRIORITY_HIGH;
		v->alarms_unacked += isa_state_unacked(a->state);
		v->alarms_stale += a->stale;
	}
}

void view_update(view_t *v, const store_t *st, const alarm_engine_t *alarms, int64_t now_ms)
{
	size_t n = store_reading_count(st);
	if (n > v->state_cap) {
		v->states = xreallocarray(v->states, n, sizeof *v->states);
		v->keys = xreallocarray(v->keys, n, sizeof *v->keys);
		v->in_scope = xreallocarray(v->in_scope, n, sizeof *v->in_scope);
		v->state_cap = n;
	}
	size_t sources = store_source_count(st);
	if (sources > v->source_cap) {
		v->source_domains =
		    xreallocarray(v->source_domains, sources, sizeof *v->source_domains);
		v->source_cap = sources;
	}
	if (sources)
		memset(v->source_domains, 0, sources * sizeof *v->source_domains);
	v->reading_count = n;
	v->domains_present = 0;
	v->readings = v->stale = 0;
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		memset(v->domains[d].counts, 0, sizeof v->domains[d].counts);
		v->domains[d].ok = 0;
	}
	bool city = scope_is_city(&v->scope);
	for (size_t i = 0; i < n; i++) {
		const reading_t *r = store_reading(st, i);
		v->in_scope[i] = r && (city || view_in_scope(v, r));
		if (r && r->source >= 0 && (size_t)r->source < sources)
			v->source_domains[r->source] |= 1u << r->domain; /* sources: whole city */
		if (!v->in_scope[i]) {
			v->states[i] = 0; /* a free slot or out of scope: counted nowhere */
			continue;
		}
		view_states_t s = states_of(st, alarms, i, r, now_ms);
		v->states[i] = s;
		domain_view_t *dv = &v->domains[r->domain];
		for (int k = 0; k < VS_COUNT; k++)
			dv->counts[k] += (s & VIEW_BIT(k)) != 0;
		dv->ok += s == 0;
		v->keys[i] = (worst_key_t){states_rank(s), worst_order(alarms, i, r, s), i};
		v->readings++;
		v->stale += (s & VIEW_BIT(VS_STALE)) != 0;
		v->domains_present |= 1u << r->domain;
	}
	update_sources(v, st);
	update_alarms(v, alarms, n);
	if (!v->order)
		v->order = view_order_create();
	view_order_update(v->order, v->domains, st, v->keys, v->in_scope);
}

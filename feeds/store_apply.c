/* Applying one parsed item to the store: store_put_reading/kpi/event find
 * or create the item and copy the input over it (a reading's history:
 * store_history.c). */
#include "store_private.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Replaces *dst by src ("" for NULL) only if it differs: an unchanged string
 * costs a comparison, never an allocation. Returns whether it changed. */
static bool str_set(char **dst, const char *src)
{
	if (!src)
		src = "";
	if (*dst && strcmp(*dst, src) == 0)
		return false;
	free(*dst);
	*dst = xstrdup(src);
	return true;
}

static void *grow(void *arr, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return arr;
	size_t ncap = *cap ? *cap * 2 : 16;
	while (ncap < need)
		ncap *= 2;
	arr = xreallocarray(arr, ncap, elem);
	*cap = ncap;
	return arr;
}

/* NEW, UPDATED or DUPLICATE for an item found at pos (-1: not found). */
static store_put_t put_kind(const store_t *st, int source, long pos, uint32_t seen_poll)
{
	if (pos < 0)
		return STORE_PUT_NEW;
	if (st->open_source == source && seen_poll == st->poll_seq)
		return STORE_PUT_DUPLICATE;
	return STORE_PUT_UPDATED;
}

/* True if replacing an item of old_cost by one of cost would take the
 * source past its max_bytes (shrinking is always allowed). */
static bool over_budget(const source_status_t *s, size_t old_cost, size_t cost)
{
	return cost > old_cost && s->bytes_held - old_cost + cost > s->max_bytes;
}

/* A gauge needs min < max. Derived from the limits and the value with a 10%
 * margin; a single point gets max(10% of its magnitude, 1); nothing at all
 * gives 0..1. Computed without overflow or lost precision at any magnitude. */
static void range_derive(reading_t *r)
{
	double pts[5];
	size_t n = 0;
	const limits_t *l = &r->limits;
	if (l->mask & LIMIT_LOLO)
		pts[n++] = l->lolo;
	if (l->mask & LIMIT_LO)
		pts[n++] = l->lo;
	if (l->mask & LIMIT_HI)
		pts[n++] = l->hi;
	if (l->mask & LIMIT_HIHI)
		pts[n++] = l->hihi;
	if (r->has_value)
		pts[n++] = r->value;
	double lo = INFINITY, hi = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(pts[i]))
			continue;
		lo = fmin(lo, pts[i]);
		hi = fmax(hi, pts[i]);
	}
	if (lo > hi) {
		r->range_min = 0;
		r->range_max = 1;
		return;
	}
	double span = hi - lo; /* may overflow to inf: then no margin */
	double margin = span > 0 ? (isfinite(span) ? span * 0.1 : 0) : fmax(fabs(lo) * 0.1, 1);
	double mn = fmax(lo - margin, -DBL_MAX), mx = fmin(hi + margin, DBL_MAX);
	if (!(mn < mx)) {
		mn = nextafter(lo, -INFINITY);
		mx = nextafter(hi, INFINITY);
	}
	r->range_min = mn;
	r->range_max = mx;
}

/* The time of the observation on our clock, by the rule of store.h "Age":
 * the age it had by the producer's clock, plus the lag of the document's
 * time behind ours beyond the tolerance. A time ahead of ours beyond the
 * tolerance is not believed (no negative age) and is flagged. An observation
 * no newer than the one held (same or earlier producer time) is the same
 * one resent: it keeps the older time, so resending never freshens data. */
static void reading_age_apply(reading_t *r, const reading_in_t *in, int64_t now_ms, int64_t skew_ms,
                              bool existed)
{
	int64_t age = in->age_at_receipt_ms > 0 ? in->age_at_receipt_ms : 0;
	bool ahead = false;
	if (in->dated && in->lag_ms > skew_ms)
		age += in->lag_ms - skew_ms;
	else if (in->dated && in->lag_ms < -skew_ms)
		ahead = true;
	int64_t observed = now_ms - age;
	int64_t ts = in->has_ts ? in->ts_ms : now_ms;
	if (existed && r->dated && in->dated && ts <= r->ts_ms) {
		int64_t before = r->received_ms - r->age_at_receipt_ms;
		if (before < observed)
			observed = before;
	}
	r->ts_ms = ts;
	r->received_ms = now_ms;
	r->age_at_receipt_ms = now_ms - observed;
	r->dated = in->dated;
	r->ahead_of_clock = ahead;
}

static bool limits_same(const limits_t *a, const limits_t *b)
{
	return a->mask == b->mask && a->lolo == b->lolo && a->lo == b->lo && a->hi == b->hi &&
	       a->hihi == b->hihi;
}

static void reading_apply(reading_t *r, const reading_in_t *in, int64_t now_ms)
{
	bool relabelled = str_set(&r->name, in->name ? in->name : in->id);
	bool moved = false;
	if (!r->domain_token || strcmp(r->domain_token, in->domain ? in->domain : "") != 0) {
		str_set(&r->domain_token, in->domain);
		r->domain = domain_from_token(in->domain);
		moved = true;
	}
	moved |= str_set(&r->district, in->district);
	moved |= str_set(&r->street, in->street);
	if (moved)
		r->place_version++;
	str_set(&r->unit, in->unit);
	r->has_value = in->has_value && isfinite(in->value);
	r->value = r->has_value ? in->value : 0;
	bool invalid = in->limits_invalid || !limits_ordered(&in->limits);
	limits_t limits = invalid ? (limits_t){0} : in->limits;
	relabelled |= moved || invalid != r->limits_invalid || !limits_same(&limits, &r->limits);
	r->limits_invalid = invalid;
	r->limits = limits;
	if (relabelled || !r->label_stamp) /* a new reading's is 0 */
		r->label_stamp = store_stamp_new(); /* none other has had it */
	r->deadband = in->deadband > 0 && isfinite(in->deadband) ? in->deadband : 0;
	r->quality = in->quality;
	if (r->ahead_of_clock && r->quality == QUALITY_GOOD)
		r->quality = QUALITY_UNCERTAIN; /* its time is not believed */
	if (in->has_range && isfinite(in->range_min) && isfinite(in->range_max) &&
	    in->range_min < in->range_max) {
		r->range_min = in->range_min;
		r->range_max = in->range_max;
	} else {
		range_derive(r);
	}
	store_history_backfill(r, in, now_ms);
	store_history_record(r, now_ms);
}

/* A new reading's slot: a free one if there is one, else a new one at the end. */
static size_t reading_slot_new(store_t *st, int source, const char *id)
{
	size_t pos;
	if (st->free_count) {
		pos = st->free_slots[--st->free_count];
	} else {
		st->readings = grow(st->readings, &st->reading_cap, st->reading_count + 1,
		                    sizeof *st->readings);
		pos = st->reading_count++;
	}
	reading_t *r = &st->readings[pos];
	memset(r, 0, sizeof *r);
	r->id = xstrdup(id);
	r->source = source;
	r->serial = ++st->next_serial; /* new, also in a slot taken again */
	keyindex_put(&st->reading_ix, source, r->id, pos);
	return pos;
}

/* Counts a reading of the open poll once (repeats are not counted). */
static void reading_carried(store_t *st, const source_status_t *s, const reading_t *r, int source,
                            store_put_t kind)
{
	if (st->open_source != source || kind == STORE_PUT_DUPLICATE)
		return;
	st->poll_carried++;
	if (kind != STORE_PUT_NEW && s->applied_poll && r->seen_poll == s->applied_poll)
		st->poll_carried_prev++;
}

store_put_t store_put_reading(store_t *st, int source, const reading_in_t *in, int64_t now_ms)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return STORE_PUT_REFUSED;
	source_status_t *s = &st->sources[source];
	long pos = keyindex_find(&st->reading_ix, source, in->id);
	store_put_t kind = put_kind(st, source, pos, pos >= 0 ? st->readings[pos].put_poll : 0);
	size_t old_cost = pos >= 0 ? st->readings[pos].cost : 0;
	/* what it will cost once applied */
	size_t cost = store_cost_reading_in(in, pos >= 0 ? &st->readings[pos] : NULL);
	/* Limits per source, so a feed inventing ids or bytes cannot crowd out
	 * another's readings: what would go beyond is refused, not stored. */
	store_put_t refused = kind;
	if (pos < 0 && s->readings_held >= s->max_readings)
		refused = STORE_PUT_REFUSED;
	else if (over_budget(s, old_cost, cost))
		refused = STORE_PUT_OVER_BUDGET;
	if (refused != kind) {
		st->poll_refused++;
		if (pos >= 0) { /* still carried: it keeps ageing, it does not vanish */
			reading_carried(st, s, &st->readings[pos], source, kind);
			st->readings[pos].seen_poll = store_image_seq(st, s);
			st->readings[pos].put_poll = st->poll_seq;
			st->readings[pos].confirmed_ms = now_ms;
		}
		return refused;
	}
	bool existed = pos >= 0;
	if (!existed) {
		pos = (long)reading_slot_new(st, source, in->id);
		s->readings_held++;
	}
	reading_t *r = &st->readings[pos];
	reading_carried(st, s, r, source, kind);
	reading_age_apply(r, in, now_ms, s->clock_skew_ms, existed);
	reading_apply(r, in, now_ms);
	if (r->ahead_of_clock && kind != STORE_PUT_DUPLICATE)
		st->poll_ahead++;
	r->seen_poll = store_image_seq(st, s);
	r->put_poll = st->poll_seq;
	r->behind_doc_ms = in->age_at_receipt_ms > 0 ? in->age_at_receipt_ms : 0;
	r->confirmed_ms = now_ms;
	r->cost = cost;
	s->bytes_held = s->bytes_held - old_cost + r->cost;
	st->generation++;
	return kind;
}

size_t store_kpi_memberships(const kpi_in_t *in, kpi_membership_in_t out[STORE_KPI_INDICES])
{
	size_t n = 0;
	for (size_t i = 0; in->indices && i < in->index_count && n < STORE_KPI_INDICES; i++)
		if (in->indices[i].index && isfinite(in->indices[i].weight))
			out[n++] = in->indices[i];
	if (n == 0 && in->index && in->index[0])
		out[n++] = (kpi_membership_in_t){
		    in->index, in->has_weight && isfinite(in->weight) ? in->weight : 1.0};
	return n;
}

static void kpi_memberships_apply(kpi_t *k, const kpi_in_t *in)
{
	kpi_membership_in_t m[STORE_KPI_INDICES];
	size_t n = store_kpi_memberships(in, m);
	for (size_t i = n; i < k->index_count; i++) {
		free(k->indices[i].index);
		k->indices[i].index = NULL;
	}
	for (size_t i = 0; i < n; i++) {
		str_set(&k->indices[i].index, m[i].index);
		k->indices[i].weight = m[i].weight;
	}
	k->index_count = n;
}

static void kpi_apply(kpi_t *k, const kpi_in_t *in, int64_t now_ms)
{
	str_set(&k->name, in->name ? in->name : in->id);
	str_set(&k->category, in->category);
	str_set(&k->unit, in->unit);
	str_set(&k->period, in->period);
	str_set(&k->index, in->index);
	str_set(&k->district, in->district);
	str_set(&k->street, in->street);
	k->has_value = in->has_value && isfinite(in->value);
	k->value = k->has_value ? in->value : 0;
	k->has_target = in->has_target && isfinite(in->target);
	k->target = k->has_target ? in->target : 0;
	k->better_lower = in->better_lower;
	/* Keep the newest STORE_KPI_HISTORY values, oldest first. */
	size_t n = in->history ? in->history_len : 0;
	size_t skip = n > STORE_KPI_HISTORY ? n - STORE_KPI_HISTORY : 0;
	k->history_len = n - skip;
	if (k->history_len)
		memcpy(k->history, in->history + skip, k->history_len * sizeof *k->history);
	k->has_weight = in->has_weight && isfinite(in->weight);
	k->weight = k->has_weight ? in->weight : 0;
	kpi_memberships_apply(k, in);
	k->received_ms = now_ms;
}

store_put_t store_put_kpi(store_t *st, int source, const kpi_in_t *in, int64_t now_ms)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return STORE_PUT_REFUSED;
	source_status_t *s = &st->sources[source];
	long pos = keyindex_find(&st->kpi_ix, source, in->id);
	store_put_t kind = put_kind(st, source, pos, pos >= 0 ? st->kpis[pos].seen_poll : 0);
	size_t old_cost = pos >= 0 ? st->kpis[pos].cost : 0;
	if (over_budget(s, old_cost, store_cost_kpi_in(in))) {
		st->poll_refused++;
		if (pos >= 0)
			st->kpis[pos].seen_poll = st->poll_seq; /* listed: not dropped */
		return STORE_PUT_OVER_BUDGET;
	}
	if (pos < 0) {
		st->kpis = grow(st->kpis, &st->kpi_cap, st->kpi_count + 1, sizeof *st->kpis);
		pos = (long)st->kpi_count++;
		memset(&st->kpis[pos], 0, sizeof st->kpis[pos]);
		st->kpis[pos].id = xstrdup(in->id);
		st->kpis[pos].source = source;
		st->kpis[pos].serial = ++st->next_serial; /* kept when it moves */
		keyindex_put(&st->kpi_ix, source, st->kpis[pos].id, (size_t)pos);
	}
	kpi_t *k = &st->kpis[pos];
	kpi_apply(k, in, now_ms);
	k->seen_poll = st->poll_seq;
	k->cost = store_cost_kpi(k);
	s->bytes_held = s->bytes_held - old_cost + k->cost;
	st->generation++;
	st->kpi_stamp = store_stamp_new();
	return kind;
}

/* The plan's first STORE_PLAN_STEPS steps; strings kept when unchanged. */
static void event_plan_apply(event_t *e, const event_in_t *in)
{
	size_t n = in->plan ? in->plan_count : 0;
	if (n > STORE_PLAN_STEPS)
		n = STORE_PLAN_STEPS;
	for (size_t i = n; i < e->plan_count; i++) {
		free(e->plan[i].name);
		free(e->plan[i].department);
		e->plan[i].name = e->plan[i].department = NULL;
	}
	for (size_t i = 0; i < n; i++) {
		str_set(&e->plan[i].name, in->plan[i].name);
		str_set(&e->plan[i].department, in->plan[i].department);
		e->plan[i].done = in->plan[i].done;
	}
	e->plan_count = n;
	n = in->escalations ? in->escalation_count : 0;
	if (n > STORE_ESCALATIONS)
		n = STORE_ESCALATIONS;
	if (n)
		memcpy(e->escalations, in->escalations, n * sizeof *e->escalations);
	e->escalation_count = n;
}

static void event_apply(event_t *e, const event_in_t *in, int64_t now_ms)
{
	str_set(&e->type, in->type);
	str_set(&e->title, in->title ? in->title : in->id);
	str_set(&e->district, in->district);
	str_set(&e->street, in->street);
	e->severity = in->severity;
	e->level = in->level;
	e->stage = in->stage;
	e->opened_ms = in->opened_ms;
	e->updated_ms = in->updated_ms;
	size_t n = in->departments ? in->department_count : 0;
	if (n > STORE_DEPARTMENTS)
		n = STORE_DEPARTMENTS;
	for (size_t i = n; i < e->department_count; i++) {
		free(e->departments[i].name);
		e->departments[i].name = NULL;
	}
	for (size_t i = 0; i < n; i++) {
		str_set(&e->departments[i].name, in->departments[i].name);
		e->departments[i].state = in->departments[i].state;
	}
	e->department_count = n;
	e->steps_done = in->steps_done;
	e->steps_total = in->steps_total;
	str_set(&e->type_name, in->type_name);
	str_set(&e->category, in->category);
	str_set(&e->subcategory, in->subcategory);
	e->due_ms = in->due_ms;
	event_plan_apply(e, in);
	e->received_ms = now_ms;
}

/* Appends the event's stage and tier as seen at now_ms; when full, the
 * oldest entry after the first (when it was first seen) makes room. */
static void event_timeline_note(event_t *e, int64_t now_ms)
{
	if (e->timeline_count == STORE_EVENT_TIMELINE) {
		memmove(&e->timeline[1], &e->timeline[2],
		        (STORE_EVENT_TIMELINE - 2) * sizeof e->timeline[0]);
		e->timeline_count--;
	}
	e->timeline[e->timeline_count++] = (event_change_t){now_ms, e->stage, e->level};
}

store_put_t store_put_event(store_t *st, int source, const event_in_t *in, int64_t now_ms)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return STORE_PUT_REFUSED;
	source_status_t *s = &st->sources[source];
	long pos = keyindex_find(&st->event_ix, source, in->id);
	store_put_t kind = put_kind(st, source, pos, pos >= 0 ? st->events[pos].seen_poll : 0);
	size_t old_cost = pos >= 0 ? st->events[pos].cost : 0;
	if (over_budget(s, old_cost, store_cost_event_in(in))) {
		st->poll_refused++;
		if (pos >= 0)
			st->events[pos].seen_poll = st->poll_seq; /* listed: not dropped */
		return STORE_PUT_OVER_BUDGET;
	}
	if (pos < 0) {
		st->events =
		    grow(st->events, &st->event_cap, st->event_count + 1, sizeof *st->events);
		pos = (long)st->event_count++;
		memset(&st->events[pos], 0, sizeof st->events[pos]);
		st->events[pos].id = xstrdup(in->id);
		st->events[pos].source = source;
		st->events[pos].serial = ++st->next_serial; /* kept when it moves */
		keyindex_put(&st->event_ix, source, st->events[pos].id, (size_t)pos);
	}
	event_t *e = &st->events[pos];
	bool seen = kind != STORE_PUT_NEW;
	stage_t stage_before = e->stage;
	tier_t level_before = e->level;
	event_apply(e, in, now_ms);
	if (!seen || e->stage != stage_before || e->level != level_before)
		event_timeline_note(e, now_ms);
	e->seen_poll = st->poll_seq;
	e->cost = store_cost_event(e);
	s->bytes_held = s->bytes_held - old_cost + e->cost;
	st->generation++;
	return kind;
}

#include "store.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "keyindex.h"
#include "text.h"
#include "xalloc.h"

struct store {
	source_status_t *sources;
	size_t source_count;
	reading_t *readings;
	size_t reading_count, reading_cap;
	kpi_t *kpis;
	size_t kpi_count, kpi_cap;
	event_t *events;
	size_t event_count, event_cap;
	keyindex_t reading_ix, kpi_ix, event_ix; /* (source, id) -> array position */
	uint32_t
	    poll_seq;    /* bumped by store_begin_poll; items remember the last that carried them */
	int open_source; /* source of the open poll, -1 if none */
	uint64_t generation;
	size_t reading_limit; /* new ids beyond this many readings are refused */
};

/* Replaces *dst by src ("" for NULL) only if it differs: an unchanged string
 * costs a comparison, never an allocation. */
static void str_set(char **dst, const char *src)
{
	if (!src)
		src = "";
	if (*dst && strcmp(*dst, src) == 0)
		return;
	free(*dst);
	*dst = xstrdup(src);
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

void store_set_reading_limit(store_t *st, size_t limit)
{
	st->reading_limit = limit;
}

store_t *store_create(void)
{
	store_t *st = xcalloc(1, sizeof *st);
	st->open_source = -1;
	st->reading_limit = STORE_DEFAULT_READING_LIMIT;
	keyindex_init(&st->reading_ix);
	keyindex_init(&st->kpi_ix);
	keyindex_init(&st->event_ix);
	return st;
}

static void reading_free(reading_t *r)
{
	free(r->id);
	free(r->name);
	free(r->domain_token);
	free(r->district);
	free(r->street);
	free(r->unit);
}

static void kpi_free(kpi_t *k)
{
	free(k->id);
	free(k->name);
	free(k->category);
	free(k->unit);
	free(k->period);
	free(k->index);
}

static void event_free(event_t *e)
{
	free(e->id);
	free(e->type);
	free(e->title);
	free(e->district);
	free(e->street);
	for (size_t i = 0; i < e->department_count; i++)
		free(e->departments[i].name);
}

void store_destroy(store_t *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->reading_count; i++)
		reading_free(&st->readings[i]);
	for (size_t i = 0; i < st->kpi_count; i++)
		kpi_free(&st->kpis[i]);
	for (size_t i = 0; i < st->event_count; i++)
		event_free(&st->events[i]);
	for (size_t i = 0; i < st->source_count; i++) {
		source_status_t *s = &st->sources[i];
		free(s->name);
		free(s->url);
		free(s->error);
		free(s->error_detail);
		free(s->last_skip_reason);
	}
	free(st->sources);
	free(st->readings);
	free(st->kpis);
	free(st->events);
	keyindex_free(&st->reading_ix);
	keyindex_free(&st->kpi_ix);
	keyindex_free(&st->event_ix);
	free(st);
}

int store_add_source(store_t *st, const char *name, const char *url, int64_t interval_ms,
                     int64_t stale_after_ms)
{
	st->sources = xreallocarray(st->sources, st->source_count + 1, sizeof *st->sources);
	source_status_t *s = &st->sources[st->source_count];
	memset(s, 0, sizeof *s);
	s->name = xstrdup(name ? name : "");
	s->url = xstrdup(url ? url : "");
	s->interval_ms = interval_ms > 0 ? interval_ms : 1000;
	s->stale_after_ms = stale_after_ms > 0 ? stale_after_ms : 3 * s->interval_ms;
	st->generation++;
	return (int)st->source_count++;
}

size_t store_source_count(const store_t *st)
{
	return st->source_count;
}

const source_status_t *store_source(const store_t *st, int source)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return NULL;
	return &st->sources[source];
}

void store_begin_poll(store_t *st, int source, int64_t now_ms)
{
	/* Skip 0 on wrap-around: fresh items carry seen_poll 0. */
	if (++st->poll_seq == 0)
		st->poll_seq = 1;
	st->open_source = source;
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

/* float conversion of an out-of-range double is undefined: clamp first. */
static float to_float(bool has, double v)
{
	if (!has || isnan(v))
		return NAN;
	if (v > FLT_MAX)
		return FLT_MAX;
	if (v < -FLT_MAX)
		return -FLT_MAX;
	return (float)v;
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

static void reading_apply(reading_t *r, const reading_in_t *in, int64_t now_ms, bool dup)
{
	str_set(&r->name, in->name ? in->name : in->id);
	if (!r->domain_token || strcmp(r->domain_token, in->domain ? in->domain : "") != 0) {
		str_set(&r->domain_token, in->domain);
		r->domain = domain_from_token(in->domain);
	}
	str_set(&r->district, in->district);
	str_set(&r->street, in->street);
	str_set(&r->unit, in->unit);
	r->has_value = in->has_value && isfinite(in->value);
	r->value = r->has_value ? in->value : 0;
	r->ts_ms = in->has_ts ? in->ts_ms : now_ms;
	r->received_ms = now_ms;
	r->age_at_receipt_ms = in->age_at_receipt_ms > 0 ? in->age_at_receipt_ms : 0;
	r->limits = limits_ordered(&in->limits) ? in->limits : (limits_t){0};
	r->deadband = in->deadband > 0 && isfinite(in->deadband) ? in->deadband : 0;
	r->quality = in->quality;
	if (in->has_range && isfinite(in->range_min) && isfinite(in->range_max) &&
	    in->range_min < in->range_max) {
		r->range_min = in->range_min;
		r->range_max = in->range_max;
	} else {
		range_derive(r);
	}
	/* One sample per poll: a repeat in the same document replaces it. */
	if (dup && r->history_len) {
		r->history[(r->history_head + STORE_HISTORY - 1) % STORE_HISTORY] =
		    to_float(r->has_value, r->value);
		return;
	}
	r->history[r->history_head] = to_float(r->has_value, r->value);
	r->history_head = (uint16_t)((r->history_head + 1) % STORE_HISTORY);
	if (r->history_len < STORE_HISTORY)
		r->history_len++;
}

store_put_t store_put_reading(store_t *st, int source, const reading_in_t *in, int64_t now_ms)
{
	long pos = keyindex_find(&st->reading_ix, source, in->id);
	store_put_t kind = put_kind(st, source, pos, pos >= 0 ? st->readings[pos].seen_poll : 0);
	if (pos < 0 && st->reading_count >= st->reading_limit)
		return STORE_PUT_REFUSED; /* a feed inventing ids must not eat the memory */
	if (pos < 0) {
		st->readings = grow(st->readings, &st->reading_cap, st->reading_count + 1,
		                    sizeof *st->readings);
		pos = (long)st->reading_count++;
		reading_t *r = &st->readings[pos];
		memset(r, 0, sizeof *r);
		r->id = xstrdup(in->id);
		r->source = source;
		keyindex_put(&st->reading_ix, source, r->id, (size_t)pos);
	}
	reading_t *r = &st->readings[pos];
	reading_apply(r, in, now_ms, kind == STORE_PUT_DUPLICATE);
	r->seen_poll = st->poll_seq;
	st->generation++;
	return kind;
}

static void kpi_apply(kpi_t *k, const kpi_in_t *in, int64_t now_ms)
{
	str_set(&k->name, in->name ? in->name : in->id);
	str_set(&k->category, in->category);
	str_set(&k->unit, in->unit);
	str_set(&k->period, in->period);
	str_set(&k->index, in->index);
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
	k->received_ms = now_ms;
}

store_put_t store_put_kpi(store_t *st, int source, const kpi_in_t *in, int64_t now_ms)
{
	long pos = keyindex_find(&st->kpi_ix, source, in->id);
	store_put_t kind = put_kind(st, source, pos, pos >= 0 ? st->kpis[pos].seen_poll : 0);
	if (pos < 0) {
		st->kpis = grow(st->kpis, &st->kpi_cap, st->kpi_count + 1, sizeof *st->kpis);
		pos = (long)st->kpi_count++;
		memset(&st->kpis[pos], 0, sizeof st->kpis[pos]);
		st->kpis[pos].id = xstrdup(in->id);
		st->kpis[pos].source = source;
		keyindex_put(&st->kpi_ix, source, st->kpis[pos].id, (size_t)pos);
	}
	kpi_apply(&st->kpis[pos], in, now_ms);
	st->kpis[pos].seen_poll = st->poll_seq;
	st->generation++;
	return kind;
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
	e->received_ms = now_ms;
}

store_put_t store_put_event(store_t *st, int source, const event_in_t *in, int64_t now_ms)
{
	long pos = keyindex_find(&st->event_ix, source, in->id);
	store_put_t kind = put_kind(st, source, pos, pos >= 0 ? st->events[pos].seen_poll : 0);
	if (pos < 0) {
		st->events =
		    grow(st->events, &st->event_cap, st->event_count + 1, sizeof *st->events);
		pos = (long)st->event_count++;
		memset(&st->events[pos], 0, sizeof st->events[pos]);
		st->events[pos].id = xstrdup(in->id);
		st->events[pos].source = source;
		keyindex_put(&st->event_ix, source, st->events[pos].id, (size_t)pos);
	}
	event_apply(&st->events[pos], in, now_ms);
	st->events[pos].seen_poll = st->poll_seq;
	st->generation++;
	return kind;
}

/* Drops the source's KPIs this poll did not carry. Swap-with-last keeps the
 * array compact (order changes); the moved item is re-pointed in the index. */
static void kpis_sweep(store_t *st, int source)
{
	for (size_t i = 0; i < st->kpi_count;) {
		kpi_t *k = &st->kpis[i];
		if (k->source != source || k->seen_poll == st->poll_seq) {
			i++;
			continue;
		}
		keyindex_remove(&st->kpi_ix, k->source, k->id);
		kpi_free(k);
		*k = st->kpis[--st->kpi_count];
		if (i < st->kpi_count)
			keyindex_put(&st->kpi_ix, k->source, k->id, i);
	}
}

static void events_sweep(store_t *st, int source)
{
	for (size_t i = 0; i < st->event_count;) {
		event_t *e = &st->events[i];
		if (e->source != source || e->seen_poll == st->poll_seq) {
			i++;
			continue;
		}
		keyindex_remove(&st->event_ix, e->source, e->id);
		event_free(e);
		*e = st->events[--st->event_count];
		if (i < st->event_count)
			keyindex_put(&st->event_ix, e->source, e->id, i);
	}
}

static void status_ok(source_status_t *s, int64_t now_ms)
{
	s->ever_ok = true;
	s->failing = false;
	free(s->error);
	free(s->error_detail);
	s->error = s->error_detail = NULL;
	s->last_ok_ms = now_ms;
	s->last_attempt_ms = now_ms;
	s->consecutive_failures = 0;
}

void store_end_poll(store_t *st, int source, const poll_report_t *rep, int64_t now_ms)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return;
	source_status_t *s = &st->sources[source];
	if (st->open_source == source) {
		if (rep && rep->had_kpis)
			kpis_sweep(st, source);
		if (rep && rep->had_events)
			events_sweep(st, source);
	}
	if (st->open_source == source)
		s->applied_poll = st->poll_seq;
	st->open_source = -1;
	status_ok(s, now_ms);
	s->skipped = rep ? rep->skipped : 0;
	s->duplicates = rep ? rep->duplicates : 0;
	s->limits_ignored = rep ? rep->limits_ignored : 0;
	free(s->last_skip_reason);
	s->last_skip_reason = NULL;
	if (rep && rep->first_skip_reason && rep->first_skip_reason[0])
		s->last_skip_reason = xstrdup(rep->first_skip_reason);
	s->polls_ok++;
	st->generation++;
}

void store_poll_failed(store_t *st, int source, const char *reason, int64_t now_ms)
{
	store_poll_failed_detail(st, source, reason, NULL, now_ms);
}

/* Reasons come from libraries and servers: they are sanitized here, once,
 * like every other text that reaches the screen or stderr. */
static char *clean_copy(const char *text)
{
	return text && text[0] ? text_sanitize(text, strlen(text)) : NULL;
}

void store_poll_failed_detail(store_t *st, int source, const char *reason, const char *detail,
                              int64_t now_ms)
{
	if (st->open_source == source)
		st->open_source = -1;
	if (source < 0 || (size_t)source >= st->source_count)
		return;
	source_status_t *s = &st->sources[source];
	s->failing = true;
	free(s->error);
	free(s->error_detail);
	s->error = clean_copy(reason);
	if (!s->error)
		s->error = xstrdup("?");
	s->error_detail = clean_copy(detail);
	s->last_attempt_ms = now_ms;
	s->consecutive_failures++;
	s->polls_failed++;
	st->generation++;
}

/* 304: the producer says the last document is still current, so its data is
 * as fresh as if it had been sent again. History is not touched (no new
 * sample was observed). Counted in not_modified, not in polls_ok. */
void store_poll_not_modified(store_t *st, int source, int64_t now_ms)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return;
	uint32_t last = st->sources[source].applied_poll;
	for (size_t i = 0; i < st->reading_count; i++)
		if (st->readings[i].source == source && st->readings[i].seen_poll == last)
			st->readings[i].received_ms = now_ms;
	for (size_t i = 0; i < st->kpi_count; i++)
		if (st->kpis[i].source == source && st->kpis[i].seen_poll == last)
			st->kpis[i].received_ms = now_ms;
	for (size_t i = 0; i < st->event_count; i++)
		if (st->events[i].source == source && st->events[i].seen_poll == last)
			st->events[i].received_ms = now_ms;
	status_ok(&st->sources[source], now_ms);
	st->sources[source].not_modified++;
	st->generation++;
}

size_t store_reading_count(const store_t *st)
{
	return st->reading_count;
}

const reading_t *store_reading(const store_t *st, size_t index)
{
	return index < st->reading_count ? &st->readings[index] : NULL;
}

long store_find_reading(const store_t *st, int source, const char *id)
{
	if (!id)
		return -1;
	return keyindex_find(&st->reading_ix, source, id);
}

size_t store_kpi_count(const store_t *st)
{
	return st->kpi_count;
}

const kpi_t *store_kpi(const store_t *st, size_t index)
{
	return index < st->kpi_count ? &st->kpis[index] : NULL;
}

size_t store_event_count(const store_t *st)
{
	return st->event_count;
}

const event_t *store_event(const store_t *st, size_t index)
{
	return index < st->event_count ? &st->events[index] : NULL;
}

int64_t store_reading_age(const reading_t *r, int64_t now_ms)
{
	return now_ms - r->received_ms + r->age_at_receipt_ms;
}

bool store_reading_stale(const store_t *st, const reading_t *r, int64_t now_ms)
{
	const source_status_t *s = store_source(st, r->source);
	int64_t after = s ? s->stale_after_ms : 3000;
	return store_reading_age(r, now_ms) > after;
}

/* When max < history_len the newest `max` samples are copied. */
size_t reading_history(const reading_t *r, float *out, size_t max)
{
	size_t n = r->history_len < max ? r->history_len : max;
	size_t start = (r->history_head + STORE_HISTORY - n) % STORE_HISTORY;
	for (size_t i = 0; i < n; i++)
		out[i] = r->history[(start + i) % STORE_HISTORY];
	return n;
}

uint64_t store_generation(const store_t *st)
{
	return st->generation;
}

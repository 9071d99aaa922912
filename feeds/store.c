#include "store.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "keyindex.h"
#include "store_private.h"
#include "url_redact.h"
#include "xalloc.h"

uint64_t store_stamp_new(void)
{
	static atomic_uint_fast64_t stamps;
	return (uint64_t)atomic_fetch_add(&stamps, 1) + 1;
}

store_t *store_create(void)
{
	store_t *st = xcalloc(1, sizeof *st);
	st->open_source = -1;
	st->kpi_stamp = store_stamp_new();
	keyindex_init(&st->reading_ix);
	keyindex_init(&st->kpi_ix);
	keyindex_init(&st->event_ix);
	return st;
}

void store_reading_free(reading_t *r)
{
	free(r->id);
	free(r->name);
	free(r->domain_token);
	free(r->district);
	free(r->street);
	free(r->unit);
	history_ring_free(&r->history);
}

void store_kpi_free(kpi_t *k)
{
	free(k->id);
	free(k->name);
	free(k->category);
	free(k->unit);
	free(k->period);
	free(k->index);
	free(k->district);
	free(k->street);
	for (size_t i = 0; i < k->index_count; i++)
		free(k->indices[i].index);
}

void store_event_free(event_t *e)
{
	free(e->id);
	free(e->type);
	free(e->title);
	free(e->district);
	free(e->street);
	for (size_t i = 0; i < e->department_count; i++)
		free(e->departments[i].name);
	free(e->type_name);
	free(e->category);
	free(e->subcategory);
	for (size_t i = 0; i < e->plan_count; i++) {
		free(e->plan[i].name);
		free(e->plan[i].department);
	}
}

void store_destroy(store_t *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->reading_count; i++)
		store_reading_free(&st->readings[i]);
	for (size_t i = 0; i < st->kpi_count; i++)
		store_kpi_free(&st->kpis[i]);
	for (size_t i = 0; i < st->event_count; i++)
		store_event_free(&st->events[i]);
	for (size_t i = 0; i < st->source_count; i++) {
		source_status_t *s = &st->sources[i];
		free(s->name);
		free(s->url);
		free(s->error);
		free(s->error_detail);
		free(s->last_skip_reason);
		free(s->warning);
		free(s->first_bad_limits);
	}
	free(st->sources);
	free(st->readings);
	free(st->free_slots);
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
	s->url = url_redact(url); /* only the poller keeps the real one */
	s->interval_ms = interval_ms > 0 ? interval_ms : 1000;
	s->stale_after_ms = stale_after_ms > 0 ? stale_after_ms : 3 * s->interval_ms;
	s->vanish_due_ms = INT64_MAX;
	int index = (int)st->source_count++;
	store_set_source_limits(st, index, NULL);
	st->generation++;
	return index;
}

void store_set_source_limits(store_t *st, int source, const source_limits_t *lim)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return;
	source_status_t *s = &st->sources[source];
	source_limits_t l = lim ? *lim : (source_limits_t){.clock_skew_ms = -1};
	s->max_readings = l.max_readings ? l.max_readings : STORE_DEFAULT_MAX_READINGS;
	s->max_bytes = l.max_bytes ? l.max_bytes : STORE_DEFAULT_MAX_BYTES;
	s->retention_ms =
	    l.retention_ms > 0 ? l.retention_ms : STORE_RETENTION_STALE_FACTOR * s->stale_after_ms;
	s->clock_skew_ms = l.clock_skew_ms >= 0 ? l.clock_skew_ms : STORE_DEFAULT_CLOCK_SKEW_MS;
	/* A shorter retention may make a reading due now. */
	s->vanish_due_ms = s->readings_held ? INT64_MIN : INT64_MAX;
}

void store_source_set_tls_unverified(store_t *st, int source, bool unverified)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return;
	st->sources[source].tls_unverified = unverified;
	st->generation++;
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

size_t store_reading_count(const store_t *st)
{
	return st->reading_count;
}

const reading_t *store_reading(const store_t *st, size_t index)
{
	/* A free slot has no id. */
	return index < st->reading_count && st->readings[index].id ? &st->readings[index] : NULL;
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
	return store_reading_vouched_age(st, r, now_ms) > after;
}

int64_t store_source_data_age(const store_t *st, int source, int64_t now_ms)
{
	const source_status_t *s = store_source(st, source);
	return s ? source_data_age(s, now_ms) : -1;
}

int64_t source_data_age(const source_status_t *s, int64_t now_ms)
{
	if (!s->applied_poll) /* no document applied yet */
		return -1;
	return now_ms > s->data_ms ? now_ms - s->data_ms : 0;
}

uint64_t store_kpi_stamp(const store_t *st)
{
	return st->kpi_stamp;
}

uint64_t store_generation(const store_t *st)
{
	return st->generation;
}

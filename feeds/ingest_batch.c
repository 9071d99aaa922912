#include "ingest_batch.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

#define CHUNK_MIN (64 * 1024)

/* Arena chunk: strings and arrays of elements, never moved once written, so
 * the element structs can point into them directly. */
typedef struct chunk {
	struct chunk *next;
	size_t used, cap;
	alignas(max_align_t) unsigned char data[];
} chunk_t;

typedef struct removal {
	feed_item_t kind;
	const char *id; /* in the arena */
} removal_t;

struct ingest_batch {
	int64_t now_ms;
	bool rejected;
	char *cause;
	feed_stats_t stats;
	reading_in_t *readings;
	size_t reading_count, reading_cap;
	kpi_in_t *kpis;
	size_t kpi_count, kpi_cap;
	event_in_t *events;
	size_t event_count, event_cap;
	removal_t *removals; /* a delta's removed ids, applied first */
	size_t removal_count, removal_cap;
	chunk_t *chunks; /* newest first */
	size_t arena_bytes;
	size_t max_bytes; /* 0: no limit */
	bool too_big;     /* went past max_bytes: the rest is not copied */
	/* Applying. */
	ingest_doc_t *doc;
	size_t applied; /* removals, then readings, KPIs, events */
	bool done;
};

static void *arena_alloc(ingest_batch_t *b, size_t size, size_t align)
{
	chunk_t *c = b->chunks;
	size_t at = c ? (c->used + align - 1) / align * align : 0;
	if (!c || at > c->cap || size > c->cap - at) {
		size_t cap = size > CHUNK_MIN ? size : CHUNK_MIN;
		c = xmalloc(sizeof *c + cap);
		c->cap = cap;
		c->next = b->chunks;
		b->chunks = c;
		b->arena_bytes += sizeof *c + cap;
		at = 0;
	}
	c->used = at + size;
	return c->data + at;
}

static const char *arena_str(ingest_batch_t *b, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	return memcpy(arena_alloc(b, n, 1), s, n);
}

/* Grows an element array by one; returns the new slot. */
static void *push(void **arr, size_t *count, size_t *cap, size_t size)
{
	if (*count == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*arr = xreallocarray(*arr, *cap, size);
	}
	return (unsigned char *)*arr + (*count)++ * size;
}

/* Past the budget nothing more is copied; the batch is rejected at the end. */
static bool over_budget(ingest_batch_t *b)
{
	if (!b->too_big && b->max_bytes && ingest_batch_bytes(b) > b->max_bytes)
		b->too_big = true;
	return b->too_big;
}

static void copy_reading(void *ctx, const reading_in_t *in)
{
	ingest_batch_t *b = ctx;
	if (over_budget(b))
		return;
	reading_in_t *r =
	    push((void **)&b->readings, &b->reading_count, &b->reading_cap, sizeof *r);
	*r = *in;
	r->id = arena_str(b, in->id);
	r->name = arena_str(b, in->name);
	r->domain = arena_str(b, in->domain);
	r->district = arena_str(b, in->district);
	r->street = arena_str(b, in->street);
	r->unit = arena_str(b, in->unit);
	if (in->backfill && in->backfill_len) {
		history_sample_t *h =
		    arena_alloc(b, in->backfill_len * sizeof *h, alignof(history_sample_t));
		memcpy(h, in->backfill, in->backfill_len * sizeof *h);
		r->backfill = h;
	} else {
		r->backfill = NULL;
		r->backfill_len = 0;
	}
}

static void copy_kpi(void *ctx, const kpi_in_t *in)
{
	ingest_batch_t *b = ctx;
	if (over_budget(b))
		return;
	kpi_in_t *k = push((void **)&b->kpis, &b->kpi_count, &b->kpi_cap, sizeof *k);
	*k = *in;
	k->id = arena_str(b, in->id);
	k->name = arena_str(b, in->name);
	k->category = arena_str(b, in->category);
	k->unit = arena_str(b, in->unit);
	k->period = arena_str(b, in->period);
	k->index = arena_str(b, in->index);
	k->district = arena_str(b, in->district);
	k->street = arena_str(b, in->street);
	if (in->indices && in->index_count) {
		kpi_membership_in_t *m =
		    arena_alloc(b, in->index_count * sizeof *m, alignof(kpi_membership_in_t));
		for (size_t i = 0; i < in->index_count; i++)
			m[i] = (kpi_membership_in_t){arena_str(b, in->indices[i].index),
			                             in->indices[i].weight};
		k->indices = m;
	} else {
		k->indices = NULL;
		k->index_count = 0;
	}
	if (in->history && in->history_len) {
		double *h = arena_alloc(b, in->history_len * sizeof *h, alignof(double));
		memcpy(h, in->history, in->history_len * sizeof *h);
		k->history = h;
	} else {
		k->history = NULL;
		k->history_len = 0;
	}
}

/* The plan's steps and the escalations, into the arena. */
static void copy_event_plan(ingest_batch_t *b, const event_in_t *in, event_in_t *e)
{
	if (in->plan && in->plan_count) {
		plan_step_in_t *p = arena_alloc(b, in->plan_count * sizeof *p, alignof(plan_step_in_t));
		for (size_t i = 0; i < in->plan_count; i++)
			p[i] = (plan_step_in_t){arena_str(b, in->plan[i].name),
			                        arena_str(b, in->plan[i].department), in->plan[i].done};
		e->plan = p;
	} else {
		e->plan = NULL;
		e->plan_count = 0;
	}
	if (in->escalations && in->escalation_count) {
		escalation_t *x =
		    arena_alloc(b, in->escalation_count * sizeof *x, alignof(escalation_t));
		memcpy(x, in->escalations, in->escalation_count * sizeof *x);
		e->escalations = x;
	} else {
		e->escalations = NULL;
		e->escalation_count = 0;
	}
}

static void copy_event(void *ctx, const event_in_t *in)
{
	ingest_batch_t *b = ctx;
	if (over_budget(b))
		return;
	event_in_t *e = push((void **)&b->events, &b->event_count, &b->event_cap, sizeof *e);
	*e = *in;
	e->id = arena_str(b, in->id);
	e->type = arena_str(b, in->type);
	e->title = arena_str(b, in->title);
	e->district = arena_str(b, in->district);
	e->street = arena_str(b, in->street);
	e->type_name = arena_str(b, in->type_name);
	e->category = arena_str(b, in->category);
	e->subcategory = arena_str(b, in->subcategory);
	copy_event_plan(b, in, e);
	if (in->departments && in->department_count) {
		department_t *d =
		    arena_alloc(b, in->department_count * sizeof *d, alignof(department_t));
		for (size_t i = 0; i < in->department_count; i++) {
			d[i].name = arena_str(b, in->departments[i].name);
			d[i].state = in->departments[i].state;
		}
		e->departments = d;
	} else {
		e->departments = NULL;
		e->department_count = 0;
	}
}

static void copy_removed(void *ctx, feed_item_t kind, const char *id)
{
	ingest_batch_t *b = ctx;
	if (over_budget(b))
		return;
	removal_t *r = push((void **)&b->removals, &b->removal_count, &b->removal_cap, sizeof *r);
	r->kind = kind;
	r->id = arena_str(b, id);
}

/* Drops every element held (a batch that is rejected after all). */
static void drop_elements(ingest_batch_t *b)
{
	for (chunk_t *c = b->chunks, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	b->chunks = NULL;
	b->arena_bytes = 0;
	free(b->readings);
	free(b->kpis);
	free(b->events);
	free(b->removals);
	b->readings = NULL;
	b->kpis = NULL;
	b->events = NULL;
	b->removals = NULL;
	b->reading_count = b->reading_cap = b->kpi_count = b->kpi_cap = 0;
	b->event_count = b->event_cap = b->removal_count = b->removal_cap = 0;
}

ingest_batch_t *ingest_batch_parse(const adapter_t *adapter, const char *body, size_t len,
                                   int64_t now_ms, size_t max_bytes)
{
	adapter_body_t one = {body, len, 0};
	return ingest_batch_parse_bodies(adapter, NULL, &one, 1, now_ms, max_bytes);
}

ingest_batch_t *ingest_batch_parse_bodies(const adapter_t *adapter, const void *opts,
                                          const adapter_body_t *bodies, size_t n,
                                          int64_t now_ms, size_t max_bytes)
{
	if (!adapter)
		adapter = adapter_find(NULL);
	ingest_batch_t *b = xcalloc(1, sizeof *b);
	b->now_ms = now_ms;
	b->max_bytes = max_bytes;
	feed_sink_t sink = {b, copy_reading, copy_kpi, copy_event, max_bytes, NULL, copy_removed};
	char *cause = NULL;
	if (adapter->parse(opts, bodies, n, now_ms, &sink, &b->stats, &cause) < 0) {
		/* The adapter contract (ingest.c): nothing was handed out. */
		b->rejected = true;
		b->cause = cause ? cause : xstrdup(_("document rejected"));
	} else if (b->too_big) {
		/* Nothing of it was applied yet, so it can still be rejected whole. */
		drop_elements(b);
		b->rejected = true;
		b->cause =
		    xasprintf(_("the document needs more than %zu bytes (max_bytes)"), max_bytes);
	}
	/* Held until applied: give back what the doubling left unused. */
	if (b->reading_count < b->reading_cap) {
		b->readings = xreallocarray(b->readings, b->reading_count ? b->reading_count : 1,
		                            sizeof *b->readings);
		b->reading_cap = b->reading_count;
	}
	return b;
}

void ingest_batch_free(ingest_batch_t *b)
{
	if (!b)
		return;
	if (b->doc)
		ingest_doc_abandon(b->doc);
	for (chunk_t *c = b->chunks, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(b->readings);
	free(b->kpis);
	free(b->events);
	free(b->removals);
	free(b->cause);
	free(b);
}

bool ingest_batch_rejected(const ingest_batch_t *b)
{
	return b->rejected;
}

size_t ingest_batch_elements(const ingest_batch_t *b)
{
	return b->removal_count + b->reading_count + b->kpi_count + b->event_count;
}

const feed_stats_t *ingest_batch_stats(const ingest_batch_t *b)
{
	return &b->stats;
}

void ingest_batch_refuse(ingest_batch_t *b, const char *cause)
{
	if (b->doc || b->done || b->rejected)
		return; /* applying has begun (or it is rejected already) */
	drop_elements(b);
	b->rejected = true;
	b->cause = xstrdup(cause);
}

size_t ingest_batch_bytes(const ingest_batch_t *b)
{
	return sizeof *b + b->arena_bytes + b->reading_cap * sizeof *b->readings +
	       b->kpi_cap * sizeof *b->kpis + b->event_cap * sizeof *b->events +
	       b->removal_cap * sizeof *b->removals;
}

bool ingest_batch_applying(const ingest_batch_t *b)
{
	return b->doc != NULL;
}

bool ingest_batch_apply(ingest_batch_t *b, store_t *st, int source, size_t max_elements,
                        size_t *used)
{
	if (used)
		*used = 0;
	if (b->done)
		return true;
	if (b->rejected) {
		ingest_doc_reject(ingest_doc_open(st, source, b->now_ms), b->cause);
		b->done = true;
		return true;
	}
	const feed_sink_t *sink;
	if (!b->doc) {
		b->doc = ingest_doc_open(st, source, b->now_ms);
		sink = ingest_doc_sink(b->doc);
		sink->header(sink->ctx, &b->stats); /* a delta or not */
	}
	sink = ingest_doc_sink(b->doc);
	size_t total = ingest_batch_elements(b), n = 0;
	if (max_elements == 0)
		max_elements = 1;
	for (; b->applied < total && n < max_elements; b->applied++, n++) {
		size_t i = b->applied;
		if (i < b->removal_count) {
			sink->removed(sink->ctx, b->removals[i].kind, b->removals[i].id);
			continue;
		}
		i -= b->removal_count;
		if (i < b->reading_count) {
			sink->reading(sink->ctx, &b->readings[i]);
			continue;
		}
		i -= b->reading_count;
		if (i < b->kpi_count) {
			sink->kpi(sink->ctx, &b->kpis[i]);
			continue;
		}
		sink->event(sink->ctx, &b->events[i - b->kpi_count]);
	}
	if (used)
		*used = n;
	if (b->applied < total)
		return false;
	ingest_doc_close(b->doc, &b->stats);
	b->doc = NULL;
	b->done = true;
	return true;
}

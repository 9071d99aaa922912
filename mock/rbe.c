/* rbe: the report-by-exception image and its cursors (see rbe.h). */
#include "rbe.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jbuf.h"
#include "xalloc.h"

#define INSTANCE_MASK 0xffffffffffffULL /* 48 bits: 12 hex digits in a cursor */

struct rbe {
	const city_t *city;
	city_json_time_t tm; /* tick0_ms and tick_ms; tick set per use */
	int64_t window, tick, base;
	int64_t kpi_tick, event_tick; /* ticks the KPIs and events were compared at */
	uint64_t instance;
	/* Readings: the last reported, and when. */
	city_json_value_t *reported;
	int64_t *reading_changed;
	/* KPIs: their objects at `tick` in one buffer, hashes, change ticks. */
	char *kpi_text;
	size_t *kpi_off, *kpi_len;
	uint64_t *kpi_hash;
	int64_t *kpi_changed;
	/* Events shown now in the city's order, then tombstones. */
	rbe_event_t *events;
	size_t event_count;
};

/* FNV-1a. */
static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

static city_json_value_t reading_now(const rbe_t *r, size_t i, int64_t tick)
{
	city_json_value_t v = {.quality = city_reading_quality_at(r->city, i, tick)};
	v.has_value = city_reading_value_at(r->city, i, tick, &v.value);
	return v;
}

/* Moved past the deadband from what was reported, or another quality, or
 * null-ness changed. A deadband of 0 reports every change. */
static bool reading_moved(const city_json_value_t *was, const city_json_value_t *now,
                          double deadband)
{
	if (was->has_value != now->has_value || was->quality != now->quality)
		return true;
	if (!now->has_value)
		return false;
	double d = fabs(now->value - was->value);
	return deadband > 0 ? d > deadband : d > 0;
}

static void readings_step(rbe_t *r, int64_t tick)
{
	size_t n = city_reading_count(r->city);
	for (size_t i = 0; i < n; i++) {
		city_json_value_t v = reading_now(r, i, tick);
		if (reading_moved(&r->reported[i], &v,
		                  city_reading(r->city, i)->measure->deadband)) {
			r->reported[i] = v;
			r->reading_changed[i] = tick;
		}
	}
}

/* Serializes every KPI at `tick`; one that reads differently changed then. */
static void kpis_at(rbe_t *r, int64_t tick, bool reset)
{
	size_t n = city_kpi_count(r->city);
	city_json_time_t tm = r->tm;
	tm.tick = tick;
	jbuf_t b;
	jbuf_init(&b, 64 * 1024);
	for (size_t i = 0; i < n; i++) {
		size_t from = b.len;
		city_json_put_kpi(&b, r->city, i, &tm);
		r->kpi_off[i] = from;
		r->kpi_len[i] = b.len - from;
		uint64_t h = hash_bytes(b.data + from, b.len - from);
		if (reset || h != r->kpi_hash[i]) {
			r->kpi_hash[i] = h;
			r->kpi_changed[i] = tick;
		}
	}
	free(r->kpi_text);
	size_t len;
	r->kpi_text = jbuf_finish(&b, &len);
}

/* Position+1 of each old event by id, open addressing; 0: empty. */
typedef struct id_index {
	size_t *slots, mask;
} id_index_t;

static void index_build(id_index_t *ix, const rbe_event_t *ev, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n + 1)
		cap *= 2;
	ix->slots = xcalloc(cap, sizeof *ix->slots);
	ix->mask = cap - 1;
	for (size_t k = 0; k < n; k++) {
		size_t s = (size_t)hash_bytes(ev[k].id, strlen(ev[k].id)) & ix->mask;
		while (ix->slots[s])
			s = (s + 1) & ix->mask;
		ix->slots[s] = k + 1;
	}
}

static long index_find(const id_index_t *ix, const rbe_event_t *ev, const char *id)
{
	size_t s = (size_t)hash_bytes(id, strlen(id)) & ix->mask;
	for (; ix->slots[s]; s = (s + 1) & ix->mask)
		if (strcmp(ev[ix->slots[s] - 1].id, id) == 0)
			return (long)(ix->slots[s] - 1);
	return -1;
}

/* The events at `tick` against the state: new or changed ones are stamped
 * with `tick`, those gone become tombstones, tombstones older than the
 * window are forgotten. */
static void events_at(rbe_t *r, int64_t tick, bool reset)
{
	city_json_time_t tm = r->tm;
	tm.tick = tick;
	rbe_event_t *cur;
	size_t n = rbe_events_collect(r->city, &tm, &cur);
	id_index_t ix;
	index_build(&ix, r->events, r->event_count);
	bool *kept = xcalloc(r->event_count + 1, sizeof *kept);
	for (size_t k = 0; k < n; k++) {
		cur[k].hash = hash_bytes(cur[k].json, cur[k].len);
		cur[k].changed_tick = tick;
		long o = reset ? -1 : index_find(&ix, r->events, cur[k].id);
		if (o >= 0 && !kept[o]) {
			kept[o] = true; /* matched: not a tombstone */
			const rbe_event_t *old = &r->events[o];
			if (old->removed_tick < 0 && old->hash == cur[k].hash)
				cur[k].changed_tick = old->changed_tick;
		}
	}
	size_t total = n;
	for (size_t o = 0; o < r->event_count; o++)
		total += !kept[o] && !reset;
	rbe_event_t *all = xcalloc(total ? total : 1, sizeof *all);
	if (n)
		memcpy(all, cur, n * sizeof *all);
	free(cur);
	size_t m = n;
	for (size_t o = 0; o < r->event_count; o++) {
		rbe_event_t *old = &r->events[o];
		if (!kept[o] && !reset) {
			if (old->removed_tick < 0)
				old->removed_tick = tick;
			if (old->removed_tick >= tick - r->window) {
				all[m++] = *old; /* the tombstone moves over */
				continue;
			}
		}
		free(old->id);
		free(old->json);
	}
	free(kept);
	free(ix.slots);
	free(r->events);
	r->events = all;
	r->event_count = m;
}

/* Everything reported afresh at `tick`: earlier cursors are expired. */
static void reset_at(rbe_t *r, int64_t tick)
{
	size_t n = city_reading_count(r->city);
	for (size_t i = 0; i < n; i++) {
		r->reported[i] = reading_now(r, i, tick);
		r->reading_changed[i] = tick;
	}
	kpis_at(r, tick, true);
	events_at(r, tick, true);
	r->tick = r->base = r->kpi_tick = r->event_tick = tick;
}

rbe_t *rbe_create(const city_t *c, const city_json_time_t *tm, int64_t window, uint64_t instance)
{
	rbe_t *r = xcalloc(1, sizeof *r);
	size_t nr = city_reading_count(c), nk = city_kpi_count(c);
	r->city = c;
	r->tm = *tm;
	r->window = window > 0 ? window : RBE_DEFAULT_WINDOW;
	r->instance = instance & INSTANCE_MASK;
	r->reported = xcalloc(nr ? nr : 1, sizeof *r->reported);
	r->reading_changed = xcalloc(nr ? nr : 1, sizeof *r->reading_changed);
	r->kpi_off = xcalloc(nk ? nk : 1, sizeof *r->kpi_off);
	r->kpi_len = xcalloc(nk ? nk : 1, sizeof *r->kpi_len);
	r->kpi_hash = xcalloc(nk ? nk : 1, sizeof *r->kpi_hash);
	r->kpi_changed = xcalloc(nk ? nk : 1, sizeof *r->kpi_changed);
	reset_at(r, 0);
	return r;
}

void rbe_destroy(rbe_t *r)
{
	if (!r)
		return;
	rbe_events_free(r->events, r->event_count);
	free(r->reported);
	free(r->reading_changed);
	free(r->kpi_text);
	free(r->kpi_off);
	free(r->kpi_len);
	free(r->kpi_hash);
	free(r->kpi_changed);
	free(r);
}

void rbe_advance(rbe_t *r, int64_t tick, rbe_part_t part)
{
	if (tick > r->tick && tick - r->tick > r->window) {
		reset_at(r, tick);
		return;
	}
	/* Readings go through every tick (what passed the deadband depends on
	 * the way there); KPIs and events are compared at the tick they are
	 * asked for only: what changed in between is stamped then. */
	for (int64_t t = r->tick + 1; t <= tick; t++)
		readings_step(r, t);
	if (tick > r->tick)
		r->tick = tick;
	if (part == RBE_KPIS && r->kpi_tick < r->tick) {
		kpis_at(r, r->tick, false);
		r->kpi_tick = r->tick;
	} else if (part == RBE_EVENTS && r->event_tick < r->tick) {
		events_at(r, r->tick, false);
		r->event_tick = r->tick;
	}
}

int64_t rbe_tick(const rbe_t *r)
{
	return r->tick;
}

int64_t rbe_window(const rbe_t *r)
{
	return r->window;
}

const city_json_value_t *rbe_reading(const rbe_t *r, size_t i)
{
	return &r->reported[i];
}

int64_t rbe_reading_changed(const rbe_t *r, size_t i)
{
	return r->reading_changed[i];
}

const char *rbe_kpi_json(const rbe_t *r, size_t i, size_t *len)
{
	*len = r->kpi_len[i];
	return r->kpi_text + r->kpi_off[i];
}

int64_t rbe_kpi_changed(const rbe_t *r, size_t i)
{
	return r->kpi_changed[i];
}

size_t rbe_event_count(const rbe_t *r)
{
	return r->event_count;
}

const rbe_event_t *rbe_event(const rbe_t *r, size_t k)
{
	return k < r->event_count ? &r->events[k] : NULL;
}

void rbe_cursor(const rbe_t *r, char *buf, size_t size)
{
	snprintf(buf, size, "r1.%012" PRIx64 ".%" PRId64, r->instance, r->tick);
}

bool rbe_cursor_parse(const rbe_t *r, const char *cursor, int64_t *tick)
{
	if (!cursor || strlen(cursor) > RBE_CURSOR_MAX || strncmp(cursor, "r1.", 3) != 0)
		return false;
	const char *p = cursor + 3;
	uint64_t inst = 0;
	for (int k = 0; k < 12; k++, p++) {
		int d = *p >= '0' && *p <= '9'   ? *p - '0'
		        : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
		                                 : -1;
		if (d < 0)
			return false;
		inst = inst << 4 | (uint64_t)d;
	}
	if (*p++ != '.' || inst != r->instance || *p < '0' || *p > '9')
		return false;
	int64_t t = 0;
	for (int digits = 0; *p; p++, digits++) {
		if (*p < '0' || *p > '9' || digits >= 18)
			return false;
		t = t * 10 + (*p - '0');
	}
	if (t < r->base || t > r->tick || r->tick - t > r->window)
		return false;
	*tick = t;
	return true;
}

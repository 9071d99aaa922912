/* gov_tiers: the tier table of the gov view — one row per district (city
 * scope) or street (district scope) that the readings, KPIs or events in
 * scope name, with what is wrong there, worst first. A street scope has no
 * rows. Rows keep their names from one update to the next (a name is copied
 * once, when its row first appears), found by a small hash of the names,
 * and their keys; each reading remembers the key of its row (see
 * gov_view_private.h). See gov_view.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gov_view.h"
#include "gov_view_private.h"
#include "xalloc.h"

void gov_tiers_free(gov_view_t *gv)
{
	for (size_t r = 0; r < gv->tier_count; r++)
		free(gv->tiers[r].name);
	free(gv->tiers);
	gv->tiers = NULL;
	gv->tier_count = gv->tier_cap = 0;
}

static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Hash slots: a power of two at least twice the rows that may come. */
static void hash_reset(struct gov_scratch *sc, size_t rows)
{
	size_t need = 64;
	while (need < rows * 2)
		need *= 2;
	if (need > sc->row_hash_cap) {
		sc->row_hash = xreallocarray(sc->row_hash, need, sizeof *sc->row_hash);
		sc->row_hash_cap = need;
	}
	memset(sc->row_hash, 0, sc->row_hash_cap * sizeof *sc->row_hash);
}

static uint32_t *hash_slot(const gov_view_t *gv, const char *name)
{
	const struct gov_scratch *sc = gv->scratch;
	size_t mask = sc->row_hash_cap - 1, at = name_hash(name) & mask;
	while (sc->row_hash[at] && strcmp(gv->tiers[sc->row_hash[at] - 1].name, name) != 0)
		at = (at + 1) & mask;
	return &sc->row_hash[at];
}

static void row_clear(gov_tier_row_t *row)
{
	char *keep = row->name;
	uint32_t key = row->key;
	*row = (gov_tier_row_t){
	    .name = keep, .worst_kpi = {SIZE_MAX, 0}, .worst_attainment = NAN, .key = key};
}

/* The row named `name`, added if new; NULL for a name that is no row. */
static gov_tier_row_t *row_for(gov_view_t *gv, const char *name)
{
	if (!name || !name[0])
		return NULL;
	struct gov_scratch *sc = gv->scratch;
	uint32_t *slot = hash_slot(gv, name);
	if (*slot) {
		sc->row_seen[*slot - 1] = true;
		return &gv->tiers[*slot - 1];
	}
	if ((gv->tier_count + 1) * 2 > sc->row_hash_cap) { /* keep the table half empty */
		hash_reset(sc, gv->tier_count + 1);
		for (size_t r = 0; r < gv->tier_count; r++)
			*hash_slot(gv, gv->tiers[r].name) = (uint32_t)(r + 1);
		slot = hash_slot(gv, name);
	}
	size_t r = gv->tier_count++;
	gv->tiers = gov_grow(gv->tiers, &gv->tier_cap, gv->tier_count, sizeof *gv->tiers);
	size_t seen_cap = sc->row_seen_cap;
	sc->row_seen = gov_grow(sc->row_seen, &seen_cap, gv->tier_count, sizeof *sc->row_seen);
	sc->row_seen_cap = seen_cap;
	gv->tiers[r].name = xstrdup(name);
	gv->tiers[r].key = sc->next_key++;
	row_clear(&gv->tiers[r]);
	sc->row_at = gov_grow(sc->row_at, &sc->row_at_cap, sc->next_key, sizeof *sc->row_at);
	sc->row_at[gv->tiers[r].key] = (uint32_t)(r + 1);
	sc->row_seen[r] = true;
	*slot = (uint32_t)(r + 1);
	return &gv->tiers[r];
}

/* The row an item placed at (district, street) counts in, or NULL. */
static gov_tier_row_t *row_of(gov_view_t *gv, const scope_t *scope, const char *district,
                              const char *street)
{
	if (!scope_contains(scope, district, street))
		return NULL;
	switch (scope_tier(scope)) {
	case TIER_CITY:
		return row_for(gv, district);
	case TIER_DISTRICT:
		return row_for(gv, street);
	default:
		return NULL;
	}
}

/* Worst first: alarms, overdue events, warnings, stale readings, the worst
 * KPI (lowest attainment; none last), then by name. */
static int compare_row(const void *a, const void *b)
{
	const gov_tier_row_t *ra = a, *rb = b;
	if (ra->alarms != rb->alarms)
		return ra->alarms > rb->alarms ? -1 : 1;
	if (ra->events_overdue != rb->events_overdue)
		return ra->events_overdue > rb->events_overdue ? -1 : 1;
	if (ra->warnings != rb->warnings)
		return ra->warnings > rb->warnings ? -1 : 1;
	if (ra->stale != rb->stale)
		return ra->stale > rb->stale ? -1 : 1;
	bool ka = !isnan(ra->worst_attainment), kb = !isnan(rb->worst_attainment);
	if (ka != kb)
		return ka ? -1 : 1;
	if (ka && ra->worst_attainment != rb->worst_attainment)
		return ra->worst_attainment < rb->worst_attainment ? -1 : 1;
	return strcmp(ra->name, rb->name);
}

/* The row the reading at store index i counts in, or NULL: the one it
 * counted in last time while it keeps its label stamp (its place with it)
 * and the rows their keys, else looked up by name. */
static gov_tier_row_t *reading_row(gov_view_t *gv, const scope_t *scope, size_t i,
                                   const reading_t *r)
{
	struct gov_scratch *sc = gv->scratch;
	struct gov_reading_row *c = &sc->reading_row[i];
	if (c->label_stamp == r->label_stamp && c->epoch == sc->epoch) {
		if (!c->key)
			return NULL;
		uint32_t at = c->key - 1 < sc->next_key ? sc->row_at[c->key - 1] : 0;
		if (at) {
			sc->row_seen[at - 1] = true;
			return &gv->tiers[at - 1];
		}
	}
	gov_tier_row_t *row = row_of(gv, scope, r->district, r->street);
	*c = (struct gov_reading_row){r->label_stamp, sc->epoch, row ? row->key + 1 : 0};
	return row;
}

static void count_readings(gov_view_t *gv, const store_t *st, const view_t *v, const scope_t *scope)
{
	struct gov_scratch *sc = gv->scratch;
	size_t n = store_reading_count(st);
	if (n > sc->reading_row_cap) {
		sc->reading_row = xreallocarray(sc->reading_row, n, sizeof *sc->reading_row);
		memset(sc->reading_row + sc->reading_row_cap, 0,
		       (n - sc->reading_row_cap) * sizeof *sc->reading_row);
		sc->reading_row_cap = n;
	}
	for (size_t i = 0; i < n; i++) {
		const reading_t *r = store_reading(st, i);
		gov_tier_row_t *row = r ? reading_row(gv, scope, i, r) : NULL;
		if (!row)
			continue;
		view_states_t s = view_states(v, i);
		row->readings++;
		row->alarms += (s & VIEW_BIT(VS_ALARM)) != 0;
		row->warnings += (s & VIEW_BIT(VS_WARNING)) != 0;
		row->stale += (s & VIEW_BIT(VS_STALE)) != 0;
		row->bad += (s & VIEW_BIT(VS_BAD)) != 0;
	}
}

static void count_kpis_events(gov_view_t *gv, const store_t *st, const scope_t *scope,
                              int64_t clock_ms)
{
	for (size_t i = 0, n = store_kpi_count(st); i < n; i++) {
		const kpi_t *k = store_kpi(st, i);
		gov_tier_row_t *row = k ? row_of(gv, scope, k->district, k->street) : NULL;
		if (!row)
			continue;
		double a = kpi_attainment(k);
		if (!isnan(a) && !(a >= row->worst_attainment)) {
			row->worst_attainment = a;
			row->worst_kpi = (gov_ref_t){i, k->serial};
		}
	}
	for (size_t i = 0, n = store_event_count(st); i < n; i++) {
		const event_t *e = store_event(st, i);
		gov_tier_row_t *row = e ? row_of(gv, scope, e->district, e->street) : NULL;
		if (!row || e->stage == STAGE_CLOSED)
			continue;
		row->events_open++;
		row->events_overdue += gov_event_overdue(e, clock_ms);
		row->events_critical += e->severity == SEVERITY_CRITICAL;
	}
}

void gov_tiers_update(gov_view_t *gv, const store_t *st, const view_t *v, const scope_t *scope,
                      int64_t clock_ms)
{
	struct gov_scratch *sc = gv->scratch;
	if (scope_tier(scope) == TIER_STREET) {
		for (size_t r = 0; r < gv->tier_count; r++)
			free(gv->tiers[r].name);
		gv->tier_count = 0;
	}
	/* Another scope, or keys grown far past the rows (names come and go):
	 * every reading looks its row up again. */
	bool renumber = sc->next_key > 4 * gv->tier_count + 64;
	if (renumber || !scope_equal(&sc->rows_scope, scope)) {
		sc->rows_scope = *scope;
		sc->epoch++;
		if (renumber) {
			for (size_t r = 0; r < gv->tier_count; r++)
				gv->tiers[r].key = (uint32_t)r;
			sc->next_key = (uint32_t)gv->tier_count;
		}
	}
	/* The rows of the last update stay (their names and keys with them) and
	 * count afresh; those nothing names any more go after the counting. */
	hash_reset(sc, gv->tier_count);
	sc->row_at = gov_grow(sc->row_at, &sc->row_at_cap, sc->next_key, sizeof *sc->row_at);
	if (sc->next_key)
		memset(sc->row_at, 0, sc->next_key * sizeof *sc->row_at);
	for (size_t r = 0; r < gv->tier_count; r++) {
		row_clear(&gv->tiers[r]);
		sc->row_seen[r] = false;
		*hash_slot(gv, gv->tiers[r].name) = (uint32_t)(r + 1);
		sc->row_at[gv->tiers[r].key] = (uint32_t)(r + 1);
	}
	if (scope_tier(scope) != TIER_STREET) {
		count_readings(gv, st, v, scope);
		count_kpis_events(gv, st, scope, clock_ms);
	}
	size_t kept = 0;
	for (size_t r = 0; r < gv->tier_count; r++) {
		if (!sc->row_seen[r]) {
			free(gv->tiers[r].name);
			continue;
		}
		gv->tiers[kept++] = gv->tiers[r];
	}
	gv->tier_count = kept;
	if (kept > 1)
		qsort(gv->tiers, kept, sizeof *gv->tiers, compare_row);
}

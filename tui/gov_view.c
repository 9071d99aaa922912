/* gov_view: the KPI board and the composite indices with their trend, and
 * the update that drives the events board (gov_events.c) and the tier table
 * (gov_tiers.c). See gov_view.h. */
#include "gov_view.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "gov_view_private.h"
#include "text.h"
#include "xalloc.h"

void *gov_grow(void *array, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return array;
	size_t n = *cap * 2 > need ? *cap * 2 : need + 16;
	array = xreallocarray(array, n, size);
	*cap = n;
	return array;
}

void gov_view_init(gov_view_t *gv)
{
	memset(gv, 0, sizeof *gv);
	scope_city(&gv->scope);
	gv->scratch = xcalloc(1, sizeof *gv->scratch);
	for (int id = 0; id < KPI_INDEX_COUNT; id++)
		gv->indices[id].score = NAN;
}

void gov_view_free(gov_view_t *gv)
{
	for (size_t c = 0; c < gv->category_count; c++)
		free(gv->categories[c].name);
	free(gv->categories);
	free(gv->kpis);
	free(gv->events);
	gov_tiers_free(gv);
	if (gv->scratch) {
		free(gv->scratch->kpi_keys);
		free(gv->scratch->kpi_ptrs);
		free(gv->scratch->event_keys);
		free(gv->scratch->row_hash);
		free(gv->scratch->row_seen);
		free(gv->scratch->row_at);
		free(gv->scratch->reading_row);
		free(gv->scratch);
	}
	memset(gv, 0, sizeof *gv);
}

const kpi_t *gov_kpi(const store_t *st, gov_ref_t ref)
{
	const kpi_t *k = store_kpi(st, ref.index);
	return k && k->serial == ref.serial ? k : NULL;
}

const event_t *gov_event(const store_t *st, gov_ref_t ref)
{
	const event_t *e = store_event(st, ref.index);
	return e && e->serial == ref.serial ? e : NULL;
}

bool gov_event_overdue(const event_t *e, int64_t clock_ms)
{
	return e->stage != STAGE_CLOSED && e->due_ms > 0 && clock_ms > e->due_ms;
}

/* Categories by name, "" (none) last; within one, off target first, furthest
 * off first, then no data, then on target; ties by name, id, store index. */
static int compare_kpi(const void *a, const void *b)
{
	const gov_kpi_key_t *ka = a, *kb = b;
	const char *ca = ka->kpi->category, *cb = kb->kpi->category;
	if (!ca[0] != !cb[0])
		return ca[0] ? -1 : 1;
	int c = strcmp(ca, cb);
	if (c)
		return c;
	if (ka->group != kb->group)
		return ka->group - kb->group;
	if (ka->group == 0 && ka->attainment != kb->attainment)
		return ka->attainment < kb->attainment ? -1 : 1;
	c = strcmp(ka->kpi->name, kb->kpi->name);
	if (!c)
		c = strcmp(ka->kpi->id, kb->kpi->id);
	return c ? c : (ka->index < kb->index ? -1 : ka->index > kb->index);
}

/* The category row at `c` named `name`: its name is kept when unchanged. */
static gov_category_t *category_at(gov_view_t *gv, size_t c, const char *name)
{
	if (c >= gv->category_count) {
		gv->categories =
		    gov_grow(gv->categories, &gv->category_cap, c + 1, sizeof *gv->categories);
		gv->categories[c].name = NULL;
		gv->category_count = c + 1;
	}
	gov_category_t *cat = &gv->categories[c];
	if (!cat->name || strcmp(cat->name, name) != 0) {
		free(cat->name);
		cat->name = xstrdup(name);
	}
	char *keep = cat->name;
	*cat = (gov_category_t){.name = keep, .worst = NAN};
	return cat;
}

static void update_kpis(gov_view_t *gv, const store_t *st, const scope_t *scope)
{
	struct gov_scratch *sc = gv->scratch;
	size_t total = store_kpi_count(st), n = 0;
	size_t cap = sc->kpi_cap;
	sc->kpi_keys = gov_grow(sc->kpi_keys, &cap, total, sizeof *sc->kpi_keys);
	sc->kpi_ptrs = gov_grow(sc->kpi_ptrs, &sc->kpi_cap, total, sizeof *sc->kpi_ptrs);
	for (size_t i = 0; i < total; i++) {
		const kpi_t *k = store_kpi(st, i);
		if (!k || !scope_contains(scope, k->district, k->street))
			continue;
		kpi_status_t status = kpi_status(k);
		int group = status == KPI_OFF_TARGET ? 0 : status == KPI_NO_DATA ? 1 : 2;
		sc->kpi_keys[n] = (gov_kpi_key_t){k, i, group, kpi_attainment(k)};
		sc->kpi_ptrs[n++] = k;
	}
	if (n > 1)
		qsort(sc->kpi_keys, n, sizeof *sc->kpi_keys, compare_kpi);
	kpi_index_compute(sc->kpi_ptrs, n, gv->indices);

	gv->kpis = gov_grow(gv->kpis, &gv->kpi_cap, n, sizeof *gv->kpis);
	gv->kpi_count = n;
	gv->kpi_on_target = gv->kpi_off_target = gv->kpi_no_data = 0;
	gv->kpi_name_cols = gv->kpi_id_cols = 0;
	size_t categories = 0;
	gov_category_t *cat = NULL;
	for (size_t j = 0; j < n; j++) {
		const gov_kpi_key_t *key = &sc->kpi_keys[j];
		gv->kpis[j] = (gov_ref_t){key->index, key->kpi->serial};
		int id_cols = text_width(key->kpi->id);
		int name_cols = key->kpi->name[0] ? text_width(key->kpi->name) : id_cols;
		if (id_cols > gv->kpi_id_cols)
			gv->kpi_id_cols = id_cols;
		if (name_cols > gv->kpi_name_cols)
			gv->kpi_name_cols = name_cols;
		if (!cat || strcmp(cat->name, key->kpi->category) != 0) {
			cat = category_at(gv, categories++, key->kpi->category);
			cat->first = j;
		}
		cat->count++;
		if (key->group == 0)
			cat->off_target++, gv->kpi_off_target++;
		else if (key->group == 1)
			cat->no_data++, gv->kpi_no_data++;
		else
			cat->on_target++, gv->kpi_on_target++;
		if (!isnan(key->attainment) && !(key->attainment >= cat->worst))
			cat->worst = key->attainment;
	}
	for (size_t c = categories; c < gv->category_count; c++)
		free(gv->categories[c].name);
	gv->category_count = categories;
}

/* One sample per GOV_TREND_STEP_MS of steady time (aligned to multiples of
 * it); within a step the newest sample follows the current scores, so the
 * trend always ends at what is shown. */
static void update_trend(gov_view_t *gv, int64_t now_ms)
{
	bool same_step = gv->trend_len > 0 &&
	                 now_ms / GOV_TREND_STEP_MS == gv->trend_last_ms / GOV_TREND_STEP_MS;
	size_t at;
	if (same_step) {
		at = (gv->trend_head + GOV_TREND_LEN - 1) % GOV_TREND_LEN;
	} else {
		at = gv->trend_head;
		gv->trend_head = (gv->trend_head + 1) % GOV_TREND_LEN;
		if (gv->trend_len < GOV_TREND_LEN)
			gv->trend_len++;
	}
	for (int id = 0; id < KPI_INDEX_COUNT; id++)
		gv->trend[id][at] = (float)gv->indices[id].score;
	gv->trend_last_ms = now_ms;
}

/* Updates happen on the session's thread and on the derive thread. */
static atomic_uint_fast64_t generations;

void gov_view_update(gov_view_t *gv, const store_t *st, const view_t *v,
                     const alarm_engine_t *alarms, const scope_t *scope, int64_t now_ms,
                     int64_t clock_ms)
{
	(void)alarms; /* the reading view already holds what the tiers need */
	gv->generation = (uint64_t)atomic_fetch_add(&generations, 1) + 1;
	scope_t city;
	if (!scope) {
		scope_city(&city);
		scope = &city;
	}
	if (!gv->scratch)
		gv->scratch = xcalloc(1, sizeof *gv->scratch);
	bool rescoped = !scope_equal(&gv->scope, scope);
	if (rescoped) {
		gv->scope = *scope;
		gv->trend_len = gv->trend_head = 0; /* another tier's scores */
	}
	/* Sorting 911 KPIs was an eighth of an evaluation at city scale, while
	 * they change every few seconds at most (a KPI is not a reading). */
	if (gv->kpi_stamp != store_kpi_stamp(st) || !scope_equal(&gv->kpi_scope, scope)) {
		update_kpis(gv, st, scope);
		gv->kpi_stamp = store_kpi_stamp(st);
		gv->kpi_scope = *scope;
	}
	update_trend(gv, now_ms);
	gov_events_update(gv, st, scope, clock_ms);
	gov_tiers_update(gv, st, v, scope, clock_ms);
}

size_t gov_trend(const gov_view_t *gv, kpi_index_id_t id, float *out, size_t max)
{
	if ((unsigned)id >= KPI_INDEX_COUNT)
		return 0;
	size_t n = gv->trend_len < max ? gv->trend_len : max;
	size_t start = (gv->trend_head + GOV_TREND_LEN - n) % GOV_TREND_LEN;
	for (size_t j = 0; j < n; j++)
		out[j] = gv->trend[id][(start + j) % GOV_TREND_LEN];
	return n;
}

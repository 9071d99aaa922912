/* gov_view: what the governance pages show, computed from the store (and
 * the reading view) within one scope, once per evaluation, next to view_t:
 *   - the KPI board: KPIs in scope grouped by category, off target first
 *     within a category, then by how far off, with counts per category;
 *   - the five composite indices (kpi_index.h) and their trend;
 *   - open events in order (severity, then overdue, then age) and their
 *     summary for the overview;
 *   - the tier table: the scope's districts (city) or streets (district)
 *     with what is wrong in each, worst first.
 * Pure data, no curses, unit-tested without a terminal.
 *
 * Items are referred to by store index and serial (gov_ref_t): the store may
 * change between an evaluation and a frame, so gov_kpi()/gov_event() return
 * NULL for a reference whose item has gone or moved (the page skips it;
 * the next evaluation, within a second, has it right).
 *
 * Ownership: the gov_view owns its arrays and strings; gov_view_free frees
 * them. Names are copied, so they outlive store changes. */
#ifndef CITYDASH_GOV_VIEW_H
#define CITYDASH_GOV_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alarm.h"
#include "kpi_index.h"
#include "scope.h"
#include "store.h"
#include "view.h"

typedef struct gov_ref {
	size_t index;    /* store_kpi / store_event index */
	uint64_t serial; /* kpi_t.serial / event_t.serial */
} gov_ref_t;

typedef struct gov_category {
	char *name;          /* the KPIs' category ("" if they had none) */
	size_t first, count; /* its KPIs: kpis[first .. first + count) */
	unsigned on_target, off_target, no_data;
	double worst; /* lowest attainment among them, NAN if none has data */
} gov_category_t;

/* Samples of the indices kept for their trend: one per GOV_TREND_STEP_MS. */
#define GOV_TREND_LEN     60
#define GOV_TREND_STEP_MS 10000

typedef struct gov_event_summary {
	unsigned open;    /* events in scope not closed */
	unsigned closed;  /* closed events the feeds still list */
	unsigned overdue; /* open, with a deadline that has passed */
	unsigned by_stage[STAGE_CLOSED + 1];
	unsigned by_tier[TIER_STREET + 1]; /* open events by owning tier */
	unsigned by_severity[SEVERITY_CRITICAL + 1];
	unsigned escalated; /* open events handed up at least once */
} gov_event_summary_t;

typedef struct gov_tier_row {
	char *name; /* a district (city scope) or a street (district scope) */
	unsigned readings, alarms, warnings, stale, bad;
	unsigned events_open, events_overdue, events_critical;
	gov_ref_t worst_kpi;     /* lowest attainment placed here; index SIZE_MAX if none */
	double worst_attainment; /* NAN if none */
	uint32_t key; /* gov_tiers' own: the row's number, kept while it stays */
} gov_tier_row_t;

typedef struct gov_view {
	scope_t scope; /* what this view was computed for */
	/* Unique to each update of any gov view in the process (0: never
	 * updated), so a page can do work once per evaluation, not per frame. */
	uint64_t generation;

	/* KPI board */
	uint64_t kpi_stamp; /* store_kpi_stamp when it was sorted (0: never) */
	scope_t kpi_scope;  /* what it was sorted for */
	gov_ref_t *kpis;    /* in scope, category by category */
	size_t kpi_count, kpi_cap;
	gov_category_t *categories; /* by name */
	size_t category_count, category_cap;
	unsigned kpi_on_target, kpi_off_target, kpi_no_data;
	/* Display columns of the widest KPI name in scope (its id when it has
	 * none) and of the widest id: the board's name column, measured here
	 * once per evaluation rather than over 911 KPIs in every frame. */
	int kpi_name_cols, kpi_id_cols;

	/* Composite indices of the KPIs in scope, and their trend */
	kpi_index_score_t indices[KPI_INDEX_COUNT];
	float trend[KPI_INDEX_COUNT][GOV_TREND_LEN]; /* ring, NAN: no score */
	size_t trend_head, trend_len;
	int64_t trend_last_ms; /* steady time of the last sample */

	/* Events */
	gov_ref_t *events; /* open events in scope, in board order */
	size_t event_count, event_cap;
	gov_event_summary_t summary;

	/* Tier table: rows one tier below the scope, worst first (empty in a
	 * street scope, whose page lists the street's readings instead) */
	gov_tier_row_t *tiers;
	size_t tier_count, tier_cap;

	struct gov_scratch *scratch; /* private to gov_view*.c: reused sort keys */
} gov_view_t;

void gov_view_init(gov_view_t *gv);
void gov_view_free(gov_view_t *gv);

/* Recomputes everything for `scope` from the store, the reading view (its
 * states, already narrowed to the same scope) and the alarm engine.
 * now_ms is steady time (the trend's pace), clock_ms the wall clock
 * (deadlines and event ages are on the producer's clock). The trend
 * restarts when the scope changes. */
void gov_view_update(gov_view_t *gv, const store_t *st, const view_t *v,
                     const alarm_engine_t *alarms, const scope_t *scope, int64_t now_ms,
                     int64_t clock_ms);

/* The KPI / event of a reference, or NULL if it has gone or moved. */
const kpi_t *gov_kpi(const store_t *st, gov_ref_t ref);
const event_t *gov_event(const store_t *st, gov_ref_t ref);
/* Whether an event's deadline has passed at clock_ms (never for a closed
 * one or one without a deadline). */
bool gov_event_overdue(const event_t *e, int64_t clock_ms);
/* The trend of index `id`, oldest first, into out[0..max); returns count. */
size_t gov_trend(const gov_view_t *gv, kpi_index_id_t id, float *out, size_t max);

#endif

/* city_fixture: a store filled from the seeded mock city (mock/city.h)
 * through the real parser, at fixed times, with alarms, the reading view and
 * the gov view evaluated: what every page's golden tests and the frame
 * benchmark draw from. Deterministic: the same seed, scale, history and
 * scope give the same store and views (so the same screens) on every run.
 *
 * Time: the clock is fixed. The last second ingested is CITY_FIXTURE_NOW_MS
 * (2026-11-26T10:00:00+08:00), tick 0 of the city; history goes back from
 * there (negative ticks). Steady time and wall clock are both that instant:
 * ctx->now_ms == ctx->clock_ms == CITY_FIXTURE_NOW_MS.
 *
 * Sources, as in examples/demo.json: one per domain named by its token
 * ("water", ...; interval 1 s), "kpis" (5 s) and "events" (2 s). Each second
 * of the last minute ingests every domain's document (city_json_readings,
 * generated at that second; older history every 5 s), the KPIs every 5 s and
 * the events every 2 s (and all of them at the first and last second),
 * through ingest_body with the native adapter; after each, alarms and both
 * views are evaluated, so the indices' trend, the alarm history and the
 * events' timelines are those a run would have.
 *
 * Ownership: the fixture owns the city, store, engine and views;
 * city_fixture_close frees them. The ui_ctx it fills points into it. */
#ifndef CITYDASH_CITY_FIXTURE_H
#define CITYDASH_CITY_FIXTURE_H

#include <stdint.h>

#include "alarm.h"
#include "city.h"
#include "gov_view.h"
#include "pages.h"
#include "scope.h"
#include "store.h"
#include "view.h"

/* 2026-11-26T10:00:00+08:00 in epoch ms. */
#define CITY_FIXTURE_NOW_MS INT64_C(1795658400000)

typedef struct city_fixture {
	city_t *city;
	store_t *store;
	alarm_engine_t *alarms;
	view_t view;
	gov_view_t gov;
	scope_t scope;
	int64_t now_ms;               /* steady time of the last second ingested */
	int64_t clock_ms;             /* wall clock, the same instant */
	int kpi_source, event_source; /* store source indices; domains are 0.. */
} city_fixture_t;

/* Builds the store from `seed` at `scale` with `history_seconds` (>= 1) of
 * history ending at CITY_FIXTURE_NOW_MS, then evaluates alarms, view and gov
 * within `scope` (NULL: the city). Returns 0, or -1 if the mock's documents
 * failed to parse (a bug: the tests say so). */
int city_fixture_open(city_fixture_t *fx, city_scale_t scale, uint64_t seed, int history_seconds,
                      const scope_t *scope);
/* What the pages read, at the fixture's time. */
void city_fixture_ctx(const city_fixture_t *fx, ui_ctx_t *ctx);
/* Narrows the views to `scope` (NULL: the city) and evaluates them again at
 * the same time (the indices' trend restarts, as in a run). */
void city_fixture_set_scope(city_fixture_t *fx, const scope_t *scope);
void city_fixture_close(city_fixture_t *fx);

/* The reading with the most alarm level changes (the first of them): the
 * one whose page has the most to show. */
size_t city_fixture_busiest_reading(const city_fixture_t *fx);

#endif

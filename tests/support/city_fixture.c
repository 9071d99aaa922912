/* city_fixture: the seeded mock city ingested at fixed times (see the
 * header). Test support: aborts nothing, reports a parse failure. */
#include "city_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "city_json.h"
#include "ingest.h"

#define KPI_EVERY_S   5
#define EVENT_EVERY_S 2
/* The last minute of readings is ingested every second; older history every
 * OLD_EVERY_S (the store carries a value forward over seconds without news,
 * so a chart of it is a step where a run has a curve). Building the mock's
 * JSON is most of the cost (1.4 ms a second of readings at demo scale):
 * 120 s of demo history took 156 ms with every second, 136 ms so (about 6 s
 * under valgrind). */
#define FULL_RATE_S 60
#define OLD_EVERY_S 5

static void evaluate(city_fixture_t *fx)
{
	alarm_engine_evaluate(fx->alarms, fx->store, fx->now_ms);
	view_set_scope(&fx->view, &fx->scope);
	view_update(&fx->view, fx->store, fx->alarms, fx->now_ms);
	gov_view_update(&fx->gov, fx->store, &fx->view, fx->alarms, &fx->scope, fx->now_ms,
	                fx->clock_ms);
}

typedef char *doc_fn(const city_t *c, size_t arg, const city_json_time_t *tm, size_t *len);

static char *readings_doc(const city_t *c, size_t domain, const city_json_time_t *tm, size_t *len)
{
	return city_json_readings(c, domain, tm, len);
}

static char *kpis_doc(const city_t *c, size_t arg, const city_json_time_t *tm, size_t *len)
{
	(void)arg;
	return city_json_kpis(c, tm, len);
}

static char *events_doc(const city_t *c, size_t arg, const city_json_time_t *tm, size_t *len)
{
	(void)arg;
	return city_json_events(c, tm, len);
}

static int ingest(city_fixture_t *fx, int source, doc_fn *doc, size_t arg,
                  const city_json_time_t *tm)
{
	size_t len = 0;
	char *body = doc(fx->city, arg, tm, &len);
	int rc = ingest_body(fx->store, source, adapter_find(NULL), body, len, fx->now_ms);
	if (rc != 0)
		fprintf(stderr, "city_fixture: %s rejected at tick %lld: %s\n",
		        store_source(fx->store, source)->name, (long long)tm->tick,
		        store_source(fx->store, source)->error);
	free(body);
	return rc;
}

static void add_sources(city_fixture_t *fx)
{
	char url[128];
	for (size_t d = 0; d < city_domain_count(); d++) {
		const char *name = city_domain_name(d);
		snprintf(url, sizeof url, "http://127.0.0.1:8080/v1/feeds/%s", name);
		store_add_source(fx->store, name, url, 1000, 0);
	}
	fx->kpi_source =
	    store_add_source(fx->store, "kpis", "http://127.0.0.1:8080/v1/kpis", 5000, 0);
	fx->event_source =
	    store_add_source(fx->store, "events", "http://127.0.0.1:8080/v1/events", 2000, 0);
}

int city_fixture_open(city_fixture_t *fx, city_scale_t scale, uint64_t seed, int history_seconds,
                      const scope_t *scope)
{
	memset(fx, 0, sizeof *fx);
	city_config_t cfg = {.scale = scale, .start_ms = CITY_FIXTURE_NOW_MS};
	fx->city = city_create_config(seed, &cfg);
	fx->store = store_create();
	fx->alarms = alarm_engine_create();
	view_init(&fx->view);
	gov_view_init(&fx->gov);
	if (scope)
		fx->scope = *scope;
	else
		scope_city(&fx->scope);
	add_sources(fx);
	if (history_seconds < 1)
		history_seconds = 1;
	int rc = 0;
	for (int64_t tick = 1 - history_seconds; tick <= 0; tick++) {
		fx->now_ms = fx->clock_ms = CITY_FIXTURE_NOW_MS + tick * 1000;
		city_json_time_t tm = {.tick = tick,
		                       .tick0_ms = CITY_FIXTURE_NOW_MS,
		                       .tick_ms = 1000,
		                       .now_ms = fx->clock_ms};
		bool first = tick == 1 - history_seconds;
		bool readings = first || tick > -FULL_RATE_S || tick % OLD_EVERY_S == 0;
		bool kpis = first || tick % KPI_EVERY_S == 0;
		bool events = first || tick % EVENT_EVERY_S == 0;
		for (size_t d = 0; readings && d < city_domain_count(); d++)
			rc |= ingest(fx, (int)d, readings_doc, d, &tm);
		if (kpis)
			rc |= ingest(fx, fx->kpi_source, kpis_doc, 0, &tm);
		if (events)
			rc |= ingest(fx, fx->event_source, events_doc, 0, &tm);
		if (readings || kpis || events)
			evaluate(fx);
	}
	return rc ? -1 : 0;
}

void city_fixture_ctx(const city_fixture_t *fx, ui_ctx_t *ctx)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->store = fx->store;
	ctx->alarms = fx->alarms;
	ctx->view = &fx->view;
	ctx->gov = &fx->gov;
	ctx->now_ms = fx->now_ms;
	ctx->clock_ms = fx->clock_ms;
}

void city_fixture_set_scope(city_fixture_t *fx, const scope_t *scope)
{
	if (scope)
		fx->scope = *scope;
	else
		scope_city(&fx->scope);
	evaluate(fx);
}

void city_fixture_close(city_fixture_t *fx)
{
	gov_view_free(&fx->gov);
	view_free(&fx->view);
	alarm_engine_destroy(fx->alarms);
	store_destroy(fx->store);
	city_destroy(fx->city);
	memset(fx, 0, sizeof *fx);
}

size_t city_fixture_busiest_reading(const city_fixture_t *fx)
{
	size_t best = 0, best_n = 0;
	alarm_transition_t t[ALARM_HISTORY];
	for (size_t i = 0; i < store_reading_count(fx->store); i++) {
		size_t n = store_reading(fx->store, i)
		               ? alarm_engine_history(fx->alarms, i, t, ALARM_HISTORY)
		               : 0;
		if (n > best_n) {
			best = i;
			best_n = n;
		}
	}
	return best;
}

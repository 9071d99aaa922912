/* gov_view: the KPI board's order and counts, the indices' trend, the
 * events board's order and summary, the tier table (scope over the seeded
 * mock city: test_gov_view_city.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "city_fixture.h"
#include "gov_view.h"
#include "view.h"

#define T0 INT64_C(1795658400000)

static const limits_t four = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10, 20, 80, 90};

/* A store with one source each for readings, KPIs and events; alarms and
 * both views. */
typedef struct rig {
	store_t *st;
	alarm_engine_t *eng;
	view_t v;
	gov_view_t gv;
	int readings, kpis, events;
} rig_t;

static void rig_open(rig_t *r)
{
	memset(r, 0, sizeof *r);
	r->st = store_create();
	r->readings = store_add_source(r->st, "water", "http://127.0.0.1/r", 1000, 0);
	r->kpis = store_add_source(r->st, "kpis", "http://127.0.0.1/k", 1000, 0);
	r->events = store_add_source(r->st, "events", "http://127.0.0.1/e", 1000, 0);
	r->eng = alarm_engine_create();
	view_init(&r->v);
	gov_view_init(&r->gv);
}

static void rig_close(rig_t *r)
{
	gov_view_free(&r->gv);
	view_free(&r->v);
	alarm_engine_destroy(r->eng);
	store_destroy(r->st);
}

static void rig_eval(rig_t *r, const scope_t *scope, int64_t now, int64_t clock)
{
	alarm_engine_evaluate(r->eng, r->st, now);
	view_set_scope(&r->v, scope);
	view_update(&r->v, r->st, r->eng, now);
	gov_view_update(&r->gv, r->st, &r->v, r->eng, scope, now, clock);
}

typedef struct kspec {
	const char *id, *category, *district, *street;
	double value, target; /* NAN: none */
	bool lower;
} kspec_t;

static void put_kpis(rig_t *r, const kspec_t *ks, size_t n, int64_t now)
{
	store_begin_poll(r->st, r->kpis, now);
	for (size_t i = 0; i < n; i++) {
		kpi_in_t in = {
		    .id = ks[i].id,
		    .name = ks[i].id,
		    .category = ks[i].category,
		    .district = ks[i].district,
		    .street = ks[i].street,
		    .has_value = !isnan(ks[i].value),
		    .value = isnan(ks[i].value) ? 0 : ks[i].value,
		    .has_target = !isnan(ks[i].target),
		    .target = isnan(ks[i].target) ? 0 : ks[i].target,
		    .better_lower = ks[i].lower,
		    .index = "service",
		};
		store_put_kpi(r->st, r->kpis, &in, now);
	}
	store_end_poll(r->st, r->kpis, &(poll_report_t){.had_kpis = true}, now);
}

static const char *kpi_id(const rig_t *r, size_t j)
{
	const kpi_t *k = gov_kpi(r->st, r->gv.kpis[j]);
	assert_non_null(k);
	return k->id;
}

static void test_kpi_board_order_and_counts(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	const kspec_t ks[] = {
	    {"b.on", "B", NULL, NULL, 5, 4, false},
	    {"none.off", NULL, NULL, NULL, 1, 4, false},
	    {"a.on", "A", NULL, NULL, 3, 4, true},
	    {"a.nodata", "A", NULL, NULL, NAN, 4, false},
	    {"a.far", "A", NULL, NULL, 1, 4, false},    /* 0.25 */
	    {"a.almost", "A", NULL, NULL, 3, 4, false}, /* 0.75 */
	    {"a.far2", "A", NULL, NULL, 16, 4, true},   /* 0.25, tie: by name */
	    {"a.notarget", "A", NULL, NULL, 2, NAN, false},
	};
	put_kpis(&r, ks, sizeof ks / sizeof *ks, T0);
	rig_eval(&r, NULL, T0, T0);

	const char *order[] = {"a.far",      "a.far2", "a.almost", "a.nodata",
	                       "a.notarget", "a.on",   "b.on",     "none.off"};
	assert_int_equal(r.gv.kpi_count, 8);
	for (size_t j = 0; j < 8; j++)
		assert_string_equal(kpi_id(&r, j), order[j]);
	assert_int_equal(r.gv.category_count, 3);
	const gov_category_t *a = &r.gv.categories[0], *b = &r.gv.categories[1],
	                     *none = &r.gv.categories[2];
	assert_string_equal(a->name, "A");
	assert_int_equal(a->first, 0);
	assert_int_equal(a->count, 6);
	assert_int_equal(a->off_target, 3);
	assert_int_equal(a->no_data, 2);
	assert_int_equal(a->on_target, 1);
	assert_float_equal(a->worst, 0.25, 1e-9);
	assert_string_equal(b->name, "B");
	assert_int_equal(b->first, 6);
	assert_int_equal(b->on_target, 1);
	assert_string_equal(none->name, ""); /* no category: last */
	assert_int_equal(none->off_target, 1);
	assert_int_equal(r.gv.kpi_off_target, 4);
	assert_int_equal(r.gv.kpi_no_data, 2);
	assert_int_equal(r.gv.kpi_on_target, 2);
	/* Each update is told apart (pages memoize per evaluation). */
	uint64_t generation = r.gv.generation;
	assert_true(generation != 0);
	/* The board's name column: the widest name and id ("a.notarget"). */
	assert_int_equal(r.gv.kpi_name_cols, 10);
	assert_int_equal(r.gv.kpi_id_cols, 10);
	/* The service index over them: 1/.25/.75/.25/1/1/.25 counted, 2 without data. */
	assert_int_equal(r.gv.indices[KPI_INDEX_SERVICE].members, 8);
	assert_int_equal(r.gv.indices[KPI_INDEX_SERVICE].counted, 6);
	assert_float_equal(r.gv.indices[KPI_INDEX_SERVICE].score,
	                   100 * (1 + 0.25 + 0.75 + 0.25 + 1 + 0.25) / 6, 1e-6);

	/* A category that empties goes; the next update reorders. */
	put_kpis(&r, ks, 2, T0 + 1000);
	rig_eval(&r, NULL, T0 + 1000, T0 + 1000);
	assert_int_equal(r.gv.kpi_count, 2);
	assert_int_equal(r.gv.category_count, 2);
	assert_string_equal(r.gv.categories[0].name, "B");
	assert_string_equal(r.gv.categories[1].name, "");
	assert_int_equal(r.gv.kpi_name_cols, 8); /* "none.off": measured afresh */
	assert_true(r.gv.generation > generation);
	rig_close(&r);
}

/* The board is sorted again only when the store's KPI stamp moved: every
 * change of a KPI renews it (a value, a withdrawal, one dropped at the end
 * of a poll), nothing else does, and no two stores share one. */
static void test_kpi_board_follows_the_kpi_stamp(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	kspec_t ks[] = {
	    {"k.one", "A", NULL, NULL, 3, 4, false},
	    {"k.two", "A", NULL, NULL, 2, 4, false},
	    {"k.three", "A", NULL, NULL, 5, 4, false},
	};
	put_kpis(&r, ks, 3, T0);
	rig_eval(&r, NULL, T0, T0);
	uint64_t stamp = store_kpi_stamp(r.st);
	assert_int_equal(r.gv.kpi_stamp, stamp);
	assert_string_equal(kpi_id(&r, 0), "k.two");

	/* A reading, an event and an empty KPI poll leave it. */
	reading_in_t in = {.id = "w", .domain = "water", .has_value = true, .value = 50, .limits = four};
	store_begin_poll(r.st, r.readings, T0 + 1000);
	store_put_reading(r.st, r.readings, &in, T0 + 1000);
	store_end_poll(r.st, r.readings, &(poll_report_t){0}, T0 + 1000);
	event_in_t ev = {.id = "e", .type = "t", .title = "t", .stage = STAGE_SENSED};
	store_begin_poll(r.st, r.events, T0 + 1000);
	store_put_event(r.st, r.events, &ev, T0 + 1000);
	store_end_poll(r.st, r.events, &(poll_report_t){0}, T0 + 1000);
	rig_eval(&r, NULL, T0 + 1000, T0 + 1000);
	assert_int_equal(store_kpi_stamp(r.st), stamp);
	assert_int_equal(r.gv.kpi_count, 3);

	/* A value: k.one falls furthest and leads. */
	ks[0].value = 1;
	put_kpis(&r, ks, 3, T0 + 2000);
	assert_true(store_kpi_stamp(r.st) != stamp);
	stamp = store_kpi_stamp(r.st);
	rig_eval(&r, NULL, T0 + 2000, T0 + 2000);
	assert_string_equal(kpi_id(&r, 0), "k.one");

	/* Withdrawn (a delta's removal). */
	assert_true(store_withdraw_kpi(r.st, r.kpis, "k.one"));
	assert_true(store_kpi_stamp(r.st) != stamp);
	stamp = store_kpi_stamp(r.st);
	rig_eval(&r, NULL, T0 + 3000, T0 + 3000);
	assert_int_equal(r.gv.kpi_count, 2);
	assert_string_equal(kpi_id(&r, 0), "k.two");

	/* Dropped: a whole document without it. The two puts renew the
	 * stamp too; the drop alone is checked by putting none. */
	store_begin_poll(r.st, r.kpis, T0 + 4000);
	stamp = store_kpi_stamp(r.st);
	store_end_poll(r.st, r.kpis, &(poll_report_t){.had_kpis = true}, T0 + 4000);
	assert_true(store_kpi_stamp(r.st) != stamp);
	rig_eval(&r, NULL, T0 + 4000, T0 + 4000);
	assert_int_equal(r.gv.kpi_count, 0);

	/* Another store never has this one's stamp. */
	store_t *other = store_create();
	assert_true(store_kpi_stamp(other) != store_kpi_stamp(r.st));
	store_destroy(other);
	rig_close(&r);
}

static void test_kpi_scope(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	const kspec_t ks[] = {
	    {"city", "C", NULL, NULL, 1, 4, false},
	    {"jb", "C", "江北区", NULL, 2, 4, false},
	    {"jb.gyq", "C", "江北区", "观音桥街道", 3, 4, false},
	    {"yz", "C", "渝中区", NULL, 4, 4, false},
	};
	put_kpis(&r, ks, 4, T0);
	scope_t s;
	rig_eval(&r, NULL, T0, T0);
	assert_int_equal(r.gv.kpi_count, 4);
	assert_int_equal(scope_parse(&s, "江北区", NULL), 0);
	rig_eval(&r, &s, T0, T0);
	assert_int_equal(r.gv.kpi_count, 2);
	assert_string_equal(kpi_id(&r, 0), "jb");
	assert_string_equal(kpi_id(&r, 1), "jb.gyq");
	assert_float_equal(r.gv.indices[KPI_INDEX_SERVICE].score, 100 * (0.5 + 0.75) / 2, 1e-6);
	assert_int_equal(scope_parse(&s, "江北区/观音桥街道", NULL), 0);
	rig_eval(&r, &s, T0, T0);
	assert_int_equal(r.gv.kpi_count, 1);
	assert_string_equal(kpi_id(&r, 0), "jb.gyq");
	rig_close(&r);
}

static void test_trend(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	const kspec_t half = {"k", "C", "江北区", NULL, 2, 4, false},
	              full = {"k", "C", "江北区", NULL, 4, 4, false};
	float out[GOV_TREND_LEN];
	int64_t t = T0; /* a multiple of GOV_TREND_STEP_MS */
	put_kpis(&r, &half, 1, t);
	rig_eval(&r, NULL, t, t);
	assert_int_equal(gov_trend(&r.gv, KPI_INDEX_SERVICE, out, GOV_TREND_LEN), 1);
	assert_float_equal(out[0], 50, 1e-6);
	/* Within the same step the newest sample follows the score. */
	put_kpis(&r, &full, 1, t + 4000);
	rig_eval(&r, NULL, t + 4000, t + 4000);
	assert_int_equal(gov_trend(&r.gv, KPI_INDEX_SERVICE, out, GOV_TREND_LEN), 1);
	assert_float_equal(out[0], 100, 1e-6);
	rig_eval(&r, NULL, t + GOV_TREND_STEP_MS, t);
	put_kpis(&r, &half, 1, t + 2 * GOV_TREND_STEP_MS);
	rig_eval(&r, NULL, t + 2 * GOV_TREND_STEP_MS, t);
	assert_int_equal(gov_trend(&r.gv, KPI_INDEX_SERVICE, out, GOV_TREND_LEN), 3);
	assert_float_equal(out[0], 100, 1e-6);
	assert_float_equal(out[1], 100, 1e-6);
	assert_float_equal(out[2], 50, 1e-6);
	assert_int_equal(gov_trend(&r.gv, KPI_INDEX_SERVICE, out, 2), 2); /* the newest two */
	assert_float_equal(out[1], 50, 1e-6);
	/* An index without members has no score: NAN samples. */
	assert_int_equal(gov_trend(&r.gv, KPI_INDEX_HEALTH, out, GOV_TREND_LEN), 3);
	assert_true(isnan(out[0]));
	/* The ring keeps the last GOV_TREND_LEN. */
	for (int i = 3; i < GOV_TREND_LEN + 10; i++)
		rig_eval(&r, NULL, t + i * (int64_t)GOV_TREND_STEP_MS, t);
	assert_int_equal(gov_trend(&r.gv, KPI_INDEX_SERVICE, out, GOV_TREND_LEN), GOV_TREND_LEN);
	/* Another scope: another series. */
	scope_t s;
	assert_int_equal(scope_parse(&s, "江北区", NULL), 0);
	rig_eval(&r, &s, t + (GOV_TREND_LEN + 10) * (int64_t)GOV_TREND_STEP_MS, t);
	assert_int_equal(gov_trend(&r.gv, KPI_INDEX_SERVICE, out, GOV_TREND_LEN), 1);
	assert_float_equal(out[0], 50, 1e-6);
	rig_close(&r);
}

typedef struct espec {
	const char *id, *district, *street;
	severity_t severity;
	stage_t stage;
	tier_t level;
	int64_t opened_ms, due_ms;
	bool escalated;
} espec_t;

static void put_events(rig_t *r, const espec_t *es, size_t n, int64_t now)
{
	static const escalation_t up = {TIER_STREET, TIER_DISTRICT, 0};
	store_begin_poll(r->st, r->events, now);
	for (size_t i = 0; i < n; i++) {
		event_in_t in = {
		    .id = es[i].id,
		    .type = "t",
		    .title = es[i].id,
		    .district = es[i].district,
		    .street = es[i].street,
		    .severity = es[i].severity,
		    .stage = es[i].stage,
		    .level = es[i].level,
		    .opened_ms = es[i].opened_ms,
		    .due_ms = es[i].due_ms,
		    .escalations = es[i].escalated ? &up : NULL,
		    .escalation_count = es[i].escalated,
		    .steps_done = -1,
		    .steps_total = -1,
		};
		store_put_event(r->st, r->events, &in, now);
	}
	store_end_poll(r->st, r->events, &(poll_report_t){.had_events = true}, now);
}

static const char *event_id(const rig_t *r, size_t j)
{
	const event_t *e = gov_event(r->st, r->gv.events[j]);
	assert_non_null(e);
	return e->id;
}

static void test_events_order_and_summary(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	const int64_t m = 60000;
	const espec_t es[] = {
	    {"minor.old", "江北区", "观音桥街道", SEVERITY_MINOR, STAGE_HANDLING, TIER_STREET,
	     T0 - 90 * m, 0, false},
	    {"crit.new", "江北区", "观音桥街道", SEVERITY_CRITICAL, STAGE_SENSED, TIER_STREET,
	     T0 - 5 * m, T0 + 60 * m, false},
	    {"crit.overdue", "江北区", NULL, SEVERITY_CRITICAL, STAGE_EVALUATING, TIER_DISTRICT,
	     T0 - 2 * m, T0 - m, true},
	    {"crit.old", "渝中区", "解放碑街道", SEVERITY_CRITICAL, STAGE_REVIEWING, TIER_CITY,
	     T0 - 50 * m, T0 + m, true},
	    {"crit.b", "渝中区", "解放碑街道", SEVERITY_CRITICAL, STAGE_SENSED, TIER_STREET,
	     T0 - 5 * m, 0, false}, /* same age as crit.new: by id */
	    {"major.closed", "江北区", "观音桥街道", SEVERITY_MAJOR, STAGE_CLOSED, TIER_STREET,
	     T0 - 100 * m, T0 - 50 * m, false}, /* closed: never overdue, not listed */
	    {"info.noage", "江北区", "观音桥街道", SEVERITY_INFO, STAGE_SENSED, TIER_STREET, 0, 0,
	     false},
	    {"info.aged", "江北区", "观音桥街道", SEVERITY_INFO, STAGE_SENSED, TIER_STREET, T0 - m,
	     0, false},
	};
	put_events(&r, es, sizeof es / sizeof *es, T0);
	rig_eval(&r, NULL, T0, T0);
	const char *order[] = {"crit.overdue", "crit.old",  "crit.b",    "crit.new",
	                       "minor.old",    "info.aged", "info.noage"};
	assert_int_equal(r.gv.event_count, 7);
	for (size_t j = 0; j < 7; j++)
		assert_string_equal(event_id(&r, j), order[j]);
	const gov_event_summary_t *s = &r.gv.summary;
	assert_int_equal(s->open, 7);
	assert_int_equal(s->closed, 1);
	assert_int_equal(s->overdue, 1);
	assert_int_equal(s->escalated, 2);
	assert_int_equal(s->by_stage[STAGE_SENSED], 4);
	assert_int_equal(s->by_stage[STAGE_HANDLING], 1);
	assert_int_equal(s->by_stage[STAGE_EVALUATING], 1);
	assert_int_equal(s->by_stage[STAGE_REVIEWING], 1);
	assert_int_equal(s->by_stage[STAGE_CLOSED], 1);
	assert_int_equal(s->by_tier[TIER_STREET], 5);
	assert_int_equal(s->by_tier[TIER_DISTRICT], 1);
	assert_int_equal(s->by_tier[TIER_CITY], 1);
	assert_int_equal(s->by_severity[SEVERITY_CRITICAL], 4);
	assert_int_equal(s->by_severity[SEVERITY_MAJOR], 0);

	/* Overdue is on the wall clock: two minutes later crit.old is too. */
	rig_eval(&r, NULL, T0, T0 + 2 * m);
	assert_int_equal(r.gv.summary.overdue, 2);
	assert_string_equal(event_id(&r, 0), "crit.old"); /* both overdue: older first */
	assert_string_equal(event_id(&r, 1), "crit.overdue");
	const event_t *closed = NULL;
	for (size_t i = 0; i < store_event_count(r.st); i++)
		if (store_event(r.st, i) && strcmp(store_event(r.st, i)->id, "major.closed") == 0)
			closed = store_event(r.st, i);
	assert_non_null(closed);
	assert_false(gov_event_overdue(closed, T0 + 1000 * m));

	/* In scope only: a district, then a street. */
	scope_t sc;
	assert_int_equal(scope_parse(&sc, "江北区", NULL), 0);
	rig_eval(&r, &sc, T0, T0);
	assert_int_equal(r.gv.event_count, 5);
	assert_int_equal(r.gv.summary.closed, 1);
	assert_int_equal(scope_parse(&sc, "江北区/观音桥街道", NULL), 0);
	rig_eval(&r, &sc, T0, T0);
	assert_int_equal(r.gv.event_count, 4); /* not the district-wide crit.overdue */
	assert_string_equal(event_id(&r, 0), "crit.new");

	/* A reference to an event that has gone is NULL. */
	gov_ref_t ref = r.gv.events[0];
	put_events(&r, es, 1, T0 + 1000);
	assert_null(gov_event(r.st, ref));
	assert_null(gov_event(r.st, (gov_ref_t){999, 0}));
	rig_close(&r);
}

static void put_reading(rig_t *r, const char *id, const char *district, const char *street,
                        double value, int64_t now)
{
	reading_in_t in = {.id = id,
	                   .domain = "water",
	                   .district = district,
	                   .street = street,
	                   .has_value = true,
	                   .value = value,
	                   .limits = four,
	                   .quality = QUALITY_GOOD};
	store_put_reading(r->st, r->readings, &in, now);
}

static const gov_tier_row_t *row_named(const gov_view_t *gv, const char *name)
{
	for (size_t i = 0; i < gv->tier_count; i++)
		if (strcmp(gv->tiers[i].name, name) == 0)
			return &gv->tiers[i];
	return NULL;
}

static void test_tiers(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	store_begin_poll(r.st, r.readings, T0);
	put_reading(&r, "a1", "A区", "a街", 95, T0); /* alarm */
	put_reading(&r, "a2", "A区", "a街", 85, T0); /* warning */
	put_reading(&r, "b1", "B区", "b街", 85, T0);
	put_reading(&r, "b2", "B区", "b2街", 85, T0);
	put_reading(&r, "c1", "C区", "c街", 50, T0);
	put_reading(&r, "d1", "D区", "d街", 50, T0);
	store_end_poll(r.st, r.readings, &(poll_report_t){0}, T0);
	const kspec_t ks[] = {
	    {"k.city", "C", NULL, NULL, 0, 4, false}, /* city-wide: no row */
	    {"k.c", "C", "C区", NULL, 1, 4, false},
	    {"k.c2", "C", "C区", "c街", 3, 4, false},
	    {"k.d", "C", "D区", NULL, 2, 4, false},
	    {"k.e", "C", "E区", NULL, 4, 4, false}, /* a district only a KPI names */
	};
	put_kpis(&r, ks, sizeof ks / sizeof *ks, T0);
	const espec_t es[] = {
	    {"e.b", "B区", "b街", SEVERITY_CRITICAL, STAGE_HANDLING, TIER_STREET, T0 - 1000, T0 - 1,
	     false},
	    {"e.b2", "B区", "b街", SEVERITY_MINOR, STAGE_CLOSED, TIER_STREET, T0 - 1000, 0, false},
	};
	put_events(&r, es, 2, T0);
	rig_eval(&r, NULL, T0, T0);

	/* Worst first: alarms (A), overdue events (B), then the worst KPI (C at
	 * 0.25 before D at 0.5 before E on target). */
	const char *order[] = {"A区", "B区", "C区", "D区", "E区"};
	assert_int_equal(r.gv.tier_count, 5);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(r.gv.tiers[i].name, order[i]);
	const gov_tier_row_t *a = row_named(&r.gv, "A区"), *b = row_named(&r.gv, "B区"),
	                     *c = row_named(&r.gv, "C区"), *e = row_named(&r.gv, "E区");
	assert_int_equal(a->readings, 2);
	assert_int_equal(a->alarms, 1);
	assert_int_equal(a->warnings, 1);
	assert_int_equal(b->warnings, 2);
	assert_int_equal(b->events_open, 1);
	assert_int_equal(b->events_overdue, 1);
	assert_int_equal(b->events_critical, 1);
	assert_true(isnan(b->worst_attainment));
	assert_int_equal(b->worst_kpi.index, SIZE_MAX);
	assert_float_equal(c->worst_attainment, 0.25, 1e-9);
	assert_string_equal(gov_kpi(r.st, c->worst_kpi)->id, "k.c");
	assert_int_equal(e->readings, 0);
	assert_float_equal(e->worst_attainment, 1, 1e-9);

	/* A district: its streets. */
	scope_t s;
	assert_int_equal(scope_parse(&s, "B区", NULL), 0);
	rig_eval(&r, &s, T0, T0);
	assert_int_equal(r.gv.tier_count, 2);
	assert_string_equal(r.gv.tiers[0].name, "b街"); /* the overdue event */
	assert_string_equal(r.gv.tiers[1].name, "b2街");
	/* A street: no rows. */
	assert_int_equal(scope_parse(&s, "B区/b街", NULL), 0);
	rig_eval(&r, &s, T0, T0);
	assert_int_equal(r.gv.tier_count, 0);
	/* And back to the city. */
	rig_eval(&r, NULL, T0, T0);
	assert_int_equal(r.gv.tier_count, 5);
	assert_string_equal(r.gv.tiers[0].name, "A区");
	rig_close(&r);
}

/* The rows each reading remembers (gov_tiers' cache) give what counting
 * afresh gives: a gov view kept through 400 seeded changes (readings moved,
 * withdrawn and put back in freed slots, values changed, districts emptied,
 * scopes changed and back) against a fresh one after each. */
static void assert_tiers_equal(const gov_view_t *kept, const gov_view_t *fresh)
{
	assert_int_equal(kept->tier_count, fresh->tier_count);
	for (size_t i = 0; i < kept->tier_count; i++) {
		const gov_tier_row_t *a = &kept->tiers[i], *b = &fresh->tiers[i];
		assert_string_equal(a->name, b->name);
		assert_int_equal(a->readings, b->readings);
		assert_int_equal(a->alarms, b->alarms);
		assert_int_equal(a->warnings, b->warnings);
		assert_int_equal(a->stale, b->stale);
		assert_int_equal(a->bad, b->bad);
	}
}

static void test_tiers_kept_match_fresh(void **state)
{
	(void)state;
	static const char *const districts[] = {"A区", "B区", "C区", "D区"};
	static const char *const streets[] = {"一街", "二街", "三街"};
	rig_t r;
	rig_open(&r);
	uint64_t seed = 42;
	scope_t scope;
	scope_city(&scope);
	for (int step = 0; step < 400; step++) {
		int64_t now = T0 + step * 1000;
		store_begin_delta(r.st, r.readings, now); /* what it does not put stays */
		for (int k = 0; k < 3; k++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			unsigned x = (unsigned)(seed >> 33);
			char id[16];
			snprintf(id, sizeof id, "r%u", x % 24);
			if (x % 7 == 0) {
				store_withdraw_reading(r.st, r.readings, id, now);
				continue;
			}
			/* Districts C and D empty out in the middle third. */
			unsigned d = (x >> 5) % (step > 130 && step < 260 ? 2 : 4);
			put_reading(&r, id, districts[d], streets[(x >> 8) % 3], (double)((x >> 11) % 100),
			            now);
		}
		store_end_poll(r.st, r.readings, &(poll_report_t){0}, now);
		if (step % 50 == 25)
			assert_int_equal(scope_parse(&scope, districts[(step / 50) % 2], NULL), 0);
		else if (step % 50 == 40)
			scope_city(&scope);
		rig_eval(&r, &scope, now, now);
		gov_view_t fresh;
		gov_view_init(&fresh);
		gov_view_update(&fresh, r.st, &r.v, r.eng, &scope, now, now);
		assert_tiers_equal(&r.gv, &fresh);
		gov_view_free(&fresh);
	}
	rig_close(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_kpi_board_order_and_counts),
	    cmocka_unit_test(test_kpi_board_follows_the_kpi_stamp),
	    cmocka_unit_test(test_kpi_scope),
	    cmocka_unit_test(test_trend),
	    cmocka_unit_test(test_events_order_and_summary),
	    cmocka_unit_test(test_tiers),
	    cmocka_unit_test(test_tiers_kept_match_fresh),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

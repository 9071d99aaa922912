/* test_view_churn: the view's orders kept from one update to the next
 * (view_order.h) stay what a fresh view computes, through readings coming,
 * going, changing state and moving, with and without a scope. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "alarm.h"
#include "store.h"
#include "view.h"

static const limits_t four = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10, 20, 80, 90};

/* The orders are kept from one update to the next (tui/view_order.c): a
 * churning feed, where readings appear, vanish (retention), move domain,
 * district or street, change value, quality and staleness, must give at
 * every update exactly the orders a full sort gives: each list holds every
 * reading of its domain once, strictly in order, and equals what a fresh
 * view computes from scratch. */
#define CHURN_IDS 240

static uint32_t churn_next(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

static void churn_poll(store_t *st, uint32_t *rng, int64_t now)
{
	static const char *const domains[] = {"water", "power", "gas", "metro"};
	static const char *const districts[] = {"渝中", "江北", "南岸", "北碚", ""};
	static const char *const streets[] = {"解放碑", "朝天门", "S1", ""};
	store_begin_poll(st, 0, now);
	for (int i = 0; i < CHURN_IDS; i++) {
		uint32_t x = churn_next(rng);
		if (x % 100 < 12)
			continue; /* left out: vanishes once retention passes */
		char id[24];
		/* Now and then a one-off id: it takes a freed slot of another. */
		if ((x >> 24) % 19 == 0)
			snprintf(id, sizeof id, "n%" PRId64 "-%d", now, i);
		else
			snprintf(id, sizeof id, "r%03d", (i * 7919) % CHURN_IDS);
		/* Most keep their place; a few move each poll. */
		uint32_t place = x % 100 < 95 ? (uint32_t)i : x >> 8;
		reading_in_t in = {
		    .id = id,
		    .domain = domains[place % 4],
		    .district = districts[(place / 4) % 5],
		    .street = streets[(place / 20) % 4],
		    .has_value = (x >> 4) % 23 != 0,
		    .value = (double)((x >> 12) % 3 == 0 ? (x >> 16) % 100 : (uint32_t)i % 100),
		    .limits = four,
		    .quality = (x >> 20) % 31 == 0 ? QUALITY_BAD : QUALITY_GOOD,
		};
		store_put_reading(st, 0, &in, now);
	}
	store_end_poll(st, 0, &(poll_report_t){0}, now);
}

static int churn_rank(view_states_t s)
{
	view_state_t worst = view_worst(s);
	return 2 * (int)worst + (worst != VS_STALE && (s & VIEW_BIT(VS_STALE)) != 0);
}

/* Within a rank, larger first: in alarm or warning the longest standing
 * (its alarm's start, negated), else the nearest a limit. */
static double churn_order(const view_t *v, const store_t *st, size_t i)
{
	if (view_states(v, i) & (VIEW_BIT(VS_ALARM) | VIEW_BIT(VS_WARNING)))
		return -(double)alarm_engine_state(v->alarm_engine, i).since_ms;
	return view_limit_pressure(store_reading(st, i));
}

/* a strictly before b: worst first, then churn_order, then store index. */
static bool churn_worse(const view_t *v, const store_t *st, size_t a, size_t b)
{
	int ra = churn_rank(view_states(v, a)), rb = churn_rank(view_states(v, b));
	double pa = churn_order(v, st, a), pb = churn_order(v, st, b);
	return ra != rb ? ra < rb : pa != pb ? pa > pb : a < b;
}

static bool churn_placed_before(const store_t *st, size_t a, size_t b)
{
	const reading_t *x = store_reading(st, a), *y = store_reading(st, b);
	int c = strcmp(x->district, y->district);
	if (!c)
		c = strcmp(x->street, y->street);
	if (!c)
		c = strcmp(x->id, y->id);
	return c ? c < 0 : a < b;
}

static void churn_check(const view_t *v, const view_t *fresh, const store_t *st)
{
	size_t n = store_reading_count(st);
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		const domain_view_t *dv = &v->domains[d], *fv = &fresh->domains[d];
		unsigned members = 0;
		for (size_t i = 0; i < n; i++)
			members += store_reading(st, i) &&
			           store_reading(st, i)->domain == (domain_t)d &&
			           view_in_scope(v, store_reading(st, i));
		assert_int_equal(dv->total, members);
		assert_int_equal(fv->total, members);
		for (unsigned k = 0; k < dv->total; k++) {
			const reading_t *p = store_reading(st, dv->by_place[k]);
			const reading_t *w = store_reading(st, dv->worst[k]);
			assert_non_null(p);
			assert_non_null(w);
			assert_int_equal(p->domain, d);
			assert_int_equal(w->domain, d);
			assert_true(view_in_scope(v, p));
			assert_true(view_in_scope(v, w));
			if (k > 0) { /* strictly ordered: also no reading twice */
				assert_true(
				    churn_placed_before(st, dv->by_place[k - 1], dv->by_place[k]));
				assert_true(churn_worse(v, st, dv->worst[k - 1], dv->worst[k]));
			}
			assert_int_equal(dv->by_place[k], fv->by_place[k]);
			assert_int_equal(dv->worst[k], fv->worst[k]);
		}
	}
}

static void test_orders_follow_churn(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "s", "http://127.0.0.1/", 1000, 2500);
	store_set_source_limits(st, 0,
	                        &(source_limits_t){.retention_ms = 1500, .clock_skew_ms = -1});
	alarm_engine_t *eng = alarm_engine_create();
	/* v is updated every round; sparse only every third, as a view behind
	 * session_derive's double buffer skips what the other one saw. */
	view_t v, sparse;
	view_init(&v);
	view_init(&sparse);
	uint32_t rng = 7;
	size_t freed = 0, moved = 0;
	for (int round = 0; round < 60; round++) {
		int64_t now = 1000 + 1000 * (int64_t)round;
		/* Some rounds bring no document: readings turn stale, then go. */
		if (round % 10 < 8)
			churn_poll(st, &rng, now);
		else
			store_poll_not_modified(st, 0, now);
		alarm_engine_evaluate(eng, st, now);
		view_update(&v, st, eng, now);
		view_t fresh;
		view_init(&fresh);
		view_update(&fresh, st, eng, now);
		churn_check(&v, &fresh, st);
		if (round % 3 == 2) {
			view_update(&sparse, st, eng, now);
			churn_check(&sparse, &fresh, st);
		}
		view_free(&fresh);
		for (size_t i = 0; i < store_reading_count(st); i++) {
			const reading_t *r = store_reading(st, i);
			freed += !r;
			moved += r && r->place_version > 1;
		}
	}
	/* The churn did happen: slots were freed (and taken again), places moved. */
	assert_true(freed > 0);
	assert_true(moved > 0);
	/* A second update with nothing new changes nothing. */
	size_t before[CHURN_IDS];
	const domain_view_t *w = &v.domains[DOMAIN_WATER];
	memcpy(before, w->by_place, w->total * sizeof *before);
	view_update(&v, st, eng, 60000);
	assert_memory_equal(before, w->by_place, w->total * sizeof *before);
	view_free(&v);
	view_free(&sparse);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

/* The same churn while the scope moves between the city, a district, a
 * street and back: at every update the orders hold exactly the readings in
 * scope, as a fresh view narrowed to it computes them. */
static void test_orders_follow_churn_and_scope(void **state)
{
	(void)state;
	static const char *const scopes[] = {"", "江北", "江北/解放碑", "南岸/S1", "南岸", ""};
	store_t *st = store_create();
	store_add_source(st, "s", "http://127.0.0.1/", 1000, 2500);
	store_set_source_limits(st, 0,
	                        &(source_limits_t){.retention_ms = 1500, .clock_skew_ms = -1});
	alarm_engine_t *eng = alarm_engine_create();
	view_t v;
	view_init(&v);
	uint32_t rng = 11;
	for (int round = 0; round < 48; round++) {
		int64_t now = 1000 + 1000 * (int64_t)round;
		churn_poll(st, &rng, now);
		alarm_engine_evaluate(eng, st, now);
		scope_t sc;
		assert_int_equal(scope_parse(&sc, scopes[(round / 4) % 6], NULL), 0);
		view_set_scope(&v, &sc);
		view_update(&v, st, eng, now);
		view_t fresh;
		view_init(&fresh);
		view_set_scope(&fresh, &sc);
		view_update(&fresh, st, eng, now);
		churn_check(&v, &fresh, st);
		unsigned in_scope = 0;
		for (size_t i = 0; i < store_reading_count(st); i++) {
			const reading_t *r = store_reading(st, i);
			in_scope += r && view_in_scope(&v, r);
			if (r && !view_in_scope(&v, r))
				assert_int_equal(view_states(&v, i), 0);
		}
		assert_int_equal(v.readings, in_scope);
		if (scope_is_city(&sc))
			assert_int_equal(in_scope, fresh.readings);
		else
			assert_true(in_scope > 0 && in_scope < CHURN_IDS / 2);
		view_free(&fresh);
	}
	view_free(&v);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_orders_follow_churn),
	    cmocka_unit_test(test_orders_follow_churn_and_scope),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_gov_view_city: the gov view and the reading view narrowed to a
 * scope over the seeded mock city (tests/support/city_fixture.h): every
 * count, list and tier row holds only what the scope contains, and the
 * same seed gives the same views. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "city_fixture.h"
#include "gov_view.h"
#include "view.h"

static bool in(const scope_t *s, const char *district, const char *street)
{
	return scope_contains(s, district, street);
}

/* Everything the views hold belongs to the fixture's scope; and what the
 * store holds in scope is all there. Returns the readings in scope. */
static unsigned check_scoped(const city_fixture_t *fx)
{
	const scope_t *s = &fx->scope;
	const store_t *st = fx->store;
	const view_t *v = &fx->view;
	const gov_view_t *gv = &fx->gov;
	unsigned readings = 0, alarms = 0;
	for (size_t i = 0; i < store_reading_count(st); i++) {
		const reading_t *r = store_reading(st, i);
		if (!r)
			continue;
		bool inside = in(s, r->district, r->street);
		assert_int_equal(view_in_scope(v, r), inside);
		readings += inside;
		if (!inside)
			assert_int_equal(view_states(v, i), 0);
		/* A reading beyond a limit has its limit alarm on the engine's list. */
		alarm_level_t level = alarm_engine_state(fx->alarms, i).level;
		if (level != ALARM_NONE) {
			const alarm_info_t *a = alarm_engine_find(fx->alarms, ALARM_KIND_LIMIT, i);
			assert_non_null(a);
			assert_int_equal(a->level, level);
		}
	}
	assert_int_equal(v->readings, readings);
	unsigned total = 0;
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		const domain_view_t *dv = &v->domains[d];
		total += dv->total;
		for (unsigned j = 0; j < dv->total; j++) {
			const reading_t *w = store_reading(st, dv->worst[j]);
			const reading_t *p = store_reading(st, dv->by_place[j]);
			assert_true(in(s, w->district, w->street));
			assert_true(in(s, p->district, p->street));
		}
	}
	assert_int_equal(total, readings);
	/* The view's active list: the engine's UNACK, ACKED and RTNUN alarms
	 * of readings in the scope, and every communications alarm. */
	unsigned crit = 0;
	for (size_t k = 0; k < alarm_engine_alarm_count(fx->alarms); k++) {
		const alarm_info_t *a = alarm_engine_alarm(fx->alarms, k);
		if (a->state != ISA_UNACK && a->state != ISA_ACKED && a->state != ISA_RTNUN)
			continue;
		if (a->kind != ALARM_KIND_COMM) {
			const reading_t *r = store_reading(st, a->index);
			if (!in(s, r->district, r->street))
				continue;
		}
		alarms++;
		crit += a->priority == ALARM_PRIORITY_HIGH;
	}
	assert_int_equal(view_alarm_count(v), alarms);
	for (size_t a = 0; a < view_alarm_count(v); a++) {
		const alarm_info_t *info = view_alarm(v, a);
		assert_true(isa_state_unacked(info->state) || info->state == ISA_ACKED);
		if (info->kind == ALARM_KIND_COMM)
			continue;
		const reading_t *r = store_reading(st, info->index);
		assert_true(in(s, r->district, r->street));
	}
	assert_int_equal(v->alarms_critical, crit);

	size_t kpis = 0;
	for (size_t i = 0; i < store_kpi_count(st); i++) {
		const kpi_t *k = store_kpi(st, i);
		kpis += k && in(s, k->district, k->street);
	}
	assert_int_equal(gv->kpi_count, kpis);
	for (size_t j = 0; j < gv->kpi_count; j++) {
		const kpi_t *k = gov_kpi(st, gv->kpis[j]);
		assert_non_null(k);
		assert_true(in(s, k->district, k->street));
	}
	size_t open = 0;
	for (size_t i = 0; i < store_event_count(st); i++) {
		const event_t *e = store_event(st, i);
		open += e && e->stage != STAGE_CLOSED && in(s, e->district, e->street);
	}
	assert_int_equal(gv->event_count, open);
	assert_int_equal(gv->summary.open, open);
	for (size_t j = 0; j < gv->event_count; j++) {
		const event_t *e = gov_event(st, gv->events[j]);
		assert_non_null(e);
		assert_true(in(s, e->district, e->street));
	}
	for (size_t t = 0; t < gv->tier_count; t++) {
		const gov_tier_row_t *row = &gv->tiers[t];
		scope_t down = *s;
		assert_int_equal(scope_down(&down, row->name), 0); /* a district or a street of s */
		unsigned n = 0;
		for (size_t i = 0; i < store_reading_count(st); i++) {
			const reading_t *r = store_reading(st, i);
			n += r && in(&down, r->district, r->street);
		}
		assert_int_equal(row->readings, n);
		if (row->worst_kpi.index != SIZE_MAX) {
			const kpi_t *k = gov_kpi(st, row->worst_kpi);
			assert_true(in(&down, k->district, k->street));
		}
	}
	return readings;
}

/* The worst district of the city, and the worst street of that district. */
static void test_city_scope_filtering(void **state)
{
	(void)state;
	city_fixture_t fx;
	assert_int_equal(city_fixture_open(&fx, CITY_SCALE_CITY, 7, 6, NULL), 0);
	unsigned city = check_scoped(&fx);
	assert_int_equal(city, 4476);
	assert_int_equal(fx.gov.tier_count, 40);
	assert_true(fx.gov.kpi_count > 900);

	scope_t s;
	scope_city(&s);
	assert_int_equal(scope_down(&s, fx.gov.tiers[0].name), 0);
	city_fixture_set_scope(&fx, &s);
	unsigned district = check_scoped(&fx);
	assert_true(district > 0 && district < city);
	assert_true(fx.gov.kpi_count > 0); /* district KPIs: not vacuous */
	assert_true(fx.gov.event_count > 0);
	assert_true(fx.gov.tier_count > 1);

	assert_int_equal(scope_down(&s, fx.gov.tiers[0].name), 0);
	city_fixture_set_scope(&fx, &s);
	unsigned street = check_scoped(&fx);
	assert_true(street > 0 && street < district);
	assert_int_equal(fx.gov.tier_count, 0);

	city_fixture_set_scope(&fx, NULL);
	assert_int_equal(check_scoped(&fx), city);
	city_fixture_close(&fx);
}

/* The demo city with two minutes of history: alarms in scope and out of it,
 * the same every run. */
static void test_demo_scope_and_determinism(void **state)
{
	(void)state;
	city_fixture_t a, b;
	assert_int_equal(city_fixture_open(&a, CITY_SCALE_DEMO, 1, 120, NULL), 0);
	assert_int_equal(city_fixture_open(&b, CITY_SCALE_DEMO, 1, 120, NULL), 0);
	check_scoped(&a);
	assert_true(view_alarm_count(&a.view) > 0);
	/* Deterministic: the same views. */
	assert_int_equal(view_alarm_count(&a.view), view_alarm_count(&b.view));
	for (size_t i = 0; i < view_alarm_count(&a.view); i++)
		assert_string_equal(view_alarm(&a.view, i)->id, view_alarm(&b.view, i)->id);
	assert_int_equal(a.gov.kpi_count, b.gov.kpi_count);
	for (size_t j = 0; j < a.gov.kpi_count; j++)
		assert_int_equal(a.gov.kpis[j].index, b.gov.kpis[j].index);
	for (int id = 0; id < KPI_INDEX_COUNT; id++)
		if (!isnan(a.gov.indices[id].score))
			assert_float_equal(a.gov.indices[id].score, b.gov.indices[id].score, 0);
	assert_int_equal(a.gov.trend_len, 13); /* 120 s over 13 steps of 10 s: -119 s .. 0 */
	assert_int_equal(a.gov.tier_count, 9);

	/* The district with alarms, then one without: the alarm list follows. */
	const char *alarmed = a.gov.tiers[0].name;
	assert_true(a.gov.tiers[0].alarms > 0);
	scope_t s;
	scope_city(&s);
	assert_int_equal(scope_down(&s, alarmed), 0);
	city_fixture_set_scope(&a, &s);
	check_scoped(&a);
	assert_true(view_alarm_count(&a.view) > 0);
	assert_int_equal(a.gov.trend_len, 1); /* restarted */
	scope_city(&s);
	assert_int_equal(scope_down(&s, b.gov.tiers[b.gov.tier_count - 1].name), 0);
	city_fixture_set_scope(&a, &s);
	check_scoped(&a);
	assert_true(view_alarm_count(&a.view) < view_alarm_count(&b.view));
	city_fixture_close(&a);
	city_fixture_close(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_city_scope_filtering),
	    cmocka_unit_test(test_demo_scope_and_determinism),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* kpi_index: attainment and the five indices, checked against the
 * hand-worked table of docs/indices.md, and the edge cases around it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "kpi_index.h"

/* A KPI as the store holds one; value/target NAN: absent. */
static kpi_t make(double value, double target, bool lower)
{
	kpi_t k;
	memset(&k, 0, sizeof k);
	k.id = k.name = k.category = k.unit = k.period = k.index = k.district = k.street = "";
	k.has_value = !isnan(value);
	k.value = k.has_value ? value : 0;
	k.has_target = !isnan(target);
	k.target = k.has_target ? target : 0;
	k.better_lower = lower;
	return k;
}

static void set_index(kpi_t *k, const char *index, bool has_weight, double weight)
{
	k->index = (char *)index;
	k->has_weight = has_weight;
	k->weight = weight;
}

static void add_membership(kpi_t *k, const char *index, double weight)
{
	k->indices[k->index_count].index = (char *)index;
	k->indices[k->index_count++].weight = weight;
}

#define EPS 1e-9

/* The table of docs/indices.md, "Worked example". */
static void test_worked_example(void **state)
{
	(void)state;
	kpi_t a = make(38, 40, false), b = make(30, 24, true), c = make(2, 0, true),
	      d = make(99.9, 99.5, false), e = make(-3, -5, true), f = make(NAN, 5000, false),
	      g = make(5, 10, false);
	set_index(&a, "development", true, 2);
	add_membership(&b, "service", 1.5);
	add_membership(&b, "operation", 0.5);
	add_membership(&b, "prosperity", 3);
	set_index(&b, "service", true, 1.5); /* the first membership, sent for old clients */
	add_membership(&c, "health", 1);
	add_membership(&c, "operation", 1);
	set_index(&d, "operation", false, 0);
	add_membership(&e, "development", 1);
	add_membership(&e, "health", 0.5);
	set_index(&f, "development", true, 1);
	set_index(&g, "construction", true, 0);

	assert_float_equal(kpi_attainment(&a), 0.95, EPS);
	assert_float_equal(kpi_attainment(&b), 0.8, EPS);
	assert_float_equal(kpi_attainment(&c), 0, EPS);
	assert_float_equal(kpi_attainment(&d), 1, EPS);
	assert_float_equal(kpi_attainment(&e), 0.6, EPS);
	assert_true(isnan(kpi_attainment(&f)));
	assert_float_equal(kpi_attainment(&g), 0.5, EPS);

	const kpi_t *all[] = {&a, &b, NULL, &c, &d, &e, &f, &g};
	kpi_index_score_t s[KPI_INDEX_COUNT];
	kpi_index_compute(all, sizeof all / sizeof *all, s);

	assert_float_equal(s[KPI_INDEX_DEVELOPMENT].score, 100 * 2.5 / 3, 1e-6);
	assert_int_equal(s[KPI_INDEX_DEVELOPMENT].members, 3);
	assert_int_equal(s[KPI_INDEX_DEVELOPMENT].counted, 2);
	assert_float_equal(s[KPI_INDEX_DEVELOPMENT].weight_total, 4, EPS);
	assert_float_equal(s[KPI_INDEX_DEVELOPMENT].weight_counted, 3, EPS);

	assert_true(isnan(s[KPI_INDEX_CONSTRUCTION].score));
	assert_int_equal(s[KPI_INDEX_CONSTRUCTION].members, 0);

	assert_float_equal(s[KPI_INDEX_OPERATION].score, 56.0, 1e-6);
	assert_int_equal(s[KPI_INDEX_OPERATION].members, 3);
	assert_int_equal(s[KPI_INDEX_OPERATION].counted, 3);

	assert_float_equal(s[KPI_INDEX_SERVICE].score, 80.0, 1e-6);
	assert_int_equal(s[KPI_INDEX_SERVICE].members, 1);

	assert_float_equal(s[KPI_INDEX_HEALTH].score, 20.0, 1e-6);
	assert_int_equal(s[KPI_INDEX_HEALTH].counted, 2);
}

static void test_status_and_distance(void **state)
{
	(void)state;
	kpi_t up = make(38, 40, false), down = make(20, 24, true), none = make(NAN, 1, false),
	      no_target = make(3, NAN, false);
	assert_int_equal(kpi_status(&up), KPI_OFF_TARGET);
	assert_float_equal(kpi_distance(&up), -2, EPS);
	assert_int_equal(kpi_status(&down), KPI_ON_TARGET);
	assert_float_equal(kpi_distance(&down), 4, EPS); /* positive on the better side */
	assert_int_equal(kpi_status(&none), KPI_NO_DATA);
	assert_float_equal(kpi_distance(&none), 0, EPS);
	assert_int_equal(kpi_status(&no_target), KPI_NO_DATA);
	assert_true(isnan(kpi_attainment(&no_target)));
	kpi_t at = make(40, 40, false);
	assert_int_equal(kpi_status(&at), KPI_ON_TARGET);
	kpi_t inf = make(INFINITY, 40, false);
	assert_int_equal(kpi_status(&inf), KPI_NO_DATA);
}

static void test_attainment_edges(void **state)
{
	(void)state;
	/* Higher is better: beaten caps at 1, a negative value is 0. */
	kpi_t k = make(50, 40, false);
	assert_float_equal(kpi_attainment(&k), 1, EPS);
	k = make(-5, 40, false);
	assert_float_equal(kpi_attainment(&k), 0, EPS);
	/* Lower is better: below target is met. */
	k = make(10, 24, true);
	assert_float_equal(kpi_attainment(&k), 1, EPS);
	k = make(96, 24, true);
	assert_float_equal(kpi_attainment(&k), 0.25, EPS);
	/* Zero targets: met or not. */
	k = make(0, 0, true);
	assert_float_equal(kpi_attainment(&k), 1, EPS);
	k = make(0.001, 0, true);
	assert_float_equal(kpi_attainment(&k), 0, EPS);
	k = make(-1, 0, false);
	assert_float_equal(kpi_attainment(&k), 0, EPS);
	k = make(3, 0, false);
	assert_float_equal(kpi_attainment(&k), 1, EPS);
	/* Negative targets: linear in the shortfall against the target's size. */
	k = make(-7, -5, false); /* higher is better: 2 short of 5 */
	assert_float_equal(kpi_attainment(&k), 0.6, EPS);
	k = make(-20, -5, false);
	assert_float_equal(kpi_attainment(&k), 0, EPS);
	k = make(-6, -5, true); /* lower is better, beaten */
	assert_float_equal(kpi_attainment(&k), 1, EPS);
	k = make(4, -5, true);
	assert_float_equal(kpi_attainment(&k), 0, EPS);
}

static void test_memberships(void **state)
{
	(void)state;
	kpi_index_score_t s[KPI_INDEX_COUNT];
	/* index without weight: weight 1; a bad weight is no membership. */
	kpi_t a = make(1, 2, false), b = make(2, 2, false), c = make(0, 2, false),
	      d = make(0, 2, false), e = make(0, 2, false);
	set_index(&a, "service", false, 0);
	set_index(&b, "service", true, 3);
	set_index(&c, "service", true, NAN);
	set_index(&d, "service", true, -1);
	add_membership(&e, "service", 0);
	add_membership(&e, "health", 1);
	const kpi_t *all[] = {&a, &b, &c, &d, &e};
	kpi_index_compute(all, 5, s);
	assert_int_equal(s[KPI_INDEX_SERVICE].members, 2);
	assert_float_equal(s[KPI_INDEX_SERVICE].score, 100 * (1 * 0.5 + 3 * 1) / 4, 1e-6);
	assert_int_equal(s[KPI_INDEX_HEALTH].members, 1);
	assert_float_equal(s[KPI_INDEX_HEALTH].score, 0, EPS);

	/* `indices` wins over `index`; a repeated index counts once, first. */
	kpi_t r = make(1, 4, false);
	set_index(&r, "operation", true, 9);
	add_membership(&r, "health", 2);
	add_membership(&r, "health", 5);
	kpi_index_compute((const kpi_t *[]){&r}, 1, s);
	assert_int_equal(s[KPI_INDEX_OPERATION].members, 0);
	assert_int_equal(s[KPI_INDEX_HEALTH].members, 1);
	assert_float_equal(s[KPI_INDEX_HEALTH].weight_total, 2, EPS);
	assert_float_equal(s[KPI_INDEX_HEALTH].score, 25, EPS);

	/* Unknown index tokens are ignored, alone or beside known ones. */
	kpi_t u = make(1, 1, false);
	set_index(&u, "happiness", true, 1);
	kpi_index_compute((const kpi_t *[]){&u}, 1, s);
	for (int id = 0; id < KPI_INDEX_COUNT; id++) {
		assert_int_equal(s[id].members, 0);
		assert_true(isnan(s[id].score));
	}
}

static void test_all_without_data(void **state)
{
	(void)state;
	kpi_t a = make(NAN, 10, false), b = make(3, NAN, true);
	set_index(&a, "health", true, 1);
	set_index(&b, "health", true, 2);
	kpi_index_score_t s[KPI_INDEX_COUNT];
	kpi_index_compute((const kpi_t *[]){&a, &b}, 2, s);
	assert_true(isnan(s[KPI_INDEX_HEALTH].score));
	assert_int_equal(s[KPI_INDEX_HEALTH].members, 2);
	assert_int_equal(s[KPI_INDEX_HEALTH].counted, 0);
	assert_float_equal(s[KPI_INDEX_HEALTH].weight_total, 3, EPS);
	assert_float_equal(s[KPI_INDEX_HEALTH].weight_counted, 0, EPS);
	kpi_index_compute(NULL, 0, s);
	assert_true(isnan(s[KPI_INDEX_DEVELOPMENT].score));
}

static void test_names(void **state)
{
	(void)state;
	const char *tokens[] = {"development", "construction", "operation", "service", "health"};
	const char *zh[] = {"发展", "建设", "运维", "服务", "健康"};
	for (int id = 0; id < KPI_INDEX_COUNT; id++) {
		kpi_index_id_t got;
		assert_string_equal(kpi_index_token((kpi_index_id_t)id), tokens[id]);
		assert_string_equal(kpi_index_name_zh((kpi_index_id_t)id), zh[id]);
		assert_non_null(kpi_index_title((kpi_index_id_t)id));
		assert_true(kpi_index_from_token(tokens[id], &got));
		assert_int_equal(got, id);
	}
	kpi_index_id_t got;
	assert_false(kpi_index_from_token("Health", &got));
	assert_false(kpi_index_from_token(NULL, &got));
	assert_null(kpi_index_token(KPI_INDEX_COUNT));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_worked_example),   cmocka_unit_test(test_status_and_distance),
	    cmocka_unit_test(test_attainment_edges), cmocka_unit_test(test_memberships),
	    cmocka_unit_test(test_all_without_data), cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

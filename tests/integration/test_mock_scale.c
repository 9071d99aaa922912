/* Scale tests for the mock city (--scale city, --readings, --kpis): counts,
 * the city -> district -> street hierarchy, equipment and limits per domain,
 * KPI categories, indices and places, determinism. No clock, no network. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "city.h"
#include "city_json.h"
#include "protocol.h"

#define SEED  20261125u
#define T0_MS 1764057600000LL

static const city_json_time_t at_tick_10 = {
    .tick = 10, .tick0_ms = T0_MS, .tick_ms = 1000, .now_ms = T0_MS + 10250};

static int setup_city(void **state)
{
	city_config_t cfg = {.scale = CITY_SCALE_CITY};
	*state = city_create_config(SEED, &cfg);
	return 0;
}

static int teardown(void **state)
{
	city_destroy(*state);
	return 0;
}

static void test_city_counts(void **state)
{
	const city_t *c = *state;
	assert_int_equal(city_reading_count(c), 4476);
	assert_int_equal(city_kpi_count(c), 911);
	assert_true(city_place_street_count(c) >= 300);
}

static long district_index(const city_t *c, const char *name)
{
	for (size_t d = 0; d < city_place_district_count(c); d++)
		if (strcmp(city_place_district(c, d)->name, name) == 0)
			return (long)d;
	return -1;
}

/* The central "9+2" by name, outer districts too, and every street unique
 * within its district (ids are built from the pinyin). */
static void test_city_tiers(void **state)
{
	const city_t *c = *state;
	static const char *const central[] = {"渝中区",   "大渡口区", "江北区", "沙坪坝区",
	                                      "九龙坡区", "南岸区",   "北碚区", "渝北区",
	                                      "巴南区",   "两江新区", "高新区"};
	for (size_t k = 0; k < sizeof central / sizeof *central; k++) {
		long d = district_index(c, central[k]);
		assert_true(d >= 0);
		assert_true(city_place_district_central(c, (size_t)d));
	}
	long outer = district_index(c, "万州区");
	assert_true(outer >= 0);
	assert_false(city_place_district_central(c, (size_t)outer));
	assert_true(district_index(c, "酉阳土家族苗族自治县") >= 0);
	size_t ncentral = 0, streets = 0;
	for (size_t d = 0; d < city_place_district_count(c); d++) {
		const city_district_def_t *dd = city_place_district(c, d);
		ncentral += city_place_district_central(c, d);
		assert_true(dd->street_count >= 5);
		streets += dd->street_count;
		for (size_t i = 0; i < dd->street_count; i++)
			for (size_t j = i + 1; j < dd->street_count; j++) {
				assert_string_not_equal(dd->streets[i].pinyin,
				                        dd->streets[j].pinyin);
				assert_string_not_equal(dd->streets[i].name, dd->streets[j].name);
			}
	}
	assert_int_equal(ncentral, 11);
	assert_true(city_place_district_count(c) > 11);
	assert_int_equal(streets, city_place_street_count(c));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every reading has a district and a street of this city; every street has
 * readings; ids are unique. */
static void test_city_reading_places(void **state)
{
	const city_t *c = *state;
	size_t nd = city_place_district_count(c);
	size_t *per_district = calloc(nd, sizeof *per_district);
	assert_non_null(per_district);
	for (size_t i = 0; i < city_reading_count(c); i++) {
		const city_reading_t *r = city_reading(c, i);
		assert_non_null(r->district);
		assert_non_null(r->street);
		assert_true(r->district->name[0] && r->street->name[0]);
		long d = district_index(c, r->district->name);
		assert_true(d >= 0);
		assert_true(r->street >= r->district->streets &&
		            r->street < r->district->streets + r->district->street_count);
		per_district[d]++;
	}
	for (size_t d = 0; d < nd; d++)
		assert_true(per_district[d] > 0);
	free(per_district);
	/* unique ids: sort a copy */
	size_t n = city_reading_count(c);
	const char **ids = calloc(n, sizeof *ids);
	assert_non_null(ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = city_reading(c, i)->id;
	qsort(ids, n, sizeof *ids, cmp_str);
	for (size_t i = 1; i < n; i++)
		assert_string_not_equal(ids[i - 1], ids[i]);
	free(ids);
}

static bool has_measure(const city_t *c, const char *domain, const char *measure)
{
	for (size_t i = 0; i < city_reading_count(c); i++) {
		const city_reading_t *r = city_reading(c, i);
		if (strcmp(city_domain_name(r->domain), domain) == 0 &&
		    strcmp(r->measure->measure, measure) == 0)
			return true;
	}
	return false;
}

/* The kinds of equipment the issue names, each with a unit, a range and
 * limits in order inside it. */
static void test_city_equipment(void **state)
{
	const city_t *c = *state;
	static const char *const want[][2] = {
	    {"water", "outlet_pressure"},
	    {"water", "level"},
	    {"water", "turbidity"},
	    {"water", "chlorine"},
	    {"power", "load"},
	    {"power", "oil_temperature"},
	    {"power", "winding_temperature"},
	    {"gas", "outlet_pressure"},
	    {"gas", "leak"},
	    {"telecom", "load"},
	    {"bridge", "deflection"},
	    {"bridge", "strain"},
	    {"bridge", "cable_tension"},
	    {"bridge", "vibration"},
	    {"tunnel", "co"},
	    {"tunnel", "visibility"},
	    {"tunnel", "wind_speed"},
	    {"tunnel", "sump_level"},
	};
	for (size_t k = 0; k < sizeof want / sizeof *want; k++)
		if (!has_measure(c, want[k][0], want[k][1]))
			fail_msg("no %s %s", want[k][0], want[k][1]);
	size_t per_domain[16] = {0};
	for (size_t i = 0; i < city_reading_count(c); i++) {
		const city_reading_t *r = city_reading(c, i);
		const city_measure_def_t *m = r->measure;
		per_domain[r->domain]++;
		assert_true(m->unit[0] != '\0');
		assert_true(m->min < m->max);
		assert_true(m->has_lo || m->has_hi);
		assert_true(m->nominal > m->min && m->nominal < m->max);
		if (m->has_lo) {
			assert_true(m->min <= m->lolo && m->lolo <= m->lo);
			assert_true(m->lo < m->nominal);
		}
		if (m->has_hi) {
			assert_true(m->hi <= m->hihi && m->hihi <= m->max);
			assert_true(m->nominal < m->hi);
		}
		if (m->has_lo && m->has_hi)
			assert_true(m->lo <= m->hi);
		assert_true(m->deadband > 0);
	}
	assert_int_equal(city_domain_count(), 6);
	for (size_t d = 0; d < city_domain_count(); d++)
		assert_true(per_domain[d] >= 300);
}

/* KPIs: the categories, all five indices with positive weights, targets,
 * directions, periods and history; city-wide and district ones. */
static void test_city_kpis(void **state)
{
	const city_t *c = *state;
	static const char *const categories[] = {"经济发展", "民生服务", "城市运行",
	                                         "安全韧性", "生态环境", "城市建设"};
	static const char *const indices[] = {"development", "construction", "operation", "service",
	                                      "health"};
	size_t cat_seen[6] = {0}, ix_seen[5] = {0}, wide = 0, district = 0, lower = 0;
	for (size_t i = 0; i < city_kpi_count(c); i++) {
		const city_kpi_def_t *k = city_kpi(c, i);
		bool known = false;
		for (size_t j = 0; j < 6; j++)
			if (strcmp(k->category, categories[j]) == 0) {
				cat_seen[j]++;
				known = true;
			}
		assert_true(known);
		known = false;
		for (size_t j = 0; j < 5; j++)
			if (strcmp(k->index, indices[j]) == 0) {
				ix_seen[j]++;
				known = true;
			}
		assert_true(known);
		assert_true(k->weight > 0 && k->weight <= 2);
		lower += k->lower_better;
		const char *d, *s;
		city_kpi_place(c, i, &d, &s);
		if (d) {
			assert_true(district_index(c, d) >= 0);
			district++;
		} else {
			assert_null(s);
			wide++;
		}
	}
	for (size_t j = 0; j < 6; j++)
		assert_true(cat_seen[j] >= 10);
	for (size_t j = 0; j < 5; j++)
		assert_true(ix_seen[j] >= 10);
	assert_true(wide >= 20);
	assert_true(district >= 800);
	assert_true(lower > 0);
}

/* The KPI document carries a district KPI's place, and none for a
 * city-wide one. */
static void test_city_kpi_document(void **state)
{
	const city_t *c = *state;
	size_t len;
	char *text = city_json_kpis(c, &at_tick_10, &len);
	cJSON *doc = cJSON_ParseWithLength(text, len);
	assert_non_null(doc);
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, "kpis");
	assert_int_equal(cJSON_GetArraySize(arr), 911);
	size_t placed = 0;
	const cJSON *k;
	cJSON_ArrayForEach(k, arr)
	{
		const cJSON *place = cJSON_GetObjectItemCaseSensitive(k, "place");
		assert_non_null(cJSON_GetObjectItemCaseSensitive(k, "target"));
		assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(k, "history")),
		                 CITY_KPI_HISTORY);
		if (!place)
			continue;
		const cJSON *d = cJSON_GetObjectItemCaseSensitive(place, "district");
		assert_true(cJSON_IsString(d));
		assert_true(district_index(c, d->valuestring) >= 0);
		placed++;
	}
	assert_int_equal(placed, 880);
	cJSON_Delete(doc);
	free(text);
}

typedef struct memberships {
	size_t kpis, multi, per_index[5], first_is_index;
} memberships_t;

static void count_memberships(void *ctx, const kpi_in_t *k)
{
	static const char *const indices[] = {"development", "construction", "operation", "service",
	                                      "health"};
	memberships_t *m = ctx;
	m->kpis++;
	m->multi += k->index_count >= 2;
	m->first_is_index += k->index_count && k->index &&
	                     strcmp(k->indices[0].index, k->index) == 0 &&
	                     k->indices[0].weight == k->weight;
	for (size_t i = 0; i < k->index_count; i++) {
		bool known = false;
		for (size_t j = 0; j < 5; j++)
			if (strcmp(k->indices[i].index, indices[j]) == 0) {
				m->per_index[j]++;
				known = true;
			}
		assert_true(known);
		assert_true(k->indices[i].weight > 0 && k->indices[i].weight <= 2);
	}
}

/* KPIs belong to several composite indices (`indices`, read back with
 * citydash's parser), the first being the old `index`/`weight`; at both
 * scales many are in two, and every index has members. */
static void test_kpi_memberships(void **state)
{
	(void)state;
	for (int scale = 0; scale < 2; scale++) {
		city_config_t cfg = {.scale = scale ? CITY_SCALE_CITY : CITY_SCALE_DEMO};
		city_t *c = city_create_config(SEED, &cfg);
		size_t len;
		char *text = city_json_kpis(c, &at_tick_10, &len);
		memberships_t m = {0};
		feed_sink_t sink = {.ctx = &m, .kpi = count_memberships};
		feed_stats_t stats;
		assert_int_equal(protocol_v1_parse(text, len, T0_MS, &sink, &stats, NULL), 0);
		assert_int_equal(m.kpis, city_kpi_count(c));
		assert_int_equal(m.first_is_index, m.kpis);
		assert_true(m.multi * 3 >= m.kpis); /* a third or more in two indices */
		for (size_t j = 0; j < 5; j++)
			assert_true(m.per_index[j] >= (scale ? 50u : 2u));
		free(text);
		city_destroy(c);
	}
}

static char *all_documents(const city_t *c, size_t *total)
{
	size_t cap = 1, len = 0;
	char *out = calloc(1, 1);
	assert_non_null(out);
	for (size_t d = 0; d <= city_domain_count(); d++) {
		size_t n;
		char *doc = d < city_domain_count() ? city_json_readings(c, d, &at_tick_10, &n)
		                                    : city_json_kpis(c, &at_tick_10, &n);
		cap += n;
		out = realloc(out, cap);
		assert_non_null(out);
		memcpy(out + len, doc, n);
		len += n;
		out[len] = '\0';
		free(doc);
	}
	*total = len;
	return out;
}

/* Two cities from one seed serve identical documents; another seed differs. */
static void test_city_deterministic(void **state)
{
	const city_t *c = *state;
	city_config_t cfg = {.scale = CITY_SCALE_CITY};
	city_t *same = city_create_config(SEED, &cfg), *other = city_create_config(SEED + 1, &cfg);
	size_t n1, n2, n3;
	char *a = all_documents(c, &n1), *b = all_documents(same, &n2),
	     *x = all_documents(other, &n3);
	assert_int_equal(n1, n2);
	assert_memory_equal(a, b, n1);
	assert_true(n1 != n3 || memcmp(a, x, n1) != 0);
	free(a);
	free(b);
	free(x);
	city_destroy(same);
	city_destroy(other);
}

/* --readings and --kpis: exact counts at both scales, up to 20,000
 * readings, every domain served, ids unique. */
static void test_counts_on_demand(void **state)
{
	(void)state;
	static const struct {
		city_scale_t scale;
		size_t readings, kpis;
	} cases[] = {
	    {CITY_SCALE_CITY, 20000, 2000}, {CITY_SCALE_DEMO, 20000, 500}, {CITY_SCALE_DEMO, 7, 3},
	    {CITY_SCALE_CITY, 1, 1},        {CITY_SCALE_DEMO, 239, 16},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		city_config_t cfg = {
		    .scale = cases[k].scale, .readings = cases[k].readings, .kpis = cases[k].kpis};
		city_t *c = city_create_config(SEED, &cfg);
		assert_int_equal(city_reading_count(c), cases[k].readings);
		assert_int_equal(city_kpi_count(c), cases[k].kpis);
		size_t n = city_reading_count(c);
		const char **ids = calloc(n, sizeof *ids);
		assert_non_null(ids);
		for (size_t i = 0; i < n; i++)
			ids[i] = city_reading(c, i)->id;
		qsort(ids, n, sizeof *ids, cmp_str);
		for (size_t i = 1; i < n; i++)
			assert_string_not_equal(ids[i - 1], ids[i]);
		free(ids);
		n = city_kpi_count(c);
		ids = calloc(n, sizeof *ids);
		assert_non_null(ids);
		for (size_t i = 0; i < n; i++)
			ids[i] = city_kpi(c, i)->id;
		qsort(ids, n, sizeof *ids, cmp_str);
		for (size_t i = 1; i < n; i++)
			assert_string_not_equal(ids[i - 1], ids[i]);
		free(ids);
		if (cases[k].readings >= 1000) {
			size_t len;
			for (size_t d = 0; d < city_domain_count(); d++) {
				char *doc = city_json_readings(c, d, &at_tick_10, &len);
				cJSON *j = cJSON_ParseWithLength(doc, len);
				assert_non_null(j);
				assert_true(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
				                j, "readings")) > 100);
				cJSON_Delete(j);
				free(doc);
			}
		}
		city_destroy(c);
	}
}

/* The demo scale is what it always was: city_create() and a zeroed config
 * build the same city. */
static void test_demo_unchanged(void **state)
{
	(void)state;
	city_config_t cfg = {0};
	city_t *a = city_create(SEED), *b = city_create_config(SEED, &cfg);
	assert_int_equal(city_reading_count(a), 239);
	assert_int_equal(city_kpi_count(a), 16);
	assert_int_equal(city_place_district_count(a), 9);
	assert_int_equal(city_place_street_count(a), 45);
	size_t n1, n2;
	char *x = all_documents(a, &n1), *y = all_documents(b, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(x, y, n1);
	assert_null(strstr(x,
	                   "\"kpis\":[{\"id\":\"economy.gdp_growth\",\"name\":\"地区生产总值增速\","
	                   "\"category\":\"经济发展\",\"place\""));
	free(x);
	free(y);
	city_destroy(a);
	city_destroy(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_city_counts, setup_city, teardown),
	    cmocka_unit_test_setup_teardown(test_city_tiers, setup_city, teardown),
	    cmocka_unit_test_setup_teardown(test_city_reading_places, setup_city, teardown),
	    cmocka_unit_test_setup_teardown(test_city_equipment, setup_city, teardown),
	    cmocka_unit_test_setup_teardown(test_city_kpis, setup_city, teardown),
	    cmocka_unit_test_setup_teardown(test_city_kpi_document, setup_city, teardown),
	    cmocka_unit_test_setup_teardown(test_city_deterministic, setup_city, teardown),
	    cmocka_unit_test(test_counts_on_demand),
	    cmocka_unit_test(test_demo_unchanged),
	    cmocka_unit_test(test_kpi_memberships),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

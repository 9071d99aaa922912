/* The mock city as a SensorThings API v1.1 service (mock/sta_json.h): the
 * pages' shape and paging, and the pages read back through citydash's own
 * sensorthings adapter, at the city scale (4,476 Datastreams): no clock, no
 * network. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapter.h"
#include "city.h"
#include "sta_json.h"
#include "timefmt.h"

#define SEED  7u
#define T0_MS 1795593599500LL /* 2026-11-25T07:59:59.500Z */
#define ROOT  "http://127.0.0.1:8080/sta/v1.1"

static const city_json_time_t at_tick_10 = {
    .tick = 10, .tick0_ms = T0_MS, .tick_ms = 1000, .now_ms = T0_MS + 10250};

static city_t *city_scale(void)
{
	city_config_t cfg = {.scale = CITY_SCALE_CITY};
	city_t *c = city_create_config(SEED, &cfg);
	assert_int_equal(city_reading_count(c), 4476);
	return c;
}

/* len is read only after text was built (it is the builder's output). */
static cJSON *parse(char *text, const size_t *lenp)
{
	size_t len = *lenp;
	assert_int_equal(strlen(text), len);
	cJSON *doc = cJSON_ParseWithLength(text, len);
	free(text);
	assert_non_null(doc);
	return doc;
}

static const char *str_at(const cJSON *obj, const char *path)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", path);
	const cJSON *it = obj;
	for (char *tok = strtok(buf, "/"); tok; tok = strtok(NULL, "/"))
		it = cJSON_IsArray(it) ? cJSON_GetArrayItem(it, atoi(tok))
		                       : cJSON_GetObjectItemCaseSensitive(it, tok);
	assert_true(cJSON_IsString(it));
	return it->valuestring;
}

static void test_page_shape(void **state)
{
	(void)state;
	city_t *c = city_scale();
	size_t len;
	cJSON *doc = parse(sta_json_datastreams(c, &at_tick_10, ROOT, 100, 2, true, &len), &len);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "value")), 2);
	assert_int_equal(cJSON_GetObjectItem(doc, "@iot.count")->valueint, 4476);
	assert_string_equal(str_at(doc, "@iot.nextLink"),
	                    ROOT "/Datastreams?$top=2&$skip=102&$count=true");
	const cJSON *ds = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "value"), 0);
	const city_reading_t *r = city_reading(c, 100);
	assert_string_equal(str_at(ds, "@iot.id"), r->id);
	assert_string_equal(str_at(ds, "name"), r->name);
	assert_string_equal(str_at(ds, "unitOfMeasurement/symbol"), r->measure->unit);
	assert_string_equal(str_at(ds, "Thing/properties/domain"), city_domain_name(r->domain));
	assert_string_equal(str_at(ds, "Thing/properties/district"), r->district->name);
	assert_string_equal(str_at(ds, "Thing/Locations/0/properties/street"), r->street->name);
	assert_string_equal(str_at(ds, "Thing/Locations/0/location/type"), "Point");
	assert_string_equal(str_at(ds, "Observations/0/phenomenonTime"), "2026-11-25T08:00:09.500Z");
	assert_non_null(strstr(r->id, str_at(ds, "Thing/@iot.id")));
	cJSON_Delete(doc);

	/* The last page has no nextLink; past the end, an empty page. */
	doc = parse(sta_json_datastreams(c, &at_tick_10, ROOT, 4000, 1000, false, &len), &len);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "value")), 476);
	assert_null(cJSON_GetObjectItem(doc, "@iot.nextLink"));
	assert_null(cJSON_GetObjectItem(doc, "@iot.count"));
	cJSON_Delete(doc);
	doc = parse(sta_json_datastreams(c, &at_tick_10, ROOT, 9000, 10, false, &len), &len);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "value")), 0);
	cJSON_Delete(doc);

	doc = parse(sta_json_service_root(ROOT, &len), &len);
	assert_string_equal(str_at(doc, "value/0/name"), "Datastreams");
	assert_string_equal(str_at(doc, "value/0/url"), ROOT "/Datastreams");
	cJSON_Delete(doc);
	doc = parse(sta_json_error(400, "bad \"$top\"", &len), &len);
	assert_string_equal(str_at(doc, "type"), "error");
	assert_string_equal(str_at(doc, "message"), "bad \"$top\"");
	cJSON_Delete(doc);
	city_destroy(c);
}

typedef struct seen {
	const city_t *city;
	size_t n, with_value;
	bool *hit;
} seen_t;

static void on_reading(void *ctx, const reading_in_t *in)
{
	seen_t *s = ctx;
	size_t i = s->n++;
	const city_reading_t *want = city_reading(s->city, i); /* pages keep the order */
	assert_string_equal(in->id, want->id);
	assert_string_equal(in->name, want->name);
	assert_string_equal(in->unit, want->measure->unit);
	assert_string_equal(in->domain, city_domain_name(want->domain));
	assert_string_equal(in->district, want->district->name);
	assert_string_equal(in->street, want->street->name);
	double v;
	bool has = city_reading_value_at(s->city, i, at_tick_10.tick, &v);
	assert_int_equal(in->has_value, has);
	if (has) {
		double step = pow(10, -want->measure->decimals);
		assert_true(fabs(in->value - v) <= step / 2 + 1e-9);
		s->with_value++;
	}
	assert_int_equal(in->ts_ms, T0_MS + 10000);
	assert_true(in->has_range);
	assert_true(in->limits.mask != 0);
}

/* Every page, as the adapter asks for them, read by the adapter. */
static void test_through_adapter(void **state)
{
	(void)state;
	city_t *c = city_scale();
	const adapter_t *a = adapter_find("sensorthings");
	cJSON *cfg = cJSON_Parse("{\"page_size\": 1000, \"max_pages\": 10}");
	void *opts = NULL;
	cfg_error_t e = {0};
	assert_int_equal(a->options_parse(cfg, &opts, &e), 0);
	cJSON_Delete(cfg);
	adapter_body_t bodies[16];
	char *texts[16];
	size_t n = 0;
	for (;;) {
		adapter_attempt_t at = {.base_url = ROOT, .bodies = bodies, .done = n};
		adapter_request_t req = {0};
		char *cause = NULL;
		int rc = a->next_request(opts, &at, &req, &cause);
		assert_int_not_equal(rc, -1);
		if (rc == 0)
			break;
		assert_true(n < 16);
		/* The mock's paging: $top and $skip of the URL asked. */
		const char *top = strstr(req.url, "&$top=") ? strstr(req.url, "&$top=")
		                                             : strstr(req.url, "?$top=");
		const char *skip = strstr(req.url, "$skip=");
		assert_non_null(top);
		top++;
		size_t k = skip ? strtoul(skip + 6, NULL, 10) : 0;
		assert_int_equal(k, n * 1000);
		size_t len;
		texts[n] = sta_json_datastreams(c, &at_tick_10, ROOT, k, strtoul(top + 5, NULL, 10),
		                                false, &len);
		bodies[n] = (adapter_body_t){texts[n], len, req.step};
		n++;
		free(req.url);
	}
	assert_int_equal(n, 5); /* 4,476 in pages of 1,000 */
	seen_t seen = {.city = c};
	feed_sink_t sink = {.ctx = &seen, .reading = on_reading};
	feed_stats_t stats;
	char *cause = NULL;
	assert_int_equal(a->parse(opts, bodies, n, T0_MS + 11000, &sink, &stats, &cause), 0);
	assert_int_equal(seen.n, 4476);
	assert_int_equal(stats.skipped, 0);
	assert_true(seen.with_value > 4000);
	assert_string_equal(stats.warning, "");

	/* With a bound below what the city needs: the first pages and a warning. */
	a->options_free(opts);
	cfg = cJSON_Parse("{\"max_pages\": 3}");
	assert_int_equal(a->options_parse(cfg, &opts, &e), 0);
	cJSON_Delete(cfg);
	seen = (seen_t){.city = c};
	assert_int_equal(a->parse(opts, bodies, 3, T0_MS + 11000, &sink, &stats, &cause), 0);
	assert_int_equal(seen.n, 3000);
	assert_non_null(strstr(stats.warning, "paging stopped after 3 pages"));
	for (size_t i = 0; i < n; i++)
		free(texts[i]);
	a->options_free(opts);
	city_destroy(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_page_shape),
	    cmocka_unit_test(test_through_adapter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

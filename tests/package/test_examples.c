/* The example configurations load as citydash loads --config, and say what the README
 * and citydash(1) say they do: demo.json is the city citydash-mock serves on
 * port 8080, gateway.json several https sources with their own settings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

#define EXAMPLES CITYDASH_TEST_DATA "/../examples/"

static void load(config_t *cfg, const char *path)
{
	char *cause = NULL;
	memset(cfg, 0, sizeof *cfg);
	if (config_load_file(cfg, path, &cause) != 0) {
		print_error("%s\n", cause);
		free(cause);
		fail();
	}
}

static const source_cfg_t *find(const config_t *cfg, const char *name)
{
	for (size_t i = 0; i < cfg->source_count; i++)
		if (strcmp(cfg->sources[i].name, name) == 0)
			return &cfg->sources[i];
	fail_msg("no source \"%s\"", name);
	return NULL;
}

static void test_demo_watches_the_whole_mock_city(void **state)
{
	(void)state;
	config_t cfg;
	load(&cfg, EXAMPLES "demo.json");
	/* Every path citydash --demo watches (tui/demo.c), on the mock's port. */
	static const char *const feeds[][2] = {
	    {"water", "/v1/feeds/water"},   {"power", "/v1/feeds/power"},
	    {"gas", "/v1/feeds/gas"},       {"telecom", "/v1/feeds/telecom"},
	    {"bridge", "/v1/feeds/bridge"}, {"tunnel", "/v1/feeds/tunnel"},
	    {"kpis", "/v1/kpis"},           {"events", "/v1/events"},
	};
	assert_int_equal(cfg.source_count, sizeof feeds / sizeof feeds[0]);
	for (size_t i = 0; i < sizeof feeds / sizeof feeds[0]; i++) {
		const source_cfg_t *s = find(&cfg, feeds[i][0]);
		const char *base = "http://127.0.0.1:8080";
		assert_int_equal(strncmp(s->url, base, strlen(base)), 0);
		assert_string_equal(s->url + strlen(base), feeds[i][1]);
	}
	config_free(&cfg);
}

static void test_gateway_has_https_sources_with_own_settings(void **state)
{
	(void)state;
	config_t cfg;
	setenv("CITYDASH_NOC_TOKEN", "example-token", 1); /* its telecom source's token */
	load(&cfg, EXAMPLES "gateway.json");
	assert_true(cfg.source_count >= 3);
	for (size_t i = 0; i < cfg.source_count; i++)
		assert_int_equal(strncmp(cfg.sources[i].url, "https://", 8), 0);
	/* The file's defaults apply where a source sets nothing ... */
	const source_cfg_t *water = find(&cfg, "water");
	assert_int_equal(water->interval_ms, 2500);
	assert_int_equal(water->clock_skew_ms, 10000);
	assert_int_equal(water->max_readings, CONFIG_DEFAULT_MAX_READINGS);
	/* ... and per-source limits where one does. */
	const source_cfg_t *power = find(&cfg, "power");
	assert_int_equal(power->interval_ms, 1000);
	assert_int_equal(power->max_readings, 500000);
	assert_true(power->max_bytes == (size_t)1 << 30);
	assert_true(power->max_body == (size_t)64 << 20);
	const source_cfg_t *kpis = find(&cfg, "kpis");
	assert_int_equal(kpis->interval_ms, 60000);
	assert_int_equal(kpis->max_readings, 1000);
	/* The NOC's feed: a bearer token from the environment, a tenant header. */
	const source_cfg_t *telecom = find(&cfg, "telecom");
	assert_int_equal(telecom->auth, SOURCE_AUTH_BEARER);
	assert_string_equal(telecom->secret, "example-token");
	assert_string_equal(telecom->secret_from, "environment variable CITYDASH_NOC_TOKEN");
	assert_int_equal(telecom->header_count, 1);
	assert_string_equal(telecom->headers[0].name, "X-Tenant");
	config_free(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_demo_watches_the_whole_mock_city),
	    cmocka_unit_test(test_gateway_has_https_sources_with_own_settings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

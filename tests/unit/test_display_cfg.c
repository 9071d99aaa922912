/* The configuration's "display" object (feeds/display_cfg.c) as config.c
 * reads it: the defaults, every member read, and each error as the operator
 * reads it, "FILE:LINE:COL: /display/...: what"; examples/wall.json. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

#define SOURCES "\"sources\": [{\"name\": \"a\", \"url\": \"http://127.0.0.1:1/x\"}]"

static int parse(config_t *cfg, const char *json, char **cause)
{
	config_init(cfg);
	*cause = NULL;
	return config_parse_named(cfg, "wall.json", json, strlen(json), cause);
}

static void test_defaults(void **state)
{
	(void)state;
	config_t cfg;
	char *cause;
	assert_int_equal(parse(&cfg, "{" SOURCES "}", &cause), 0);
	assert_null(cfg.display.theme);
	assert_int_equal(cfg.display.kiosk_page_count, 0);
	assert_int_equal(cfg.display.rotate_ms, DISPLAY_ROTATE_MS_DEFAULT);
	assert_int_equal(cfg.display.banner_ms, DISPLAY_BANNER_MS_DEFAULT);
	config_free(&cfg);
}

static void test_every_member(void **state)
{
	(void)state;
	config_t cfg;
	char *cause;
	const char *json = "{" SOURCES ", \"display\": {\"theme\": \"mono\", \"kiosk\": "
	                   "{\"pages\": [\"wall\", \"domain:water\"], \"rotate_s\": 7, "
	                   "\"banner_s\": 0}}}";
	assert_int_equal(parse(&cfg, json, &cause), 0);
	assert_string_equal(cfg.display.theme, "mono");
	assert_int_equal(cfg.display.kiosk_page_count, 2);
	assert_string_equal(cfg.display.kiosk_pages[0], "wall");
	assert_string_equal(cfg.display.kiosk_pages[1], "domain:water");
	assert_int_equal(cfg.display.rotate_ms, 7000);
	assert_int_equal(cfg.display.banner_ms, 0); /* until acknowledged */
	config_free(&cfg);

	/* A kiosk object without pages: the default rotation, its times. */
	json = "{" SOURCES ", \"display\": {\"kiosk\": {\"rotate_s\": 3600}}}";
	assert_int_equal(parse(&cfg, json, &cause), 0);
	assert_int_equal(cfg.display.kiosk_page_count, 0);
	assert_int_equal(cfg.display.rotate_ms, 3600000);
	assert_int_equal(cfg.display.banner_ms, DISPLAY_BANNER_MS_DEFAULT);
	config_free(&cfg);
}

/* Each bad "display" and the start of what citydash says. */
static void test_errors(void **state)
{
	(void)state;
	static const struct {
		const char *display, *says;
	} cases[] = {
	    {"[]", "wall.json:1:"},
	    {"{\"colour\": 1}", "/display/colour: unknown field \"colour\""},
	    {"{\"theme\": 3}", "/display/theme: "},
	    {"{\"theme\": \"\"}", "/display/theme: "},
	    {"{\"kiosk\": []}", "/display/kiosk: "},
	    {"{\"kiosk\": {\"page\": []}}", "/display/kiosk/page: unknown field \"page\""},
	    {"{\"kiosk\": {\"rotate_s\": 1}}",
	     "/display/kiosk/rotate_s: must be a whole number from 2 to 3600 s"},
	    {"{\"kiosk\": {\"rotate_s\": 3601}}", "/display/kiosk/rotate_s: "},
	    {"{\"kiosk\": {\"rotate_s\": 2.5}}", "/display/kiosk/rotate_s: "},
	    {"{\"kiosk\": {\"banner_s\": -1}}", "/display/kiosk/banner_s: "},
	    {"{\"kiosk\": {\"banner_s\": 86401}}", "/display/kiosk/banner_s: "},
	    {"{\"kiosk\": {\"pages\": \"wall\"}}", "/display/kiosk/pages: "},
	    {"{\"kiosk\": {\"pages\": []}}", "/display/kiosk/pages: must list from 1 to 32 pages"},
	    {"{\"kiosk\": {\"pages\": [\"wall\", 2]}}",
	     "/display/kiosk/pages/1: must be a page name, such as \"overview\""},
	    {"{\"kiosk\": {\"pages\": [\"wall\", \"kpis\", \"\"]}}", "/display/kiosk/pages/2: "},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char json[512];
		snprintf(json, sizeof json, "{" SOURCES ", \"display\": %s}", cases[i].display);
		config_t cfg;
		char *cause;
		if (parse(&cfg, json, &cause) != -1)
			fail_msg("accepted: %s", cases[i].display);
		if (!strstr(cause, cases[i].says))
			fail_msg("for %s\n  said: %s\n  want: %s", cases[i].display, cause,
			         cases[i].says);
		assert_int_equal(strncmp(cause, "wall.json:1:", 12), 0);
		free(cause);
		config_free(&cfg);
	}
}

/* More pages than DISPLAY_KIOSK_PAGES_MAX. */
static void test_too_many_pages(void **state)
{
	(void)state;
	char json[2048];
	size_t n = (size_t)snprintf(json, sizeof json, "{" SOURCES ", \"display\": {\"kiosk\": {\"pages\": [");
	for (int i = 0; i <= DISPLAY_KIOSK_PAGES_MAX; i++)
		n += (size_t)snprintf(json + n, sizeof json - n, "%s\"wall\"", i ? ", " : "");
	snprintf(json + n, sizeof json - n, "]}}}");
	config_t cfg;
	char *cause;
	assert_int_equal(parse(&cfg, json, &cause), -1);
	assert_non_null(strstr(cause, "/display/kiosk/pages: must list from 1 to 32 pages"));
	free(cause);
	config_free(&cfg);
}

static void test_example_wall(void **state)
{
	(void)state;
	config_t cfg;
	char *cause = NULL;
	config_init(&cfg);
	if (config_load_file(&cfg, CITYDASH_TEST_DATA "/../examples/wall.json", &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(cfg.source_count, 8);
	assert_int_equal(cfg.display.kiosk_page_count, 6);
	assert_string_equal(cfg.display.kiosk_pages[0], "wall");
	assert_int_equal(cfg.display.rotate_ms, 30000);
	assert_int_equal(cfg.display.banner_ms, 300000);
	config_free(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_defaults),       cmocka_unit_test(test_every_member),
	    cmocka_unit_test(test_errors),         cmocka_unit_test(test_too_many_pages),
	    cmocka_unit_test(test_example_wall),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

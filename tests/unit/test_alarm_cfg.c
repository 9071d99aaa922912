/* Unit tests for feeds/alarm_cfg.c and the "alarms" hook of feeds/config.c:
 * the built-in table, the precedence of a reading's entry, the feed's
 * deadband and the domain's, out of service by alarm and by reading id,
 * every error of the "alarms" object, and copies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alarm_cfg.h"
#include "config.h"
#include "store.h"
#include "text.h"

static reading_t reading(const char *id, domain_t d, double min, double max, double deadband)
{
	reading_t r;
	memset(&r, 0, sizeof r);
	r.id = (char *)id;
	r.domain = d;
	r.range_min = min;
	r.range_max = max;
	r.deadband = deadband;
	return r;
}

static int parse(alarm_cfg_t *c, const char *json, char **cause)
{
	cJSON *doc = cJSON_Parse(json);
	assert_non_null(doc);
	int rc = alarm_cfg_from_json(c, doc, cause);
	cJSON_Delete(doc);
	return rc;
}

static void test_defaults(void **state)
{
	(void)state;
	alarm_cfg_t c;
	alarm_cfg_defaults(&c);
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		/* Every field set; annunciate at once; some hold and some band. */
		assert_int_equal(c.domains[d].on_delay_ms, 0);
		assert_true(c.domains[d].off_delay_ms >= 5000 && c.domains[d].off_delay_ms <= 30000);
		assert_true(c.domains[d].deadband_percent >= 0.5 &&
		            c.domains[d].deadband_percent <= 1.0);
		assert_true(c.domains[d].deadband >= 0);
	}
	assert_int_equal(c.domains[DOMAIN_WATER].off_delay_ms, 10000);
	assert_int_equal(c.domains[DOMAIN_POWER].off_delay_ms, 5000);
	assert_true(c.bell);
	assert_int_equal(c.bell_min_ms, ALARM_CFG_BELL_MIN_MS);
	assert_int_equal(c.alertmanager_interval_ms, ALARM_CFG_AM_INTERVAL_MS);
	assert_null(c.journal);
	assert_null(c.alertmanager);
	assert_int_equal(c.reading_count, 0);
	/* A NULL configuration is the built-in table. */
	reading_t r = reading("w.1", DOMAIN_WATER, 0, 200, 0);
	alarm_effective_t a = alarm_cfg_effective(NULL, &r), b = alarm_cfg_effective(&c, &r);
	assert_float_equal(a.deadband, 2.0, 1e-9); /* 1 % of 200 */
	assert_float_equal(b.deadband, a.deadband, 0);
	assert_int_equal(a.off_delay_ms, b.off_delay_ms);
	assert_false(alarm_cfg_out_of_service(NULL, "w.1", "w.1"));
	assert_false(alarm_cfg_out_of_service(&c, "w.1", "w.1"));
	alarm_cfg_free(&c);
}

static void test_precedence(void **state)
{
	(void)state;
	alarm_cfg_t c;
	alarm_cfg_defaults(&c);
	char *cause = NULL;
	assert_int_equal(
	    parse(&c,
	          "{\"domains\":{\"water\":{\"deadband_percent\":2,\"on_delay_s\":1.5,"
	          "\"off_delay_s\":20},\"gas\":{\"off_delay_s\":0}},"
	          "\"readings\":{\"w.own\":{\"deadband\":0.02,\"on_delay_s\":5},"
	          "\"w.pct\":{\"deadband_percent\":10,\"off_delay_s\":30},"
	          "\"a.first\":{\"on_delay_s\":0.25}}}",
	          &cause),
	    0);
	assert_null(cause);
	/* The domain's percent of the range, and its delays. */
	reading_t plain = reading("w.plain", DOMAIN_WATER, -50, 50, 0);
	alarm_effective_t e = alarm_cfg_effective(&c, &plain);
	assert_float_equal(e.deadband, 2.0, 1e-9);
	assert_int_equal(e.on_delay_ms, 1500);
	assert_int_equal(e.off_delay_ms, 20000);
	/* The feed's deadband beats the domain's percent. */
	reading_t fed = reading("w.fed", DOMAIN_WATER, -50, 50, 0.7);
	e = alarm_cfg_effective(&c, &fed);
	assert_float_equal(e.deadband, 0.7, 0);
	assert_int_equal(e.off_delay_ms, 20000);
	/* The reading's entry beats both; what it leaves out falls back. */
	reading_t own = reading("w.own", DOMAIN_WATER, -50, 50, 0.7);
	e = alarm_cfg_effective(&c, &own);
	assert_float_equal(e.deadband, 0.02, 0);
	assert_int_equal(e.on_delay_ms, 5000);
	assert_int_equal(e.off_delay_ms, 20000);
	reading_t pct = reading("w.pct", DOMAIN_WATER, 0, 10, 0.7);
	e = alarm_cfg_effective(&c, &pct);
	assert_float_equal(e.deadband, 1.0, 1e-9);
	assert_int_equal(e.on_delay_ms, 1500);
	assert_int_equal(e.off_delay_ms, 30000);
	reading_t first = reading("a.first", DOMAIN_WATER, 0, 10, 0);
	e = alarm_cfg_effective(&c, &first);
	assert_int_equal(e.on_delay_ms, 250);
	assert_float_equal(e.deadband, 0.2, 1e-9);
	/* Other domains keep the built-in table but what the file sets. */
	reading_t gas = reading("g.1", DOMAIN_GAS, 0, 100, 0);
	e = alarm_cfg_effective(&c, &gas);
	assert_int_equal(e.off_delay_ms, 0);
	assert_float_equal(e.deadband, 0.5, 1e-9);
	reading_t power = reading("p.1", DOMAIN_POWER, 0, 100, 0);
	assert_int_equal(alarm_cfg_effective(&c, &power).off_delay_ms, 5000);
	/* A range too wide for a percent: no deadband rather than infinity. */
	reading_t huge = reading("h.1", DOMAIN_POWER, -1.5e308, 1.5e308, 0);
	assert_float_equal(alarm_cfg_effective(&c, &huge).deadband, 0, 0);
	alarm_cfg_free(&c);
}

static void test_full_object(void **state)
{
	(void)state;
	alarm_cfg_t c;
	alarm_cfg_defaults(&c);
	char *cause = NULL;
	assert_int_equal(
	    parse(&c,
	          "{\"readings\":{\"z.1\":{},\"b.1\":{},\"m.1\":{}},"
	          "\"out_of_service\":[\"t.2#fault\",\"source:gas\",\"t.1\",\"t.1\"],"
	          "\"bell\":false,\"bell_interval_s\":2.5,\"journal\":\"/var/lib/j.jsonl\","
	          "\"alertmanager\":\"http://127.0.0.1:9093\",\"alertmanager_interval_s\":0.5}",
	          &cause),
	    0);
	assert_int_equal(c.reading_count, 3);
	assert_string_equal(c.readings[0].id, "b.1");
	assert_string_equal(c.readings[1].id, "m.1");
	assert_string_equal(c.readings[2].id, "z.1");
	assert_true(c.readings[0].tuning.deadband < 0 && c.readings[0].tuning.on_delay_ms < 0);
	/* Sorted, the same id kept once. */
	assert_int_equal(c.out_of_service_count, 3);
	assert_string_equal(c.out_of_service[0], "source:gas");
	assert_string_equal(c.out_of_service[1], "t.1");
	assert_string_equal(c.out_of_service[2], "t.2#fault");
	assert_false(c.bell);
	assert_int_equal(c.bell_min_ms, 2500);
	assert_string_equal(c.journal, "/var/lib/j.jsonl");
	assert_string_equal(c.alertmanager, "http://127.0.0.1:9093");
	assert_int_equal(c.alertmanager_interval_ms, 500);

	/* Out of service: by alarm id, or by reading id (all its alarms). */
	assert_true(alarm_cfg_out_of_service(&c, "t.1", "t.1"));
	assert_true(alarm_cfg_out_of_service(&c, "t.1#fault", "t.1"));
	assert_true(alarm_cfg_out_of_service(&c, "t.2#fault", "t.2"));
	assert_false(alarm_cfg_out_of_service(&c, "t.2", "t.2"));
	assert_true(alarm_cfg_out_of_service(&c, "source:gas", NULL));
	assert_false(alarm_cfg_out_of_service(&c, "source:water", NULL));
	assert_false(alarm_cfg_out_of_service(&c, "t.11", "t.11"));

	/* A deep copy outlives the original. */
	alarm_cfg_t copy;
	alarm_cfg_copy(&copy, &c);
	alarm_cfg_free(&c);
	assert_string_equal(copy.readings[2].id, "z.1");
	assert_string_equal(copy.out_of_service[1], "t.1");
	assert_string_equal(copy.journal, "/var/lib/j.jsonl");
	assert_string_equal(copy.alertmanager, "http://127.0.0.1:9093");
	assert_true(alarm_cfg_out_of_service(&copy, "x#fault", "t.1"));
	alarm_cfg_free(&copy);
	/* A copy of the defaults owns nothing. */
	alarm_cfg_defaults(&c);
	alarm_cfg_copy(&copy, &c);
	assert_null(copy.readings);
	assert_null(copy.journal);
	alarm_cfg_free(&copy);
}

static void expect_error(const char *json, const char *needle1, const char *needle2)
{
	alarm_cfg_t c;
	alarm_cfg_defaults(&c);
	char *cause = NULL;
	/* Something held before: replaced by the defaults on an error. */
	assert_int_equal(parse(&c, "{\"journal\":\"/j\",\"readings\":{\"a\":{}}}", &cause), 0);
	assert_int_equal(parse(&c, json, &cause), -1);
	assert_non_null(cause);
	if (!strstr(cause, needle1) || (needle2 && !strstr(cause, needle2)))
		fail_msg("message \"%s\" lacks \"%s\"/\"%s\" for %s", cause, needle1,
		         needle2 ? needle2 : "", json);
	assert_true(text_is_clean(cause));
	free(cause);
	alarm_cfg_t defaults;
	alarm_cfg_defaults(&defaults);
	assert_memory_equal(&c, &defaults, sizeof c);
	alarm_cfg_free(&c);
}

static void test_errors(void **state)
{
	(void)state;
	/* Shapes and unknown fields. */
	expect_error("[]", "alarms", "must be an object");
	expect_error("{\"bel\":true}", "alarms", "unknown field \"bel\"");
	expect_error("{\"domains\":[]}", "alarms.domains", "must be an object");
	expect_error("{\"domains\":{\"sewage\":{}}}", "unknown domain \"sewage\"", "known: water");
	expect_error("{\"domains\":{\"gas\":3}}", "alarms.domains.gas", "must be an object");
	expect_error("{\"domains\":{\"gas\":{\"deadband\":1}}}", "alarms.domains.gas",
	             "unknown field \"deadband\"");
	expect_error("{\"domains\":{\"gas\":{\"off_delay\":1}}}", "alarms.domains.gas",
	             "unknown field \"off_delay\"");
	expect_error("{\"readings\":[]}", "alarms.readings", "must be an object");
	expect_error("{\"readings\":{\"w.1\":1}}", "alarms.readings.\"w.1\"", "must be an object");
	expect_error("{\"readings\":{\"w.1\":{\"delay\":1}}}", "alarms.readings.\"w.1\"",
	             "unknown field \"delay\"");
	expect_error("{\"readings\":{\"w 1\":{}}}", "alarms.readings.\"w 1\"", "not a reading id");
	expect_error("{\"readings\":{\"w.1\":{},\"w.1\":{}}}", "\"w.1\"", "given twice");
	expect_error("{\"readings\":{\"w.1\":{\"deadband\":1,\"deadband_percent\":1}}}", "\"w.1\"",
	             "not both");
	expect_error("{\"out_of_service\":\"w.1\"}", "alarms.out_of_service", "must be an array");
	expect_error("{\"out_of_service\":[\"a\",1]}", "alarms.out_of_service[1]", "alarm or reading id");
	expect_error("{\"out_of_service\":[\"\"]}", "alarms.out_of_service[0]", NULL);
	expect_error("{\"out_of_service\":[\"a\\u001b[2J\"]}", "alarms.out_of_service[0]",
	             "printable");
	/* Types. */
	expect_error("{\"bell\":\"yes\"}", "\"bell\"", "true or false");
	expect_error("{\"bell_interval_s\":\"5\"}", "\"bell_interval_s\"", "seconds");
	expect_error("{\"journal\":5}", "\"journal\"", "file name");
	expect_error("{\"journal\":\"\"}", "\"journal\"", "file name");
	expect_error("{\"alertmanager\":true}", "\"alertmanager\"", "URL");
	expect_error("{\"alertmanager\":\"ftp://h:9093\"}", "\"alertmanager\"", "http://");
	expect_error("{\"alertmanager\":\"http://a b\"}", "\"alertmanager\"", "no spaces");
	expect_error("{\"domains\":{\"water\":{\"on_delay_s\":\"1\"}}}", "alarms.domains.water",
	             "\"on_delay_s\" must be a number of seconds from 0 to 3600");
	expect_error("{\"readings\":{\"w.1\":{\"deadband\":null}}}", "\"w.1\"",
	             "\"deadband\" must be a number, 0 or more");
	/* Ranges: negatives and absurd values. */
	expect_error("{\"domains\":{\"water\":{\"off_delay_s\":-1}}}", "alarms.domains.water",
	             "\"off_delay_s\"");
	expect_error("{\"domains\":{\"water\":{\"off_delay_s\":3600.5}}}", "alarms.domains.water",
	             "from 0 to 3600");
	expect_error("{\"domains\":{\"tunnel\":{\"deadband_percent\":50.1}}}",
	             "alarms.domains.tunnel", "\"deadband_percent\" must be a number from 0 to 50");
	expect_error("{\"domains\":{\"tunnel\":{\"deadband_percent\":-0.1}}}",
	             "alarms.domains.tunnel", "\"deadband_percent\"");
	expect_error("{\"readings\":{\"w.1\":{\"deadband\":-0.5}}}", "\"w.1\"", "\"deadband\"");
	expect_error("{\"readings\":{\"w.1\":{\"on_delay_s\":7200}}}", "\"w.1\"", "\"on_delay_s\"");
	expect_error("{\"bell_interval_s\":-1}", "\"bell_interval_s\"", "from 0 to 3600");
	expect_error("{\"alertmanager_interval_s\":0}", "\"alertmanager_interval_s\"",
	             "from 0.1 to 3600");
	expect_error("{\"alertmanager_interval_s\":1e9}", "\"alertmanager_interval_s\"", NULL);
}

static void test_bounds_accepted(void **state)
{
	(void)state;
	alarm_cfg_t c;
	alarm_cfg_defaults(&c);
	char *cause = NULL;
	assert_int_equal(parse(&c,
	                       "{\"domains\":{\"other\":{\"deadband_percent\":50,\"on_delay_s\":3600,"
	                       "\"off_delay_s\":0}},\"readings\":{\"x\":{\"deadband\":0}},"
	                       "\"bell_interval_s\":0,\"alertmanager_interval_s\":0.1,"
	                       "\"alertmanager\":\"HTTPS://am.example/base\"}",
	                       &cause),
	                 0);
	assert_int_equal(c.domains[DOMAIN_OTHER].on_delay_ms, 3600000);
	assert_int_equal(c.bell_min_ms, 0);
	assert_int_equal(c.alertmanager_interval_ms, 100);
	reading_t x = reading("x", DOMAIN_OTHER, 0, 100, 3);
	assert_float_equal(alarm_cfg_effective(&c, &x).deadband, 0, 0); /* its own 0 wins */
	alarm_cfg_free(&c);
}

static void test_config_hook(void **state)
{
	(void)state;
	char *cause = NULL;
	/* No "alarms": the defaults, even in a config not made by config_init. */
	config_t cfg = {0};
	const char *plain = "{\"sources\":[]}";
	assert_int_equal(config_parse(&cfg, plain, strlen(plain), &cause), 0);
	assert_true(cfg.alarms.bell);
	assert_int_equal(cfg.alarms.domains[DOMAIN_BRIDGE].off_delay_ms, 30000);
	const char *good = "{\"sources\":[],\"alarms\":{\"bell\":false,"
	                   "\"domains\":{\"bridge\":{\"off_delay_s\":3}}}}";
	assert_int_equal(config_parse(&cfg, good, strlen(good), &cause), 0);
	assert_false(cfg.alarms.bell);
	assert_int_equal(cfg.alarms.domains[DOMAIN_BRIDGE].off_delay_ms, 3000);
	/* A bad file changes nothing, the alarm tuning neither. */
	const char *bad_alarms = "{\"sources\":[],\"alarms\":{\"bell\":1}}";
	assert_int_equal(config_parse(&cfg, bad_alarms, strlen(bad_alarms), &cause), -1);
	assert_non_null(strstr(cause, "alarms: \"bell\" must be true or false"));
	free(cause);
	const char *bad_source = "{\"sources\":[{}],\"alarms\":{\"bell\":true}}";
	assert_int_equal(config_parse(&cfg, bad_source, strlen(bad_source), &cause), -1);
	free(cause);
	assert_false(cfg.alarms.bell);
	assert_int_equal(cfg.alarms.domains[DOMAIN_BRIDGE].off_delay_ms, 3000);
	config_free(&cfg);

	/* From a file: the message names the file and the field. */
	char path[] = "/tmp/citydash-alarm-cfg-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *text = "{\"sources\":[],\n\"alarms\":{\"domains\":{\"gas\":{\"on_delay_s\":-2}}}}";
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	config_init(&cfg);
	assert_int_equal(config_load_file(&cfg, path, &cause), -1);
	char want[128];
	/* Located at "alarms" (alarm_cfg names the place inside it). */
	snprintf(want, sizeof want, "%s:2:10: alarms.domains.gas: \"on_delay_s\"", path);
	if (!strstr(cause, want))
		fail_msg("\"%s\" lacks \"%s\"", cause, want);
	free(cause);
	config_free(&cfg);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_defaults),        cmocka_unit_test(test_precedence),
	    cmocka_unit_test(test_full_object),     cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_bounds_accepted), cmocka_unit_test(test_config_hook),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

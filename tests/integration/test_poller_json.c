/* The json adapter behind the real poller, over HTTP: a scripted server
 * answers with a nested API document (tests/data/json/nested.json); the
 * readings reach the store, mapped by the source's JSON Pointers; an error
 * answer shows the API's own message as the source's reason; an answer
 * without the items is rejected whole and what the store held stays.
 *
 * Driven in virtual time as test_poller_recovery.c: each step starts what
 * is due, lets the transfer finish in real time (bounded), then moves the
 * virtual clock on. The source's settings are set here as the configuration
 * would set them (type "json", its "json" member through options_parse). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapter.h"
#include "clock.h"
#include "config.h"
#include "poller.h"
#include "script_server.h"
#include "store.h"
#include "xalloc.h"

#define T0      INT64_C(1764057600000)
#define STEP_MS 100

static const char opts_json[] =
    "{\"items\": \"/data/stations\", \"id\": \"/station/code\", \"name\": \"/station/label\","
    " \"value\": \"/obs/level/v\", \"unit\": \"/obs/level/unit\", \"ts\": \"/obs/time\","
    " \"district\": \"/area/district\", \"street\": \"/area/street\","
    " \"limits\": {\"hi\": \"/alarm/hi\", \"hihi\": \"/alarm/hihi\"},"
    " \"fixed\": {\"domain\": \"water\"}}";

typedef struct rig {
	script_server_t *srv;
	config_t cfg;
	void *opts;
	store_t *store;
	poller_t *poller;
	int64_t vt;
} rig_t;

static char *read_data(const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/data/%s", CITYDASH_TEST_DATA, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = xmalloc(1 << 16);
	size_t n = fread(buf, 1, (1 << 16) - 1, f);
	fclose(f);
	assert_true(n > 0);
	buf[n] = '\0';
	return buf;
}

static void rig_open(rig_t *r, const char *body)
{
	memset(r, 0, sizeof *r);
	config_init(&r->cfg);
	r->srv = script_server_start(200, body);
	char arg[128], *cause = NULL;
	snprintf(arg, sizeof arg, "rivers=%s", script_server_url(r->srv));
	assert_int_equal(config_add_source_arg(&r->cfg, arg, &cause), 0);
	source_cfg_t *s = &r->cfg.sources[0];
	s->interval_ms = 1000;
	s->timeout_ms = 5000;
	const adapter_t *a = adapter_find("json");
	assert_non_null(a);
	cJSON *obj = cJSON_Parse(opts_json);
	cfg_error_t e = {0};
	assert_int_equal(a->options_parse(obj, &r->opts, &e), 0);
	cJSON_Delete(obj);
	free(s->format);
	s->format = xstrdup("json");
	s->adapter = a;
	s->adapter_opts = r->opts;
	r->store = store_create();
	r->poller = poller_create(r->store, &r->cfg, &cause);
	assert_non_null(r->poller);
}

static void rig_close(rig_t *r)
{
	poller_destroy(r->poller);
	store_destroy(r->store);
	r->cfg.sources[0].adapter_opts = NULL; /* freed here, whoever else might */
	config_free(&r->cfg);
	adapter_find("json")->options_free(r->opts);
	script_server_stop(r->srv);
}

static uint64_t attempts(const rig_t *r)
{
	const source_status_t *s = store_source(r->store, 0);
	return s->polls_ok + s->polls_failed + s->not_modified;
}

/* Steps (virtual time) until one more attempt finished; bounded. */
static void next_attempt(rig_t *r)
{
	uint64_t before = attempts(r);
	for (int64_t end = r->vt + 120000; r->vt < end && attempts(r) == before;) {
		poller_start_due(r->poller, r->vt);
		int64_t limit = clock_mono_ms() + 20000;
		while (poller_ms_until_due(r->poller, r->vt) == INT64_MAX &&
		       clock_mono_ms() < limit) {
			assert_int_equal(poller_wait(r->poller, NULL, 0, NULL, 50), 0);
			poller_perform(r->poller, T0 + r->vt, r->vt);
		}
		r->vt += STEP_MS;
	}
	assert_true(attempts(r) > before);
}

static const reading_t *find(const rig_t *r, const char *id)
{
	for (size_t i = 0; i < store_reading_count(r->store); i++) {
		const reading_t *rd = store_reading(r->store, i);
		if (rd && strcmp(rd->id, id) == 0)
			return rd;
	}
	return NULL;
}

static void test_json_source_end_to_end(void **state)
{
	(void)state;
	char *body = read_data("json/nested.json");
	rig_t r;
	rig_open(&r, body);
	const source_status_t *s = store_source(r.store, 0);

	next_attempt(&r);
	assert_false(s->failing);
	assert_int_equal(s->polls_ok, 1);
	assert_int_equal(store_reading_count(r.store), 5);
	assert_int_equal(s->skipped, 6);
	const reading_t *rd = find(&r, "wl-001");
	assert_non_null(rd);
	assert_true(rd->has_value && rd->value == 3.42);
	assert_string_equal(rd->name, "嘉陵江朝天门水位站");
	assert_string_equal(rd->district, "渝中区");
	assert_string_equal(rd->unit, "m");
	assert_int_equal(rd->domain, DOMAIN_WATER);
	rd = find(&r, "1017");
	assert_true(rd && rd->has_value && rd->value == 2.75);
	rd = find(&r, "wl-003");
	assert_true(rd && !rd->has_value); /* no level: no value, never 0 */

	/* An error answer: the API's own words are the reason. */
	script_server_set(r.srv, 503, "{\"error\": {\"code\": 503, \"message\": \"maintenance\"}}");
	next_attempt(&r);
	assert_true(s->failing);
	assert_non_null(s->error);
	if (!strstr(s->error, "maintenance"))
		fail_msg("reason \"%s\" lacks the API's message", s->error);

	/* No items where the settings say: rejected whole, the readings stay. */
	script_server_set(r.srv, 200, "{\"status\": \"ok\", \"data\": {}}");
	next_attempt(&r);
	assert_true(s->failing);
	assert_non_null(s->error);
	if (!strstr(s->error, "no items at \"/data/stations\""))
		fail_msg("reason \"%s\" does not say where the items were looked for", s->error);
	rd = find(&r, "wl-001");
	assert_true(rd && rd->has_value && rd->value == 3.42);

	/* Back: read again. */
	script_server_set(r.srv, 200, body);
	next_attempt(&r);
	assert_false(s->failing);
	assert_int_equal(store_reading_count(r.store), 5);
	rig_close(&r);
	free(body);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_json_source_end_to_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

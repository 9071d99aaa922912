/* Unit tests for the optional KPI "place" (protocol v1, compatible
 * extension): the parser hands it to the sink and the store keeps it; a KPI
 * without one is city-wide, with empty district and street. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "protocol.h"
#include "store.h"

#define NOW 1764057600000 /* 2025-11-25T08:00:00Z, arbitrary */

typedef struct put_ctx {
	store_t *st;
	int source;
} put_ctx_t;

static void put_kpi(void *ctx, const kpi_in_t *in)
{
	put_ctx_t *p = ctx;
	store_put_kpi(p->st, p->source, in, NOW);
}

static const kpi_t *find_kpi(const store_t *st, const char *id)
{
	for (size_t i = 0; i < store_kpi_count(st); i++)
		if (strcmp(store_kpi(st, i)->id, id) == 0)
			return store_kpi(st, i);
	return NULL;
}

static void parse_into(store_t *st, int source, const char *doc, size_t kpis)
{
	put_ctx_t p = {st, source};
	feed_sink_t sink = {&p, NULL, put_kpi, NULL, 0, NULL, NULL};
	feed_stats_t stats;
	char *cause = NULL;
	size_t len = strlen(doc);
	char *buf = malloc(len);
	assert_non_null(buf);
	memcpy(buf, doc, len);
	assert_int_equal(protocol_v1_parse(buf, len, NOW, &sink, &stats, &cause), 0);
	free(buf);
	free(cause);
	assert_int_equal(stats.kpis, kpis);
}

static void test_kpi_place_kept(void **state)
{
	(void)state;
	store_t *st = store_create();
	int src = store_add_source(st, "kpi", "http://127.0.0.1/v1/kpis", 1000, 0);
	parse_into(st, src,
	           "{\"version\":1,\"kpis\":["
	           "{\"id\":\"d.gdp.jiangbei\",\"value\":6.1,"
	           "\"place\":{\"district\":\"江北区\",\"street\":\"观音桥街道\"}},"
	           "{\"id\":\"c.gdp\",\"value\":6.0}]}",
	           2);
	const kpi_t *d = find_kpi(st, "d.gdp.jiangbei"), *c = find_kpi(st, "c.gdp");
	assert_non_null(d);
	assert_non_null(c);
	assert_string_equal(d->district, "江北区");
	assert_string_equal(d->street, "观音桥街道");
	assert_string_equal(c->district, "");
	assert_string_equal(c->street, "");
	/* The place follows the feed: moved, then gone. */
	parse_into(st, src,
	           "{\"version\":1,\"kpis\":["
	           "{\"id\":\"d.gdp.jiangbei\",\"value\":6.1,\"place\":{\"district\":\"渝中区\"}},"
	           "{\"id\":\"c.gdp\",\"value\":6.0,\"place\":{}}]}",
	           2);
	d = find_kpi(st, "d.gdp.jiangbei");
	c = find_kpi(st, "c.gdp");
	assert_string_equal(d->district, "渝中区");
	assert_string_equal(d->street, "");
	assert_string_equal(c->district, "");
	store_destroy(st);
}

/* A place of the wrong type skips the KPI, like any field of the wrong type
 * (docs/protocol.md "Bad input"); null means absent. */
static void test_kpi_place_wrong_kind(void **state)
{
	(void)state;
	store_t *st = store_create();
	int src = store_add_source(st, "kpi", "http://127.0.0.1/v1/kpis", 1000, 0);
	parse_into(st, src,
	           "{\"version\":1,\"kpis\":[{\"id\":\"a\",\"place\":\"江北区\"},"
	           "{\"id\":\"b\",\"place\":{\"district\":7}},"
	           "{\"id\":\"c\",\"place\":null},{\"id\":\"d\",\"place\":{\"district\":null}}]}",
	           2);
	assert_null(find_kpi(st, "a"));
	assert_null(find_kpi(st, "b"));
	assert_string_equal(find_kpi(st, "c")->district, "");
	assert_string_equal(find_kpi(st, "d")->district, "");
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_kpi_place_kept),
	    cmocka_unit_test(test_kpi_place_wrong_kind),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

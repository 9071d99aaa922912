/* Unit tests for the governance fields of protocol v1 (compatible
 * extensions, docs/protocol.md "KPI" and "Event"): an event's type_name,
 * category, subcategory, due_at, plan and escalations; a KPI's indices.
 * Parsed, sanitized, bounded, kept by the store and charged to the source,
 * through the parser directly and through the parse worker's batch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_batch.h"
#include "protocol.h"
#include "store.h"
#include "strbuf.h"

#define NOW 1764057600000 /* 2025-11-25T08:00:00Z, arbitrary */

static void put(strbuf_t *b, const char *s)
{
	strbuf_put(b, s, strlen(s));
}

__attribute__((format(printf, 2, 3))) static void putf(strbuf_t *b, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	assert_true(n > 0 && (size_t)n < sizeof buf);
	strbuf_put(b, buf, (size_t)n);
}

typedef struct put_ctx {
	store_t *st;
	int source;
} put_ctx_t;

static void put_kpi(void *ctx, const kpi_in_t *in)
{
	put_ctx_t *p = ctx;
	store_put_kpi(p->st, p->source, in, NOW);
}

static void put_event(void *ctx, const event_in_t *in)
{
	put_ctx_t *p = ctx;
	store_put_event(p->st, p->source, in, NOW);
}

/* Parses doc into the store as one poll; returns the elements skipped. */
static unsigned parse_into(store_t *st, int source, const char *doc)
{
	put_ctx_t p = {st, source};
	feed_sink_t sink = {&p, NULL, put_kpi, put_event, 0, NULL, NULL};
	feed_stats_t stats;
	char *cause = NULL;
	size_t len = strlen(doc);
	char *buf = malloc(len);
	assert_non_null(buf);
	memcpy(buf, doc, len); /* not NUL-terminated: the parser must not need it */
	store_begin_poll(st, source, NOW);
	assert_int_equal(protocol_v1_parse(buf, len, NOW, &sink, &stats, &cause), 0);
	poll_report_t rep = {.had_kpis = stats.had_kpis, .had_events = stats.had_events};
	store_end_poll(st, source, &rep, NOW);
	free(buf);
	free(cause);
	return stats.skipped;
}

static const event_t *find_event(const store_t *st, const char *id)
{
	for (size_t i = 0; i < store_event_count(st); i++)
		if (strcmp(store_event(st, i)->id, id) == 0)
			return store_event(st, i);
	return NULL;
}

static const kpi_t *find_kpi(const store_t *st, const char *id)
{
	for (size_t i = 0; i < store_kpi_count(st); i++)
		if (strcmp(store_kpi(st, i)->id, id) == 0)
			return store_kpi(st, i);
	return NULL;
}

static store_t *new_store(int *src)
{
	store_t *st = store_create();
	*src = store_add_source(st, "gov", "http://127.0.0.1/v1/events", 1000, 0);
	return st;
}

static const char full_event[] =
    "{\"version\":1,\"events\":[{\"id\":\"EV-1\",\"type\":\"water.main_burst\","
    "\"type_name\":\"供水主管爆管\",\"category\":\"市政设施\",\"subcategory\":\"供水\","
    "\"title\":\"供水主管爆管 · 观音桥\",\"level\":\"city\",\"stage\":\"handling\","
    "\"due_at\":\"2025-11-25T10:00:00Z\","
    "\"plan\":[{\"name\":\"关阀止水\",\"department\":\"水务\",\"done\":true},"
    "{\"name\":\"交通疏导\",\"department\":\"公安\",\"done\":false},"
    "{\"name\":\"审核结案\",\"department\":\"城运中心\"}],"
    "\"escalations\":[{\"from\":\"street\",\"to\":\"district\",\"at\":\"2025-11-25T08:10:00Z\"},"
    "{\"from\":\"district\",\"to\":\"city\",\"at\":\"2025-11-25T08:30:00Z\"}]}]}";

static void test_event_fields_kept(void **state)
{
	(void)state;
	int src;
	store_t *st = new_store(&src);
	assert_int_equal(parse_into(st, src, full_event), 0);
	const event_t *e = find_event(st, "EV-1");
	assert_non_null(e);
	assert_string_equal(e->type_name, "供水主管爆管");
	assert_string_equal(e->category, "市政设施");
	assert_string_equal(e->subcategory, "供水");
	assert_int_equal(e->due_ms, NOW + 2 * 3600 * 1000);
	assert_int_equal(e->plan_count, 3);
	assert_string_equal(e->plan[0].name, "关阀止水");
	assert_string_equal(e->plan[0].department, "水务");
	assert_true(e->plan[0].done);
	assert_false(e->plan[1].done);
	assert_false(e->plan[2].done); /* absent: not done */
	assert_string_equal(e->plan[2].department, "城运中心");
	assert_int_equal(e->escalation_count, 2);
	assert_int_equal(e->escalations[0].from, TIER_STREET);
	assert_int_equal(e->escalations[0].to, TIER_DISTRICT);
	assert_int_equal(e->escalations[0].at_ms, NOW + 600 * 1000);
	assert_int_equal(e->escalations[1].to, TIER_CITY);
	/* The next document: a shorter plan, no escalations, no names. */
	assert_int_equal(parse_into(st, src,
	                            "{\"version\":1,\"events\":[{\"id\":\"EV-1\","
	                            "\"plan\":[{\"name\":\"关阀止水\",\"done\":true}]}]}"),
	                 0);
	e = find_event(st, "EV-1");
	assert_int_equal(e->plan_count, 1);
	assert_string_equal(e->plan[0].department, "");
	assert_int_equal(e->escalation_count, 0);
	assert_string_equal(e->type_name, "");
	assert_int_equal(e->due_ms, 0);
	store_destroy(st);
}

/* An old producer's event has none of them. */
static void test_event_fields_absent(void **state)
{
	(void)state;
	int src;
	store_t *st = new_store(&src);
	assert_int_equal(parse_into(st, src,
	                            "{\"version\":1,\"events\":[{\"id\":\"old\",\"type\":\"x\","
	                            "\"steps\":{\"done\":1,\"total\":4}}]}"),
	                 0);
	const event_t *e = find_event(st, "old");
	assert_string_equal(e->type_name, "");
	assert_string_equal(e->category, "");
	assert_int_equal(e->plan_count, 0);
	assert_int_equal(e->escalation_count, 0);
	assert_int_equal(e->steps_total, 4);
	store_destroy(st);
}

static void test_event_fields_bounded(void **state)
{
	(void)state;
	int src;
	store_t *st = new_store(&src);
	strbuf_t b = {0};
	put(&b, "{\"version\":1,\"events\":[{\"id\":\"big\",\"plan\":[");
	for (int i = 0; i < 40; i++)
		putf(&b, "%s{\"name\":\"step %d\",\"department\":\"城管\"}", i ? "," : "", i);
	put(&b, "],\"escalations\":[");
	for (int i = 0; i < 6; i++)
		putf(&b, "%s{\"from\":\"street\",\"to\":\"district\"}", i ? "," : "");
	put(&b, "]}]}");
	assert_int_equal(parse_into(st, src, b.data), 0);
	const event_t *e = find_event(st, "big");
	assert_int_equal(e->plan_count, STORE_PLAN_STEPS);
	assert_string_equal(e->plan[31].name, "step 31");
	assert_int_equal(e->escalation_count, STORE_ESCALATIONS);
	assert_int_equal(e->escalations[3].at_ms, 0);
	free(b.data);
	store_destroy(st);
}

/* Wrong types skip the event, like any field of the wrong type; null is
 * absent; an unknown tier reads as city; a malformed time as absent. */
static void test_event_fields_bad_input(void **state)
{
	(void)state;
	int src;
	store_t *st = new_store(&src);
	unsigned skipped = parse_into(
	    st, src,
	    "{\"version\":1,\"events\":["
	    "{\"id\":\"a\",\"plan\":{\"name\":\"x\"}},"
	    "{\"id\":\"b\",\"plan\":[\"关阀\"]},"
	    "{\"id\":\"c\",\"plan\":[{\"name\":7}]},"
	    "{\"id\":\"d\",\"plan\":[{\"name\":\"x\",\"done\":\"yes\"}]},"
	    "{\"id\":\"e\",\"escalations\":\"street\"},"
	    "{\"id\":\"f\",\"escalations\":[3]},"
	    "{\"id\":\"g\",\"type_name\":5},"
	    "{\"id\":\"h\",\"due_at\":5},"
	    "{\"id\":\"i\",\"category\":[\"市政\"]},"
	    "{\"id\":\"ok1\",\"due_at\":\"tomorrow\",\"type_name\":null,\"plan\":null,"
	    "\"escalations\":[{\"from\":\"region\",\"to\":\"nowhere\",\"at\":\"soon\"}]},"
	    "{\"id\":\"ok2\",\"plan\":[{\"name\":\"x\",\"done\":null}]}]}");
	assert_int_equal(skipped, 9);
	static const char *const gone[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
	for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
		assert_null(find_event(st, gone[i]));
	const event_t *ok1 = find_event(st, "ok1"), *ok2 = find_event(st, "ok2");
	assert_non_null(ok1);
	assert_int_equal(ok1->due_ms, 0);
	assert_int_equal(ok1->plan_count, 0);
	assert_int_equal(ok1->escalation_count, 1);
	assert_int_equal(ok1->escalations[0].from, TIER_CITY);
	assert_int_equal(ok1->escalations[0].to, TIER_CITY);
	assert_int_equal(ok1->escalations[0].at_ms, 0);
	assert_non_null(ok2);
	assert_false(ok2->plan[0].done);
	store_destroy(st);
}

/* Every new string is sanitized at ingest, and charged to the source. */
static void test_event_fields_sanitized_and_charged(void **state)
{
	(void)state;
	int src;
	store_t *st = new_store(&src);
	assert_int_equal(parse_into(st, src,
	                            "{\"version\":1,\"events\":[{\"id\":\"s\","
	                            "\"type_name\":\"爆管\\u001b[2J\",\"subcategory\":\"供\\u202e水\","
	                            "\"plan\":[{\"name\":\"关阀\\u0007\",\"department\":\"水\\u009b务\"}]}]}"),
	                 0);
	const event_t *e = find_event(st, "s");
	assert_null(strchr(e->type_name, '\x1b'));
	assert_string_equal(e->subcategory, "供水");
	assert_string_equal(e->plan[0].name, "关阀");
	assert_string_equal(e->plan[0].department, "水务");
	size_t small = store_source(st, src)->bytes_held;
	/* The same event with a plan of 20 long steps costs their strings more. */
	strbuf_t b = {0};
	put(&b, "{\"version\":1,\"events\":[{\"id\":\"s\",\"plan\":[");
	for (int i = 0; i < 20; i++)
		putf(&b, "%s{\"name\":\"%0100d\",\"department\":\"%060d\"}", i ? "," : "", i,
		               i);
	put(&b, "]}]}");
	assert_int_equal(parse_into(st, src, b.data), 0);
	size_t big = store_source(st, src)->bytes_held;
	assert_true(big >= small + 20 * (store_cost_string(100) + store_cost_string(60)) -
	                       store_cost_string(2) * 4);
	free(b.data);
	store_destroy(st);
}

static void test_kpi_indices(void **state)
{
	(void)state;
	int src;
	store_t *st = new_store(&src);
	assert_int_equal(
	    parse_into(st, src,
	               "{\"version\":1,\"kpis\":["
	               "{\"id\":\"both\",\"index\":\"operation\",\"weight\":1.0,"
	               "\"indices\":{\"operation\":1.0,\"health\":0.5}},"
	               "{\"id\":\"old\",\"index\":\"service\",\"weight\":1.2},"
	               "{\"id\":\"noweight\",\"index\":\"development\"},"
	               "{\"id\":\"none\"},"
	               "{\"id\":\"only\",\"indices\":{\"construction\":0.8}},"
	               "{\"id\":\"empty\",\"index\":\"service\",\"weight\":2,\"indices\":{}}]}"),
	    0);
	const kpi_t *k = find_kpi(st, "both");
	assert_int_equal(k->index_count, 2);
	assert_string_equal(k->indices[0].index, "operation");
	assert_true(k->indices[0].weight == 1.0);
	assert_string_equal(k->indices[1].index, "health");
	assert_true(k->indices[1].weight == 0.5);
	assert_string_equal(k->index, "operation"); /* kept as before */
	k = find_kpi(st, "old");
	assert_int_equal(k->index_count, 1);
	assert_string_equal(k->indices[0].index, "service");
	assert_true(k->indices[0].weight == 1.2);
	k = find_kpi(st, "noweight");
	assert_int_equal(k->index_count, 1);
	assert_true(k->indices[0].weight == 1.0);
	assert_int_equal(find_kpi(st, "none")->index_count, 0);
	k = find_kpi(st, "only");
	assert_int_equal(k->index_count, 1);
	assert_string_equal(k->indices[0].index, "construction");
	assert_string_equal(k->index, "");
	k = find_kpi(st, "empty"); /* no membership in indices: index stands */
	assert_int_equal(k->index_count, 1);
	assert_string_equal(k->indices[0].index, "service");
	/* Memberships follow the feed. */
	assert_int_equal(parse_into(st, src,
	                            "{\"version\":1,\"kpis\":[{\"id\":\"both\","
	                            "\"indices\":{\"service\":0.3}}]}"),
	                 0);
	k = find_kpi(st, "both");
	assert_int_equal(k->index_count, 1);
	assert_string_equal(k->indices[0].index, "service");
	store_destroy(st);
}

static void test_kpi_indices_bounded_and_bad(void **state)
{
	(void)state;
	int src;
	store_t *st = new_store(&src);
	unsigned skipped = parse_into(
	    st, src,
	    "{\"version\":1,\"kpis\":["
	    "{\"id\":\"many\",\"indices\":{\"a\":1,\"b\":null,\"\":3,\"c\":1,\"a\":9,\"d\":1,"
	    "\"e\\u001b\":1,\"f\":1,\"g\":1}},"
	    "{\"id\":\"str\",\"indices\":{\"operation\":\"1\"}},"
	    "{\"id\":\"arr\",\"indices\":[\"operation\"]},"
	    "{\"id\":\"inf\",\"indices\":{\"operation\":1e999}},"
	    "{\"id\":\"nul\",\"indices\":null,\"index\":\"health\"}]}");
	assert_int_equal(skipped, 3);
	assert_null(find_kpi(st, "str"));
	assert_null(find_kpi(st, "arr"));
	assert_null(find_kpi(st, "inf"));
	const kpi_t *k = find_kpi(st, "many");
	assert_int_equal(k->index_count, STORE_KPI_INDICES);
	static const char *const want[] = {"a", "c", "d", "e", "f"};
	for (size_t i = 0; i < STORE_KPI_INDICES; i++)
		assert_string_equal(k->indices[i].index, want[i]);
	assert_true(k->indices[0].weight == 1); /* the repeat of "a" is dropped */
	assert_int_equal(find_kpi(st, "nul")->index_count, 1);
	store_destroy(st);
}

/* The parse worker's batch copies everything the parser handed out before
 * the parser's scratch goes away (valgrind sees any dangling pointer). */
static void test_batch_copies_them(void **state)
{
	(void)state;
	int src;
	store_t *st = new_store(&src);
	static const char doc[] =
	    "{\"version\":1,\"kpis\":[{\"id\":\"k\",\"place\":{\"district\":\"江北区\","
	    "\"street\":\"观音桥街道\"},\"indices\":{\"operation\":1,\"health\":0.5}}],"
	    "\"events\":[{\"id\":\"EV-1\",\"type_name\":\"供水主管爆管\",\"category\":\"市政设施\","
	    "\"subcategory\":\"供水\",\"due_at\":\"2025-11-25T10:00:00Z\","
	    "\"plan\":[{\"name\":\"关阀止水\",\"department\":\"水务\",\"done\":true}],"
	    "\"escalations\":[{\"from\":\"street\",\"to\":\"district\"}]}]}";
	ingest_batch_t *b = ingest_batch_parse(NULL, doc, sizeof doc - 1, NOW, 0);
	assert_false(ingest_batch_rejected(b));
	while (!ingest_batch_apply(b, st, src, 1, NULL))
		;
	ingest_batch_free(b);
	const kpi_t *k = find_kpi(st, "k");
	assert_non_null(k);
	assert_string_equal(k->district, "江北区");
	assert_string_equal(k->street, "观音桥街道");
	assert_int_equal(k->index_count, 2);
	assert_string_equal(k->indices[1].index, "health");
	const event_t *e = find_event(st, "EV-1");
	assert_non_null(e);
	assert_string_equal(e->type_name, "供水主管爆管");
	assert_string_equal(e->subcategory, "供水");
	assert_int_equal(e->due_ms, NOW + 2 * 3600 * 1000);
	assert_int_equal(e->plan_count, 1);
	assert_string_equal(e->plan[0].department, "水务");
	assert_int_equal(e->escalation_count, 1);
	assert_int_equal(e->escalations[0].to, TIER_DISTRICT);
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_event_fields_kept),
	    cmocka_unit_test(test_event_fields_absent),
	    cmocka_unit_test(test_event_fields_bounded),
	    cmocka_unit_test(test_event_fields_bad_input),
	    cmocka_unit_test(test_event_fields_sanitized_and_charged),
	    cmocka_unit_test(test_kpi_indices),
	    cmocka_unit_test(test_kpi_indices_bounded_and_bad),
	    cmocka_unit_test(test_batch_copies_them),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The view: each reading's states, per-domain counts, worst-first and
 * by-place orders, what it knows of the sources; and how values and markers
 * are written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alarm.h"
#include "format.h"
#include "glyphs.h"
#include "store.h"
#include "view.h"

static const limits_t four = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10, 20, 80, 90};

typedef struct spec {
	const char *id, *district;
	double value;
	bool has_value;
	quality_t quality;
} spec_t;

static void put_all(store_t *st, int source, const spec_t *specs, size_t n, int64_t now)
{
	store_begin_poll(st, source, now);
	for (size_t i = 0; i < n; i++) {
		reading_in_t in = {
		    .id = specs[i].id,
		    .domain = "water",
		    .district = specs[i].district,
		    .street = "S",
		    .unit = "MPa",
		    .has_value = specs[i].has_value,
		    .value = specs[i].value,
		    .limits = four,
		    .quality = specs[i].quality,
		};
		store_put_reading(st, source, &in, now);
	}
	poll_report_t rep = {0};
	store_end_poll(st, source, &rep, now);
}

static void test_classes_counts_and_orders(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "live", "http://127.0.0.1/a", 1000, 3000);
	store_add_source(st, "old", "http://127.0.0.1/b", 1000, 3000);
	const spec_t live[] = {
	    {"normal", "D3", 50, true, QUALITY_GOOD},
	    {"warning", "D1", 85, true, QUALITY_GOOD},
	    {"alarm", "D2", 95, true, QUALITY_GOOD},
	    {"bad", "D4", 95, true, QUALITY_BAD},     /* bad wins over its value */
	    {"null", "D5", 0, false, QUALITY_GOOD},   /* no value, not 0 (which is LOLO) */
	    {"nearly", "D6", 79, true, QUALITY_GOOD}, /* normal, close to HI */
	};
	const spec_t old[] = {{"stale", "D0", 95, true, QUALITY_GOOD}};
	put_all(st, 1, old, 1, 1000);
	put_all(st, 0, live, 6, 10000);
	alarm_engine_t *eng = alarm_engine_create();
	alarm_engine_evaluate(eng, st, 10000);
	view_t v;
	view_init(&v);
	view_update(&v, st, eng, 10000);

	const domain_view_t *w = &v.domains[DOMAIN_WATER];
	assert_int_equal(w->total, 7);
	assert_int_equal(w->ok, 2);
	assert_int_equal(w->counts[VS_WARNING], 1);
	/* The stale reading is beyond HIHI: an alarm, and stale; counted as both. */
	assert_int_equal(w->counts[VS_ALARM], 2);
	assert_int_equal(w->counts[VS_BAD], 1);
	assert_int_equal(w->counts[VS_NOVALUE], 1);
	assert_int_equal(w->counts[VS_STALE], 1); /* its source went quiet 9 s ago */
	assert_int_equal(v.domains[DOMAIN_POWER].total, 0);
	assert_int_equal(v.readings, 7);
	assert_int_equal(v.stale, 1);
	assert_false(view_all_there(&v));
	long stale = store_find_reading(st, 1, "stale");
	assert_int_equal(view_states(&v, (size_t)stale), VIEW_BIT(VS_ALARM) | VIEW_BIT(VS_STALE));
	assert_int_equal(view_worst(view_states(&v, (size_t)stale)), VS_ALARM);

	/* Worst first: alarm (fresh before stale), warning, bad, null, then
	 * normal by how close it sits to a limit. */
	const char *worst[] = {"alarm", "stale", "warning", "bad", "null", "nearly", "normal"};
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(store_reading(st, w->worst[i])->id, worst[i]);
	/* By place: D0 .. D6. */
	for (size_t i = 0; i < 7; i++)
		assert_int_equal(store_reading(st, w->by_place[i])->district[1], '0' + (int)i);

	view_free(&v);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

/* One source, an alarm engine and a view: what the pages read. */
typedef struct rig {
	store_t *st;
	alarm_engine_t *eng;
	view_t v;
} rig_t;

static void rig_open(rig_t *r)
{
	r->st = store_create();
	store_add_source(r->st, "s", "http://127.0.0.1/", 1000, 3000);
	r->eng = alarm_engine_create();
	view_init(&r->v);
}

static void rig_close(rig_t *r)
{
	view_free(&r->v);
	alarm_engine_destroy(r->eng);
	store_destroy(r->st);
}

/* One poll carrying readings (id, domain) with value 1, then the view. */
static void rig_poll(rig_t *r, int64_t now, size_t n, const char *const ids[],
                     const char *const domains[])
{
	store_begin_poll(r->st, 0, now);
	for (size_t i = 0; i < n; i++) {
		reading_in_t in = {
		    .id = ids[i], .domain = domains[i], .has_value = true, .value = 1};
		store_put_reading(r->st, 0, &in, now);
	}
	store_end_poll(r->st, 0, &(poll_report_t){0}, now);
	view_update(&r->v, r->st, r->eng, now);
}

static void test_other_domains_appear(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_poll(&r, 1000, 1, (const char *[]){"w"}, (const char *[]){"water"});
	assert_int_equal(view_domain_count(&r.v), DOMAIN_KNOWN_COUNT);
	/* A token outside the six is kept, and gets a block and a page. */
	rig_poll(&r, 2000, 1, (const char *[]){"m"}, (const char *[]){"metro"});
	assert_int_equal(view_domain_count(&r.v), DOMAIN_KNOWN_COUNT + 1);
	assert_int_equal(r.v.domains[DOMAIN_OTHER].total, 1);
	assert_string_equal(store_reading(r.st, r.v.domains[DOMAIN_OTHER].worst[0])->domain_token,
	                    "metro");
	rig_close(&r);
}

/* A feed may move a reading to another domain: both orders follow at once. */
static void test_reading_moves_domain(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	const char *domain_of_mover[] = {"water", "power", "water"};
	for (int poll = 0; poll < 3; poll++) {
		rig_poll(&r, 1000 * (poll + 1), 2, (const char *[]){"stay", "move"},
		         (const char *[]){"water", domain_of_mover[poll]});
		const domain_view_t *w = &r.v.domains[DOMAIN_WATER],
		                    *p = &r.v.domains[DOMAIN_POWER];
		unsigned expect_water = poll == 1 ? 1 : 2;
		assert_int_equal(w->total, expect_water);
		assert_int_equal(p->total, 2 - expect_water);
		for (unsigned i = 0; i < w->total; i++) {
			assert_true(w->by_place[i] < store_reading_count(r.st));
			assert_int_equal(store_reading(r.st, w->by_place[i])->domain, DOMAIN_WATER);
		}
		if (poll == 1)
			assert_string_equal(store_reading(r.st, p->by_place[0])->id, "move");
	}
	rig_close(&r);
}

/* In a scope, the counts, the alarm list and its counts leave out what is
 * outside it; the sources are still the whole city's. */
static void test_scope_counts_and_alarms(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "live", "http://127.0.0.1/a", 1000, 3000);
	store_add_source(st, "old", "http://127.0.0.1/b", 1000, 3000);
	const spec_t live[] = {
	    {"jb.alarm", "江北区", 95, true, QUALITY_GOOD},
	    {"jb.warning", "江北区", 85, true, QUALITY_GOOD},
	    {"jb.ok", "江北区", 50, true, QUALITY_GOOD},
	    {"yz.alarm", "渝中区", 5, true, QUALITY_GOOD},
	    {"yz.warning", "渝中区", 15, true, QUALITY_GOOD},
	    {"none.alarm", NULL, 95, true, QUALITY_GOOD}, /* no place: the city's only */
	};
	const spec_t old[] = {{"yz.stale", "渝中区", 95, true, QUALITY_GOOD}};
	put_all(st, 1, old, 1, 1000);
	put_all(st, 0, live, 6, 10000);
	alarm_engine_t *eng = alarm_engine_create();
	alarm_engine_evaluate(eng, st, 10000);
	view_t v;
	view_init(&v);
	view_update(&v, st, eng, 10000);
	assert_int_equal(v.readings, 7);
	/* Five limit alarms and the communications alarm of "old" (silent for
	 * 9 s, stale after 3 s); its reading's HIHI is suppressed under it, not
	 * listed as a stale alarm. */
	static const char *const city[] = {"jb.alarm",   "none.alarm", "source:old",
	                                   "yz.alarm",   "jb.warning", "yz.warning"};
	assert_int_equal(view_alarm_count(&v), 6);
	for (size_t a = 0; a < 6; a++)
		assert_string_equal(view_alarm(&v, a)->id, city[a]);
	assert_int_equal(v.alarms_critical, 4); /* HIHI, HIHI, comm, LOLO */
	assert_int_equal(v.alarms_unacked, 6);
	assert_int_equal(v.alarms_stale, 0);
	assert_int_equal(view_alarm_list_count(&v, VIEW_ALARMS_SUPPRESSED), 1);
	const alarm_info_t *sup = view_alarm_list_at(&v, VIEW_ALARMS_SUPPRESSED, 0);
	assert_string_equal(sup->id, "yz.stale");
	assert_true(sup->stale);
	assert_int_equal(view_alarm(&v, 2)->suppressed, 1);
	assert_ptr_equal(alarm_engine_suppressed(eng, 1, 0), sup);

	scope_t sc;
	assert_int_equal(scope_parse(&sc, "渝中区", NULL), 0);
	view_set_scope(&v, &sc);
	assert_int_equal(v.readings, 7); /* from the next update on */
	view_update(&v, st, eng, 10000);
	assert_int_equal(v.readings, 3);
	assert_int_equal(v.stale, 1);
	const domain_view_t *w = &v.domains[DOMAIN_WATER];
	assert_int_equal(w->total, 3);
	assert_int_equal(w->counts[VS_ALARM], 2);
	assert_int_equal(w->counts[VS_WARNING], 1);
	/* Its two alarms, and the communications alarm, which is in every scope. */
	assert_int_equal(view_alarm_count(&v), 3);
	assert_int_equal(v.alarms_critical, 2);
	assert_int_equal(v.alarms_stale, 0);
	assert_int_equal(view_alarm_list_count(&v, VIEW_ALARMS_SUPPRESSED), 1);
	for (size_t a = 0; a < view_alarm_count(&v); a++) {
		const alarm_info_t *info = view_alarm(&v, a);
		if (info->kind == ALARM_KIND_COMM)
			assert_string_equal(info->id, "source:old");
		else
			assert_string_equal(store_reading(st, info->index)->district, "渝中区");
	}
	assert_int_equal(view_states(&v, (size_t)store_find_reading(st, 0, "jb.alarm")), 0);
	long none = store_find_reading(st, 0, "none.alarm");
	assert_false(view_in_scope(&v, store_reading(st, (size_t)none)));

	/* A street: only its readings (all of them are on street "S"). */
	assert_int_equal(scope_parse(&sc, "江北区/S", NULL), 0);
	view_set_scope(&v, &sc);
	view_update(&v, st, eng, 10000);
	assert_int_equal(v.readings, 3);
	assert_int_equal(view_alarm_count(&v), 3);
	assert_int_equal(v.alarms_critical, 2);
	assert_int_equal(v.alarms_stale, 0);
	assert_int_equal(view_alarm_list_count(&v, VIEW_ALARMS_SUPPRESSED), 0);
	assert_int_equal(scope_parse(&sc, "江北区/other", NULL), 0);
	view_set_scope(&v, &sc);
	view_update(&v, st, eng, 10000);
	assert_int_equal(v.readings, 0);
	assert_int_equal(view_alarm_count(&v), 1);
	assert_string_equal(view_alarm(&v, 0)->id, "source:old");
	assert_null(view_alarm(&v, 1));

	/* Back to the city (NULL). */
	view_set_scope(&v, NULL);
	view_update(&v, st, eng, 10000);
	assert_int_equal(v.readings, 7);
	assert_int_equal(view_alarm_count(&v), 6);
	view_free(&v);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

static void test_format_value(void **state)
{
	(void)state;
	reading_t r;
	memset(&r, 0, sizeof r);
	r.unit = "MPa";
	char buf[64];
	r.has_value = false;
	format_reading_value(&r, buf, sizeof buf);
	assert_string_equal(buf, "no value");
	r.has_value = true;
	r.value = 0.4213;
	format_reading_value(&r, buf, sizeof buf);
	assert_string_equal(buf, "0.421 MPa");
	r.value = 1234.6;
	format_reading_value(&r, buf, sizeof buf);
	assert_string_equal(buf, "1235 MPa");
	r.unit = "";
	r.value = -12.345;
	format_reading_value(&r, buf, sizeof buf);
	assert_string_equal(buf, "-12.35");
	r.value = 0.0004; /* not zero, so never written as 0.000 */
	format_reading_value(&r, buf, sizeof buf);
	assert_string_equal(buf, "0.0004");
	r.value = -0.00001234;
	format_reading_value(&r, buf, sizeof buf);
	assert_string_equal(buf, "-1.23e-05");
	r.value = 0;
	format_reading_value(&r, buf, sizeof buf);
	assert_string_equal(buf, "0");
	r.value = 3.2e12; /* stays short, so the unit is not cut off */
	format_reading_value(&r, buf, sizeof buf);
	assert_string_equal(buf, "3.2e+12");
}

static const char *marker(view_states_t s)
{
	static char buf[FORMAT_MARKER_COLS + 1];
	format_states_marker(s, buf);
	return buf;
}

/* Every state that applies has its symbol, in a fixed order, in a fixed width. */
static void test_markers(void **state)
{
	(void)state;
	const view_states_t A = VIEW_BIT(VS_ALARM), W = VIEW_BIT(VS_WARNING), B = VIEW_BIT(VS_BAD),
	                    L = VIEW_BIT(VS_LIMITS_INVALID), S = VIEW_BIT(VS_STALE),
	                    N = VIEW_BIT(VS_NOVALUE), U = VIEW_BIT(VS_UNCERTAIN);
	assert_string_equal(marker(0), "    ");
	assert_string_equal(marker(A), "!!  ");
	assert_string_equal(marker(W), "!   ");
	assert_string_equal(marker(U), "?   ");
	assert_string_equal(marker(A | U), "!!? ");
	assert_string_equal(marker(A | U | S), "!!?~");
	assert_string_equal(marker(W | U | S), "!?~ ");
	assert_string_equal(marker(S), "~   ");
	assert_string_equal(marker(B | N | L | S), "x-#~");
	assert_string_equal(marker(N | L | U | S), "-#?~");
	assert_string_equal(marker(L), "#   ");
	/* The worst state decides the colour; uncertain alone is not ok. */
	assert_int_equal(view_worst(0), VS_COUNT);
	assert_int_equal(view_worst(U), VS_UNCERTAIN);
	assert_int_equal(view_worst(S | A), VS_ALARM);
	assert_int_equal(view_worst(S | L), VS_LIMITS_INVALID);
}

/* Uncertain and limits-invalid readings are counted apart from ok. */
static void test_uncertain_and_limits_invalid_counts(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "s", "http://127.0.0.1/", 1000, 3000);
	store_begin_poll(st, 0, 1000);
	reading_in_t in = {.id = "u",
	                   .domain = "power",
	                   .has_value = true,
	                   .value = 95,
	                   .limits = four,
	                   .quality = QUALITY_UNCERTAIN};
	store_put_reading(st, 0, &in, 1000);
	in = (reading_in_t){
	    .id = "inv", .domain = "power", .has_value = true, .value = 25, .limits_invalid = true};
	store_put_reading(st, 0, &in, 1000);
	in = (reading_in_t){
	    .id = "fine", .domain = "power", .has_value = true, .value = 50, .limits = four};
	store_put_reading(st, 0, &in, 1000);
	store_end_poll(st, 0, &(poll_report_t){0}, 1000);
	alarm_engine_t *eng = alarm_engine_create();
	alarm_engine_evaluate(eng, st, 1000);
	view_t v;
	view_init(&v);
	view_update(&v, st, eng, 1000);
	const domain_view_t *p = &v.domains[DOMAIN_POWER];
	assert_int_equal(p->total, 3);
	assert_int_equal(p->ok, 1);
	assert_int_equal(p->counts[VS_UNCERTAIN], 1);
	assert_int_equal(p->counts[VS_ALARM], 1);
	assert_int_equal(p->counts[VS_LIMITS_INVALID], 1);
	assert_true(view_all_there(&v));
	view_free(&v);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

/* What the view knows of sources: failing, never answered, which domains a
 * failing one feeds, and a silent one named after a domain. */
static void test_sources_seen_by_the_view(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "city", "http://127.0.0.1/a", 1000, 60000);
	store_add_source(st, "Power", "http://127.0.0.1:1/b", 1000, 3000);
	store_add_source(st, "late", "http://127.0.0.1/c", 1000, 3000);
	store_begin_poll(st, 0, 1000);
	reading_in_t in = {.id = "w", .domain = "water", .has_value = true, .value = 1};
	store_put_reading(st, 0, &in, 1000);
	store_end_poll(st, 0, &(poll_report_t){0}, 1000);
	store_poll_failed(st, 0, "HTTP status 500", 2000);
	store_poll_failed(st, 1, "Couldn't connect to server", 2000);
	alarm_engine_t *eng = alarm_engine_create();
	alarm_engine_evaluate(eng, st, 2000);
	view_t v;
	view_init(&v);
	view_update(&v, st, eng, 2000);
	assert_int_equal(v.sources_failing, 2);
	assert_int_equal(v.sources_waiting, 1);
	assert_int_equal(v.silent_failing, 1); /* "Power": no reading */
	assert_int_equal(v.silent_waiting, 1); /* "late" */
	assert_int_equal(v.domains[DOMAIN_WATER].sources_failing, 1);
	assert_int_equal(v.domains[DOMAIN_WATER].first_failing, 0);
	assert_int_equal(v.domains[DOMAIN_POWER].sources_failing, 0);
	assert_int_equal(v.domains[DOMAIN_POWER].silent_named, 1); /* by title, any case */
	assert_int_equal(v.domains[DOMAIN_GAS].silent_named, -1);
	assert_false(view_all_there(&v));
	char buf[256];
	format_domain_sources(&v, st, DOMAIN_WATER, buf, sizeof buf);
	assert_string_equal(buf, "source city failing: HTTP status 500");
	format_domain_sources(&v, st, DOMAIN_POWER, buf, sizeof buf);
	assert_string_equal(buf, "source Power failing: Couldn't connect to server");
	format_domain_sources(&v, st, DOMAIN_GAS, buf, sizeof buf);
	assert_string_equal(buf, "no data: 1 source failing, 1 never answered");
	format_data_gaps(&v, false, buf, sizeof buf);
	assert_string_equal(buf, "2 sources failing, 1 source never answered");
	format_data_gaps(&v, true, buf, sizeof buf);
	assert_string_equal(buf, "2 failing, 1 never answered");
	view_free(&v);
	alarm_engine_destroy(eng);
	store_destroy(st);
}

static void test_label_in_ascii_mode(void **state)
{
	(void)state;
	reading_t r;
	memset(&r, 0, sizeof r);
	r.id = "water.jiangbei.pump07.pressure";
	r.name = "观音桥7号泵站出口压力";
	r.domain_token = "water";
	r.district = "江北区";
	r.street = "观音桥街道";
	char place[64];
	glyphs_set_ascii(false);
	assert_string_equal(format_reading_label(&r), r.name);
	format_reading_place(&r, place, sizeof place);
	assert_string_equal(place, "江北区 观音桥街道");
	glyphs_set_ascii(true);
	assert_string_equal(format_reading_label(&r), "jiangbei.pump07.pressure");
	format_reading_place(&r, place, sizeof place);
	assert_string_equal(place, "");
	glyphs_set_ascii(false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_classes_counts_and_orders),
	    cmocka_unit_test(test_other_domains_appear),
	    cmocka_unit_test(test_reading_moves_domain),
	    cmocka_unit_test(test_scope_counts_and_alarms),
	    cmocka_unit_test(test_format_value),
	    cmocka_unit_test(test_markers),
	    cmocka_unit_test(test_uncertain_and_limits_invalid_counts),
	    cmocka_unit_test(test_sources_seen_by_the_view),
	    cmocka_unit_test(test_label_in_ascii_mode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The screen must never lie: whole frames drawn from small stores, checked
 * for what they say (and must not say) about failing sources, stale alarms,
 * limits out of order, uncertain values and rounded numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "frame.h"
#include "glyphs.h"
#include "snapshot.h"
#include "vscreen.h"

#define NOW 1764057600000LL /* 2025-11-25T08:00:00Z */

static const limits_t four = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10, 20, 80, 90};

/* One reading as a feed would send it; fields a test does not set are good. */
typedef struct spec {
	const char *id, *name, *domain;
	double value;
	bool null;
	quality_t quality;
	limits_t limits;
	bool limits_invalid;
	int64_t age_ms; /* how old it was when sent */
} spec_t;

/* One good document from `source` at `at` carrying `n` readings. */
static void deliver(store_t *st, int source, const spec_t *specs, size_t n, int64_t at,
                    const poll_report_t *rep)
{
	store_begin_poll(st, source, at);
	for (size_t i = 0; i < n; i++) {
		reading_in_t in = {
		    .id = specs[i].id,
		    .name = specs[i].name,
		    .domain = specs[i].domain,
		    .unit = "m",
		    .has_value = !specs[i].null,
		    .value = specs[i].value,
		    .age_at_receipt_ms = specs[i].age_ms,
		    .limits = specs[i].limits,
		    .limits_invalid = specs[i].limits_invalid,
		    .quality = specs[i].quality,
		};
		store_put_reading(st, source, &in, at);
	}
	store_end_poll(st, source, rep ? rep : &(poll_report_t){0}, at);
}

/* The whole frame drawn from `st` at NOW, as text. Caller frees. */
static char *draw(store_t *st, int cols, int rows, nav_t nav)
{
	alarm_engine_t *alarms = alarm_engine_create();
	alarm_engine_evaluate(alarms, st, NOW);
	view_t view;
	view_init(&view);
	view_update(&view, st, alarms, NOW);
	vscreen_t *vs = vscreen_open("xterm-256color", rows, cols, false);
	assert_non_null(vs);
	frame_t f = {0};
	frame_layout(&f, rows, cols);
	ui_ctx_t ctx = {
	    .store = st, .alarms = alarms, .view = &view, .now_ms = NOW, .clock_ms = NOW};
	frame_draw(&f, &ctx, &nav);
	frame_stage(&f);
	char *text = snapshot_text(newscr, false);
	frame_free(&f);
	vscreen_close(vs);
	view_free(&view);
	alarm_engine_destroy(alarms);
	return text;
}

static char *overview(store_t *st, int cols, int rows)
{
	return draw(st, cols, rows, (nav_t){.page = PAGE_OVERVIEW});
}

/* The first line of `text` holding `needle`, copied into buf ("" if none). */
static const char *line_with(const char *text, const char *needle, char *buf, size_t size)
{
	const char *at = strstr(text, needle);
	buf[0] = '\0';
	if (!at)
		return buf;
	const char *start = at;
	while (start > text && start[-1] != '\n')
		start--;
	const char *end = strchr(at, '\n');
	size_t n = end ? (size_t)(end - start) : strlen(start);
	if (n >= size)
		n = size - 1;
	memcpy(buf, start, n);
	buf[n] = '\0';
	return buf;
}

/* Prints the frame when an assertion is about to fail, to see why. */
static bool contains(const char *text, const char *s)
{
	if (strstr(text, s))
		return true;
	fprintf(stderr, "missing [%s] in:\n%s\n", s, text);
	return false;
}

static bool lacks(const char *text, const char *s)
{
	if (!strstr(text, s))
		return true;
	fprintf(stderr, "unexpected [%s] in:\n%s\n", s, text);
	return false;
}

/* Item 3: the only source is dead. Nothing may look like all clear. */
static void test_dead_source_is_not_all_clear(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "water", "http://127.0.0.1:1/x", 1000, 3000);
	store_poll_failed(st, 0, "Couldn't connect to server", NOW);
	for (int wide = 0; wide < 2; wide++) {
		char *text = wide ? overview(st, 120, 40) : overview(st, 80, 24);
		char title[512];
		line_with(text, "citydash", title, sizeof title);
		assert_true(lacks(title, "0 alarms"));
		assert_true(contains(title, "1 source failing"));
		assert_true(lacks(text, "No reading is beyond a limit"));
		assert_true(lacks(text, "no source sends readings"));
		/* The block of the domain the source is named after names it... */
		assert_true(contains(text, "source water failing: Couldn't"));
		/* ... the domains no source sends give it their room
		 * (overview_grid.h)... */
		assert_true(lacks(text, "Power ("));
		assert_true(contains(text, "No data, so no alarm can be seen"));
		free(text);
	}
	store_destroy(st);
	/* ... but a dead source named after no domain may send any: the six
	 * show, and do not guess, but do not call it clear either. */
	st = store_create();
	store_add_source(st, "city", "http://127.0.0.1:1/x", 1000, 3000);
	store_poll_failed(st, 0, "Couldn't connect to server", NOW);
	char *text = overview(st, 120, 40);
	assert_true(contains(text, "Power ("));
	assert_true(contains(text, "no data: 1 source failing"));
	free(text);
	store_destroy(st);
}

/* Item 3: a source that has not answered yet is said so, not all clear. */
static void test_unanswered_source_is_said(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "city", "http://127.0.0.1:8080/all", 1000, 3000);
	store_add_source(st, "power", "http://127.0.0.1:8080/power", 1000, 3000);
	const spec_t one = {"w", "water level", "water", 50, .limits = four};
	deliver(st, 0, &one, 1, NOW, NULL);
	char *text = overview(st, 120, 40);
	char title[512];
	line_with(text, "citydash", title, sizeof title);
	assert_true(contains(title, "1 source never answered"));
	assert_true(contains(text, "source power: waiting for the first")); /* wrapped */
	assert_true(lacks(text, "No reading is beyond a limit"));
	free(text);
	store_destroy(st);
}

/* Item 3: beside a healthy source, failing ones are named in the title,
 * in the blocks they feed (or are named after) and in the alarm pane. */
static void test_failing_sources_beside_a_good_one(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "city", "http://127.0.0.1:8080/all", 1000, 3000);
	store_add_source(st, "power", "http://127.0.0.1:1/power", 1000, 3000);
	store_add_source(st, "pipes", "http://127.0.0.1:8080/gas", 1000, 60000);
	const spec_t water = {"w", "water level", "water", 50, .limits = four};
	const spec_t gas = {"g", "gas pressure", "gas", 50, .limits = four};
	deliver(st, 0, &water, 1, NOW, NULL);
	deliver(st, 2, &gas, 1, NOW - 10000, NULL);
	store_poll_failed(st, 1, "Couldn't connect to server", NOW);
	store_poll_failed(st, 2, "HTTP status 503", NOW);
	char *text = overview(st, 120, 40);
	char title[512];
	line_with(text, "citydash", title, sizeof title);
	assert_true(contains(title, "2 sources failing"));
	assert_true(contains(text, "source power failing: Couldn't"));
	assert_true(contains(text, "│ connect to server")); /* wrapped in its block */
	/* Its data is still fresh (stale after 60 s), but its source fails. */
	assert_true(contains(text, "source pipes failing: HTTP status 503"));
	assert_true(lacks(text, "No reading is beyond a limit"));
	assert_true(contains(text, "No alarm in the data received, but 2 sources failing"));
	free(text);
	store_destroy(st);
}

/* With everything there and fresh, all clear is said, in those words. */
static void test_all_clear_when_it_is(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "city", "http://127.0.0.1:8080/all", 1000, 3000);
	const spec_t water = {"w", "water level", "water", 50, .limits = four};
	deliver(st, 0, &water, 1, NOW, NULL);
	char *text = overview(st, 120, 40);
	assert_true(contains(text, "0 alarms, 0 warnings"));
	assert_true(contains(text, "No reading is beyond a limit."));
	assert_true(lacks(text, "failing"));
	free(text);
	store_destroy(st);
}

/* Item 4: a value of 25 against HIHI 10, an hour old on arrival, is an
 * alarm marked stale everywhere: title, block counts, its row, the pane. */
static void test_stale_on_arrival_is_an_alarm(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "s", "http://127.0.0.1:8080/all", 1000, 3000);
	const spec_t late = {"late",
	                     "late pump",
	                     "water",
	                     25,
	                     .limits = {LIMIT_HIHI, 0, 0, 0, 10},
	                     .age_ms = 3600 * 1000};
	deliver(st, 0, &late, 1, NOW, NULL);
	char *text = overview(st, 80, 24);
	char title[512], row[512];
	line_with(text, "citydash", title, sizeof title);
	assert_true(contains(title, "1+ alarms,")); /* stale data: a lower bound */
	assert_true(contains(text, "alarm 1"));
	assert_true(contains(text, "stale 1"));
	line_with(text, "!!~ late pump", row, sizeof row);
	assert_true(contains(row, "25.00 m"));
	line_with(text, "UNACK P1 HIHI", row, sizeof row);
	assert_true(contains(row, "(stale) late pump"));
	free(text);
	store_destroy(st);
}

/* Item 6: limits out of order are "limits invalid", never ok; the sources
 * page names the first reading that had them. */
static void test_limits_invalid_is_not_ok(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "s", "http://127.0.0.1:8080/all", 1000, 3000);
	const spec_t bad = {"water.inv", "inverted", "water", 25, .limits_invalid = true};
	poll_report_t rep = {.limits_ignored = 1, .first_bad_limits = "water.inv"};
	deliver(st, 0, &bad, 1, NOW, &rep);
	char *text = overview(st, 80, 24);
	assert_true(contains(text, "ok 0"));
	assert_true(contains(text, "limits invalid 1"));
	assert_true(contains(text, "#   inverted"));
	free(text);
	text = draw(st, 130, 30, (nav_t){.page = PAGE_DOMAIN, .domain = DOMAIN_WATER});
	assert_true(contains(text, "ok 0 "));
	assert_true(contains(text, "limits invalid 1"));
	free(text);
	text = draw(st, 80, 24, (nav_t){.page = PAGE_SOURCES});
	assert_true(contains(text, "1 limits out of order, ignored (first: water.inv)"));
	free(text);
	store_destroy(st);
}

/* A source's own warning about a good answer (Prometheus "warnings") is
 * on the sources page while it lasts, and gone with the next answer. */
static void test_source_warning_shown(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "s", "http://127.0.0.1:8080/all", 1000, 3000);
	const spec_t ok = {"w.1", "tank", "water", 25, .quality = QUALITY_GOOD};
	deliver(st, 0, &ok, 1, NOW, &(poll_report_t){.warning = "partial \x1b[31mdata"});
	char *text = draw(st, 80, 24, (nav_t){.page = PAGE_SOURCES});
	assert_true(contains(text, "warning: partial"));
	assert_true(lacks(text, "\x1b"));
	free(text);
	deliver(st, 0, &ok, 1, NOW, NULL);
	text = draw(st, 80, 24, (nav_t){.page = PAGE_SOURCES});
	assert_true(lacks(text, "warning:"));
	free(text);
	store_destroy(st);
}

/* Item 7: uncertain quality is its own state; an uncertain HIHI keeps both
 * its alarm marker and its "?". */
static void test_uncertain_is_counted_and_marked(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "s", "http://127.0.0.1:8080/all", 1000, 3000);
	const spec_t specs[] = {
	    {"u1", "doubtful high", "water", 95, .quality = QUALITY_UNCERTAIN, .limits = four},
	    {"u2", "doubtful fine", "water", 50, .quality = QUALITY_UNCERTAIN, .limits = four},
	    {"g", "good fine", "water", 50, .quality = QUALITY_GOOD, .limits = four},
	};
	deliver(st, 0, specs, 3, NOW, NULL);
	char *text = overview(st, 120, 40);
	assert_true(contains(text, "!!? doubtful high"));
	assert_true(contains(text, "?   doubtful fine"));
	assert_true(contains(text, "    good fine"));
	assert_true(contains(text, "ok 1 "));
	assert_true(contains(text, "uncertain 2"));
	assert_true(contains(text, "(uncertain) doubtful high"));
	free(text);
	text = draw(st, 130, 30, (nav_t){.page = PAGE_DOMAIN, .domain = DOMAIN_WATER});
	assert_true(contains(text, "ok 1 "));
	assert_true(contains(text, "uncertain 2"));
	free(text);
	store_destroy(st);
}

static const char *value_text(double value, const char *unit, char *buf, size_t size)
{
	reading_t r;
	memset(&r, 0, sizeof r);
	r.unit = (char *)unit;
	r.has_value = true;
	r.value = value;
	format_reading_value(&r, buf, size);
	return buf;
}

/* Item 23: rounding that carries into the next magnitude takes that
 * magnitude's precision; -0 is 0. */
static void test_values_round_honestly(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(value_text(999.96, "", b, sizeof b), "1000");
	assert_string_equal(value_text(-999.96, "", b, sizeof b), "-1000");
	assert_string_equal(value_text(999.94, "", b, sizeof b), "999.9");
	assert_string_equal(value_text(99.996, "", b, sizeof b), "100.0");
	assert_string_equal(value_text(9.9996, "", b, sizeof b), "10.00");
	assert_string_equal(value_text(0.99996, "", b, sizeof b), "1.00");
	assert_string_equal(value_text(0.9994, "", b, sizeof b), "0.999");
	assert_string_equal(value_text(999999.6, "", b, sizeof b), "1e+06");
	assert_string_equal(value_text(999999.4, "", b, sizeof b), "999999");
	assert_string_equal(value_text(-0.0, "", b, sizeof b), "0");
	assert_string_equal(value_text(-0.0, "MPa", b, sizeof b), "0 MPa");
	assert_string_equal(value_text(0.0, "", b, sizeof b), "0");
	assert_string_equal(value_text(0.0009996, "", b, sizeof b), "0.001");
	assert_string_equal(value_text(-0.0004, "", b, sizeof b), "-0.0004");
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dead_source_is_not_all_clear),
	    cmocka_unit_test(test_unanswered_source_is_said),
	    cmocka_unit_test(test_failing_sources_beside_a_good_one),
	    cmocka_unit_test(test_all_clear_when_it_is),
	    cmocka_unit_test(test_stale_on_arrival_is_an_alarm),
	    cmocka_unit_test(test_limits_invalid_is_not_ok),
	    cmocka_unit_test(test_source_warning_shown),
	    cmocka_unit_test(test_uncertain_is_counted_and_marked),
	    cmocka_unit_test(test_values_round_honestly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Whole frames — title line, overview / domain / sources pages, status bar —
 * drawn from a fixed store at a fixed time onto a virtual screen and compared
 * with golden text (UPDATE_GOLDEN=1 rewrites them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "frame.h"
#include "glyphs.h"
#include "snapshot.h"
#include "vscreen.h"

#define NOW 1764057600000LL /* 2025-11-25T08:00:00Z */

typedef struct city {
	store_t *st;
	alarm_engine_t *alarms;
	view_t view;
} city_t;

/* Four readings per domain with values walking through the bands. */
static void fill(city_t *c)
{
	static const char *const domains[] = {"water",   "power",  "gas",
	                                      "telecom", "bridge", "tunnel"};
	static const char *const districts[] = {"渝中区", "江北区", "南岸区", "沙坪坝区"};
	static const double values[] = {50, 85, 95, 5};
	c->st = store_create();
	store_add_source(c->st, "city", "http://127.0.0.1:8080/v1/feeds/all", 1000, 3000);
	store_add_source(c->st, "down", "http://127.0.0.1:1/v1/feeds/gas", 1000, 3000);
	store_begin_poll(c->st, 0, NOW - 60000);
	for (int round = 0; round < 2; round++) {
		int64_t at = NOW - 60000 + round * 59000;
		store_begin_poll(c->st, 0, at);
		for (size_t d = 0; d < 6; d++) {
			for (size_t i = 0; i < 4; i++) {
				char id[64], name[64];
				snprintf(id, sizeof id, "%s.site%zu.level", domains[d], i);
				snprintf(name, sizeof name, "%s站%zu号测点", districts[i], i);
				reading_in_t in = {
				    .id = id,
				    .name = name,
				    .domain = domains[d],
				    .district = districts[i],
				    .street = "街道",
				    .unit = "m",
				    .has_value = !(d == 2 && i == 0),
				    .value = values[i],
				    .has_ts = true,
				    .ts_ms = at,
				    .limits = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10,
				               20, 80, 90},
				    .quality = (d == 3 && i == 0) ? QUALITY_BAD : QUALITY_GOOD,
				};
				store_put_reading(c->st, 0, &in, at);
			}
		}
		poll_report_t rep = {.skipped = 2,
		                     .first_skip_reason = "readings[7]: \"value\" is a string"};
		store_end_poll(c->st, 0, &rep, at);
	}
	store_poll_failed(c->st, 1, "Failed to connect to 127.0.0.1 port 1: Connection refused",
	                  NOW);
	store_source_next_try(c->st, 1, NOW + 3500); /* shown as "next try in 4s" */
	c->alarms = alarm_engine_create();
	alarm_engine_evaluate(c->alarms, c->st, NOW - 1000);
	view_init(&c->view);
	view_update(&c->view, c->st, c->alarms, NOW);
}

static void unfill(city_t *c)
{
	view_free(&c->view);
	alarm_engine_destroy(c->alarms);
	store_destroy(c->st);
}

static void check_frame(int cols, int rows, nav_t nav, const char *golden, bool ascii)
{
	city_t c;
	fill(&c);
	vscreen_t *vs = vscreen_open("xterm-256color", rows, cols, false);
	assert_non_null(vs);
	glyphs_set_ascii(ascii);
	frame_t f = {0};
	frame_layout(&f, rows, cols);
	ui_ctx_t ctx = {
	    .store = c.st, .alarms = c.alarms, .view = &c.view, .now_ms = NOW, .clock_ms = NOW};
	frame_draw(&f, &ctx, &nav);
	frame_stage(&f);
	char *text = snapshot_text(newscr, ascii);
	glyphs_set_ascii(false);
	bool same = vscreen_golden(golden, text);
	free(text);
	frame_free(&f);
	vscreen_close(vs);
	unfill(&c);
	assert_true(same);
}

static void test_overview_80x24(void **state)
{
	(void)state;
	check_frame(80, 24, (nav_t){.page = PAGE_OVERVIEW}, "frame_overview_80x24", false);
}

static void test_overview_120x40(void **state)
{
	(void)state;
	check_frame(120, 40, (nav_t){.page = PAGE_OVERVIEW, .focus = 2}, "frame_overview_120x40",
	            false);
}

static void test_domain_130x30(void **state)
{
	(void)state;
	check_frame(130, 30, (nav_t){.page = PAGE_DOMAIN, .domain = DOMAIN_GAS, .selected = 1},
	            "frame_domain_130x30", false);
}

static void test_sources_80x24(void **state)
{
	(void)state;
	check_frame(80, 24, (nav_t){.page = PAGE_SOURCES}, "frame_sources_80x24", false);
}

static void test_too_small(void **state)
{
	(void)state;
	check_frame(79, 24, (nav_t){.page = PAGE_OVERVIEW}, "frame_too_small", false);
}

static void test_ascii_80x24(void **state)
{
	(void)state;
	check_frame(80, 24, (nav_t){.page = PAGE_OVERVIEW}, "frame_overview_ascii_80x24", true);
}

/* The whole frame drawn from `st` at cols x 24, as text. Caller frees. */
static char *frame_text(store_t *st, int cols)
{
	alarm_engine_t *alarms = alarm_engine_create();
	alarm_engine_evaluate(alarms, st, NOW);
	view_t view;
	view_init(&view);
	view_update(&view, st, alarms, NOW);
	vscreen_t *vs = vscreen_open("xterm-256color", 24, cols, false);
	assert_non_null(vs);
	frame_t f = {0};
	frame_layout(&f, 24, cols);
	ui_ctx_t ctx = {
	    .store = st, .alarms = alarms, .view = &view, .now_ms = NOW, .clock_ms = NOW};
	nav_t nav = {.page = PAGE_OVERVIEW};
	frame_draw(&f, &ctx, &nav);
	frame_stage(&f);
	char *text = snapshot_text(newscr, 0);
	frame_free(&f);
	vscreen_close(vs);
	view_free(&view);
	alarm_engine_destroy(alarms);
	return text;
}

/* Its last line, the status bar. Caller frees. */
static char *status_line(store_t *st, int cols)
{
	char *text = frame_text(st, cols);
	*strrchr(text, '\n') = '\0';
	char *line = strdup(strrchr(text, '\n') + 1);
	free(text);
	return line;
}

/* An alarm that began two days ago shows its age, not a time of day that
 * would read as today. */
static void test_old_alarm_shows_its_age(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "s", "http://127.0.0.1/", 1000, 3000);
	store_begin_poll(st, s, NOW);
	reading_in_t in = {.id = "old",
	                   .name = "old alarm",
	                   .domain = "water",
	                   .has_value = true,
	                   .value = 99,
	                   .has_ts = true,
	                   .ts_ms = NOW - 2 * 86400000LL,
	                   .limits = {LIMIT_HIHI, 0, 0, 0, 90}};
	store_put_reading(st, s, &in, NOW);
	store_end_poll(st, s, &(poll_report_t){0}, NOW);
	char *text = frame_text(st, 80);
	assert_non_null(strstr(text, "HIHI       2d"));
	free(text);
	store_destroy(st);
}

/* Many failures, each for another reason, at 80 columns: the ones that do
 * not fit are counted, never dropped; a source whose data is old but which
 * has not failed (a hung transfer) is not shown ok. */
static void test_status_counts_what_does_not_fit(void **state)
{
	(void)state;
	store_t *st = store_create();
	static const char *const reasons[] = {"HTTP status 404", "HTTP status 500",
	                                      "Couldn't connect to server", "HTTP status 503"};
	for (int i = 0; i < 4; i++) {
		char name[16];
		snprintf(name, sizeof name, "feed%d", i);
		int s = store_add_source(st, name, "http://127.0.0.1/", 1000, 3000);
		store_poll_failed(st, s, reasons[i], NOW);
	}
	int hung = store_add_source(st, "hung", "http://127.0.0.1/", 1000, 3000);
	store_begin_poll(st, hung, NOW - 60000);
	store_end_poll(st, hung, &(poll_report_t){0}, NOW - 60000);
	int fine = store_add_source(st, "fine", "http://127.0.0.1/", 1000, 3000);
	store_begin_poll(st, fine, NOW);
	store_end_poll(st, fine, &(poll_report_t){0}, NOW);

	char *line = status_line(st, 80);
	assert_non_null(strstr(line, "✖ HTTP status 404 (no data): feed0"));
	assert_non_null(strstr(line, "+3 failing")); /* no room for their reasons */
	assert_non_null(strstr(line, "hung ~ 1m"));  /* late, not ok */
	assert_non_null(strstr(line, "fine ✔ 0s"));
	free(line);

	line = status_line(st, 200);
	for (int i = 0; i < 4; i++)
		assert_non_null(strstr(line, reasons[i]));
	assert_null(strstr(line, "failing")); /* every failure has room for its reason */
	free(line);
	store_destroy(st);
}

/* The page table has a class for every page id (a missing row would crash
 * the first time that page is opened). */
static void test_every_page_has_a_class(void **state)
{
	(void)state;
	for (int id = 0; id < PAGE_COUNT; id++) {
		const page_class_t *page = page_get((page_id_t)id);
		assert_non_null(page);
		assert_non_null(page->draw);
		assert_non_null(page->key);
		assert_non_null(page->title);
	}
}

/* Every page draws at the smallest size without writing outside its window. */
static void test_every_page_draws(void **state)
{
	(void)state;
	for (int id = 0; id < PAGE_COUNT; id++) {
		nav_t nav = {.page = (page_id_t)id};
		char name[32];
		snprintf(name, sizeof name, "page %d", id);
		city_t c;
		fill(&c);
		vscreen_t *vs = vscreen_open("xterm-256color", 24, 80, false);
		frame_t f = {0};
		frame_layout(&f, 24, 80);
		ui_ctx_t ctx = {.store = c.st, .alarms = c.alarms, .view = &c.view, .now_ms = NOW,
		                .clock_ms = NOW};
		frame_draw(&f, &ctx, &nav);
		frame_stage(&f);
		char *text = snapshot_text(newscr, 0);
		assert_true(strlen(text) > 24); /* something was drawn */
		free(text);
		frame_free(&f);
		vscreen_close(vs);
		unfill(&c);
	}
}

int main(void)
{
	setenv("TZ", "UTC", 1); /* the clock on the status bar */
	tzset();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_overview_80x24),
	    cmocka_unit_test(test_overview_120x40),
	    cmocka_unit_test(test_domain_130x30),
	    cmocka_unit_test(test_sources_80x24),
	    cmocka_unit_test(test_too_small),
	    cmocka_unit_test(test_ascii_80x24),
	    cmocka_unit_test(test_status_counts_what_does_not_fit),
	    cmocka_unit_test(test_old_alarm_shows_its_age),
	    cmocka_unit_test(test_every_page_has_a_class),
	    cmocka_unit_test(test_every_page_draws),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The events board and one event's page, from a store filled by hand
 * (their golden screens are in test_events_golden.c): the selection
 * follows the event through reordering, Enter opens the selected event, a
 * vanished event is said to be gone, the timeline is shown at the times it
 * stands for, an empty board says why it is empty, the scope narrows it,
 * rows read without colour. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "event_rig.h"
#include "screen_text.h"
#include "frame.h"
#include "vscreen.h"

static void draw(rig_t *r, nav_t *nav)
{
	free(screen_text(&r->ctx, nav, 80, 24, false));
}

/* The selection is the event, not the row: reordered above it (a new
 * critical event, the order of the board changing), it stays on it; Enter
 * opens that one. */
static void test_selection_follows_the_event(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 3);
	assert_int_equal(r.gov.event_count, 3);
	nav_t nav = {.page = PAGE_EVENTS};
	draw(&r, &nav);
	assert_int_equal(nav.events.serial, serial_of(&r, "evt-a"));
	nav_key(ACT_DOWN, &r.ctx, &nav); /* evt-b */
	draw(&r, &nav);
	uint64_t b = serial_of(&r, "evt-b");
	assert_int_equal(nav.events.serial, b);
	assert_int_equal(nav.events.selected, 1);

	/* the board's order turned over: evt-b is now last */
	gov_ref_t t = r.gov.events[0];
	r.gov.events[0] = r.gov.events[2];
	r.gov.events[2] = r.gov.events[1];
	r.gov.events[1] = t;
	draw(&r, &nav);
	assert_int_equal(nav.events.selected, 2);
	assert_int_equal(nav.events.serial, b);

	assert_true(nav_key(ACT_OPEN, &r.ctx, &nav));
	assert_int_equal(nav.page, PAGE_EVENT);
	assert_int_equal(nav.event.serial, b);
	const event_t *e = store_event(r.st, nav.event.index);
	assert_non_null(e);
	assert_string_equal(e->id, "evt-b");
	char *text = screen_text(&r.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "Event evt-b"));
	free(text);

	/* Esc: back on the board, still on evt-b */
	nav_key(ACT_BACK, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_EVENTS);
	draw(&r, &nav);
	assert_int_equal(nav.events.serial, b);

	/* Home, End, PgDn, PgUp move the selection and keep its serial */
	nav_key(ACT_HOME, &r.ctx, &nav);
	assert_int_equal(nav.events.selected, 0);
	assert_int_equal(nav.events.serial, r.gov.events[0].serial);
	nav_key(ACT_END, &r.ctx, &nav);
	assert_int_equal(nav.events.selected, 2);
	nav_key(ACT_PAGE_UP, &r.ctx, &nav);
	assert_int_equal(nav.events.selected, 0);
	nav_key(ACT_PAGE_DOWN, &r.ctx, &nav);
	assert_int_equal(nav.events.selected, 2);
	assert_int_equal(nav.events.serial, r.gov.events[2].serial);
	rig_close(&r);
}

/* The selected event gone: the row where it was is selected instead. */
static void test_selection_when_the_event_closes(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 3);
	nav_t nav = {.page = PAGE_EVENTS};
	nav_key(ACT_END, &r.ctx, &nav);
	draw(&r, &nav);
	r.gov.event_count = 2; /* the last one left the board */
	draw(&r, &nav);
	assert_int_equal(nav.events.selected, 1);
	assert_int_equal(nav.events.serial, r.gov.events[1].serial);
	rig_close(&r);
}

/* An event page whose event the feed stopped listing says so; it never
 * shows whatever event took the slot. */
static void test_event_no_longer_reported(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 1);
	nav_t nav = {.page = PAGE_EVENTS};
	nav_key(ACT_OPEN, &r.ctx, &nav);
	char *text = screen_text(&r.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "evt-a 管道爆裂致路面积水"));
	assert_null(strstr(text, "no longer reported"));
	free(text);

	/* the next document lists another event, not this one */
	store_begin_poll(r.st, r.src, T0 + 2000);
	put_event(&r, "evt-z", SEVERITY_MINOR, 1, 0);
	store_end_poll(r.st, r.src, &(poll_report_t){.had_events = true}, T0 + 2000);
	text = screen_text(&r.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "no longer reported"));
	assert_null(strstr(text, "evt-z"));
	free(text);
	rig_close(&r);
}

/* The timeline is what citydash saw, at the wall-clock time each change
 * stands for (steady time mapped through the frame's two clocks). */
static void test_event_timeline(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 0);
	static const struct {
		int at_min;
		stage_t stage;
		tier_t level;
	} seen[] = {{-10, STAGE_SENSED, TIER_STREET},
	            {-5, STAGE_HANDLING, TIER_STREET},
	            {0, STAGE_EVALUATING, TIER_CITY}};
	for (size_t i = 0; i < 3; i++) {
		int64_t at = T0 + seen[i].at_min * MIN;
		store_begin_poll(r.st, r.src, at);
		put_event_as(&r, "evt-t", SEVERITY_MAJOR, 30, 0, seen[i].stage, seen[i].level, at);
		store_end_poll(r.st, r.src, &(poll_report_t){.had_events = true}, at);
	}
	const event_t *e = store_event(r.st, 0);
	assert_non_null(e);
	assert_int_equal(e->timeline_count, 3);
	r.ctx.clock_ms = T0 + 1000; /* the wall clock a second ahead of steady time */
	nav_t nav = {.page = PAGE_EVENTS};
	nav_open_event(&nav, (gov_ref_t){0, e->serial});
	nav_key(ACT_END, &r.ctx, &nav);
	char *text = screen_text(&r.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "07:50:01  first seen: sensed, owned by 街 street"));
	assert_non_null(strstr(text, "07:55:01  stage handling"));
	assert_non_null(strstr(text, "08:00:01  stage evaluating, handed to 市 city"));
	free(text);
	rig_close(&r);
}

/* What a board row says, at 80 columns: severity in words, the deadline
 * passed and by how much, the way up the tiers, steps, age. */
static void test_board_row_80(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 2);
	nav_t nav = {.page = PAGE_EVENTS};
	char *text = screen_text(&r.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "!!! critical"));
	assert_non_null(strstr(text, "!!  major"));
	assert_non_null(strstr(text, "OVERDUE 18m"));
	assert_non_null(strstr(text, "due in 1h"));
	assert_non_null(strstr(text, "街→区→市"));
	assert_non_null(strstr(text, "2/6"));
	assert_non_null(strstr(text, "30m"));
	assert_non_null(strstr(text, "●◉○○○")); /* handling */
	assert_non_null(strstr(text, "Events: 2 open, 1 overdue, 2 escalated"));
	free(text);
	/* wide: the place, the departments by name, the stage's name */
	text = screen_text(&r.ctx, &nav, 200, 60, false);
	assert_non_null(strstr(text, "江北区 观音桥街道"));
	assert_non_null(strstr(text, "水务◐ 街道办● 公安○ 城管○"));
	assert_non_null(strstr(text, "●◉○○○ handling"));
	free(text);
	rig_close(&r);
}

/* The first column on screen row y holding wc, or -1. */
static int find_cell(int y, int cols, wchar_t want, attr_t *attr)
{
	for (int x = 0; x < cols; x++) {
		wchar_t wc;
		short pair;
		vscreen_cell(newscr, y, x, &wc, attr, &pair);
		if (wc == want)
			return x;
	}
	return -1;
}

/* Without colour: the severity reads by attribute as well as by word, and
 * the selected row is one reversed band, its stage cells included. */
static void test_board_attributes(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 2);
	nav_t nav = {.page = PAGE_EVENTS};
	vscreen_t *vs = vscreen_open("xterm-256color", 24, 80, false);
	assert_non_null(vs);
	frame_t f = {0};
	frame_layout(&f, 24, 80);
	frame_draw(&f, &r.ctx, &nav);
	frame_stage(&f);
	/* title line, border, summary, column titles: the rows start at 4 */
	attr_t attr;
	int x = find_cell(4, 80, L'◉', &attr);
	assert_true(x > 0);
	assert_true(attr & A_REVERSE); /* selected */
	x = find_cell(5, 80, L'◉', &attr);
	assert_true(x > 0);
	assert_false(attr & A_REVERSE);
	assert_true(attr & A_BOLD); /* the current stage */
	x = find_cell(5, 80, L'!', &attr);
	assert_true(x > 0);
	assert_true(attr & A_BOLD); /* major: the warning role */
	frame_free(&f);
	vscreen_close(vs);
	rig_close(&r);
}

/* An empty board is honest: all clear only when the feeds answer. */
static void test_empty_board(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 0);
	nav_t nav = {.page = PAGE_EVENTS};
	char *text = screen_text(&r.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "No open events in the city."));
	free(text);
	/* a feed of readings failing does not make the board doubtful */
	int water = store_add_source(r.st, "water", "http://127.0.0.1/v1/feeds/water", 1000, 0);
	store_begin_poll(r.st, water, T0);
	store_put_reading(r.st, water,
	                  &(reading_in_t){.id = "w1",
	                                  .domain = "water",
	                                  .has_value = true,
	                                  .value = 1,
	                                  .has_ts = true,
	                                  .ts_ms = T0},
	                  T0);
	store_end_poll(r.st, water, &(poll_report_t){0}, T0);
	store_poll_failed(r.st, water, "Couldn't connect to server", T0 + 1000);
	alarm_engine_evaluate(r.alarms, r.st, T0 + 1000);
	view_update(&r.view, r.st, r.alarms, T0 + 1000);
	text = screen_text(&r.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "No open events in the city."));
	free(text);
	/* the events feed failing does */
	store_poll_failed(r.st, r.src, "Couldn't connect to server", T0 + 1000);
	view_update(&r.view, r.st, r.alarms, T0 + 1000);
	text = screen_text(&r.ctx, &nav, 80, 24, false);
	assert_null(strstr(text, "No open events in the city."));
	assert_non_null(strstr(text, "No open event known, but 1 source failing"));
	free(text);
	int silent = store_add_source(r.st, "more", "http://127.0.0.1/v1/events", 2000, 0);
	(void)silent;
	store_begin_poll(r.st, r.src, T0 + 2000);
	store_end_poll(r.st, r.src, &(poll_report_t){.had_events = true}, T0 + 2000);
	view_update(&r.view, r.st, r.alarms, T0 + 2000);
	text = screen_text(&r.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "No open event known, but 1 source never answered"));
	free(text);
	rig_close(&r);
}

/* In a district's scope, the board holds that district's events only, and
 * an empty one names the scope. */
static void test_scope(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 2); /* both in 江北区 */
	char *cause = NULL;
	assert_int_equal(scope_parse(&r.scope, "渝中区", &cause), 0);
	gov_view_update(&r.gov, r.st, &r.view, r.alarms, &r.scope, T0, T0);
	nav_t nav = {.page = PAGE_EVENTS};
	char *text = screen_text(&r.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "No open events in 渝中区."));
	assert_null(strstr(text, "evt-a"));
	free(text);
	assert_int_equal(scope_parse(&r.scope, "江北区/观音桥街道", &cause), 0);
	gov_view_update(&r.gov, r.st, &r.view, r.alarms, &r.scope, T0, T0);
	text = screen_text(&r.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "evt-a"));
	assert_non_null(strstr(text, "evt-b"));
	free(text);
	rig_close(&r);
}

int main(void)
{
	setenv("TZ", "UTC", 1); /* times of day on screen */
	tzset();
	const struct CMUnitTest hand[] = {
	    cmocka_unit_test(test_selection_follows_the_event),
	    cmocka_unit_test(test_selection_when_the_event_closes),
	    cmocka_unit_test(test_event_no_longer_reported),
	    cmocka_unit_test(test_event_timeline),
	    cmocka_unit_test(test_board_row_80),
	    cmocka_unit_test(test_board_attributes),
	    cmocka_unit_test(test_empty_board),
	    cmocka_unit_test(test_scope),
	};
	return cmocka_run_group_tests(hand, NULL, NULL);
}

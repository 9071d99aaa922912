/* Navigation: selections follow the reading or alarm, not the row (alarms
 * arriving above must not change what Enter opens); Esc goes back where the
 * operator came from (a bounded back stack); the help page lists every key
 * of the key map. Driven through nav_key and the pages' draw functions on a
 * virtual screen, with a store filled by hand at fixed times. */
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

#define T0 1764057600000LL /* 2025-11-25T08:00:00Z */

typedef struct rig {
	store_t *st;
	alarm_engine_t *alarms;
	alarm_ops_t *ops; /* operators' decisions, as the journal hands them over */
	view_t view;
	ui_ctx_t ctx;
	int64_t now;
	vscreen_t *vs;
	frame_t frame;
} rig_t;

static void rig_open(rig_t *r)
{
	memset(r, 0, sizeof *r);
	r->st = store_create();
	store_add_source(r->st, "city", "http://127.0.0.1/", 1000, 60000);
	r->alarms = alarm_engine_create();
	r->ops = alarm_ops_create();
	alarm_engine_configure(r->alarms, NULL, r->ops);
	view_init(&r->view);
	r->now = T0;
	r->vs = vscreen_open("xterm-256color", 24, 80, false);
	assert_non_null(r->vs);
	frame_layout(&r->frame, 24, 80);
}

static void rig_close(rig_t *r)
{
	frame_free(&r->frame);
	vscreen_close(r->vs);
	view_free(&r->view);
	alarm_engine_destroy(r->alarms);
	alarm_ops_destroy(r->ops);
	store_destroy(r->st);
}

typedef struct put {
	const char *id, *district;
	double value;
} put_t;

/* One document from the source at r->now + `at_s` seconds: exactly these
 * readings are updated (the others keep their values); then alarms and view. */
static void rig_poll(rig_t *r, int at_s, const put_t *puts, size_t n)
{
	int64_t at = T0 + at_s * 1000LL;
	r->now = at;
	store_begin_poll(r->st, 0, at);
	for (size_t i = 0; i < n; i++) {
		reading_in_t in = {
		    .id = puts[i].id,
		    .name = puts[i].id,
		    .domain = "water",
		    .district = puts[i].district,
		    .street = "S",
		    .unit = "m",
		    .has_value = true,
		    .value = puts[i].value,
		    .has_ts = true,
		    .ts_ms = at,
		    .limits = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10, 20, 80, 90},
		};
		store_put_reading(r->st, 0, &in, at);
	}
	store_end_poll(r->st, 0, &(poll_report_t){0}, at);
	alarm_engine_evaluate(r->alarms, r->st, at);
	view_update(&r->view, r->st, r->alarms, at);
	r->ctx = (ui_ctx_t){
	    .store = r->st, .alarms = r->alarms, .view = &r->view, .now_ms = at, .clock_ms = at};
}

/* Draws the whole frame, as the event loop does after every update. */
static void rig_draw(rig_t *r, nav_t *nav)
{
	frame_draw(&r->frame, &r->ctx, nav);
	frame_stage(&r->frame);
}

/* The id of the reading the domain page has selected. */
static const char *selected_id(const rig_t *r, const nav_t *nav)
{
	if (nav->page == PAGE_READING) /* Enter on an alarm opens its reading */
		return store_reading(r->st, nav->reading.index)->id;
	assert_int_equal(nav->page, PAGE_DOMAIN);
	const domain_view_t *dv = &r->view.domains[nav->domain];
	assert_true(nav->selected >= 0 && (unsigned)nav->selected < dv->total);
	return store_reading(r->st, dv->by_place[nav->selected])->id;
}

/* The id of the alarm the alarms page has selected. */
static const char *selected_alarm(const rig_t *r, const nav_t *nav)
{
	const alarm_info_t *a = view_alarm(&r->view, (size_t)nav->alarm_selected);
	assert_non_null(a);
	return a->id;
}

/* A new alarm is listed above the selected one (high priority before
 * medium): Enter still opens the reading that was selected, as drawn and as
 * keyed. */
static void test_alarm_selection_follows_the_alarm(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_poll(&r, 0, (put_t[]){{"pump.old", "D1", 85}, {"pump.calm", "D2", 50}}, 2);
	nav_t nav = {.page = PAGE_OVERVIEW};
	nav_key(ACT_ALARMS, &r.ctx, &nav);
	rig_draw(&r, &nav);
	assert_int_equal(nav.page, PAGE_ALARMS);
	assert_int_equal(nav.alarm_selected, 0); /* pump.old, the only alarm */

	rig_poll(&r, 5, (put_t[]){{"pump.new", "D3", 96}}, 1);
	assert_string_equal(view_alarm(&r.view, 0)->id, "pump.new"); /* above */
	rig_draw(&r, &nav);
	assert_int_equal(nav.alarm_selected, 1); /* moved down with its alarm */
	nav_key(ACT_OPEN, &r.ctx, &nav);
	assert_string_equal(selected_id(&r, &nav), "pump.old");
	rig_close(&r);
}

/* The same without a redraw in between: the key finds the alarm itself. */
static void test_alarm_selection_without_redraw(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_poll(&r, 0, (put_t[]){{"a.first", "D1", 85}, {"a.second", "D2", 15}}, 2);
	nav_t nav = {.page = PAGE_OVERVIEW};
	nav_key(ACT_ALARMS, &r.ctx, &nav);
	rig_draw(&r, &nav);
	nav_key(ACT_DOWN, &r.ctx, &nav); /* a.second (same time: by id) */
	const char *chosen = selected_alarm(&r, &nav);
	assert_string_equal(chosen, "a.second");
	rig_poll(&r, 5, (put_t[]){{"a.third", "D3", 99}}, 1); /* high: above both */
	assert_string_equal(view_alarm(&r.view, 0)->id, "a.third");
	nav_key(ACT_OPEN, &r.ctx, &nav);
	assert_string_equal(selected_id(&r, &nav), chosen);
	rig_close(&r);
}

/* An acknowledgement of `alarm` at r->now, as the journal hands it to ops;
 * then alarms and view. */
static void rig_ack(rig_t *r, const char *alarm)
{
	journal_entry_t e = {.at_ms = r->now, .user = "op", .host = "h", .alarm = alarm,
	                     .action = JOURNAL_ACK, .reason = ""};
	alarm_ops_apply(r->ops, &e);
	alarm_engine_evaluate(r->alarms, r->st, r->now);
	view_update(&r->view, r->st, r->alarms, r->now);
}

/* Three alarms a second apart (x.one, x.two, x.three: oldest first), and
 * the alarms page drawn with the first selected. */
static void rig_three_alarms(rig_t *r, nav_t *nav)
{
	rig_open(r);
	rig_poll(r, 0, (put_t[]){{"x.one", "D1", 95}}, 1);
	rig_poll(r, 1, (put_t[]){{"x.two", "D2", 95}}, 1);
	rig_poll(r, 2, (put_t[]){{"x.three", "D3", 95}}, 1);
	*nav = (nav_t){.page = PAGE_OVERVIEW};
	nav_key(ACT_ALARMS, &r->ctx, nav);
	rig_draw(r, nav);
}

/* The selected alarm returns to normal: it stays listed (returned,
 * unacknowledged) and selected; acknowledged, it leaves the list and the
 * nearest row is selected, not nothing. */
static void test_alarm_selection_vanished_goes_to_nearest(void **state)
{
	(void)state;
	rig_t r;
	nav_t nav;
	rig_three_alarms(&r, &nav);
	nav_key(ACT_DOWN, &r.ctx, &nav); /* oldest first: one, two, three */
	rig_draw(&r, &nav);
	assert_string_equal(selected_alarm(&r, &nav), "x.two");
	rig_poll(&r, 3, (put_t[]){{"x.two", "D2", 50}}, 1); /* back to normal */
	rig_draw(&r, &nav);
	assert_int_equal(alarm_engine_active_count(r.alarms), 2);
	assert_int_equal(view_alarm_count(&r.view), 3); /* x.two: RTNUN, still listed */
	assert_string_equal(selected_alarm(&r, &nav), "x.two");
	rig_ack(&r, "x.two"); /* RTNUN -> NORM: off the list */
	rig_draw(&r, &nav);
	assert_int_equal(view_alarm_count(&r.view), 2);
	assert_int_equal(nav.alarm_selected, 1); /* where it was: x.three */
	nav_key(ACT_OPEN, &r.ctx, &nav);
	assert_string_equal(selected_id(&r, &nav), "x.three");
	rig_close(&r);
}

/* A as the event loop does it: the page's request carried out (the
 * journal's part is rig_ack's) or refused, then nav_request_done. */
static void rig_key_ack(rig_t *r, nav_t *nav, bool done)
{
	nav_key(ACT_ACK, &r->ctx, nav);
	assert_int_equal(nav->request.kind, NAV_REQ_ACK);
	assert_int_equal(nav->request.count, 1);
	if (done)
		rig_ack(r, nav->request.alarms[0]);
	nav_request_done(nav, done);
	assert_int_equal(nav->request.kind, NAV_REQ_NONE);
	rig_draw(r, nav);
}

/* The worklist: A acknowledges the selected alarm, which sorts below the
 * unacknowledged ones, and the next unacknowledged alarm takes the
 * selection (A, A, A works down the list); with none left below, the
 * selection stays with the acknowledged alarm. Refused, nothing moves. */
static void test_ack_moves_on_to_the_next_unacked(void **state)
{
	(void)state;
	rig_t r;
	nav_t nav;
	rig_three_alarms(&r, &nav);
	assert_string_equal(selected_alarm(&r, &nav), "x.one"); /* oldest first */

	rig_key_ack(&r, &nav, false); /* refused (say, the journal failed) */
	assert_string_equal(selected_alarm(&r, &nav), "x.one");

	rig_key_ack(&r, &nav, true);
	assert_string_equal(view_alarm(&r.view, 2)->id, "x.one"); /* acked: below */
	assert_int_equal(nav.alarm_selected, 0);
	assert_string_equal(selected_alarm(&r, &nav), "x.two");

	rig_key_ack(&r, &nav, true);
	assert_string_equal(selected_alarm(&r, &nav), "x.three");

	rig_key_ack(&r, &nav, true); /* the last: nothing unacknowledged below */
	assert_int_equal(alarm_engine_state_count(r.alarms, ISA_ACKED), 3);
	assert_string_equal(selected_alarm(&r, &nav), "x.three");
	nav_key(ACT_OPEN, &r.ctx, &nav);
	assert_string_equal(selected_id(&r, &nav), "x.three");
	rig_close(&r);
}

/* On the domain page, a reading that sorts before the selected one (by
 * place) arrives: the selection stays on its reading. */
static void test_domain_selection_follows_the_reading(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_poll(&r, 0, (put_t[]){{"w.b", "D2", 50}, {"w.d", "D4", 50}, {"w.f", "D6", 50}}, 3);
	nav_t nav = {.page = PAGE_OVERVIEW, .focus = DOMAIN_WATER};
	nav_key(ACT_OPEN, &r.ctx, &nav);
	rig_draw(&r, &nav);
	nav_key(ACT_DOWN, &r.ctx, &nav);
	assert_string_equal(selected_id(&r, &nav), "w.d");

	rig_poll(&r, 1, (put_t[]){{"w.a", "D1", 50}}, 1);
	rig_draw(&r, &nav);
	assert_string_equal(selected_id(&r, &nav), "w.d");
	nav_key(ACT_DOWN, &r.ctx, &nav); /* moves from where it is now */
	assert_string_equal(selected_id(&r, &nav), "w.f");
	rig_close(&r);
}

/* alarms → Enter → Esc comes back to the alarms, and Esc from there to
 * where the operator was before. */
static void test_back_from_an_alarm_returns_to_the_alarms(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_poll(&r, 0, (put_t[]){{"p.1", "D1", 95}}, 1);
	nav_t nav = {.page = PAGE_OVERVIEW};
	nav_key(ACT_ALARMS, &r.ctx, &nav);
	nav_key(ACT_OPEN, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_READING);
	assert_string_equal(selected_id(&r, &nav), "p.1");
	nav_key(ACT_BACK, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_ALARMS);
	nav_key(ACT_BACK, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_OVERVIEW);
	rig_close(&r);
}

/* Overview → a domain → the alarms → another domain: Esc walks the same way
 * back, and the first domain page has its selection again. */
static void test_back_walks_the_path_back(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_poll(&r, 0, (put_t[]){{"w.1", "D1", 50}, {"w.2", "D2", 50}, {"w.3", "D3", 95}}, 3);
	nav_t nav = {.page = PAGE_OVERVIEW, .focus = DOMAIN_WATER};
	nav_key(ACT_OPEN, &r.ctx, &nav);
	rig_draw(&r, &nav);
	nav_key(ACT_DOWN, &r.ctx, &nav);
	assert_string_equal(selected_id(&r, &nav), "w.2");
	nav_key(ACT_HELP, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_HELP);
	nav_key(ACT_ALARMS, &r.ctx, &nav); /* overlays switch among themselves */
	nav_key(ACT_OPEN, &r.ctx, &nav);
	assert_string_equal(selected_id(&r, &nav), "w.3");
	nav_key(ACT_BACK, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_ALARMS);
	nav_key(ACT_BACK, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_HELP);
	nav_key(ACT_HELP, &r.ctx, &nav); /* its own key closes it, like Esc */
	assert_string_equal(selected_id(&r, &nav), "w.2");
	nav_key(ACT_BACK, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_OVERVIEW);
	nav_key(ACT_BACK, &r.ctx, &nav); /* nowhere further back */
	assert_int_equal(nav.page, PAGE_OVERVIEW);
	rig_close(&r);
}

/* A long seeded walk over every navigation key: the stack stays within its
 * bound, and Esc always ends on the overview. */
static void test_back_stack_is_bounded(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r);
	rig_poll(&r, 0, (put_t[]){{"s.1", "D1", 95}, {"s.2", "D2", 5}, {"s.3", "D3", 50}}, 3);
	static const action_t walk[] = {ACT_ALARMS, ACT_SOURCES, ACT_HELP, ACT_OPEN, ACT_DOWN,
	                                ACT_NEXT,   ACT_BACK,    ACT_UP,   ACT_OPEN, ACT_ALARMS};
	nav_t nav = {.page = PAGE_OVERVIEW};
	uint32_t seed = 12345;
	int deepest = 0;
	for (int i = 0; i < 20000; i++) {
		seed = seed * 1103515245u + 12345u;
		nav_key(walk[(seed >> 16) % (sizeof walk / sizeof walk[0])], &r.ctx, &nav);
		if (i % 97 == 0)
			rig_draw(&r, &nav);
		assert_true(nav.depth >= 0 && nav.depth <= NAV_BACK_MAX);
		deepest = nav.depth > deepest ? nav.depth : deepest;
	}
	assert_true(deepest >= 3); /* the walk did go deep */
	for (int i = 0; i <= NAV_BACK_MAX; i++)
		nav_key(ACT_BACK, &r.ctx, &nav);
	assert_int_equal(nav.page, PAGE_OVERVIEW);
	rig_close(&r);
}

/* The names in the help page's key column: on each row, what follows the
 * border and the indent up to the first double space. */
static bool help_lists(const char *text, const char *name)
{
	const char *line = text;
	while (line && *line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char row[512];
		snprintf(row, sizeof row, "%.*s", (int)len, line);
		const char *keys = strstr(row, "  "); /* after "│" or "|" */
		if (keys) {
			keys += 2;
			char *stop = strstr(keys, "  ");
			if (stop)
				*stop = '\0';
			char *save = NULL;
			for (char *tok = strtok_r((char *)keys, " ", &save); tok;
			     tok = strtok_r(NULL, " ", &save))
				if (strcmp(tok, name) == 0)
					return true;
		}
		line = end ? end + 1 : NULL;
	}
	return false;
}

static void check_help_lists_every_key(bool ascii)
{
	rig_t r;
	rig_open(&r);
	rig_poll(&r, 0, (put_t[]){{"h.1", "D1", 50}}, 1);
	glyphs_set_ascii(ascii);
	nav_t nav = {.page = PAGE_OVERVIEW};
	nav_key(ACT_HELP, &r.ctx, &nav);
	rig_draw(&r, &nav);
	char *text = snapshot_text(newscr, ascii);
	glyphs_set_ascii(false);
	int count;
	const key_binding_t *keys = keymap_table(&count);
	for (int i = 0; i < count; i++) {
		char name[32];
		if (keys[i].label)
			snprintf(name, sizeof name, "%s", keys[i].label);
		else
			keymap_key_name(keys[i].key, ascii, name, sizeof name);
		if (!help_lists(text, name))
			fail_msg("help does not list key \"%s\" (binding %d):\n%s", name, i, text);
	}
	/* The keys the first help left out, by name. */
	static const char *const once_missing[] = {"h", "j", "k", "l", "g", "G", "F1", "Q"};
	for (size_t i = 0; i < sizeof once_missing / sizeof once_missing[0]; i++)
		if (!help_lists(text, once_missing[i]))
			fail_msg("help does not list \"%s\":\n%s", once_missing[i], text);
	free(text);
	rig_close(&r);
}

static void test_help_lists_every_key(void **state)
{
	(void)state;
	check_help_lists_every_key(false);
}

static void test_help_lists_every_key_ascii(void **state)
{
	(void)state;
	check_help_lists_every_key(true);
}

/* Every binding gets a name, and the table starts with a help line (a key
 * before the first one would be listed without a meaning). */
static void test_every_key_has_a_name(void **state)
{
	(void)state;
	int count;
	const key_binding_t *keys = keymap_table(&count);
	assert_true(count > 0);
	assert_non_null(keys[0].help);
	for (int i = 0; i < count; i++) {
		char name[32];
		keymap_key_name(keys[i].key, true, name, sizeof name);
		assert_true(name[0] != '\0' && name[0] != '#');
		for (const char *p = name; *p; p++)
			assert_true(*p > ' ' && *p < 0x7f); /* ASCII mode names are ASCII */
	}
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_alarm_selection_follows_the_alarm),
	    cmocka_unit_test(test_alarm_selection_without_redraw),
	    cmocka_unit_test(test_alarm_selection_vanished_goes_to_nearest),
	    cmocka_unit_test(test_ack_moves_on_to_the_next_unacked),
	    cmocka_unit_test(test_domain_selection_follows_the_reading),
	    cmocka_unit_test(test_back_from_an_alarm_returns_to_the_alarms),
	    cmocka_unit_test(test_back_walks_the_path_back),
	    cmocka_unit_test(test_back_stack_is_bounded),
	    cmocka_unit_test(test_help_lists_every_key),
	    cmocka_unit_test(test_help_lists_every_key_ascii),
	    cmocka_unit_test(test_every_key_has_a_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

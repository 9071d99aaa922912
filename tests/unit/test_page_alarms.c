/* The alarms page, with the real alarm engine over a hand-made store
 * (alarm_rig): golden frames of every tab at 80x24 and 160x48 and in
 * ASCII; the keys — A, S, U and * on alarms they apply to and on those
 * they do not (a message says why), the ack-all confirmation, Enter on a
 * communications alarm and on a limit alarm, tabs — and the selection kept
 * by the alarm's id across updates. Golden files: UPDATE_GOLDEN=1 rewrites
 * them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alarm_tab.h"
#include "alarm_rig.h"
#include "alarm_scene.h"
#include "form.h"
#include "frame.h"
#include "screen_text.h"

#define T0 ALARM_SCENE_T0

static nav_t alarms_nav(void)
{
	return (nav_t){.page = PAGE_ALARMS};
}

static bool golden(scene_t *s, nav_t *nav, int cols, int rows, bool ascii, const char *name)
{
	return screen_golden(&s->ctx, nav, cols, rows, ascii, name);
}

/* Draws once (as the event loop does before keys), at 80x24. */
static void draw(scene_t *s, nav_t *nav)
{
	free(screen_text(&s->ctx, nav, 80, 24, false));
}

static void select_alarm(scene_t *s, nav_t *nav, const char *id)
{
	size_t n = alarm_tab_count(&s->ctx, nav);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(alarm_tab_at(&s->ctx, nav, i)->id, id) == 0) {
			nav->alarm_selected = (int)i;
			nav->alarm_serial = nav_name_key(id);
			return;
		}
	}
	fail_msg("%s is not on tab %d", id, nav->alarm_tab);
}

static void test_states_in_scene(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	assert_int_equal(rig_state(&s.rig, "w.hihi"), ISA_UNACK);
	assert_int_equal(rig_state(&s.rig, "w.hi"), ISA_ACKED);
	assert_int_equal(rig_state(&s.rig, "w.back"), ISA_RTNUN);
	assert_int_equal(rig_state(&s.rig, "w.shelf"), ISA_SHLVD);
	assert_int_equal(rig_state(&s.rig, "source:remote"), ISA_UNACK);
	assert_int_equal(rig_state(&s.rig, "r.level"), ISA_DSUPR);
	scene_close(&s);
}

static void test_active_80x24(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = alarms_nav();
	assert_true(golden(&s, &nav, 80, 24, false, "alarms_active_80x24"));
	char *text = screen_text(&s.ctx, &nav, 80, 24, false);
	/* State by glyph and word, never colour alone. */
	assert_non_null(strstr(text, "▲ UNACK P1 HIHI"));
	assert_non_null(strstr(text, "✔ ACKED P2 HI"));
	assert_non_null(strstr(text, "↺ RTNUN P1 HIHI"));
	assert_non_null(strstr(text, "source:remote  communications"));
	assert_non_null(strstr(text, "+1 suppressed"));
	/* The keys are the key bar's, once: the page has no footer of its own. */
	assert_non_null(strstr(text, "? Help  A Ack  S Shelve  U Unshelve  * Ack all"));
	assert_null(strstr(text, "A ack  * ack all"));
	assert_non_null(strstr(text, "[Active 5]"));
	free(text);
	scene_close(&s);
}

static void test_active_160x48(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = alarms_nav();
	assert_true(golden(&s, &nav, 160, 48, false, "alarms_active_160x48"));
	char *text = screen_text(&s.ctx, &nav, 160, 48, false);
	assert_non_null(strstr(text, "ana@wall at 08:00:01")); /* who acknowledged */
	assert_non_null(strstr(text, "HIGH HIHI"));
	free(text);
	scene_close(&s);
}

static void test_active_ascii_80x24(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = alarms_nav();
	assert_true(golden(&s, &nav, 80, 24, true, "alarms_active_ascii_80x24"));
	char *text = screen_text(&s.ctx, &nav, 80, 24, true);
	assert_non_null(strstr(text, "! UNACK P1 HIHI"));
	assert_non_null(strstr(text, "+ ACKED P2 HI"));
	assert_non_null(strstr(text, "< RTNUN"));
	free(text);
	scene_close(&s);
}

static void test_shelved_tab_160x48(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = alarms_nav();
	nav_key(ACT_RIGHT, &s.ctx, &nav);
	assert_int_equal(nav.alarm_tab, VIEW_ALARMS_SHELVED);
	assert_true(golden(&s, &nav, 160, 48, false, "alarms_shelved_160x48"));
	char *text = screen_text(&s.ctx, &nav, 160, 48, false);
	assert_non_null(strstr(text, "⏸ SHLVD"));
	assert_non_null(strstr(text, "ana@wall till 10:00:00: 泵房检修 pump work"));
	free(text);
	scene_close(&s);
}

/* Enter on the communications alarm: the Suppressed tab, that source's. */
static void test_enter_on_comm_lists_its_suppressed(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = alarms_nav();
	draw(&s, &nav);
	select_alarm(&s, &nav, "source:remote");
	nav_key(ACT_OPEN, &s.ctx, &nav);
	assert_int_equal(nav.page, PAGE_ALARMS);
	assert_int_equal(nav.alarm_tab, VIEW_ALARMS_SUPPRESSED);
	assert_int_equal(alarm_tab_count(&s.ctx, &nav), 1);
	assert_string_equal(alarm_tab_at(&s.ctx, &nav, 0)->id, "r.level");
	assert_true(golden(&s, &nav, 80, 24, false, "alarms_suppressed_80x24"));
	char *text = screen_text(&s.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "Suppressed under source:remote: 1"));
	assert_non_null(strstr(text, "⊘ DSUPR"));
	free(text);
	nav_key(ACT_LEFT, &s.ctx, &nav); /* another tab drops the filter */
	assert_int_equal(nav.alarm_source, 0);
	scene_close(&s);
}

/* Enter on a limit alarm opens its reading. */
static void test_enter_on_limit_opens_reading(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = alarms_nav();
	draw(&s, &nav);
	select_alarm(&s, &nav, "w.hi");
	nav_key(ACT_OPEN, &s.ctx, &nav);
	assert_int_equal(nav.page, PAGE_READING);
	assert_string_equal(store_reading(s.rig.st, nav.reading.index)->id, "w.hi");
	scene_close(&s);
}

static void assert_request(const nav_t *nav, nav_request_kind_t kind, const char *id)
{
	assert_int_equal(nav->request.kind, kind);
	assert_int_equal(nav->request.count, 1);
	assert_string_equal(nav->request.alarms[0], id);
}

static void test_keys_ask_for_actions(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = alarms_nav();
	draw(&s, &nav);
	select_alarm(&s, &nav, "w.hihi");
	nav_key(ACT_ACK, &s.ctx, &nav);
	assert_request(&nav, NAV_REQ_ACK, "w.hihi");
	nav_request_clear(&nav.request);
	nav_key(ACT_SHELVE, &s.ctx, &nav);
	assert_int_equal(nav.form.kind, NAV_FORM_SHELVE);
	assert_string_equal(nav.form.pending.alarms[0], "w.hihi");
	assert_int_equal(nav.request.kind, NAV_REQ_NONE); /* the form asks first */
	form_close(&nav);
	/* U on the Shelved tab. */
	nav_key(ACT_RIGHT, &s.ctx, &nav);
	draw(&s, &nav);
	nav_key(ACT_UNSHELVE, &s.ctx, &nav);
	assert_request(&nav, NAV_REQ_UNSHELVE, "w.shelf");
	nav_request_clear(&nav.request);
	scene_close(&s);
}

/* A key on an alarm it does not apply to: no request, a message why. */
static void refused(scene_t *s, nav_t *nav, const char *id, action_t act, const char *why)
{
	select_alarm(s, nav, id);
	nav->message[0] = '\0';
	nav_key(act, &s->ctx, nav);
	assert_int_equal(nav->request.kind, NAV_REQ_NONE);
	assert_int_equal(nav->form.kind, NAV_FORM_NONE);
	if (!strstr(nav->message, why))
		fail_msg("%s: message \"%s\", expected \"%s\"", id, nav->message, why);
	assert_true(nav->message_error);
	assert_int_equal(nav->message_ms, s->now);
}

static void test_keys_on_wrong_alarms_say_why(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = alarms_nav();
	draw(&s, &nav);
	refused(&s, &nav, "w.hi", ACT_ACK, "w.hi: already acknowledged");
	refused(&s, &nav, "w.hihi", ACT_UNSHELVE, "not shelved");
	nav_key(ACT_RIGHT, &s.ctx, &nav); /* Shelved */
	refused(&s, &nav, "w.shelf", ACT_SHELVE, "already shelved");
	refused(&s, &nav, "w.shelf", ACT_ACK, "shelved: nothing to acknowledge");
	nav_key(ACT_RIGHT, &s.ctx, &nav); /* Suppressed */
	refused(&s, &nav, "r.level", ACT_SHELVE, "suppressed: cannot be shelved");
	nav_key(ACT_RIGHT, &s.ctx, &nav); /* Out of service: empty */
	nav.message[0] = '\0';
	nav_key(ACT_ACK, &s.ctx, &nav);
	assert_string_equal(nav.message, "no alarm selected");
	/* Elsewhere: where alarm actions are. */
	nav_t over = {.page = PAGE_OVERVIEW};
	nav_key(ACT_ACK, &s.ctx, &over);
	assert_non_null(strstr(over.message, "press a"));
	assert_int_equal(over.request.kind, NAV_REQ_NONE);
	scene_close(&s);
}

/* "*": confirmation first; y asks to acknowledge every unacknowledged alarm
 * of the tab (not the acknowledged one), n asks nothing. */
static void test_ack_all_confirmation(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = alarms_nav();
	draw(&s, &nav);
	nav_key(ACT_ACK_ALL, &s.ctx, &nav);
	assert_int_equal(nav.form.kind, NAV_FORM_CONFIRM_ACK_ALL);
	assert_int_equal(nav.form.pending.count, 4); /* w.hihi, w.lo, w.back, source:remote */
	char *text = screen_text(&s.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "Acknowledge 4 visible alarms? y/n"));
	free(text);
	form_key(&nav, L'n', false);
	assert_int_equal(nav.form.kind, NAV_FORM_NONE);
	assert_int_equal(nav.request.kind, NAV_REQ_NONE);

	nav_key(ACT_ACK_ALL, &s.ctx, &nav);
	form_key(&nav, L'x', false); /* anything else: still asking */
	assert_int_equal(nav.form.kind, NAV_FORM_CONFIRM_ACK_ALL);
	form_key(&nav, L'y', false);
	assert_int_equal(nav.form.kind, NAV_FORM_NONE);
	assert_int_equal(nav.request.kind, NAV_REQ_ACK);
	assert_int_equal(nav.request.count, 4);
	for (size_t i = 0; i < nav.request.count; i++)
		assert_string_not_equal(nav.request.alarms[i], "w.hi");
	nav_request_clear(&nav.request);

	nav_key(ACT_RIGHT, &s.ctx, &nav); /* Shelved: nothing to acknowledge */
	nav_key(ACT_ACK_ALL, &s.ctx, &nav);
	assert_int_equal(nav.form.kind, NAV_FORM_NONE);
	assert_non_null(strstr(nav.message, "nothing to acknowledge"));
	scene_close(&s);
}

/* The selection follows the alarm's id when an alarm arrives above it. */
static void test_selection_kept_by_id(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = alarms_nav();
	draw(&s, &nav);
	select_alarm(&s, &nav, "w.lo");
	int before = nav.alarm_selected;
	rig_put_t more[ALARM_SCENE_BASE_COUNT + 1];
	memcpy(more, alarm_scene_base, sizeof alarm_scene_base);
	more[3].value = 50;
	more[ALARM_SCENE_BASE_COUNT] = (rig_put_t){"w.new", 99, 0}; /* HIHI, newest: above w.lo */
	rig_poll(&s.rig, 0, more, ALARM_SCENE_BASE_COUNT + 1, T0 + 11000);
	scene_eval(&s, T0 + 11000);
	draw(&s, &nav);
	assert_int_equal(nav.alarm_selected, before + 1);
	assert_string_equal(alarm_tab_at(&s.ctx, &nav, (size_t)nav.alarm_selected)->id, "w.lo");
	nav_key(ACT_ACK, &s.ctx, &nav);
	assert_request(&nav, NAV_REQ_ACK, "w.lo");
	nav_request_clear(&nav.request);
	scene_close(&s);
}

/* The shelve form over the page, with a Chinese reason. */
static void test_form_drawn_over_page(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = alarms_nav();
	draw(&s, &nav);
	select_alarm(&s, &nav, "w.hihi");
	nav_key(ACT_SHELVE, &s.ctx, &nav);
	const wchar_t *typed = L"泵房检修";
	for (size_t i = 0; typed[i]; i++)
		form_key(&nav, (wint_t)typed[i], false);
	assert_true(golden(&s, &nav, 80, 24, false, "alarms_shelve_form_80x24"));
	char *text = screen_text(&s.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, "Shelve alarm"));
	assert_non_null(strstr(text, "泵房检修_"));
	free(text);
	form_close(&nav);
	scene_close(&s);
}

/* No usable journal: the status line says so, the footer says why (the
 * keys cannot be kept without it). */
static void test_journal_unusable(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	snprintf(s.status.journal_error, sizeof s.status.journal_error, "%s",
	         "journal /x/j.jsonl: Permission denied");
	nav_t nav = alarms_nav();
	char *text = screen_text(&s.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(text, " Journal: journal /x/j.jsonl: Permission denied"));
	assert_non_null(strstr(text, " Journal: unusable  t "));
	free(text);
	scene_close(&s);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_states_in_scene),
	    cmocka_unit_test(test_active_80x24),
	    cmocka_unit_test(test_active_160x48),
	    cmocka_unit_test(test_active_ascii_80x24),
	    cmocka_unit_test(test_shelved_tab_160x48),
	    cmocka_unit_test(test_enter_on_comm_lists_its_suppressed),
	    cmocka_unit_test(test_enter_on_limit_opens_reading),
	    cmocka_unit_test(test_keys_ask_for_actions),
	    cmocka_unit_test(test_keys_on_wrong_alarms_say_why),
	    cmocka_unit_test(test_ack_all_confirmation),
	    cmocka_unit_test(test_selection_kept_by_id),
	    cmocka_unit_test(test_form_drawn_over_page),
	    cmocka_unit_test(test_journal_unusable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

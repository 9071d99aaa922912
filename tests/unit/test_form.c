/* The shelve form and the ack-all confirmation, by their keys alone (no
 * screen): typing ASCII and Chinese, Backspace over a CJK character, the
 * reason cut at NAV_FORM_TEXT_MAX on a character, controls refused, bad
 * durations, a required reason, Tab, Esc, and Enter yielding the right
 * nav.request. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"

static void type(nav_t *nav, const wchar_t *s)
{
	for (; *s; s++)
		form_key(nav, (wint_t)*s, false);
}

static void test_duration_parse(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		int64_t ms;
	} good[] = {
	    {"30s", 30000}, {"15m", 900000}, {"1h", 3600000}, {"8h", 28800000}, {"7d", 604800000},
	    {"168h", 604800000}, {" 2d", 172800000},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		int64_t ms = 0;
		char err[128];
		if (form_parse_duration(good[i].in, &ms, err, sizeof err) != 0 || ms != good[i].ms)
			fail_msg("\"%s\": %lld (%s)", good[i].in, (long long)ms, err);
	}
	static const char *const bad[] = {"", "h",    "10",  "1.5h", "-1h", "8d", "169h", "0m",
	                                  "1w", "1h ", "1hh", "99999999999999999999999d"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t ms = -1;
		char err[128] = "";
		if (form_parse_duration(bad[i], &ms, err, sizeof err) == 0)
			fail_msg("\"%s\" taken as %lld ms", bad[i], (long long)ms);
		assert_int_equal(ms, -1);
		assert_true(strncmp(err, "duration:", 9) == 0);
	}
}

static void test_shelve_ascii_and_enter(void **state)
{
	(void)state;
	nav_t nav = {0};
	form_open_shelve(&nav, "water.jb.p1");
	assert_int_equal(nav.form.kind, NAV_FORM_SHELVE);
	assert_string_equal(nav.form.duration, "1h");
	assert_int_equal(nav.form.field, FORM_FIELD_REASON);
	type(&nav, L"pump work");
	form_key(&nav, L'\t', false); /* to the duration */
	form_key(&nav, 127, false);   /* Backspace: "1" */
	type(&nav, L"5m");            /* "15m" */
	assert_string_equal(nav.form.duration, "15m");
	form_key(&nav, L'\r', false);
	assert_int_equal(nav.form.kind, NAV_FORM_NONE);
	assert_int_equal(nav.request.kind, NAV_REQ_SHELVE);
	assert_int_equal(nav.request.count, 1);
	assert_string_equal(nav.request.alarms[0], "water.jb.p1");
	assert_int_equal(nav.request.duration_ms, 15 * 60000);
	assert_string_equal(nav.request.reason, "pump work");
	nav_request_clear(&nav.request);
}

static void test_chinese_and_backspace(void **state)
{
	(void)state;
	nav_t nav = {0};
	form_open_shelve(&nav, "a");
	type(&nav, L"泵房检修 ok");
	assert_string_equal(nav.form.reason, "泵房检修 ok");
	form_key(&nav, KEY_BACKSPACE, true);
	form_key(&nav, 127, false);
	form_key(&nav, 8, false); /* the space */
	assert_string_equal(nav.form.reason, "泵房检修");
	form_key(&nav, KEY_BACKSPACE, true); /* one CJK character: its three bytes */
	assert_string_equal(nav.form.reason, "泵房检");
	form_key(&nav, KEY_ENTER, true);
	assert_int_equal(nav.request.kind, NAV_REQ_SHELVE);
	assert_string_equal(nav.request.reason, "泵房检");
	nav_request_clear(&nav.request);
}

/* 200 bytes: 66 CJK characters (198 bytes) fit, the 67th does not, and
 * no half character is ever kept; then ASCII fills up to the limit. */
static void test_reason_cut_on_a_character(void **state)
{
	(void)state;
	nav_t nav = {0};
	form_open_shelve(&nav, "a");
	for (int i = 0; i < 100; i++)
		form_key(&nav, L'修', false);
	assert_int_equal(strlen(nav.form.reason), 198);
	type(&nav, L"abcd");
	assert_int_equal(strlen(nav.form.reason), NAV_FORM_TEXT_MAX);
	assert_string_equal(nav.form.reason + 198, "ab");
	form_close(&nav);
}

/* Controls and bidirectional marks are not text; durations are ASCII. */
static void test_controls_refused(void **state)
{
	(void)state;
	nav_t nav = {0};
	form_open_shelve(&nav, "a");
	form_key(&nav, 0x07, false);   /* BEL */
	form_key(&nav, 0x202e, false); /* RIGHT-TO-LEFT OVERRIDE */
	form_key(&nav, 0x9b, false);   /* C1 CSI */
	form_key(&nav, 0xd800, false); /* a lone surrogate */
	assert_string_equal(nav.form.reason, "");
	form_key(&nav, L'\t', false);
	form_key(&nav, L'时', false);
	assert_string_equal(nav.form.duration, "1h");
	form_close(&nav);
}

static void test_errors_keep_the_form(void **state)
{
	(void)state;
	nav_t nav = {0};
	form_open_shelve(&nav, "a");
	form_key(&nav, L'\n', false); /* no reason */
	assert_int_equal(nav.form.kind, NAV_FORM_SHELVE);
	assert_string_equal(nav.form.error, "a reason is required");
	assert_int_equal(nav.request.kind, NAV_REQ_NONE);
	type(&nav, L"   ");
	form_key(&nav, L'\n', false); /* blank is no reason */
	assert_string_equal(nav.form.error, "a reason is required");
	type(&nav, L"x");
	assert_string_equal(nav.form.error, ""); /* typing clears it */
	form_key(&nav, KEY_BTAB, true);
	type(&nav, L"d"); /* "1hd" */
	form_key(&nav, L'\n', false);
	assert_int_equal(nav.form.kind, NAV_FORM_SHELVE);
	assert_int_equal(nav.form.field, FORM_FIELD_DURATION);
	assert_true(strncmp(nav.form.error, "duration:", 9) == 0);
	for (int i = 0; i < 3; i++)
		form_key(&nav, KEY_BACKSPACE, true);
	type(&nav, L"9d");
	form_key(&nav, L'\n', false);
	assert_string_equal(nav.form.error, "duration: at most 7d");
	assert_int_equal(nav.request.kind, NAV_REQ_NONE);
	form_key(&nav, 27, false); /* Esc */
	assert_int_equal(nav.form.kind, NAV_FORM_NONE);
	assert_int_equal(nav.request.kind, NAV_REQ_NONE);
	assert_null(nav.form.pending.alarms);
}

static void test_confirm(void **state)
{
	(void)state;
	nav_t nav = {0};
	char **ids = malloc(2 * sizeof *ids);
	assert_non_null(ids);
	ids[0] = strdup("a");
	ids[1] = strdup("b");
	form_open_confirm_ack_all(&nav, ids, 2);
	form_key(&nav, KEY_ENTER, true); /* only y or n answer */
	assert_int_equal(nav.form.kind, NAV_FORM_CONFIRM_ACK_ALL);
	form_key(&nav, 27, false);
	assert_int_equal(nav.form.kind, NAV_FORM_NONE);
	assert_int_equal(nav.request.kind, NAV_REQ_NONE);
	ids = malloc(sizeof *ids);
	assert_non_null(ids);
	ids[0] = strdup("c");
	form_open_confirm_ack_all(&nav, ids, 1);
	form_key(&nav, L'Y', false);
	assert_int_equal(nav.request.kind, NAV_REQ_ACK);
	assert_int_equal(nav.request.count, 1);
	assert_string_equal(nav.request.alarms[0], "c");
	nav_request_clear(&nav.request);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_duration_parse),
	    cmocka_unit_test(test_shelve_ascii_and_enter),
	    cmocka_unit_test(test_chinese_and_backspace),
	    cmocka_unit_test(test_reason_cut_on_a_character),
	    cmocka_unit_test(test_controls_refused),
	    cmocka_unit_test(test_errors_keep_the_form),
	    cmocka_unit_test(test_confirm),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The status bar drawn alone on a virtual screen: failure groups lead with
 * their mark and reason, whatever the width and however many sources; the
 * notes before them (an action's outcome, TLS verification off, the journal,
 * Alertmanager). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "glyphs.h"
#include "snapshot.h"
#include "status_notes.h"
#include "statusbar.h"
#include "vscreen.h"

#define NOW 1764057600000LL /* 2025-11-25T08:00:00Z */

/* The status bar of `st` at `cols` columns, as text. Caller frees. */
static char *status_line(const store_t *st, int cols, bool ascii)
{
	vscreen_t *vs = vscreen_open("xterm-256color", 1, cols, false);
	assert_non_null(vs);
	glyphs_set_ascii(ascii);
	ui_ctx_t ctx = {.store = st, .now_ms = NOW, .clock_ms = NOW};
	statusbar_draw(vs->win, &ctx);
	char *text = snapshot_text(vs->win, ascii);
	glyphs_set_ascii(false);
	vscreen_close(vs);
	*strchr(text, '\n') = '\0';
	if (getenv("STATUS_DEBUG")) /* STATUS_DEBUG=1 prints every line drawn */
		fprintf(stderr, "[%s]\n", text);
	return text;
}

static int add_failing(store_t *st, const char *name, const char *reason, int64_t last_ok)
{
	int s = store_add_source(st, name, "http://127.0.0.1:1/", 1000, 3000);
	if (last_ok) {
		store_begin_poll(st, s, last_ok);
		store_end_poll(st, s, &(poll_report_t){0}, last_ok);
	}
	store_poll_failed(st, s, reason, NOW);
	return s;
}

static int count_char(const char *s, char c)
{
	int n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}

/* The demo when its mock is gone: six sources, one reason, at 80 columns.
 * It read "water power gas telecom bridge tunnel ✖ 12s: Couldn't c…". */
static void test_demo_reason_at_80(void **state)
{
	(void)state;
	static const char *const names[] = {"water", "power", "gas", "telecom", "bridge", "tunnel"};
	store_t *st = store_create();
	for (int i = 0; i < 6; i++)
		add_failing(st, names[i], "Couldn't connect to server", NOW - 12000);
	char *line = status_line(st, 80, false);
	assert_non_null(strstr(
	    line, " ✖ Couldn't connect to server (12s): water power gas telecom bridge +1 "));
	assert_non_null(strstr(line, "08:00:00"));
	free(line);
	store_destroy(st);
}

/* 10,000 sources failing alike: the mark and reason first, then as many
 * names as fit, and the count of the rest; the counts add up. It read
 * "s0 s1 … s28 …", with neither mark nor reason. */
static void test_ten_thousand_alike(void **state)
{
	(void)state;
	store_t *st = store_create();
	for (int i = 0; i < 10000; i++) {
		char name[16];
		snprintf(name, sizeof name, "s%d", i);
		add_failing(st, name, "Couldn't connect to server", 0);
	}
	char *line = status_line(st, 80, false);
	const char *head = " ✖ Couldn't connect to server (no data): s0 s1 s2 ";
	assert_memory_equal(line, head, strlen(head));
	const char *plus = strchr(line, '+');
	assert_non_null(plus);
	int names = 0, rest = atoi(plus + 1);
	for (const char *p = strstr(line, ": ") + 2; p < plus; p = strchr(p, ' ') + 1)
		names++;
	assert_int_equal(names + rest, 10000);
	free(line);
	store_destroy(st);
}

/* 10,000 sources each failing for its own reason: the first group shows,
 * the others are counted. */
static void test_ten_thousand_reasons(void **state)
{
	(void)state;
	store_t *st = store_create();
	for (int i = 0; i < 10000; i++) {
		char name[16], reason[32];
		snprintf(name, sizeof name, "s%d", i);
		snprintf(reason, sizeof reason, "HTTP status %d", 1000 + i);
		add_failing(st, name, reason, 0);
	}
	char *line = status_line(st, 80, false);
	assert_non_null(strstr(line, " ✖ HTTP status 1000 (no data): s0  "));
	assert_non_null(strstr(line, "+9999 failing"));
	free(line);
	store_destroy(st);
}

/* A name is shown whole or counted, never half (it was cut at 256 bytes
 * and left half-written). */
static void test_long_name_whole_or_counted(void **state)
{
	(void)state;
	char a[201], b[101];
	memset(a, 'a', 200);
	a[200] = '\0';
	memset(b, 'b', 100);
	b[100] = '\0';
	store_t *st = store_create();
	add_failing(st, a, "HTTP status 500", 0);
	add_failing(st, b, "HTTP status 500", 0);
	char *line = status_line(st, 400, false);
	assert_non_null(strstr(line, a)); /* room for both */
	assert_non_null(strstr(line, b));
	free(line);
	line = status_line(st, 280, false);
	assert_int_equal(count_char(line, 'b'), 0); /* no room for b: counted */
	assert_non_null(strstr(line, " +1 "));
	assert_non_null(strstr(line, "✖ HTTP status 500 (no data): aaaa"));
	free(line);
	store_destroy(st);
}

/* Failures and sources that are fine: each group and the rest are said,
 * at the least as counts. */
static void test_groups_and_others(void **state)
{
	(void)state;
	store_t *st = store_create();
	add_failing(st, "water", "HTTP status 404", NOW - 5000);
	add_failing(st, "power", "Couldn't connect to server", 0);
	add_failing(st, "gas", "HTTP status 404", NOW - 9000);
	for (int i = 0; i < 20; i++) {
		char name[16];
		snprintf(name, sizeof name, "ok%d", i);
		int s = store_add_source(st, name, "http://127.0.0.1/", 1000, 3000);
		store_begin_poll(st, s, NOW);
		store_end_poll(st, s, &(poll_report_t){0}, NOW);
	}
	char *line = status_line(st, 80, false);
	/* in the order of their first source; the age is the oldest data's */
	assert_non_null(strstr(line, " ✖ HTTP status 404 (9s): water gas  +1 failing  ok0"));
	assert_non_null(strstr(line, " +18 ok "));
	free(line);
	line = status_line(st, 120, false);
	assert_non_null(strstr(line, " ✖ HTTP status 404 (9s): water gas  ✖ Couldn't connect to "
	                             "server (no data): power  ok0"));
	free(line);
	store_destroy(st);
}

/* LANG=C: the marks are ASCII and a CJK name is spelled by code point,
 * never as '?'. */
static void test_ascii_names(void **state)
{
	(void)state;
	store_t *st = store_create();
	add_failing(st, "电力", "Couldn't connect to server", 0);
	int s = store_add_source(st, "燃气", "http://127.0.0.1/", 1000, 3000);
	store_begin_poll(st, s, NOW);
	store_end_poll(st, s, &(poll_report_t){0}, NOW);
	char *line = status_line(st, 80, true);
	assert_non_null(
	    strstr(line, " ! Couldn't connect to server (no data): U+7535U+529B  U+71C3U+6C14"));
	assert_null(strchr(line, '?'));
	free(line);
	store_destroy(st);
}

/* The status line with alarm management's notes, at 120 columns. */
static char *notes_line_at(const store_t *st, const alarm_status_t *as, const nav_t *nav,
                           int64_t now, int cols)
{
	vscreen_t *vs = vscreen_open("xterm-256color", 1, cols, false);
	assert_non_null(vs);
	ui_ctx_t ctx = {.store = st, .now_ms = now, .clock_ms = now, .alarm_status = as};
	statusbar_draw_nav(vs->win, &ctx, nav);
	char *text = snapshot_text(vs->win, false);
	vscreen_close(vs);
	*strchr(text, '\n') = '\0';
	if (getenv("STATUS_DEBUG"))
		fprintf(stderr, "[%s]\n", text);
	return text;
}

static char *notes_line(const store_t *st, const alarm_status_t *as, const nav_t *nav, int64_t now)
{
	return notes_line_at(st, as, nav, now, 120);
}

/* Every source fine, too many to list beside an action's outcome: the
 * phrase that says so gets shorter (no age, then "8/8 ok") rather than cut
 * mid-phrase. At 80 columns it read "✔ all 8 sources ok, data at >  0s old". */
static void test_all_ok_shortens_whole(void **state)
{
	(void)state;
	store_t *st = store_create();
	const char *names[] = {"water", "power", "gas", "telecom", "bridge", "tunnel", "kpis",
	                       "events"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		int s = store_add_source(st, names[i], "http://127.0.0.1:1/", 1000, 3000);
		store_begin_poll(st, s, NOW);
		store_end_poll(st, s, &(poll_report_t){0}, NOW);
	}
	alarm_status_t as = {.journal_path = "j"};
	nav_t nav = {0};
	char *line = notes_line_at(st, &as, &nav, NOW, 80); /* room: the whole phrase */
	assert_non_null(strstr(line, "✔ all 8 sources ok, data at most 0s old "));
	free(line);
	snprintf(nav.message, sizeof nav.message, "%s", "Acknowledged power.dadukou.yuejincun.b");
	nav.message_ms = NOW;
	line = notes_line_at(st, &as, &nav, NOW, 80);
	assert_non_null(strstr(line, "  ✔ all 8 sources ok  "));
	assert_null(strstr(line, "data at"));
	free(line);
	line = notes_line_at(st, &as, &nav, NOW, 44);
	assert_non_null(strstr(line, "  ✔ 8/8 ok  "));
	assert_null(strstr(line, "sources"));
	free(line);
	store_destroy(st);
}

/* The outcome of an action shows for STATUS_MESSAGE_MS, then the line is
 * the sources' again; the error role for a failure. */
static void test_message_for_a_while(void **state)
{
	(void)state;
	store_t *st = store_create();
	add_failing(st, "water", "Couldn't connect to server", NOW - 12000);
	alarm_status_t as = {.journal_path = "j"};
	nav_t nav = {0};
	snprintf(nav.message, sizeof nav.message, "%s", "Acknowledged water.jb.p1");
	nav.message_ms = NOW;
	char *line = notes_line(st, &as, &nav, NOW + 7999);
	assert_non_null(strstr(line, " Acknowledged water.jb.p1  ✖ Couldn't connect"));
	free(line);
	line = notes_line(st, &as, &nav, NOW + STATUS_MESSAGE_MS);
	assert_null(strstr(line, "Acknowledged"));
	assert_non_null(strstr(line, "✖ Couldn't connect"));
	free(line);
	status_note_t notes[STATUS_NOTES_MAX];
	nav.message_error = true;
	ui_ctx_t ctx = {.store = st, .now_ms = NOW, .alarm_status = &as};
	assert_int_equal(status_notes(&ctx, &nav, notes), 1);
	assert_int_equal(notes[0].role, ROLE_STATUS_FAIL);
	nav.message_error = false;
	status_notes(&ctx, &nav, notes);
	assert_int_equal(notes[0].role, ROLE_STATUS_OK);
	store_destroy(st);
}

/* Alertmanager unreachable and a journal that cannot be used: said for
 * as long as they last, before the sources. */
static void test_alertmanager_and_journal(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "water", "http://127.0.0.1:1/", 1000, 3000);
	store_begin_poll(st, s, NOW);
	store_end_poll(st, s, &(poll_report_t){0}, NOW);
	alarm_status_t as = {.journal_path = "j", .am_configured = true};
	/* Before the first exchange: connecting, not a failure. */
	char *line = notes_line(st, &as, NULL, NOW);
	assert_non_null(strstr(line, " Alertmanager: connecting  water ✔"));
	free(line);
	snprintf(as.am_error, sizeof as.am_error, "%s", "Connection refused");
	line = notes_line(st, &as, NULL, NOW);
	assert_non_null(strstr(line, " Alertmanager: unreachable (Connection refused)  water ✔"));
	free(line);
	as.am_reachable = true;
	as.journal_path = NULL;
	snprintf(as.journal_error, sizeof as.journal_error, "%s", "/x/j.jsonl: Permission denied");
	line = notes_line(st, &as, NULL, NOW);
	assert_non_null(strstr(line, " Journal: unusable  water ✔"));
	assert_null(strstr(line, "Alertmanager"));
	free(line);
	as.journal_error[0] = '\0';
	as.journal_path = "j";
	line = notes_line(st, &as, NULL, NOW);
	assert_true(strncmp(line, " water ✔", 9) == 0); /* all well: nothing said */
	free(line);
	store_destroy(st);
}

/* A source whose server is not verified: said always, before the sources
 * (and before the journal's and Alertmanager's notes), by name, or counted
 * when there are several; at 80 columns a failure still shows beside it. */
static void test_tls_unverified(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "water", "http://127.0.0.1:1/", 1000, 3000);
	store_begin_poll(st, s, NOW);
	store_end_poll(st, s, &(poll_report_t){0}, NOW);
	char *line = status_line(st, 80, false);
	assert_null(strstr(line, "TLS"));
	free(line);
	store_source_set_tls_unverified(st, s, true);
	line = status_line(st, 80, false);
	assert_non_null(strstr(line, " TLS verification off: water  water ✔"));
	free(line);
	alarm_status_t as = {.journal_path = NULL, .am_configured = true};
	snprintf(as.journal_error, sizeof as.journal_error, "%s", "/x/j.jsonl: Permission denied");
	line = notes_line(st, &as, NULL, NOW);
	assert_ptr_equal(strstr(line, " TLS verification off: water  Journal: unusable  "), line);
	free(line);
	add_failing(st, "power", "Couldn't connect to server", NOW - 12000);
	int gas = store_add_source(st, "gas", "https://127.0.0.1:1/", 1000, 3000);
	store_source_set_tls_unverified(st, gas, true);
	line = status_line(st, 80, false);
	assert_non_null(strstr(line, " TLS verification off: 2 sources  ✖ Couldn't connect"));
	assert_non_null(strstr(line, "power"));
	free(line);
	store_source_set_tls_unverified(st, s, false);
	store_source_set_tls_unverified(st, gas, false);
	line = status_line(st, 80, false);
	assert_null(strstr(line, "TLS"));
	free(line);
	store_destroy(st);
}

int main(void)
{
	setenv("TZ", "UTC", 1); /* the clock on the status bar */
	tzset();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_demo_reason_at_80),
	    cmocka_unit_test(test_ten_thousand_alike),
	    cmocka_unit_test(test_ten_thousand_reasons),
	    cmocka_unit_test(test_long_name_whole_or_counted),
	    cmocka_unit_test(test_groups_and_others),
	    cmocka_unit_test(test_ascii_names),
	    cmocka_unit_test(test_message_for_a_while),
	    cmocka_unit_test(test_all_ok_shortens_whole),
	    cmocka_unit_test(test_alertmanager_and_journal),
	    cmocka_unit_test(test_tls_unverified),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

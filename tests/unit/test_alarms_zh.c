/* The alarms pages in Chinese (zh_CN from the build's catalogue): the alarm
 * row's columns come from the widths of the words drawn — the state, the
 * priority and the level — so rows line up and nothing is cut or pushed
 * out at 80 columns, with the widest state word ("恢复未确认") too; the
 * alarm history lines up its states the same way; the sources page its
 * counts after the widest state. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alarm_rig.h"
#include "alarm_scene.h"
#include "alarm_row.h"
#include "frame.h"
#include "lang_frame.h"
#include "test_lang.h"
#include "text.h"
#include "vscreen.h"

#define T0 ALARM_SCENE_T0

/* The line of text holding `what` (into buf), or fails. */
static const char *line_with(const char *text, const char *what, char *buf, size_t size)
{
	const char *at = strstr(text, what);
	if (!at)
		fail_msg("no \"%s\" in\n%s", what, text);
	const char *start = at;
	while (start > text && start[-1] != '\n')
		start--;
	const char *end = strchr(at, '\n');
	snprintf(buf, size, "%.*s", (int)(end ? end - start : (long)strlen(start)), start);
	return buf;
}

/* The screen column where `what` starts in `line`, -1 if it is not there. */
static int col_of(const char *line, const char *what)
{
	const char *at = strstr(line, what);
	if (!at)
		return -1;
	char head[1024];
	snprintf(head, sizeof head, "%.*s", (int)(at - line), line);
	return text_width(head);
}

/* The row of alarm `id`: at `col` its level word `level`, the right border
 * in the last column, nothing past it. */
static void assert_row(const char *text, const char *id, const char *level, int col, int cols)
{
	char line[1024];
	line_with(text, id, line, sizeof line);
	if (col_of(line, level) != col)
		fail_msg("%s: \"%s\" at column %d, not %d:\n%s", id, level, col_of(line, level),
		         col, line);
	if (text_width(line) != cols || col_of(line, "\xe2\x94\x82" /* │ */) != 0 ||
	    strcmp(line + strlen(line) - 3, "\xe2\x94\x82") != 0)
		fail_msg("%s: the row is not %d columns between borders:\n%s", id, cols, line);
}

/* 80 columns: every state word whole (the returned one is the widest), the
 * priority and level columns after the widest state, in line on every row. */
static void test_active_80x24_lines_up(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = {.page = PAGE_ALARMS};
	char *text = lang_frame_text("zh_CN", &s.ctx, &nav, 80, 24);
	assert_non_null(strstr(text, "[活动 5]"));
	assert_non_null(strstr(text, "▲ 未确认     高 高高限"));
	assert_non_null(strstr(text, "↺ 恢复未确认 高 高高限"));
	assert_non_null(strstr(text, "✔ 已确认     中 高限"));
	/* "│ ▲ 未确认     高 ...": the state column is "↺ 恢复未确认" wide. */
	int prio = 2 + text_width("↺ 恢复未确认") + 1;
	assert_row(text, "w.hihi ", "高 高高限", prio, 80);
	assert_row(text, "w.back ", "高 高高限", prio, 80);
	assert_row(text, "w.lo ", "中 低限", prio, 80);
	assert_row(text, "w.hi ", "中 高限", prio, 80);
	assert_row(text, "source:remote", "高 通信", prio, 80);
	/* The values stay whole beside their names. */
	assert_non_null(strstr(text, "95.00"));
	assert_non_null(strstr(text, "+1 已抑制"));
	free(text);
	scene_close(&s);
}

/* A list without the widest state: its state column is as wide as its own. */
static void test_shelved_tab_state_column_own_width(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = {.page = PAGE_ALARMS};
	nav_key(ACT_RIGHT, &s.ctx, &nav);
	char *text = lang_frame_text("zh_CN", &s.ctx, &nav, 80, 24);
	assert_non_null(strstr(text, "[已搁置 1]"));
	assert_row(text, "w.shelf", "高 高高限", 2 + text_width("⏸ 已搁置") + 1, 80);
	free(text);
	/* The alarm under the communications alarm: its doubt in Chinese brackets. */
	nav_key(ACT_RIGHT, &s.ctx, &nav);
	text = lang_frame_text("zh_CN", &s.ctx, &nav, 80, 24);
	assert_non_null(strstr(text, "（过时）r.level"));
	free(text);
	nav_key(ACT_LEFT, &s.ctx, &nav);
	/* 160 columns: the priority in words, who shelved it and why. */
	text = lang_frame_text("zh_CN", &s.ctx, &nav, 160, 48);
	assert_row(text, "w.shelf", "高优先级 高高限", 2 + text_width("⏸ 已搁置") + 1, 160);
	assert_non_null(strstr(text, "ana@wall 搁置至 10:00:00：泵房检修"));
	free(text);
	scene_close(&s);
}

/* The column plan at 80 columns in Chinese with the widest state shown:
 * everything within the row, the name keeps its minimum, the place goes
 * first when the name would not. */
static void test_cols_fit_80_with_widest_state(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 24, 80, false);
	assert_non_null(vs);
	test_lang_use("zh_CN");
	int widest = alarm_row_state_cols();
	assert_int_equal(widest, text_width("↺ 恢复未确认"));
	assert_int_equal(alarm_row_priority_cols(true), 2);  /* 高, 中 */
	assert_int_equal(alarm_row_priority_cols(false), 8); /* 高优先级 */
	assert_int_equal(alarm_row_level_cols(), 6);         /* 高高限 */
	for (int value = 5; value <= 13; value += 4) {
		alarm_row_need_t need = {.name = 30, .value = value, .state = widest};
		alarm_row_cols_t c = alarm_row_cols_fit(76, &need);
		assert_int_equal(c.tag, widest);
		assert_int_equal(c.prio, 2 + 1 + 6);
		int used = c.tag + 1 + c.prio + 1 + c.time + 1 + (c.place ? c.place + 1 : 0) +
		           c.name + 1 + c.value;
		if (used > 76 || c.name < 12)
			fail_msg("value %d: %d columns used, name %d", value, used, c.name);
	}
	test_lang_use("en");
	assert_int_equal(alarm_row_state_cols(), 7); /* "▲ UNACK" */
	assert_int_equal(alarm_row_priority_cols(false) + 1 + alarm_row_level_cols(), 9);
	vscreen_close(vs);
}

/* From 100 columns the priority is a word ("高优先级"), unless the names
 * shown would be cut: then "高", which frees six columns for them. English
 * keeps "HIGH" (P1 would free two). */
static void test_priority_word_gives_way(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 24, 80, false);
	assert_non_null(vs);
	test_lang_use("zh_CN");
	alarm_row_need_t short_names = {.name = 20, .value = 9, .state = 8};
	alarm_row_cols_t c = alarm_row_cols_fit(116, &short_names);
	assert_false(c.prio_narrow);
	assert_int_equal(c.prio, 8 + 1 + 6);
	assert_int_equal(c.name, 20);
	alarm_row_need_t long_names = {.name = 40, .value = 9, .state = 8};
	c = alarm_row_cols_fit(116, &long_names);
	assert_true(c.prio_narrow);
	assert_int_equal(c.prio, 2 + 1 + 6);
	test_lang_use("en");
	c = alarm_row_cols_fit(116, &long_names);
	assert_false(c.prio_narrow);
	assert_int_equal(c.prio, 9);
	vscreen_close(vs);
}

/* The alarm history: from → to in columns as wide as the widest state shown,
 * the arrows and the priority and level words in line on every row; at 80
 * columns the priority as "高" (the word would leave the id too little). */
static void test_history_lines_up(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = {.page = PAGE_ALARM_LOG};
	int st = text_width("↺ 恢复未确认"), arrow = 2 + 8 + 1 + st + 1;
	char *text = lang_frame_text("zh_CN", &s.ctx, &nav, 80, 24);
	assert_non_null(strstr(text, "▲ 未确认     → ↺ 恢复未确认 高        w.back"));
	char line[1024];
	int rows = 0;
	for (const char *p = text; *p; p += strlen(line) + (p[strlen(line)] == '\n')) {
		snprintf(line, sizeof line, "%.*s", (int)strcspn(p, "\n"), p);
		if (!strstr(line, "→"))
			continue;
		rows++;
		if (col_of(line, "→") != arrow || text_width(line) != 80)
			fail_msg("not in line (→ at %d):\n%s", arrow, line);
	}
	assert_true(rows >= 8);
	assert_row(text, "w.hi ", "中 高限", arrow + 2 + st + 1, 80);
	free(text);
	text = lang_frame_text("zh_CN", &s.ctx, &nav, 160, 48);
	assert_non_null(strstr(text, "▲ 未确认     → ✔ 已确认     中优先级 高限   w.hi"));
	free(text);
	scene_close(&s);
}

/* The sources page: the counts after the widest state a source can be in,
 * as Chinese says it ("✖ 失败，最近数据：从未收到"), in one column. */
static void test_sources_counts_line_up(void **state)
{
	(void)state;
	scene_t s;
	memset(&s, 0, sizeof s);
	rig_open(&s.rig);
	view_init(&s.view);
	int down = store_add_source(s.rig.st, "down", "http://127.0.0.1:1/", 1000, 3000);
	rig_poll(&s.rig, 0, alarm_scene_base, ALARM_SCENE_BASE_COUNT, T0);
	store_poll_failed(s.rig.st, down, "connection refused", T0);
	scene_eval(&s, T0 + 1000);
	nav_t nav = {.page = PAGE_SOURCES};
	char *text = lang_frame_text("zh_CN", &s.ctx, &nav, 80, 24);
	char ok[1024], failing[1024];
	line_with(text, "✔ 正常，数据 1s 前", ok, sizeof ok);
	line_with(text, "✖ 失败，最近数据：从未收到", failing, sizeof failing);
	int counts = 2 + 16 + 1 + text_width("✖ 失败，最近数据：从未收到") + 2;
	assert_int_equal(col_of(ok, "成功 1，失败 0"), counts);
	assert_int_equal(col_of(failing, "成功 0，失败 1"), counts);
	assert_int_equal(text_width(ok), 80);
	assert_int_equal(text_width(failing), 80);
	free(text);
	scene_close(&s);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_active_80x24_lines_up),
	    cmocka_unit_test(test_shelved_tab_state_column_own_width),
	    cmocka_unit_test(test_cols_fit_80_with_widest_state),
	    cmocka_unit_test(test_priority_word_gives_way),
	    cmocka_unit_test(test_history_lines_up),
	    cmocka_unit_test(test_sources_counts_line_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

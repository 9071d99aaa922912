/* A KPI's page in Chinese (zh_CN from the build's catalogue), from the
 * seeded demo city: the labels' column as wide as the widest label drawn in
 * Chinese (not the English "Attainment"), the values in one column after
 * it; the target and its direction, and the indices, with Chinese
 * separators; the board's columns of numbers under their headings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "city_fixture.h"
#include "frame.h"
#include "lang_frame.h"
#include "kpi_row.h"
#include "test_lang.h"
#include "text.h"

static city_fixture_t fx;

static int open_city(void **state)
{
	(void)state;
	return city_fixture_open(&fx, CITY_SCALE_DEMO, 7, 0, NULL);
}

static int close_city(void **state)
{
	(void)state;
	city_fixture_close(&fx);
	return 0;
}

/* The frame in Chinese at cols x rows, as text (the caller frees). */
static char *zh_screen(nav_t *nav, int cols, int rows)
{
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	return lang_frame_text("zh_CN", &ctx, nav, cols, rows);
}

/* The screen column of what follows `label` and its spaces on the line
 * that starts (after two spaces) with `label`; -1 if there is none. */
static int value_col(const char *text, const char *label)
{
	char start[64];
	snprintf(start, sizeof start, "\n  %s ", label);
	const char *at = strstr(text, start);
	if (!at)
		return -1;
	at += 1;
	size_t gap = 2 + strlen(label);
	gap += strspn(at + gap, " ");
	char head[256];
	snprintf(head, sizeof head, "%.*s", (int)gap, at);
	return text_width(head);
}

static void test_facts_line_up_after_widest_label(void **state)
{
	(void)state;
	const kpi_t *k = NULL;
	for (size_t i = 0; i < fx.gov.kpi_count && !k; i++) {
		const kpi_t *c = gov_kpi(fx.store, fx.gov.kpis[i]);
		if (c && c->has_target && c->index_count >= 2)
			k = c;
	}
	assert_non_null(k);
	nav_t nav = {.page = PAGE_KPIS};
	for (size_t i = 0; i < fx.gov.kpi_count; i++)
		if (gov_kpi(fx.store, fx.gov.kpis[i]) == k)
			nav_open_kpi(&nav, fx.gov.kpis[i]);
	assert_int_equal(nav.page, PAGE_KPI);
	char *text = zh_screen(&nav, 80, 24);
	/* The widest label drawn is the bullet's "对比目标": 8 columns, and 2. */
	int col = 2 + text_width("对比目标") + 2;
	static const char *const labels[] = {"数值", "目标", "距目标", "达成率", "类别",
	                                     "地点", "周期", "指数",   "数据源", "对比目标"};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (value_col(text, labels[i]) != col)
			fail_msg("%s: its value at column %d, not %d", labels[i],
			         value_col(text, labels[i]), col);
	/* "9.00 min，越低越好"; "运维 Operation ×0.8、健康 Health ×0.8". */
	char line[512];
	const char *at = strstr(text, "\n  目标 ");
	assert_non_null(at);
	snprintf(line, sizeof line, "%.*s", (int)strcspn(at + 1, "\n"), at + 1);
	assert_true(strstr(line, "，越低越好") || strstr(line, "，越高越好"));
	at = strstr(text, "\n  指数 ");
	assert_non_null(at);
	snprintf(line, sizeof line, "%.*s", (int)strcspn(at + 1, "\n"), at + 1);
	assert_non_null(strstr(line, "、"));
	assert_null(strstr(line, ", "));
	free(text);
}

/* The line holding `what` (into buf), or fails. */
static const char *line_with(const char *text, const char *what, char *buf, size_t size)
{
	const char *at = strstr(text, what);
	if (!at)
		fail_msg("no \"%s\" in\n%s", what, text);
	const char *start = at;
	while (start > text && start[-1] != '\n')
		start--;
	snprintf(buf, size, "%.*s", (int)strcspn(start, "\n"), start);
	return buf;
}

/* The screen column just after `what` in `line`. */
static int end_col(const char *line, const char *what)
{
	const char *at = strstr(line, what);
	assert_non_null(at);
	char head[1024];
	snprintf(head, sizeof head, "%.*s", (int)(at - line), line);
	return text_width(head) + text_width(what);
}

/* The board's numbers under their headings: the distance column as wide as
 * its numbers ("+1234.5"), its heading "差距" being narrower (the English
 * "distance" is wider: 8). */
static void test_board_numbers_under_headings(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_KPIS};
	char *text = zh_screen(&nav, 120, 40);
	char head[1024], row[1024];
	line_with(text, "数值/目标", head, sizeof head);
	int value_end = end_col(head, "数值/目标"), dist_end = end_col(head, "差距");
	assert_int_equal(dist_end - value_end, 1 + 7);
	const kpi_t *k = gov_kpi(fx.store, fx.gov.kpis[0]);
	assert_non_null(k);
	char value[128], dist[64];
	kpi_row_value_target(k, value, sizeof value);
	kpi_row_distance(k, dist, sizeof dist);
	line_with(text, kpi_row_label(k), row, sizeof row);
	assert_int_equal(end_col(row, value), value_end);
	assert_int_equal(end_col(row, dist), dist_end);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_facts_line_up_after_widest_label),
	    cmocka_unit_test(test_board_numbers_under_headings),
	};
	return cmocka_run_group_tests(tests, open_city, close_city);
}

/* The frame's layout in Chinese (zh_CN, from the build tree's catalogue)
 * over the seeded mock city: what is measured in display columns from the
 * translated text actually drawn. The key bar fits 80 columns and keeps its
 * most important keys; the reading rows' columns are as wide as their
 * translated titles and show the state in words; the reading page's facts
 * line up on the widest translated label, its alarm history's arrows in one
 * column; the title keeps the alarm counts and what is missing whole when
 * the scope is long; the tiers' count columns come from their titles. */
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
#include "glyphs.h"
#include "keybar.h"
#include "snapshot.h"
#include "test_lang.h"
#include "text.h"
#include "vscreen.h"

#define SEED      7
#define HISTORY_S 600

static city_fixture_t fx;

static int setup(void **state)
{
	(void)state;
	setenv("TZ", "Asia/Shanghai", 1); /* the city's clock */
	return city_fixture_open(&fx, CITY_SCALE_DEMO, SEED, HISTORY_S, NULL) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	city_fixture_close(&fx);
	return 0;
}

/* The whole frame in zh_CN at cols x rows, as text (the caller frees). */
static char *zh_frame(nav_t *nav, int cols, int rows)
{
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	return lang_frame_text("zh_CN", &ctx, nav, cols, rows);
}

/* Line `n` (0-based) of a frame's text (the caller frees). */
static char *line_of(const char *text, int n)
{
	const char *p = text;
	for (int i = 0; i < n && p; i++) {
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	assert_non_null(p);
	const char *end = strchr(p, '\n');
	size_t len = end ? (size_t)(end - p) : strlen(p);
	char *line = malloc(len + 1);
	assert_non_null(line);
	memcpy(line, p, len);
	line[len] = '\0';
	return line;
}

/* The first line holding `needle` (the caller frees), or NULL. */
static char *line_with(const char *text, const char *needle)
{
	for (int i = 0;; i++) {
		const char *p = text;
		for (int k = 0; k < i && p; k++) {
			p = strchr(p, '\n');
			p = p ? p + 1 : NULL;
		}
		if (!p || !*p)
			return NULL;
		char *line = line_of(text, i);
		if (strstr(line, needle))
			return line;
		free(line);
	}
}

/* The display column where `needle` starts in `line` (-1: absent). */
static int column_of(const char *line, const char *needle)
{
	const char *at = strstr(line, needle);
	if (!at)
		return -1;
	char *head = strndup(line, (size_t)(at - line));
	assert_non_null(head);
	int w = text_width(head);
	free(head);
	return w;
}

/* ---- the key bar ---- */

/* The key bar of `page` alone, drawn in zh_CN in `cols` columns. */
static char *zh_keybar(page_id_t page, int cols)
{
	vscreen_t *vs = vscreen_open("xterm-256color", 1, cols, false);
	assert_non_null(vs);
	test_lang_use("zh_CN");
	WINDOW *win = newwin(1, cols, 0, 0);
	assert_non_null(win);
	nav_t nav = {.page = page};
	keybar_draw(win, &nav);
	char *text = snapshot_text(win, false);
	delwin(win);
	vscreen_close(vs);
	test_lang_use("en");
	assert_non_null(text);
	return text;
}

static void test_keybar_fits_80_and_keeps_help(void **state)
{
	(void)state;
	static const page_id_t pages[] = {PAGE_OVERVIEW, PAGE_DOMAIN, PAGE_KPIS, PAGE_EVENTS,
	                                  PAGE_TIERS,    PAGE_SOURCES, PAGE_ALARM_LOG, PAGE_ALARMS,
	                                  PAGE_READING,  PAGE_SCOPE,  PAGE_WALL};
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		char *bar = zh_keybar(pages[i], 80);
		char *line = line_of(bar, 0);
		assert_true(text_width(line) <= 80);
		/* Help first, whole, in Chinese; no label cut short. */
		assert_int_equal(column_of(line, "? 帮助"), 0);
		assert_null(strstr(line, "…"));
		free(line);
		free(bar);
	}
	/* The overview keeps what an operator needs most, in its order. */
	char *bar = zh_keybar(PAGE_OVERVIEW, 80);
	char *line = line_of(bar, 0);
	const char *const first[] = {"? 帮助", "Enter 打开", "Tab 板块", "/ 筛选", "5 告警"};
	int last = -1;
	for (size_t i = 0; i < sizeof first / sizeof first[0]; i++) {
		int at = column_of(line, first[i]);
		assert_true(at > last);
		last = at;
	}
	free(line);
	free(bar);
}

/* ---- the reading rows (domain page) ---- */

/* The domain with the most readings not ok (an alarm, a warning...). */
static domain_t busiest_domain(void)
{
	domain_t best = DOMAIN_WATER;
	unsigned most = 0;
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		const domain_view_t *dv = &fx.view.domains[d];
		unsigned not_ok = dv->total - dv->ok;
		if (not_ok > most) {
			most = not_ok;
			best = (domain_t)d;
		}
	}
	return best;
}

static void test_reading_columns_from_translated_titles(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_DOMAIN, .domain = busiest_domain()};
	char *text = zh_frame(&nav, 200, 60);
	char *head = line_with(text, "状态");
	assert_non_null(head);
	/* Every title whole: a column is never narrower than its title. */
	static const char *const titles[] = {"状态", "仪表", "低/高限", "低低/高高限", "最小/最大",
	                                     "数据源"};
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
		assert_true(column_of(head, titles[i]) >= 0);
	assert_null(strstr(head, "…"));
	/* The state is a word in Chinese, never the English one, in the
	 * state column (under its title). */
	int state_col = column_of(head, "状态");
	static const char *const words[] = {"告警", "预警", "故障", "限值错", "过时", "无值", "存疑"};
	int rows = 0, worded = 0;
	for (int i = 0; i < 60; i++) {
		char *line = line_of(text, i);
		if (strncmp(line, "│", strlen("│")) == 0 && strstr(line, "  ") && i > 3 &&
		    text_width(line) == 200) {
			static const char *const english[] = {"ALARM", "WARN", "BAD",  "NOLIM",
			                                      "STALE", "NULL", "DOUBT"};
			for (size_t k = 0; k < sizeof english / sizeof english[0]; k++)
				assert_null(strstr(line, english[k]));
			for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
				worded += column_of(line, words[k]) == state_col;
			rows++;
		}
		free(line);
	}
	assert_true(rows > 10);
	assert_true(worded > 0);
	free(head);
	free(text);
}

/* ---- the reading page ---- */

static void test_reading_facts_line_up_on_translated_labels(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_OVERVIEW};
	nav_open_reading(&nav, fx.store, city_fixture_busiest_reading(&fx));
	char *text = zh_frame(&nav, 80, 24);
	/* The widest label is 数据源 (6 columns): its value two columns after
	 * it, and every fact's value in that column. */
	char *src = line_with(text, "数据源");
	char *quality = line_with(text, "质量");
	assert_non_null(src);
	assert_non_null(quality);
	int label = column_of(src, "数据源");
	int value = column_of(src, "数据源") + 6 + 2;
	assert_int_equal(column_of(quality, "质量"), label);
	/* the quality in words, where the value column starts */
	assert_true(column_of(quality, "良好") == value || column_of(quality, "存疑") == value ||
	            column_of(quality, "坏值") == value);
	free(src);
	free(quality);
	/* The alarm history: every arrow in one column. */
	int arrow = -1, rows = 0;
	for (int i = 0; i < 24; i++) {
		char *line = line_of(text, i);
		int at = column_of(line, "→");
		if (at >= 0 && strstr(line, ":")) {
			if (arrow < 0)
				arrow = at;
			assert_int_equal(at, arrow);
			rows++;
		}
		free(line);
	}
	assert_true(rows >= 2);
	free(text);
}

/* ---- the title ---- */

static void test_title_keeps_counts_and_gaps_whole(void **state)
{
	(void)state;
	/* A street's scope, a source failing: at 80 columns the left part
	 * gives way, the counts and what is missing stay whole. */
	const reading_t *r = NULL; /* the longest district and street */
	for (size_t i = 0; i < store_reading_count(fx.store); i++) {
		const reading_t *c = store_reading(fx.store, i);
		if (c && (!r || text_width(c->district) + text_width(c->street) >
		                    text_width(r->district) + text_width(r->street)))
			r = c;
	}
	assert_non_null(r);
	scope_t sc;
	scope_city(&sc);
	assert_int_equal(scope_down(&sc, r->district), 0);
	assert_int_equal(scope_down(&sc, r->street), 0);
	city_fixture_set_scope(&fx, &sc);
	store_poll_failed(fx.store, 0, "Couldn't connect to server", fx.now_ms);
	store_add_source(fx.store, "silent", "http://127.0.0.1:9/v1/feeds/gas", 1000, 3000);
	view_update(&fx.view, fx.store, fx.alarms, fx.now_ms);
	nav_t nav = {.page = PAGE_DOMAIN, .domain = DOMAIN_BRIDGE, .scope = sc};
	char *text = zh_frame(&nav, 80, 24);
	char *title = line_of(text, 0);
	assert_true(text_width(title) <= 80);
	assert_non_null(strstr(title, r->street)); /* where one is stays */
	assert_non_null(strstr(title, "告警：高"));
	/* the failing source and the one that never answered, whole, in a
	 * Chinese list (、, not the English comma) */
	assert_non_null(strstr(title, "1 异常、1 无应答"));
	assert_null(strstr(title, "…"));
	free(title);
	free(text);
	/* The fixture is left narrowed and failing: this test runs last. */
}

/* ---- the help page ---- */

static void test_help_key_column_aligns(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_HELP};
	char *text = zh_frame(&nav, 80, 24);
	/* Each key line's words start in one column, after the widest keys. */
	static const char *const words[] = {"退出", "帮助：", "总览：", "指标看板：", "移动",
	                                    "返回；"};
	int col = -1;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		char *line = line_with(text, words[i]);
		assert_non_null(line);
		int at = column_of(line, words[i]);
		if (col < 0)
			col = at;
		assert_int_equal(at, col);
		free(line);
	}
	char *keys = line_with(text, "PgUp PgDn");
	assert_non_null(keys);
	assert_true(column_of(keys, "翻一页") > column_of(keys, "End G"));
	free(keys);
	free(text);
}

/* ---- the tiers page ---- */

static void test_tiers_count_columns_from_titles(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_TIERS};
	char *text = zh_frame(&nav, 80, 24);
	char *head = line_with(text, "最差指标");
	assert_non_null(head);
	/* Each count column: its title and a space, at least six columns.
	 * From the alarms' right edge to the events': warnings 预警, stale
	 * 过时 ("stale" until translated) and events 事件, six each (the English
	 * widths were 6, 6 and 7). */
	int alarms = column_of(head, "告警"), events = column_of(head, "事件");
	assert_true(alarms > 0 && events > alarms);
	assert_int_equal(events - alarms, 6 + 6 + 6);
	free(head);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_keybar_fits_80_and_keeps_help),
	    cmocka_unit_test(test_reading_columns_from_translated_titles),
	    cmocka_unit_test(test_reading_facts_line_up_on_translated_labels),
	    cmocka_unit_test(test_tiers_count_columns_from_titles),
	    cmocka_unit_test(test_help_key_column_aligns),
	    cmocka_unit_test(test_title_keeps_counts_and_gaps_whole),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

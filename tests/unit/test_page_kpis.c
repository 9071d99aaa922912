/* The KPI board and a KPI's page: whole frames drawn from the seeded mock
 * city (tests/support/city_fixture.h) and compared with golden screens
 * (tests/golden/kpis_*.txt, kpi_*.txt; UPDATE_GOLDEN=1 rewrites), and the
 * board's navigation: fold and unfold, the selection kept by identity
 * across an update, Enter opening the KPI. */
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
#include "glyphs.h"
#include "kpi_board.h"
#include "kpi_index.h"
#include "snapshot.h"
#include "screen_text.h"
#include "vscreen.h"

#define SEED    7
#define HISTORY 40 /* s: 5 samples of the indices' trend; more is slow under valgrind */

/* The city fixture, opened once: the city scale costs a second or two. */
static city_fixture_t fx;

static int open_city(void **state)
{
	(void)state;
	return city_fixture_open(&fx, CITY_SCALE_CITY, SEED, HISTORY, NULL);
}

static int close_city(void **state)
{
	(void)state;
	city_fixture_close(&fx);
	return 0;
}

/* The frame at cols x rows, as text. Caller frees. */
static char *frame_text(int cols, int rows, nav_t *nav, bool ascii)
{
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	char *text = screen_text(&ctx, nav, cols, rows, ascii);
	assert_non_null(text);
	return text;
}

static void check(int cols, int rows, nav_t *nav, const char *golden, bool ascii)
{
	char *text = frame_text(cols, rows, nav, ascii);
	bool same = vscreen_golden(golden, text);
	free(text);
	assert_true(same);
}

/* The first KPI of the board that is off target, and one on target. */
static gov_ref_t first_kpi(kpi_status_t want)
{
	for (size_t i = 0; i < fx.gov.kpi_count; i++) {
		const kpi_t *k = gov_kpi(fx.store, fx.gov.kpis[i]);
		if (k && kpi_status(k) == want)
			return fx.gov.kpis[i];
	}
	fail_msg("no KPI with status %d", want);
	return (gov_ref_t){0};
}

static void test_board_80x24(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_KPIS};
	check(80, 24, &nav, "kpis_80x24", false);
}

static void test_board_160x48(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_KPIS};
	check(160, 48, &nav, "kpis_160x48", false);
}

static void test_board_ascii_80x24(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_KPIS};
	check(80, 24, &nav, "kpis_ascii_80x24", true);
}

/* Everything folded: a header per category, with its counts. */
static void test_board_folded_80x24(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_KPIS};
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	assert_true(nav_key(ACT_FOLD_ALL, &ctx, &nav));
	check(80, 24, &nav, "kpis_folded_80x24", false);
}

static void test_kpi_80x24(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_KPIS};
	nav_open_kpi(&nav, first_kpi(KPI_OFF_TARGET));
	check(80, 24, &nav, "kpi_80x24", false);
}

static void test_kpi_160x48(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_KPIS};
	nav_open_kpi(&nav, first_kpi(KPI_OFF_TARGET));
	check(160, 48, &nav, "kpi_160x48", false);
}

/* A KPI whose serial no longer matches says so, never shows another. */
static void test_kpi_gone(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_KPIS};
	gov_ref_t ref = first_kpi(KPI_ON_TARGET);
	ref.serial += 1u << 30; /* no KPI has it */
	nav_open_kpi(&nav, ref);
	char *text = frame_text(80, 24, &nav, false);
	assert_non_null(strstr(text, "KPI no longer reported"));
	free(text);
}

/* Down, fold, unfold, Enter: the board's keys. */
static void test_navigation(void **state)
{
	(void)state;
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	nav_t nav = {.page = PAGE_KPIS};
	char *text = frame_text(80, 24, &nav, false); /* draws: body_rows known */
	free(text);
	const gov_category_t *c0 = &fx.gov.categories[0];
	/* row 0 is the first category's header */
	assert_int_equal(nav.kpis.selected, 0);
	assert_int_equal(nav.kpis.serial, KPI_BOARD_HEADER | kpi_board_hash(c0->name));
	/* Down: its first KPI */
	assert_true(nav_key(ACT_DOWN, &ctx, &nav));
	const kpi_t *k = gov_kpi(fx.store, fx.gov.kpis[c0->first]);
	assert_int_equal(nav.kpis.serial, k->serial);
	/* Left folds the category and goes to its header; Down then is the
	 * next category's header */
	assert_true(nav_key(ACT_LEFT, &ctx, &nav));
	assert_true(kpi_board_folded(&nav, c0->name));
	assert_int_equal(nav.kpis.selected, 0);
	assert_true(nav_key(ACT_DOWN, &ctx, &nav));
	assert_int_equal(nav.kpis.serial,
	                 KPI_BOARD_HEADER | kpi_board_hash(fx.gov.categories[1].name));
	/* Up, Enter: unfolded again */
	assert_true(nav_key(ACT_UP, &ctx, &nav));
	assert_true(nav_key(ACT_OPEN, &ctx, &nav));
	assert_false(kpi_board_folded(&nav, c0->name));
	/* z folds all, z again unfolds all */
	assert_true(nav_key(ACT_FOLD_ALL, &ctx, &nav));
	for (size_t i = 0; i < fx.gov.category_count; i++)
		assert_true(kpi_board_folded(&nav, fx.gov.categories[i].name));
	assert_true(nav_key(ACT_FOLD_ALL, &ctx, &nav));
	assert_int_equal(nav.kpi_folded_count, 0);
	/* End, Home, PgDn */
	assert_true(nav_key(ACT_END, &ctx, &nav));
	assert_int_equal(nav.kpis.selected, (int)(fx.gov.category_count + fx.gov.kpi_count) - 1);
	assert_true(nav_key(ACT_HOME, &ctx, &nav));
	assert_int_equal(nav.kpis.selected, 0);
	assert_true(nav_key(ACT_PAGE_DOWN, &ctx, &nav));
	assert_int_equal(nav.kpis.selected, nav.body_rows - 1);
	/* Enter on a KPI opens its page, Esc comes back to the same row */
	assert_true(nav_key(ACT_HOME, &ctx, &nav));
	assert_true(nav_key(ACT_DOWN, &ctx, &nav));
	uint64_t serial = nav.kpis.serial;
	assert_true(nav_key(ACT_OPEN, &ctx, &nav));
	assert_int_equal(nav.page, PAGE_KPI);
	assert_int_equal(nav.kpi.serial, serial);
	assert_int_equal(nav.kpi.index, fx.gov.kpis[c0->first].index);
	text = frame_text(80, 24, &nav, false);
	assert_non_null(strstr(text, k->id));
	free(text);
	assert_true(nav_key(ACT_BACK, &ctx, &nav));
	assert_int_equal(nav.page, PAGE_KPIS);
	assert_int_equal(nav.kpis.serial, serial);
}

/* The selected KPI stays selected when the board above it changes: here a
 * category folded by another path (its rows vanish above the selection),
 * then an update of the views in another scope and back. */
static void test_selection_kept_by_serial(void **state)
{
	(void)state;
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	nav_t nav = {.page = PAGE_KPIS};
	const gov_category_t *c1 = &fx.gov.categories[1];
	const kpi_t *k = gov_kpi(fx.store, fx.gov.kpis[c1->first + 1]);
	uint64_t serial = k->serial;
	nav.kpis.serial = serial;
	nav.kpis.selected = 3; /* stale row: the serial wins */
	free(frame_text(80, 24, &nav, false));
	int row = (int)(1 + fx.gov.categories[0].count + 1 + 1);
	assert_int_equal(nav.kpis.selected, row);
	assert_int_equal(nav.kpis.serial, serial);
	/* the first category folded: the KPI moved up, still selected */
	kpi_board_set_folded(&nav, fx.gov.categories[0].name, true);
	free(frame_text(80, 24, &nav, false));
	assert_int_equal(nav.kpis.selected, 3);
	assert_int_equal(nav.kpis.serial, serial);
	/* an update: the views evaluated again (the board rebuilt) */
	city_fixture_set_scope(&fx, NULL);
	city_fixture_ctx(&fx, &ctx);
	assert_true(nav_key(ACT_DOWN, &ctx, &nav));
	assert_int_equal(nav.kpis.selected, 4);
	assert_true(nav_key(ACT_UP, &ctx, &nav));
	assert_int_equal(nav.kpis.serial, serial);
}

/* kpi_board_find: a KPI found again when rows came above it, the row
 * kept (clamped) when it went. */
static void test_board_find(void **state)
{
	(void)state;
	kpi_board_row_t before[] = {{.serial = KPI_BOARD_HEADER | 1}, {.serial = 5}, {.serial = 7}};
	kpi_board_row_t after[] = {
	    {.serial = KPI_BOARD_HEADER | 1}, {.serial = 3}, {.serial = 5}, {.serial = 7}};
	kpi_board_t b = {.rows = before, .count = 3};
	uint64_t serial = 7;
	assert_int_equal(kpi_board_find(&b, 2, &serial), 2);
	b = (kpi_board_t){.rows = after, .count = 4};
	assert_int_equal(kpi_board_find(&b, 2, &serial), 3);
	assert_int_equal(serial, 7);
	b = (kpi_board_t){.rows = before, .count = 2}; /* 7 gone: the nearest row */
	assert_int_equal(kpi_board_find(&b, 3, &serial), 1);
	assert_int_equal(serial, 5);
	b = (kpi_board_t){.rows = NULL, .count = 0};
	assert_int_equal(kpi_board_find(&b, 3, &serial), 0);
}

/* A district scope: only its KPIs; a scope with none says so. */
static void test_scope(void **state)
{
	(void)state;
	scope_t s;
	scope_city(&s);
	assert_int_equal(scope_down(&s, "江北区"), 0);
	city_fixture_set_scope(&fx, &s);
	for (size_t i = 0; i < fx.gov.kpi_count; i++) {
		const kpi_t *k = gov_kpi(fx.store, fx.gov.kpis[i]);
		assert_string_equal(k->district, "江北区");
	}
	nav_t nav = {.page = PAGE_KPIS};
	check(80, 24, &nav, "kpis_jiangbei_80x24", false);
	assert_int_equal(scope_parse(&s, "无此区", NULL), 0);
	city_fixture_set_scope(&fx, &s);
	char *text = frame_text(80, 24, &nav, false);
	assert_non_null(strstr(text, "No KPIs in scope 无此区"));
	free(text);
	city_fixture_set_scope(&fx, NULL);
}

/* The frame of a hand-made store with no KPI, at 80x24. Caller frees. */
static char *empty_board(store_t *st)
{
	alarm_engine_t *alarms = alarm_engine_create();
	view_t view;
	view_init(&view);
	view_update(&view, st, alarms, CITY_FIXTURE_NOW_MS);
	gov_view_t gv;
	gov_view_init(&gv);
	gov_view_update(&gv, st, &view, alarms, NULL, CITY_FIXTURE_NOW_MS, CITY_FIXTURE_NOW_MS);
	ui_ctx_t ctx = {.store = st,
	                .alarms = alarms,
	                .view = &view,
	                .gov = &gv,
	                .now_ms = CITY_FIXTURE_NOW_MS,
	                .clock_ms = CITY_FIXTURE_NOW_MS};
	vscreen_t *vs = vscreen_open("xterm-256color", 24, 80, false);
	assert_non_null(vs);
	frame_t f = {0};
	frame_layout(&f, 24, 80);
	nav_t nav = {.page = PAGE_KPIS};
	frame_draw(&f, &ctx, &nav);
	frame_stage(&f);
	char *text = snapshot_text(newscr, false);
	frame_free(&f);
	vscreen_close(vs);
	gov_view_free(&gv);
	view_free(&view);
	alarm_engine_destroy(alarms);
	return text;
}

/* An empty board says why: no KPI source, a KPI source never answered,
 * failing, or answering with none. */
static void test_empty_states(void **state)
{
	(void)state;
	store_t *st = store_create();
	store_add_source(st, "water", "http://127.0.0.1:8080/v1/feeds/water", 1000, 3000);
	char *text = empty_board(st);
	assert_non_null(strstr(text, "No KPIs: no source sends them"));
	free(text);
	int k = store_add_source(st, "kpis", "http://127.0.0.1:8080/v1/kpis", 5000, 15000);
	text = empty_board(st);
	assert_non_null(strstr(text, "No KPIs yet: waiting for the first answer of kpis."));
	free(text);
	store_poll_failed(st, k, "Couldn't connect to server", CITY_FIXTURE_NOW_MS);
	text = empty_board(st);
	assert_non_null(strstr(text, "No KPIs: source kpis failing: Couldn't connect to server"));
	free(text);
	store_begin_poll(st, k, CITY_FIXTURE_NOW_MS);
	store_end_poll(st, k, &(poll_report_t){0}, CITY_FIXTURE_NOW_MS);
	text = empty_board(st);
	assert_non_null(strstr(text, "No KPIs: source kpis answers but sends none."));
	free(text);
	store_destroy(st);
}

/* KPIs whose source now fails are shown, and the board says they are old.
 * Last: it leaves the fixture's KPI source failing. */
static void test_failing_source_note(void **state)
{
	(void)state;
	store_poll_failed(fx.store, fx.kpi_source, "Couldn't connect to server", fx.now_ms + 60000);
	fx.now_ms += 60000;
	nav_t nav = {.page = PAGE_KPIS};
	char *text = frame_text(80, 24, &nav, false);
	fx.now_ms -= 60000;
	assert_non_null(
	    strstr(text, "source kpis failing: Couldn't connect to server; KPIs as of 1m"));
	assert_non_null(strstr(text, "沙坪坝区·城市更新项目开工率"));
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_board_80x24),
	    cmocka_unit_test(test_board_160x48),
	    cmocka_unit_test(test_board_ascii_80x24),
	    cmocka_unit_test(test_board_folded_80x24),
	    cmocka_unit_test(test_kpi_80x24),
	    cmocka_unit_test(test_kpi_160x48),
	    cmocka_unit_test(test_kpi_gone),
	    cmocka_unit_test(test_navigation),
	    cmocka_unit_test(test_selection_kept_by_serial),
	    cmocka_unit_test(test_board_find),
	    cmocka_unit_test(test_scope),
	    cmocka_unit_test(test_empty_states),
	    cmocka_unit_test(test_failing_source_note),
	};
	return cmocka_run_group_tests(tests, open_city, close_city);
}

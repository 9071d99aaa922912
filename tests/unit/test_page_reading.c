/* The reading page (L4) over the seeded mock city with ten minutes of
 * history (tests/support/city_fixture): golden frames at 80×24 and 160×48
 * of the reading with the most alarm level changes, the page of a reading
 * whose slot was taken by another, and Enter on the domain page and on the
 * alarm list opening it. Golden files: UPDATE_GOLDEN=1 rewrites them. */
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
#include "snapshot.h"
#include "screen_text.h"
#include "vscreen.h"

#define SEED      7
#define HISTORY_S 600

static city_fixture_t fx;
static size_t shown; /* the reading the golden frames show */

static int setup(void **state)
{
	(void)state;
	setenv("TZ", "Asia/Shanghai", 1); /* the city's clock */
	if (city_fixture_open(&fx, CITY_SCALE_DEMO, SEED, HISTORY_S, NULL) != 0)
		return -1;
	shown = city_fixture_busiest_reading(&fx);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	city_fixture_close(&fx);
	return 0;
}

static char *frame_text(nav_t *nav, int cols, int rows, bool ascii)
{
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	char *text = screen_text(&ctx, nav, cols, rows, ascii);
	assert_non_null(text);
	return text;
}

static void check_frame(nav_t *nav, int cols, int rows, bool ascii, const char *golden)
{
	char *text = frame_text(nav, cols, rows, ascii);
	if (getenv("SHOW_FRAMES"))
		printf("%s\n", text);
	bool same = vscreen_golden(golden, text);
	free(text);
	assert_true(same);
}

static nav_t reading_nav(size_t reading)
{
	nav_t nav = {.page = PAGE_OVERVIEW};
	nav_open_reading(&nav, fx.store, reading);
	return nav;
}

static void test_reading_80x24(void **state)
{
	(void)state;
	nav_t nav = reading_nav(shown);
	check_frame(&nav, 80, 24, false, "reading_80x24");
}

static void test_reading_160x48(void **state)
{
	(void)state;
	nav_t nav = reading_nav(shown);
	check_frame(&nav, 160, 48, false, "reading_160x48");
}

static void test_reading_ascii_80x24(void **state)
{
	(void)state;
	nav_t nav = reading_nav(shown);
	check_frame(&nav, 80, 24, true, "reading_ascii_80x24");
}

/* What the page must say of its reading, whatever the layout. */
static void test_reading_content(void **state)
{
	(void)state;
	const reading_t *r = store_reading(fx.store, shown);
	nav_t nav = reading_nav(shown);
	char *text = frame_text(&nav, 160, 48, false);
	assert_non_null(strstr(text, r->id));
	assert_non_null(strstr(text, r->name));
	assert_non_null(strstr(text, r->district));
	assert_non_null(strstr(text, store_source(fx.store, r->source)->name));
	assert_non_null(strstr(text, "Alarm history"));
	assert_non_null(strstr(text, "-10m"));
	if (r->limits.mask & LIMIT_HI)
		assert_non_null(strstr(text, "HI "));
	free(text);
}

/* A slot taken by another reading: the page says so, and shows no other. */
static void test_reading_gone(void **state)
{
	(void)state;
	nav_t nav = reading_nav(shown);
	nav.reading.serial += 1000000;
	char *text = frame_text(&nav, 80, 24, false);
	assert_non_null(strstr(text, "no longer reported"));
	assert_null(strstr(text, store_reading(fx.store, shown)->id));
	free(text);
}

/* Enter on a row of the domain page and of the alarm list opens the
 * reading's page; Esc goes back there. */
static void test_enter_opens(void **state)
{
	(void)state;
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	const reading_t *r = store_reading(fx.store, shown);
	nav_t nav = {.page = PAGE_DOMAIN, .domain = r->domain, .selected_serial = r->serial};
	free(frame_text(&nav, 80, 24, false)); /* places the selection on it */
	assert_true(nav_key(ACT_OPEN, &ctx, &nav));
	assert_int_equal(nav.page, PAGE_READING);
	assert_int_equal(nav.reading.index, shown);
	assert_true(nav_key(ACT_BACK, &ctx, &nav));
	assert_int_equal(nav.page, PAGE_DOMAIN);

	size_t alarms = view_alarm_count(&fx.view);
	assert_true(alarms > 0);
	nav = (nav_t){.page = PAGE_OVERVIEW};
	assert_true(nav_key(ACT_ALARMS, &ctx, &nav));
	free(frame_text(&nav, 80, 24, false));
	assert_true(nav_key(ACT_OPEN, &ctx, &nav));
	assert_int_equal(nav.page, PAGE_READING);
	assert_int_equal(nav.reading.index, view_alarm(&fx.view, 0)->index);
	assert_true(nav_key(ACT_BACK, &ctx, &nav));
	assert_int_equal(nav.page, PAGE_ALARMS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_reading_80x24),       cmocka_unit_test(test_reading_160x48),
	    cmocka_unit_test(test_reading_ascii_80x24), cmocka_unit_test(test_reading_content),
	    cmocka_unit_test(test_reading_gone),        cmocka_unit_test(test_enter_opens),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

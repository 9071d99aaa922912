/* The wall page: whole frames drawn from the seeded mock city
 * (tests/support/city_fixture.h) and compared with golden screens
 * (tests/golden/wall_*.txt; UPDATE_GOLDEN=1 rewrites): at 80x24 the
 * figures five and three rows tall, at 160x48 taller, in ASCII the
 * seven-segment and '#' forms; with the new-alarm banner of the kiosk
 * above the page (one row at 80x24, three on a big screen). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "city_fixture.h"
#include "screen_text.h"
#include "vscreen.h"

#define SEED    7
#define HISTORY 20

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
	if (!same)
		fprintf(stderr, "%s\n", text);
	free(text);
	assert_true(same);
}

static void test_wall_80x24(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_WALL};
	check(80, 24, &nav, "wall_80x24", false);
}

static void test_wall_160x48(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_WALL};
	check(160, 48, &nav, "wall_160x48", false);
}

static void test_wall_ascii_80x24(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_WALL};
	check(80, 24, &nav, "wall_ascii_80x24", true);
}

/* The headline figures say what they count, in words. */
static void test_wall_words(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_WALL};
	char *text = frame_text(200, 60, &nav, false);
	assert_non_null(strstr(text, "HIGH unacknowledged"));
	assert_non_null(strstr(text, "MEDIUM unacknowledged"));
	assert_non_null(strstr(text, "Open events"));
	assert_non_null(strstr(text, "Overdue events"));
	assert_non_null(strstr(text, "发展 Development"));
	assert_non_null(strstr(text, "健康 Health"));
	/* Large digits, not plain numbers. */
	assert_non_null(strstr(text, "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88"));
	free(text);
}

/* The kiosk's banner over the wall: one row at 80x24, three at 160x48. */
static void test_wall_banner(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_WALL, .kiosk = true};
	snprintf(nav.banner, sizeof nav.banner, "%s",
	         "\xe2\x96\xb2 NEW HIGH-PRIORITY ALARM\n"
	         "\xe7\x9f\xb3\xe5\x9d\xaa\xe6\xa1\xa5 bridge water level\n"
	         "\xe4\xb9\x9d\xe9\xbe\x99\xe5\x9d\xa1\xe5\x8c\xba Jiulongpo\n"
	         "HIHI UNACK 08:00:02");
	check(80, 24, &nav, "wall_banner_80x24", false);
	check(160, 48, &nav, "wall_banner_160x48", false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_wall_80x24),       cmocka_unit_test(test_wall_160x48),
	    cmocka_unit_test(test_wall_ascii_80x24), cmocka_unit_test(test_wall_words),
	    cmocka_unit_test(test_wall_banner),
	};
	return cmocka_run_group_tests(tests, open_city, close_city);
}

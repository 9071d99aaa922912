/* Golden screens of the events board and of one event, at 80x24 and
 * 160x48 (and the board in ASCII), from the seeded mock city
 * (tests/support/city_fixture.h). UPDATE_GOLDEN=1 rewrites them; read them
 * as the operator would. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <time.h>

#include "city_fixture.h"
#include "screen_text.h"

/* ---- the seeded mock city ---- */

static city_fixture_t fx;

static int fixture_up(void **state)
{
	(void)state;
	return city_fixture_open(&fx, CITY_SCALE_CITY, 1, 30, NULL);
}

static int fixture_down(void **state)
{
	(void)state;
	city_fixture_close(&fx);
	return 0;
}

static void test_board_80x24(void **state)
{
	(void)state;
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	assert_true(fx.gov.event_count > 20); /* a board that scrolls */
	nav_t nav = {.page = PAGE_EVENTS};
	assert_true(screen_golden(&ctx, &nav, 80, 24, false, "events_board_80x24"));
}

static void test_board_160x48(void **state)
{
	(void)state;
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	nav_t nav = {.page = PAGE_EVENTS};
	nav_key(ACT_DOWN, &ctx, &nav); /* the second event selected */
	assert_true(screen_golden(&ctx, &nav, 160, 48, false, "events_board_160x48"));
}

static void test_board_ascii_80x24(void **state)
{
	(void)state;
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	nav_t nav = {.page = PAGE_EVENTS};
	assert_true(screen_golden(&ctx, &nav, 80, 24, true, "events_board_ascii_80x24"));
}

/* The first event of the board (the most severe) that was handed up and
 * that citydash saw change, else the first handed up, else the first. */
static gov_ref_t escalated_event(void)
{
	size_t first_up = SIZE_MAX;
	for (size_t i = 0; i < fx.gov.event_count; i++) {
		const event_t *e = gov_event(fx.store, fx.gov.events[i]);
		if (e == NULL || e->escalation_count == 0)
			continue;
		if (e->severity >= SEVERITY_MAJOR && e->timeline_count > 1)
			return fx.gov.events[i];
		if (first_up == SIZE_MAX)
			first_up = i;
	}
	return fx.gov.events[first_up == SIZE_MAX ? 0 : first_up];
}

static void test_event_80x24(void **state)
{
	(void)state;
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	nav_t nav = {.page = PAGE_EVENTS};
	nav_open_event(&nav, escalated_event());
	assert_true(screen_golden(&ctx, &nav, 80, 24, false, "event_detail_80x24"));
	/* it scrolls: the rest of it below */
	nav_key(ACT_PAGE_DOWN, &ctx, &nav);
	assert_true(screen_golden(&ctx, &nav, 80, 24, false, "event_detail_80x24_page2"));
}

static void test_event_160x48(void **state)
{
	(void)state;
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	nav_t nav = {.page = PAGE_EVENTS};
	nav_open_event(&nav, escalated_event());
	assert_true(screen_golden(&ctx, &nav, 160, 48, false, "event_detail_160x48"));
}

int main(void)
{
	setenv("TZ", "UTC", 1); /* times of day on screen */
	tzset();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_board_80x24),       cmocka_unit_test(test_board_160x48),
	    cmocka_unit_test(test_board_ascii_80x24), cmocka_unit_test(test_event_80x24),
	    cmocka_unit_test(test_event_160x48),
	};
	return cmocka_run_group_tests(tests, fixture_up, fixture_down);
}

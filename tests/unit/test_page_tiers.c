/* The tier page over the seeded mock city (tests/support/city_fixture):
 * golden frames at city and district scope at 80×24 and 160×48, a street's
 * readings, and the drill city → district → street → reading and back with
 * Backspace, each step restoring its scope and selection. Golden files:
 * UPDATE_GOLDEN=1 rewrites them. */
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
#include "scope_names.h"
#include "tier_readings.h"
#include "screen_text.h"
#include "vscreen.h"

#define SEED 7

static city_fixture_t fx;

static int setup(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	return city_fixture_open(&fx, CITY_SCALE_CITY, SEED, 5, NULL);
}

static int teardown(void **state)
{
	(void)state;
	city_fixture_close(&fx);
	return 0;
}

/* The session's part: the views follow the scope the operator chose. */
static void follow_scope(const nav_t *nav)
{
	if (!scope_equal(&fx.scope, &nav->scope))
		city_fixture_set_scope(&fx, &nav->scope);
}

/* The whole frame at cols × rows as text. Caller frees. */
static char *frame_text(nav_t *nav, int cols, int rows)
{
	follow_scope(nav);
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	char *text = screen_text(&ctx, nav, cols, rows, false);
	assert_non_null(text);
	return text;
}

static void check_frame(nav_t *nav, int cols, int rows, const char *golden)
{
	char *text = frame_text(nav, cols, rows);
	if (getenv("SHOW_FRAMES"))
		printf("%s\n", text);
	bool same = vscreen_golden(golden, text);
	free(text);
	assert_true(same);
}

static void key(nav_t *nav, action_t act)
{
	follow_scope(nav);
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	assert_true(nav_key(act, &ctx, nav));
}

static void set_scope(nav_t *nav, const char *text)
{
	assert_int_equal(scope_parse(&nav->scope, text, NULL), 0);
}

static void test_city_80x24(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_TIERS};
	check_frame(&nav, 80, 24, "tiers_city_80x24");
}

static void test_city_160x48(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_TIERS};
	check_frame(&nav, 160, 48, "tiers_city_160x48");
}

static void test_district_80x24(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_TIERS};
	set_scope(&nav, "江北区");
	check_frame(&nav, 80, 24, "tiers_district_80x24");
}

static void test_district_160x48(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_TIERS};
	set_scope(&nav, "江北区");
	check_frame(&nav, 160, 48, "tiers_district_160x48");
}

static void test_street_160x48(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_TIERS};
	set_scope(&nav, "江北区/观音桥街道");
	check_frame(&nav, 160, 48, "tiers_street_160x48");
}

static void test_street_80x24(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_TIERS};
	set_scope(&nav, "江北区/观音桥街道");
	check_frame(&nav, 80, 24, "tiers_street_80x24");
}

/* The name of the selected tier row, after a frame placed the selection. */
static const char *selected_name(nav_t *nav)
{
	free(frame_text(nav, 80, 24));
	assert_true(nav->tiers.selected < (int)fx.gov.tier_count);
	return fx.gov.tiers[nav->tiers.selected].name;
}

/* City → district → street → reading with Enter, and back with Backspace:
 * each step back restores the scope and the row that was selected. */
static void test_drill_and_back(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_TIERS};
	free(frame_text(&nav, 80, 24));
	key(&nav, ACT_DOWN);
	key(&nav, ACT_DOWN);
	char district[SCOPE_NAME_MAX + 1];
	snprintf(district, sizeof district, "%s", selected_name(&nav));
	assert_int_equal(nav.tiers.selected, 2);

	key(&nav, ACT_OPEN); /* down to the district */
	assert_int_equal(nav.page, PAGE_TIERS);
	assert_int_equal(scope_tier(&nav.scope), TIER_DISTRICT);
	assert_string_equal(nav.scope.district, district);
	assert_int_equal(nav.tiers.selected, 0);
	free(frame_text(&nav, 80, 24));
	assert_true(fx.gov.tier_count >= 2);
	key(&nav, ACT_DOWN);
	char street[SCOPE_NAME_MAX + 1];
	snprintf(street, sizeof street, "%s", selected_name(&nav));

	key(&nav, ACT_OPEN); /* down to the street: its readings */
	assert_int_equal(scope_tier(&nav.scope), TIER_STREET);
	assert_string_equal(nav.scope.street, street);
	free(frame_text(&nav, 80, 24));
	size_t *list = NULL;
	size_t n = tier_readings(&fx.view, fx.store, &list);
	assert_true(n >= 2);
	key(&nav, ACT_DOWN);
	size_t reading = list[1];
	free(list);
	for (size_t i = 0; i < store_reading_count(fx.store); i++) {
		const reading_t *r = store_reading(fx.store, i);
		if (r && i == reading)
			assert_true(scope_contains(&nav.scope, r->district, r->street));
	}

	key(&nav, ACT_OPEN); /* the reading's page */
	assert_int_equal(nav.page, PAGE_READING);
	assert_int_equal(nav.reading.index, reading);
	assert_int_equal(nav.reading.serial, store_reading(fx.store, reading)->serial);

	key(&nav, ACT_BACK); /* the street, the same reading selected */
	assert_int_equal(nav.page, PAGE_TIERS);
	assert_string_equal(nav.scope.street, street);
	free(frame_text(&nav, 80, 24));
	assert_int_equal(nav.tiers.selected, 1);
	assert_int_equal(nav.tiers.serial, store_reading(fx.store, reading)->serial);

	key(&nav, ACT_BACK); /* the district, the street selected */
	assert_int_equal(scope_tier(&nav.scope), TIER_DISTRICT);
	assert_string_equal(nav.scope.district, district);
	assert_string_equal(selected_name(&nav), street);

	key(&nav, ACT_BACK); /* the city, the district selected */
	assert_true(scope_is_city(&nav.scope));
	assert_string_equal(selected_name(&nav), district);
	assert_int_equal(nav.tiers.selected, 2);
	assert_int_equal(nav.depth, 0);
}

/* Row of `name` in the picker's list of districts (or of `district`'s streets). */
static int picker_row(const char *district, const char *name)
{
	scope_name_t *names = NULL;
	size_t n = scope_names(fx.store, fx.alarms, district, &names);
	int row = -1;
	for (size_t i = 0; i < n && row < 0; i++)
		if (strcmp(names[i].name, name) == 0)
			row = (int)i + 1; /* after the whole city / district */
	free(names);
	assert_true(row > 0);
	return row;
}

static void picker_to(nav_t *nav, int row)
{
	key(nav, ACT_HOME);
	for (int i = 0; i < row; i++)
		key(nav, ACT_DOWN);
	assert_int_equal(nav->picker.selected, row);
}

/* `/` over the tier page: the city and its districts, then a district's
 * streets; golden at 80×24 and 160×48. */
static void test_picker_screens(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_TIERS};
	key(&nav, ACT_SCOPE);
	assert_int_equal(nav.page, PAGE_SCOPE);
	check_frame(&nav, 80, 24, "scope_city_80x24");
	check_frame(&nav, 160, 48, "scope_city_160x48");
	picker_to(&nav, picker_row(NULL, "江北区"));
	key(&nav, ACT_OPEN); /* its streets */
	assert_int_equal(nav.page, PAGE_SCOPE);
	assert_string_equal(nav.picker_district, "江北区");
	check_frame(&nav, 80, 24, "scope_district_80x24");
}

/* Choosing narrows the page under the picker and closes it; Esc and ←
 * change nothing. */
static void test_picker_choose(void **state)
{
	(void)state;
	nav_t nav = {.page = PAGE_TIERS};
	key(&nav, ACT_SCOPE);
	free(frame_text(&nav, 80, 24));
	assert_int_equal(nav.picker.selected, 0); /* the city: the scope in force */
	picker_to(&nav, picker_row(NULL, "江北区"));
	key(&nav, ACT_RIGHT);
	assert_string_equal(nav.picker_district, "江北区");
	key(&nav, ACT_LEFT); /* back to the districts, 江北区 still selected */
	assert_string_equal(nav.picker_district, "");
	free(frame_text(&nav, 80, 24));
	assert_int_equal(nav.picker.selected, picker_row(NULL, "江北区"));
	key(&nav, ACT_BACK); /* Esc: nothing chosen */
	assert_int_equal(nav.page, PAGE_TIERS);
	assert_true(scope_is_city(&nav.scope));

	key(&nav, ACT_SCOPE);
	picker_to(&nav, picker_row(NULL, "江北区"));
	key(&nav, ACT_OPEN);
	picker_to(&nav, picker_row("江北区", "观音桥街道"));
	key(&nav, ACT_OPEN); /* the street */
	assert_int_equal(nav.page, PAGE_TIERS);
	assert_int_equal(nav.depth, 0);
	assert_string_equal(nav.scope.district, "江北区");
	assert_string_equal(nav.scope.street, "观音桥街道");
	char *text = frame_text(&nav, 80, 24);
	assert_non_null(strstr(text, "江北区/观音桥街道"));
	free(text);

	key(&nav, ACT_SCOPE); /* opens on the street in force */
	free(frame_text(&nav, 80, 24));
	assert_string_equal(nav.picker_district, "江北区");
	assert_int_equal(nav.picker.selected, picker_row("江北区", "观音桥街道"));
	key(&nav, ACT_HOME); /* all of 江北区 */
	key(&nav, ACT_OPEN);
	assert_int_equal(nav.page, PAGE_TIERS);
	assert_int_equal(scope_tier(&nav.scope), TIER_DISTRICT);
	assert_string_equal(nav.scope.district, "江北区");

	key(&nav, ACT_SCOPE);
	key(&nav, ACT_LEFT);
	key(&nav, ACT_HOME);
	key(&nav, ACT_OPEN); /* the whole city again */
	assert_true(scope_is_city(&nav.scope));
	assert_int_equal(nav.page, PAGE_TIERS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_city_80x24),     cmocka_unit_test(test_city_160x48),
	    cmocka_unit_test(test_district_80x24), cmocka_unit_test(test_district_160x48),
	    cmocka_unit_test(test_street_160x48),  cmocka_unit_test(test_drill_and_back),
	    cmocka_unit_test(test_street_80x24),   cmocka_unit_test(test_picker_screens),
	    cmocka_unit_test(test_picker_choose),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

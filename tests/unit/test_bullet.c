/* The bullet graph (widgets/bullet.h) drawn on a virtual screen: each case
 * one row of a golden screen (tests/golden/bullet*.txt, UPDATE_GOLDEN=1
 * rewrites), and the attributes that carry meaning asserted cell by cell. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bullet.h"
#include "glyphs.h"
#include "theme.h"
#include "vscreen.h"

#define W 24

/* Every case, one per row: label at the left, the graph in W columns. */
static const struct {
	const char *label;
	bullet_t b;
} cases[] = {
    {"on target", {.has_value = true, .value = 90, .has_target = true, .target = 80}},
    {"fair", {.has_value = true, .value = 75, .has_target = true, .target = 80}},
    {"poor", {.has_value = true, .value = 30, .has_target = true, .target = 80}},
    {"eighths",
     {.has_value = true, .value = 33, .has_target = true, .target = 80, .min = 0, .max = 100}},
    {"lower ok",
     {.has_value = true, .value = 1.62, .has_target = true, .target = 1.8, .better_lower = true}},
    {"lower off",
     {.has_value = true, .value = 2.1, .has_target = true, .target = 1.8, .better_lower = true}},
    {"beyond",
     {.has_value = true, .value = 130, .has_target = true, .target = 80, .min = 0, .max = 100}},
    {"below",
     {.has_value = true, .value = -5, .has_target = true, .target = 80, .min = 0, .max = 100}},
    {"no data", {.has_target = true, .target = 80}},
    {"no target", {.has_value = true, .value = 40}},
    {"negative",
     {.has_value = true, .value = -3, .has_target = true, .target = -1, .better_lower = true}},
    {"zero target",
     {.has_value = true, .value = 0.4, .has_target = true, .target = 0, .better_lower = true}},
};
enum { N = sizeof cases / sizeof cases[0] };

static vscreen_t *draw_all(bool color, bool ascii)
{
	vscreen_t *vs = vscreen_open("xterm-256color", N, 12 + W + 1, color);
	assert_non_null(vs);
	glyphs_set_ascii(ascii); /* after the open, which chooses Unicode */
	for (int i = 0; i < N; i++) {
		mvwaddstr(vs->win, i, 0, cases[i].label);
		bullet_draw(vs->win, i, 12, W, &cases[i].b);
	}
	glyphs_set_ascii(false);
	return vs;
}

static void check_golden(vscreen_t *vs, const char *name)
{
	char *text = vscreen_text(vs->win);
	bool ok = vscreen_golden(name, text);
	free(text);
	assert_true(ok);
}

static void test_bullet_unicode(void **state)
{
	(void)state;
	vscreen_t *vs = draw_all(false, false);
	check_golden(vs, "bullet");
	vscreen_close(vs);
}

static void test_bullet_ascii(void **state)
{
	(void)state;
	vscreen_t *vs = draw_all(false, true);
	check_golden(vs, "bullet_ascii");
	vscreen_close(vs);
}

static short pair_at(vscreen_t *vs, int y, int x)
{
	wchar_t wc;
	attr_t attr;
	short pair;
	vscreen_cell(vs->win, y, x, &wc, &attr, &pair);
	return pair;
}

static wchar_t char_at(vscreen_t *vs, int y, int x)
{
	wchar_t wc;
	attr_t attr;
	short pair;
	vscreen_cell(vs->win, y, x, &wc, &attr, &pair);
	return wc;
}

/* Colour only off target: the bar of an on-target measure is neutral, that
 * of an off-target one (either direction) in ROLE_BULLET_OFF. */
static void test_bullet_colour_only_off_target(void **state)
{
	(void)state;
	vscreen_t *vs = draw_all(true, false);
	assert_int_equal(pair_at(vs, 0, 12), theme_pair(ROLE_BULLET_BAR)); /* on target */
	assert_int_equal(pair_at(vs, 1, 12), theme_pair(ROLE_BULLET_OFF)); /* fair */
	assert_int_equal(pair_at(vs, 2, 12), theme_pair(ROLE_BULLET_OFF)); /* poor */
	assert_int_equal(pair_at(vs, 4, 12), theme_pair(ROLE_BULLET_BAR)); /* lower, ok */
	assert_int_equal(pair_at(vs, 5, 12), theme_pair(ROLE_BULLET_OFF)); /* lower, off */
	assert_int_equal(pair_at(vs, 0, 12 + W - 1), theme_pair(ROLE_BULLET_BAND));
	vscreen_close(vs);
}

/* The bands follow the better direction, and the scale's parts are where
 * the numbers put them. */
static void test_bullet_geometry(void **state)
{
	(void)state;
	const bullet_t up = {.has_value = true, .value = 50, .has_target = true, .target = 80};
	assert_int_equal(bullet_band(&up, 90), BULLET_GOOD);
	assert_int_equal(bullet_band(&up, 80), BULLET_GOOD);
	assert_int_equal(bullet_band(&up, 75), BULLET_FAIR_BAND);
	assert_int_equal(bullet_band(&up, 71), BULLET_POOR);
	const bullet_t down = {.has_target = true, .target = 2, .better_lower = true};
	assert_int_equal(bullet_band(&down, 1), BULLET_GOOD);
	assert_int_equal(bullet_band(&down, 2.1), BULLET_FAIR_BAND);
	assert_int_equal(bullet_band(&down, 2.5), BULLET_POOR);
	assert_true(bullet_off_target(&up));
	assert_false(bullet_off_target(&down)); /* no value: not off target */

	vscreen_t *vs = draw_all(false, false);
	/* "eighths": 33 on 0..100 in 24 cells is 7.92 cells: 7 full, then 7/8. */
	assert_int_equal(char_at(vs, 3, 12 + 6), L'█');
	assert_int_equal(char_at(vs, 3, 12 + 7), L'▉');
	/* its target 80 at cell 19.2: the mark in cell 19 */
	assert_int_equal(char_at(vs, 3, 12 + 19), L'┃');
	/* beyond the scale: the last cell is an arrow; below it, the first */
	assert_int_equal(char_at(vs, 6, 12 + W - 1), L'▶');
	assert_int_equal(char_at(vs, 7, 12), L'◀');
	vscreen_close(vs);
}

/* Degenerate input draws nothing outside its cells and never crashes. */
static void test_bullet_degenerate(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 3, 10, false);
	assert_non_null(vs);
	bullet_t nan = {.has_value = true, .value = NAN, .has_target = true, .target = INFINITY};
	bullet_draw(vs->win, 0, 0, 10, &nan);
	bullet_t flat = {.has_value = true, .value = 0, .has_target = true, .target = 0};
	bullet_draw(vs->win, 1, 0, 10, &flat);
	bullet_draw(vs->win, 2, 0, 2, &flat); /* too narrow: nothing */
	bullet_draw(vs->win, 2, 0, 10, NULL);
	assert_int_equal(char_at(vs, 2, 0), L'.');
	vscreen_close(vs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bullet_unicode),
	    cmocka_unit_test(test_bullet_ascii),
	    cmocka_unit_test(test_bullet_colour_only_off_target),
	    cmocka_unit_test(test_bullet_geometry),
	    cmocka_unit_test(test_bullet_degenerate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

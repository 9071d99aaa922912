/* theme_color: colour names, the colour-depth decision and nearest-colour
 * mapping (themes/theme_color.h). Pure functions: no terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "theme_color.h"

static theme_color_t color(const char *s)
{
	theme_color_t c;
	assert_int_equal(theme_color_parse(s, &c), 0);
	return c;
}

static void test_parse(void **state)
{
	theme_color_t c = color("default");
	assert_int_equal(c.kind, THEME_COLOR_DEFAULT);
	c = color("red");
	assert_int_equal(c.kind, THEME_COLOR_INDEX);
	assert_int_equal(c.value, 1);
	assert_int_equal(color("bright-white").value, 15);
	assert_int_equal(color("grey").value, 8);
	assert_int_equal(color("Gray").value, 8);
	assert_int_equal(color("WHITE").value, 7);
	assert_int_equal(color("0").value, 0);
	assert_int_equal(color("255").value, 255);
	c = color("#D70000");
	assert_int_equal(c.kind, THEME_COLOR_RGB);
	assert_int_equal(c.value, 0xd70000);
	assert_int_equal(color("#0a0b0c").value, 0x0a0b0c);

	static const char *const bad[] = {"",     "reed", "256",     "-1",
	                                  "1000", "#fff", "#ggg000", "#12345678",
	                                  "0x10", " red", "12a",     "bright-"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		theme_color_t x;
		assert_int_equal(theme_color_parse(bad[i], &x), -1);
	}
}

static void test_depth(void **state)
{
	/* colors, RGB flag, COLORTERM, extended colours */
	assert_int_equal(theme_depth_choose(0, false, NULL, true), THEME_DEPTH_NONE);
	assert_int_equal(theme_depth_choose(2, false, "truecolor", true), THEME_DEPTH_NONE);
	assert_int_equal(theme_depth_choose(8, false, NULL, true), THEME_DEPTH_8);
	assert_int_equal(theme_depth_choose(16, false, NULL, true), THEME_DEPTH_16);
	assert_int_equal(theme_depth_choose(88, false, NULL, true), THEME_DEPTH_16);
	assert_int_equal(theme_depth_choose(256, false, NULL, true), THEME_DEPTH_256);
	/* COLORTERM cannot make a 256-colour terminfo entry direct */
	assert_int_equal(theme_depth_choose(256, false, "truecolor", true), THEME_DEPTH_256);
	assert_int_equal(theme_depth_choose(256, true, "truecolor", true), THEME_DEPTH_256);
	assert_int_equal(theme_depth_choose(8, false, "24bit", true), THEME_DEPTH_8);
	/* a direct-colour entry (xterm-direct) */
	assert_int_equal(theme_depth_choose(0x1000000, true, NULL, true), THEME_DEPTH_TRUE);
	assert_int_equal(theme_depth_choose(0x1000000, false, NULL, true), THEME_DEPTH_TRUE);
	/* ...but curses without extended colours cannot pass 24-bit values */
	assert_int_equal(theme_depth_choose(0x1000000, true, NULL, false), THEME_DEPTH_256);
	/* the RGB flag over more than 256 colours, vouched for by COLORTERM */
	assert_int_equal(theme_depth_choose(0x8000, true, "truecolor", true), THEME_DEPTH_TRUE);
	assert_int_equal(theme_depth_choose(0x8000, true, "24BIT", true), THEME_DEPTH_TRUE);
	assert_int_equal(theme_depth_choose(0x8000, true, NULL, true), THEME_DEPTH_256);
	assert_int_equal(theme_depth_choose(0x8000, true, "yes", true), THEME_DEPTH_256);
	assert_string_equal(theme_depth_name(THEME_DEPTH_256), "256 colours");
}

static void test_palette(void **state)
{
	assert_int_equal(theme_index_rgb(1), 0xcd0000);
	assert_int_equal(theme_index_rgb(16), 0x000000);
	assert_int_equal(theme_index_rgb(196), 0xff0000);
	assert_int_equal(theme_index_rgb(231), 0xffffff);
	assert_int_equal(theme_index_rgb(232), 0x080808);
	assert_int_equal(theme_index_rgb(245), 0x8a8a8a);
	assert_int_equal(theme_index_rgb(255), 0xeeeeee);
	/* every index of the cube and the ramp maps back to itself */
	for (int i = 16; i < 256; i++)
		assert_int_equal(theme_rgb_to_256(theme_index_rgb(i)), i == 16 ? 16 : i);
}

static void test_nearest(void **state)
{
	assert_int_equal(theme_rgb_to_256(0xd70000), 160);
	assert_int_equal(theme_rgb_to_256(0x8a8a8a), 245);
	assert_int_equal(theme_rgb_to_256(0x808080), 244); /* the ramp, not the cube's 102 */
	assert_int_equal(theme_rgb_to_256(0xff8000), 208);
	assert_int_equal(theme_rgb_to_256(0x010101), 16);
	/* 16 and 8 colours */
	assert_int_equal(theme_rgb_to_ansi(0xd70000, 8), 1);
	assert_int_equal(theme_rgb_to_ansi(0xff0000, 16), 9);
	assert_int_equal(theme_rgb_to_ansi(0x8a8a8a, 16), 8);
	assert_int_equal(theme_rgb_to_ansi(0x8a8a8a, 8), 7);
	assert_int_equal(theme_rgb_to_ansi(0x303030, 8), 0);
	assert_int_equal(theme_rgb_to_ansi(0xffaf00, 8), 3);
	assert_int_equal(theme_rgb_to_ansi(0x87afd7, 8), 7);
	assert_int_equal(theme_rgb_to_ansi(0xaf87ff, 16), 12);
}

static void test_resolve(void **state)
{
	theme_color_t grey = color("#8a8a8a"), bright = color("bright-red"),
	              dflt = color("default");
	assert_int_equal(theme_color_resolve(grey, THEME_DEPTH_TRUE), 0x8a8a8a);
	assert_int_equal(theme_color_resolve(grey, THEME_DEPTH_256), 245);
	assert_int_equal(theme_color_resolve(grey, THEME_DEPTH_16), 8);
	assert_int_equal(theme_color_resolve(grey, THEME_DEPTH_8), 7);
	assert_int_equal(theme_color_resolve(grey, THEME_DEPTH_NONE), -1);
	assert_int_equal(theme_color_resolve(dflt, THEME_DEPTH_TRUE), -1);
	assert_int_equal(theme_color_resolve(bright, THEME_DEPTH_256), 9);
	assert_int_equal(theme_color_resolve(bright, THEME_DEPTH_16), 9);
	assert_int_equal(theme_color_resolve(bright, THEME_DEPTH_8), 1);
	/* direct colour: an index is its RGB; values below 8 are the ANSI colours
	 * in a direct terminfo entry, so black is sent as 0x000008 */
	assert_int_equal(theme_color_resolve(bright, THEME_DEPTH_TRUE), 0xff0000);
	assert_int_equal(theme_color_resolve(color("red"), THEME_DEPTH_TRUE), 1);
	assert_int_equal(theme_color_resolve(color("#000000"), THEME_DEPTH_TRUE), 8);
	assert_int_equal(theme_color_resolve(color("196"), THEME_DEPTH_16), 9);
	assert_int_equal(theme_color_resolve(color("196"), THEME_DEPTH_256), 196);
}

static void test_pick(void **state)
{
	/* the first alternative the depth shows, else the first mapped */
	theme_color_t alts[] = {color("#585858"), color("bright-black"), color("white")};
	assert_int_equal(theme_color_pick(alts, 3, THEME_DEPTH_TRUE), 0x585858);
	assert_int_equal(theme_color_pick(alts, 3, THEME_DEPTH_256), 240);
	assert_int_equal(theme_color_pick(alts, 3, THEME_DEPTH_16), 8);
	/* nearest of 8 would be black, invisible on black: the theme said white */
	assert_int_equal(theme_rgb_to_ansi(0x585858, 8), 0);
	assert_int_equal(theme_color_pick(alts, 3, THEME_DEPTH_8), 7);
	assert_int_equal(theme_color_pick(alts, 1, THEME_DEPTH_8), 0);
	theme_color_t one[] = {color("bright-green")};
	assert_int_equal(theme_color_pick(one, 1, THEME_DEPTH_8), 2);
	assert_true(theme_color_fits(color("7"), THEME_DEPTH_8));
	assert_false(theme_color_fits(color("8"), THEME_DEPTH_8));
	assert_false(theme_color_fits(color("#ffffff"), THEME_DEPTH_16));
	assert_true(theme_color_fits(color("#ffffff"), THEME_DEPTH_256));
	assert_true(theme_color_fits(color("default"), THEME_DEPTH_8));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse),   cmocka_unit_test(test_depth),
	    cmocka_unit_test(test_palette), cmocka_unit_test(test_nearest),
	    cmocka_unit_test(test_resolve), cmocka_unit_test(test_pick),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

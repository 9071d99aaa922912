/* bigdigits: widths, the size chosen to fit a box, the plain-text fallback,
 * and the figures themselves (golden screens, Unicode and ASCII). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bigdigits.h"
#include "glyphs.h"
#include "theme.h"
#include "vscreen.h"

static void assert_golden(vscreen_t *vs, const char *name)
{
	char *text = vscreen_text(vs->win);
	bool ok = vscreen_golden(name, text);
	free(text);
	assert_true(ok);
}

static void test_sizes(void **state)
{
	(void)state;
	assert_true(bigdigits_is_size(1));
	assert_true(bigdigits_is_size(3));
	assert_true(bigdigits_is_size(5));
	assert_true(bigdigits_is_size(15));
	assert_false(bigdigits_is_size(0));
	assert_false(bigdigits_is_size(4));
	assert_false(bigdigits_is_size(7));
	assert_false(bigdigits_is_size(45)); /* beyond the largest scale */
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(bigdigits_width("12", 1), 2);
	/* Three-row font: a digit 3, '.' 1, a gap of 1 between characters. */
	assert_int_equal(bigdigits_width("7", 3), 3);
	assert_int_equal(bigdigits_width("87.3", 3), 3 + 1 + 3 + 1 + 1 + 1 + 3);
	/* Pixel font at 5 rows: a digit 3 pixels of 2 columns, gap 1. */
	assert_int_equal(bigdigits_width("12", 5), 6 + 1 + 6);
	/* Twice as tall: twice as wide, gap 2. */
	assert_int_equal(bigdigits_width("12", 10), 12 + 2 + 12);
	assert_int_equal(bigdigits_width("", 5), 0);
	/* No large form: letters, or a size that is none. */
	assert_int_equal(bigdigits_width("12a", 5), -1);
	assert_int_equal(bigdigits_width("n/a", 3), -1);
	assert_int_equal(bigdigits_width("12", 4), -1);
}

static void test_fit(void **state)
{
	(void)state;
	/* The tallest that fits both ways. */
	assert_int_equal(bigdigits_fit("12", 20, 200), 20);
	assert_int_equal(bigdigits_fit("12", 12, 200), 10);
	assert_int_equal(bigdigits_fit("12", 12, 13), 5);
	assert_int_equal(bigdigits_fit("12", 12, 12), 3);
	assert_int_equal(bigdigits_fit("12", 4, 200), 3);
	assert_int_equal(bigdigits_fit("12", 2, 200), 1);
	/* No room for the small font: plain text. */
	assert_int_equal(bigdigits_fit("12345", 12, 10), 1);
	/* Letters have no large form. */
	assert_int_equal(bigdigits_fit("--", 12, 200), 10);
	assert_int_equal(bigdigits_fit("n/a", 12, 200), 1);
	assert_int_equal(bigdigits_fit("12", 0, 10), 0);
	assert_int_equal(bigdigits_fit("12", 5, 0), 0);
}

static void test_draw_unicode(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 19, 60, false);
	assert_non_null(vs);
	attr_t a = theme_attr(ROLE_BIG);
	assert_int_equal(bigdigits_draw(vs->win, 0, 0, 3, 60, "0123456789", a),
	                 bigdigits_width("0123456789", 3));
	assert_int_equal(bigdigits_draw(vs->win, 3, 0, 3, 60, "-87.3+", a), bigdigits_width("-87.3+", 3));
	assert_int_equal(bigdigits_draw(vs->win, 6, 0, 5, 60, "01234567", a), bigdigits_width("01234567", 5));
	assert_int_equal(bigdigits_draw(vs->win, 11, 0, 5, 60, "89.-+", a), bigdigits_width("89.-+", 5));
	/* Too narrow for the size asked: plain text, one row. */
	assert_int_equal(bigdigits_draw(vs->win, 16, 0, 5, 8, "123", a), 3);
	/* No large form: plain text. */
	assert_int_equal(bigdigits_draw(vs->win, 17, 0, 3, 60, "n/a", a), 3);
	/* Not a size: plain. */
	assert_int_equal(bigdigits_draw(vs->win, 18, 0, 4, 60, "42", a), 2);
	assert_golden(vs, "bigdigits");
	vscreen_close(vs);
}

static void test_draw_scaled(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 10, 34, false);
	assert_non_null(vs);
	assert_int_equal(bigdigits_draw(vs->win, 0, 0, 10, 34, "4.2", theme_attr(ROLE_BIG)),
	                 12 + 2 + 4 + 2 + 12);
	assert_golden(vs, "bigdigits_10");
	vscreen_close(vs);
}

static void test_draw_ascii(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 8, 60, false);
	assert_non_null(vs);
	glyphs_set_ascii(true);
	attr_t a = theme_attr(ROLE_BIG);
	bigdigits_draw(vs->win, 0, 0, 3, 60, "0123456789.-+", a);
	bigdigits_draw(vs->win, 3, 0, 5, 60, "-90.1+", a);
	glyphs_set_ascii(false);
	assert_golden(vs, "bigdigits_ascii");
	vscreen_close(vs);
}

/* A reversed attribute (the alarm role on a monochrome terminal) is drawn
 * without reverse: a reversed block would read as a hole. */
static void test_no_reverse(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 5, 10, false);
	assert_non_null(vs);
	bigdigits_draw(vs->win, 0, 0, 5, 10, "1", A_BOLD | A_REVERSE);
	wchar_t wc;
	attr_t attr;
	short pair;
	vscreen_cell(vs->win, 0, 2, &wc, &attr, &pair);
	assert_int_equal(wc, 0x2588);
	assert_true(attr & A_BOLD);
	assert_false(attr & A_REVERSE);
	vscreen_close(vs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sizes),        cmocka_unit_test(test_width),
	    cmocka_unit_test(test_fit),          cmocka_unit_test(test_draw_unicode),
	    cmocka_unit_test(test_draw_scaled),  cmocka_unit_test(test_draw_ascii),
	    cmocka_unit_test(test_no_reverse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The chart widget on a virtual screen (golden files, UPDATE_GOLDEN=1
 * rewrites them) and its scale's arithmetic. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "chart.h"
#include "chart_scale.h"
#include "glyphs.h"
#include "theme.h"
#include "vscreen.h"

static vscreen_t *open_screen(int rows, int cols)
{
	vscreen_t *vs = vscreen_open("xterm-256color", rows, cols, true);
	assert_non_null(vs);
	return vs;
}

static void assert_golden(vscreen_t *vs, const char *name)
{
	char *text = vscreen_text(vs->win);
	bool ok = vscreen_golden(name, text);
	free(text);
	assert_true(ok);
}

static wchar_t cell_char(vscreen_t *vs, int y, int x, short *pair)
{
	wchar_t wc = 0;
	attr_t attr = 0;
	short p = 0;
	vscreen_cell(vs->win, y, x, &wc, &attr, &p);
	if (pair != NULL)
		*pair = p;
	return wc;
}

/* Counts cells of row y holding a braille character with dots. */
static int braille_cells(vscreen_t *vs, int y, int x0, int x1)
{
	int n = 0;
	for (int x = x0; x < x1; x++) {
		wchar_t wc = cell_char(vs, y, x, NULL);
		if (wc > 0x2800 && wc <= 0x28FF)
			n++;
	}
	return n;
}

/* ---- scale ---- */

static void test_scale_nice(void **state)
{
	chart_scale_t s = chart_scale_make(3.2, 97.5, 5);
	assert_true(s.lo == 0.0 && s.hi == 100.0);
	assert_true(s.step == 20.0 || s.step == 50.0 || s.step == 25.0 || s.step == 10.0);
	assert_int_equal(s.decimals, 0);
	char buf[16];
	chart_scale_label(&s, 40.0, buf, sizeof buf);
	assert_string_equal(buf, "40");

	s = chart_scale_make(0.31, 0.38, 4);
	assert_true(s.step <= 0.05);
	assert_true(s.lo <= 0.31 && s.hi >= 0.38);
	assert_int_equal(s.decimals, 2);
	chart_scale_label(&s, s.lo, buf, sizeof buf);
	assert_string_equal(buf, "0.30");

	/* flat: a range around the value */
	s = chart_scale_make(42.0, 42.0, 3);
	assert_true(s.lo < 42.0 && s.hi > 42.0);
	s = chart_scale_make(0.0, 0.0, 3);
	assert_true(s.lo < 0.0 && s.hi > 0.0);
	chart_scale_label(&s, -1e-12, buf, sizeof buf);
	assert_string_equal(buf, "0"); /* never "-0" */

	/* nothing to scale */
	s = chart_scale_make(NAN, 1.0, 3);
	assert_true(s.lo == 0.0 && s.hi == 1.0);
	/* negatives and reversed bounds */
	s = chart_scale_make(5.0, -12.0, 4);
	assert_true(s.lo <= -12.0 && s.hi >= 5.0);
}

/* ---- drawing ---- */

/* A reading's ten minutes, with its limits, deadbands and a gap. */
static void test_chart_limits(void **state)
{
	vscreen_t *vs = open_screen(14, 60);
	float v[120];
	for (int i = 0; i < 120; i++)
		v[i] = (float)(50.0 + 30.0 * sin(i / 12.0));
	for (int i = 60; i < 70; i++)
		v[i] = NAN;
	const chart_line_t lines[] = {
	    {20.0, ROLE_WARN, "LO 20"},
	    {75.0, ROLE_WARN, "HI 75"},
	    {90.0, ROLE_ALARM, "HIHI 90"},
	};
	const chart_band_t bands[] = {{18.0, 22.0, ROLE_GAUGE_WARN_BAND},
	                              {73.0, 77.0, ROLE_GAUGE_WARN_BAND}};
	chart_t c = {.values = v,
	             .n = 120,
	             .lines = lines,
	             .line_count = 3,
	             .bands = bands,
	             .band_count = 2,
	             .left = "-10m",
	             .right = "now",
	             .unit = "kPa"};
	chart_draw(vs->win, 1, 1, 12, 58, &c);
	assert_golden(vs, "chart_limits");
	/* the window around the rectangle is untouched */
	assert_int_equal(cell_char(vs, 0, 0, NULL), L'.');
	assert_int_equal(cell_char(vs, 13, 59, NULL), L'.');
	/* a label's role is its line's */
	short pair = 0;
	bool found = false;
	for (int y = 1; y < 13 && !found; y++)
		for (int x = 40; x < 59; x++)
			if (cell_char(vs, y, x, &pair) == L'H' &&
			    cell_char(vs, y, x + 2, NULL) == L'H') {
				assert_int_equal(pair, theme_pair(ROLE_ALARM));
				found = true;
				break;
			}
	assert_true(found);
	vscreen_close(vs);
}

static void test_chart_ascii(void **state)
{
	vscreen_t *vs = open_screen(10, 40);
	float v[40];
	for (int i = 0; i < 40; i++)
		v[i] = (float)i;
	const chart_line_t lines[] = {{30.0, ROLE_ALARM, "HI 30"}};
	const chart_band_t bands[] = {{25.0, 35.0, ROLE_GAUGE_WARN_BAND}};
	chart_t c = {.values = v,
	             .n = 40,
	             .lines = lines,
	             .line_count = 1,
	             .bands = bands,
	             .band_count = 1,
	             .left = "-40s",
	             .right = "now",
	             .ascii = true};
	chart_draw(vs->win, 0, 0, 10, 40, &c);
	assert_golden(vs, "chart_ascii");
	for (int y = 0; y < 10; y++)
		for (int x = 0; x < 40; x++) {
			wchar_t wc = cell_char(vs, y, x, NULL);
			assert_true(wc < 0x80); /* nothing but ASCII */
		}
	vscreen_close(vs);
}

/* A flat series sits mid-scale, one row of dots; a gap breaks it. */
static void test_chart_flat_gaps(void **state)
{
	vscreen_t *vs = open_screen(8, 40);
	float v[60];
	for (int i = 0; i < 60; i++)
		v[i] = (i >= 20 && i < 35) ? NAN : 7.0f;
	chart_t c = {.values = v, .n = 60, .right = "now"};
	chart_draw(vs->win, 0, 0, 8, 40, &c);
	assert_golden(vs, "chart_flat_gaps");
	int rows_with_dots = 0, blank_in_gap = 0;
	for (int y = 0; y < 7; y++)
		rows_with_dots += braille_cells(vs, y, 0, 40) > 0;
	assert_int_equal(rows_with_dots, 1);
	for (int y = 0; y < 7; y++)
		for (int x = 0; x < 40; x++)
			if (braille_cells(vs, y, x, x + 1))
				continue;
			else if (cell_char(vs, y, x, NULL) == L' ')
				blank_in_gap++;
	assert_true(blank_in_gap > 0);
	vscreen_close(vs);
}

/* With the caller's scale, values beyond it are pinned to the edges, and
 * lines off the scale are not drawn; values beyond a line cross it. */
static void test_chart_beyond(void **state)
{
	vscreen_t *vs = open_screen(9, 36);
	float v[] = {-50, -50, 0, 20, 40, 60, 80, 100, 150, 150};
	const chart_line_t lines[] = {{80.0, ROLE_ALARM, "HIHI 80"}, {500.0, ROLE_ALARM, "off"}};
	chart_t c = {.values = v, .n = 10, .min = 0, .max = 100, .lines = lines, .line_count = 2};
	chart_draw(vs->win, 0, 0, 9, 36, &c);
	assert_golden(vs, "chart_beyond");
	/* no time row: the plot uses every row; the top and bottom rows hold dots */
	assert_true(braille_cells(vs, 0, 0, 36) > 0);
	assert_true(braille_cells(vs, 8, 0, 36) > 0);
	char *text = vscreen_text(vs->win);
	assert_null(strstr(text, "off"));
	free(text);
	vscreen_close(vs);
}

/* CJK unit, too small rectangles, nothing to draw. */
static void test_chart_edges(void **state)
{
	vscreen_t *vs = open_screen(12, 30);
	float v[] = {1, 2, 3};
	chart_t c = {.values = v, .n = 3, .unit = "立方米", .left = "起"};
	chart_draw(vs->win, 0, 0, 2, 30, &c);  /* too low: nothing */
	chart_draw(vs->win, 2, 0, 5, 15, &c);  /* too narrow: nothing */
	chart_draw(vs->win, 2, 16, 5, 14, &c); /* too narrow: nothing */
	chart_t none = {.values = NULL, .n = 0};
	chart_draw(vs->win, 7, 0, 5, 30, &c);
	chart_draw(vs->win, 7, 0, 0, 0, &none);
	chart_draw(NULL, 0, 0, 5, 30, &c);
	chart_draw(vs->win, 0, 0, 5, 30, NULL);
	assert_golden(vs, "chart_edges");
	assert_int_equal(cell_char(vs, 0, 0, NULL), L'.');
	assert_int_equal(cell_char(vs, 4, 3, NULL), L'.');
	vscreen_close(vs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_scale_nice),   cmocka_unit_test(test_chart_limits),
	    cmocka_unit_test(test_chart_ascii),  cmocka_unit_test(test_chart_flat_gaps),
	    cmocka_unit_test(test_chart_beyond), cmocka_unit_test(test_chart_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

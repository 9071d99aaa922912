/* The stage bar (widgets/stage_bar.h) on a virtual screen: every stage in
 * every form, Unicode and ASCII, compared with golden text; the current
 * stage told apart by glyph and by attribute without colour. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "glyphs.h"
#include "stage_bar.h"
#include "theme.h"
#include "vscreen.h"

static void assert_golden(vscreen_t *vs, const char *name)
{
	char *text = vscreen_text(vs->win);
	bool ok = vscreen_golden(name, text);
	free(text);
	assert_true(ok);
}

/* Row per stage: cells, labelled, then wide; then the fitting form at a
 * few widths (what a page gets when it passes the room it has). */
static void draw_all(vscreen_t *vs)
{
	for (int s = 0; s <= STAGE_BAR_CLOSED; s++) {
		stage_bar_draw_form(vs->win, s, 0, 5, s, STAGE_BAR_CELLS);
		stage_bar_draw_form(vs->win, s, 6, 16, s, STAGE_BAR_LABELLED);
		stage_bar_draw_form(vs->win, s, 23, 60, s, STAGE_BAR_WIDE);
	}
	static const int widths[] = {4, 5, 15, 16, 55, 56};
	for (int i = 0; i < 6; i++)
		stage_bar_draw(vs->win, 5 + i, 0, widths[i], 2);
	/* a form wider than its room is cut, never drawn past it */
	stage_bar_draw_form(vs->win, 11, 0, 20, 1, STAGE_BAR_WIDE);
}

static void test_unicode(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 12, 80, false);
	assert_non_null(vs);
	draw_all(vs);
	assert_golden(vs, "stage_bar");
	wchar_t wc;
	attr_t attr;
	short pair;
	/* evaluating: two passed, the current one marked and bold, two ahead */
	vscreen_cell(vs->win, 2, 1, &wc, &attr, &pair);
	assert_int_equal(wc, L'●');
	assert_false(attr & A_BOLD);
	vscreen_cell(vs->win, 2, 2, &wc, &attr, &pair);
	assert_int_equal(wc, L'◉');
	assert_true(attr & A_BOLD);
	vscreen_cell(vs->win, 2, 3, &wc, &attr, &pair);
	assert_int_equal(wc, L'○');
	assert_true(attr & A_DIM); /* without colour, what is ahead is dim */
	/* the current stage's name is bold in the labelled form */
	vscreen_cell(vs->win, 2, 12, &wc, &attr, &pair);
	assert_int_equal(wc, L'e');
	assert_true(attr & A_BOLD);
	vscreen_close(vs);
}

static void test_ascii(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 12, 80, false);
	assert_non_null(vs);
	glyphs_set_ascii(true);
	draw_all(vs);
	glyphs_set_ascii(false);
	assert_golden(vs, "stage_bar_ascii");
	vscreen_close(vs);
}

static void test_widths(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 2, 10, false);
	assert_non_null(vs);
	assert_int_equal(stage_bar_width(STAGE_BAR_CELLS), 5);
	assert_int_equal(stage_bar_width(STAGE_BAR_LABELLED), 16); /* "evaluating" */
	assert_int_equal(stage_bar_width(STAGE_BAR_WIDE), 56);
	assert_int_equal(stage_bar_fit(4), -1);
	assert_int_equal(stage_bar_fit(5), STAGE_BAR_CELLS);
	assert_int_equal(stage_bar_fit(16), STAGE_BAR_LABELLED);
	assert_int_equal(stage_bar_fit(56), STAGE_BAR_WIDE);
	assert_int_equal(stage_bar_draw(vs->win, 0, 0, 4, 0), 0);
	vscreen_close(vs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_unicode),
	    cmocka_unit_test(test_ascii),
	    cmocka_unit_test(test_widths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

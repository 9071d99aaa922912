/* Widgets and themes drawn on a virtual screen and read back cell by cell.
 * Text is compared with golden files (UPDATE_GOLDEN=1 rewrites them);
 * attributes are asserted where they carry meaning. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gauge.h"
#include "glyphs.h"
#include "panel.h"
#include "sparkline.h"
#include "text_draw.h"
#include "theme.h"
#include "vscreen.h"

static vscreen_t *open_screen(const char *term, int rows, int cols, bool color)
{
	vscreen_t *vs = vscreen_open(term, rows, cols, color);
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

/* First code point, attributes and pair of a cell. */
struct cell {
	wchar_t wc;
	attr_t attr;
	short pair;
	int n;
};

static struct cell cell_at(vscreen_t *vs, int y, int x)
{
	struct cell c = {0};
	c.n = vscreen_cell(vs->win, y, x, &c.wc, &c.attr, &c.pair);
	return c;
}

/* ---- theme ---- */

static void test_theme_mono(void **state)
{
	vscreen_t *vs = open_screen("xterm-256color", 4, 10, false);
	assert_false(theme_has_color());
	assert_int_equal(theme_attr(ROLE_ALARM), A_BOLD | A_REVERSE);
	assert_int_equal(theme_attr(ROLE_NORMAL), A_NORMAL);
	assert_int_equal(theme_pair(ROLE_ALARM), 0);
	vscreen_close(vs);
}

static void test_theme_color(void **state)
{
	vscreen_t *vs = open_screen("xterm-256color", 4, 10, true);
	assert_true(theme_has_color());
	attr_t a = theme_attr(ROLE_ALARM);
	assert_true(a & A_BOLD);     /* alarms read on 8-colour terminals too */
	assert_false(a & A_REVERSE); /* would swap the pair's colours */
	assert_int_equal(PAIR_NUMBER(a), theme_pair(ROLE_ALARM));
	for (int r = 0; r < ROLE_COUNT; r++) {
		assert_true(theme_pair((theme_role_t)r) > 0);
		for (int s = 0; s < r; s++)
			assert_int_not_equal(theme_pair((theme_role_t)r),
			                     theme_pair((theme_role_t)s));
	}
	short fg, bg;
	assert_int_equal(pair_content(theme_pair(ROLE_ALARM), &fg, &bg), OK);
	assert_int_equal(bg, COLOR_RED); /* built in: high-performance, white on red */
	vscreen_close(vs);
}

static void test_theme_monochrome_terminal(void **state)
{
	vscreen_t *vs = open_screen("xterm-mono", 4, 10, true);
	assert_false(theme_has_color());
	assert_int_equal(theme_attr(ROLE_WARN), A_BOLD);
	vscreen_close(vs);
}

/* ---- text_draw ---- */

static void test_text_draw(void **state)
{
	vscreen_t *vs = open_screen("xterm-256color", 12, 12, false);
	WINDOW *w = vs->win;
	assert_int_equal(text_draw(w, 0, 0, 10, "hello", A_NORMAL), 5);
	assert_int_equal(text_draw(w, 1, 0, 5, "hello world", A_NORMAL), 5);
	/* CJK cut at an even column: no straddling */
	assert_int_equal(text_draw(w, 2, 0, 5, "漢字漢字", A_NORMAL), 5);
	/* odd column: the straddling 漢 becomes a space, nothing beyond col 5 */
	assert_int_equal(text_draw(w, 3, 0, 6, "漢字漢字", A_NORMAL), 6);
	assert_int_equal(cell_at(vs, 3, 6).wc, L'.');
	/* decomposed é: the mark stays in its base's cell */
	assert_int_equal(text_draw(w, 4, 0, 10, "e\xcc\x81te\xcc\x81", A_NORMAL), 3);
	struct cell c = cell_at(vs, 4, 0);
	assert_int_equal(c.wc, L'e');
	assert_int_equal(c.n, 2);
	assert_int_equal(cell_at(vs, 4, 1).wc, L't');
	/* cut right after a mark */
	assert_int_equal(text_draw(w, 5, 0, 3, "xe\xcc\x81yz", A_NORMAL), 3);
	/* right-aligned, and the window's edge clips like maxcols */
	assert_int_equal(text_draw_right(w, 6, 0, 8, "abc", A_NORMAL), 3);
	assert_int_equal(text_draw(w, 7, 9, 10, "abcdef", A_NORMAL), 3);
	assert_int_equal(text_draw(w, 8, 7, 40, "漢字漢字", A_NORMAL), 5);
	assert_int_equal(cell_at(vs, 9, 0).wc, L'.'); /* nothing wrapped */
	/* ASCII mode: spelled in ASCII (never '?'), ellipsis '>' */
	glyphs_set_ascii(true);
	assert_int_equal(text_draw(w, 9, 0, 12, "a漢\xc3\xa9z", A_NORMAL), 9); /* aU+6F22ez */
	assert_int_equal(text_draw(w, 10, 0, 4, "e\xcc\x81\xe5\xad\x97xyz", A_NORMAL), 4);
	glyphs_set_ascii(false);
	text_fill(w, 11, 2, 4, A_NORMAL);
	/* outside the window or no room: nothing */
	assert_int_equal(text_draw(w, -1, 0, 5, "x", A_NORMAL), 0);
	assert_int_equal(text_draw(w, 0, 12, 5, "x", A_NORMAL), 0);
	assert_int_equal(text_draw(w, 12, 0, 5, "x", A_NORMAL), 0);
	assert_int_equal(text_draw(w, 0, 0, 0, "x", A_NORMAL), 0);
	assert_golden(vs, "text_draw");
	vscreen_close(vs);
}

/* Grapheme clusters: drawn as text_width measures them, so what follows
 * lands where the layout put it; a cut never splits one. */
static void test_text_draw_clusters(void **state)
{
	vscreen_t *vs = open_screen("xterm-256color", 5, 12, false);
	WINDOW *w = vs->win;
	/* 👨‍👩‍👧 then x: the family is its first person, 2 columns; x at 2 */
	assert_int_equal(text_draw(w, 0, 0, 12,
	                           "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	                           "\xf0\x9f\x91\xa7x",
	                           A_NORMAL),
	                 3);
	struct cell c = cell_at(vs, 0, 0);
	assert_int_equal(c.wc, 0x1f468);
	assert_int_equal(c.n, 1); /* no joiner sent on its own */
	assert_int_equal(cell_at(vs, 0, 2).wc, L'x');
	/* 👍🏽 then y: the tone is not drawn */
	assert_int_equal(text_draw(w, 1, 0, 12, "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbdy", A_NORMAL), 3);
	assert_int_equal(cell_at(vs, 1, 2).wc, L'y');
	/* 🇩🇪 then z in 2 columns: the flag fits whole; in 1 it is cut whole */
	assert_int_equal(text_draw(w, 2, 0, 3, "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaaz", A_NORMAL), 3);
	assert_int_equal(cell_at(vs, 2, 0).wc, 0x1f1e9);
	assert_int_equal(cell_at(vs, 2, 1).wc, 0x1f1ea);
	assert_int_equal(cell_at(vs, 2, 2).wc, L'z');
	assert_int_equal(text_draw(w, 3, 0, 2, "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaaz", A_NORMAL), 2);
	assert_int_equal(cell_at(vs, 3, 0).wc, L' ');
	assert_int_equal(cell_at(vs, 3, 1).wc, L'…');
	/* right-aligned by the same measure */
	assert_int_equal(text_draw_right(w, 4, 0, 12, "\xe2\x9d\xa4\xef\xb8\x8f!", A_NORMAL), 2);
	assert_int_equal(cell_at(vs, 4, 10).wc, 0x2764);
	assert_int_equal(cell_at(vs, 4, 11).wc, L'!');
	vscreen_close(vs);
}

static void test_text_draw_attr(void **state)
{
	vscreen_t *vs = open_screen("xterm-256color", 2, 10, true);
	text_draw(vs->win, 0, 0, 3, "abcdef", theme_attr(ROLE_ALARM));
	for (int x = 0; x < 3; x++) {
		struct cell c = cell_at(vs, 0, x);
		assert_int_equal(c.pair, theme_pair(ROLE_ALARM));
		assert_true(c.attr & A_BOLD);
	}
	assert_int_equal(cell_at(vs, 0, 2).wc, L'…');
	assert_int_equal(cell_at(vs, 0, 3).pair, 0);
	vscreen_close(vs);
}

/* ---- gauge ---- */

static const gauge_limits_t four_limits = {.mask = GAUGE_LOLO | GAUGE_LO | GAUGE_HI | GAUGE_HIHI,
                                     .lolo = 10,
                                     .lo = 20,
                                     .hi = 80,
                                     .hihi = 90};

static gauge_t gauge_at(double v)
{
	return (gauge_t){
	    .min = 0, .max = 100, .has_value = true, .value = v, .limits = four_limits};
}

static void draw_gauges(vscreen_t *vs)
{
	WINDOW *w = vs->win;
	gauge_t g;
	g = gauge_at(5);
	gauge_draw(w, 0, 0, 30, &g);
	g = gauge_at(50);
	gauge_draw(w, 1, 0, 30, &g);
	g = gauge_at(95);
	gauge_draw(w, 2, 0, 30, &g);
	g = gauge_at(130);
	gauge_draw(w, 3, 0, 30, &g);
	g = gauge_at(-10);
	gauge_draw(w, 4, 0, 30, &g);
	g = gauge_at(50);
	g.has_value = false;
	gauge_draw(w, 5, 0, 30, &g);
	g = gauge_at(50);
	g.stale = true;
	gauge_draw(w, 6, 0, 30, &g);
	g = gauge_at(50);
	g.bad = true;
	gauge_draw(w, 7, 0, 30, &g);
	g = gauge_at(85);
	g.limits = (gauge_limits_t){.mask = GAUGE_HI | GAUGE_HIHI, .hi = 70, .hihi = 90};
	gauge_draw(w, 8, 0, 30, &g);
	g = gauge_at(50);
	gauge_draw(w, 9, 0, 3, &g);
	gauge_draw(w, 10, 0, 60, &g);
	gauge_draw(w, 11, 0, 2, &g); /* too narrow: nothing */
}

static void test_gauge_unicode(void **state)
{
	vscreen_t *vs = open_screen("xterm-256color", 12, 62, true);
	draw_gauges(vs);
	assert_golden(vs, "gauge");
	/* bands in colour: cell 0 (0..3.3) is below lolo, cell 27 above hihi,
	 * cell 5 (16.7..20) between lolo and lo, cell 15 normal and filled */
	/* A normal value: its whole fill is neutral, even across the low bands;
	 * the empty track beyond shows the warning and alarm zones. */
	assert_int_equal(cell_at(vs, 1, 0).pair, theme_pair(ROLE_GAUGE_FILL));
	assert_int_equal(cell_at(vs, 1, 5).pair, theme_pair(ROLE_GAUGE_FILL));
	assert_int_equal(cell_at(vs, 1, 10).pair, theme_pair(ROLE_GAUGE_FILL));
	assert_int_equal(cell_at(vs, 1, 26).pair, theme_pair(ROLE_GAUGE_WARN_BAND));
	assert_int_equal(cell_at(vs, 1, 28).pair, theme_pair(ROLE_GAUGE_ALARM_BAND));
	/* A value beyond HIHI: the fill itself says alarm. */
	assert_int_equal(cell_at(vs, 2, 3).pair, theme_pair(ROLE_GAUGE_ALARM_BAND));
	assert_int_equal(cell_at(vs, 1, 20).pair, theme_pair(ROLE_GAUGE_EMPTY));
	/* the mark takes the reading's state */
	assert_int_equal(cell_at(vs, 1, 15).pair, theme_pair(ROLE_GAUGE_MARK));
	assert_int_equal(cell_at(vs, 0, 1).pair, theme_pair(ROLE_ALARM));
	assert_int_equal(cell_at(vs, 2, 28).pair, theme_pair(ROLE_ALARM));
	assert_int_equal(cell_at(vs, 8, 25).pair, theme_pair(ROLE_WARN));
	/* stale and bad */
	for (int x = 0; x < 30; x++)
		assert_int_equal(cell_at(vs, 6, x).pair, theme_pair(ROLE_STALE));
	assert_int_equal(cell_at(vs, 7, 0).pair, theme_pair(ROLE_BAD));
	assert_int_equal(cell_at(vs, 5, 0).pair, theme_pair(ROLE_DIM));
	/* exactly `width` columns */
	assert_int_equal(cell_at(vs, 1, 30).wc, L'.');
	assert_int_equal(cell_at(vs, 9, 3).wc, L'.');
	assert_int_equal(cell_at(vs, 10, 60).wc, L'.');
	assert_int_equal(cell_at(vs, 11, 0).wc, L'.');
	vscreen_close(vs);
}

static void test_gauge_role(void **state)
{
	gauge_t g = gauge_at(50);
	assert_int_equal(gauge_role(&g), ROLE_VALUE);
	g.value = 80; /* at a limit is not beyond it, as for the alarm engine */
	assert_int_equal(gauge_role(&g), ROLE_VALUE);
	g.value = 80.5;
	assert_int_equal(gauge_role(&g), ROLE_WARN);
	g.value = 15;
	assert_int_equal(gauge_role(&g), ROLE_WARN);
	g.value = 9.5;
	assert_int_equal(gauge_role(&g), ROLE_ALARM);
	/* The caller's state wins: an alarm held inside its deadband. */
	g.value = 50;
	g.state = GAUGE_WARN;
	assert_int_equal(gauge_role(&g), ROLE_WARN);
	g.state = GAUGE_AUTO;
	g.value = 10; /* at LOLO: beyond LO, not beyond LOLO */
	assert_int_equal(gauge_role(&g), ROLE_WARN);
	g.value = 1e9;
	assert_int_equal(gauge_role(&g), ROLE_ALARM);
	g.limits.mask = 0;
	assert_int_equal(gauge_role(&g), ROLE_VALUE);
	g.stale = true;
	assert_int_equal(gauge_role(&g), ROLE_STALE);
	g.has_value = false;
	assert_int_equal(gauge_role(&g), ROLE_DIM);
	g.bad = true;
	assert_int_equal(gauge_role(&g), ROLE_BAD);
}

static void test_gauge_mono_ascii(void **state)
{
	vscreen_t *vs = open_screen("xterm-256color", 12, 62, false);
	glyphs_set_ascii(true);
	draw_gauges(vs);
	glyphs_set_ascii(false);
	assert_golden(vs, "gauge_ascii");
	/* without colour the mark is bold, reversed when in alarm */
	struct cell c = cell_at(vs, 1, 15);
	assert_int_equal(c.wc, L'|');
	assert_true(c.attr & A_BOLD);
	assert_false(c.attr & A_REVERSE);
	c = cell_at(vs, 0, 1);
	assert_true((c.attr & (A_BOLD | A_REVERSE)) == (A_BOLD | A_REVERSE));
	assert_int_equal(cell_at(vs, 3, 29).wc, L'^');
	assert_int_equal(cell_at(vs, 4, 0).wc, L'v');
	assert_int_equal(cell_at(vs, 1, 0).pair, 0);
	vscreen_close(vs);
}

/* ---- sparkline ---- */

static void test_sparkline(void **state)
{
	vscreen_t *vs = open_screen("xterm-256color", 12, 20, true);
	WINDOW *w = vs->win;
	float ramp[16], gaps[10], flat[6], two[2] = {1.0f, 2.0f}, none[3], steady[16];
	for (int i = 0; i < 16; i++) /* 10.0 kV with a jitter in its last digit */
		steady[i] = 10.0f + ((i * 7) % 3 - 1) * 0.01f;
	for (int i = 0; i < 16; i++)
		ramp[i] = (float)i;
	for (int i = 0; i < 10; i++)
		gaps[i] = (i % 3 == 1) ? NAN : (float)i;
	for (int i = 0; i < 6; i++)
		flat[i] = 42.0f;
	for (int i = 0; i < 3; i++)
		none[i] = NAN;
	sparkline_draw(w, 0, 0, 16, ramp, 16, 0, 0);  /* scale from the data */
	sparkline_draw(w, 1, 0, 16, ramp, 16, 0, 30); /* given scale */
	sparkline_draw(w, 2, 0, 10, gaps, 10, 0, 0);  /* NAN gaps */
	sparkline_draw(w, 3, 0, 6, flat, 6, 0, 0);    /* constant: mid-height */
	sparkline_draw(w, 4, 0, 8, two, 2, 0, 0);     /* fewer samples than width */
	sparkline_draw(w, 5, 0, 4, ramp, 16, 0, 0);   /* only the last 4 */
	sparkline_draw(w, 6, 0, 5, none, 3, 0, 0);    /* nothing but gaps */
	sparkline_draw(w, 7, 0, 16, ramp, 16, 4, 11); /* values beyond the scale clamp */
	glyphs_set_ascii(true);
	sparkline_draw(w, 8, 0, 16, ramp, 16, 0, 0);
	glyphs_set_ascii(false);
	/* A steady value with no floor swings the whole height; with the
	 * floor (±1% of 10) it stays near the middle; a floor smaller than
	 * the data's own span changes nothing. */
	sparkline_draw_spec(w, 9, 0, 16, &(sparkline_t){.values = steady, .n = 16});
	sparkline_draw_spec(w, 10, 0, 16,
	                    &(sparkline_t){.values = steady, .n = 16, .min_span = 0.2});
	sparkline_draw_spec(w, 11, 0, 16, &(sparkline_t){.values = ramp, .n = 16, .min_span = 1});
	assert_golden(vs, "sparkline");
	assert_int_equal(cell_at(vs, 9, 0).wc, L'▁');
	assert_int_equal(cell_at(vs, 9, 2).wc, L'█');
	for (int i = 0; i < 16; i++) {
		wchar_t c = cell_at(vs, 10, i).wc;
		assert_true(c == L'▄' || c == L'▅');
	}
	double lo = 0, hi = 0;
	assert_true(sparkline_scale(&(sparkline_t){.values = steady, .n = 16, .min_span = 0.2}, 16,
	                            &lo, &hi));
	assert_true(fabs(lo - 9.9) < 1e-3 && fabs(hi - 10.1) < 1e-3);
	assert_true(sparkline_scale(&(sparkline_t){.values = ramp, .n = 16, .min_span = 1}, 4, &lo,
	                            &hi)); /* the last 4 shown: 12..15 */
	assert_true(lo == 12 && hi == 15);
	assert_true(sparkline_scale(
	    &(sparkline_t){.values = ramp, .n = 16, .min = 0, .max = 30, .min_span = 100}, 16, &lo,
	    &hi)); /* a given scale wins */
	assert_true(lo == 0 && hi == 30);
	assert_false(sparkline_scale(&(sparkline_t){.values = none, .n = 3, .min_span = 1}, 5, &lo,
	                             &hi));
	assert_int_equal(cell_at(vs, 0, 0).wc, L'▁');
	assert_int_equal(cell_at(vs, 0, 15).wc, L'█');
	assert_int_equal(cell_at(vs, 3, 0).wc, L'▄');
	assert_int_equal(cell_at(vs, 4, 5).wc, L' ');
	assert_int_equal(cell_at(vs, 4, 7).wc, L'█');
	assert_int_equal(cell_at(vs, 2, 1).wc, L' ');
	assert_int_equal(cell_at(vs, 0, 3).pair, theme_pair(ROLE_SPARK));
	assert_int_equal(cell_at(vs, 8, 0).wc, L'_');
	vscreen_close(vs);
}

/* ---- panel ---- */

static void test_panel(void **state)
{
	vscreen_t *vs = open_screen("xterm-256color", 12, 30, true);
	WINDOW *w = vs->win;
	panel_draw(w, 0, 0, 4, 20, "Water", true);
	panel_draw(w, 4, 0, 3, 16, "观音桥7号泵站出口压力", false);
	panel_draw(w, 4, 17, 3, 11, "观音桥", false);
	panel_draw(w, 7, 0, 1, 5, "x", false);    /* too small: nothing */
	panel_draw(w, 8, 0, 2, 2, "x", false);    /* corners only */
	panel_draw(w, 8, 3, 3, 5, "Gas", false);  /* no room for a title */
	panel_draw(w, 8, 24, 6, 10, NULL, false); /* clipped by the window */
	assert_golden(vs, "panel");
	assert_int_equal(cell_at(vs, 0, 0).pair, theme_pair(ROLE_BORDER_FOCUS));
	assert_int_equal(cell_at(vs, 4, 0).pair, theme_pair(ROLE_BORDER));
	/* A focused panel's title is shown selected; others in the title role. */
	assert_int_equal(cell_at(vs, 0, 3).pair, theme_pair(ROLE_SELECTED));
	assert_int_equal(cell_at(vs, 4, 3).pair, theme_pair(ROLE_TITLE));
	assert_int_equal(cell_at(vs, 4, 12).wc, L'…');
	assert_int_equal(cell_at(vs, 4, 15).wc, L'┐');
	assert_int_equal(cell_at(vs, 7, 0).wc, L'.');
	vscreen_close(vs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_theme_mono),
	    cmocka_unit_test(test_theme_color),
	    cmocka_unit_test(test_theme_monochrome_terminal),
	    cmocka_unit_test(test_text_draw),
	    cmocka_unit_test(test_text_draw_clusters),
	    cmocka_unit_test(test_text_draw_attr),
	    cmocka_unit_test(test_gauge_unicode),
	    cmocka_unit_test(test_gauge_role),
	    cmocka_unit_test(test_gauge_mono_ascii),
	    cmocka_unit_test(test_sparkline),
	    cmocka_unit_test(test_panel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

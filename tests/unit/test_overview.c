/* The overview drawn from the seeded mock city (tests/support/city_fixture.h)
 * at 80x24 and 160x48, demo scale and city scale, and within a district,
 * compared with golden screens (UPDATE_GOLDEN=1 rewrites them); plus what
 * the screens must say whatever the goldens: the scope in the title, each
 * listed reading's district, problems listed before uncertain-only ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "city_fixture.h"
#include "frame.h"
#include "glyphs.h"
#include "snapshot.h"
#include "vscreen.h"

static city_fixture_t demo, city;

static char *draw(city_fixture_t *fx, int cols, int rows, bool ascii)
{
	vscreen_t *vs = vscreen_open("xterm-256color", rows, cols, false);
	assert_non_null(vs);
	glyphs_set_ascii(ascii);
	frame_t f = {0};
	frame_layout(&f, rows, cols);
	ui_ctx_t ctx;
	city_fixture_ctx(fx, &ctx);
	nav_t nav = {.page = PAGE_OVERVIEW};
	nav.scope = fx->scope;
	frame_draw(&f, &ctx, &nav);
	frame_stage(&f);
	char *text = snapshot_text(newscr, ascii);
	glyphs_set_ascii(false);
	frame_free(&f);
	vscreen_close(vs);
	return text;
}

static void check(city_fixture_t *fx, int cols, int rows, const char *golden, bool ascii)
{
	char *text = draw(fx, cols, rows, ascii);
	bool same = vscreen_golden(golden, text);
	free(text);
	assert_true(same);
}

static void test_demo_80x24(void **state)
{
	(void)state;
	check(&demo, 80, 24, "overview_demo_80x24", false);
}

static void test_demo_160x48(void **state)
{
	(void)state;
	check(&demo, 160, 48, "overview_demo_160x48", false);
}

static void test_city_80x24(void **state)
{
	(void)state;
	check(&city, 80, 24, "overview_city_80x24", false);
}

static void test_city_160x48(void **state)
{
	(void)state;
	check(&city, 160, 48, "overview_city_160x48", false);
}

static void test_city_ascii_80x24(void **state)
{
	(void)state;
	check(&city, 80, 24, "overview_city_ascii_80x24", true);
}

/* A district's centre: its scope in the title, its streets as "where". */
static void test_district_80x24(void **state)
{
	(void)state;
	scope_t sc;
	char *cause = NULL;
	assert_int_equal(scope_parse(&sc, "九龙坡区", &cause), 0);
	city_fixture_set_scope(&city, &sc);
	char *small = draw(&city, 80, 24, false);
	char *large = draw(&city, 160, 48, false);
	city_fixture_set_scope(&city, NULL); /* before any assert: the tests after */
	bool titled = strstr(small, "│ 九龙坡区 │ Overview") != NULL;
	bool same = vscreen_golden("overview_district_160x48", large);
	free(small);
	free(large);
	assert_true(titled);
	assert_true(same);
}

/* The line of the screen that holds `what`, or NULL. */
static const char *line_with(const char *text, const char *what, char *line, size_t size)
{
	const char *at = strstr(text, what);
	if (!at)
		return NULL;
	const char *start = at;
	while (start > text && start[-1] != '\n')
		start--;
	const char *end = strchr(at, '\n');
	size_t n = end ? (size_t)(end - start) : strlen(start);
	if (n >= size)
		n = size - 1;
	memcpy(line, start, n);
	line[n] = '\0';
	return line;
}

/* Whatever the goldens say: the city in the title at 80 columns, the
 * indices and the events named, and every block row saying its district. */
static void test_city_says_what_and_where(void **state)
{
	(void)state;
	char *text = draw(&city, 80, 24, false);
	char line[1024];
	assert_non_null(line_with(text, "│ 全市/City │ Overview", line, sizeof line));
	assert_non_null(strstr(text, "发展"));
	assert_non_null(strstr(text, "健康"));
	assert_non_null(strstr(text, "events"));
	/* The first row of the water block: an alarm, with its district. */
	const char *water = line_with(text, "Water (", line, sizeof line);
	assert_non_null(water);
	const char *row = strchr(strstr(text, "Water ("), '\n') + 1;
	assert_true(strncmp(row, "│!!", strlen("│!!")) == 0);
	assert_true(strstr(row, "区") < strchr(row, '\n') || strstr(row, "县") < strchr(row, '\n'));
	free(text);
}

/* At city scale no block lists an uncertain-only reading ("?" alone)
 * before a reading with a problem, nor ahead of fine readings nearer a
 * limit: scan each block's rows top down. (Worst-first order, as before,
 * listed every uncertain reading before every fine one.) */
static void test_uncertain_does_not_crowd_out(void **state)
{
	(void)state;
	char *text = draw(&city, 160, 48, false);
	int problems_after_uncertain = 0, uncertain_after_ok = 0;
	bool seen_uncertain[3] = {false, false, false}, seen_ok[3] = {false, false, false};
	for (char *l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		if (strncmp(l, "┌", strlen("┌")) == 0) {
			memset(seen_uncertain, 0, sizeof seen_uncertain);
			memset(seen_ok, 0, sizeof seen_ok);
		}
		int block = 0;
		/* Markers are the 4 columns after each block's left border. */
		for (char *p = l; *p && *p != '\n' && block < 3; p++) {
			if (strncmp(p, "│", strlen("│")) != 0)
				continue;
			char *m = p + strlen("│");
			if (strncmp(m, "?   ", 4) == 0) {
				seen_uncertain[block] = true;
				uncertain_after_ok += seen_ok[block];
			} else if (strncmp(m, "    ", 4) == 0 && m[4] != ' ') {
				seen_ok[block] = true;
			} else if (m[0] == '!' || m[0] == 'x' || m[0] == '~') {
				problems_after_uncertain += seen_uncertain[block];
			}
			char *right = strstr(m, "││"); /* this block's right border */
			if (!right)
				break;
			p = right + strlen("│") - 1;
			block++;
		}
	}
	assert_int_equal(problems_after_uncertain, 0);
	assert_true(uncertain_after_ok > 0);
	free(text);
}

static int setup(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1); /* the clock on the status bar */
	tzset();
	/* Enough history for the indices' trend (a sample every 10 s). */
	if (city_fixture_open(&demo, CITY_SCALE_DEMO, 1, 60, NULL) != 0)
		return -1;
	if (city_fixture_open(&city, CITY_SCALE_CITY, 1, 30, NULL) != 0)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	city_fixture_close(&demo);
	city_fixture_close(&city);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_demo_80x24),
	    cmocka_unit_test(test_demo_160x48),
	    cmocka_unit_test(test_city_80x24),
	    cmocka_unit_test(test_city_160x48),
	    cmocka_unit_test(test_city_ascii_80x24),
	    cmocka_unit_test(test_district_80x24),
	    cmocka_unit_test(test_city_says_what_and_where),
	    cmocka_unit_test(test_uncertain_does_not_crowd_out),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

/* The domain page over the seeded mock city with ten minutes of history
 * (tests/support/city_fixture): golden frames at 80x24, 160x48 and 200x60
 * (the columns it adds as the terminal widens: reading_cols.h), the header
 * naming every column shown, the name getting its widest and no more, and
 * a steady reading drawn flat. Golden files: UPDATE_GOLDEN=1 rewrites them. */
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
#include "text.h"

#define SEED      7
#define HISTORY_S 600

static city_fixture_t fx;

static int setup(void **state)
{
	(void)state;
	setenv("TZ", "Asia/Shanghai", 1); /* the city's clock */
	return city_fixture_open(&fx, CITY_SCALE_DEMO, SEED, HISTORY_S, NULL) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	city_fixture_close(&fx);
	return 0;
}

static char *frame_text(int cols, int rows)
{
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	nav_t nav = {.page = PAGE_DOMAIN, .domain = DOMAIN_POWER};
	char *text = screen_text(&ctx, &nav, cols, rows, false);
	assert_non_null(text);
	return text;
}

static void check(int cols, int rows, const char *golden)
{
	ui_ctx_t ctx;
	city_fixture_ctx(&fx, &ctx);
	nav_t nav = {.page = PAGE_DOMAIN, .domain = DOMAIN_POWER};
	assert_true(screen_golden(&ctx, &nav, cols, rows, false, golden));
}

static void test_domain_80x24(void **state)
{
	(void)state;
	check(80, 24, "domain_power_80x24");
}

static void test_domain_160x48(void **state)
{
	(void)state;
	check(160, 48, "domain_power_160x48");
}

static void test_domain_200x60(void **state)
{
	(void)state;
	check(200, 60, "domain_power_200x60");
}

/* The page's column titles: the first line naming the reading and its value
 * (a copy, to be freed). */
static char *header_line(const char *text)
{
	for (const char *p = text; p && *p;) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *line = malloc(n + 1);
		assert_non_null(line);
		memcpy(line, p, n);
		line[n] = '\0';
		if (strstr(line, " reading ") && strstr(line, " value "))
			return line;
		free(line);
		p = end ? end + 1 : NULL;
	}
	fail_msg("no header line");
	return NULL;
}

/* Wider shows more, and the header names it. */
static void test_header_names_columns(void **state)
{
	(void)state;
	static const char *const narrow[] = {"state", "reading", "place", "gauge", "value", "age"};
	static const char *const wide[] = {"trend", "lo/hi", "lolo/hihi", "history", "min/max",
	                                   "source"};
	char *text = frame_text(80, 24);
	char *head = header_line(text);
	for (size_t i = 0; i < sizeof narrow / sizeof narrow[0]; i++)
		assert_non_null(strstr(head, narrow[i]));
	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
		assert_null(strstr(head, wide[i]));
	free(head);
	free(text);
	text = frame_text(200, 60);
	head = header_line(text);
	for (size_t i = 0; i < sizeof narrow / sizeof narrow[0]; i++)
		assert_non_null(strstr(head, narrow[i]));
	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
		assert_non_null(strstr(head, wide[i]));
	/* The name column is as wide as the widest name, not all the rest:
	 * the place follows the widest name after one space. */
	const domain_view_t *dv = &fx.view.domains[DOMAIN_POWER];
	int widest = 0;
	for (size_t i = 0; i < dv->total; i++) {
		int w = text_width(store_reading(fx.store, dv->by_place[i])->name);
		widest = w > widest ? w : widest;
	}
	const char *reading = strstr(head, "reading"), *place = strstr(head, "place");
	assert_non_null(reading);
	assert_non_null(place);
	assert_int_equal(place - reading, widest + 1);
	free(head);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_domain_80x24),
	    cmocka_unit_test(test_domain_160x48),
	    cmocka_unit_test(test_domain_200x60),
	    cmocka_unit_test(test_header_names_columns),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

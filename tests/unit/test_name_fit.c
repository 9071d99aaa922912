/* name_fit: names cut to a width keep their head and tail, never exceed the
 * width, never split a character, and names shown together stay distinct.
 * The CJK names are the city-scale mock's (citydash-mock --scale city). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "glyphs.h"
#include "name_fit.h"
#include "reading_row.h"
#include "text.h"

static void expect_fit(const char *name, int width, const char *want)
{
	char *got = name_fit(name, width);
	assert_string_equal(got, want);
	assert_true(text_width(got) <= (width > 0 ? width : 0));
	free(got);
}

/* The place column drops the kind the names share, never leaving one
 * character or a name cut inside its kind. */
static void test_district_kind(void **state)
{
	(void)state;
	static const struct {
		const char *name, *want;
		bool street;
	} cases[] = {
	    {"江北区", "江北", false}, {"忠县", "忠县", false},
	    {"高新区", "高新", false}, {"两江新区", "两江", false},
	    {"万州区", "万州", false}, {"观音桥街道", "观音桥", true},
	    {"龙兴镇", "龙兴", true},  {"Jiangbei", "Jiangbei", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		reading_t r = {.district = (char *)cases[i].name, .street = (char *)cases[i].name};
		char buf[64];
		reading_row_district(&r, cases[i].street, 20, buf, sizeof buf);
		assert_string_equal(buf, cases[i].want);
	}
}

static void test_fits_whole(void **state)
{
	(void)state;
	expect_fit("白鹤18号水厂出厂浊度", 20, "白鹤18号水厂出厂浊度");
	expect_fit("白鹤18号水厂出厂浊度", 40, "白鹤18号水厂出厂浊度");
	expect_fit("", 5, "");
}

/* The measure survives the cut: the tail keeps "出厂浊度", the head the place. */
static void test_keeps_head_and_tail(void **state)
{
	(void)state;
	expect_fit("白鹤18号水厂出厂浊度", 16, "白鹤18…出厂浊度");
	expect_fit("白鹤18号水厂出厂浊度", 18, "白鹤18号…出厂浊度");
	expect_fit("五里店9号管网监测点管网压力", 16, "五里店9…管网压力");
	expect_fit("渝州路13号燃气探测器可燃气体浓度", 22, "渝州路13号…燃气体浓度");
}

static void test_ascii_names(void **state)
{
	(void)state;
	expect_fit("water.baihe18.plant.turbidity", 20, "water.bai….turbidity");
	expect_fit("water.baihe18.plant.turbidity", 29, "water.baihe18.plant.turbidity");
	glyphs_set_ascii(true);
	expect_fit("water.baihe18.plant.turbidity", 20, "water.bai..turbidity");
	glyphs_set_ascii(false);
}

/* Very narrow: never wider than asked, never half a character. */
static void test_narrow(void **state)
{
	(void)state;
	expect_fit("白鹤18号水厂出厂浊度", 0, "");
	expect_fit("白鹤18号水厂出厂浊度", -3, "");
	expect_fit("白鹤18号水厂出厂浊度", 1, "");
	expect_fit("白鹤18号水厂出厂浊度", 2, "白");
	expect_fit("白鹤18号水厂出厂浊度", 3, "白…");
	expect_fit("白鹤18号水厂出厂浊度", 5, "白…度");
	expect_fit("abcdef", 3, "a…f");
	for (int w = 0; w < 24; w++) {
		char *got = name_fit("上清寺4号水厂出厂余氯", w);
		assert_true(text_width(got) <= w);
		assert_true(text_is_clean(got));
		free(got);
	}
}

static bool all_distinct(char **out, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(out[i], out[j]) == 0)
				return false;
	return true;
}

/* Three measurements of one plant, two plants with one measure: every cut
 * name differs. The head-only cut of today ("上清寺4号水厂 …") made them
 * all one. */
static void test_many_distinct(void **state)
{
	(void)state;
	const char *names[] = {"玉溪19号水厂出厂pH", "玉溪19号水厂出厂余氯", "玉溪9号水厂出厂余氯",
	                       "玉溪9号水厂出厂浊度", "龙门16号水厂出厂浊度"};
	enum { N = sizeof names / sizeof names[0] };
	char *out[N];
	for (int w = 8; w <= 20; w++) {
		name_fit_many(names, N, w, out);
		for (size_t i = 0; i < N; i++)
			assert_true(text_width(out[i]) <= w);
		assert_true(all_distinct(out, N));
		name_fit_free(out, N);
	}
}

/* Names that differ only in the middle: the group is cut where it differs. */
static void test_many_middle(void **state)
{
	(void)state;
	const char *names[] = {"沙坪坝9号隧道积水深度", "沙坪坝8号隧道积水深度",
	                       "沙坪坝7号隧道积水深度"};
	char *out[3];
	char *alone = name_fit(names[0], 12);
	name_fit_many(names, 3, 12, out);
	assert_true(all_distinct(out, 3));
	/* Alone, the usual split; together, the head grows to the number. */
	assert_string_equal(alone, "沙坪…水深度");
	assert_string_equal(out[0], "沙坪坝9…深度");
	free(alone);
	name_fit_free(out, 3);
	/* Equal names stay equal, and do not disturb the others. */
	const char *same[] = {"白鹤18号水厂出厂浊度", "白鹤18号水厂出厂浊度",
	                      "白鹤18号水厂出厂余氯"};
	name_fit_many(same, 3, 10, out);
	assert_string_equal(out[0], out[1]);
	assert_string_not_equal(out[0], out[2]);
	name_fit_free(out, 3);
	/* Too narrow to tell apart: cut as usual, no endless search. */
	name_fit_many(names, 3, 3, out);
	assert_string_equal(out[0], "沙…");
	name_fit_free(out, 3);
	name_fit_many(names, 0, 10, out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_district_kind),
	    cmocka_unit_test(test_fits_whole),
	    cmocka_unit_test(test_keeps_head_and_tail),
	    cmocka_unit_test(test_ascii_names),
	    cmocka_unit_test(test_narrow),
	    cmocka_unit_test(test_many_distinct),
	    cmocka_unit_test(test_many_middle),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

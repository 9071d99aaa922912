/* theme_file: the theme file format (docs/themes.md): a good file, every
 * error with its file, line and role, `base`, and the five shipped themes
 * (themes/NAME.theme), each complete and right at every colour depth. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "strbuf.h"
#include "theme_file.h"
#include "theme_find.h"
#include "xalloc.h"

#define SHIPPED CITYDASH_TEST_DATA "/../themes"

/* Every role on its own line, "ROLE fg=default", but `skip` and with `extra`
 * lines first. */
static char *all_roles(const char *extra, int skip1, int skip2)
{
	strbuf_t b = {0};
	strbuf_put(&b, extra, strlen(extra));
	for (int r = 0; r < ROLE_COUNT; r++) {
		if (r == skip1 || r == skip2)
			continue;
		char *line = xasprintf("%s fg=default\n", theme_role_name((theme_role_t)r));
		strbuf_put(&b, line, strlen(line));
		free(line);
	}
	return b.data;
}

/* Parses `text` as t.theme; returns the error (caller frees) or NULL. */
static char *parse_error(const char *text, theme_find_fn find)
{
	static theme_spec_t t;
	memset(&t, 0, sizeof t);
	char *cause = NULL;
	int rc = theme_file_parse(&t, "t.theme", text, find, &cause);
	assert_int_equal(rc != 0, cause != NULL);
	return cause;
}

static void expect_error(const char *first_lines, int skip, const char *want)
{
	char *text = all_roles(first_lines, skip, -1);
	char *cause = parse_error(text, NULL);
	if (!cause || strcmp(cause, want) != 0)
		fail_msg("want: %s\n got: %s", want, cause ? cause : "(no error)");
	free(cause);
	free(text);
}

static void test_role_names(void **state)
{
	assert_string_equal(theme_role_name(ROLE_GAUGE_FILL), "gauge_fill");
	assert_string_equal(theme_role_name(ROLE_ALARM_ACKED), "alarm_acked");
	assert_string_equal(theme_role_name(ROLE_KEYBAR_KEY), "keybar_key");
	assert_int_equal(theme_role_lookup("kpi_off"), ROLE_KPI_OFF);
	assert_int_equal(theme_role_lookup("ROLE_ALARM"), -1);
	assert_int_equal(theme_role_lookup("Alarm"), -1);
	for (int r = 0; r < ROLE_COUNT; r++)
		assert_int_equal(theme_role_lookup(theme_role_name((theme_role_t)r)), r);
}

static void test_good_file(void **state)
{
	char *text = all_roles("# a comment line\r\n"
	                       "\n"
	                       "  \t \n"
	                       "alarm\tfg=#ffffff,bright-white,white  bg=#d70000,red attr=bold "
	                       "mono=bold,reverse # the strongest\r\n"
	                       "warn fg=214 attr=bold,underline\n"
	                       "stale\n",
	                       ROLE_ALARM, ROLE_WARN);
	/* stale is given twice by all_roles: drop that line */
	char *dup = strstr(text, "\nstale fg=default\n");
	assert_non_null(dup);
	memmove(dup + 1, dup + strlen("\nstale fg=default\n"),
	        strlen(dup + strlen("\nstale fg=default\n")) + 1);

	static theme_spec_t t;
	memset(&t, 0, sizeof t);
	char *cause = NULL;
	assert_int_equal(theme_file_parse(&t, "t.theme", text, NULL, &cause), 0);
	assert_null(cause);
	for (int r = 0; r < ROLE_COUNT; r++)
		assert_true(t.role[r].given);
	const theme_role_spec_t *a = &t.role[ROLE_ALARM];
	assert_int_equal(a->fg_count, 3);
	assert_int_equal(a->fg[0].kind, THEME_COLOR_RGB);
	assert_int_equal(a->fg[0].value, 0xffffff);
	assert_int_equal(a->fg[1].value, 15);
	assert_int_equal(a->bg_count, 2);
	assert_int_equal(a->bg[0].value, 0xd70000);
	assert_int_equal(a->attr, A_BOLD);
	assert_int_equal(a->mono, A_BOLD | A_REVERSE);
	const theme_role_spec_t *w = &t.role[ROLE_WARN];
	assert_int_equal(w->fg[0].kind, THEME_COLOR_INDEX);
	assert_int_equal(w->fg[0].value, 214);
	assert_int_equal(w->bg[0].kind, THEME_COLOR_DEFAULT); /* left out: default */
	assert_int_equal(w->mono, A_BOLD | A_UNDERLINE);      /* left out: as attr */
	const theme_role_spec_t *s = &t.role[ROLE_STALE];
	assert_int_equal(s->fg_count, 1);
	assert_int_equal(s->fg[0].kind, THEME_COLOR_DEFAULT);
	assert_int_equal(s->attr, A_NORMAL);
	free(text);
}

static void test_errors(void **state)
{
	expect_error("alarm fg=reed\n", ROLE_ALARM,
	             "t.theme:1: role \"alarm\": unknown colour \"reed\"");
	expect_error("\n# x\nalarm fg=red,#12345\n", ROLE_ALARM,
	             "t.theme:3: role \"alarm\": unknown colour \"#12345\"");
	expect_error("alarms fg=red\n", -1, "t.theme:1: unknown role \"alarms\"");
	expect_error("ROLE_ALARM fg=red\n", -1, "t.theme:1: unknown role \"ROLE_ALARM\"");
	expect_error("warn colour=red\n", ROLE_WARN,
	             "t.theme:1: role \"warn\": unknown key \"colour\" (fg, bg, attr or mono)");
	expect_error("warn red\n", ROLE_WARN,
	             "t.theme:1: role \"warn\": unknown key \"red\" (fg, bg, attr or mono)");
	expect_error("warn fg=\n", ROLE_WARN,
	             "t.theme:1: role \"warn\": \"fg\" wants a value (fg=…)");
	expect_error("warn fg\n", ROLE_WARN,
	             "t.theme:1: role \"warn\": \"fg\" wants a value (fg=…)");
	expect_error("warn fg=,\n", ROLE_WARN, "t.theme:1: role \"warn\": \"fg\" wants a colour");
	expect_error("warn attr=,\n", ROLE_WARN,
	             "t.theme:1: role \"warn\": \"attr\" wants an attribute");
	expect_error("warn fg=red bg=red fg=blue\n", ROLE_WARN,
	             "t.theme:1: role \"warn\": \"fg\" given twice");
	expect_error("warn attr=blod\n", ROLE_WARN,
	             "t.theme:1: role \"warn\": unknown attribute \"blod\"");
	expect_error("warn mono=bold,blink\n", ROLE_WARN,
	             "t.theme:1: role \"warn\": unknown attribute \"blink\"");
	expect_error("warn fg=1,2,3,4,5\n", ROLE_WARN,
	             "t.theme:1: role \"warn\": \"fg\": more than 4 colours");
	expect_error("ok fg=green\n\nok fg=white\n", ROLE_OK,
	             "t.theme:3: role \"ok\": given twice (first on line 1)");
	/* the role named is this line's, not the last good one's */
	expect_error("ok fg=green\nspark fg=#zzzzzz\n", ROLE_OK,
	             "t.theme:2: role \"spark\": unknown colour \"#zzzzzz\"");
	expect_error("ok\nbase dark\n", ROLE_OK, "t.theme:2: \"base\" must come before the roles");
	expect_error("base\n", -1, "t.theme:1: \"base\" wants one theme's name or file");
	expect_error("base a b\n", -1, "t.theme:1: \"base\" wants one theme's name or file");
	expect_error("base dark\n", -1, "t.theme:1: \"base\" is not allowed here");
}

static void test_missing_roles(void **state)
{
	char *text = all_roles("", ROLE_SPARK, ROLE_MATCH);
	char *cause = parse_error(text, NULL);
	assert_non_null(cause);
	assert_string_equal(cause,
	                    "t.theme: roles \"spark\", \"match\" not given (every role needs "
	                    "a line, docs/themes.md)");
	free(cause);
	free(text);
	text = all_roles("", ROLE_NORMAL, -1);
	cause = parse_error(text, NULL);
	assert_string_equal(cause, "t.theme: role \"normal\" not given (every role needs a line, "
	                           "docs/themes.md)");
	free(cause);
	free(text);
	cause = parse_error("", NULL);
	assert_non_null(strstr(cause, "t.theme: roles \"normal\", \"dim\","));
	free(cause);
}

/* `base NAME` in tests: NAME.theme in a temporary directory. */
static char base_dir[64];

static char *find_in_base_dir(const char *name, char **cause)
{
	char *path = xasprintf("%s/%s.theme", base_dir, name);
	if (access(path, F_OK) == 0)
		return path;
	free(path);
	*cause = xasprintf("theme \"%s\" not found", name);
	return NULL;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_base(void **state)
{
	strcpy(base_dir, "/tmp/citydash-theme-XXXXXX");
	assert_non_null(mkdtemp(base_dir));
	char *full = all_roles("", -1, -1);
	char *p_full = xasprintf("%s/full.theme", base_dir);
	write_file(p_full, full);
	free(full);

	static theme_spec_t t;
	memset(&t, 0, sizeof t);
	char *cause = NULL;
	assert_int_equal(theme_file_parse(&t, "t.theme", "# mine\nbase full\nalarm fg=blue\n",
	                                  find_in_base_dir, &cause),
	                 0);
	assert_int_equal(t.role[ROLE_ALARM].fg[0].value, 4);
	assert_int_equal(t.role[ROLE_WARN].fg[0].kind, THEME_COLOR_DEFAULT);

	/* errors in a base name the base's file */
	char *p_bad = xasprintf("%s/bad.theme", base_dir);
	write_file(p_bad, "ok fg=nope\n");
	cause = parse_error("base bad\n", find_in_base_dir);
	char *want = xasprintf("%s:1: role \"ok\": unknown colour \"nope\"", p_bad);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	cause = parse_error("base gone\n", find_in_base_dir);
	assert_string_equal(cause, "t.theme:1: base \"gone\": theme \"gone\" not found");
	free(cause);
	/* a base of itself: bounded */
	char *p_loop = xasprintf("%s/loop.theme", base_dir);
	write_file(p_loop, "base loop\n");
	cause = parse_error("base loop\n", find_in_base_dir);
	assert_non_null(strstr(cause, "bases nest more than 4 deep"));
	free(cause);

	/* a file that is not there, not text */
	char *p_bin = xasprintf("%s/bin.theme", base_dir);
	FILE *f = fopen(p_bin, "wb");
	fwrite("ok\0\n", 1, 4, f);
	fclose(f);
	assert_int_equal(theme_file_load(&t, p_bin, NULL, &cause), -1);
	want = xasprintf("%s: not a text file", p_bin);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	assert_int_equal(theme_file_load(&t, "/nonexistent/x.theme", NULL, &cause), -1);
	assert_string_equal(cause, "/nonexistent/x.theme: No such file or directory");
	free(cause);

	const char *paths[] = {p_full, p_bad, p_loop, p_bin};
	for (size_t i = 0; i < 4; i++) {
		unlink(paths[i]);
		free((void *)paths[i]);
	}
	rmdir(base_dir);
}

/* ---- the shipped themes ---- */

static const char *const shipped[] = {"high-performance", "dark", "light", "high-contrast", "mono"};
static const theme_role_t abnormal[] = {ROLE_ALARM,   ROLE_ALARM_ACKED, ROLE_WARN,
                                        ROLE_STALE,   ROLE_BAD,         ROLE_KPI_OFF,
                                        ROLE_OVERDUE, ROLE_SHELVED,     ROLE_BANNER};

static void load_shipped(theme_spec_t *t, const char *name)
{
	char *path = xasprintf("%s/%s.theme", SHIPPED, name);
	char *cause = NULL;
	memset(t, 0, sizeof *t);
	if (theme_file_load(t, path, theme_find, &cause) != 0)
		fail_msg("%s", cause);
	free(path);
}

static bool achromatic(int c)
{
	if (c < 0)
		return true; /* default */
	uint32_t rgb = c < 256 ? theme_index_rgb(c) : (uint32_t)c;
	int r = (int)(rgb >> 16 & 0xff), g = (int)(rgb >> 8 & 0xff), b = (int)(rgb & 0xff);
	return abs(r - g) < 16 && abs(g - b) < 16 && abs(r - b) < 16;
}

static void test_shipped(void **state)
{
	static const theme_depth_t depths[] = {THEME_DEPTH_8, THEME_DEPTH_16, THEME_DEPTH_256,
	                                       THEME_DEPTH_TRUE};
	static theme_spec_t t;
	for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
		load_shipped(&t, shipped[i]);
		for (int r = 0; r < ROLE_COUNT; r++)
			assert_true(t.role[r].given);
		const theme_role_spec_t *n = &t.role[ROLE_NORMAL];
		for (size_t k = 0; k < sizeof abnormal / sizeof abnormal[0]; k++) {
			const theme_role_spec_t *a = &t.role[abnormal[k]];
			/* without colour, an abnormal state still stands out */
			if (a->mono == n->mono)
				fail_msg("%s: %s looks normal without colour", shipped[i],
				         theme_role_name(abnormal[k]));
		}
		for (size_t d = 0; d < sizeof depths / sizeof depths[0]; d++)
			for (int r = 0; r < ROLE_COUNT; r++) {
				const theme_role_spec_t *s = &t.role[r];
				int fg = theme_color_pick(s->fg, s->fg_count, depths[d]);
				int bg = theme_color_pick(s->bg, s->bg_count, depths[d]);
				/* text must be visible at every depth */
				if (fg >= 0 && fg == bg)
					fail_msg("%s: %s is %d on %d at %s", shipped[i],
					         theme_role_name((theme_role_t)r), fg, bg,
					         theme_depth_name(depths[d]));
			}
	}
}

/* ISA-101: normal is grey, colour only for what is abnormal. */
static void test_high_performance_is_grey(void **state)
{
	static const theme_role_t normal[] = {
	    ROLE_NORMAL,     ROLE_DIM,      ROLE_TITLE,       ROLE_BORDER,     ROLE_BORDER_FOCUS,
	    ROLE_LABEL,      ROLE_VALUE,    ROLE_OK,          ROLE_GAUGE_FILL, ROLE_GAUGE_EMPTY,
	    ROLE_GAUGE_MARK, ROLE_SPARK,    ROLE_BULLET_BAND, ROLE_BULLET_BAR, ROLE_STATUS_BAR,
	    ROLE_STATUS_OK,  ROLE_SELECTED, ROLE_BIG};
	static const theme_depth_t depths[] = {THEME_DEPTH_8, THEME_DEPTH_16, THEME_DEPTH_256,
	                                       THEME_DEPTH_TRUE};
	static theme_spec_t t;
	load_shipped(&t, "high-performance");
	for (size_t d = 0; d < sizeof depths / sizeof depths[0]; d++) {
		for (size_t k = 0; k < sizeof normal / sizeof normal[0]; k++) {
			const theme_role_spec_t *s = &t.role[normal[k]];
			int fg = theme_color_pick(s->fg, s->fg_count, depths[d]);
			int bg = theme_color_pick(s->bg, s->bg_count, depths[d]);
			if (!achromatic(fg) || !achromatic(bg))
				fail_msg("%s is coloured at %s", theme_role_name(normal[k]),
				         theme_depth_name(depths[d]));
		}
		for (size_t k = 0; k < sizeof abnormal / sizeof abnormal[0]; k++) {
			const theme_role_spec_t *s = &t.role[abnormal[k]];
			int fg = theme_color_pick(s->fg, s->fg_count, depths[d]);
			int bg = theme_color_pick(s->bg, s->bg_count, depths[d]);
			if (achromatic(fg) && achromatic(bg))
				fail_msg("%s is grey at %s", theme_role_name(abnormal[k]),
				         theme_depth_name(depths[d]));
		}
	}
}

static int setup(void **state)
{
	/* base lines look up themes: not in the user's own directory */
	setenv("XDG_CONFIG_HOME", "/nonexistent/citydash-test", 1);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_role_names),
	    cmocka_unit_test(test_good_file),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_missing_roles),
	    cmocka_unit_test(test_base),
	    cmocka_unit_test(test_shipped),
	    cmocka_unit_test(test_high_performance_is_grey),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}

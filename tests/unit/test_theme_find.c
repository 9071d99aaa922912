/* theme_find and theme_use: where a theme's name leads (XDG, installed,
 * source tree; a path), what a theme that is not found says, and a theme in
 * use on terminals of 8, 16, 256 and 2^24 colours. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "theme.h"
#include "theme_find.h"
#include "vscreen.h"
#include "xalloc.h"

#define SOURCE_THEMES CITYDASH_TEST_DATA "/../themes"

static char tmp[64];

static char *at(const char *rel)
{
	return xasprintf("%s/%s", tmp, rel);
}

static void mkdirs(const char *rel)
{
	char *p = at(rel);
	for (char *s = p + strlen(tmp) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		mkdir(p, 0700);
		*s = '/';
	}
	mkdir(p, 0700);
	free(p);
}

static void touch(const char *rel, const char *text)
{
	char *p = at(rel);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static int setup(void **state)
{
	strcpy(tmp, "/tmp/citydash-themes-XXXXXX");
	if (!mkdtemp(tmp))
		return -1;
	mkdirs("xdg/citydash/themes");
	mkdirs("home/.config/citydash/themes");
	mkdirs("prefix/bin");
	mkdirs("prefix/share/citydash/themes");
	touch("xdg/citydash/themes/mine.theme", "");
	touch("xdg/citydash/themes/both.theme", "");
	touch("home/.config/citydash/themes/homes.theme", "");
	touch("prefix/share/citydash/themes/both.theme", "");
	touch("prefix/share/citydash/themes/installed.theme", "");
	return 0;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmp);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static char *find(const char *name, const char *xdg, const char *home, const char *exe,
                  char **cause)
{
	theme_dirs_t d;
	theme_dirs_make(&d, xdg, home, exe);
	char *path = theme_find_in(name, &d, cause);
	theme_dirs_free(&d);
	return path;
}

static void expect_found(const char *name, const char *xdg, const char *home, const char *exe,
                         const char *want_rel)
{
	char *cause = NULL;
	char *path = find(name, xdg, home, exe, &cause);
	if (!path)
		fail_msg("%s: %s", name, cause);
	char *want = at(want_rel);
	assert_string_equal(path, want);
	free(want);
	free(path);
}

static void test_lookup_order(void **state)
{
	char *xdg = at("xdg"), *home = at("home"), *exe = at("prefix/bin/citydash");
	/* the user's directory first, then the installed themes beside the binary */
	expect_found("mine", xdg, home, exe, "xdg/citydash/themes/mine.theme");
	expect_found("both", xdg, home, exe, "xdg/citydash/themes/both.theme");
	expect_found("installed", xdg, home, exe, "prefix/share/citydash/themes/installed.theme");
	/* XDG_CONFIG_HOME unset (or relative, which the spec says to ignore): ~/.config */
	expect_found("homes", NULL, home, exe, "home/.config/citydash/themes/homes.theme");
	expect_found("homes", "relative/dir", home, exe,
	             "home/.config/citydash/themes/homes.theme");
	expect_found("both", NULL, home, exe, "prefix/share/citydash/themes/both.theme");
	free(xdg);
	free(home);
	free(exe);
}

static void test_path_and_names(void **state)
{
	char *cause = NULL;
	char *path = find("./x.theme", NULL, NULL, NULL, &cause);
	assert_string_equal(path,
	                    "./x.theme"); /* a path: as it is; loading says if it is not there */
	free(path);
	path = find("/etc/none.theme", NULL, NULL, NULL, &cause);
	assert_string_equal(path, "/etc/none.theme");
	free(path);
	static const char *const bad[] = {"", ".hidden", "-x", "a b", "a\\b", "é"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_null(find(bad[i], NULL, NULL, NULL, &cause));
		assert_non_null(strstr(cause, "a name is letters, digits"));
		free(cause);
	}
}

static void test_not_found_lists_places(void **state)
{
	char *xdg = at("xdg"), *exe = at("prefix/bin/citydash");
	char *cause = NULL;
	assert_null(find("nope", xdg, NULL, exe, &cause));
	char *want =
	    xasprintf("theme \"nope\" not found (looked for %s/xdg/citydash/themes/nope.theme, "
	              "%s/prefix/share/citydash/themes/nope.theme, ",
	              tmp, tmp);
	if (strncmp(cause, want, strlen(want)) != 0)
		fail_msg("want: %s...\n got: %s", want, cause);
	/* and the directory it was built for */
	assert_non_null(strstr(cause, "/citydash/themes/nope.theme)"));
	free(want);
	free(cause);
	free(xdg);
	free(exe);
}

/* A directory that is not there is still named tidily: no "bin/.." */
static void test_dir_names(void **state)
{
	char *exe = at("nothere/bin/citydash");
	theme_dirs_t d;
	theme_dirs_make(&d, NULL, NULL, exe);
	char *want = at("nothere/share/citydash/themes");
	assert_true(d.count >= 2);
	assert_string_equal(d.dir[0], want);
	for (size_t i = 0; i < d.count; i++)
		assert_null(strstr(d.dir[i], "/../"));
	theme_dirs_free(&d);
	free(want);
	free(exe);
}

static void test_build_tree(void **state)
{
	/* this test runs from the build tree: the source's themes/ is searched */
	theme_dirs_t d;
	theme_dirs_here(&d);
	char *src = realpath(SOURCE_THEMES, NULL);
	assert_non_null(src);
	bool listed = false;
	for (size_t i = 0; i < d.count; i++)
		listed |= strcmp(d.dir[i], src) == 0 || strcmp(d.dir[i], SOURCE_THEMES) == 0;
	assert_true(listed);
	theme_dirs_free(&d);
	/* ...but not for a binary elsewhere (an installed one) */
	char *exe = at("prefix/bin/citydash");
	theme_dirs_make(&d, NULL, NULL, exe);
	for (size_t i = 0; i < d.count; i++)
		assert_true(strcmp(d.dir[i], src) != 0 && strcmp(d.dir[i], SOURCE_THEMES) != 0);
	theme_dirs_free(&d);
	free(exe);
	free(src);
}

/* ---- theme_use, then theme_init on terminals of each depth ---- */

static void pair_of(theme_role_t r, int *fg, int *bg)
{
	assert_int_equal(extended_pair_content(theme_pair(r), fg, bg), OK);
}

static void test_use(void **state)
{
	char *xdg = at("xdg");
	setenv("XDG_CONFIG_HOME", xdg, 1);
	free(xdg);
	unsetenv("COLORTERM");
	char *cause = NULL;
	/* found from the build tree: the source's themes/ */
	assert_int_equal(theme_use("light", &cause), 0);
	assert_string_equal(theme_name(), "light");
	vscreen_t *vs = vscreen_open("xterm-256color", 4, 10, true);
	assert_non_null(vs);
	assert_string_equal(theme_depth_desc(), "256 colours");
	int fg, bg;
	pair_of(ROLE_GAUGE_FILL, &fg, &bg);
	assert_int_equal(fg, 242); /* light: #6c6c6c */
	assert_int_equal(bg, -1);
	vscreen_close(vs);

	assert_int_equal(theme_use(NULL, &cause), 0); /* the default */
	assert_string_equal(theme_name(), "high-performance");
	struct {
		const char *term;
		const char *depth;
		int fill, alarm_bg;
	} terms[] = {
	    {"xterm", "8 colours", COLOR_WHITE, COLOR_RED},
	    {"xterm-16color", "16 colours", 8, COLOR_RED},
	    {"xterm-256color", "256 colours", 245, 160},
	    {"xterm-direct", "24-bit colour", 0x8a8a8a, 0xd70000},
	};
	for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
		vs = vscreen_open(terms[i].term, 4, 10, true);
		if (!vs) { /* a terminfo entry this system lacks */
			print_message("skipped: no terminfo entry %s\n", terms[i].term);
			continue;
		}
		assert_string_equal(theme_depth_desc(), terms[i].depth);
		pair_of(ROLE_GAUGE_FILL, &fg, &bg);
		assert_int_equal(fg, terms[i].fill);
		pair_of(ROLE_ALARM, &fg, &bg);
		assert_int_equal(bg, terms[i].alarm_bg);
		assert_true(theme_attr(ROLE_ALARM) & A_BOLD);
		vscreen_close(vs);
	}
	/* without colour: the mono attributes of the file */
	vs = vscreen_open("xterm-256color", 4, 10, false);
	assert_int_equal(theme_attr(ROLE_ALARM), A_BOLD | A_REVERSE);
	assert_int_equal(theme_attr(ROLE_STALE), A_DIM | A_UNDERLINE);
	assert_string_equal(theme_depth_desc(), "no colour");
	vscreen_close(vs);

	/* mono: no colour pairs differ, attributes only */
	assert_int_equal(theme_use("mono", &cause), 0);
	vs = vscreen_open("xterm-256color", 4, 10, true);
	pair_of(ROLE_ALARM, &fg, &bg);
	assert_int_equal(fg, -1);
	assert_int_equal(bg, -1);
	assert_true(theme_attr(ROLE_ALARM) & A_REVERSE);
	vscreen_close(vs);
}

static void test_use_errors(void **state)
{
	char *xdg = at("xdg");
	setenv("XDG_CONFIG_HOME", xdg, 1);
	free(xdg);
	char *cause = NULL;
	assert_int_equal(theme_use("dark", &cause), 0);
	assert_int_equal(theme_use("nope", &cause), -1);
	assert_non_null(strstr(cause, "theme \"nope\" not found (looked for "));
	assert_non_null(strstr(cause, "/xdg/citydash/themes/nope.theme"));
	free(cause);
	/* an error keeps the theme in use */
	assert_string_equal(theme_name(), "dark");
	touch("xdg/citydash/themes/broken.theme", "normal\nalarm fg=reed\n");
	assert_int_equal(theme_use("broken", &cause), -1);
	char *want = xasprintf("%s/xdg/citydash/themes/broken.theme:2: role \"alarm\": unknown "
	                       "colour \"reed\"",
	                       tmp);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	/* the user's copy of a shipped theme wins over it */
	touch("xdg/citydash/themes/dark.theme", "base high-performance\nalarm fg=blue\n");
	assert_int_equal(theme_use("dark", &cause), 0);
	vscreen_t *vs = vscreen_open("xterm-256color", 4, 10, true);
	int fg, bg;
	pair_of(ROLE_ALARM, &fg, &bg);
	assert_int_equal(fg, COLOR_BLUE);
	assert_int_equal(bg, -1);
	pair_of(ROLE_GAUGE_FILL, &fg, &bg);
	assert_int_equal(fg, 245); /* the rest from its base */
	vscreen_close(vs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lookup_order),
	    cmocka_unit_test(test_path_and_names),
	    cmocka_unit_test(test_not_found_lists_places),
	    cmocka_unit_test(test_dir_names),
	    cmocka_unit_test(test_build_tree),
	    cmocka_unit_test(test_use),
	    cmocka_unit_test(test_use_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

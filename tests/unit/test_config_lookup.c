/* Unit tests for feeds/config_lookup.c: the order of the places the
 * configuration file is looked for ($CITYDASH_CONFIG, $XDG_CONFIG_HOME or
 * ~/.config, then the system's folder, here a temporary one), and the list
 * of places looked when there is none. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "config_lookup.h"

static char root[] = "/tmp/citydash-lookup-XXXXXX";

static char *at(const char *rel)
{
	char *p = NULL;
	size_t n = strlen(root) + 1 + strlen(rel) + 1;
	p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s/%s", root, rel);
	return p;
}

static void make(const char *rel, bool with_file)
{
	char *d = at(rel);
	char *sub = malloc(strlen(d) + 40);
	assert_non_null(sub);
	mkdir(d, 0700);
	sprintf(sub, "%s/citydash", d);
	mkdir(sub, 0700);
	if (with_file) {
		strcat(sub, "/config.json");
		FILE *f = fopen(sub, "w");
		assert_non_null(f);
		fputs("{\"sources\":[]}", f);
		fclose(f);
	}
	free(sub);
	free(d);
}

static void unmake(const char *rel)
{
	char *d = at(rel);
	char *f = malloc(strlen(d) + 40);
	assert_non_null(f);
	sprintf(f, "%s/citydash/config.json", d);
	unlink(f);
	sprintf(f, "%s/citydash", d);
	rmdir(f);
	rmdir(d);
	free(f);
	free(d);
}

/* The lookup finds `want` (relative to root; NULL: none) and looked at
 * exactly `places` (relative to root, "|" between them). */
static void expect(const char *want, const char *places)
{
	char *etc = at("etc");
	char *looked = NULL;
	char *got = config_lookup_in(etc, &looked);
	free(etc);
	char *w = want ? at(want) : NULL;
	if ((w == NULL) != (got == NULL) || (w && strcmp(w, got) != 0))
		fail_msg("found %s, want %s", got ? got : "nothing", w ? w : "nothing");
	char expected[2048] = "";
	for (const char *p = places; *p;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		if (expected[0])
			strcat(expected, ", ");
		if (p[0] != '/') {
			strcat(expected, root);
			strcat(expected, "/");
		}
		strncat(expected, p, n);
		p += n + (bar != NULL);
	}
	assert_string_equal(looked, expected);
	free(w);
	free(got);
	free(looked);
}

static void test_order(void **state)
{
	(void)state;
	assert_non_null(mkdtemp(root));
	char *home = at("home"), *xdg = at("xdg");
	mkdir(home, 0700);
	unsetenv("CITYDASH_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", home, 1);

	/* Nothing anywhere: NULL, and the places looked. */
	expect(NULL, "home/.config/citydash/config.json|etc/citydash/config.json");
	/* The system's file, last. */
	make("etc", true);
	expect("etc/citydash/config.json",
	       "home/.config/citydash/config.json|etc/citydash/config.json");
	/* ~/.config before it. */
	make("home/.config", true);
	expect("home/.config/citydash/config.json", "home/.config/citydash/config.json");
	/* $XDG_CONFIG_HOME instead of ~/.config when set ... */
	setenv("XDG_CONFIG_HOME", xdg, 1);
	expect("etc/citydash/config.json", "xdg/citydash/config.json|etc/citydash/config.json");
	make("xdg", true);
	expect("xdg/citydash/config.json", "xdg/citydash/config.json");
	/* ... but a relative one is invalid (XDG Base Directory) and ignored. */
	setenv("XDG_CONFIG_HOME", "relative/dir", 1);
	expect("home/.config/citydash/config.json", "home/.config/citydash/config.json");
	setenv("XDG_CONFIG_HOME", "", 1);
	expect("home/.config/citydash/config.json", "home/.config/citydash/config.json");
	setenv("XDG_CONFIG_HOME", xdg, 1);
	/* $CITYDASH_CONFIG first, taken even if it does not exist. */
	char *named = at("named.json");
	setenv("CITYDASH_CONFIG", named, 1);
	expect("named.json", "named.json");
	setenv("CITYDASH_CONFIG", "", 1); /* empty: as unset */
	expect("xdg/citydash/config.json", "xdg/citydash/config.json");
	/* No HOME and no XDG_CONFIG_HOME: the system's file alone. */
	unsetenv("CITYDASH_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	expect("etc/citydash/config.json", "etc/citydash/config.json");

	/* config_lookup() is the same with /etc: $CITYDASH_CONFIG wins. */
	setenv("CITYDASH_CONFIG", named, 1);
	char *got = config_lookup();
	assert_string_equal(got, named);
	free(got);
	unsetenv("CITYDASH_CONFIG");

	unmake("xdg");
	unmake("home/.config");
	unmake("etc");
	rmdir(home);
	rmdir(root);
	free(named);
	free(home);
	free(xdg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

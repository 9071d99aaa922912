/* Unit tests for the language machinery (base/i18n.c): --lang read from
 * argv before the options are parsed, the languages shipped, and
 * i18n_start choosing a language and finding the build tree's catalogue
 * (this test is a binary inside the build tree, as citydash is there).
 *
 * i18n_start changes the process's locale and environment, so each of its
 * cases runs in a forked child with an environment of its own: the child
 * checks, prints what went wrong and exits non-zero; the parent fails the
 * test on that status. The last test reads a configuration error through
 * test_lang_use, as a screen test would: the feed side's messages come
 * from the same catalogue. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "i18n.h"
#include "test_lang.h"

/* Strings of the catalogue and their zh_CN translations (po/zh_CN.po). */
#define KNOWN    "must be a number"
#define KNOWN_ZH "必须是数字"

/* ---- i18n_lang_arg ---- */

static const char *lang_of(int argc, char *argv[])
{
	return i18n_lang_arg(argc, argv);
}

static void test_lang_arg(void **state)
{
	(void)state;
	char *sep[] = {"citydash", "--demo", "--lang", "zh_CN", "--dump", NULL};
	assert_string_equal(lang_of(5, sep), "zh_CN");

	char *eq[] = {"citydash", "--lang=en", "--demo", NULL};
	assert_string_equal(lang_of(3, eq), "en");

	char *none[] = {"citydash", "--demo", "--dump", NULL};
	assert_null(lang_of(3, none));

	/* After "--" an argument is an operand, not an option. */
	char *after[] = {"citydash", "--demo", "--", "--lang", "zh_CN", NULL};
	assert_null(lang_of(5, after));
	char *after_eq[] = {"citydash", "--", "--lang=zh_CN", NULL};
	assert_null(lang_of(3, after_eq));

	/* "--lang" as the last argument has no value: the option parser
	 * then says so, in the locale's language. */
	char *missing[] = {"citydash", "--demo", "--lang", NULL};
	assert_null(lang_of(3, missing));

	/* The first one wins, in either spelling. */
	char *twice[] = {"citydash", "--lang", "en", "--lang=zh_CN", NULL};
	assert_string_equal(lang_of(4, twice), "en");
	char *twice_eq[] = {"citydash", "--lang=zh_CN", "--lang", "en", NULL};
	assert_string_equal(lang_of(4, twice_eq), "zh_CN");

	/* Not a prefix match: "--language" is some other option. */
	char *longer[] = {"citydash", "--language", "zh_CN", NULL};
	assert_null(lang_of(3, longer));
}

static void test_languages(void **state)
{
	(void)state;
	assert_string_equal(i18n_languages(), "en, zh_CN");
}

/* ---- i18n_start, each case in a child process ---- */

/* The child's environment: only LANG (may be NULL) and LANGUAGE (may be
 * NULL) say anything about the language. */
static void child_env(const char *lang, const char *language)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LC_CTYPE", "LANGUAGE", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
		unsetenv(vars[i]);
	if (lang)
		setenv("LANG", lang, 1);
	if (language)
		setenv("LANGUAGE", language, 1);
	setlocale(LC_ALL, "");
}

static bool codeset_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

#define CHECK(cond)                                                                            \
	do {                                                                                       \
		if (!(cond)) {                                                                         \
			fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond);                         \
			return 1;                                                                          \
		}                                                                                      \
	} while (0)

/* Runs `fn` in a child; the test fails unless it returns 0 there. */
static void in_child(int (*fn)(const void *arg), const void *arg)
{
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(fn(arg));
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static int unknown_language(const void *arg)
{
	(void)arg;
	child_env("C", NULL);
	char *cause = NULL;
	CHECK(i18n_start("fr", &cause) == -1);
	CHECK(cause != NULL);
	CHECK(strstr(cause, "\"fr\"") != NULL);
	CHECK(strstr(cause, "en, zh_CN") != NULL);
	free(cause);
	CHECK(strcmp(_(KNOWN), KNOWN) == 0);
	return 0;
}

static void test_start_unknown(void **state)
{
	(void)state;
	in_child(unknown_language, NULL);
}

/* `arg` names zh_CN one way or another; the locale is English. */
static int forced_chinese(const void *arg)
{
	child_env("C.UTF-8", NULL);
	CHECK(strcmp(_(KNOWN), KNOWN) == 0);
	char *cause = NULL;
	if (i18n_start(arg, &cause) != 0) {
		fprintf(stderr, "--lang %s: %s\n", (const char *)arg, cause ? cause : "?");
		return 1;
	}
	CHECK(i18n_catalog_dir() != NULL);
	CHECK(strcmp(_(KNOWN), KNOWN_ZH) == 0);
	CHECK(strcmp(P_("%u value was infinite (shown as no value, quality bad)",
	                "%u values were infinite (shown as no value, quality bad)", 5),
	             "%u 个值为无穷大（按无值显示，质量记为坏）") == 0);
	return 0;
}

static void test_start_chinese(void **state)
{
	(void)state;
	static const char *const names[] = {"zh", "zh_CN", "zh_CN.UTF-8"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		in_child(forced_chinese, names[i]);
}

/* The locale says Chinese (so without --lang the screen is Chinese), and
 * --lang en still gives the strings as written. */
static int forced_english(const void *arg)
{
	(void)arg;
	child_env("zh_CN.UTF-8", "zh_CN");
	char *cause = NULL;
	CHECK(i18n_start(NULL, &cause) == 0);
	CHECK(strcmp(_(KNOWN), KNOWN_ZH) == 0); /* the locale's language */
	CHECK(i18n_start("en", &cause) == 0);
	CHECK(strcmp(_(KNOWN), KNOWN) == 0);
	return 0;
}

static void test_start_english(void **state)
{
	(void)state;
	in_child(forced_english, NULL);
}

/* Under LANG=C the characters are ASCII; Chinese needs UTF-8, so --lang
 * zh_CN takes a UTF-8 character type. */
static int chinese_from_c(const void *arg)
{
	(void)arg;
	child_env("C", NULL);
	CHECK(!codeset_utf8());
	char *cause = NULL;
	CHECK(i18n_start("zh_CN", &cause) == 0);
	CHECK(codeset_utf8());
	CHECK(strcmp(_(KNOWN), KNOWN_ZH) == 0);
	return 0;
}

static void test_start_c_locale(void **state)
{
	(void)state;
	in_child(chinese_from_c, NULL);
}

/* C_() looks the string up with its context: one that the catalogue lacks
 * gives the English, although the same string without a context has a
 * translation. */
static int context_fallback(const void *arg)
{
	(void)arg;
	child_env("C.UTF-8", NULL);
	char *cause = NULL;
	CHECK(i18n_start("zh_CN", &cause) == 0);
	CHECK(strcmp(_("normal"), "正常") == 0);
	CHECK(strcmp(C_("no such context", "normal"), "normal") == 0);
	return 0;
}

static void test_context_fallback(void **state)
{
	(void)state;
	in_child(context_fallback, NULL);
}

/* ---- the feed side's messages, through test_lang_use ---- */

static char *config_error(const char *json)
{
	config_t cfg;
	config_init(&cfg);
	char *cause = NULL;
	assert_int_equal(config_parse_named(&cfg, "city.json", json, strlen(json), &cause), -1);
	config_free(&cfg);
	assert_non_null(cause);
	return cause;
}

static void test_config_error_chinese(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	unsetenv("CITYDASH_TEST_UNSET");
	const char *unknown = "{\"sources\":[],\"colour\":1}";
	const char *unset = "{\"sources\":[\n {\"name\":\"a\",\"url\":\"http://h/\",\n"
	                    "  \"auth\":{\"bearer_token_env\":\"CITYDASH_TEST_UNSET\"}}]}";

	test_lang_use("zh_CN");
	char *a = config_error(unknown), *b = config_error(unset);
	test_lang_use("en");
	char *c = config_error(unknown);

	assert_string_equal(a, "city.json:1:24: /colour: 未知字段 \"colour\"");
	/* Composed of two entries: "environment variable %s %s" and "is not set". */
	assert_string_equal(b, "city.json:3:30: /sources/0/auth/bearer_token_env: "
	                       "环境变量 CITYDASH_TEST_UNSET 未设置");
	assert_string_equal(c, "city.json:1:24: /colour: unknown field \"colour\"");
	free(a);
	free(b);
	free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lang_arg),
	    cmocka_unit_test(test_languages),
	    cmocka_unit_test(test_start_unknown),
	    cmocka_unit_test(test_start_chinese),
	    cmocka_unit_test(test_start_english),
	    cmocka_unit_test(test_start_c_locale),
	    cmocka_unit_test(test_context_fallback),
	    cmocka_unit_test(test_config_error_chinese),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

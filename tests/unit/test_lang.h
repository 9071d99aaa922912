/* test_lang: a test's screens and messages in another language, read from
 * the build tree's catalogues (build/share/locale), as the installed
 * programs read theirs. */
#ifndef CITYDASH_TEST_LANG_H
#define CITYDASH_TEST_LANG_H

/* Switches this process's messages to `lang` ("zh_CN"): its catalogue from
 * the build tree, LANGUAGE=lang and LC_MESSAGES=lang.UTF-8 (the character
 * type stays as it is, C.UTF-8 under vscreen). Fails the test when the
 * catalogue or the locale is missing: scripts/setup provides both. "en"
 * switches back to the strings as written. Call it after vscreen_open,
 * which sets the whole locale. */
void test_lang_use(const char *lang);

#endif

/* test_lang: switching a test's language (see test_lang.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_lang.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"

void test_lang_use(const char *lang)
{
	if (strcmp(lang, "en") == 0) {
		unsetenv("LANGUAGE");
		setlocale(LC_MESSAGES, "C");
		return;
	}
	char mo[512], locale[64];
	snprintf(mo, sizeof mo, "%s/%s/LC_MESSAGES/%s.mo", CITYDASH_LOCALE_BUILD_DIR, lang,
	         CITYDASH_TEXTDOMAIN);
	if (access(mo, R_OK) != 0)
		fail_msg("no %s catalogue at %s: build the \"translations\" target", lang, mo);
	snprintf(locale, sizeof locale, "%s.UTF-8", lang);
	if (!setlocale(LC_MESSAGES, locale))
		fail_msg("the %s locale is not installed: run scripts/setup", locale);
	bindtextdomain(CITYDASH_TEXTDOMAIN, CITYDASH_LOCALE_BUILD_DIR);
	setenv("LANGUAGE", lang, 1);
}

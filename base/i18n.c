/* i18n: choosing the language and finding the catalogues (see i18n.h). */
#include "i18n.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "xalloc.h"

#ifndef CITYDASH_LINGUAS
#define CITYDASH_LINGUAS ""
#endif

static char *catalog_dir; /* owned, for the process's life */

const char *i18n_pgettext(const char *ctx_msgid, const char *msgid)
{
	const char *t = dcgettext(CITYDASH_TEXTDOMAIN, ctx_msgid, LC_MESSAGES);
	return t == ctx_msgid ? msgid : t;
}

const char *i18n_lang_arg(int argc, char *const argv[])
{
	for (int i = 1; i < argc && argv[i]; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--lang") == 0)
			return i + 1 < argc ? argv[i + 1] : NULL;
		if (strncmp(argv[i], "--lang=", 7) == 0)
			return argv[i] + 7;
	}
	return NULL;
}

const char *i18n_languages(void)
{
	static char list[256];
	if (!list[0]) {
		size_t n = (size_t)snprintf(list, sizeof list, "en");
		const char *p = CITYDASH_LINGUAS;
		while (*p && n < sizeof list) {
			size_t len = strcspn(p, " ");
			if (len)
				n += (size_t)snprintf(list + n, sizeof list - n, ", %.*s", (int)len, p);
			p += len + (p[len] == ' ');
		}
	}
	return list;
}

const char *i18n_catalog_dir(void)
{
	return catalog_dir;
}

static bool has_catalog(const char *dir, const char *lang, size_t lang_len)
{
	char *mo = xasprintf("%s/%.*s/LC_MESSAGES/%s.mo", dir, (int)lang_len, lang,
	                     CITYDASH_TEXTDOMAIN);
	bool ok = access(mo, R_OK) == 0;
	free(mo);
	return ok;
}

/* Does `dir` hold a catalogue for any language we ship? */
static bool has_any_catalog(const char *dir)
{
	const char *p = CITYDASH_LINGUAS;
	while (*p) {
		size_t len = strcspn(p, " ");
		if (len && has_catalog(dir, p, len))
			return true;
		p += len + (p[len] == ' ');
	}
	return false;
}

/* The catalogues beside the binary (BINDIR/../share/locale, so a relocated
 * or unpacked install works), then the configured install path, then the
 * build tree's, only for a binary inside the build tree. */
static char *find_catalog_dir(void)
{
	char *exe = realpath("/proc/self/exe", NULL);
	char *found = NULL;
#ifdef CITYDASH_LOCALE_REL_DIR
	if (exe) {
		const char *slash = strrchr(exe, '/');
		char *dir = xasprintf("%.*s/%s", (int)(slash - exe), exe, CITYDASH_LOCALE_REL_DIR);
		if (has_any_catalog(dir))
			found = dir;
		else
			free(dir);
	}
#endif
#ifdef CITYDASH_LOCALE_INSTALL_DIR
	if (!found && has_any_catalog(CITYDASH_LOCALE_INSTALL_DIR))
		found = xstrdup(CITYDASH_LOCALE_INSTALL_DIR);
#endif
#if defined(CITYDASH_LOCALE_BUILD_DIR) && defined(CITYDASH_BUILD_DIR)
	if (!found && exe) {
		char *build = realpath(CITYDASH_BUILD_DIR, NULL);
		size_t n = build ? strlen(build) : 0;
		if (n && strncmp(exe, build, n) == 0 && exe[n] == '/' &&
		    has_any_catalog(CITYDASH_LOCALE_BUILD_DIR))
			found = xstrdup(CITYDASH_LOCALE_BUILD_DIR);
		free(build);
	}
#endif
	free(exe);
	return found;
}

static bool codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

static bool is_english(const char *lang)
{
	return strcmp(lang, "C") == 0 || strcmp(lang, "POSIX") == 0 || strcmp(lang, "en") == 0 ||
	       strncmp(lang, "en_", 3) == 0 || strncmp(lang, "en.", 3) == 0 ||
	       strncmp(lang, "C.", 2) == 0;
}

/* The shipped language `lang` names ("zh", "zh_CN", "zh_CN.UTF-8" all name
 * zh_CN) into out, or false. */
static bool shipped_language(const char *lang, char *out, size_t size)
{
	size_t want = strcspn(lang, ".@");
	size_t want_base = strcspn(lang, "_.@");
	const char *p = CITYDASH_LINGUAS;
	while (*p) {
		size_t len = strcspn(p, " ");
		size_t base = strcspn(p, "_");
		if (base > len)
			base = len;
		bool exact = len == want && strncmp(p, lang, len) == 0;
		bool by_base = want == want_base && base == want_base && strncmp(p, lang, base) == 0;
		if (len && len < size && (exact || by_base)) {
			snprintf(out, size, "%.*s", (int)len, p);
			return true;
		}
		p += len + (p[len] == ' ');
	}
	return false;
}

/* Makes gettext read LANGUAGE: it ignores it while LC_MESSAGES is "C". */
static void messages_locale_for(const char *lang)
{
	char *own = xasprintf("%s.UTF-8", lang);
	if (!setlocale(LC_MESSAGES, own)) {
		const char *now = setlocale(LC_MESSAGES, NULL);
		if (!now || strcmp(now, "C") == 0 || strcmp(now, "POSIX") == 0)
			setlocale(LC_MESSAGES, "C.UTF-8");
	}
	free(own);
}

int i18n_start(const char *lang, char **cause)
{
	free(catalog_dir);
	catalog_dir = find_catalog_dir();
	if (catalog_dir)
		bindtextdomain(CITYDASH_TEXTDOMAIN, catalog_dir);
	if (!lang)
		return 0;
	if (is_english(lang)) {
		/* The strings as written: no catalogue is consulted under "C". */
		unsetenv("LANGUAGE");
		setlocale(LC_MESSAGES, "C");
		return 0;
	}
	char name[64];
	if (!shipped_language(lang, name, sizeof name)) {
		*cause = xasprintf(_("unknown language \"%s\" (there are: %s)"), lang,
		                   i18n_languages());
		return -1;
	}
	if (!catalog_dir || !has_catalog(catalog_dir, name, strlen(name))) {
		*cause = xasprintf(_("the %s catalogue is not installed"), name);
		return -1;
	}
	if (!codeset_is_utf8()) {
		char *own = xasprintf("%s.UTF-8", name);
		bool ok = setlocale(LC_CTYPE, own) || setlocale(LC_CTYPE, "C.UTF-8");
		free(own);
		if (!ok) {
			*cause = xasprintf(_("%s needs a UTF-8 locale, and none is installed"), name);
			return -1;
		}
	}
	setenv("LANGUAGE", name, 1);
	messages_locale_for(name);
	return 0;
}

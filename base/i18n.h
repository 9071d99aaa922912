/* i18n: the screen's own words in the operator's language (GNU gettext).
 *
 * Every user-facing string goes through _() (or P_() for a count, C_() when
 * the same English word means two things); N_() and NC_() mark a string in a
 * static table, translated where it is shown. One catalogue, "citydash",
 * serves both programs (citydash and citydash-mock) and the code they share.
 * po/README.md says how a string reaches a translation.
 *
 * The language is the locale's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as
 * gettext reads them) unless --lang forces one; i18n_start() applies that
 * choice and finds the catalogues, before any string is translated. */
#ifndef CITYDASH_I18N_H
#define CITYDASH_I18N_H

#include <libintl.h>
#include <stdbool.h>

#define CITYDASH_TEXTDOMAIN "citydash"
#define _(s) dgettext(CITYDASH_TEXTDOMAIN, s)
#define N_(s) (s)
/* Singular or plural by count, as the language wants: P_("%d alarm", "%d alarms", n). */
#define P_(one, many, n) dngettext(CITYDASH_TEXTDOMAIN, one, many, (unsigned long)(n))
/* A string with a context, for an English word that is two words in another
 * language: C_("event severity", "major"). The context is never shown. */
#define C_(ctx, s) i18n_pgettext(ctx "\004" s, s)
#define NC_(ctx, s) (s) /* marks a C_() string in a static table */

/* gettext's lookup of "context\004msgid"; msgid when there is no translation. */
const char *i18n_pgettext(const char *ctx_msgid, const char *msgid)
    __attribute__((format_arg(2)));

/* The value of the first "--lang X" or "--lang=X" in argv (before a "--"),
 * or NULL: the language must be chosen before options are parsed, because
 * the parser's own errors are translated. */
const char *i18n_lang_arg(int argc, char *const argv[]);

/* After setlocale(LC_ALL, ""): finds the catalogues and, when `lang` is not
 * NULL, forces that language: "en" (or "C") for the strings as written,
 * else a language with a catalogue ("zh_CN", "zh"). A forced translation
 * needs a UTF-8 character type: when the locale's is not, the language's own
 * UTF-8 locale or C.UTF-8 is taken for LC_CTYPE. Returns 0, or -1 with
 * *cause (caller frees, untranslated-safe) for a language without a
 * catalogue or that cannot be shown. */
int i18n_start(const char *lang, char **cause);

/* The languages with a catalogue, as "en, zh_CN" (static). */
const char *i18n_languages(void);
/* Where the catalogues were found (static), or NULL for none. */
const char *i18n_catalog_dir(void);

#endif

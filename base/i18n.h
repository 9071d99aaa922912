/* i18n: every user-facing string goes through _() so that a translation
 * (gettext catalogue "citydash") can be added without touching call sites.
 * N_() marks a string in a static table; translate it where it is shown. */
#ifndef CITYDASH_I18N_H
#define CITYDASH_I18N_H

#include <libintl.h>

#define CITYDASH_TEXTDOMAIN "citydash"
#define _(s) dgettext(CITYDASH_TEXTDOMAIN, s)
#define N_(s) (s)
/* Singular or plural by count, as the language wants: P_("%d alarm", "%d alarms", n). */
#define P_(one, many, n) dngettext(CITYDASH_TEXTDOMAIN, one, many, (unsigned long)(n))

#endif

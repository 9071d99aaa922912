/* am_match: Alertmanager silences as data, without the network: freeing
 * them (am_silences_free) and matching them against an alarm's labels
 * (am_silence_matches), both declared in am_client.h; here they live in
 * citydash_alarms so the engine's side (alarm_ops) links no curl.
 *
 * Matching follows Alertmanager: a label missing from the set is "",
 * "=" / "!=" compare whole strings, "=~" / "!~" are regular expressions
 * anchored at both ends. Alertmanager speaks RE2; POSIX extended regular
 * expressions (regcomp) share the syntax silences use in practice
 * (alternation, classes, ".*"); one that does not compile matches nothing.
 *
 * For matching one silence against many alarms, compile it once
 * (am_match_compile): a regex is then compiled once, not per alarm. */
#ifndef CITYDASH_AM_MATCH_H
#define CITYDASH_AM_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "am_client.h"

typedef struct am_match am_match_t;

/* Borrows s, which must outlive the result. */
am_match_t *am_match_compile(const am_silence_t *s);
void am_match_free(am_match_t *m);
bool am_match_run(const am_match_t *m, const char *const *names, const char *const *values,
                  size_t n);
/* The value of the silence's plain alarm_id="..." matcher, or NULL if it
 * has none: a silence with one can match only the alarm of that id (an
 * index key for many silences). */
const char *am_match_alarm_id(const am_match_t *m);

#endif

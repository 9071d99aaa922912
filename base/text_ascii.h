/* text_ascii: sanitized text as plain printable ASCII, for terminals that
 * cannot show UTF-8 (a locale such as LANG=C). Never a '?': that is the
 * marker of uncertain quality, and it says nothing about what was there.
 *
 * Rules, in order:
 *  1. Compatibility forms and accents go (NFKC without marks, by utf8proc):
 *     m³ -> m3, ℃ -> °C, é -> e, ½ -> 1⁄2, … -> ..., fullwidth letters.
 *  2. A table for what has a conventional ASCII spelling: ° -> deg (so °C is
 *     degC), µ and μ -> u and ε -> e as in ASCII engineering units (με,
 *     microstrain, is ue), Ω -> Ohm, ‰ -> permille, ± -> +/-, × -> x,
 *     · -> ., ≤ -> <=, ß -> ss, quotes and dashes; other Greek letters by
 *     name (α -> alpha, Δ -> Delta); a regional indicator as its letter (a
 *     flag reads as its country code).
 *  3. Anything else (CJK, Cyrillic, emoji, U+FFFD) as its code point,
 *     "U+7535": a source named 电力 shows as U+7535U+529B.
 * Each grapheme cluster is rendered from what text_iter_next() would draw
 * of it (a family emoji is its first person, as on a UTF-8 terminal). */
#ifndef CITYDASH_TEXT_ASCII_H
#define CITYDASH_TEXT_ASCII_H

#include <stdbool.h>

/* True if s (NULL: empty) is all ASCII already. */
bool text_is_ascii(const char *s);

/* s (sanitized) as printable ASCII, in a new string the caller frees.
 * Its width in columns is its length. */
char *text_ascii(const char *s);

#endif

/* name_fit: a reading's name cut to a width so that it still says WHAT is
 * measured. The names here are place + asset + measure ("白鹤18号水厂出厂
 * 浊度"): cutting the end ("白鹤18号水厂 …") loses the measure, and the
 * readings of one plant all look the same. So a name too wide keeps its
 * head and its tail with an ellipsis between ("白鹤18号…出厂浊度"), and
 * names shown together are made distinct when their full names are (the
 * colliding ones give more room to the part where they differ).
 *
 * Widths are terminal columns (CJK two wide, base/text.h); a cut never
 * splits a grapheme cluster. The ellipsis is "…", or ".." in ASCII mode
 * (glyphs.h's ">" reads as an arrow in the middle of a name). Pure apart
 * from reading the glyph mode; results are allocated (xalloc), the caller
 * frees them. */
#ifndef CITYDASH_NAME_FIT_H
#define CITYDASH_NAME_FIT_H

#include <stddef.h>

/* `name` (sanitized) in at most `width` columns: itself if it fits, else
 * head + ellipsis + tail, each about half (the tail, where the
 * measure is, gets the odd column). Under 3 columns, only the head. Never NULL. */
char *name_fit(const char *name, int width);

/* Each of names[0..n) in at most `width` columns into out[0..n) (each to be
 * freed), as name_fit, except that cut names that would be equal while the
 * names are not are cut elsewhere (all of a colliding group at one split,
 * the first in order nearest the usual split that tells them apart from
 * each other and from the rest). If no split tells them apart in `width`,
 * they are left as name_fit cuts them. */
void name_fit_many(const char *const *names, size_t n, int width, char **out);

/* Frees out[0..n) (not the array itself). */
void name_fit_free(char **out, size_t n);

#endif

/* argnum: numbers from the command line, read strictly. A number is one or
 * more decimal digits and nothing else: no sign, no leading or trailing
 * space, no junk, no overflow, and within the option's range. strtoull
 * alone accepts " -1" (as 2^64 - 1) and saturates on overflow. */
#ifndef CITYDASH_ARGNUM_H
#define CITYDASH_ARGNUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Reads the first `len` bytes of s as a number in [min, max]; false if
 * they are not one. */
bool argnum_parse_n(const char *s, size_t len, uint64_t min, uint64_t max, uint64_t *out);
/* The whole string. */
bool argnum_parse(const char *s, uint64_t min, uint64_t max, uint64_t *out);

#endif

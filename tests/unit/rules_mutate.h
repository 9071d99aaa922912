/* rules_mutate: a seeded, bounded set of bad documents made from one good
 * one, for the bad-input rules every adapter is run through
 * (test_adapter_rules.c): the document cut every few bytes; each string
 * replaced by control characters, escape sequences, invalid UTF-8 and very
 * long text; each number by huge, tiny, negative zero, out-of-range and
 * NaN-ish ones; each value by every other JSON type; each member dropped;
 * each array emptied or its elements repeated (duplicate ids); deep
 * nesting; random bytes changed. Tests only; needs no cmocka. */
#ifndef CITYDASH_TEST_RULES_MUTATE_H
#define CITYDASH_TEST_RULES_MUTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One bad document, borrowed for the call. `may_zero`: the change may have
 * put a zero where there was another number (so a reading's value of 0 is
 * no sign of a value made up). `what` says what was changed. Return false
 * to stop. */
typedef bool (*rules_fn)(void *ctx, const char *doc, size_t len, bool may_zero, const char *what);

/* Calls fn for at most `max` mutations of good[0..len) drawn with `seed`.
 * Returns how many were made. */
size_t rules_mutate(const char *good, size_t len, uint64_t seed, size_t max, rules_fn fn,
                    void *ctx);

#endif

/* fuzz_common: what every libFuzzer target in tests/fuzz shares: the bound
 * on an input's size and a NUL-terminated copy of the input. Header only:
 * each target is one executable of one small file. */
#ifndef CITYDASH_FUZZ_COMMON_H
#define CITYDASH_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "xalloc.h"

/* Bigger inputs are skipped: the parsers bound their documents elsewhere
 * (max_bytes), and small inputs keep the executions per second high. */
#define FUZZ_MAX_INPUT (64 * 1024)

/* data[0..size) as a NUL-terminated string the caller frees. */
static inline char *fuzz_strndup(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif

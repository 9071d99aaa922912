#include "argnum.h"

#include <string.h>

bool argnum_parse_n(const char *s, size_t len, uint64_t min, uint64_t max, uint64_t *out)
{
	if (!s || len == 0)
		return false;
	uint64_t v = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		unsigned d = (unsigned)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return false; /* would overflow */
		v = v * 10 + d;
	}
	if (v < min || v > max)
		return false;
	*out = v;
	return true;
}

bool argnum_parse(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	return s && argnum_parse_n(s, strlen(s), min, max, out);
}

#include "http_gzip.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "xalloc.h"

/* The q-value of one coding's parameters (";q=0.5"); 1 when absent. */
static double coding_q(const char *params, const char *end)
{
	const char *q = params;
	while (q < end) {
		while (q < end && (*q == ';' || *q == ' ' || *q == '\t'))
			q++;
		if (end - q >= 2 && (q[0] == 'q' || q[0] == 'Q') && q[1] == '=')
			return strtod(q + 2, NULL); /* strtod stops at ',' or ';' */
		while (q < end && *q != ';')
			q++;
	}
	return 1.0;
}

bool http_gzip_accepted(const char *accept_encoding)
{
	double gzip = -1, star = -1; /* -1: not named */
	const char *p = accept_encoding;
	while (p && *p) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		const char *end = p + strcspn(p, ",");
		size_t tok = strcspn(p, ";, \t");
		if (tok > (size_t)(end - p))
			tok = (size_t)(end - p);
		double q = coding_q(p + tok, end);
		if ((tok == 4 && strncasecmp(p, "gzip", 4) == 0) ||
		    (tok == 6 && strncasecmp(p, "x-gzip", 6) == 0))
			gzip = q;
		else if (tok == 1 && *p == '*')
			star = q;
		p = end;
	}
	return gzip >= 0 ? gzip > 0 : star > 0;
}

char *http_gzip_compress(const char *data, size_t len, size_t *out_len)
{
	if (len > UINT_MAX)
		return NULL;
	z_stream z;
	memset(&z, 0, sizeof(z));
	/* windowBits 15 + 16: a gzip header and trailer instead of zlib's. */
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
	    Z_OK)
		return NULL;
	size_t cap = deflateBound(&z, (uLong)len);
	char *out = xmalloc(cap);
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	int rc = deflate(&z, Z_FINISH);
	*out_len = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(out);
		return NULL;
	}
	return out;
}

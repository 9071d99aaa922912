/* http_gzip: gzip for the mock server's documents (zlib), and the reading
 * of a request's Accept-Encoding. Pure; no HTTP library.
 *
 * Ownership: http_gzip_compress() returns a buffer the caller frees. */
#ifndef CITYDASH_HTTP_GZIP_H
#define CITYDASH_HTTP_GZIP_H

#include <stdbool.h>
#include <stddef.h>

/* Whether an Accept-Encoding header value allows gzip (RFC 9110 12.5.3):
 * "gzip" or "x-gzip" with a q-value above 0, or, when neither is named,
 * "*" with a q-value above 0. NULL (no header) allows nothing. */
bool http_gzip_accepted(const char *accept_encoding);
/* data[0..len) as a gzip member; NULL if zlib fails (never for memory:
 * allocation aborts through xalloc). */
char *http_gzip_compress(const char *data, size_t len, size_t *out_len);

#endif

/* strbuf: a growable, always NUL-terminated byte string, for building text
 * of unknown length. The caller owns `data` (free it, or hand it on); a
 * zeroed strbuf_t is empty and ready. Allocation failure aborts (xalloc). */
#ifndef CITYDASH_STRBUF_H
#define CITYDASH_STRBUF_H

#include <stddef.h>

typedef struct strbuf {
	char *data; /* NULL until something is put */
	size_t len, cap;
} strbuf_t;

/* Appends n bytes of s. */
void strbuf_put(strbuf_t *b, const char *s, size_t n);

#endif

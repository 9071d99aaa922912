/* jbuf: a growing string buffer with JSON string escaping, for the mock's
 * serializer. Allocation aborts on out-of-memory (xalloc). */
#ifndef CITYDASH_JBUF_H
#define CITYDASH_JBUF_H

#include <stddef.h>

typedef struct jbuf {
	char *data; /* NUL-terminated; owned until jbuf_finish() hands it over */
	size_t len, cap;
} jbuf_t;

void jbuf_init(jbuf_t *b, size_t cap);
void jbuf_puts(jbuf_t *b, const char *s);
void jbuf_printf(jbuf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as a quoted JSON string, escaping quotes, backslashes and
 * control characters. */
void jbuf_string(jbuf_t *b, const char *s);
/* Appends "key": with the key escaped. */
void jbuf_key(jbuf_t *b, const char *key);
/* Appends a number with the given digits after the point, or null for a
 * non-finite value (JSON has no NaN). */
void jbuf_number(jbuf_t *b, double v, int decimals);
/* Removes a trailing comma if there is one (after the last array element). */
void jbuf_trim_comma(jbuf_t *b);

/* Writing objects and arrays member by member: every member is written with
 * a comma after it, and closing trims the last one. key NULL: no key (an
 * element of an array, or the document itself). */
void jbuf_open(jbuf_t *b, const char *key, char bracket); /* '{' or '[' */
void jbuf_close(jbuf_t *b, char bracket);                 /* '}' or ']', then ',' */
void jbuf_field_str(jbuf_t *b, const char *key, const char *s);
void jbuf_field_num(jbuf_t *b, const char *key, double v, int decimals);
/* Returns the string (caller frees) and its length; b is left empty. */
char *jbuf_finish(jbuf_t *b, size_t *len);

#endif

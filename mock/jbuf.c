#include "jbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void jbuf_init(jbuf_t *b, size_t cap)
{
	b->cap = cap < 16 ? 16 : cap;
	b->data = xmalloc(b->cap);
	b->data[0] = '\0';
	b->len = 0;
}

static void jbuf_reserve(jbuf_t *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap;
	while (b->len + extra + 1 > cap)
		cap *= 2;
	b->data = xreallocarray(b->data, cap, 1);
	b->cap = cap;
}

static void jbuf_append(jbuf_t *b, const char *s, size_t n)
{
	jbuf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void jbuf_puts(jbuf_t *b, const char *s)
{
	jbuf_append(b, s, strlen(s));
}

void jbuf_printf(jbuf_t *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort(); /* only on an invalid format: a programming error */
	if ((size_t)n >= b->cap - b->len) {
		jbuf_reserve(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void jbuf_string(jbuf_t *b, const char *s)
{
	jbuf_append(b, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			char esc[2] = {'\\', (char)*p};
			jbuf_append(b, esc, 2);
		} else if (*p < 0x20 || *p == 0x7f) {
			jbuf_printf(b, "\\u%04x", *p);
		} else {
			jbuf_append(b, (const char *)p, 1);
		}
	}
	jbuf_append(b, "\"", 1);
}

void jbuf_key(jbuf_t *b, const char *key)
{
	jbuf_string(b, key);
	jbuf_append(b, ":", 1);
}

void jbuf_number(jbuf_t *b, double v, int decimals)
{
	if (!isfinite(v)) {
		jbuf_puts(b, "null");
		return;
	}
	/* Avoid "-0.00": a rounded negative zero reads badly on a gauge. */
	double scale = pow(10.0, decimals);
	if (fabs(v) * scale < 0.5)
		v = 0.0;
	jbuf_printf(b, "%.*f", decimals, v);
}

void jbuf_trim_comma(jbuf_t *b)
{
	if (b->len > 0 && b->data[b->len - 1] == ',')
		b->data[--b->len] = '\0';
}

void jbuf_open(jbuf_t *b, const char *key, char bracket)
{
	if (key)
		jbuf_key(b, key);
	jbuf_append(b, &bracket, 1);
}

void jbuf_close(jbuf_t *b, char bracket)
{
	jbuf_trim_comma(b);
	char end[2] = {bracket, ','};
	jbuf_append(b, end, 2);
}

void jbuf_field_str(jbuf_t *b, const char *key, const char *s)
{
	if (key)
		jbuf_key(b, key);
	jbuf_string(b, s);
	jbuf_append(b, ",", 1);
}

void jbuf_field_num(jbuf_t *b, const char *key, double v, int decimals)
{
	if (key)
		jbuf_key(b, key);
	jbuf_number(b, v, decimals);
	jbuf_append(b, ",", 1);
}

char *jbuf_finish(jbuf_t *b, size_t *len)
{
	char *s = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

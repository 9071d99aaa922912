/* json_locate: line and column of a value named by a JSON Pointer, by a
 * small tokenizer over the text (json_locate.h). */
#include "json_locate.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

typedef struct cursor {
	const char *s;
	size_t len, p;
} cursor_t;

/* ch is one of `set` (strchr alone would also find a NUL: its terminator). */
static bool one_of(const char *set, char ch)
{
	return ch != '\0' && strchr(set, ch);
}

static void skip_ws(cursor_t *c)
{
	while (c->p < c->len && one_of(" \t\r\n", c->s[c->p]))
		c->p++;
}

static bool at(const cursor_t *c, char ch)
{
	return c->p < c->len && c->s[c->p] == ch;
}

/* Past a string starting at its opening quote. */
static void skip_string(cursor_t *c)
{
	c->p++;
	while (c->p < c->len) {
		char ch = c->s[c->p];
		if (ch == '\\')
			c->p += 2;
		else if (ch == '"') {
			c->p++;
			return;
		} else
			c->p++;
	}
	if (c->p > c->len)
		c->p = c->len;
}

/* Past one value of any kind; nesting is counted, not recursed. */
static void skip_value(cursor_t *c)
{
	size_t depth = 0;
	do {
		skip_ws(c);
		if (c->p >= c->len)
			return;
		char ch = c->s[c->p];
		if (ch == '"')
			skip_string(c);
		else if (ch == '{' || ch == '[') {
			depth++;
			c->p++;
		} else if (ch == '}' || ch == ']') {
			if (depth == 0)
				return; /* the end of the enclosing container */
			depth--;
			c->p++;
		} else if (ch == ',' || ch == ':') {
			if (depth == 0)
				return;
			c->p++;
		} else {
			/* A scalar; a NUL byte is one too, so the walk always moves on
			 * (found by tests/fuzz: it stood still, forever). */
			while (c->p < c->len && !one_of(",:]} \t\r\n\"{[", c->s[c->p]))
				c->p++;
		}
	} while (depth > 0);
}

static int hex4(const char *s, size_t avail)
{
	if (avail < 4)
		return -1;
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char ch = s[i];
		int d = ch >= '0' && ch <= '9'   ? ch - '0'
		        : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
		        : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
		                                 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static size_t put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The string at the cursor (its opening quote), unescaped, and the cursor
 * past it; NULL if it does not end. The decoded text is never longer than
 * the escaped one (\uXXXX is 6 bytes for at most 3; a pair 12 for 4). */
static char *read_string(cursor_t *c, size_t *out_len)
{
	size_t start = c->p + 1;
	skip_string(c); /* to size the copy: the key alone, not the rest of the text */
	size_t raw = c->p - start;
	c->p = start;
	char *out = xmalloc(raw + 1), *o = out;
	while (c->p < c->len && c->s[c->p] != '"') {
		char ch = c->s[c->p];
		if (ch != '\\') {
			*o++ = ch;
			c->p++;
			continue;
		}
		if (c->p + 1 >= c->len)
			break;
		char e = c->s[c->p + 1];
		c->p += 2;
		char simple = e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r'
		              : e == 't'                                         ? '\t'
		              : e == '"' || e == '\\' || e == '/'                ? e
		                                                                 : 0;
		if (simple) {
			*o++ = simple;
			continue;
		}
		int u = e == 'u' ? hex4(c->s + c->p, c->len - c->p) : -1;
		if (u < 0)
			break;
		c->p += 4;
		uint32_t cp = (uint32_t)u;
		if (cp >= 0xD800 && cp < 0xDC00 && c->p + 6 <= c->len && c->s[c->p] == '\\' &&
		    c->s[c->p + 1] == 'u') {
			int lo = hex4(c->s + c->p + 2, c->len - c->p - 2);
			if (lo >= 0xDC00 && lo < 0xE000) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
				c->p += 6;
			}
		}
		o += put_utf8(o, cp);
	}
	if (!at(c, '"')) {
		free(out);
		return NULL;
	}
	c->p++;
	*o = '\0';
	*out_len = (size_t)(o - out);
	return out;
}

/* The next token of a pointer (after its '/'), unescaped; *rest past it. */
static char *next_token(const char *s, const char **rest, bool *bad)
{
	const char *end = strchr(s, '/');
	size_t n = end ? (size_t)(end - s) : strlen(s);
	char *t = xmalloc(n + 1), *o = t;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '~') {
			*o++ = s[i];
		} else if (i + 1 < n && (s[i + 1] == '0' || s[i + 1] == '1')) {
			*o++ = s[++i] == '0' ? '~' : '/';
		} else {
			*bad = true;
		}
	}
	*o = '\0';
	*rest = s + n;
	return t;
}

/* In the object at the cursor, moves to the value of member `key`. */
static bool find_member(cursor_t *c, const char *key)
{
	c->p++;
	for (;;) {
		skip_ws(c);
		if (!at(c, '"'))
			return false;
		size_t klen = 0;
		char *k = read_string(c, &klen);
		if (!k)
			return false;
		bool match = klen == strlen(key) && memcmp(k, key, klen) == 0;
		free(k);
		skip_ws(c);
		if (!at(c, ':'))
			return false;
		c->p++;
		skip_ws(c);
		if (match)
			return c->p < c->len;
		skip_value(c);
		skip_ws(c);
		if (!at(c, ','))
			return false;
		c->p++;
	}
}

/* In the array at the cursor, moves to element `token` (a decimal index). */
static bool find_element(cursor_t *c, const char *token)
{
	size_t n = strlen(token);
	if (n == 0 || n > 9 || (n > 1 && token[0] == '0') || strspn(token, "0123456789") != n)
		return false;
	long want = strtol(token, NULL, 10);
	c->p++;
	for (long i = 0;; i++) {
		skip_ws(c);
		if (c->p >= c->len || at(c, ']'))
			return false;
		if (i == want)
			return true;
		skip_value(c);
		skip_ws(c);
		if (!at(c, ','))
			return false;
		c->p++;
	}
}

void json_locate_offset(const char *text, size_t len, size_t offset, int *line, int *col)
{
	if (offset > len)
		offset = len;
	int l = 1, k = 1;
	for (size_t i = 0; i < offset; i++) {
		unsigned char ch = (unsigned char)text[i];
		if (ch == '\n') {
			l++;
			k = 1;
		} else if ((ch & 0xC0) != 0x80) {
			k++;
		}
	}
	*line = l;
	*col = k;
}

int json_locate(const char *text, size_t len, const char *pointer, int *line, int *col)
{
	if (!text || !pointer || (pointer[0] && pointer[0] != '/'))
		return -1;
	cursor_t c = {text, len, 0};
	skip_ws(&c);
	if (c.p >= c.len)
		return -1;
	size_t found = c.p;
	int resolved = 0;
	bool bad = false;
	const char *rest = pointer;
	while (*rest == '/') {
		char *token = next_token(rest + 1, &rest, &bad);
		bool ok = !bad && (at(&c, '{')   ? find_member(&c, token)
		                   : at(&c, '[') ? find_element(&c, token)
		                                 : false);
		free(token);
		if (bad)
			return -1;
		if (!ok)
			break;
		found = c.p;
		resolved++;
	}
	json_locate_offset(text, len, found, line, col);
	return resolved;
}

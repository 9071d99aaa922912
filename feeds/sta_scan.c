/* sta_scan: the top level of a SensorThings page read without building a
 * tree. next_request needs only the page's "@iot.nextLink" (FROST writes it
 * before "value", the spec's examples after: either is found), and parse
 * checks every later page before it hands out the first element, so that a
 * bad later page rejects the attempt whole instead of half-applying it.
 * Nested values are skipped by matching strings and brackets: one pass,
 * no allocation. See sta_private.h. */
#include "sta_private.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

typedef struct cursor {
	const char *p, *end;
} cursor_t;

static void skip_ws(cursor_t *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
		c->p++;
}

/* At a '"': past the closing quote. False if it never closes. */
static bool skip_string(cursor_t *c)
{
	const char *start = c->p + 1, *p = start;
	for (;;) {
		const char *q = memchr(p, '"', (size_t)(c->end - p));
		if (!q)
			return false;
		size_t bs = 0; /* an odd run of backslashes escapes the quote */
		while (q - bs > start && q[-1 - (ptrdiff_t)bs] == '\\')
			bs++;
		if (bs % 2 == 0) {
			c->p = q + 1;
			return true;
		}
		p = q + 1;
	}
}

/* Past one value (a string, a bracketed one, or a scalar). */
static bool skip_value(cursor_t *c)
{
	if (c->p >= c->end)
		return false;
	if (*c->p == '"')
		return skip_string(c);
	if (*c->p == '{' || *c->p == '[') {
		size_t depth = 0;
		while (c->p < c->end) {
			char ch = *c->p;
			if (ch == '"') {
				if (!skip_string(c))
					return false;
				continue;
			}
			if (ch == '{' || ch == '[')
				depth++;
			else if ((ch == '}' || ch == ']') && --depth == 0) {
				c->p++;
				return true;
			}
			c->p++;
		}
		return false;
	}
	const char *start = c->p;
	while (c->p < c->end && !strchr(",}] \t\r\n", *c->p))
		c->p++;
	return c->p > start;
}

static bool key_is(const char *k, size_t n, const char *want)
{
	return n == strlen(want) && memcmp(k, want, n) == 0;
}

bool sta_scan_page(const char *body, size_t len, sta_page_info_t *info, const char **why)
{
	*info = (sta_page_info_t){0};
	cursor_t c = {body, body + (body ? len : 0)};
	skip_ws(&c);
	if (c.p >= c.end || *c.p != '{') {
		*why = N_("not a JSON object");
		return false;
	}
	c.p++;
	for (;;) {
		skip_ws(&c);
		if (c.p < c.end && *c.p == '}')
			return true;
		const char *key = c.p + 1;
		if (c.p >= c.end || *c.p != '"' || !skip_string(&c))
			break;
		size_t key_len = (size_t)(c.p - 1 - key);
		skip_ws(&c);
		if (c.p >= c.end || *c.p != ':')
			break;
		c.p++;
		skip_ws(&c);
		const char *value = c.p;
		if (!skip_value(&c))
			break;
		if (key_is(key, key_len, "value"))
			info->has_value = *value == '[';
		else if (key_is(key, key_len, "@iot.nextLink") && *value == '"') {
			info->next = value;
			info->next_len = (size_t)(c.p - value);
		}
		skip_ws(&c);
		if (c.p < c.end && *c.p == ',') {
			c.p++;
			continue;
		}
		if (c.p < c.end && *c.p == '}')
			return true;
		break;
	}
	*why = N_("not JSON (a member of the top-level object is malformed)");
	return false;
}

/* Some servers write spaces and the like into their links unencoded
 * ("$orderby=phenomenonTime desc"): those are sent as %XX, the rest as is. */
static char *encode_unsafe(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = 0;
	for (const char *p = s; *p; p++)
		n += strchr(" \"<>\\^`{|}", *p) ? 3 : 1;
	char *out = xmalloc(n + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (strchr(" \"<>\\^`{|}", *p)) {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		} else {
			*o++ = (char)*p;
		}
	}
	*o = '\0';
	return out;
}

char *sta_page_next_link(const sta_page_info_t *info, const char **why)
{
	*why = NULL;
	if (!info->next)
		return NULL;
	if (info->next_len > STA_LINK_MAX) {
		*why = N_("is too long");
		return NULL;
	}
	/* The token alone is a JSON document: cJSON undoes its escapes. */
	cJSON *s = cJSON_ParseWithLength(info->next, info->next_len);
	char *link = NULL;
	if (!cJSON_IsString(s) || !s->valuestring)
		*why = N_("is not a JSON string");
	else if (!s->valuestring[0] || !text_is_clean(s->valuestring))
		*why = N_("is empty or holds control characters");
	else
		link = encode_unsafe(s->valuestring);
	cJSON_Delete(s);
	return link;
}

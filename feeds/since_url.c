#include "since_url.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static bool unreserved(unsigned char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
	       ch == '-' || ch == '.' || ch == '_' || ch == '~';
}

char *since_url(const char *url, const char *cursor)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t base = strcspn(url, "#"); /* the fragment stays last */
	const char *q = memchr(url, '?', base);
	const char *sep = !q ? "?" : (url[base - 1] == '?' || url[base - 1] == '&') ? "" : "&";
	size_t n = strlen(cursor);
	char *enc = xmalloc(3 * n + 1), *o = enc;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)cursor[i];
		if (unreserved(ch)) {
			*o++ = (char)ch;
		} else {
			*o++ = '%';
			*o++ = hex[ch >> 4];
			*o++ = hex[ch & 15];
		}
	}
	*o = '\0';
	char *out = xasprintf("%.*s%ssince=%s%s", (int)base, url, sep, enc, url + base);
	free(enc);
	return out;
}

/* url_redact: URLs with credentials masked (see url_redact.h). */
#include "url_redact.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "xalloc.h"

#define MASK "***"

/* Where a URL ends in running text (a URL from the configuration has none
 * of these: it was checked for spaces). */
#define URL_END " \t\r\n\"'<>`"

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_scheme_char(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

/* True if "://" at q follows a scheme (RFC 3986: a letter, then letters,
 * digits, '+', '-', '.'), not counting text before `floor`. */
static bool after_scheme(const char *floor, const char *q)
{
	const char *p = q;
	while (p > floor && is_scheme_char(p[-1]))
		p--;
	while (p < q && !is_alpha(*p))
		p++;
	return p < q;
}

/* True if a query parameter of this name carries a secret, by its name. */
static bool secret_name(const char *name, size_t n)
{
	static const char *const words[] = {"key",    "token", "pass", "pwd",
	                                    "secret", "sig",   "auth", "credential"};
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		size_t wl = strlen(words[w]);
		for (size_t i = 0; i + wl <= n; i++)
			if (strncasecmp(name + i, words[w], wl) == 0)
				return true;
	}
	return false;
}

/* Copies the userinfo of the authority [a, a + n) masked; returns the
 * bytes of the authority consumed (up to its '@', or 0 if it has none). */
static size_t put_userinfo(strbuf_t *o, const char *a, size_t n)
{
	const char *at = NULL;
	for (size_t i = 0; i < n; i++)
		if (a[i] == '@')
			at = a + i;
	if (!at || at == a)
		return 0;
	const char *colon = memchr(a, ':', (size_t)(at - a));
	if (colon)
		strbuf_put(o, a, (size_t)(colon + 1 - a)); /* the user name, and ':' */
	strbuf_put(o, MASK, strlen(MASK));
	return (size_t)(at - a);
}

/* A URL whose password holds a '/', '?', '#' or '\\' ("http://u:pa/ss@h/")
 * has no userinfo by the rules above: its authority is "u:pa", a host with a
 * port that is no number, which curl refuses. It is still a password on
 * screen: when the port is not a number, what follows the ':' is masked, up
 * to the URL's last '@' before its query if it has one. Returns the bytes
 * of the URL [u, u + n) consumed (0 if the authority [u, u + auth) has a
 * port that is a number, or none). */
static size_t put_broken_userinfo(strbuf_t *o, const char *u, size_t auth, size_t n)
{
	const char *a = u;
	const char *bracket = memchr(u, ']', auth); /* [IPv6]:port */
	if (bracket)
		a = bracket;
	const char *colon = memchr(a, ':', auth - (size_t)(a - u));
	if (!colon)
		return 0;
	size_t digits = strspn(colon + 1, "0123456789");
	if (colon + 1 + digits == u + auth)
		return 0; /* a port */
	size_t before_query = strcspn(u, "?#");
	if (before_query > n)
		before_query = n;
	const char *at = NULL;
	for (size_t i = auth; i < before_query; i++)
		if (u[i] == '@')
			at = u + i;
	strbuf_put(o, u, (size_t)(colon + 1 - u));
	strbuf_put(o, MASK, strlen(MASK));
	return at ? (size_t)(at - u) : auth;
}

/* Copies the path, query and fragment [p, p + n) with secret query values
 * masked. */
static void put_rest(strbuf_t *o, const char *p, size_t n)
{
	const char *end = p + n;
	const char *q = memchr(p, '?', n);
	if (!q) {
		strbuf_put(o, p, n);
		return;
	}
	const char *hash = memchr(q, '#', (size_t)(end - q));
	const char *qend = hash ? hash : end;
	strbuf_put(o, p, (size_t)(q + 1 - p));
	for (const char *param = q + 1; param < qend;) {
		size_t plen = strcspn(param, "&;");
		if (param + plen > qend)
			plen = (size_t)(qend - param);
		const char *eq = memchr(param, '=', plen);
		if (eq && secret_name(param, (size_t)(eq - param)) && eq + 1 < param + plen) {
			strbuf_put(o, param, (size_t)(eq + 1 - param));
			strbuf_put(o, MASK, strlen(MASK));
		} else {
			strbuf_put(o, param, plen);
		}
		param += plen;
		if (param < qend) { /* the separator */
			strbuf_put(o, param, 1);
			param++;
		}
	}
	strbuf_put(o, qend, (size_t)(end - qend));
}

char *url_redact(const char *text)
{
	const char *s = text ? text : "";
	strbuf_t o = {0};
	strbuf_put(&o, "", 0);
	const char *copied = s; /* everything before this is in o */
	const char *q;
	while ((q = strstr(copied, "://")) != NULL) {
		if (!after_scheme(copied, q)) {
			strbuf_put(&o, copied, (size_t)(q + 3 - copied));
			copied = q + 3;
			continue;
		}
		const char *auth = q + 3;
		strbuf_put(&o, copied, (size_t)(auth - copied));
		size_t url_len = strcspn(auth, URL_END);
		size_t auth_len = strcspn(auth, "/?#\\" URL_END);
		size_t user = put_userinfo(&o, auth, auth_len);
		if (user == 0 && !memchr(auth, '@', auth_len)) {
			size_t took = put_broken_userinfo(&o, auth, auth_len, url_len);
			if (took > auth_len) { /* the password went on into the path */
				const char *host = auth + took;
				size_t rest = url_len - took;
				size_t host_len = strcspn(host, "/?#\\" URL_END);
				strbuf_put(&o, host, host_len);
				put_rest(&o, host + host_len, rest - host_len);
				copied = auth + url_len;
				continue;
			}
			user = took;
		}
		strbuf_put(&o, auth + user, auth_len - user);
		put_rest(&o, auth + auth_len, url_len - auth_len);
		copied = auth + url_len;
	}
	strbuf_put(&o, copied, strlen(copied));
	return o.data;
}

/* sta_request: the GETs of one SensorThings attempt. The first asks for
 * the Datastreams with their Thing, its Locations and their latest
 * Observation (the query built by sta_options.c); each answer's
 * "@iot.nextLink" is then followed, up to max_pages, and only on the
 * source's own origin: a link elsewhere would send the source's
 * credentials to another host, so it fails the attempt with its reason.
 * See sta_private.h. */
#include "sta_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "url_redact.h"
#include "xalloc.h"

/* An origin: scheme, host and port, pointing into the URL (not copied). */
typedef struct origin {
	const char *scheme, *host;
	size_t scheme_len, host_len;
	unsigned long port;
} origin_t;

/* Reads scheme://[userinfo@]host[:port] at the start of url; *rest (may be
 * NULL) gets what follows the authority. False if url is not absolute
 * http(s). */
static bool origin_of(const char *url, origin_t *o, const char **rest)
{
	const char *sep = strstr(url, "://");
	if (!sep)
		return false;
	o->scheme = url;
	o->scheme_len = (size_t)(sep - url);
	bool https = o->scheme_len == 5 && strncasecmp(url, "https", 5) == 0;
	if (!https && !(o->scheme_len == 4 && strncasecmp(url, "http", 4) == 0))
		return false;
	const char *auth = sep + 3;
	size_t auth_len = strcspn(auth, "/?#\\");
	const char *at = NULL; /* the userinfo ends at the last '@' */
	for (const char *p = auth; p < auth + auth_len; p++)
		if (*p == '@')
			at = p;
	const char *host = at ? at + 1 : auth, *end = auth + auth_len;
	const char *colon = NULL;
	if (*host == '[') { /* an IPv6 literal: the port follows its ']' */
		const char *close = memchr(host, ']', (size_t)(end - host));
		if (!close)
			return false;
		colon = close + 1 < end && close[1] == ':' ? close + 1 : NULL;
	} else {
		colon = memchr(host, ':', (size_t)(end - host));
	}
	o->host = host;
	o->host_len = (size_t)((colon ? colon : end) - host);
	o->port = https ? 443 : 80;
	if (colon && colon + 1 < end) {
		char *stop;
		o->port = strtoul(colon + 1, &stop, 10);
		if (stop != end || o->port == 0 || o->port > 65535)
			return false;
	}
	if (rest)
		*rest = end;
	return o->host_len > 0;
}

static bool same_origin(const origin_t *a, const origin_t *b)
{
	return a->scheme_len == b->scheme_len &&
	       strncasecmp(a->scheme, b->scheme, a->scheme_len) == 0 &&
	       a->host_len == b->host_len && strncasecmp(a->host, b->host, a->host_len) == 0 &&
	       a->port == b->port;
}

/* The link as the operator may see it: credentials masked, bounded. */
static char *shown(const char *url)
{
	char *r = url_redact(url);
	if (strlen(r) > 120)
		strcpy(r + 117, "...");
	return r;
}

char *sta_link_resolve(const char *base_url, const char *link, char **cause)
{
	origin_t base, to;
	const char *rest;
	if (!origin_of(base_url, &base, &rest)) {
		*cause = xstrdup(_("the source's url is not an absolute http(s) URL"));
		return NULL;
	}
	if (link[0] == '/' && link[1] != '/') /* path-absolute: on the source's origin */
		return xasprintf("%.*s%s", (int)(rest - base_url), base_url, link);
	if (!origin_of(link, &to, NULL)) {
		char *s = shown(link);
		*cause = xasprintf(_("SensorThings @iot.nextLink \"%s\" is not an absolute http(s) "
		                     "URL: paging stopped"),
		                   s);
		free(s);
		return NULL;
	}
	if (!same_origin(&base, &to)) {
		char *s = shown(link);
		*cause = xasprintf(_("SensorThings @iot.nextLink \"%s\" leaves the source's scheme, "
		                     "host and port (%.*s://%.*s:%lu): refused"),
		                   s, (int)base.scheme_len, base.scheme, (int)base.host_len, base.host,
		                   base.port);
		free(s);
		return NULL;
	}
	return xstrdup(link);
}

/* {url}/Datastreams?QUERY, a query of the source's url kept after ours. */
static char *first_url(const sta_opts_t *o, const char *base)
{
	size_t path_len = strcspn(base, "?#");
	while (path_len > 0 && base[path_len - 1] == '/')
		path_len--;
	const char *query = base[strcspn(base, "?#")] == '?' ? base + strcspn(base, "?#") + 1 : "";
	size_t query_len = strcspn(query, "#");
	return xasprintf("%.*s/Datastreams?%s%s%.*s", (int)path_len, base, o->query,
	                 query_len ? "&" : "", (int)query_len, query);
}

int sta_next_request(const void *opts, const adapter_attempt_t *at, adapter_request_t *req,
                     char **cause)
{
	void *own = NULL;
	const sta_opts_t *o = sta_options_or_defaults(opts, &own);
	int rc = 0;
	if (at->done == 0) {
		req->url = first_url(o, at->base_url);
		req->step = 0;
		rc = 1;
	} else if (at->done < (size_t)o->max_pages) {
		const adapter_body_t *last = &at->bodies[at->done - 1];
		sta_page_info_t info;
		const char *why = NULL;
		char *link = NULL;
		if (sta_scan_page(last->data, last->len, &info, &why))
			link = sta_page_next_link(&info, &why);
		else
			why = NULL; /* not a page: parse says so */
		if (link) {
			req->url = sta_link_resolve(at->base_url, link, cause);
			req->step = (int)at->done;
			rc = req->url ? 1 : -1;
		} else if (why) {
			*cause = xasprintf(_("SensorThings @iot.nextLink of page %zu %s: paging stopped"),
			                   at->done, _(why));
			rc = -1;
		}
		free(link);
	}
	sta_options_free(own);
	return rc;
}

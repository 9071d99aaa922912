/* One transfer of a source: the curl handle's set-up, the request's headers,
 * and reading the response as it arrives (the body under its cap, the ETag,
 * Retry-After). See poller_private.h. */
#include "poller_private.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "since_url.h"
#include "xalloc.h"

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
	source_t *s = userp;
	size_t n = size * nmemb;
	if (s->body_len + n > s->cfg.max_body) {
		s->body_too_large = true;
		return 0; /* makes curl fail the transfer with CURLE_WRITE_ERROR */
	}
	/* The answers of one attempt together: max_body too (poller_attempt.c). */
	if (s->answers_bytes + s->body_len + n > s->cfg.max_body) {
		s->attempt_too_large = true;
		return 0;
	}
	if (s->body_len + n + 1 > s->body_cap) {
		size_t cap = s->body_cap;
		if (!cap) /* as large as the last body: one allocation usually does */
			cap = s->last_body_len + 1 > 16384 ? s->last_body_len + 1 : 16384;
		while (cap < s->body_len + n + 1)
			cap *= 2;
		s->body = xreallocarray(s->body, cap, 1);
		s->body_cap = cap;
	}
	memcpy(s->body + s->body_len, data, n);
	s->body_len += n;
	s->body[s->body_len] = '\0';
	return n;
}

/* Copies the value of header `name` from a raw header line, trimmed. */
static bool header_value(const char *line, size_t len, const char *name, char *out, size_t outsz)
{
	size_t nlen = strlen(name);
	if (len <= nlen || strncasecmp(line, name, nlen) != 0 || line[nlen] != ':')
		return false;
	const char *v = line + nlen + 1;
	const char *end = line + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
		end--;
	size_t vlen = (size_t)(end - v);
	if (vlen >= outsz)
		return false; /* an oversized header is ignored rather than cut */
	for (const char *c = v; c < end; c++)
		if ((unsigned char)*c < 0x20 || (unsigned char)*c > 0x7e)
			return false; /* it is sent back to the server: printable ASCII only */
	memcpy(out, v, vlen);
	out[vlen] = '\0';
	return true;
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *userp)
{
	source_t *s = userp;
	size_t n = size * nmemb;
	char value[64];
	if (n >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		/* A new response (after a redirect or 100-continue): forget headers. */
		s->new_etag[0] = '\0';
		s->retry_after_ms = 0;
	} else if (header_value(data, n, "ETag", s->new_etag, sizeof s->new_etag)) {
		/* stored */
	} else if (header_value(data, n, "Retry-After", value, sizeof value)) {
		/* Either delta-seconds or an HTTP date; capped at an hour. */
		char *end;
		long secs = strtol(value, &end, 10);
		if (end == value || *end != '\0') {
			time_t at = curl_getdate(value, NULL);
			secs = at > 0 ? (long)(at - time(NULL)) : -1;
		}
		if (secs >= 0)
			s->retry_after_ms = (secs > 3600 ? 3600 : secs) * 1000;
	}
	return n;
}

void poller_setup_easy(source_t *s)
{
	CURL *e = s->easy;
	curl_easy_setopt(e, CURLOPT_URL, s->cfg.url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, s);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, s);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, s->errbuf);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)s->cfg.timeout_ms);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)s->cfg.timeout_ms);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); /* every encoding curl supports */
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)s->cfg.max_body);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, 3L);
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_USERAGENT, "citydash/" CITYDASH_VERSION);
	poller_setup_security(s);
}

void poller_start_transfer(poller_t *p, source_t *s)
{
	if (s->adapter->next_request) {
		/* Its first request is asked of the adapter by poller_perform,
		 * which knows the time the attempt begins. */
		s->begin_pending = true;
		store_source_next_try(p->store, s->index, 0);
		return;
	}
	s->sent_inm = s->etag[0] != '\0';
	/* Report by exception: ask for what changed since the last document,
	 * when it offered a cursor and the source may (curl copies the URL). */
	s->sent_since = s->cursor[0] && !s->cfg.no_since;
	char *url = s->sent_since ? since_url(s->cfg.url, s->cursor) : NULL;
	poller_send(p, s, url ? url : s->cfg.url);
	free(url);
}

void poller_send(poller_t *p, source_t *s, const char *url)
{
	s->body_len = 0;
	s->body_too_large = false;
	s->errbuf[0] = '\0';
	s->new_etag[0] = '\0';
	s->retry_after_ms = 0;
	curl_slist_free_all(s->headers);
	s->headers = curl_slist_append(NULL, "Accept: application/json");
	for (const struct curl_slist *h = s->extra_headers; h; h = h->next)
		s->headers = curl_slist_append(s->headers, h->data);
	if (s->sent_inm) {
		char *h = xasprintf("If-None-Match: %s", s->etag);
		s->headers = curl_slist_append(s->headers, h);
		free(h);
	}
	curl_easy_setopt(s->easy, CURLOPT_HTTPHEADER, s->headers);
	curl_easy_setopt(s->easy, CURLOPT_URL, url); /* curl copies it */
	CURLMcode rc = curl_multi_add_handle(p->multi, s->easy);
	if (rc != CURLM_OK) {
		/* A failed attempt like any other: reported (and planned again)
		 * by the next poller_perform, which has the time to stamp it with. */
		s->add_failed = rc;
		s->next_due_ms = INT64_MAX; /* until reported */
		return;
	}
	s->in_flight = true;
	store_source_next_try(p->store, s->index, 0);
}

/* adapter_prometheus_req: the GETs of one prometheus attempt (the order is
 * in adapter_prometheus.h) and the reason for an answer that is not 2xx,
 * from Prometheus's error envelope
 * ({"status":"error","errorType":"bad_data","error":"..."}). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapter_prometheus.h"
#include "i18n.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

#define REASON_MAX 200 /* bytes of an error reason */

/* The k-th request of an attempt as (query, kind); false past the last. */
static bool nth_request(const prom_opts_t *o, bool first, size_t k, size_t *query, int *kind)
{
	for (size_t q = 0; q < o->count; q++) {
		if (k-- == 0) {
			*query = q, *kind = PROM_K_VALUE;
			return true;
		}
		for (int j = 0; j < PROM_J_COUNT; j++) {
			if (o->queries[q].join[j].query && k-- == 0) {
				*query = q, *kind = PROM_K_JOIN + j;
				return true;
			}
		}
	}
	if (!first || o->history_s <= 0)
		return false;
	if (k < o->count) {
		*query = k, *kind = PROM_K_HISTORY;
		return true;
	}
	return false;
}

/* RFC 3986 percent-encoding of a query parameter's value. */
static void put_encoded(strbuf_t *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    strchr("-._~", ch)) {
			strbuf_put(b, s, 1);
		} else {
			char esc[3] = {'%', hex[ch >> 4], hex[ch & 15]};
			strbuf_put(b, esc, 3);
		}
	}
}

static void put_str(strbuf_t *b, const char *s)
{
	strbuf_put(b, s, strlen(s));
}

/* Epoch ms as Prometheus's unix seconds with a fraction. */
static void put_time(strbuf_t *b, int64_t ms)
{
	char t[32];
	snprintf(t, sizeof t, "%lld.%03d", (long long)(ms / 1000), (int)(ms % 1000));
	put_str(b, t);
}

int prom_next_request(const void *opts, const adapter_attempt_t *at, adapter_request_t *req,
                      char **cause)
{
	const prom_opts_t *o = opts;
	size_t q;
	int kind;
	if (!o) {
		*cause = xstrdup(_("the prometheus adapter has no options"));
		return -1;
	}
	if (!nth_request(o, at->first, at->done, &q, &kind))
		return 0;
	const prom_query_t *pq = &o->queries[q];
	const char *expr = kind >= PROM_K_JOIN && kind < PROM_K_HISTORY
	                       ? pq->join[kind - PROM_K_JOIN].query
	                       : pq->query;
	size_t base = strlen(at->base_url);
	while (base > 0 && at->base_url[base - 1] == '/')
		base--;
	strbuf_t b = {0};
	strbuf_put(&b, at->base_url, base);
	put_str(&b, kind == PROM_K_HISTORY ? "/api/v1/query_range?query=" : "/api/v1/query?query=");
	put_encoded(&b, expr);
	if (kind == PROM_K_HISTORY) {
		put_str(&b, "&start=");
		put_time(&b, at->now_ms - o->history_s * 1000);
		put_str(&b, "&end=");
		put_time(&b, at->now_ms);
		char step[32];
		snprintf(step, sizeof step, "&step=%lld", (long long)o->step_s);
		put_str(&b, step);
	} else {
		put_str(&b, "&time=");
		put_time(&b, at->now_ms);
	}
	req->url = b.data;
	req->step = PROM_STEP(q, kind);
	return 1;
}

/* s sanitized and cut to at most `max` bytes at a character boundary. */
static char *short_clean(const char *s, size_t max)
{
	char *out = text_sanitize(s, strlen(s));
	size_t n = strlen(out);
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)out[n] & 0xc0) == 0x80)
			n--;
		out[n] = '\0';
	}
	return out;
}

char *prom_envelope_error(const cJSON *doc)
{
	const cJSON *status = cJSON_GetObjectItemCaseSensitive(doc, "status");
	if (!cJSON_IsString(status) || strcmp(status->valuestring, "error") != 0)
		return NULL;
	const cJSON *type = cJSON_GetObjectItemCaseSensitive(doc, "errorType");
	const cJSON *err = cJSON_GetObjectItemCaseSensitive(doc, "error");
	const char *t = cJSON_IsString(type) ? type->valuestring : NULL;
	const char *m = cJSON_IsString(err) ? err->valuestring : NULL;
	char *raw = t && m ? xasprintf("%s: %s", t, m)
	                   : xstrdup(m ? m : t ? t : _("Prometheus answered with an error"));
	char *out = short_clean(raw, REASON_MAX);
	free(raw);
	return out;
}

char *prom_error_reason(const void *opts, long status, const char *body, size_t len)
{
	(void)opts, (void)status;
	if (!body || !len)
		return NULL;
	cJSON *doc = cJSON_ParseWithLength(body, len);
	char *why = doc ? prom_envelope_error(doc) : NULL;
	cJSON_Delete(doc);
	return why;
}

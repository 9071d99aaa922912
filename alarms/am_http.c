/* am_http: one blocking HTTP exchange with Alertmanager (see am_http.h). */
#include "am_http.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "am_json.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

struct am_http {
	CURL *curl;
	int64_t timeout_ms;
	const atomic_bool *stop;
	bool too_big; /* the reply being read passed AM_HTTP_MAX_BODY */
	strbuf_t *sink;
	char curl_error[CURL_ERROR_SIZE];
};

static size_t on_write(char *data, size_t size, size_t nmemb, void *user)
{
	am_http_t *h = user;
	size_t n = size * nmemb;
	if (h->sink->len + n > AM_HTTP_MAX_BODY) {
		h->too_big = true;
		return 0; /* curl then fails the transfer (CURLE_WRITE_ERROR) */
	}
	strbuf_put(h->sink, data, n);
	return n;
}

static int on_progress(void *user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                       curl_off_t ulnow)
{
	(void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	const am_http_t *h = user;
	return h->stop && atomic_load(h->stop) ? 1 : 0; /* nonzero aborts */
}

am_http_t *am_http_new(int64_t timeout_ms, const atomic_bool *stop)
{
	am_http_t *h = xcalloc(1, sizeof *h);
	h->curl = curl_easy_init();
	if (!h->curl) {
		free(h);
		return NULL;
	}
	h->timeout_ms = timeout_ms;
	h->stop = stop;
	return h;
}

void am_http_free(am_http_t *h)
{
	if (!h)
		return;
	curl_easy_cleanup(h->curl);
	free(h);
}

char *am_http_escape(am_http_t *h, const char *s)
{
	char *e = curl_easy_escape(h->curl, s, 0);
	if (!e) {
		fputs("citydash: out of memory escaping a URL\n", stderr);
		abort();
	}
	char *copy = xstrdup(e);
	curl_free(e);
	return copy;
}

am_result_t am_http_do(am_http_t *h, const char *method, const char *url, const char *body,
                       am_reply_t *reply)
{
	memset(reply, 0, sizeof *reply);
	CURL *c = h->curl;
	curl_easy_reset(c);
	h->too_big = false;
	h->sink = &reply->body;
	h->curl_error[0] = '\0';
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)h->timeout_ms);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)h->timeout_ms);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, h);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, h);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->curl_error);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_USERAGENT, "citydash/" CITYDASH_VERSION);
	struct curl_slist *headers = NULL;
	if (strcmp(method, "POST") == 0) {
		headers = curl_slist_append(NULL, "Content-Type: application/json");
		if (!headers) {
			fputs("citydash: out of memory\n", stderr);
			abort();
		}
		curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body ? body : "");
	} else if (strcmp(method, "DELETE") == 0) {
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "DELETE");
	}
	CURLcode rc = curl_easy_perform(c);
	curl_slist_free_all(headers);
	h->sink = NULL;
	if (rc != CURLE_OK) {
		if (h->too_big)
			snprintf(reply->error, sizeof reply->error, _("reply over %u MB"),
			         AM_HTTP_MAX_BODY >> 20);
		else
			text_copy_cut(reply->error, sizeof reply->error,
			            h->curl_error[0] ? h->curl_error : curl_easy_strerror(rc));
		return AM_UNREACHED;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply->status);
	if (reply->status >= 200 && reply->status < 300)
		return AM_OK;
	char text[120];
	am_json_error_text(reply->body.data, reply->body.len, text, sizeof text);
	char *full = xasprintf("HTTP %ld%s%s", reply->status, text[0] ? ": " : "", text);
	text_copy_cut(reply->error, sizeof reply->error, full);
	free(full);
	return AM_REFUSED;
}

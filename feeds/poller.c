#include "poller.h"

#include <curl/curl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "i18n.h"
#include "ingest.h"
#include "xalloc.h"

/* Backoff after failures: interval × 2^n, at most this long, ±20% jitter. */
#define BACKOFF_MAX_MS    60000
#define BACKOFF_MAX_SHIFT 6
#define ETAG_MAX          256

typedef struct source {
	int index; /* in the store */
	source_cfg_t cfg;
	const adapter_t *adapter;
	CURL *easy;
	struct curl_slist *headers;
	char errbuf[CURL_ERROR_SIZE];
	bool in_flight;
	bool attempted;
	int64_t next_due_ms; /* monotonic */
	unsigned failures;   /* consecutive */
	int64_t retry_after_ms;
	/* The body being received. */
	char *body;
	size_t body_len, body_cap;
	bool body_too_large;
	char etag[ETAG_MAX];     /* of the last applied document */
	char new_etag[ETAG_MAX]; /* of the response under way */
} source_t;

struct poller {
	store_t *store;
	CURLM *multi;
	source_t *sources;
	size_t count;
	uint64_t jitter_state;
};

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
	source_t *s = userp;
	size_t n = size * nmemb;
	if (s->body_len + n > s->cfg.max_body) {
		s->body_too_large = true;
		return 0; /* makes curl fail the transfer with CURLE_WRITE_ERROR */
	}
	if (s->body_len + n + 1 > s->body_cap) {
		size_t cap = s->body_cap ? s->body_cap : 16384;
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

static uint64_t next_random(poller_t *p)
{
	/* splitmix64: jitter needs spread, not secrecy. */
	uint64_t z = (p->jitter_state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static int64_t backoff_ms(poller_t *p, const source_t *s)
{
	unsigned shift = s->failures < BACKOFF_MAX_SHIFT ? s->failures : BACKOFF_MAX_SHIFT;
	int64_t base = s->cfg.interval_ms << shift;
	int64_t cap = s->cfg.interval_ms > BACKOFF_MAX_MS ? s->cfg.interval_ms : BACKOFF_MAX_MS;
	if (base > cap)
		base = cap;
	/* ±20% so that many terminals do not retry a recovering feed in step. */
	int64_t spread = base / 5;
	if (spread > 0)
		base += (int64_t)(next_random(p) % (uint64_t)(2 * spread + 1)) - spread;
	return base;
}

static void setup_easy(source_t *s)
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
}

static void start_transfer(poller_t *p, source_t *s, int64_t mono_ms)
{
	s->body_len = 0;
	s->body_too_large = false;
	s->errbuf[0] = '\0';
	s->new_etag[0] = '\0';
	s->retry_after_ms = 0;
	curl_slist_free_all(s->headers);
	s->headers = curl_slist_append(NULL, "Accept: application/json");
	if (s->etag[0]) {
		char *h = xasprintf("If-None-Match: %s", s->etag);
		s->headers = curl_slist_append(s->headers, h);
		free(h);
	}
	curl_easy_setopt(s->easy, CURLOPT_HTTPHEADER, s->headers);
	if (curl_multi_add_handle(p->multi, s->easy) != CURLM_OK) {
		s->next_due_ms = mono_ms + s->cfg.interval_ms; /* try again later */
		return;
	}
	s->in_flight = true;
}

poller_t *poller_create(store_t *st, const config_t *cfg, char **cause)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		*cause = xstrdup(_("cannot initialise libcurl"));
		return NULL;
	}
	poller_t *p = xcalloc(1, sizeof *p);
	p->store = st;
	p->multi = curl_multi_init();
	p->jitter_state = (uint64_t)(uintptr_t)p ^ 0x5DEECE66Dull;
	p->sources = xcalloc(cfg->source_count, sizeof *p->sources);
	for (size_t i = 0; i < cfg->source_count; i++) {
		const source_cfg_t *c = &cfg->sources[i];
		source_t *s = &p->sources[i];
		s->cfg = *c;
		s->cfg.name = xstrdup(c->name);
		s->cfg.url = xstrdup(c->url);
		s->cfg.format = c->format ? xstrdup(c->format) : NULL;
		p->count++;
		s->adapter = adapter_find(c->format);
		if (!p->multi || !s->adapter || !(s->easy = curl_easy_init())) {
			*cause = s->adapter
			             ? xstrdup(_("cannot initialise libcurl"))
			             : xasprintf(_("source %s: unknown format \"%s\" (known: %s)"),
			                         c->name, c->format, adapter_names());
			poller_destroy(p);
			return NULL;
		}
		setup_easy(s);
		/* Stale after three missed polls, or one poll plus its timeout. */
		int64_t stale = 3 * c->interval_ms;
		if (stale < c->interval_ms + c->timeout_ms)
			stale = c->interval_ms + c->timeout_ms;
		s->index = store_add_source(st, c->name, c->url, c->interval_ms, stale);
		store_set_source_limits(st, s->index,
		                        &(source_limits_t){c->max_readings, c->max_bytes,
		                                           c->retention_ms, c->clock_skew_ms});
	}
	return p;
}

void poller_destroy(poller_t *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->count; i++) {
		source_t *s = &p->sources[i];
		if (s->easy) {
			if (s->in_flight)
				curl_multi_remove_handle(p->multi, s->easy);
			curl_easy_cleanup(s->easy);
		}
		curl_slist_free_all(s->headers);
		free(s->body);
		free(s->cfg.name);
		free(s->cfg.url);
		free(s->cfg.format);
	}
	free(p->sources);
	if (p->multi)
		curl_multi_cleanup(p->multi);
	free(p);
	curl_global_cleanup();
}

void poller_start_due(poller_t *p, int64_t mono_ms)
{
	for (size_t i = 0; i < p->count; i++) {
		source_t *s = &p->sources[i];
		if (!s->in_flight && s->next_due_ms <= mono_ms)
			start_transfer(p, s, mono_ms);
	}
}

int64_t poller_ms_until_due(const poller_t *p, int64_t mono_ms)
{
	int64_t best = INT64_MAX;
	for (size_t i = 0; i < p->count; i++) {
		const source_t *s = &p->sources[i];
		if (s->in_flight)
			continue;
		int64_t d = s->next_due_ms - mono_ms;
		if (d < best)
			best = d < 0 ? 0 : d;
	}
	return best;
}

int poller_wait(poller_t *p, const int *extra_fds, int n, bool *ready, int timeout_ms)
{
	struct curl_waitfd fds[8];
	if (n > 8)
		n = 8;
	for (int i = 0; i < n; i++) {
		fds[i].fd = extra_fds[i];
		fds[i].events = CURL_WAIT_POLLIN;
		fds[i].revents = 0;
	}
	int numfds = 0;
	if (curl_multi_poll(p->multi, n ? fds : NULL, (unsigned)n, timeout_ms, &numfds) != CURLM_OK)
		return -1;
	for (int i = 0; i < n; i++)
		ready[i] = (fds[i].revents & (CURL_WAIT_POLLIN | CURL_WAIT_POLLPRI)) != 0;
	return 0;
}


/* Describes a failed transfer for the operator in a few general words, the
 * same for every source failing alike (so the status bar can group them). */
static char *failure_reason(const source_t *s, CURLcode rc, long status)
{
	if (s->body_too_large || rc == CURLE_FILESIZE_EXCEEDED)
		return xasprintf(_("response larger than %zu bytes"), s->cfg.max_body);
	if (rc == CURLE_OPERATION_TIMEDOUT)
		return xasprintf(_("no answer within %lld ms"), (long long)s->cfg.timeout_ms);
	if (rc != CURLE_OK)
		return xstrdup(curl_easy_strerror(rc));
	return xasprintf(_("HTTP status %ld"), status);
}

static void finish_transfer(poller_t *p, source_t *s, CURLcode rc, int64_t wall_ms, int64_t mono_ms)
{
	long status = 0;
	curl_easy_getinfo(s->easy, CURLINFO_RESPONSE_CODE, &status);
	bool ok = false;
	if (rc == CURLE_OK && status == 304) {
		store_poll_not_modified(p->store, s->index, wall_ms);
		ok = true;
	} else if (rc == CURLE_OK && status >= 200 && status < 300) {
		ok = ingest_body(p->store, s->index, s->adapter, s->body ? s->body : "",
		                 s->body_len, wall_ms) == 0;
		if (ok)
			memcpy(s->etag, s->new_etag, sizeof s->etag);
		else
			s->etag[0] = '\0'; /* ask for the whole document next time */
	} else {
		char *reason = failure_reason(s, rc, status);
		/* curl's own message names the host, port and cause: the detail. */
		const char *detail = rc != CURLE_OK && s->errbuf[0] ? s->errbuf : NULL;
		store_poll_failed_detail(p->store, s->index, reason, detail, wall_ms);
		free(reason);
	}
	s->attempted = true;
	if (ok) {
		s->failures = 0;
		s->next_due_ms = mono_ms + s->cfg.interval_ms;
	} else {
		s->failures++;
		s->next_due_ms = mono_ms + backoff_ms(p, s);
	}
	/* A server that asks for patience gets it, whether it failed or not. */
	if ((status == 429 || status == 503) && s->retry_after_ms > 0 &&
	    mono_ms + s->retry_after_ms > s->next_due_ms)
		s->next_due_ms = mono_ms + s->retry_after_ms;
	/* Keep memory bounded: a huge body once should not stay allocated. */
	if (s->body_cap > 1024 * 1024) {
		free(s->body);
		s->body = NULL;
		s->body_cap = 0;
	}
}

int poller_perform(poller_t *p, int64_t wall_ms, int64_t mono_ms)
{
	int running = 0;
	curl_multi_perform(p->multi, &running);
	int finished = 0;
	CURLMsg *msg;
	int left;
	while ((msg = curl_multi_info_read(p->multi, &left))) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		CURL *easy = msg->easy_handle;
		CURLcode rc = msg->data.result;
		char *priv = NULL;
		curl_easy_getinfo(easy, CURLINFO_PRIVATE, &priv);
		source_t *s = (source_t *)priv;
		curl_multi_remove_handle(p->multi, easy);
		if (!s)
			continue;
		s->in_flight = false;
		finish_transfer(p, s, rc, wall_ms, mono_ms);
		finished++;
	}
	return finished;
}


int poller_sources_attempted(const poller_t *p)
{
	int n = 0;
	for (size_t i = 0; i < p->count; i++)
		n += p->sources[i].attempted;
	return n;
}

#include "poller.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "curl_words.h"
#include "i18n.h"
#include "poller_private.h"
#include "xalloc.h"

/* Backoff after answers in distress (server_in_distress): interval × 2^n,
 * capped (poller_backoff_cap_ms), then up to 20% earlier at random. */
#define BACKOFF_INTERVALS 4     /* the cap: this many intervals, */
#define BACKOFF_FLOOR_MS  2000  /* but at least this long */
#define BACKOFF_CEIL_MS   60000 /* and at most this long (unless the interval is longer) */
#define BACKOFF_MAX_SHIFT 6

static uint64_t next_random(poller_t *p)
{
	/* splitmix64: jitter needs spread, not secrecy. */
	uint64_t z = (p->jitter_state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

int64_t poller_backoff_cap_ms(int64_t interval_ms)
{
	int64_t cap = BACKOFF_INTERVALS * interval_ms;
	if (cap < BACKOFF_FLOOR_MS)
		cap = BACKOFF_FLOOR_MS;
	if (cap > BACKOFF_CEIL_MS)
		cap = BACKOFF_CEIL_MS;
	return cap > interval_ms ? cap : interval_ms; /* never more often than when healthy */
}

static int64_t backoff_ms(poller_t *p, const source_t *s)
{
	unsigned shift = s->distress < BACKOFF_MAX_SHIFT ? s->distress : BACKOFF_MAX_SHIFT;
	int64_t base = s->cfg.interval_ms << shift;
	int64_t cap = poller_backoff_cap_ms(s->cfg.interval_ms);
	if (base > cap)
		base = cap;
	/* Up to 20% earlier, so that many terminals do not retry a recovering
	 * feed in step; never later, so the cap holds. */
	int64_t spread = base / 5;
	if (spread > 0)
		base -= (int64_t)(next_random(p) % (uint64_t)(spread + 1));
	return base;
}

/* Plans the source's next attempt and tells the store when it will be (the
 * store keeps steady time; the plan is in monotonic time). */
static void plan_next(poller_t *p, source_t *s, int64_t wall_ms, int64_t mono_ms, int64_t delay)
{
	s->next_due_ms = mono_ms + delay;
	store_source_next_try(p->store, s->index, wall_ms + delay);
}

/* Called on the parse worker's thread when a batch is ready. */
static void wake_loop(void *p)
{
	poller_wake(p);
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
	/* A connection kept for every source. libcurl's cache holds four per
	 * easy handle in the multi, and a source's handle is in it only while
	 * it polls: eight sources on one server lost a connection and made a
	 * new one about every second (a TLS handshake each, over https). */
	if (p->multi)
		curl_multi_setopt(p->multi, CURLMOPT_MAXCONNECTS, (long)cfg->source_count + 4);
	p->jitter_state = (uint64_t)(uintptr_t)p ^ 0x5DEECE66Dull;
	p->sources = xcalloc(cfg->source_count, sizeof *p->sources);
	p->ready = xcalloc(cfg->source_count ? cfg->source_count : 1, sizeof *p->ready);
	p->wake[0] = p->wake[1] = -1;
	if (pipe(p->wake) != 0) {
		*cause = xasprintf(_("cannot create a pipe: %s"), strerror(errno));
		poller_destroy(p);
		return NULL;
	}
	for (int i = 0; i < 2; i++)
		fcntl(p->wake[i], F_SETFL, fcntl(p->wake[i], F_GETFL) | O_NONBLOCK);
	if (p->multi)
		p->worker = parse_worker_create(wake_loop, p);
	for (size_t i = 0; i < cfg->source_count; i++) {
		const source_cfg_t *c = &cfg->sources[i];
		source_t *s = &p->sources[i];
		s->cfg = *c; /* shallow: what is not copied below is borrowed (poller.h) */
		s->cfg.name = xstrdup(c->name);
		s->cfg.url = xstrdup(c->url);
		s->cfg.format = c->format ? xstrdup(c->format) : NULL;
		p->count++;
		s->adapter = c->adapter ? c->adapter : adapter_find(c->format);
		if (!p->multi || !s->adapter || !(s->easy = curl_easy_init())) {
			*cause = s->adapter
			             ? xstrdup(_("cannot initialise libcurl"))
			             : xasprintf(_("source %s: unknown format \"%s\" (known: %s)"),
			                         c->name, c->format, adapter_names());
			poller_destroy(p);
			return NULL;
		}
		poller_setup_easy(s);
		/* As configured, else stale after three missed polls, or one poll
		 * plus its timeout. */
		int64_t stale = c->stale_ms ? c->stale_ms : 3 * c->interval_ms;
		if (!c->stale_ms && stale < c->interval_ms + c->timeout_ms)
			stale = c->interval_ms + c->timeout_ms;
		s->index = store_add_source(st, c->name, c->url, c->interval_ms, stale);
		store_source_set_tls_unverified(st, s->index, c->tls_insecure);
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
	parse_worker_destroy(p->worker); /* first: it calls poller_wake */
	for (size_t i = 0; i < p->count; i++) {
		source_t *s = &p->sources[i];
		ingest_batch_free(s->batch);
		poller_attempt_reset(s);
		if (s->easy) {
			if (s->in_flight)
				curl_multi_remove_handle(p->multi, s->easy);
			curl_easy_cleanup(s->easy);
		}
		curl_slist_free_all(s->headers);
		curl_slist_free_all(s->extra_headers);
		free(s->body);
		free(s->cfg.name);
		free(s->cfg.url);
		free(s->cfg.format);
	}
	free(p->sources);
	free(p->ready);
	for (int i = 0; i < 2; i++)
		if (p->wake[i] >= 0)
			close(p->wake[i]);
	if (p->multi)
		curl_multi_cleanup(p->multi);
	free(p);
	curl_global_cleanup();
}

void poller_start_due(poller_t *p, int64_t mono_ms)
{
	for (size_t i = 0; i < p->count; i++) {
		source_t *s = &p->sources[i];
		if (!s->in_flight && !s->begin_pending && !s->parsing && !s->add_failed &&
		    s->next_due_ms <= mono_ms)
			poller_start_transfer(p, s);
	}
}

int64_t poller_ms_until_due(const poller_t *p, int64_t mono_ms)
{
	int64_t best = INT64_MAX;
	if (p->paused)
		return best;
	for (size_t i = 0; i < p->count; i++) {
		const source_t *s = &p->sources[i];
		if (s->in_flight || s->begin_pending || s->parsing)
			continue;
		if (s->add_failed)
			return 0; /* a failure to report */
		int64_t d = s->next_due_ms - mono_ms;
		if (d < best)
			best = d < 0 ? 0 : d;
	}
	return best;
}

/* Describes a failed transfer for the operator in a few general words, the
 * same for every source failing alike (so the status bar can group them). */
static char *failure_reason(const source_t *s, CURLcode rc, long status)
{
	if (s->body_too_large || rc == CURLE_FILESIZE_EXCEEDED)
		return xasprintf(_("response larger than %zu bytes"), s->cfg.max_body);
	if (s->attempt_too_large)
		return xasprintf(_("responses of one attempt larger than %zu bytes in total"),
		                 s->cfg.max_body);
	if (rc == CURLE_OPERATION_TIMEDOUT)
		return xasprintf(_("no answer within %lld ms"), (long long)s->cfg.timeout_ms);
	/* curl's generic words for these ("SSL peer certificate or SSH remote
	 * key was not OK") do not tell an operator what to look at. */
	if (rc == CURLE_PEER_FAILED_VERIFICATION)
		return xstrdup(_("server certificate not trusted (tls.ca_file?)"));
	if (rc == CURLE_SSL_CERTPROBLEM)
		return xstrdup(_("cannot use the client certificate (tls.client_cert)"));
	if (rc == CURLE_SSL_CACERT_BADFILE)
		return xstrdup(_("cannot read the CA file (tls.ca_file)"));
	if (rc != CURLE_OK)
		return xstrdup(curl_words(rc));
	return xasprintf(_("HTTP status %ld"), status);
}

static void ready_push(poller_t *p, source_t *s)
{
	p->ready[(p->ready_head + p->ready_len++) % p->count] = (size_t)(s - p->sources);
}

static source_t *ready_pop(poller_t *p)
{
	if (!p->ready_len)
		return NULL;
	source_t *s = &p->sources[p->ready[p->ready_head]];
	p->ready_head = (p->ready_head + 1) % p->count;
	p->ready_len--;
	return s;
}

/* Whether a failed attempt's answer says the server itself is in trouble:
 * a 5xx, or 429 (too many requests). Only then is the next try backed
 * off. Any other failure (no connection, a timeout, a body too large, a
 * document that cannot be used, another 4xx) costs the server no more than
 * a healthy poll, so the source is polled on at its interval: the wall
 * shows the feed's return within one interval. */
static bool server_in_distress(long status)
{
	return status == 429 || (status >= 500 && status <= 599);
}

/* After a failed attempt: counted; the next try at the interval, or backed
 * off for a server in distress, which gets the patience it asks for
 * (429/503 with Retry-After). */
static void attempt_failed(poller_t *p, source_t *s, long status, int64_t wall_ms, int64_t mono_ms)
{
	poller_attempt_reset(s);
	s->attempted = true;
	s->failures++;
	int64_t delay = s->cfg.interval_ms; /* as a healthy poll's: no jitter */
	if (server_in_distress(status)) {
		s->distress++;
		delay = backoff_ms(p, s);
		if ((status == 429 || status == 503) && s->retry_after_ms > delay)
			delay = s->retry_after_ms;
	}
	plan_next(p, s, wall_ms, mono_ms, delay);
}

void poller_fail_attempt(poller_t *p, source_t *s, const char *reason, const char *detail,
                         long status, int64_t wall_ms, int64_t mono_ms)
{
	store_poll_failed_detail(p->store, s->index, reason, detail, wall_ms);
	attempt_failed(p, s, status, wall_ms, mono_ms);
}

/* Answers to parse: handed to the worker (or parsed here without one); the
 * source starts no new attempt until its batch is applied, so at most one
 * attempt's answers or batch per source is held. */
void poller_hand_over(poller_t *p, source_t *s, adapter_body_t *bodies, size_t n,
                      int64_t wall_ms)
{
	s->parsing = true;
	const source_status_t *status = store_source(p->store, s->index);
	size_t budget = status ? status->max_bytes : 0;
	if (p->worker) {
		parse_worker_submit_bodies(p->worker, (int)(s - p->sources), s->adapter,
		                           s->cfg.adapter_opts, bodies, n, wall_ms, budget);
	} else {
		s->batch = ingest_batch_parse_bodies(s->adapter, s->cfg.adapter_opts, bodies, n,
		                                     wall_ms, budget);
		for (size_t i = 0; i < n; i++)
			free((void *)bodies[i].data); /* handed over: ours */
		free(bodies);
		ready_push(p, s);
	}
}

/* The one answer of a one-GET attempt, to parse. */
static void hand_over_body(poller_t *p, source_t *s, int64_t wall_ms)
{
	adapter_body_t *one = xmalloc(sizeof *one);
	*one = (adapter_body_t){s->body ? s->body : xstrdup(""), s->body_len, 0};
	s->last_body_len = s->body_len;
	s->body = NULL;
	s->body_len = s->body_cap = 0;
	poller_hand_over(p, s, one, 1, wall_ms);
}

/* Why a non-2xx answer failed: the server's own words when the adapter can
 * read them (adapter.h error_reason), with the status as the detail. */
static char *status_reason(const source_t *s, long status, char **detail)
{
	char *why = NULL;
	if (s->adapter->error_reason)
		why = s->adapter->error_reason(s->cfg.adapter_opts, status, s->body ? s->body : "",
		                               s->body_len);
	if (!why || !why[0]) {
		free(why);
		return xasprintf(_("HTTP status %ld"), status);
	}
	*detail = xasprintf(_("HTTP status %ld"), status);
	return why;
}

static void finish_transfer(poller_t *p, source_t *s, CURLcode rc, int64_t wall_ms, int64_t mono_ms)
{
	long status = 0;
	curl_easy_getinfo(s->easy, CURLINFO_RESPONSE_CODE, &status);
	if (rc == CURLE_OK && status == 304 && s->sent_inm) {
		store_poll_not_modified(p->store, s->index, wall_ms);
		s->attempted = true;
		s->failures = s->distress = 0;
		plan_next(p, s, wall_ms, mono_ms, s->cfg.interval_ms);
	} else if (rc == CURLE_OK && status >= 200 && status < 300 && s->adapter->next_request) {
		poller_attempt_answer(p, s, wall_ms, mono_ms); /* the next request, or parse */
	} else if (rc == CURLE_OK && status >= 200 && status < 300) {
		/* Healthy or not is known once parsed: then it is planned again. */
		s->next_due_ms = mono_ms + s->cfg.interval_ms;
		hand_over_body(p, s, wall_ms);
	} else {
		char *reason, *owned_detail = NULL;
		const char *detail = NULL;
		if (rc == CURLE_OK && status == 304) {
			/* Not modified since what? Nothing was asked: a protocol error,
			 * not a sign of health. */
			reason = xstrdup(_("HTTP 304 to a request without If-None-Match"));
			s->etag[0] = '\0';
		} else {
			/* A transport failure or a server error keeps the cursor: nothing
			 * was applied, the next delta since it covers everything. A
			 * client error (4xx but 429) to a since request may be the
			 * producer refusing it: ask for the whole document next. */
			if (rc == CURLE_OK && status >= 400 && status < 500 && status != 429)
				s->cursor[0] = '\0';
			if (rc == CURLE_OK)
				reason = status_reason(s, status, &owned_detail);
			else
				reason = failure_reason(s, rc, status);
			/* curl's own message names the host, port and cause: the detail. */
			detail = rc != CURLE_OK && s->errbuf[0] ? s->errbuf : owned_detail;
		}
		poller_fail_attempt(p, s, reason, detail, status, wall_ms, mono_ms);
		free(reason);
		free(owned_detail);
	}
	/* Keep memory bounded: a huge body once should not stay allocated. */
	if (s->body_cap > 1024 * 1024) {
		free(s->body);
		s->body = NULL;
		s->body_cap = 0;
	}
}

/* The source's batch is applied: the attempt ends, healthy or not. */
static void document_done(poller_t *p, source_t *s, int64_t wall_ms, int64_t mono_ms)
{
	bool ok = !ingest_batch_rejected(s->batch);
	/* Its cursor (or none: then the next request is a plain one). A
	 * rejected answer drops it: the whole document next time. */
	memcpy(s->cursor, ok ? ingest_batch_stats(s->batch)->cursor : "",
	       ok ? sizeof s->cursor : 1);
	if (p->worker)
		parse_worker_dispose(p->worker, s->batch);
	else
		ingest_batch_free(s->batch);
	s->batch = NULL;
	s->parsing = false;
	if (ok) {
		memcpy(s->etag, s->new_etag, sizeof s->etag);
		s->applied_once = true;
		s->attempted = true;
		s->failures = s->distress = 0;
		/* Planned when the body arrived; tell the store. */
		store_source_next_try(
		    p->store, s->index,
		    wall_ms + (s->next_due_ms > mono_ms ? s->next_due_ms - mono_ms : 0));
	} else {
		s->etag[0] = '\0'; /* ask for the whole document next time */
		attempt_failed(p, s, 0, wall_ms, mono_ms);
	}
}

/* Applies parsed documents, oldest first, POLLER_APPLY_SLICE elements at most. A
 * document applied over several calls ends the call when it is done, so the
 * caller can evaluate it before the next one begins. Returns the number of
 * documents completed. */
static int apply_ready(poller_t *p, int64_t wall_ms, int64_t mono_ms)
{
	if (p->worker) {
		int tag;
		ingest_batch_t *b;
		while ((b = parse_worker_take(p->worker, &tag))) {
			p->sources[tag].batch = b;
			ready_push(p, &p->sources[tag]);
		}
	}
	size_t budget = POLLER_APPLY_SLICE;
	int completed = 0;
	while (budget > 0) {
		if (!p->applying && !(p->applying = ready_pop(p)))
			break;
		source_t *s = p->applying;
		bool resumed = ingest_batch_applying(s->batch);
		/* A delta amends what a request with since= holds: one to a plain
		 * request has nothing to amend. */
		if (!resumed && !s->sent_since && ingest_batch_stats(s->batch)->delta)
			ingest_batch_refuse(
			    s->batch, _("a delta (\"delta\": true) to a request without since"));
		size_t used;
		bool done = ingest_batch_apply(s->batch, p->store, s->index, budget, &used);
		budget -= used < budget ? used : budget;
		if (!done)
			break;
		p->applying = NULL;
		document_done(p, s, wall_ms, mono_ms);
		completed++;
		if (resumed)
			break;
	}
	return completed;
}

/* Failed curl_multi_add_handle calls, reported as failed attempts. */
static int report_add_failures(poller_t *p, int64_t wall_ms, int64_t mono_ms)
{
	int n = 0;
	for (size_t i = 0; i < p->count; i++) {
		source_t *s = &p->sources[i];
		if (!s->add_failed)
			continue;
		store_poll_failed_detail(p->store, s->index, _("cannot start the request"),
		                         curl_multi_strerror(s->add_failed), wall_ms);
		s->add_failed = CURLM_OK;
		attempt_failed(p, s, 0, wall_ms, mono_ms);
		n++;
	}
	return n;
}

int poller_perform(poller_t *p, int64_t wall_ms, int64_t mono_ms)
{
	for (size_t i = 0; i < p->count; i++)
		if (p->sources[i].begin_pending)
			poller_attempt_begin(p, &p->sources[i], wall_ms, mono_ms);
	int running = 0;
	curl_multi_perform(p->multi, &running);
	int finished = report_add_failures(p, wall_ms, mono_ms);
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
	return finished + apply_ready(p, wall_ms, mono_ms);
}

bool poller_has_work(const poller_t *p)
{
	if (p->paused)
		return false;
	if (p->applying || p->ready_len)
		return true;
	for (size_t i = 0; i < p->count; i++)
		if (p->sources[i].add_failed || p->sources[i].begin_pending)
			return true;
	return p->worker && parse_worker_ready(p->worker);
}

bool poller_applying(const poller_t *p)
{
	return p->applying != NULL;
}

bool poller_busy(const poller_t *p)
{
	for (size_t i = 0; i < p->count; i++) {
		const source_t *s = &p->sources[i];
		if (s->in_flight || s->begin_pending || s->parsing || s->add_failed)
			return true;
	}
	return false;
}

void poller_retry_now(poller_t *p, int64_t mono_ms)
{
	for (size_t i = 0; i < p->count; i++) {
		source_t *s = &p->sources[i];
		if (s->failures == 0 || s->in_flight || s->begin_pending || s->parsing ||
		    s->add_failed)
			continue;
		s->next_due_ms = mono_ms;
		store_source_next_try(p->store, s->index, 0);
	}
}

int poller_sources_attempted(const poller_t *p)
{
	int n = 0;
	for (size_t i = 0; i < p->count; i++)
		n += p->sources[i].attempted;
	return n;
}

const char *poller_cursor(const poller_t *p, int source)
{
	if (source < 0 || (size_t)source >= p->count)
		return "";
	const source_t *s = &p->sources[source];
	return s->cfg.no_since ? "" : s->cursor;
}

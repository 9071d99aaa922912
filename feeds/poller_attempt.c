/* Attempts of several requests: for a source whose adapter has
 * next_request (adapter.h), one attempt is a sequence of GETs on the
 * source's handle, each asked of the adapter with the answers so far, and
 * the answers are parsed together into one document. See poller_private.h.
 *
 * Bounds: at most ADAPTER_MAX_REQUESTS requests per attempt; each answer
 * and the answers of an attempt together at most max_body bytes
 * (poller_transfer.c's on_body); each request has the source's timeout_ms,
 * so an attempt of n requests takes at most n x timeout_ms. The requests
 * carry the source's headers and credentials, never If-None-Match or
 * since= (those belong to the one-GET protocol). A source that sends
 * credentials or its own headers sends them only to its url's origin
 * (scheme, host, port): a request the adapter makes elsewhere (a nextLink
 * pointing to another host) fails the attempt rather than leak them. */
#include "poller_private.h"

#include <stdlib.h>
#include <strings.h>

#include "i18n.h"
#include "xalloc.h"

void poller_attempt_reset(source_t *s)
{
	for (size_t i = 0; i < s->answer_count; i++)
		free((void *)s->answers[i].data); /* malloc'd here: ours */
	free(s->answers);
	s->answers = NULL;
	s->answer_count = 0;
	s->answers_bytes = 0;
	s->attempt_too_large = false;
}

/* One part of a URL, or NULL (caller frees with curl_free). */
static char *url_part(CURLU *u, CURLUPart what)
{
	char *part = NULL;
	if (curl_url_get(u, what, &part, what == CURLUPART_PORT ? CURLU_DEFAULT_PORT : 0) !=
	    CURLUE_OK)
		return NULL;
	return part;
}

/* True if a and b have the same scheme, host and port. */
static bool same_origin(const char *a, const char *b)
{
	CURLU *ua = curl_url(), *ub = curl_url();
	bool same = ua && ub && curl_url_set(ua, CURLUPART_URL, a, 0) == CURLUE_OK &&
	            curl_url_set(ub, CURLUPART_URL, b, 0) == CURLUE_OK;
	const CURLUPart parts[] = {CURLUPART_SCHEME, CURLUPART_HOST, CURLUPART_PORT};
	for (size_t i = 0; same && i < sizeof parts / sizeof parts[0]; i++) {
		char *pa = url_part(ua, parts[i]), *pb = url_part(ub, parts[i]);
		same = pa && pb && strcasecmp(pa, pb) == 0;
		curl_free(pa);
		curl_free(pb);
	}
	curl_url_cleanup(ua);
	curl_url_cleanup(ub);
	return same;
}

/* Asks the adapter what next, and does it. */
static void ask_next(poller_t *p, source_t *s, int64_t wall_ms, int64_t mono_ms)
{
	adapter_attempt_t at = {.base_url = s->cfg.url,
	                        .first = !s->applied_once &&
	                                 s->failures < ADAPTER_FIRST_ATTEMPTS,
	                        .now_ms = s->attempt_wall_ms,
	                        .bodies = s->answers,
	                        .done = s->answer_count};
	adapter_request_t req = {NULL, 0};
	char *cause = NULL;
	int rc = s->adapter->next_request(s->cfg.adapter_opts, &at, &req, &cause);
	if (rc > 0 && !req.url)
		rc = -1; /* a request without a url: the adapter's bug, not a crash */
	if (rc > 0 && s->answer_count >= ADAPTER_MAX_REQUESTS) {
		free(req.url);
		char *why = xasprintf(_("more than %d requests in one attempt"),
		                      ADAPTER_MAX_REQUESTS);
		poller_fail_attempt(p, s, why, NULL, 0, wall_ms, mono_ms);
		free(why);
		free(cause);
		return;
	}
	bool secrets = s->cfg.auth != SOURCE_AUTH_NONE || s->cfg.header_count > 0;
	if (rc > 0 && secrets && !same_origin(req.url, s->cfg.url)) {
		free(req.url);
		poller_fail_attempt(p, s,
		                    _("a request to another host than the source's url "
		                      "(its credentials and headers go only there)"),
		                    NULL, 0, wall_ms, mono_ms);
		free(cause);
		return;
	}
	if (rc > 0) {
		free(cause);
		s->step = req.step;
		poller_send(p, s, req.url);
		free(req.url);
		return;
	}
	if (rc == 0 && s->answer_count > 0) {
		free(cause);
		adapter_body_t *bodies = s->answers;
		size_t n = s->answer_count;
		s->answers = NULL;
		s->answer_count = 0;
		s->answers_bytes = 0;
		/* Healthy or not is known once parsed: then it is planned again. */
		s->next_due_ms = mono_ms + s->cfg.interval_ms;
		poller_hand_over(p, s, bodies, n, wall_ms);
		return;
	}
	free(req.url);
	const char *why = cause && cause[0] ? cause
	                  : rc == 0        ? _("the adapter asked for no request")
	                                   : _("the adapter could not make its next request");
	poller_fail_attempt(p, s, why, NULL, 0, wall_ms, mono_ms);
	free(cause);
}

void poller_attempt_begin(poller_t *p, source_t *s, int64_t wall_ms, int64_t mono_ms)
{
	s->begin_pending = false;
	poller_attempt_reset(s);
	s->attempt_wall_ms = wall_ms;
	s->sent_inm = false;
	s->sent_since = false;
	ask_next(p, s, wall_ms, mono_ms);
}

void poller_attempt_answer(poller_t *p, source_t *s, int64_t wall_ms, int64_t mono_ms)
{
	if (s->answer_count % 8 == 0)
		s->answers = xreallocarray(s->answers, s->answer_count + 8, sizeof *s->answers);
	char *data = s->body ? s->body : xstrdup("");
	s->answers[s->answer_count++] = (adapter_body_t){data, s->body_len, s->step};
	s->answers_bytes += s->body_len;
	s->last_body_len = s->body_len;
	s->body = NULL;
	s->body_len = s->body_cap = 0;
	ask_next(p, s, wall_ms, mono_ms);
}

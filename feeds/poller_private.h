/* poller_private: what the poller's own files share — a source's transfer
 * state and the struct behind poller_t. Only poller*.c include this header.
 *
 * poller.c           scheduling, backoff, finished transfers, handing bodies
 *                    to the parse worker and applying batches
 * poller_wait.c      waiting on curl's sockets, the caller's fds and the
 *                    wake pipe; pausing
 * poller_transfer.c  one transfer: the curl handle's set-up, the request's
 *                    headers, and reading the response (body, ETag, Retry-After)
 * poller_attempt.c   attempts of several requests (adapter.h next_request):
 *                    asking the adapter for each GET, keeping the answers
 * poller_security.c  a source's extra headers, credentials and TLS settings */
#ifndef CITYDASH_POLLER_PRIVATE_H
#define CITYDASH_POLLER_PRIVATE_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ingest.h"
#include "ingest_batch.h"
#include "parse_worker.h"
#include "poller.h"

#define ETAG_MAX 256

typedef struct source {
	int index; /* in the store */
	source_cfg_t cfg;
	const adapter_t *adapter;
	CURL *easy;
	struct curl_slist *headers;
	struct curl_slist *extra_headers; /* the source's own (poller_security.c), owned */
	char errbuf[CURL_ERROR_SIZE];
	bool in_flight;
	bool parsing;          /* its body is being parsed or its batch applied */
	bool sent_inm;         /* the request under way carries If-None-Match */
	CURLMcode add_failed;  /* curl_multi_add_handle refused it: to report */
	ingest_batch_t *batch; /* parsed, waiting in the ready queue or being applied */
	bool attempted;
	int64_t next_due_ms; /* monotonic */
	unsigned failures;   /* consecutive */
	unsigned distress;   /* answers in distress (5xx, 429) since the last good
	                      * one: the backoff's exponent (poller.c) */
	int64_t retry_after_ms;
	/* The body being received. */
	char *body;
	size_t body_len, body_cap;
	size_t last_body_len; /* to size the next body's buffer at once */
	bool body_too_large;
	/* Report by exception: the cursor the last applied document offered
	 * ("" if none, or after an answer that could not be used), and whether
	 * the request under way sent it as since=. */
	char cursor[FEED_CURSOR_MAX + 1];
	bool sent_since;
	char etag[ETAG_MAX];     /* of the last applied document */
	char new_etag[ETAG_MAX]; /* of the response under way */
	/* An attempt of several requests (the adapter has next_request). */
	bool begin_pending;        /* due: poller_perform asks for its first request */
	bool applied_once;         /* a document of it was applied (attempt.first) */
	int64_t attempt_wall_ms;   /* when the attempt began (attempt.now_ms) */
	int step;                  /* of the request under way */
	adapter_body_t *answers;   /* the answers so far; each data malloc'd, owned */
	size_t answer_count;
	size_t answers_bytes;      /* their total length */
	bool attempt_too_large;    /* the answers together passed max_body */
} source_t;

struct poller {
	store_t *store;
	CURLM *multi;
	source_t *sources;
	size_t count;
	uint64_t jitter_state;
	parse_worker_t *worker; /* NULL: bodies are parsed on the caller's thread */
	/* Sources whose batch is parsed, in arrival order (a ring of count). */
	size_t *ready;
	size_t ready_head, ready_len;
	source_t *applying; /* the source whose batch is being applied */
	int wake[2];        /* self-pipe: poller_wake, from any thread */
	bool paused;
};

/* poller.c: an attempt that failed with `reason` (and `detail`, may be
 * NULL; both copied) for status (0 if none): the store is told, the
 * answers kept so far are dropped and the next attempt planned: at the
 * interval, or backed off when status says the server is in distress. */
void poller_fail_attempt(poller_t *p, source_t *s, const char *reason, const char *detail,
                         long status, int64_t wall_ms, int64_t mono_ms);
/* poller.c: hands the answers of an attempt (bodies and each one's data
 * malloc'd; ownership passes) to the parser, received at wall_ms. */
void poller_hand_over(poller_t *p, source_t *s, adapter_body_t *bodies, size_t n,
                      int64_t wall_ms);

/* Sets the options of s->easy that stay for every transfer of the source. */
void poller_setup_easy(source_t *s);
/* Its part of that (poller_security.c): the source's extra headers, its
 * credentials (bearer token or basic auth, from source_cfg_t.secret) and its
 * TLS settings (CA file, client certificate, verification). The headers go
 * into s->extra_headers, which each transfer's header list starts from. */
void poller_setup_security(source_t *s);
/* Starts an attempt of s (the caller checked it is due and not in flight):
 * a transfer, or for an adapter with next_request, marks it begin_pending
 * for poller_perform. A refused start is kept in s->add_failed for
 * poller_perform to report. */
void poller_start_transfer(poller_t *p, source_t *s);
/* Sends one GET of url on s's handle; conditional (If-None-Match) if
 * s->sent_inm. Sets in_flight, or add_failed. */
void poller_send(poller_t *p, source_t *s, const char *url);

/* poller_attempt.c. Asks the adapter for the first request of a pending
 * attempt and sends it (or fails the attempt). */
void poller_attempt_begin(poller_t *p, source_t *s, int64_t wall_ms, int64_t mono_ms);
/* A 2xx answer of the attempt under way arrived in s->body: keeps it, then
 * sends the next request, hands every answer to the parser, or fails. */
void poller_attempt_answer(poller_t *p, source_t *s, int64_t wall_ms, int64_t mono_ms);
/* Drops the answers kept so far. */
void poller_attempt_reset(source_t *s);

#endif

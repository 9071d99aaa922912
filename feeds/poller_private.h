/* poller_private: what the poller's own files share — a source's transfer
 * state and the struct behind poller_t. Only poller*.c include this header.
 *
 * poller.c           scheduling, backoff, finished transfers, handing bodies
 *                    to the parse worker and applying batches
 * poller_transfer.c  one transfer: the curl handle's set-up, the request's
 *                    headers, and reading the response (body, ETag, Retry-After)
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

/* Sets the options of s->easy that stay for every transfer of the source. */
void poller_setup_easy(source_t *s);
/* Its part of that (poller_security.c): the source's extra headers, its
 * credentials (bearer token or basic auth, from source_cfg_t.secret) and its
 * TLS settings (CA file, client certificate, verification). The headers go
 * into s->extra_headers, which each transfer's header list starts from. */
void poller_setup_security(source_t *s);
/* Starts a transfer of s (the caller checked it is due and not in flight).
 * A refused start is kept in s->add_failed for poller_perform to report. */
void poller_start_transfer(poller_t *p, source_t *s);

#endif

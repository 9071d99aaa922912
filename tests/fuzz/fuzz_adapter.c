/* fuzz_adapter: libFuzzer target for one adapter (feeds/adapter_*.c),
 * chosen at build time by FUZZ_ADAPTER ("json", "prometheus",
 * "sensorthings"), driven as the poller drives one attempt.
 *
 * Input: the first line is the source's options object (the
 * configuration's member options_key; an empty line: none); the rest is the
 * answers, separated by lines of exactly "----". The target asks the
 * adapter for its requests (next_request, as a first attempt, so
 * Prometheus's history and SensorThings' paging come too) and answers the
 * k-th with the k-th answer, until the adapter asks no more or the answers
 * run out; then the adapter parses them. An adapter without next_request
 * gets the whole rest as its one answer. So the options reader, the
 * requests (SensorThings' @iot.nextLink) and the parser with every kind of
 * answer (Prometheus's joins and history) are all fuzzed. */
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "adapter.h"
#include "fuzz_sink.h"

#ifndef FUZZ_ADAPTER
#error "FUZZ_ADAPTER names the adapter to fuzz"
#endif

/* The source's url: the host of the SensorThings seeds' @iot.nextLink, so
 * that their paging goes on. */
#define FUZZ_BASE_URL "http://sta.example:8080/FROST-Server/v1.1"
#define FUZZ_SEPARATOR "\n----\n"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads the options; 0 with *opts set (maybe NULL), -1 if they are refused. */
static int read_options(const adapter_t *a, const char *line, size_t len, void **opts)
{
	*opts = NULL;
	if (!a->options_parse)
		return 0;
	cJSON *obj = len ? cJSON_ParseWithLength(line, len) : NULL;
	/* As config_source.c calls it: an object, or NULL if that may be absent. */
	if ((len && !cJSON_IsObject(obj)) || (!obj && a->options_required)) {
		cJSON_Delete(obj);
		return -1;
	}
	cfg_error_t err;
	memset(&err, 0, sizeof err);
	int rc = a->options_parse(obj, opts, &err);
	cfg_error_free(&err);
	cJSON_Delete(obj);
	return rc;
}

/* The next answer of rest[0..len) from *at on (each one an exact copy, so
 * that an adapter reading past its length shows under ASan); false when
 * none is left. */
static bool next_answer(const char *rest, size_t len, size_t *at, adapter_body_t *body)
{
	if (*at > len)
		return false;
	const char *from = rest + *at;
	size_t left = len - *at, n = left;
	const size_t sep = strlen(FUZZ_SEPARATOR);
	for (size_t i = 0; i + sep <= left; i++) {
		if (memcmp(from + i, FUZZ_SEPARATOR, sep) == 0) {
			n = i;
			break;
		}
	}
	char *copy = xmalloc(n ? n : 1);
	if (n)
		memcpy(copy, from, n);
	body->data = copy;
	body->len = n;
	*at += n + sep; /* past the end (> len) after the last answer */
	return true;
}

/* Asks for the requests of one attempt and answers them, counting the
 * answers in *n; false if the attempt fails before parsing. */
static bool make_attempt(const adapter_t *a, const void *opts, const char *rest, size_t len,
                         adapter_body_t *bodies, size_t *n)
{
	size_t at = 0;
	*n = 0;
	if (!a->next_request) {
		char *copy = xmalloc(len ? len : 1);
		if (len)
			memcpy(copy, rest, len);
		bodies[(*n)++] = (adapter_body_t){copy, len, 0};
		return true;
	}
	while (*n < ADAPTER_MAX_REQUESTS) {
		adapter_attempt_t attempt = {.base_url = FUZZ_BASE_URL,
		                             .first = true,
		                             .now_ms = FUZZ_NOW_MS,
		                             .bodies = bodies,
		                             .done = *n};
		adapter_request_t req = {0};
		char *cause = NULL;
		int rc = a->next_request(opts, &attempt, &req, &cause);
		if (rc < 0) {
			if (!cause)
				abort(); /* a failed attempt always says why */
			free(cause);
			return false;
		}
		if (rc == 0)
			break;
		if (!req.url || !*req.url)
			abort();
		free(req.url);
		if (!next_answer(rest, len, &at, &bodies[*n]))
			break;
		bodies[(*n)++].step = req.step;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return -1;
	static const adapter_t *a;
	if (!a && !(a = adapter_find(FUZZ_ADAPTER)))
		abort();
	const uint8_t *nl = memchr(data, '\n', size);
	size_t opts_len = nl ? (size_t)(nl - data) : size;
	void *opts;
	if (read_options(a, (const char *)data, opts_len, &opts) != 0)
		return 0;
	const char *rest = nl ? (const char *)nl + 1 : (const char *)data + size;
	size_t rest_len = nl ? size - opts_len - 1 : 0;
	static adapter_body_t bodies[ADAPTER_MAX_REQUESTS];
	size_t n;
	if (make_attempt(a, opts, rest, rest_len, bodies, &n)) {
		size_t bytes = 0;
		feed_sink_t sink = fuzz_sink(&bytes);
		feed_stats_t stats;
		memset(&stats, 0, sizeof stats);
		char *cause = NULL;
		if (a->parse(opts, bodies, n, FUZZ_NOW_MS, &sink, &stats, &cause) != 0 && !cause)
			abort(); /* a rejected answer always says why */
		free(cause);
	}
	for (size_t i = 0; i < n; i++) {
		if (a->error_reason)
			free(a->error_reason(opts, 500, bodies[i].data, bodies[i].len));
		free((char *)bodies[i].data);
	}
	if (opts && a->options_free)
		a->options_free(opts);
	return 0;
}

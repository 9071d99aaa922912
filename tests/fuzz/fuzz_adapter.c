/* fuzz_adapter: libFuzzer target for one adapter (feeds/adapter_*.c),
 * chosen at build time by FUZZ_ADAPTER ("json", "prometheus",
 * "sensorthings"). The input's first line is the source's options object
 * (the configuration's member options_key; an empty line: none), the rest
 * one answer to the attempt's first request. Both halves are fuzzed: the
 * options reader with cfg_read.c, then the parser. */
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "adapter.h"
#include "fuzz_sink.h"

#ifndef FUZZ_ADAPTER
#error "FUZZ_ADAPTER names the adapter to fuzz"
#endif

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return -1;
	static const adapter_t *a;
	if (!a && !(a = adapter_find(FUZZ_ADAPTER)))
		abort();
	const uint8_t *nl = memchr(data, '\n', size);
	size_t opts_len = nl ? (size_t)(nl - data) : size;
	size_t body_len = nl ? size - opts_len - 1 : 0;
	void *opts;
	if (read_options(a, (const char *)data, opts_len, &opts) != 0)
		return 0;
	/* Exactly body_len bytes: an adapter must read no further. */
	char *body = xmalloc(body_len ? body_len : 1);
	if (body_len)
		memcpy(body, nl + 1, body_len);
	adapter_body_t answer = {.data = body, .len = body_len, .step = 0};
	size_t bytes = 0;
	feed_sink_t sink = fuzz_sink(&bytes);
	feed_stats_t stats;
	memset(&stats, 0, sizeof stats);
	char *cause = NULL;
	if (a->parse(opts, &answer, 1, FUZZ_NOW_MS, &sink, &stats, &cause) != 0 && !cause)
		abort(); /* a rejected answer always says why */
	free(cause);
	if (a->error_reason)
		free(a->error_reason(opts, 500, body, body_len));
	if (opts && a->options_free)
		a->options_free(opts);
	free(body);
	return 0;
}

/* fuzz_protocol: libFuzzer target for the feed protocol v1 parser
 * (feeds/protocol_v1.c): any bytes as one answer, whole or delta. */
#include <stdlib.h>

#include "fuzz_sink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return -1;
	size_t bytes = 0;
	feed_sink_t sink = fuzz_sink(&bytes);
	feed_stats_t stats;
	memset(&stats, 0, sizeof stats);
	char *cause = NULL;
	/* The parser reads len bytes and no further: no terminator given. */
	char *body = xmalloc(size ? size : 1);
	if (size)
		memcpy(body, data, size);
	if (protocol_v1_parse(body, size, FUZZ_NOW_MS, &sink, &stats, &cause) != 0 && !cause)
		abort(); /* a rejected document always says why */
	free(cause);
	free(body);
	return 0;
}

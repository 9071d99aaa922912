/* adapter_citydash_v1: the native feed protocol v1 (protocol_v1.c,
 * docs/protocol.md) as a row of the adapter table: one plain GET per
 * attempt (conditional, with since=), one document, no options. */
#include "adapter.h"

static int parse_v1(const void *opts, const adapter_body_t *bodies, size_t n, int64_t now_ms,
                    const feed_sink_t *sink, feed_stats_t *stats, char **cause)
{
	(void)opts;
	static const adapter_body_t empty = {"", 0, 0};
	const adapter_body_t *b = n ? &bodies[0] : &empty;
	return protocol_v1_parse(b->data, b->len, now_ms, sink, stats, cause);
}

const adapter_t adapter_citydash_v1 = {
    .name = "citydash-v1",
    .parse = parse_v1,
};

/* fuzz_sink: a feed sink (protocol.h) for the parser targets: it takes
 * every element a parser hands out and reads its strings whole, so that a
 * dangling or unterminated view shows under ASan, but keeps nothing. */
#ifndef CITYDASH_FUZZ_SINK_H
#define CITYDASH_FUZZ_SINK_H

#include <string.h>

#include "fuzz_common.h"
#include "protocol.h"

/* The JSON tree bound given to parsers (a source's max_bytes). */
#define FUZZ_MAX_TREE (16 * 1024 * 1024)
/* The receipt time handed to parsers: a fixed instant, so a run repeats. */
#define FUZZ_NOW_MS INT64_C(1795000000000)

/* Reads a borrowed string whole (ASan reports a bad view here). */
static inline size_t fuzz_touch(const char *s)
{
	return s ? strlen(s) : 0;
}

static inline void fuzz_reading(void *ctx, const reading_in_t *r)
{
	*(size_t *)ctx += fuzz_touch(r->id) + fuzz_touch(r->name) + fuzz_touch(r->domain) +
	                  fuzz_touch(r->district) + fuzz_touch(r->street) + fuzz_touch(r->unit);
}

static inline void fuzz_kpi(void *ctx, const kpi_in_t *k)
{
	*(size_t *)ctx +=
	    fuzz_touch(k->id) + fuzz_touch(k->name) + fuzz_touch(k->unit) + fuzz_touch(k->district);
}

static inline void fuzz_event(void *ctx, const event_in_t *e)
{
	*(size_t *)ctx +=
	    fuzz_touch(e->id) + fuzz_touch(e->title) + fuzz_touch(e->type) + fuzz_touch(e->street);
}

static inline void fuzz_removed(void *ctx, feed_item_t kind, const char *id)
{
	*(size_t *)ctx += (size_t)kind + fuzz_touch(id);
}

/* A sink counting into *bytes. */
static inline feed_sink_t fuzz_sink(size_t *bytes)
{
	feed_sink_t s = {.ctx = bytes,
	                 .reading = fuzz_reading,
	                 .kpi = fuzz_kpi,
	                 .event = fuzz_event,
	                 .max_tree_bytes = FUZZ_MAX_TREE,
	                 .removed = fuzz_removed};
	return s;
}

#endif

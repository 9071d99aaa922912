/* store_private: what the store's own files share (the struct behind store_t
 * and the item destructors). Only store*.c include this header; every other
 * module goes through store.h.
 *
 * store.c        lifecycle, sources registry, read accessors
 * store_apply.c  applying one parsed item (store_put_*), reading history
 * store_poll.c   poll bookkeeping: begin/end, sweeps, failures, 304 */
#ifndef CITYDASH_STORE_PRIVATE_H
#define CITYDASH_STORE_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "keyindex.h"
#include "store.h"

struct store {
	source_status_t *sources;
	size_t source_count;
	reading_t *readings;
	size_t reading_count, reading_cap;
	kpi_t *kpis;
	size_t kpi_count, kpi_cap;
	event_t *events;
	size_t event_count, event_cap;
	keyindex_t reading_ix, kpi_ix, event_ix; /* (source, id) -> array position */
	uint32_t
	    poll_seq;    /* bumped by store_begin_poll; items remember the last that carried them */
	int open_source; /* source of the open poll, -1 if none */
	uint64_t generation;
	size_t reading_limit; /* new ids beyond this many readings are refused */
	uint64_t next_serial; /* reading_t.serial of the next new reading */
};

/* Free what the item owns (its strings), not the item itself. */
void store_kpi_free(kpi_t *k);
void store_event_free(event_t *e);

#endif

/* store_private: what the store's own files share (the struct behind store_t
 * and the item destructors). Only store*.c include this header; every other
 * module goes through store.h.
 *
 * store.c        lifecycle, sources registry and limits, read accessors
 * store_apply.c  applying one parsed item (store_put_*)
 * store_history.c a reading's per-second history (history_ring.h)
 * store_cost.c   what an item is charged against its source's max_bytes
 * store_poll.c   poll bookkeeping: begin/end, sweeps, retention, failures, 304
 * store_delta.c  report by exception: deltas, withdrawn ids, vouched age */
#ifndef CITYDASH_STORE_PRIVATE_H
#define CITYDASH_STORE_PRIVATE_H

#include <stdbool.h>
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
	uint64_t kpi_stamp;   /* store_kpi_stamp: renewed by every change of a KPI */
	uint64_t next_serial; /* last serial given to a new reading, KPI or event */
	size_t *free_slots;   /* indices of free reading slots, taken last-in first */
	size_t free_count, free_cap;
	/* Counters of the open poll. */
	unsigned poll_carried;      /* distinct readings the document carried */
	unsigned poll_carried_prev; /* ... of which the previous document carried too */
	unsigned poll_refused;      /* items refused by a limit */
	unsigned poll_ahead;        /* readings dated ahead of our clock */
	bool open_delta;            /* the open poll is a delta (store_begin_delta) */
};

/* Sets the source's data time from a document (store.h "Age"). */
void store_source_data_time(source_status_t *s, const poll_report_t *rep, bool had_doc,
                            int64_t now_ms);
/* store_end_poll's part for a delta: no sweep, the image grows by what
 * joined it. */
void store_end_delta(store_t *st, int source, const poll_report_t *rep, int64_t now_ms);
/* The poll sequence a reading put now joins: a delta's readings join the
 * image of the document it amends (store_delta.c). */
uint32_t store_image_seq(const store_t *st, const source_status_t *s);

/* Free what the item owns (its strings), not the item itself. */
void store_reading_free(reading_t *r);
void store_kpi_free(kpi_t *k);
void store_event_free(event_t *e);

/* Bytes charged for an item (store.h, "Memory"): of the item as it is, and
 * of what applying `in` would make it (for a reading, `held` is the reading
 * it applies to, NULL for a new one). */
size_t store_cost_reading_in(const reading_in_t *in, const reading_t *held);
/* What a reading's history ring is charged. */
size_t store_cost_history(void);
size_t store_cost_kpi(const kpi_t *k);
size_t store_cost_kpi_in(const kpi_in_t *in);
size_t store_cost_event(const event_t *e);
size_t store_cost_event_in(const event_in_t *in);

/* The memberships applying `in` gives a KPI (store.h, kpi_in_t): its
 * `indices`, else its `index` alone; written to out, returns the count. */
size_t store_kpi_memberships(const kpi_in_t *in, kpi_membership_in_t out[STORE_KPI_INDICES]);

/* A reading's history (store_history.c): whether applying `in` records a
 * value (a reading without a ring gets one at its first value), and the
 * recording itself, called once the reading holds what `in` brought. */
bool store_history_will_record(const reading_in_t *in);
void store_history_record(reading_t *r, int64_t now_ms);
/* Fills the history of a reading that has none from in's backfill samples
 * (store.h reading_in_t.backfill), before its current value is recorded. */
void store_history_backfill(reading_t *r, const reading_in_t *in, int64_t now_ms);

/* Removes the source's readings that documents stopped carrying, once
 * retention_ms has passed since they were last sent or confirmed, if one is
 * due at now_ms (store_poll.c). */
void store_expire_readings(store_t *st, int source, int64_t now_ms);

/* A number no stamp of any store in the process has had: label stamps
 * and KPI stamps, from one process-wide atomic counter. */
uint64_t store_stamp_new(void);

#endif

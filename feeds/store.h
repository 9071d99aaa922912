/* store: every reading, KPI and event the dashboard knows, plus each
 * source's health. The single source of truth between the poller and the UI.
 *
 * Ownership: the store owns every string and array it holds; pointers it
 * returns stay valid until the next store_put_* / store_end_poll on that
 * item's source, or store_destroy. A reading keeps its index
 * (0 .. store_reading_count()-1) while it exists, so other modules (the alarm
 * engine) may use the index as a key; a reading its source stopped sending
 * may be removed, leaving a free slot (store_reading() returns NULL for it)
 * that a later new reading can take: users of indices skip NULL and re-check
 * after every store_end_poll.
 *
 * Scale: lookup by (source, id) is O(1) through an open-addressing hash; an
 * update that changes nothing but value and time allocates nothing. */
#ifndef CITYDASH_STORE_H
#define CITYDASH_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

#define STORE_HISTORY 64      /* samples kept per reading, a ring */
#define STORE_KPI_HISTORY 32  /* values kept of a KPI's history array */
#define STORE_DEPARTMENTS 16  /* departments kept per event */

/* ---- what the parser hands in: borrowed, already-sanitized views ---- */

typedef struct reading_in {
	const char *id;            /* required, validated */
	const char *name;          /* NULL: use id */
	const char *domain;        /* token as given, NULL if absent */
	const char *district, *street, *unit; /* NULL if absent */
	bool has_value;            /* false: value was null or absent */
	double value;
	bool has_ts;
	int64_t ts_ms;             /* observation time, if has_ts */
	int64_t age_at_receipt_ms; /* generated_at - ts when both were given, else 0 */
	bool has_range;
	double range_min, range_max;
	limits_t limits;           /* mask 0 if none or ignored */
	bool limits_invalid;       /* limits were sent out of order (then mask is 0) */
	double deadband;           /* >= 0 */
	quality_t quality;
} reading_in_t;

typedef struct kpi_in {
	const char *id, *name, *category, *unit, *period, *index;
	bool has_value, has_target;
	double value, target;
	bool better_lower;
	const double *history;     /* oldest first */
	size_t history_len;
	bool has_weight;
	double weight;
} kpi_in_t;

typedef struct department {
	const char *name;
	dept_state_t state;
} department_t;

typedef struct event_in {
	const char *id, *type, *title, *district, *street; /* id required */
	severity_t severity;
	tier_t level;
	stage_t stage;
	int64_t opened_ms, updated_ms; /* 0 if absent */
	const department_t *departments;
	size_t department_count;
	int steps_done, steps_total;   /* -1 if absent */
} event_in_t;

/* ---- what the store holds ---- */

typedef struct reading {
	char *id, *name, *domain_token, *district, *street, *unit; /* never NULL ("" if absent) */
	domain_t domain;
	int source;                /* index of the source it came from */
	bool has_value;
	double value;
	int64_t ts_ms;             /* observation time */
	int64_t received_ms;       /* when the last poll carrying it was applied */
	int64_t age_at_receipt_ms; /* how old the observation was when sent */
	double range_min, range_max; /* always min < max (derived if not given) */
	limits_t limits;
	bool limits_invalid;       /* the feed sent limits out of order: none apply */
	double deadband;
	quality_t quality;
	float history[STORE_HISTORY]; /* ring of past values (NAN = no value) */
	uint16_t history_head;     /* index of the next slot to write */
	uint16_t history_len;
	uint32_t seen_poll;        /* internal: poll sequence that last carried it */
	uint64_t serial;           /* unique per reading for the store's lifetime: a slot
	                              freed and taken again gets a new one, so modules
	                              keyed by index can tell a new reading from the old */
} reading_t;

typedef struct kpi {
	char *id, *name, *category, *unit, *period, *index;
	int source;
	bool has_value, has_target;
	double value, target;
	bool better_lower;
	double history[STORE_KPI_HISTORY];
	size_t history_len;
	bool has_weight;
	double weight;
	int64_t received_ms;
	uint32_t seen_poll;
} kpi_t;

typedef struct event {
	char *id, *type, *title, *district, *street;
	int source;
	severity_t severity;
	tier_t level;
	stage_t stage;
	int64_t opened_ms, updated_ms;
	struct { char *name; dept_state_t state; } departments[STORE_DEPARTMENTS];
	size_t department_count;
	int steps_done, steps_total;
	int64_t received_ms;
	uint32_t seen_poll;
} event_t;

typedef struct source_status {
	char *name;                /* configured name */
	char *url;
	int64_t interval_ms;       /* how often it is polled */
	int64_t stale_after_ms;    /* data older than this is stale */
	bool ever_ok;              /* at least one good poll */
	bool failing;              /* last poll failed */
	char *error;               /* reason of the last failure, short, NULL if ok */
	char *error_detail;        /* the same at length (e.g. curl's message), or NULL */
	int64_t last_ok_ms;        /* wall time of last good poll (0: never) */
	int64_t last_attempt_ms;   /* wall time of last finished poll */
	unsigned consecutive_failures;
	int64_t next_try_ms; /* steady time the poller tries next; 0: trying now */
	/* Counters from the last good document. */
	unsigned skipped;          /* elements rejected */
	unsigned duplicates;       /* repeated ids */
	unsigned limits_ignored;   /* readings whose limits were out of order */
	char *first_bad_limits;    /* id of the first such reading, or NULL */
	char *last_skip_reason;    /* first reason of the last document, or NULL */
	uint64_t polls_ok, polls_failed, not_modified;
	uint32_t applied_poll;     /* internal: sequence of the last document applied */
} source_status_t;

typedef struct store store_t;

store_t *store_create(void);
void store_destroy(store_t *st);

/* Registers a source; returns its index (0, 1, ...). */
int store_add_source(store_t *st, const char *name, const char *url, int64_t interval_ms,
		     int64_t stale_after_ms);
size_t store_source_count(const store_t *st);
const source_status_t *store_source(const store_t *st, int source);

/* ---- writing (the ingest path) ---- */

typedef enum store_put {
	STORE_PUT_NEW,
	STORE_PUT_UPDATED,
	STORE_PUT_DUPLICATE,
	STORE_PUT_REFUSED, /* a new reading beyond the store's limit: nothing stored */
} store_put_t;

/* Readings are never removed, so a feed that invents new ids every poll
 * would grow the store without end: past this many readings, new ids are
 * refused (and counted as skipped by ingest). Known ids keep updating. */
#define STORE_DEFAULT_READING_LIMIT 262144
void store_set_reading_limit(store_t *st, size_t limit);

/* Opens one document from `source`: items put until store_end_poll are one poll. */
void store_begin_poll(store_t *st, int source, int64_t now_ms);
/* A repeat of an id already put in this poll returns DUPLICATE (and still
 * applies: the last one wins). */
store_put_t store_put_reading(store_t *st, int source, const reading_in_t *in, int64_t now_ms);
store_put_t store_put_kpi(store_t *st, int source, const kpi_in_t *in, int64_t now_ms);
store_put_t store_put_event(store_t *st, int source, const event_in_t *in, int64_t now_ms);

typedef struct poll_report {
	bool had_kpis, had_events;   /* the document carried those arrays */
	unsigned skipped, duplicates, limits_ignored;
	const char *first_skip_reason; /* may be NULL; copied */
	const char *first_bad_limits;  /* id of the first reading with limits out of order; copied */
} poll_report_t;

/* Closes the poll: marks the source ok, records the counters, and drops the
 * source's KPIs / events that this document's arrays no longer list.
 * Readings that vanished are kept: they age and turn stale. */
void store_end_poll(store_t *st, int source, const poll_report_t *rep, int64_t now_ms);

/* A poll that ended without a document to apply. `reason` is short and
 * general, so sources failing alike can be shown together ("Couldn't
 * connect to server", "HTTP status 404"); `detail` (may be NULL) is the
 * full story for the sources page. Both are copied, sanitized. */
void store_poll_failed(store_t *st, int source, const char *reason, int64_t now_ms);
void store_poll_failed_detail(store_t *st, int source, const char *reason, const char *detail,
			      int64_t now_ms);
/* 304: the last document is still current, so what it carried is refreshed
 * (what it no longer carried keeps ageing). */
void store_poll_not_modified(store_t *st, int source, int64_t now_ms);

/* When the poller will try the source next (steady time; 0: it is trying
 * now), for the sources page. A plan, not data: the generation is not bumped. */
void store_source_next_try(store_t *st, int source, int64_t at_ms);

/* ---- reading ---- */

/* Number of reading slots (live or free). */
size_t store_reading_count(const store_t *st);
/* The reading at `index`, or NULL if that slot is free (or out of range). */
const reading_t *store_reading(const store_t *st, size_t index);
/* Returns the index, or -1. */
long store_find_reading(const store_t *st, int source, const char *id);
size_t store_kpi_count(const store_t *st);
const kpi_t *store_kpi(const store_t *st, size_t index);
size_t store_event_count(const store_t *st);
const event_t *store_event(const store_t *st, size_t index);

/* Age of the reading's observation: time since receipt plus how old it was
 * when the producer sent it. */
int64_t store_reading_age(const reading_t *r, int64_t now_ms);
/* True if that age exceeds its source's stale_after_ms. */
bool store_reading_stale(const store_t *st, const reading_t *r, int64_t now_ms);

/* Copies up to `max` history values, oldest first, into out; returns count. */
size_t reading_history(const reading_t *r, float *out, size_t max);

/* Bumped by every change; the UI redraws when it moves. */
uint64_t store_generation(const store_t *st);

#endif

/* store: every reading, KPI and event the dashboard knows, plus each
 * source's health. The single source of truth between the poller and the UI.
 *
 * Ownership: the store owns every string and array it holds; pointers it
 * returns stay valid until the next store_put_* / store_end_poll /
 * store_poll_not_modified / store_poll_failed* on that item's source, or
 * store_destroy. A reading keeps its index (0 .. store_reading_count()-1)
 * while it exists, so other modules (the alarm engine) may use the index as a
 * key; a reading its source stopped sending is removed after the source's
 * retention time, leaving a free slot (store_reading() returns NULL for it)
 * that a later new reading takes, with a new serial: users of indices skip
 * NULL and re-check after every poll of any source.
 *
 * Bounds, per source (store_set_source_limits): at most max_readings readings
 * and max_bytes bytes held (see "Memory" below); what would go beyond is
 * refused and counted, never stored, so one source cannot crowd out another.
 *
 * Age (docs/protocol.md, "Age of data"): a reading's age is the time since
 * the observation by the producer's clock (generated_at - ts) plus the time
 * since receipt, plus however much the document's time (generated_at, else
 * the reading's ts) lagged behind citydash's clock at receipt beyond the
 * source's clock-skew tolerance. A 304 confirms a document; it never makes
 * its data younger.
 *
 * Scale: lookup by (source, id) is O(1) through an open-addressing hash; an
 * update that changes nothing but value and time allocates nothing. */
#ifndef CITYDASH_STORE_H
#define CITYDASH_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "history_ring.h"
#include "model.h"

#define STORE_HISTORY 64      /* most samples a sparkline asks for (reading_history) */
#define STORE_KPI_HISTORY 32  /* values kept of a KPI's history array */
#define STORE_DEPARTMENTS 16  /* departments kept per event */
#define STORE_PLAN_STEPS 32   /* response plan steps kept per event */
#define STORE_ESCALATIONS 4   /* escalations kept per event */
#define STORE_KPI_INDICES 5   /* composite index memberships kept per KPI */
#define STORE_HISTORY_SECONDS 640 /* per-second history kept per reading (10 min 40 s) */
#define STORE_EVENT_TIMELINE 16   /* stage and tier changes kept per event */

/* ---- what the parser hands in: borrowed, already-sanitized views ---- */

/* One earlier value of a reading (reading_in_t.backfill). */
typedef struct history_sample {
	int64_t ts_ms; /* producer's clock */
	double value;  /* NAN: no value then */
} history_sample_t;

typedef struct reading_in {
	const char *id;            /* required, validated */
	const char *name;          /* NULL: use id */
	const char *domain;        /* token as given, NULL if absent */
	const char *district, *street, *unit; /* NULL if absent */
	bool has_value;            /* false: value was null or absent */
	double value;
	bool has_ts;
	int64_t ts_ms;             /* observation time (producer's clock), if has_ts */
	int64_t age_at_receipt_ms; /* generated_at - ts when both were given, else 0 */
	bool dated;                /* the producer said when: generated_at or ts given */
	int64_t lag_ms;            /* if dated: time of receipt (our clock) minus the
	                              document's generated_at, else minus ts; negative
	                              if the producer's clock is ahead of ours */
	bool has_range;
	double range_min, range_max;
	limits_t limits;           /* mask 0 if none or ignored */
	bool limits_invalid;       /* limits were sent out of order (then mask is 0) */
	double deadband;           /* >= 0 */
	quality_t quality;
	/* Earlier values, oldest first, that fill the history of a reading that
	 * has none yet (Prometheus's query_range at start, store_history.c);
	 * ignored once it has history. Times by the producer's clock, mapped
	 * like ts; values finite (a NAN sample is a gap). */
	const history_sample_t *backfill;
	size_t backfill_len;
} reading_in_t;

/* A KPI's membership in one composite index. */
typedef struct kpi_membership_in {
	const char *index; /* never NULL */
	double weight;
} kpi_membership_in_t;

typedef struct kpi_in {
	const char *id, *name, *category, *unit, *period, *index;
	const char *district, *street; /* optional place of a district KPI; NULL if absent */
	bool has_value, has_target;
	double value, target;
	bool better_lower;
	const double *history;     /* oldest first */
	size_t history_len;
	bool has_weight;
	double weight;
	/* Memberships: `indices` if the KPI sent it, else `index` with its
	 * weight (1 if none) as one, else none. At most STORE_KPI_INDICES. */
	const kpi_membership_in_t *indices;
	size_t index_count;
} kpi_in_t;

typedef struct department {
	const char *name;
	dept_state_t state;
} department_t;

/* One step of an event's response plan. */
typedef struct plan_step_in {
	const char *name, *department; /* "" if absent */
	bool done;
} plan_step_in_t;

/* One hand-over of an event to a higher (or other) tier. */
typedef struct escalation {
	tier_t from, to;
	int64_t at_ms; /* 0 if absent */
} escalation_t;

typedef struct event_in {
	const char *id, *type, *title, *district, *street; /* id required */
	const char *type_name, *category, *subcategory;    /* NULL if absent */
	int64_t due_ms;                                    /* deadline; 0 if absent */
	const plan_step_in_t *plan;                        /* at most STORE_PLAN_STEPS */
	size_t plan_count;
	const escalation_t *escalations;                   /* at most STORE_ESCALATIONS */
	size_t escalation_count;
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
	int64_t ts_ms;             /* observation time (producer's clock) */
	int64_t received_ms;       /* when the last document carrying it was applied */
	int64_t age_at_receipt_ms; /* how old the observation was then, by our clock
	                              (received_ms - this is the time of the
	                              observation on our clock) */
	bool dated;                /* its time came from the producer (ts/generated_at) */
	bool ahead_of_clock;       /* its time was ahead of ours beyond the skew
	                              tolerance: not believed, quality made uncertain */
	double range_min, range_max; /* always min < max (derived if not given) */
	limits_t limits;
	bool limits_invalid;       /* the feed sent limits out of order: none apply */
	double deadband;
	quality_t quality;
	history_ring_t history;    /* its value each second (reading_history_seconds);
	                              allocated at its first value */
	uint32_t seen_poll;        /* internal: poll sequence of the source's document
	                              (image) that holds it; a delta's readings join the
	                              image of the document it amends; 0: withdrawn */
	uint32_t put_poll;         /* internal: poll sequence that last put it (repeats) */
	int64_t behind_doc_ms;     /* how much older than the document that last listed
	                              it the observation was, by the producer's clock
	                              (generated_at - ts, >= 0): kept when a later
	                              document vouches for it (store_reading_vouched_age) */
	int64_t confirmed_ms;      /* internal: last time its source sent or confirmed
	                              (304) a document carrying it; retention counts
	                              from here once a document left it out */
	size_t cost;               /* internal: bytes charged to its source */
	uint64_t serial;           /* unique per reading for the store's lifetime: a slot
	                              freed and taken again gets a new one, so modules
	                              keyed by index can tell a new reading from the old */
	uint32_t place_version;    /* changes whenever its domain, district or street
	                              does: with serial, tells a module that orders
	                              readings by place which ones moved (tui/view) */
	uint64_t label_stamp;      /* its name, domain, place and limits as they are:
	                              new when the reading is and whenever one of them
	                              changes, and never a stamp another reading of
	                              any store in the process has had; so a page may
	                              keep what it measured of those texts, by it
	                              alone (tui/pages/reading_need.h) */
} reading_t;

typedef struct kpi {
	char *id, *name, *category, *unit, *period, *index;
	char *district, *street; /* "" for a city-wide KPI */
	int source;
	bool has_value, has_target;
	double value, target;
	bool better_lower;
	double history[STORE_KPI_HISTORY];
	size_t history_len;
	bool has_weight;
	double weight;
	struct { char *index; double weight; } indices[STORE_KPI_INDICES];
	size_t index_count;
	int64_t received_ms;
	uint32_t seen_poll;
	size_t cost; /* internal: bytes charged to its source */
	uint64_t serial; /* unique per KPI for the store's lifetime (KPIs move
	                    between indices when one is dropped: gov_view.h) */
} kpi_t;

/* A change of an event's stage or owning tier, as citydash saw it. */
typedef struct event_change {
	int64_t at_ms; /* steady time (the store's now_ms) it was first seen */
	stage_t stage;
	tier_t level;
} event_change_t;

typedef struct event {
	char *id, *type, *title, *district, *street;
	char *type_name, *category, *subcategory; /* "" if absent */
	int64_t due_ms;                           /* 0 if absent */
	struct { char *name, *department; bool done; } plan[STORE_PLAN_STEPS];
	size_t plan_count;
	escalation_t escalations[STORE_ESCALATIONS];
	size_t escalation_count;
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
	size_t cost; /* internal: bytes charged to its source */
	uint64_t serial; /* unique per event for the store's lifetime */
	/* Stage and tier as citydash saw them change: the first entry is when
	 * it was first seen; when full, the oldest after the first is dropped. */
	event_change_t timeline[STORE_EVENT_TIMELINE];
	size_t timeline_count;
} event_t;

typedef struct source_status {
	char *name;                /* configured name */
	char *url;                 /* as shown: credentials masked (url_redact.h) */
	int64_t interval_ms;       /* how often it is polled */
	int64_t stale_after_ms;    /* data older than this is stale */
	bool tls_unverified;       /* its server's TLS certificate is not verified
	                              ("insecure_skip_verify"): shown on screen */
	bool ever_ok;              /* at least one good poll */
	bool failing;              /* last poll failed */
	char *error;               /* reason of the last failure, short, NULL if ok */
	char *error_detail;        /* the same at length (e.g. curl's message), or NULL */
	int64_t last_ok_ms;        /* time of the last good answer, a document or a 304
	                              (0: never): the source's health, not the age of
	                              its data (store_source_data_age) */
	int64_t last_attempt_ms;   /* time of the last finished poll */
	int64_t data_ms;           /* the time (our clock) the newest document stands
	                              for: its generated_at mapped to our clock (see
	                              "Age" above), or its receipt if it had none;
	                              only once a document was applied (see
	                              store_source_data_age). A 304 leaves it. */
	unsigned consecutive_failures;
	int64_t next_try_ms; /* steady time the poller tries next; 0: trying now */
	/* Counters from the last good document. */
	unsigned skipped;          /* elements rejected */
	unsigned duplicates;       /* repeated ids */
	unsigned limits_ignored;   /* readings whose limits were out of order */
	char *first_bad_limits;    /* id of the first such reading, or NULL */
	char *last_skip_reason;    /* first reason of the last document, or NULL */
	char *warning;             /* the source's own warning about its last good
	                              document (feed_stats_t.warning), or NULL */
	unsigned refused;          /* elements refused by max_readings / max_bytes in
	                              the last document (also counted in skipped) */
	unsigned ahead_of_clock;   /* readings of the last document whose time was ahead
	                              of ours beyond clock_skew_ms (shown uncertain) */
	int64_t clock_lag_ms;      /* last document: receipt minus generated_at (our
	                              clock minus theirs); negative: theirs is ahead.
	                              0 if it had no generated_at */
	uint64_t polls_ok, polls_failed, not_modified;
	/* Report by exception (docs/protocol.md). */
	uint64_t deltas;           /* documents applied that were deltas (in polls_ok) */
	bool vouching;             /* the last document applied carried a cursor: it
	                              vouches for every reading the source holds, as of
	                              data_ms (store_reading_vouched_age) */
	/* Limits (store_set_source_limits) and what is held against them. */
	size_t max_readings, max_bytes;
	int64_t retention_ms, clock_skew_ms;
	size_t readings_held, bytes_held;
	/* Internal bookkeeping. */
	uint32_t applied_poll;     /* sequence of the last document applied */
	unsigned doc_readings;     /* distinct readings that document carried */
	int64_t doc_confirmed_ms;  /* last time that document was received or confirmed */
	bool doc_dated;            /* that document had generated_at ... */
	int64_t doc_generated_ms;  /* ... this one */
	int64_t vanish_due_ms;     /* earliest expiry of a reading left out, or INT64_MAX */
} source_status_t;

typedef struct store store_t;

store_t *store_create(void);
void store_destroy(store_t *st);

/* Registers a source with the default limits below; returns its index
 * (0, 1, ...). stale_after_ms <= 0: three intervals. */
int store_add_source(store_t *st, const char *name, const char *url, int64_t interval_ms,
		     int64_t stale_after_ms);
size_t store_source_count(const store_t *st);
const source_status_t *store_source(const store_t *st, int source);
/* Says that the source's server is not verified (set by the poller when it
 * registers the source, from its configuration). */
void store_source_set_tls_unverified(store_t *st, int source, bool unverified);

/* What one source may make the store hold, and how its time is judged.
 * A field left 0 takes the default, but for clock_skew_ms, where 0 is a
 * tolerance of 0 and a negative value takes the default. */
typedef struct source_limits {
	size_t max_readings;   /* readings held at once */
	size_t max_bytes;      /* bytes held at once (see "Memory") */
	int64_t retention_ms;  /* a reading the source stopped sending is removed
	                          this long after it was last sent or confirmed */
	int64_t clock_skew_ms; /* tolerated difference between its clock and ours */
} source_limits_t;

#define STORE_DEFAULT_MAX_READINGS   200000
#define STORE_DEFAULT_MAX_BYTES      (256u * 1024u * 1024u)
#define STORE_RETENTION_STALE_FACTOR 100 /* default retention: 100 x stale time */
#define STORE_DEFAULT_CLOCK_SKEW_MS  30000

/* Sets source's limits (NULL: all defaults). Lowering a limit removes
 * nothing already held; it only refuses what comes next. */
void store_set_source_limits(store_t *st, int source, const source_limits_t *lim);

/* Memory: every reading, KPI and event is charged to its source as twice its
 * struct (the slot arrays grow by doubling), its share of the lookup index,
 * and each of its strings as malloc rounds it (at least 32 bytes); a
 * reading also its history ring once it has one (from its first value).
 * A source's bytes_held never exceeds its max_bytes; slots freed stay allocated for
 * reuse, so all the store holds is at most twice the sum of max_bytes. */
size_t store_cost_string(size_t len);

/* ---- writing (the ingest path) ---- */

typedef enum store_put {
	STORE_PUT_NEW,
	STORE_PUT_UPDATED,
	STORE_PUT_DUPLICATE,
	STORE_PUT_REFUSED,     /* a new reading beyond the source's max_readings */
	STORE_PUT_OVER_BUDGET, /* beyond the source's max_bytes: a new item is not
	                          stored; a known one keeps its previous content (and
	                          counts as carried by the document, so it ages) */
} store_put_t;

/* Opens one document from `source`: items put until store_end_poll are one poll. */
void store_begin_poll(store_t *st, int source, int64_t now_ms);
/* A repeat of an id already put in this poll returns DUPLICATE (and still
 * applies: the last one wins). */
store_put_t store_put_reading(store_t *st, int source, const reading_in_t *in, int64_t now_ms);
store_put_t store_put_kpi(store_t *st, int source, const kpi_in_t *in, int64_t now_ms);
store_put_t store_put_event(store_t *st, int source, const event_in_t *in, int64_t now_ms);

typedef struct poll_report {
	bool had_kpis, had_events;   /* the document carried those arrays */
	bool vouches;                /* it carried a cursor (report by exception) */
	bool dated;                  /* the document had generated_at: */
	int64_t generated_ms;        /* ... its value (producer's clock) */
	int64_t lag_ms;              /* ... receipt (our clock) minus generated_at */
	unsigned skipped, duplicates, limits_ignored;
	const char *first_skip_reason; /* may be NULL; copied */
	const char *first_bad_limits;  /* id of the first reading with limits out of order; copied */
	const char *warning;           /* the source's warning (feed_stats_t.warning), may
	                                  be NULL; copied, sanitized */
} poll_report_t;

/* Closes the poll: marks the source ok, records the counters, sets the
 * source's data time, and drops the source's KPIs / events that this
 * document's arrays no longer list. Readings it no longer carries are kept,
 * ageing and turning stale, until retention_ms after they were last sent or
 * confirmed; then they are removed (their slots freed). */
void store_end_poll(store_t *st, int source, const poll_report_t *rep, int64_t now_ms);

/* Report by exception (docs/protocol.md; store_delta.c). A delta opened
 * with store_begin_delta amends the source's current data: the items it puts
 * are upserted, everything else stays as it is (store_end_poll drops no KPI
 * or event, and no reading starts ageing towards retention). Closed by
 * store_end_poll like any document. */
void store_begin_delta(store_t *st, int source, int64_t now_ms);
/* A delta's "removed" id. A KPI or an event is dropped at once, as when a
 * whole document stops listing it; a reading is treated as one a whole
 * document leaves out: no longer vouched for, it ages, turns stale and is
 * removed retention_ms later (so deltas and whole documents show the same).
 * Returns whether the source held it. */
bool store_withdraw_reading(store_t *st, int source, const char *id, int64_t now_ms);
bool store_withdraw_kpi(store_t *st, int source, const char *id);
bool store_withdraw_event(store_t *st, int source, const char *id);

/* A poll that ended without a document to apply. `reason` is short and
 * general, so sources failing alike can be shown together ("Couldn't
 * connect to server", "HTTP status 404"); `detail` (may be NULL) is the
 * full story for the sources page. Both are copied, sanitized. */
void store_poll_failed(store_t *st, int source, const char *reason, int64_t now_ms);
void store_poll_failed_detail(store_t *st, int source, const char *reason, const char *detail,
			      int64_t now_ms);
/* 304: the source answered that its last document is still current. The
 * source is healthy (last_ok_ms), and that document's readings count as sent
 * again for retention, but no data gets younger: it still stands for the time
 * the document was generated. */
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

/* Age of the reading's observation (see "Age" above): time since receipt
 * plus how old it was at receipt. A document resent with the same time (a
 * frozen feed, a clock ahead of ours) does not make it younger. */
int64_t store_reading_age(const reading_t *r, int64_t now_ms);
/* The age to show and judge: store_reading_age, except that while the
 * source's last document vouched (it carried a cursor), a reading the source
 * still holds is no older than that document's data age plus how much older
 * than its own document it was when last listed (behind_doc_ms). So with
 * report by exception an unchanged reading is fresh while its feed answers,
 * and ages from the last answer when the feed stops. O(1). */
int64_t store_reading_vouched_age(const store_t *st, const reading_t *r, int64_t now_ms);
/* True if the vouched age exceeds its source's stale_after_ms. */
bool store_reading_stale(const store_t *st, const reading_t *r, int64_t now_ms);
/* Age of the source's data: now minus data_ms, the time its newest document
 * stands for; -1 if no document was ever applied. Unlike now - last_ok_ms it
 * does not restart on a 304 or on a document resent unchanged: this is what
 * to show as the age of a source's data. */
int64_t store_source_data_age(const store_t *st, int source, int64_t now_ms);
/* The same, from the source's status as store_source() returns it. */
int64_t source_data_age(const source_status_t *s, int64_t now_ms);

/* The newest `max` (at most) per-second values up to the reading's last
 * update, oldest first, into out (as reading_history_seconds, ending with
 * the second of that update); returns the count: 0 before its first value. */
size_t reading_history(const reading_t *r, float *out, size_t max);
/* The lowest and highest of what reading_history(r, ..., max) gives, its
 * gaps left out, into *lo and *hi, without decoding it all; false when it
 * holds no number. */
bool reading_history_extremes(const reading_t *r, size_t max, float *lo, float *hi);
/* The reading's value at each of the n whole seconds (store time, the
 * now_ms of the puts) ending with the second of now_ms, oldest first, into
 * out[0..n): the last value received in that second, carried forward over
 * seconds without news (report by exception sends only changes); NAN
 * before its history starts, where it had no value, and further back than
 * STORE_HISTORY_SECONDS. Kept compactly (see the ring's header for the
 * precision). n <= STORE_HISTORY_SECONDS. Returns n. */
size_t reading_history_seconds(const reading_t *r, int64_t now_ms, float *out, size_t n);

/* Bumped by every change; the UI redraws when it moves. */
uint64_t store_generation(const store_t *st);
/* Renewed whenever a KPI is put, withdrawn or dropped (and so whenever one
 * moves in the array), never to a value any store in the process has had:
 * equal stamps mean the same KPIs, in the same places, with the same data,
 * so the KPI board is sorted again only when it changed. */
uint64_t store_kpi_stamp(const store_t *st);

#endif

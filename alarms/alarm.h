/* alarm: the alarm engine. Reads readings and sources from the store and
 * keeps, apart from it, every alarm (docs/alarms.md):
 *
 * - a limit alarm per reading: which limit it is beyond (LO/HI medium
 *   priority, LOLO/HIHI high) with deadband hysteresis, an on-delay (the
 *   condition must hold that long) and an off-delay (it must be clear that
 *   long), tuned per domain and per reading (alarm_cfg.h); its id is the
 *   reading's id;
 * - an instrument-fault alarm per reading whose quality is bad (medium),
 *   id "<reading id>#fault";
 * - a communications alarm per source that has had no good answer for its
 *   stale time, or whose data is stale (high), id "source:<name>"; while it
 *   is active the alarms of that source's readings are suppressed by design
 *   (DSUPR): counted on it, not listed one by one.
 *
 * Each alarm moves through the ISA-18.2 states (isa.h) only by isa_next:
 * its condition, the operators' decisions (alarm_ops.h: acks, shelves) and
 * the configuration (out of service) are the events.
 *
 * Decisions (alarm_detect.c, alarm_step.c):
 * - Delays, as ISA-18.2 sets them per condition: the on-delay applies to
 *   every annunciation of a more severe level (NONE -> HI and HI -> HIHI
 *   alike; HI stays shown meanwhile), the off-delay to every drop (HIHI ->
 *   HI as HI -> NONE: the HIHI condition is clearing); a return within the
 *   delay cancels it. A level on the other side (HI -> LO) is a new
 *   condition, shown once its on-delay passed. No value or bad quality ends
 *   the limit condition at once (nothing to judge; the fault alarm takes
 *   over).
 * - Precedence: out of service over shelved over suppressed over the
 *   alarm's own life; entering a higher one steps out of a lower one first,
 *   leaving it lands by the condition and the rest apply at once.
 * - Suppression follows the communications condition, not its alarm's
 *   state: shelving or taking "source:NAME" out of service hides that one
 *   alarm, it does not bring the flood back. Only alarms not at rest (active
 *   or not NORM) enter DSUPR, so the count is of alarms, not of readings.
 * - An ack is for the activation it was made in: the engine takes only
 *   acks newer than the ops sequence noted while the alarm was at rest, or
 *   at its last escalation (an escalation needs a new ack in any state; an
 *   ACKED alarm re-alarms); a new alarm's first evaluation takes any
 *   (replayed acks hold across a restart).
 * - Arrivals (EEMUA, the bell): a new UNACK from NORM, RTNUN or ACKED, or
 *   from SHLVD/DSUPR/OOSRV when that activation was never UNACK before.
 *   Chattering is noted on each activation of the condition.
 * - The KPI counts chattering, stale and by_priority over the active list
 *   (UNACK, ACKED, RTNUN); unacked, shelved, suppressed, out_of_service by
 *   state.
 * - A reading that leaves the store takes its alarms with it (no
 *   transition: the slot starts afresh). Time is passed in
 * (now_ms, epoch ms: clock_steady_ms); the engine never reads the clock.
 * State is kept by store index and reading serial: a slot taken by a new
 * reading starts afresh, its history too. */
#ifndef CITYDASH_ALARM_H
#define CITYDASH_ALARM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alarm_cfg.h"
#include "alarm_kpi.h"
#include "alarm_log.h"
#include "alarm_ops.h"
#include "isa.h"
#include "store.h"

typedef enum alarm_level { ALARM_NONE, ALARM_LO, ALARM_HI, ALARM_LOLO, ALARM_HIHI } alarm_level_t;

/* "LO", "HI", "LOLO", "HIHI" ("" for NONE): ISA tags, not translated. */
const char *alarm_level_tag(alarm_level_t level);
/* LOLO and HIHI are alarms proper; LO and HI are warnings. */
bool alarm_level_is_critical(alarm_level_t level);

/* The level a value is at, given the level it was at before: leaving a
 * level needs the value to come back inside the limit by `deadband`, but a
 * hold only keeps a level on the side the value is on (it never reaches
 * past the middle of the normal band), so after HIHI a value below LO is LO. */
alarm_level_t alarm_classify(double value, const limits_t *limits, double deadband,
                             alarm_level_t previous);

typedef struct alarm_state {
	alarm_level_t level; /* the annunciated level: after the on- and off-delays */
	int64_t since_ms; /* observation time of the value that entered this level */
	bool stale;       /* the reading's data is stale: the level is of an old value */
} alarm_state_t;

typedef enum alarm_kind { ALARM_KIND_LIMIT, ALARM_KIND_FAULT, ALARM_KIND_COMM, ALARM_KIND_COUNT } alarm_kind_t;
/* "limit", "fault", "comm": Alertmanager's kind label, not translated. */
const char *alarm_kind_name(alarm_kind_t kind);

typedef enum alarm_priority {
	ALARM_PRIORITY_NONE,
	ALARM_PRIORITY_MEDIUM, /* LO, HI, instrument fault */
	ALARM_PRIORITY_HIGH,   /* LOLO, HIHI, communications */
	ALARM_PRIORITY_COUNT
} alarm_priority_t;
/* "high", "medium" (""): Alertmanager's priority label, not translated. */
const char *alarm_priority_name(alarm_priority_t p);

#define ALARM_ID_MAX 160 /* bytes of an alarm id, with its terminator */

/* One alarm that is not in NORM (or just went there): what every alarm list
 * shows. Valid until the next evaluate; owned by the engine. */
typedef struct alarm_info {
	char id[ALARM_ID_MAX];     /* see above: stable across restarts and hosts */
	alarm_kind_t kind;
	size_t index;              /* store reading index (LIMIT, FAULT) or source index (COMM) */
	uint64_t serial;           /* the reading's serial; COMM: source index + 1 */
	int source;                /* the source it comes from (COMM: itself) */
	isa_state_t state;
	alarm_priority_t priority; /* of the condition, or of its last activation once returned */
	alarm_level_t level;       /* LIMIT: the annunciated level now (NONE once returned) */
	alarm_level_t peak;        /* LIMIT: the worst level of this activation */
	bool active;               /* the condition holds (after the delays) */
	bool stale;                /* LIMIT/FAULT: its reading's data is stale */
	bool chattering;           /* ALARM_KPI_CHATTER_COUNT activations within a minute */
	int64_t since_ms;          /* when this activation began */
	int64_t state_ms;          /* when it entered its state */
	unsigned suppressed;       /* COMM: alarms of its readings suppressed under it */
	alarm_note_t ack, shelve;  /* who acknowledged / shelved it, when, why (at_ms 0: none) */
} alarm_info_t;

typedef struct alarm_engine alarm_engine_t;

alarm_engine_t *alarm_engine_create(void);
void alarm_engine_destroy(alarm_engine_t *eng);

/* What the engine reads besides the store; both borrowed, NULL for none
 * (cfg NULL: the feed's deadband and no delays, nothing out of service;
 * ops NULL: nobody acted). The owner keeps them alive and unchanged during
 * an evaluation (the session changes ops only between them). Call it again
 * after changing cfg: out of service is read then (and for readings new
 * since), not at every evaluation. The decisions of alarms at rest are read
 * when alarm_ops_seq moves and, while ops holds Alertmanager's silences,
 * every few seconds (a silence may start later than it is made); of the
 * others at every evaluation. */
void alarm_engine_configure(alarm_engine_t *eng, const alarm_cfg_t *cfg, const alarm_ops_t *ops);

/* Brings every alarm up to date with the store, the configuration and the
 * operators' decisions at `now_ms`. A reading with no value has no limit
 * alarm; one with bad quality has its fault alarm instead; a stale reading
 * is classified all the same and marked stale. */
void alarm_engine_evaluate(alarm_engine_t *eng, const store_t *st, int64_t now_ms);

/* Makes dst what src is (both created by alarm_engine_create), so an
 * evaluation can be built apart from the engine the pages read and then take
 * its place (tui/session.c evaluates a large store on another thread). */
void alarm_engine_copy(alarm_engine_t *dst, const alarm_engine_t *src);

/* State of the reading at store index `reading` (NONE if unknown). */
alarm_state_t alarm_engine_state(const alarm_engine_t *eng, size_t reading);

/* A change of a reading's alarm level. */
typedef struct alarm_transition {
	int64_t at_ms; /* observation time of the value that caused it (since_ms) */
	alarm_level_t from, to;
} alarm_transition_t;

#define ALARM_HISTORY 8 /* level changes kept per reading */

/* The reading's last level changes (at most ALARM_HISTORY), oldest first,
 * into out[0..max); returns the count. */
size_t alarm_engine_history(const alarm_engine_t *eng, size_t reading, alarm_transition_t *out,
                            size_t max);

/* Every alarm not in NORM, in list order: unacknowledged first, those
 * still active (UNACK) before those returned to normal (RTNUN); then high
 * priority before medium, then oldest activation first (the longest
 * waiting leads; rows hold still as new alarms arrive), then by id.
 * Valid until the next evaluate. */
size_t alarm_engine_alarm_count(const alarm_engine_t *eng);
const alarm_info_t *alarm_engine_alarm(const alarm_engine_t *eng, size_t i);
/* The alarm of that kind on reading (or source, for COMM) `index`, or NULL
 * if it is in NORM. */
const alarm_info_t *alarm_engine_find(const alarm_engine_t *eng, alarm_kind_t kind, size_t index);
/* Alarms in each ISA state (NORM: not counted, 0). */
size_t alarm_engine_state_count(const alarm_engine_t *eng, isa_state_t state);
/* The alarms suppressed under source `source`'s communications alarm,
 * i-th of n (store reading indices with the kind), for the page that lists
 * them. */
size_t alarm_engine_suppressed_count(const alarm_engine_t *eng, int source);
const alarm_info_t *alarm_engine_suppressed(const alarm_engine_t *eng, int source, size_t i);

/* EEMUA 191 figures (alarm_kpi.h) and the transition log (alarm_log.h). */
const alarm_kpi_counts_t *alarm_engine_kpi(const alarm_engine_t *eng);
const alarm_log_t *alarm_engine_log(const alarm_engine_t *eng);
/* New high-priority activations (UNACK) since the engine was created: the
 * bell rings when it grows. */
uint64_t alarm_engine_high_arrivals(const alarm_engine_t *eng);
/* Alarms that went back to NORM at the last evaluation, by id (the session
 * ends their acknowledgement silences in Alertmanager). */
size_t alarm_engine_cleared_count(const alarm_engine_t *eng);
const char *alarm_engine_cleared(const alarm_engine_t *eng, size_t i);
/* Readings beyond a limit (annunciated level), LOLO/HIHI before LO/HI,
 * then newest first: the readings' process state, for the pages that colour
 * readings (not the alarm list). Indices into the store; valid until the
 * next evaluate. */
size_t alarm_engine_active_count(const alarm_engine_t *eng);
size_t alarm_engine_active(const alarm_engine_t *eng, size_t i);
/* Active alarms that are LOLO/HIHI. */
size_t alarm_engine_critical_count(const alarm_engine_t *eng);
/* Active alarms whose reading is stale. */
size_t alarm_engine_stale_count(const alarm_engine_t *eng);

#endif

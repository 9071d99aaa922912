/* alarm_private: the alarm engine's state, shared by its files and no one
 * else: alarm.c (classification, queries, copy), alarm_detect.c (levels
 * with delays, the evaluation loop), alarm_step.c (one alarm through the
 * ISA-18.2 states) and alarm_list.c (the list, its order, the figures).
 *
 * Everything kept across evaluations is in flat arrays by store reading
 * index or source index, so a copy (alarm_engine_copy) is a few memcpy and
 * an evaluation allocates nothing once the arrays have grown. */
#ifndef CITYDASH_ALARM_PRIVATE_H
#define CITYDASH_ALARM_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alarm.h"

#define ALARM_NO_TIME INT64_MIN /* a timer not running */
#define ALARM_NO_POS SIZE_MAX   /* an alarm not on the list */
/* Decisions of alarms at rest are read when alarm_ops_seq moves, and, while
 * ops holds silences, at least this often: a silence made to start later
 * takes effect with no change in ops to announce it (alarm_ops_has_silences).
 * Without silences the sweep would read some 9,000 decisions every few
 * seconds at city scale, all unchanged. */
#define ALARM_SWEEP_MS 5000

/* Where a reading's level changes are in its ring of ALARM_HISTORY. */
typedef struct history_pos {
	uint8_t head;  /* next entry to write */
	uint8_t count; /* entries held */
} history_pos_t;

/* A reading's raw condition (after the deadband, before the delays) and the
 * timers of the on- and off-delays, in engine time (now_ms). */
typedef struct alarm_detect {
	int64_t beyond_since[2]; /* since when the raw level has been at least
	                            LO/HI (0) and LOLO/HIHI (1) on its side */
	int64_t off_since;       /* since when the raw level has not backed the
	                            annunciated one */
	uint8_t raw;             /* alarm_level_t */
} alarm_detect_t;

/* One alarm's life: what isa_next is stepped with, and what it shows. */
typedef struct alarm_rec {
	int64_t since_ms;        /* when this activation began */
	int64_t state_ms;        /* when it entered its state */
	int64_t shelve_until_ms; /* the shelve's end, while SHLVD (0: none known) */
	uint64_t ack_after_seq;  /* acks must be newer (alarm_ops_lookup after_seq) */
	alarm_chatter_t chatter;
	uint8_t state;           /* isa_state_t */
	uint8_t level, peak;     /* alarm_level_t (LIMIT) */
	uint8_t priority;        /* alarm_priority_t */
	bool active;             /* the condition holds (after the delays) */
	bool announced;          /* this activation has been UNACK: landing UNACK
	                            from a hidden state is an arrival if not */
	bool out_of_service;     /* the configuration's verdict, cached */
	bool fresh;              /* not yet through its first evaluation */
	bool standing;           /* this activation was found at the alarm's first
	                            evaluation (start-up, a new reading): it came
	                            before citydash watched, at a rate nobody
	                            knows, so it is no arrival for the EEMUA rates */
} alarm_rec_t;

/* The order of the list, copied out so qsort needs no context. */
typedef struct alarm_sort_key {
	bool unacked;
	bool returned; /* RTNUN: its condition is over */
	uint8_t priority;
	int64_t since_ms;
	const char *id;
	size_t pos; /* in infos */
} alarm_sort_key_t;

/* The readings' process-state order, copied out so qsort needs no context. */
typedef struct alarm_active_key {
	bool critical;
	int64_t since_ms;
	size_t reading;
} alarm_active_key_t;

/* Every member is copied by alarm_engine_copy: keep it in step. */
struct alarm_engine {
	/* Configuration (borrowed). */
	const alarm_cfg_t *cfg;
	const alarm_ops_t *ops;
	bool cfg_changed;     /* re-read out of service for every alarm */
	bool evaluated;       /* at least one evaluation */
	uint64_t ops_seq;     /* alarm_ops_seq at the last evaluation */
	int64_t swept_ms;     /* when every alarm's decisions were last read */

	/* Per reading slot (state_count of them). */
	alarm_state_t *states;       /* the annunciated level */
	uint64_t *serials;           /* serial of the reading each slot's state belongs to (0: none) */
	alarm_detect_t *detect;
	alarm_transition_t *changes; /* ALARM_HISTORY per reading, a ring */
	history_pos_t *change_pos;
	alarm_rec_t *limit, *fault;
	size_t *limit_pos, *fault_pos; /* in infos, or ALARM_NO_POS */
	size_t state_count;

	/* Per source (source_count of them). */
	alarm_rec_t *comm;
	int64_t *comm_first_seen; /* when the engine first saw the source */
	size_t *comm_pos;
	size_t *sup_start;        /* source_count + 1: its suppressed alarms in sup_order */
	size_t source_count;

	/* The readings beyond a limit (process state). */
	size_t *active;     /* sorted store indices */
	alarm_active_key_t *active_keys; /* scratch for sorting, as large as active */
	size_t active_count, active_cap;
	size_t critical_count;
	size_t stale_count;

	/* The alarm list of the last evaluation. */
	alarm_info_t *infos; /* in evaluation order */
	size_t *order;       /* list order: positions in infos */
	size_t *sup_order;   /* DSUPR alarms by source, in list order */
	alarm_sort_key_t *keys;
	size_t info_count, info_cap;
	size_t state_counts[ISA_STATE_COUNT];

	/* Ids that went to NORM at the last evaluation. */
	char (*cleared)[ALARM_ID_MAX];
	size_t cleared_count, cleared_cap;

	uint64_t high_arrivals;
	alarm_kpi_t *kpi;
	alarm_log_t *log;
};

/* Who an alarm belongs to, for its id and labels. */
typedef struct alarm_subject {
	alarm_kind_t kind;
	size_t index;              /* reading or source index */
	const reading_t *reading;  /* LIMIT, FAULT */
	const source_status_t *source;
	int source_index;
} alarm_subject_t;

/* alarm_list.c */
/* Writes the alarm's id into out (ALARM_ID_MAX bytes), cut on a character. */
void alarm_subject_id(const alarm_subject_t *sub, char out[ALARM_ID_MAX]);
void alarm_list_reset(alarm_engine_t *eng);
/* Puts the alarm on the list (it is not NORM); returns its position. */
size_t alarm_list_add(alarm_engine_t *eng, const alarm_subject_t *sub, const alarm_rec_t *rec,
                      const alarm_decision_t *d, bool stale);
void alarm_list_note_cleared(alarm_engine_t *eng, const char *id);
/* Sorts the list, groups the suppressed alarms by source, fills the KPI
 * counts. */
void alarm_list_finish(alarm_engine_t *eng, int64_t now_ms);

/* alarm_step.c */
/* What one evaluation knows for all alarms. */
typedef struct alarm_eval {
	int64_t now_ms;
	uint64_t seq;    /* alarm_ops_seq now (0 without ops) */
	bool ops_moved;  /* since the last evaluation, or a sweep is due */
} alarm_eval_t;

/* The alarm's condition now, as detection found it. */
typedef struct alarm_condition {
	bool active;
	alarm_level_t level;   /* LIMIT */
	int64_t since_ms;      /* when it became active, if it does now */
	bool suppressed;       /* its source's communications alarm is active */
	bool stale;
} alarm_condition_t;

/* A record as new: NORM, nothing noted. */
void alarm_rec_reset(alarm_rec_t *rec, int64_t now_ms);
/* Reads whether the configuration takes the alarm out of service. */
bool alarm_rec_out_of_service(const alarm_engine_t *eng, const alarm_subject_t *sub);
/* Brings one alarm up to date: condition, decisions, state; lists it if it
 * is not NORM. */
void alarm_step(alarm_engine_t *eng, const alarm_eval_t *ev, const alarm_subject_t *sub,
                alarm_rec_t *rec, const alarm_condition_t *cond, size_t *pos);

#endif

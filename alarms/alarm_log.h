/* alarm_log: the last alarm transitions, for the alarm history page: every
 * change of an alarm's ISA state, with the time, the alarm and, when an
 * operator caused it (ack, shelve, unshelve), who and why. A ring of
 * ALARM_LOG_MAX entries; the oldest goes first. Filled by the engine. */
#ifndef CITYDASH_ALARM_LOG_H
#define CITYDASH_ALARM_LOG_H

#include <stddef.h>
#include <stdint.h>

#include "isa.h"

#define ALARM_LOG_MAX 1024
#define ALARM_LOG_ID_MAX 96 /* bytes of the alarm id kept (cut on a character) */
#define ALARM_LOG_BY_MAX 64
#define ALARM_LOG_REASON_MAX 96

typedef struct alarm_log_entry {
	int64_t at_ms;  /* when it changed (the engine's now_ms, epoch ms) */
	char alarm[ALARM_LOG_ID_MAX];
	uint8_t kind;   /* alarm_kind_t */
	uint8_t level;  /* alarm_level_t at the time (limit alarms) */
	uint8_t priority; /* alarm_priority_t */
	isa_state_t from, to;
	char by[ALARM_LOG_BY_MAX];         /* "" when no operator caused it */
	/* The operator's words, or the engine's (translated when logged) */
	char reason[ALARM_LOG_REASON_MAX];
} alarm_log_entry_t;

typedef struct alarm_log alarm_log_t;

alarm_log_t *alarm_log_create(void);
void alarm_log_destroy(alarm_log_t *l);
void alarm_log_copy(alarm_log_t *dst, const alarm_log_t *src);
void alarm_log_add(alarm_log_t *l, const alarm_log_entry_t *e);
/* Entries held, and the i-th newest (0: the newest). */
size_t alarm_log_count(const alarm_log_t *l);
const alarm_log_entry_t *alarm_log_newest(const alarm_log_t *l, size_t i);
/* Transitions logged since creation (grows past ALARM_LOG_MAX). */
uint64_t alarm_log_total(const alarm_log_t *l);

#endif

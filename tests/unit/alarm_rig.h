/* alarm_rig: a store with sources and readings put at given values, an
 * alarm engine, a configuration and real operators' decisions (alarm_ops),
 * for the alarm engine's tests. The clock is the tests' own: every call
 * takes now_ms. */
#ifndef CITYDASH_TEST_ALARM_RIG_H
#define CITYDASH_TEST_ALARM_RIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alarm.h"
#include "alarm_cfg.h"
#include "alarm_ops.h"
#include "store.h"

typedef struct rig {
	store_t *st;
	alarm_engine_t *eng;
	alarm_cfg_t cfg; /* alarm_cfg_defaults; configured only by rig_use_cfg */
	alarm_ops_t *ops;
} rig_t;

/* One source "t" (interval 1 s, stale after 3 s); ops configured, no cfg. */
void rig_open(rig_t *r);
void rig_close(rig_t *r);
/* Configures the engine with r->cfg (after the test changed it). */
void rig_use_cfg(rig_t *r);

/* A reading with limits LOLO 10, LO 20, HI 80, HIHI 90, deadband 1,
 * domain water, on source `source`. */
typedef struct rig_put {
	const char *id;
	double value;
	quality_t quality; /* 0: good */
} rig_put_t;

/* One good document from `source` with these readings at now_ms. */
void rig_poll(rig_t *r, int source, const rig_put_t *puts, size_t n, int64_t now_ms);
/* The same with one reading, good quality. */
void rig_value(rig_t *r, const char *id, double value, int64_t now_ms);
/* Polls and evaluates at now_ms. */
void rig_step(rig_t *r, const char *id, double value, int64_t now_ms);
void rig_eval(rig_t *r, int64_t now_ms);

/* Operators' actions, as the journal hands them to ops. */
void rig_ack(rig_t *r, const char *alarm, int64_t at_ms);
void rig_shelve(rig_t *r, const char *alarm, int64_t at_ms, int64_t until_ms, const char *reason);
void rig_unshelve(rig_t *r, const char *alarm, int64_t at_ms);

/* The alarm with this id on the list, or NULL. */
const alarm_info_t *rig_find(const rig_t *r, const char *id);
/* Its state, ISA_NORM when not listed. */
isa_state_t rig_state(const rig_t *r, const char *id);

#endif

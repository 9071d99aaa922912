/* alarm_kpi: alarm-system performance as EEMUA 191 measures it, live:
 * arrivals (alarms that became UNACK) in the last 10 minutes and hour
 * against the benchmarks, a flood state with hysteresis, chattering alarms
 * and stale alarms. Pure data, time passed in; bounded memory (arrivals are
 * kept for the last hour, at most ALARM_KPI_ARRIVALS of them — beyond that
 * the counts saturate and say so). */
#ifndef CITYDASH_ALARM_KPI_H
#define CITYDASH_ALARM_KPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* EEMUA 191 benchmarks for one operator (arrivals). */
#define ALARM_KPI_ACCEPTABLE_10MIN 1  /* "very likely to be acceptable" */
#define ALARM_KPI_MANAGEABLE_10MIN 2  /* "manageable" */
#define ALARM_KPI_ACCEPTABLE_HOUR 6
#define ALARM_KPI_MANAGEABLE_HOUR 12
/* Flood: more than this many arrivals in 10 minutes starts one ... */
#define ALARM_KPI_FLOOD_START 10
/* ... and it ends when fewer than this many arrived in the last 10 minutes. */
#define ALARM_KPI_FLOOD_END 5
/* Chattering: this many activations of one alarm within a minute. */
#define ALARM_KPI_CHATTER_COUNT 3
#define ALARM_KPI_CHATTER_WINDOW_MS 60000
/* Stale alarm: active (standing) longer than this. */
#define ALARM_KPI_STALE_MS (24LL * 3600 * 1000)
#define ALARM_KPI_ARRIVALS 8192

typedef struct alarm_kpi_counts {
	unsigned last_10min, last_hour; /* arrivals */
	bool saturated;                 /* more arrivals than kept: counts are at least */
	bool flood;
	int64_t flood_since_ms;         /* 0 if no flood */
	unsigned chattering;            /* alarms flagged chattering now */
	unsigned stale;                 /* alarms active longer than ALARM_KPI_STALE_MS */
	unsigned by_priority[3];        /* listed alarms by alarm_priority_t (NONE, MEDIUM, HIGH) */
	unsigned unacked;               /* UNACK + RTNUN */
	unsigned shelved, suppressed, out_of_service;
} alarm_kpi_counts_t;

typedef struct alarm_kpi alarm_kpi_t;

alarm_kpi_t *alarm_kpi_create(void);
void alarm_kpi_destroy(alarm_kpi_t *k);
void alarm_kpi_copy(alarm_kpi_t *dst, const alarm_kpi_t *src);

/* An alarm became UNACK (a new activation) at now_ms. */
void alarm_kpi_arrival(alarm_kpi_t *k, int64_t now_ms);
/* Moves the windows and the flood state to now_ms; the engine then fills
 * the per-alarm counts (chattering .. out_of_service) into the result:
 * advance zeroes them, so they are refilled after every advance. */
void alarm_kpi_advance(alarm_kpi_t *k, int64_t now_ms);
alarm_kpi_counts_t *alarm_kpi_counts(alarm_kpi_t *k);
const alarm_kpi_counts_t *alarm_kpi_read(const alarm_kpi_t *k);

/* Chattering for one alarm: a ring of its last activation times. */
typedef struct alarm_chatter {
	int64_t at[ALARM_KPI_CHATTER_COUNT];
	unsigned char head, count;
} alarm_chatter_t;
/* Notes an activation; returns whether the alarm is chattering (the last
 * ALARM_KPI_CHATTER_COUNT activations fall within the window). */
bool alarm_chatter_note(alarm_chatter_t *c, int64_t now_ms);
/* Whether it still is at now_ms (the window moves on without activations). */
bool alarm_chatter_is(const alarm_chatter_t *c, int64_t now_ms);

#endif

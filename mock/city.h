/* city: the simulated city behind the mock server, without JSON or HTTP.
 *
 * A city is generated from the tables in city_names.c and a seed. Everything
 * that moves is a pure function of (seed, item, tick): no state advances, so
 * callers may ask for any tick in any order from any thread, and tests need
 * no clock. Ticks may be negative (history before the start).
 *
 * Ownership: city_create() returns a city the caller frees with
 * city_destroy(); every pointer handed out by the accessors belongs to the
 * city (or to static tables) and lives as long as it. */
#ifndef CITYDASH_CITY_H
#define CITYDASH_CITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "city_names.h"

typedef struct city city_t;

typedef enum city_quality {
	CITY_QUALITY_GOOD,
	CITY_QUALITY_UNCERTAIN,
	CITY_QUALITY_BAD,
} city_quality_t;

typedef enum city_stage {
	CITY_STAGE_SENSED,
	CITY_STAGE_HANDLING,
	CITY_STAGE_EVALUATING,
	CITY_STAGE_REVIEWING,
	CITY_STAGE_CLOSED,
} city_stage_t;

typedef enum city_dept_state {
	CITY_DEPT_PENDING,
	CITY_DEPT_ACTIVE,
	CITY_DEPT_DONE,
} city_dept_state_t;

/* The static description of one reading. */
typedef struct city_reading {
	char *id;      /* e.g. "water.jiangbei.guanyinqiao.pump07.outlet_pressure" */
	char *name;    /* e.g. "观音桥7号泵站出口压力" */
	size_t domain; /* index into city_domains */
	const city_district_def_t *district;
	const city_street_def_t *street;
	const city_measure_def_t *measure; /* unit, range, limits, deadband */
} city_reading_t;

#define CITY_KPI_HISTORY     12
#define CITY_EVENT_MAX_DEPTS 5

/* Where one event stands at one tick. */
typedef struct city_event_state {
	int64_t cycle;        /* how many times this incident has recurred */
	int64_t opened_tick;  /* tick at which this cycle was sensed */
	int64_t updated_tick; /* tick of the last change */
	unsigned done, total; /* steps of the response plan */
	city_stage_t stage;
	size_t dept_count;
	city_dept_state_t depts[CITY_EVENT_MAX_DEPTS];
} city_event_state_t;

city_t *city_create(uint64_t seed);
void city_destroy(city_t *city);
uint64_t city_seed(const city_t *city);

size_t city_domain_count(void);
const char *city_domain_name(size_t domain);
size_t city_district_count(void);

size_t city_reading_count(const city_t *city);
const city_reading_t *city_reading(const city_t *city, size_t i);
/* Value of reading i at tick; false means "no value now" (instrument
 * offline, sent as null). */
bool city_reading_value_at(const city_t *city, size_t i, int64_t tick, double *value);
city_quality_t city_reading_quality_at(const city_t *city, size_t i, int64_t tick);
const char *city_quality_name(city_quality_t q);

size_t city_kpi_count(const city_t *city);
const city_kpi_def_t *city_kpi(const city_t *city, size_t i);
double city_kpi_value_at(const city_t *city, size_t i, int64_t tick);
/* Fills out[CITY_KPI_HISTORY], oldest first; the last is the current value. */
void city_kpi_history_at(const city_t *city, size_t i, int64_t tick, double *out);

size_t city_event_count(const city_t *city);
const city_event_def_t *city_event(const city_t *city, size_t i);
void city_event_at(const city_t *city, size_t i, int64_t tick, city_event_state_t *out);
const char *city_stage_name(city_stage_t stage);
const char *city_dept_state_name(city_dept_state_t state);

/* splitmix64 over a combination of inputs: the seeded source of everything
 * random in the city (exposed for the server's ETags). */
uint64_t city_hash(uint64_t seed, uint64_t a, uint64_t b, uint64_t c);

#endif

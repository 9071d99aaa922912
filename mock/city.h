/* city: the simulated city behind the mock server, without JSON or HTTP.
 *
 * A city is generated from the tables in city_names.c and a seed. Everything
 * that moves is a pure function of (seed, config, item, tick) and of the
 * scenarios started (scenario.h: the one piece of explicit state, a start
 * tick per run): nothing else advances, so callers may ask for any tick in
 * any order from any thread, and tests need no clock. Ticks may be negative
 * (history before the start).
 *
 * Time: a tick is one step of the simulation; it stands for `speed`
 * simulated seconds (city_config_t). The fast noise of readings moves per
 * tick, so the screen moves at any speed; the day (diurnal curves), the slow
 * drifts and the scenarios' durations run on simulated time. Everything in
 * the model that means a duration converts with city_sim_seconds() and
 * city_sim_ticks() below, never with its own factor.
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

/* How big a city to build. Zeroed, it is the demo (city_create()). */
typedef enum city_scale {
	CITY_SCALE_DEMO, /* 9 districts x 5 streets, 239 readings, 16 KPIs */
	CITY_SCALE_CITY, /* the "9+2" and 29 outer districts, 335 streets, 4,476 readings, 911 KPIs
	                  */
} city_scale_t;

typedef struct city_config {
	city_scale_t scale;
	size_t readings;  /* 0: the scale's own count; else spread over the domains */
	size_t kpis;      /* 0: the scale's own count; else city-wide first, then district KPIs */
	double speed;     /* simulated seconds per tick; 0 (or less): 1 */
	int64_t start_ms; /* simulated wall time (epoch ms) of tick 0; the local
	                     time of day is Asia/Shanghai (UTC+8) */
} city_config_t;

/* city_create(seed) is city_create_config(seed, demo scale). */
city_t *city_create(uint64_t seed);
city_t *city_create_config(uint64_t seed, const city_config_t *cfg);
void city_destroy(city_t *city);
uint64_t city_seed(const city_t *city);

/* Simulated seconds from tick 0 to `tick` (floor of tick x speed; at speed
 * 1 this is the tick itself). The one conversion from ticks to simulated
 * time: a model part that thinks "1 tick = 1 simulated second" calls this. */
int64_t city_sim_seconds(const city_t *city, int64_t tick);
/* The inverse: the fewest ticks that cover `seconds` of simulated time
 * (ceil(seconds / speed), at least 1 for seconds > 0, 0 for 0). */
int64_t city_sim_ticks(const city_t *city, int64_t seconds);
/* Simulated wall time of `tick` (epoch ms) and its local hour of day in
 * [0, 24) (Asia/Shanghai). */
int64_t city_sim_wall_ms(const city_t *city, int64_t tick);
double city_sim_hour(const city_t *city, int64_t tick);
double city_speed(const city_t *city);

size_t city_domain_count(void);
const char *city_domain_name(size_t domain);
size_t city_district_count(void);

/* The places of this city (city_district_count() is the demo's count). */
size_t city_place_district_count(const city_t *city);
const city_district_def_t *city_place_district(const city_t *city, size_t i);
/* Whether district i is one of the central "9+2" (every demo district is). */
bool city_place_district_central(const city_t *city, size_t i);
size_t city_place_street_count(const city_t *city);

size_t city_reading_count(const city_t *city);
const city_reading_t *city_reading(const city_t *city, size_t i);
/* Value of reading i at tick; false means "no value now" (instrument
 * offline, sent as null). */
bool city_reading_value_at(const city_t *city, size_t i, int64_t tick, double *value);
city_quality_t city_reading_quality_at(const city_t *city, size_t i, int64_t tick);
const char *city_quality_name(city_quality_t q);

/* Instrument faults (city_faults.c), drawn per reading and fault window from
 * the seed: a stuck instrument repeats one value with quality still good
 * (that is how a stuck sensor lies), a dropout sends null with quality bad,
 * a bad one sends a value marked bad. */
typedef enum city_fault {
	CITY_FAULT_NONE,
	CITY_FAULT_STUCK,
	CITY_FAULT_DROPOUT,
	CITY_FAULT_BAD,
} city_fault_t;
city_fault_t city_reading_fault_at(const city_t *city, size_t i, int64_t tick);

size_t city_kpi_count(const city_t *city);
const city_kpi_def_t *city_kpi(const city_t *city, size_t i);
double city_kpi_value_at(const city_t *city, size_t i, int64_t tick);
/* Fills out[CITY_KPI_HISTORY], oldest first; the last is the current value. */
void city_kpi_history_at(const city_t *city, size_t i, int64_t tick, double *out);
/* Where KPI i is measured: *district and *street (names) are NULL for a
 * city-wide KPI, *street alone is NULL for a district-wide one. */
void city_kpi_place(const city_t *city, size_t i, const char **district, const char **street);

size_t city_event_count(const city_t *city);
const city_event_def_t *city_event(const city_t *city, size_t i);
void city_event_at(const city_t *city, size_t i, int64_t tick, city_event_state_t *out);
const char *city_stage_name(city_stage_t stage);
const char *city_dept_state_name(city_dept_state_t state);

/* splitmix64 over a combination of inputs: the seeded source of everything
 * random in the city (exposed for the server's ETags). */
uint64_t city_hash(uint64_t seed, uint64_t a, uint64_t b, uint64_t c);

#endif

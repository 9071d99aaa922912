/* scenario: the named situations a city can be put through (main-burst,
 * heatwave, flood, festival), started at a tick and then running their
 * course on simulated time (city_sim_ticks: durations scale with speed).
 *
 * A run is a start tick kept in the city: that is the city's only state that
 * changes after creation, so readings, KPIs and events stay a pure function
 * of (seed, config, runs, tick). Starts are serialized by a lock inside the
 * city; readers take none (the start ticks are atomics). A run started at
 * tick T changes nothing at or before T - 1, so a document already built
 * for an earlier tick stays true. Each scenario keeps its last
 * CITY_SCENARIO_RUNS runs; an older one is forgotten (its effects vanish
 * from the far history). */
#ifndef CITYDASH_SCENARIO_H
#define CITYDASH_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "city.h"

#define CITY_SCENARIO_RUNS 4

typedef enum city_scenario_phase {
	CITY_SCENARIO_IDLE,    /* never started */
	CITY_SCENARIO_PENDING, /* starts at a later tick */
	CITY_SCENARIO_RUNNING,
	CITY_SCENARIO_OVER, /* its last run has run its course */
} city_scenario_phase_t;

typedef struct city_scenario_status {
	city_scenario_phase_t phase;
	int64_t started_tick; /* of the last run; meaningless when idle */
	int64_t end_tick;     /* first tick after its course */
	double progress;      /* 0 to 1 through the last run's course */
	int64_t runs;         /* runs started so far */
} city_scenario_status_t;

size_t city_scenario_count(void);
const char *city_scenario_name(size_t k);        /* "main-burst" */
const char *city_scenario_title(size_t k);       /* "供水主管爆管" */
const char *city_scenario_description(size_t k); /* one sentence, served */
/* Simulated seconds from start to the end of its course. */
int64_t city_scenario_duration_s(size_t k);
/* The index of a name; false if there is no such scenario. */
bool city_scenario_find(const char *name, size_t *k);
/* Starts a run of scenario k at tick `at`. False (nothing changes) if a run
 * of it is still going at `at` or is yet to start: the server answers 409.
 * Thread-safe against other starts and against readers. */
bool city_scenario_start(city_t *c, size_t k, int64_t at);
void city_scenario_status_at(const city_t *c, size_t k, int64_t tick, city_scenario_status_t *out);
const char *city_scenario_phase_name(city_scenario_phase_t phase); /* "idle", ... */

#endif

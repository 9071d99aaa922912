/* scenario_internal: what scenario.c (state, course, events) and
 * scenario_defs.c (the scenarios themselves) share. Private to them. */
#ifndef CITYDASH_SCENARIO_INTERNAL_H
#define CITYDASH_SCENARIO_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>

#include "city.h"
#include "city_event.h"
#include "city_internal.h"
#include "scenario.h"

#define SCENARIO_MAX 8

typedef struct scenario_step_def {
	const char *name, *department;
} scenario_step_def_t;

/* The incident a scenario raises: its plan runs a step every step_s
 * simulated seconds after sensed_s; it goes up one tier when
 * escalate_at[j] steps are done (0: no such escalation). */
typedef struct scenario_event_def {
	const char *type, *type_name, *category, *subcategory;
	const char *title; /* the place's name follows, after " · " */
	city_severity_t severity;
	bool street_wide; /* placed on the scenario's street, else its district */
	city_tier_t tier; /* who owns it when sensed */
	unsigned escalate_at[2];
	int64_t sensed_s, step_s, due_s;
	const scenario_step_def_t *steps;
	size_t step_count;
} scenario_event_def_t;

/* Where a scenario happens, resolved in this city (NULL if it lacks it). */
typedef struct scenario_place {
	const city_district_def_t *district;
	const city_street_def_t *street;
} scenario_place_t;

/* Additive terms, e simulated seconds into a run. */
typedef double scenario_reading_fn(const city_t *c, const scenario_place_t *p, size_t i, double e);
typedef double scenario_kpi_fn(const city_t *c, const scenario_place_t *p, size_t i, double e);

typedef struct scenario_def {
	const char *name, *title, *description;
	const char *district, *street; /* pinyin of its place */
	/* The street at city scale, if another (NULL: the same): one whose
	 * neighbourhood has the equipment the scenario acts on. */
	const char *street_city;
	int64_t duration_s;
	scenario_reading_fn *reading;
	scenario_kpi_fn *kpi;
	const scenario_event_def_t *event; /* NULL: none */
} scenario_def_t;

extern const scenario_def_t scenario_defs[];
extern const size_t scenario_def_count;

struct city_scenarios {
	pthread_mutex_t lock; /* serializes starts; readers use the atomics */
	scenario_place_t place[SCENARIO_MAX];
	atomic_int_fast64_t runs[SCENARIO_MAX]; /* runs started so far */
	/* start tick of run n in slot n % CITY_SCENARIO_RUNS; INT64_MIN: empty */
	atomic_int_fast64_t start[SCENARIO_MAX][CITY_SCENARIO_RUNS];
};

/* Helpers of the effect functions (scenario.c). */
/* The term that takes reading i to `target` (whatever its normal swing)
 * when weight is 1, and part of the way when less. */
double scenario_push(const city_t *c, size_t i, double target, double weight);
/* A seeded number in [0, 1) per reading and scenario: how hard it is hit. */
double scenario_spread(const city_t *c, size_t i, size_t scenario);
/* Whether reading i is on street s of its district or on a neighbour (the
 * streets next to it in the district's list). */
bool scenario_near(const city_t *c, size_t i, const scenario_place_t *p);
bool scenario_is(const city_t *c, size_t i, const char *domain, const char *measure);
/* KPI i is the template `id` (an exact id, or id.<district>...) of place p's
 * district (city_wide: the city's own one). */
bool scenario_kpi_is(const city_t *c, size_t i, const char *id, const city_district_def_t *d);

#endif

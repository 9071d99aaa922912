/* city_internal: the city's private layout, shared by city.c (readings) and
 * city_board.c (KPIs and events). Not for use outside the model. */
#ifndef CITYDASH_CITY_INTERNAL_H
#define CITYDASH_CITY_INTERNAL_H

#include "city.h"

#define CITY_SINES 3

/* Per-reading simulation parameters, drawn once from the seed. The normal
 * swing (baseline_amp, well inside the limits) is shared out among the
 * fast sines, the day, the district's common noise and a slow drift, so
 * that together they never reach a limit: only excursions, faults and
 * scenarios do. */
typedef struct city_sim {
	double amp[CITY_SINES], period[CITY_SINES], phase[CITY_SINES];
	double baseline_amp; /* sum of every amplitude below and of amp[] */
	double diurnal_amp;  /* times the measure's day profile, in [-1, 1] */
	double district_amp; /* times the district's common noise, in [-1, 1] */
	double drift_amp;    /* times the reading's own slow drift, in [-1, 1] */
	size_t district;     /* index into the city's districts */
	int64_t window;      /* ticks per random-excursion window */
	bool dodgy;          /* sometimes reports quality "uncertain" */
	bool flaky;          /* sometimes offline: null value, quality "bad" */
} city_sim_t;

typedef struct city_kpi_sim {
	double period, phase;
} city_kpi_sim_t;

/* One KPI of this city: a copy of its template, with its place. */
typedef struct city_kpi_item {
	city_kpi_def_t def;
	const city_district_def_t *district; /* NULL: city-wide */
	const city_street_def_t *street;     /* NULL: district-wide or city-wide */
} city_kpi_item_t;

typedef struct city_street_ref {
	const city_district_def_t *district;
	const city_street_def_t *street;
} city_street_ref_t;

/* A district's noise, common to all its readings (city_time.c). */
typedef struct city_district_sim {
	double period[2], phase[2];
} city_district_sim_t;

struct city_scenarios; /* scenario_internal.h */

/* The day profiles, tabled every five minutes at creation (city_time.c):
 * city_diurnal() costs several exp() a call, and every reading asks. */
#define CITY_DAY_STEPS        288
#define CITY_DIURNAL_PROFILES (CITY_DIURNAL_LOAD_HEAT + 1)
typedef double city_day_table_t[CITY_DIURNAL_PROFILES][CITY_DAY_STEPS + 1];

struct city {
	uint64_t seed;
	city_scale_t scale;
	double speed;     /* simulated seconds per tick, > 0 */
	int64_t start_ms; /* simulated wall time of tick 0 */
	city_district_sim_t *district_sims;
	city_day_table_t *day_table;
	/* The scenarios' runs: the city's only state that changes after
	 * creation (scenario.c documents how it is guarded). */
	struct city_scenarios *scenarios;
	/* Places: the demo's static table, or built at city scale (owned). */
	const city_district_def_t *districts;
	size_t district_count, street_count;
	bool *central;                        /* NULL: every district is central */
	city_district_def_t *owned_districts; /* the ones below are NULL at demo scale */
	city_street_def_t *owned_streets;
	char **strings; /* every string the city allocated for names and ids */
	size_t string_count, string_cap;
	city_kpi_item_t *kpi_items;
	size_t kpi_count;
	city_reading_t *readings;
	city_sim_t *sims;
	size_t reading_count;
	city_kpi_sim_t *kpis;
	int64_t *event_offsets; /* ticks each event's cycle is ahead at tick 0 */
	/* The event stream (city_events.c): the catalogue and every street. */
	struct city_event_catalogue *event_types;
	city_street_ref_t *event_streets;
	size_t event_street_count;
};

/* city_time.c: the day, the district noise and the drift, each in [-1, 1]. */
void city_time_init(city_t *c, const city_config_t *cfg);
double city_diurnal(city_diurnal_t profile, double hour);
/* The same from the city's table, linearly between its five-minute steps. */
double city_day_at(const city_t *c, city_diurnal_t profile, double hour);
double city_district_noise(const city_t *c, size_t district, int64_t tick);
double city_drift(const city_t *c, size_t i, int64_t tick);
/* The reading's value before faults and clamping (city.c): what a stuck
 * instrument holds on to. */
double city_reading_raw(const city_t *c, size_t i, int64_t tick);
/* Whether a forced excursion (the alarms always showing) drives reading i at
 * tick: faults leave such a reading alone. */
bool city_reading_forced(const city_t *c, size_t i, int64_t tick);
/* city_faults.c: the first tick of the fault reading i has at tick (only
 * meaningful while it has one). */
int64_t city_reading_fault_since(const city_t *c, size_t i, int64_t tick);
/* scenario.c: set up and free the scenarios' state; their additive terms. */
void city_scenarios_init(city_t *c);
void city_scenarios_free(city_t *c);
double city_scenario_reading_term(const city_t *c, size_t i, int64_t tick);
double city_scenario_kpi_term(const city_t *c, size_t i, int64_t tick);
/* 0 before a, 1 after b, a smoothstep between. */
double city_smoothstep(double x, double a, double b);

void city_board_init(city_t *c, const city_config_t *cfg);
void city_board_free(city_t *c);
void city_events_init(city_t *c);
void city_events_free(city_t *c);
void city_places_build(city_t *c);
void city_places_free(city_t *c);
/* Takes ownership of s (freed with the city) and returns it. */
char *city_keep(city_t *c, char *s);
/* Uniform in [0, 1) from a hash. */
double city_unit(uint64_t h);
/* Division rounding towards negative infinity (ticks may be negative). */
int64_t city_floordiv(int64_t a, int64_t b);

#endif

/* city_internal: the city's private layout, shared by city.c (readings) and
 * city_board.c (KPIs and events). Not for use outside the model. */
#ifndef CITYDASH_CITY_INTERNAL_H
#define CITYDASH_CITY_INTERNAL_H

#include "city.h"

#define CITY_SINES 3

/* Per-reading simulation parameters, drawn once from the seed. */
typedef struct city_sim {
	double amp[CITY_SINES], period[CITY_SINES], phase[CITY_SINES];
	double baseline_amp; /* sum of amp[] */
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

struct city {
	uint64_t seed;
	city_scale_t scale;
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

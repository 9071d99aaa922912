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

typedef struct city_street_ref {
	const city_district_def_t *district;
	const city_street_def_t *street;
} city_street_ref_t;

struct city {
	uint64_t seed;
	city_reading_t *readings;
	city_sim_t *sims;
	size_t reading_count;
	city_kpi_sim_t *kpis;
	int64_t *event_offsets; /* ticks each event's cycle is ahead at tick 0 */
};

void city_board_init(city_t *c);
void city_board_free(city_t *c);
/* Division rounding towards negative infinity (ticks may be negative). */
int64_t city_floordiv(int64_t a, int64_t b);

#endif

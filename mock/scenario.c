/* scenario: the runs of the city's scenarios (scenario.h), the terms they
 * add to readings and KPIs, and the events they raise as city_event_view_t.
 * The scenarios themselves (places, plans, effects) are in scenario_defs.c.
 *
 * Ownership: the city owns its struct city_scenarios (created and freed
 * with it). Starts take its lock; everything else reads the atomics. */
#include "scenario_internal.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

enum { SALT_SCENARIO = 401 };

void city_scenarios_init(city_t *c)
{
	struct city_scenarios *s = xcalloc(1, sizeof *s);
	pthread_mutex_init(&s->lock, NULL);
	for (size_t k = 0; k < SCENARIO_MAX; k++) {
		atomic_init(&s->runs[k], 0);
		for (size_t r = 0; r < CITY_SCENARIO_RUNS; r++)
			atomic_init(&s->start[k][r], INT64_MIN);
	}
	for (size_t k = 0; k < scenario_def_count && k < SCENARIO_MAX; k++) {
		const scenario_def_t *def = &scenario_defs[k];
		const char *street = c->scale == CITY_SCALE_CITY && def->street_city
		                         ? def->street_city
		                         : def->street;
		for (size_t d = 0; d < c->district_count; d++) {
			const city_district_def_t *dist = &c->districts[d];
			if (strcmp(dist->pinyin, def->district) != 0)
				continue;
			s->place[k].district = dist;
			for (size_t j = 0; street && j < dist->street_count; j++)
				if (strcmp(dist->streets[j].pinyin, street) == 0)
					s->place[k].street = &dist->streets[j];
		}
	}
	c->scenarios = s;
}

void city_scenarios_free(city_t *c)
{
	if (!c->scenarios)
		return;
	pthread_mutex_destroy(&c->scenarios->lock);
	free(c->scenarios);
}

size_t city_scenario_count(void)
{
	return scenario_def_count < SCENARIO_MAX ? scenario_def_count : SCENARIO_MAX;
}

const char *city_scenario_name(size_t k)
{
	return k < city_scenario_count() ? scenario_defs[k].name : NULL;
}

const char *city_scenario_title(size_t k)
{
	return k < city_scenario_count() ? scenario_defs[k].title : NULL;
}

const char *city_scenario_description(size_t k)
{
	return k < city_scenario_count() ? scenario_defs[k].description : NULL;
}

int64_t city_scenario_duration_s(size_t k)
{
	return k < city_scenario_count() ? scenario_defs[k].duration_s : 0;
}

bool city_scenario_find(const char *name, size_t *k)
{
	for (size_t i = 0; i < city_scenario_count(); i++) {
		if (strcmp(scenario_defs[i].name, name) == 0) {
			*k = i;
			return true;
		}
	}
	return false;
}

static int64_t run_start(const city_t *c, size_t k, size_t slot)
{
	return atomic_load_explicit(&c->scenarios->start[k][slot], memory_order_acquire);
}

static int64_t run_end(const city_t *c, size_t k, int64_t start)
{
	return start + city_sim_ticks(c, scenario_defs[k].duration_s);
}

bool city_scenario_start(city_t *c, size_t k, int64_t at)
{
	if (k >= city_scenario_count())
		return false;
	struct city_scenarios *s = c->scenarios;
	pthread_mutex_lock(&s->lock);
	int64_t n = atomic_load(&s->runs[k]);
	bool busy = false;
	if (n > 0) {
		int64_t last = run_start(c, k, (size_t)((n - 1) % CITY_SCENARIO_RUNS));
		busy = run_end(c, k, last) > at;
	}
	if (!busy) {
		atomic_store_explicit(&s->start[k][n % CITY_SCENARIO_RUNS], at,
		                      memory_order_release);
		atomic_store(&s->runs[k], n + 1);
	}
	pthread_mutex_unlock(&s->lock);
	return !busy;
}

void city_scenario_status_at(const city_t *c, size_t k, int64_t tick, city_scenario_status_t *out)
{
	memset(out, 0, sizeof *out);
	out->phase = CITY_SCENARIO_IDLE;
	if (k >= city_scenario_count())
		return;
	int64_t n = atomic_load(&c->scenarios->runs[k]);
	out->runs = n;
	if (n == 0)
		return;
	int64_t start = run_start(c, k, (size_t)((n - 1) % CITY_SCENARIO_RUNS));
	int64_t end = run_end(c, k, start);
	out->started_tick = start;
	out->end_tick = end;
	if (tick < start) {
		out->phase = CITY_SCENARIO_PENDING;
	} else if (tick < end) {
		out->phase = CITY_SCENARIO_RUNNING;
		out->progress = (double)(tick - start) / (double)(end - start);
	} else {
		out->phase = CITY_SCENARIO_OVER;
		out->progress = 1;
	}
}

const char *city_scenario_phase_name(city_scenario_phase_t phase)
{
	static const char *const names[] = {"idle", "pending", "running", "over"};
	return (unsigned)phase < 4 ? names[phase] : "idle";
}

/* Calls back for every run of any scenario under way at tick: its scenario
 * and the simulated seconds since it started. */
typedef double run_term_fn(const city_t *c, size_t k, size_t item, double e);

static double sum_runs(const city_t *c, size_t item, int64_t tick, run_term_fn *fn)
{
	double sum = 0;
	for (size_t k = 0; k < city_scenario_count(); k++) {
		if (atomic_load_explicit(&c->scenarios->runs[k], memory_order_relaxed) == 0)
			continue;
		for (size_t r = 0; r < CITY_SCENARIO_RUNS; r++) {
			int64_t start = run_start(c, k, r);
			if (start == INT64_MIN || tick < start || tick >= run_end(c, k, start))
				continue;
			sum += fn(c, k, item, (double)(tick - start) * c->speed);
		}
	}
	return sum;
}

static double reading_term(const city_t *c, size_t k, size_t i, double e)
{
	const scenario_def_t *def = &scenario_defs[k];
	return def->reading ? def->reading(c, &c->scenarios->place[k], i, e) : 0;
}

static double kpi_term(const city_t *c, size_t k, size_t i, double e)
{
	const scenario_def_t *def = &scenario_defs[k];
	return def->kpi ? def->kpi(c, &c->scenarios->place[k], i, e) : 0;
}

double city_scenario_reading_term(const city_t *c, size_t i, int64_t tick)
{
	return sum_runs(c, i, tick, reading_term);
}

double city_scenario_kpi_term(const city_t *c, size_t i, int64_t tick)
{
	return sum_runs(c, i, tick, kpi_term);
}

double scenario_push(const city_t *c, size_t i, double target, double weight)
{
	const city_measure_def_t *m = c->readings[i].measure;
	double a = c->sims[i].baseline_amp;
	return weight * (target < m->nominal ? target - m->nominal - a : target - m->nominal + a);
}

double scenario_spread(const city_t *c, size_t i, size_t scenario)
{
	return city_unit(city_hash(c->seed, SALT_SCENARIO, i, scenario));
}

bool scenario_near(const city_t *c, size_t i, const scenario_place_t *p)
{
	const city_reading_t *r = &c->readings[i];
	if (!p->street || r->district != p->district)
		return false;
	ptrdiff_t at = p->street - p->district->streets, here = r->street - p->district->streets;
	return here >= at - 1 && here <= at + 1;
}

bool scenario_is(const city_t *c, size_t i, const char *domain, const char *measure)
{
	const city_reading_t *r = &c->readings[i];
	return strcmp(city_domain_name(r->domain), domain) == 0 &&
	       strcmp(r->measure->measure, measure) == 0;
}

bool scenario_kpi_is(const city_t *c, size_t i, const char *id, const city_district_def_t *d)
{
	const city_kpi_item_t *it = &c->kpi_items[i];
	if (!d)
		return !it->district && strcmp(it->def.id, id) == 0;
	size_t n = strlen(id);
	return it->district == d && strncmp(it->def.id, id, n) == 0 && it->def.id[n] == '.';
}

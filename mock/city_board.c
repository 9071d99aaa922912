/* city_board: the slow side of the city, KPIs and incidents. */
#include "city.h"
#include "city_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "xalloc.h"

enum { SALT_KPI = 101, SALT_EVENT, SALT_KPI_PLACE };

#define KPI_MONTH_TICKS    150 /* ticks between two history points */
#define KPI_REFRESH_TICKS  30  /* ticks a KPI's value holds between refreshes */
#define EVENT_SENSED_TICKS 10
#define EVENT_CLOSED_TICKS 90

static const double two_pi = 6.283185307179586;

static int64_t event_cycle_ticks(const city_event_def_t *e)
{
	return EVENT_SENSED_TICKS + (int64_t)e->steps * e->step_ticks + EVENT_CLOSED_TICKS;
}

/* KPI i past the city-wide ones: template j % T in district (j / T) % D;
 * after one round of every district, the next rounds go to streets. The
 * centre moves from the template's by up to a swing either way, per place. */
static void kpi_place(city_t *c, size_t i, size_t j, city_kpi_item_t *it)
{
	size_t nt = city_kpi_district_template_total, nd = c->district_count;
	const city_kpi_def_t *tpl = &city_kpi_district_templates[j % nt];
	const city_district_def_t *d = &c->districts[(j / nt) % nd];
	size_t round = j / (nt * nd);
	it->def = *tpl;
	it->district = d;
	it->def.value += tpl->swing * (2 * city_unit(city_hash(c->seed, SALT_KPI_PLACE, i, 0)) - 1);
	if (round == 0) {
		it->def.id = city_keep(c, xasprintf("%s.%s", tpl->id, d->pinyin));
		it->def.name = city_keep(c, xasprintf("%s·%s", d->name, tpl->name));
		return;
	}
	size_t s = (round - 1) % d->street_count, lap = (round - 1) / d->street_count;
	it->street = &d->streets[s];
	char lapbuf[24] = "";
	if (lap)
		snprintf(lapbuf, sizeof lapbuf, ".%zu", lap);
	it->def.id =
	    city_keep(c, xasprintf("%s.%s.%s%s", tpl->id, d->pinyin, it->street->pinyin, lapbuf));
	it->def.name = city_keep(c, xasprintf("%s·%s", it->street->name, tpl->name));
}

static void kpis_build(city_t *c, const city_config_t *cfg)
{
	bool city = c->scale == CITY_SCALE_CITY;
	const city_kpi_def_t *wide = city ? city_kpis_city : city_kpis;
	size_t nwide = city ? city_kpi_city_total : city_kpi_total;
	size_t n = cfg->kpis ? cfg->kpis
	           : city    ? nwide + city_kpi_district_template_total * c->district_count
	                     : nwide;
	c->kpi_items = xcalloc(n, sizeof *c->kpi_items);
	c->kpi_count = n;
	for (size_t i = 0; i < n; i++) {
		if (i < nwide)
			c->kpi_items[i].def = wide[i];
		else
			kpi_place(c, i, i - nwide, &c->kpi_items[i]);
	}
}

void city_board_init(city_t *c, const city_config_t *cfg)
{
	kpis_build(c, cfg);
	c->kpis = xcalloc(c->kpi_count, sizeof(*c->kpis));
	for (size_t i = 0; i < c->kpi_count; i++) {
		uint64_t h = city_hash(c->seed, SALT_KPI, i, 0);
		c->kpis[i].period = 600 + (double)(h % 1200);
		c->kpis[i].phase = two_pi * (double)((h >> 20) % 1000) / 1000.0;
	}
	/* Event i starts i/n of the way through its cycle (plus a little seeded
	 * jitter), so that at any time the incidents sit in different stages. */
	c->event_offsets = xcalloc(city_event_total, sizeof(*c->event_offsets));
	for (size_t i = 0; i < city_event_total; i++) {
		int64_t len = event_cycle_ticks(&city_events[i]);
		int64_t jitter = (int64_t)(city_hash(c->seed, SALT_EVENT, i, 0) % 10);
		c->event_offsets[i] = len * (int64_t)i / (int64_t)city_event_total + jitter;
	}
	city_events_init(c);
}

void city_board_free(city_t *c)
{
	free(c->kpis);
	free(c->kpi_items);
	free(c->event_offsets);
	city_events_free(c);
}

size_t city_kpi_count(const city_t *c)
{
	return c->kpi_count;
}

const city_kpi_def_t *city_kpi(const city_t *c, size_t i)
{
	return i < c->kpi_count ? &c->kpi_items[i].def : NULL;
}

void city_kpi_place(const city_t *c, size_t i, const char **district, const char **street)
{
	const city_kpi_item_t *it = i < c->kpi_count ? &c->kpi_items[i] : NULL;
	*district = it && it->district ? it->district->name : NULL;
	*street = it && it->street ? it->street->name : NULL;
}

/* The tick at which KPI i was last recomputed, at or before t: a KPI is a
 * statistic its owner publishes now and then, not a sensor, so it holds
 * between refreshes (and a report-by-exception feed sends it only then).
 * Refreshes are staggered, so about 1/KPI_REFRESH_TICKS of them change at
 * each tick. */
static int64_t kpi_refreshed(const city_t *c, size_t i, int64_t t)
{
	int64_t off = (int64_t)(city_hash(c->seed, SALT_KPI, i, 1) % KPI_REFRESH_TICKS);
	return city_floordiv(t + off, KPI_REFRESH_TICKS) * KPI_REFRESH_TICKS - off;
}

double city_kpi_value_at(const city_t *c, size_t i, int64_t t)
{
	const city_kpi_def_t *k = &c->kpi_items[i].def;
	const city_kpi_sim_t *s = &c->kpis[i];
	t = kpi_refreshed(c, i, t);
	double x = two_pi * (double)t / s->period + s->phase;
	return k->value + k->swing * (0.8 * sin(x) + 0.2 * sin(3.1 * x + 1.0)) +
	       city_scenario_kpi_term(c, i, t);
}

void city_kpi_history_at(const city_t *c, size_t i, int64_t t, double *out)
{
	const city_kpi_def_t *k = &c->kpi_items[i].def;
	t = kpi_refreshed(c, i, t);
	for (int j = 0; j < CITY_KPI_HISTORY; j++) {
		int back = CITY_KPI_HISTORY - 1 - j;
		out[j] =
		    city_kpi_value_at(c, i, t - (int64_t)back * KPI_MONTH_TICKS) - k->trend * back;
	}
}

size_t city_event_count(const city_t *c)
{
	return city_event_total;
}

const city_event_def_t *city_event(const city_t *c, size_t i)
{
	return i < city_event_total ? &city_events[i] : NULL;
}

static size_t dept_count(const city_event_def_t *e)
{
	size_t n = 0;
	while (n < CITY_EVENT_MAX_DEPTS && e->departments[n])
		n++;
	return n;
}

static city_stage_t stage_for(unsigned done, unsigned total, bool started)
{
	if (!started)
		return CITY_STAGE_SENSED;
	if (done >= total)
		return CITY_STAGE_CLOSED;
	if (10 * done < 7 * total)
		return CITY_STAGE_HANDLING;
	if (10 * done < 9 * total)
		return CITY_STAGE_EVALUATING;
	return CITY_STAGE_REVIEWING;
}

/* The plan is split evenly among the departments, in order: each is active
 * while its share of steps is under way and done after it. */
static void depts_at(city_event_state_t *st)
{
	size_t n = st->dept_count;
	for (size_t j = 0; j < n; j++) {
		unsigned from = (unsigned)(j * st->total / n);
		unsigned to = (unsigned)((j + 1) * st->total / n);
		if (st->stage == CITY_STAGE_SENSED)
			st->depts[j] = CITY_DEPT_PENDING;
		else if (st->done >= to)
			st->depts[j] = CITY_DEPT_DONE;
		else if (st->done >= from)
			st->depts[j] = CITY_DEPT_ACTIVE;
		else
			st->depts[j] = CITY_DEPT_PENDING;
	}
}

void city_event_at(const city_t *c, size_t i, int64_t t, city_event_state_t *out)
{
	const city_event_def_t *e = &city_events[i];
	int64_t len = event_cycle_ticks(e);
	int64_t u = t + c->event_offsets[i];
	int64_t cycle = city_floordiv(u, len);
	int64_t x = u - cycle * len;
	int64_t active = x - EVENT_SENSED_TICKS;
	unsigned done = 0;
	if (active >= 0)
		done = active / e->step_ticks >= e->steps ? e->steps
		                                          : (unsigned)(active / e->step_ticks);
	out->cycle = cycle;
	out->opened_tick = t - x;
	out->updated_tick =
	    active < 0 ? out->opened_tick
	               : out->opened_tick + EVENT_SENSED_TICKS + (int64_t)done * e->step_ticks;
	out->done = done;
	out->total = e->steps;
	out->stage = stage_for(done, e->steps, active >= 0);
	out->dept_count = dept_count(e);
	depts_at(out);
}

const char *city_stage_name(city_stage_t stage)
{
	static const char *const names[] = {"sensed", "handling", "evaluating", "reviewing",
	                                    "closed"};
	return (unsigned)stage < 5 ? names[stage] : "sensed";
}

const char *city_dept_state_name(city_dept_state_t state)
{
	static const char *const names[] = {"pending", "active", "done"};
	return (unsigned)state < 3 ? names[state] : "pending";
}

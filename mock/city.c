#include "city.h"
#include "city_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Salts keep the hash streams of different uses independent. */
enum {
	SALT_PARAMS = 1,
	SALT_RANDOM_EXC,
	SALT_FORCED_EXC,
	SALT_FLAKY,
	SALT_OFFLINE,
	SALT_DODGY,
	SALT_UNCERTAIN,
};

/* Forced excursions: FORCED_STREAMS staggered streams each pick one reading
 * per window and drive it past a limit, so that with default settings a few
 * alarms are always showing. The plateau (80 ticks) is longer than the
 * stagger (30), so at least two streams are past their limit at any tick. */
#define FORCED_STREAMS 4
#define FORCED_WINDOW  120
#define FORCED_START   5
#define FORCED_RAMP    12
#define FORCED_PLATEAU 80

#define RANDOM_PERCENT   10 /* chance that a reading's window has an excursion */
#define OFFLINE_WINDOW   100
#define UNCERTAIN_WINDOW 60

static const double two_pi = 6.283185307179586;

uint64_t city_hash(uint64_t seed, uint64_t a, uint64_t b, uint64_t c)
{
	/* splitmix64 finaliser applied to each input in turn */
	uint64_t x = seed;
	uint64_t in[3] = {a, b, c};
	for (int k = 0; k < 4; k++) {
		x += 0x9e3779b97f4a7c15ULL + (k < 3 ? in[k] * 0xd1b54a32d192ed03ULL : 0);
		x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
		x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
		x ^= x >> 31;
	}
	return x;
}

double city_unit(uint64_t h)
{
	return (double)(h >> 11) * (1.0 / 9007199254740992.0);
}

static double uniform(uint64_t h, double lo, double hi)
{
	return lo + (hi - lo) * city_unit(h);
}

int64_t city_floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static size_t gcd(size_t a, size_t b)
{
	while (b) {
		size_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* Baseline swing: well inside the normal band, so only excursions alarm. */
static double baseline_amplitude(const city_measure_def_t *m)
{
	double room = m->max - m->min;
	if (m->has_hi)
		room = fmin(room, m->hi - m->nominal);
	if (m->has_lo)
		room = fmin(room, m->nominal - m->lo);
	double amp = 0.45 * room;
	if (!m->has_lo && m->nominal > m->min)
		amp = fmin(amp, 0.9 * (m->nominal - m->min));
	return amp;
}

/* How the normal swing is shared: a measure with a day profile gives most
 * of it to the day; the fast sines keep enough for the screen to move. */
static void sim_shares(const city_measure_def_t *m, double *day, double *fast, double *district,
                       double *drift)
{
	bool has_day = m->diurnal != CITY_DIURNAL_NONE;
	*day = has_day ? 0.55 : 0;
	*fast = has_day ? 0.25 : 0.75;
	*district = has_day ? 0.10 : 0.13;
	*drift = has_day ? 0.10 : 0.12;
}

static void sim_init(city_sim_t *s, uint64_t seed, size_t i, const city_measure_def_t *m)
{
	static const double share[CITY_SINES] = {0.5, 0.3, 0.2};
	static const double pmin[CITY_SINES] = {150, 40, 7};
	static const double pmax[CITY_SINES] = {400, 120, 15};
	double amp = baseline_amplitude(m), day, fast, district, drift;
	sim_shares(m, &day, &fast, &district, &drift);
	for (int k = 0; k < CITY_SINES; k++) {
		s->amp[k] = amp * fast * share[k];
		/* The quickest sine is the flicker of a live instrument: kept under
		 * the deadband, so a feed that reports by exception sends a reading
		 * when it really moves, not at every tick. */
		if (k == CITY_SINES - 1)
			s->amp[k] = fmin(s->amp[k], 0.3 * m->deadband);
		s->period[k] =
		    uniform(city_hash(seed, SALT_PARAMS, i, 2 * (uint64_t)k), pmin[k], pmax[k]);
		s->phase[k] =
		    two_pi * city_unit(city_hash(seed, SALT_PARAMS, i, 2 * (uint64_t)k + 1));
	}
	s->baseline_amp = amp;
	s->diurnal_amp = amp * day;
	s->district_amp = amp * district;
	s->drift_amp = amp * drift;
	s->window = 90 + (int64_t)(city_hash(seed, SALT_PARAMS, i, 100) % 150);
	s->dodgy = city_hash(seed, SALT_DODGY, i, 0) % 20 == 0;
	s->flaky = false;
}

static char *reading_id(const city_domain_def_t *d, const city_district_def_t *dist,
                        const city_street_def_t *st, const city_measure_def_t *m, unsigned number)
{
	return xasprintf("%s.%s.%s.%s%02u.%s", d->name, dist->pinyin, st->pinyin, m->asset, number,
	                 m->measure);
}

/* Readings of domain d: reading j sits on street (j * stride + d) mod S (a
 * bijection per block of S when stride is coprime with S), its k = j / S'th
 * asset there; the asset number keeps ids unique for any count. */
static void domain_generate(city_t *c, size_t d, const city_domain_def_t *def, size_t count,
                            const city_street_ref_t *streets, size_t nst)
{
	size_t stride = def->stride ? def->stride : 1;
	while (gcd(stride, nst) != 1)
		stride++;
	for (size_t j = 0; j < count; j++) {
		size_t s = (j * stride + d) % nst, k = j / nst;
		const city_measure_def_t *m = &def->measures[(s + k) % def->measure_count];
		const city_street_ref_t *ref = &streets[s];
		unsigned number = (unsigned)(k * 10 + 1 + (s * 7) % 9);
		size_t i = c->reading_count++;
		city_reading_t *r = &c->readings[i];
		r->id = reading_id(def, ref->district, ref->street, m, number);
		r->name = xasprintf("%s%u%s%s", ref->street->shortname, number, m->asset_name,
		                    m->measure_name);
		r->domain = d;
		r->district = ref->district;
		r->street = ref->street;
		r->measure = m;
		sim_init(&c->sims[i], c->seed, i, m);
		c->sims[i].district = (size_t)(ref->district - c->districts);
	}
}

city_t *city_create(uint64_t seed)
{
	city_config_t cfg = {.scale = CITY_SCALE_DEMO};
	return city_create_config(seed, &cfg);
}

city_t *city_create_config(uint64_t seed, const city_config_t *cfg)
{
	city_t *c = xcalloc(1, sizeof(*c));
	c->seed = seed;
	c->scale = cfg->scale == CITY_SCALE_CITY ? CITY_SCALE_CITY : CITY_SCALE_DEMO;
	city_places_build(c);
	city_time_init(c, cfg);
	size_t nst = 0;
	city_street_ref_t *streets = xcalloc(c->street_count, sizeof(*streets));
	for (size_t d = 0; d < c->district_count; d++) {
		for (size_t s = 0; s < c->districts[d].street_count; s++) {
			streets[nst].district = &c->districts[d];
			streets[nst++].street = &c->districts[d].streets[s];
		}
	}
	const city_domain_def_t *domains =
	    c->scale == CITY_SCALE_CITY ? city_domains_city : city_domains;
	uint64_t own = 0, cum = 0;
	for (size_t d = 0; d < city_domain_total; d++)
		own += domains[d].count;
	uint64_t total = cfg->readings ? cfg->readings : own;
	c->readings = xcalloc(total, sizeof(*c->readings));
	c->sims = xcalloc(total, sizeof(*c->sims));
	/* Another count is shared out in the scale's proportions: domain d gets
	 * floor(total * cum_d / own) - floor(total * cum_{d-1} / own), exact in sum. */
	for (size_t d = 0; d < city_domain_total; d++) {
		uint64_t from = total * cum / own;
		cum += domains[d].count;
		domain_generate(c, d, &domains[d], (size_t)(total * cum / own - from), streets,
		                nst);
	}
	free(streets);
	/* Two instruments that go offline now and then (null value, bad). */
	for (uint64_t k = 0; k < 2 && c->reading_count > 2; k++) {
		size_t i = city_hash(seed, SALT_FLAKY, k, 0) % c->reading_count;
		while (c->sims[i].flaky)
			i = (i + 1) % c->reading_count;
		c->sims[i].flaky = true;
	}
	city_board_init(c, cfg);
	city_scenarios_init(c);
	return c;
}

void city_destroy(city_t *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->reading_count; i++) {
		free(c->readings[i].id);
		free(c->readings[i].name);
	}
	free(c->readings);
	free(c->sims);
	free(c->district_sims);
	free(c->day_table);
	city_scenarios_free(c);
	city_board_free(c);
	city_places_free(c);
	free(c);
}

uint64_t city_seed(const city_t *c)
{
	return c->seed;
}

size_t city_domain_count(void)
{
	return city_domain_total;
}

const char *city_domain_name(size_t domain)
{
	return domain < city_domain_total ? city_domains[domain].name : NULL;
}

size_t city_district_count(void)
{
	return city_district_total;
}

size_t city_reading_count(const city_t *c)
{
	return c->reading_count;
}

const city_reading_t *city_reading(const city_t *c, size_t i)
{
	return i < c->reading_count ? &c->readings[i] : NULL;
}

/* 0 outside [start, start + 2 ramp + plateau), 1 on the plateau, and a
 * smoothstep on the ramps, so the value never jumps. */
static double bump_shape(int64_t x, int64_t start, int64_t ramp, int64_t plateau)
{
	if (x < start || x >= start + 2 * ramp + plateau)
		return 0;
	double u;
	if (x < start + ramp)
		u = (double)(x - start) / (double)ramp;
	else if (x < start + ramp + plateau)
		return 1;
	else
		u = (double)(start + 2 * ramp + plateau - x) / (double)ramp;
	return u * u * (3 - 2 * u);
}

/* The height of an excursion chosen by h: past hi (or lo) and sometimes past
 * hihi (lolo), with the baseline swing added so the plateau always crosses. */
static double excursion_height(const city_measure_def_t *m, const city_sim_t *s, uint64_t h)
{
	bool up = m->has_hi && (!m->has_lo || h % 10 < 7);
	bool severe = (h >> 8) % 10 < 3;
	if (up) {
		double gap = m->hihi - m->hi;
		double target = severe ? m->hihi + 0.3 * gap : m->hi + 0.5 * gap;
		return target - m->nominal + s->baseline_amp;
	}
	double gap = m->lo - m->lolo;
	double target = severe ? m->lolo - 0.3 * gap : m->lo - 0.5 * gap;
	return target - m->nominal - s->baseline_amp;
}

static double excursion(const city_t *c, size_t i, int64_t t)
{
	const city_measure_def_t *m = c->readings[i].measure;
	const city_sim_t *s = &c->sims[i];
	double sum = 0;
	for (int64_t k = 0; k < FORCED_STREAMS; k++) {
		int64_t off = k * FORCED_WINDOW / FORCED_STREAMS;
		int64_t w = city_floordiv(t - off, FORCED_WINDOW);
		uint64_t h = city_hash(c->seed, SALT_FORCED_EXC, (uint64_t)w, (uint64_t)k);
		if (h % c->reading_count != i)
			continue;
		double shape = bump_shape(t - off - w * FORCED_WINDOW, FORCED_START, FORCED_RAMP,
		                          FORCED_PLATEAU);
		sum += shape * excursion_height(m, s, h >> 16);
	}
	int64_t w = city_floordiv(t, s->window);
	uint64_t h = city_hash(c->seed, SALT_RANDOM_EXC, i, (uint64_t)w);
	if (h % 100 < RANDOM_PERCENT) {
		int64_t ramp = 12 + (int64_t)((h >> 8) % 10);
		int64_t plateau = 5 + (int64_t)((h >> 16) % 35);
		int64_t room = s->window - 2 * ramp - plateau;
		int64_t start = room > 0 ? (int64_t)((h >> 24) % (uint64_t)room) : 0;
		double shape = bump_shape(t - w * s->window, start, ramp, plateau);
		sum += shape * excursion_height(m, s, h >> 32);
	}
	return sum;
}

static bool offline_at(const city_t *c, size_t i, int64_t t)
{
	if (!c->sims[i].flaky)
		return false;
	int64_t w = city_floordiv(t, OFFLINE_WINDOW);
	uint64_t h = city_hash(c->seed, SALT_OFFLINE, i, (uint64_t)w);
	int64_t x = t - w * OFFLINE_WINDOW;
	int64_t start = (int64_t)((h >> 8) % 50), len = 15 + (int64_t)((h >> 16) % 30);
	return h % 3 == 0 && x >= start && x < start + len;
}

/* Whether one of the forced streams drives reading i at t. */
bool city_reading_forced(const city_t *c, size_t i, int64_t t)
{
	for (int64_t k = 0; k < FORCED_STREAMS; k++) {
		int64_t off = k * FORCED_WINDOW / FORCED_STREAMS;
		int64_t w = city_floordiv(t - off, FORCED_WINDOW);
		uint64_t h = city_hash(c->seed, SALT_FORCED_EXC, (uint64_t)w, (uint64_t)k);
		if (h % c->reading_count == i &&
		    bump_shape(t - off - w * FORCED_WINDOW, FORCED_START, FORCED_RAMP,
		               FORCED_PLATEAU) > 0)
			return true;
	}
	return false;
}

double city_reading_raw(const city_t *c, size_t i, int64_t t)
{
	const city_measure_def_t *m = c->readings[i].measure;
	const city_sim_t *s = &c->sims[i];
	double v = m->nominal;
	for (int k = 0; k < CITY_SINES; k++)
		v += s->amp[k] * sin(two_pi * (double)t / s->period[k] + s->phase[k]);
	if (s->diurnal_amp > 0)
		v += s->diurnal_amp * city_day_at(c, m->diurnal, city_sim_hour(c, t));
	v += s->district_amp * city_district_noise(c, s->district, t);
	v += s->drift_amp * city_drift(c, i, t);
	v += excursion(c, i, t);
	v += city_scenario_reading_term(c, i, t);
	return v;
}

bool city_reading_value_at(const city_t *c, size_t i, int64_t t, double *value)
{
	if (i >= c->reading_count || offline_at(c, i, t))
		return false;
	const city_measure_def_t *m = c->readings[i].measure;
	int64_t since = t;
	switch (city_reading_fault_at(c, i, t)) {
	case CITY_FAULT_DROPOUT:
		return false;
	case CITY_FAULT_STUCK:
		since = city_reading_fault_since(c, i, t);
		break;
	case CITY_FAULT_NONE:
	case CITY_FAULT_BAD:
		break;
	}
	*value = fmin(m->max, fmax(m->min, city_reading_raw(c, i, since)));
	return true;
}

city_quality_t city_reading_quality_at(const city_t *c, size_t i, int64_t t)
{
	if (i >= c->reading_count || offline_at(c, i, t))
		return CITY_QUALITY_BAD;
	city_fault_t f = city_reading_fault_at(c, i, t);
	if (f == CITY_FAULT_DROPOUT || f == CITY_FAULT_BAD)
		return CITY_QUALITY_BAD;
	if (c->sims[i].dodgy) {
		int64_t w = city_floordiv(t, UNCERTAIN_WINDOW);
		if (city_hash(c->seed, SALT_UNCERTAIN, i, (uint64_t)w) % 3 == 0)
			return CITY_QUALITY_UNCERTAIN;
	}
	return CITY_QUALITY_GOOD;
}

const char *city_quality_name(city_quality_t q)
{
	static const char *const names[] = {"good", "uncertain", "bad"};
	return (unsigned)q < 3 ? names[q] : "bad";
}

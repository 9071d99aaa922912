/* city_time: the city's clock and the slow movements that follow it.
 *
 * A tick stands for `speed` simulated seconds (city_config_t). From the
 * simulated local time of day (Asia/Shanghai, UTC+8) come the day profiles
 * of the measures (city_diurnal_t); each district has a noise its readings
 * share, moving per tick; each reading drifts slowly on simulated time.
 * Everything here is a pure function of (seed, config, item, tick). */
#include "city.h"
#include "city_internal.h"

#include <math.h>
#include <stdlib.h>

#include "xalloc.h"

enum { SALT_DISTRICT = 201, SALT_DRIFT };

#define LOCAL_OFFSET_S (8 * 3600) /* Asia/Shanghai has no summer time */
#define DAY_S          86400
#define DRIFT_KNOT_S   7200.0 /* a drift changes direction every two simulated hours */

static const double two_pi = 6.283185307179586;

void city_time_init(city_t *c, const city_config_t *cfg)
{
	c->speed = cfg->speed > 0 ? cfg->speed : 1;
	c->start_ms = cfg->start_ms;
	c->day_table = xcalloc(1, sizeof *c->day_table);
	for (size_t p = 0; p < CITY_DIURNAL_PROFILES; p++)
		for (size_t k = 0; k <= CITY_DAY_STEPS; k++)
			(*c->day_table)[p][k] =
			    city_diurnal((city_diurnal_t)p, 24.0 * (double)k / CITY_DAY_STEPS);
	c->district_sims = xcalloc(c->district_count, sizeof *c->district_sims);
	for (size_t d = 0; d < c->district_count; d++) {
		city_district_sim_t *s = &c->district_sims[d];
		s->period[0] = 60 + 180 * city_unit(city_hash(c->seed, SALT_DISTRICT, d, 0));
		s->period[1] = 20 + 40 * city_unit(city_hash(c->seed, SALT_DISTRICT, d, 1));
		s->phase[0] = two_pi * city_unit(city_hash(c->seed, SALT_DISTRICT, d, 2));
		s->phase[1] = two_pi * city_unit(city_hash(c->seed, SALT_DISTRICT, d, 3));
	}
}

double city_speed(const city_t *c)
{
	return c->speed;
}

int64_t city_sim_seconds(const city_t *c, int64_t tick)
{
	return (int64_t)floor((double)tick * c->speed);
}

int64_t city_sim_ticks(const city_t *c, int64_t seconds)
{
	if (seconds <= 0)
		return 0;
	int64_t t = (int64_t)ceil((double)seconds / c->speed);
	/* Rounding must not leave the answer a tick short of covering it. */
	while (city_sim_seconds(c, t) < seconds)
		t++;
	return t > 0 ? t : 1;
}

int64_t city_sim_wall_ms(const city_t *c, int64_t tick)
{
	return c->start_ms + (int64_t)llround((double)tick * c->speed * 1000.0);
}

double city_sim_hour(const city_t *c, int64_t tick)
{
	double s = (double)c->start_ms / 1000.0 + (double)tick * c->speed + LOCAL_OFFSET_S;
	double in_day = fmod(s, DAY_S);
	if (in_day < 0)
		in_day += DAY_S;
	return in_day / 3600.0;
}

/* A bump of height 1 centred on hour `at`, `width` hours wide, wrapping
 * around midnight. */
static double bump(double hour, double at, double width)
{
	double d = fmod(hour - at + 36.0, 24.0) - 12.0;
	return exp(-0.5 * (d / width) * (d / width));
}

static double to_signed(double raw)
{
	return 2 * fmin(1, fmax(0, raw)) - 1;
}

/* Shapes of a city day, each in [-1, 1]: night lows about -0.7 to -1. */
double city_diurnal(city_diurnal_t profile, double hour)
{
	switch (profile) {
	case CITY_DIURNAL_NONE:
		return 0;
	case CITY_DIURNAL_DEMAND:
		return to_signed(0.12 + 0.70 * bump(hour, 7.5, 1.4) + 0.88 * bump(hour, 19.5, 1.8) +
		                 0.38 * bump(hour, 13, 2.8));
	case CITY_DIURNAL_DEMAND_DIP:
		return -city_diurnal(CITY_DIURNAL_DEMAND, hour);
	case CITY_DIURNAL_TRAFFIC:
		return to_signed(0.05 + 0.90 * bump(hour, 8, 1.1) + 0.95 * bump(hour, 18, 1.4) +
		                 0.45 * bump(hour, 13, 3));
	case CITY_DIURNAL_TRAFFIC_DIP:
		return -city_diurnal(CITY_DIURNAL_TRAFFIC, hour);
	case CITY_DIURNAL_TELECOM:
		return to_signed(0.10 + 0.35 * bump(hour, 9.5, 2) + 0.50 * bump(hour, 14, 3.5) +
		                 0.85 * bump(hour, 21.5, 2.2));
	case CITY_DIURNAL_HEAT:
		return cos(two_pi * (hour - 15) / 24);
	case CITY_DIURNAL_LOAD_HEAT: /* the oil takes about an hour to follow the load */
		return city_diurnal(CITY_DIURNAL_DEMAND, fmod(hour + 23, 24));
	}
	return 0;
}

double city_day_at(const city_t *c, city_diurnal_t profile, double hour)
{
	if ((unsigned)profile >= CITY_DIURNAL_PROFILES)
		return 0;
	double x = fmin(fmax(hour, 0), 24) / 24.0 * CITY_DAY_STEPS;
	size_t k = (size_t)x;
	if (k >= CITY_DAY_STEPS)
		k = CITY_DAY_STEPS - 1;
	const double *row = (*c->day_table)[profile];
	return row[k] + (row[k + 1] - row[k]) * (x - (double)k);
}

double city_district_noise(const city_t *c, size_t district, int64_t tick)
{
	const city_district_sim_t *s = &c->district_sims[district];
	double t = (double)tick;
	return 0.65 * sin(two_pi * t / s->period[0] + s->phase[0]) +
	       0.35 * sin(two_pi * t / s->period[1] + s->phase[1]);
}

/* Value noise on simulated time: a seeded level at every knot, eased from
 * one to the next, so the drift never jumps. */
double city_drift(const city_t *c, size_t i, int64_t tick)
{
	double x = (double)tick * c->speed / DRIFT_KNOT_S;
	double k = floor(x);
	int64_t knot = (int64_t)k;
	double a = 2 * city_unit(city_hash(c->seed, SALT_DRIFT, i, (uint64_t)knot)) - 1;
	double b = 2 * city_unit(city_hash(c->seed, SALT_DRIFT, i, (uint64_t)(knot + 1))) - 1;
	double f = x - k;
	f = f * f * (3 - 2 * f);
	return a + (b - a) * f;
}

double city_smoothstep(double x, double a, double b)
{
	if (x <= a)
		return 0;
	if (x >= b)
		return 1;
	double u = (x - a) / (b - a);
	return u * u * (3 - 2 * u);
}

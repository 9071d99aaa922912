/* city_names: the constant tables the simulated city is generated from.
 *
 * Places, asset kinds per domain, KPI and event templates. Everything here is
 * static data; city.c turns it into readings by combining asset kinds with
 * streets, so the number of readings is a parameter (city_domain_spec.count),
 * never a hand-written list. Chinese labels are data served over the wire,
 * not UI text, so they are not marked for translation. */
#ifndef CITYDASH_CITY_NAMES_H
#define CITYDASH_CITY_NAMES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct city_street_def {
	const char *pinyin;    /* ASCII, used in ids */
	const char *name;      /* full name, e.g. "观音桥街道" */
	const char *shortname; /* used in reading names, e.g. "观音桥" */
} city_street_def_t;

typedef struct city_district_def {
	const char *pinyin;
	const char *name; /* e.g. "江北区" */
	const city_street_def_t *streets;
	size_t street_count;
} city_district_def_t;

/* The shape of a measure's day, by simulated local time (city_time.c):
 * DEMAND peaks in the morning and more in the evening (water and power
 * demand, flows, loads, currents); *_DIP is the same shape downwards
 * (pressures and voltages sag when demand peaks); TRAFFIC follows the commute
 * (tunnel CO, traffic, bridge loading); TELECOM rises through the day to a
 * late-evening peak; HEAT follows the ambient temperature (afternoon high);
 * LOAD_HEAT follows demand an hour late (transformer temperatures). */
typedef enum city_diurnal {
	CITY_DIURNAL_NONE,
	CITY_DIURNAL_DEMAND,
	CITY_DIURNAL_DEMAND_DIP,
	CITY_DIURNAL_TRAFFIC,
	CITY_DIURNAL_TRAFFIC_DIP,
	CITY_DIURNAL_TELECOM,
	CITY_DIURNAL_HEAT,
	CITY_DIURNAL_LOAD_HEAT,
} city_diurnal_t;

/* One measured quantity of one asset kind. Limits are absolute values; a
 * measure has the low pair, the high pair or both; it alarms only on the
 * sides it has. */
typedef struct city_measure_def {
	const char *asset;        /* ASCII asset prefix in ids, e.g. "pump" */
	const char *asset_name;   /* e.g. "号泵站" (follows the number) */
	const char *measure;      /* ASCII, e.g. "outlet_pressure" */
	const char *measure_name; /* e.g. "出口压力" */
	const char *unit;
	double min, max; /* gauge range */
	double lolo, lo, hi, hihi;
	bool has_lo, has_hi; /* which pairs of limits exist */
	double nominal;      /* centre of normal operation */
	double deadband;
	int decimals; /* digits after the point on the wire */
	/* How the time of day moves it (city_time.c): demand, traffic, heat. */
	city_diurnal_t diurnal;
} city_measure_def_t;

typedef struct city_domain_def {
	const char *name; /* "water", ... */
	const city_measure_def_t *measures;
	size_t measure_count;
	size_t count;  /* readings of this domain at the scale's own size */
	size_t stride; /* step through the street list, coprime with it */
} city_domain_def_t;

/* A KPI's membership in one of the five composite indices beyond its first. */
typedef struct city_kpi_membership {
	const char *index;
	double weight;
} city_kpi_membership_t;

#define CITY_KPI_MORE_INDICES 2

typedef struct city_kpi_def {
	const char *id, *name, *category, *unit;
	double value; /* long-run centre */
	double swing; /* slow movement around it */
	double trend; /* change per history step (older values differ) */
	double target;
	bool lower_better;
	const char *index; /* first membership (sent as index/weight too) */
	double weight;
	int decimals;
	city_kpi_membership_t more[CITY_KPI_MORE_INDICES]; /* index NULL: none */
} city_kpi_def_t;

typedef struct city_event_def {
	const char *type, *title, *severity, *level;
	size_t district, street; /* indices into the district table */
	const char *departments[5];
	unsigned steps;      /* total steps of the response plan */
	unsigned step_ticks; /* ticks per step */
	const char *type_name, *category, *subcategory; /* as in the city's catalogue */
} city_event_def_t;

extern const city_district_def_t city_districts[];
extern const size_t city_district_total;
extern const city_domain_def_t city_domains[];
extern const size_t city_domain_total;
extern const city_kpi_def_t city_kpis[];
extern const size_t city_kpi_total;
extern const city_event_def_t city_events[];
extern const size_t city_event_total;

/* City scale (city_names_city.c). A district there has its real streets
 * (some, or none) and is filled up to street_target with plausible ones built
 * from common place-name stems. */
typedef struct city_district_seed {
	const char *pinyin, *name;
	bool central; /* the "9+2" of the main urban area */
	const city_street_def_t *streets;
	size_t street_count;
	size_t street_target;
} city_district_seed_t;

typedef struct city_stem {
	const char *pinyin, *name;
} city_stem_t;

extern const city_district_seed_t city_district_seeds[];
extern const size_t city_district_seed_total;
extern const city_stem_t city_stems[];
extern const size_t city_stem_total;
/* Same domains as city_domains, with more kinds of equipment per domain and
 * the counts of the real city (4,476 readings). */
extern const city_domain_def_t city_domains_city[];
/* City-wide KPIs of the city scale, and the templates of district KPIs (one
 * per district and template, 880 of them, for 911 in all). */
extern const city_kpi_def_t city_kpis_city[];
extern const size_t city_kpi_city_total;
extern const city_kpi_def_t city_kpi_district_templates[];
extern const size_t city_kpi_district_template_total;

#endif

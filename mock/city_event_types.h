/* city_event_types: the catalogue of event types of the city scale, in the
 * category -> subcategory -> type hierarchy of Chinese digital city
 * management (数字城管: 部件 and 事件) and of the city-operation domains.
 *
 * The static tables (city_event_catalogue.c) describe groups of types: a
 * subcategory, its kinds of object and the problems each can have; a type is
 * one object with one problem ("上水井盖" + "丢失"), so the catalogue reads as
 * real case types without a hand-written row per type. The catalogue is
 * built once per city from those tables (names joined, plans laid out) and
 * owned by it; nothing in it depends on the seed. Model only: no JSON. */
#ifndef CITYDASH_CITY_EVENT_TYPES_H
#define CITYDASH_CITY_EVENT_TYPES_H

#include <stddef.h>
#include <stdint.h>

#include "city_event.h"

#define CITY_EVENT_PLAN_MAX 12 /* steps of one type's response plan */

typedef struct city_named {
	const char *token, *name; /* ASCII token for ids; Chinese name */
} city_named_t;

typedef struct city_plan_step_def {
	const char *name, *department;
} city_plan_step_def_t;

/* One problem an object of a group can have. */
typedef struct city_problem_def {
	const char *token, *name;
	city_severity_t severity; /* default severity of the type */
	unsigned deadline_min;    /* time allowed for the whole response */
	double rate;              /* relative frequency, times the group's */
} city_problem_def_t;

/* A subcategory and the types it holds (objects x problems). */
typedef struct city_type_group_def {
	const char *category, *subcategory;
	const char *token; /* first part of the type tokens: "water" */
	city_tier_t tier;  /* tier that first receives its cases */
	const city_named_t *objects;
	size_t object_count;
	const city_problem_def_t *problems;
	size_t problem_count;
	const city_plan_step_def_t *plan; /* the handling steps, in order */
	size_t plan_len;
	double rate; /* relative frequency of each of its types */
} city_type_group_def_t;

extern const city_type_group_def_t city_type_groups[];
extern const size_t city_type_group_total;

/* One type of the built catalogue. Its plan is the group's handling steps,
 * led by two emergency steps for a critical type, and closed by the two
 * steps every case ends with: checking the result (evaluating) and the
 * centre's review (reviewing). */
typedef struct city_event_type {
	const char *token, *name, *category, *subcategory;
	city_severity_t severity;
	city_tier_t tier;
	int64_t deadline_s;
	double rate;
	size_t step_count;
	city_plan_step_def_t steps[CITY_EVENT_PLAN_MAX];
	size_t dept_count; /* the plan's departments in order of first step */
	const char *depts[CITY_EVENT_VIEW_DEPTS];
} city_event_type_t;

typedef struct city_event_catalogue {
	city_event_type_t *types;
	size_t count;
	double *cumulative; /* running sum of rate, for weighted draws */
	char **strings;     /* joined tokens and names, owned */
	size_t string_count;
} city_event_catalogue_t;

city_event_catalogue_t *city_event_catalogue_build(void);
void city_event_catalogue_free(city_event_catalogue_t *cat);
/* The type whose cumulative share covers u in [0, 1). */
const city_event_type_t *city_event_catalogue_draw(const city_event_catalogue_t *cat, double u);
/* By token, NULL if none (linear: for tests and the demo's lookups). */
const city_event_type_t *city_event_catalogue_find(const city_event_catalogue_t *cat,
                                                   const char *token);

/* The catalogue of a city (the same at every scale). */
size_t city_event_type_count(const city_t *c);
const city_event_type_t *city_event_type(const city_t *c, size_t i);

#endif

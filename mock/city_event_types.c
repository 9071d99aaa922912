/* city_event_types: builds the catalogue of event types from the group
 * tables of city_event_catalogue.c (see city_event_types.h). */
#include "city_event_types.h"

#include <stdlib.h>
#include <string.h>

#include "city_internal.h"
#include "xalloc.h"

/* Every case ends alike in the closed loop: the result is checked on the
 * spot (evaluating) and the centre reviews and closes it (reviewing). */
static const city_plan_step_def_t closing_steps[] = {{"核查处置结果", "城管"},
                                                     {"审核结案", "城运中心"}};
/* A critical case opens with the centre's emergency response. */
static const city_plan_step_def_t critical_steps[] = {{"启动应急响应", "应急"},
                                                      {"会商调度", "城运中心"}};

static char *keep(city_event_catalogue_t *cat, char *s, size_t *cap)
{
	if (cat->string_count == *cap) {
		*cap = *cap ? 2 * *cap : 1024;
		cat->strings = xreallocarray(cat->strings, *cap, sizeof *cat->strings);
	}
	cat->strings[cat->string_count++] = s;
	return s;
}

static void add_step(city_event_type_t *t, const city_plan_step_def_t *s)
{
	if (t->step_count == CITY_EVENT_PLAN_MAX)
		return;
	t->steps[t->step_count++] = *s;
	for (size_t i = 0; i < t->dept_count; i++)
		if (strcmp(t->depts[i], s->department) == 0)
			return;
	if (t->dept_count < CITY_EVENT_VIEW_DEPTS)
		t->depts[t->dept_count++] = s->department;
}

static void type_plan(city_event_type_t *t, const city_type_group_def_t *g)
{
	if (t->severity == CITY_SEVERITY_CRITICAL)
		for (size_t i = 0; i < sizeof critical_steps / sizeof *critical_steps; i++)
			add_step(t, &critical_steps[i]);
	for (size_t i = 0; i < g->plan_len; i++)
		add_step(t, &g->plan[i]);
	for (size_t i = 0; i < sizeof closing_steps / sizeof *closing_steps; i++)
		add_step(t, &closing_steps[i]);
}

city_event_catalogue_t *city_event_catalogue_build(void)
{
	city_event_catalogue_t *cat = xcalloc(1, sizeof *cat);
	size_t n = 0, cap = 0;
	for (size_t g = 0; g < city_type_group_total; g++)
		n += city_type_groups[g].object_count * city_type_groups[g].problem_count;
	cat->types = xcalloc(n, sizeof *cat->types);
	cat->cumulative = xcalloc(n, sizeof *cat->cumulative);
	double sum = 0;
	for (size_t g = 0; g < city_type_group_total; g++) {
		const city_type_group_def_t *grp = &city_type_groups[g];
		for (size_t o = 0; o < grp->object_count; o++) {
			for (size_t p = 0; p < grp->problem_count; p++) {
				const city_named_t *obj = &grp->objects[o];
				const city_problem_def_t *pr = &grp->problems[p];
				city_event_type_t *t = &cat->types[cat->count];
				t->token = keep(cat,
				                xasprintf("%s.%s_%s", grp->token, obj->token,
				                          pr->token),
				                &cap);
				t->name = keep(cat, xasprintf("%s%s", obj->name, pr->name), &cap);
				t->category = grp->category;
				t->subcategory = grp->subcategory;
				t->severity = pr->severity;
				t->tier = grp->tier;
				t->deadline_s = (int64_t)pr->deadline_min * 60;
				t->rate = grp->rate * pr->rate;
				type_plan(t, grp);
				sum += t->rate;
				cat->cumulative[cat->count++] = sum;
			}
		}
	}
	for (size_t i = 0; i < cat->count; i++)
		cat->cumulative[i] /= sum;
	return cat;
}

void city_event_catalogue_free(city_event_catalogue_t *cat)
{
	if (!cat)
		return;
	for (size_t i = 0; i < cat->string_count; i++)
		free(cat->strings[i]);
	free(cat->strings);
	free(cat->types);
	free(cat->cumulative);
	free(cat);
}

const city_event_type_t *city_event_catalogue_draw(const city_event_catalogue_t *cat, double u)
{
	size_t lo = 0, hi = cat->count - 1;
	while (lo < hi) { /* first i with cumulative[i] > u */
		size_t mid = lo + (hi - lo) / 2;
		if (cat->cumulative[mid] > u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return &cat->types[lo];
}

const city_event_type_t *city_event_catalogue_find(const city_event_catalogue_t *cat,
                                                   const char *token)
{
	for (size_t i = 0; token && i < cat->count; i++)
		if (strcmp(cat->types[i].token, token) == 0)
			return &cat->types[i];
	return NULL;
}

size_t city_event_type_count(const city_t *c)
{
	return c->event_types->count;
}

const city_event_type_t *city_event_type(const city_t *c, size_t i)
{
	return i < c->event_types->count ? &c->event_types->types[i] : NULL;
}

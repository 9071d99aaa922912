#include "scope_names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

typedef struct name_set {
	scope_name_t *names;
	size_t count, cap;
	uint32_t *slots; /* 1 + index into names; 0: free */
	size_t slot_cap; /* a power of two, at least twice count */
} name_set_t;

static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static uint32_t *set_slot(name_set_t *set, const char *name)
{
	size_t mask = set->slot_cap - 1, at = name_hash(name) & mask;
	while (set->slots[at] && strcmp(set->names[set->slots[at] - 1].name, name) != 0)
		at = (at + 1) & mask;
	return &set->slots[at];
}

static void set_grow(name_set_t *set)
{
	size_t cap = set->slot_cap ? set->slot_cap * 2 : 64;
	free(set->slots);
	set->slots = xcalloc(cap, sizeof *set->slots);
	set->slot_cap = cap;
	for (size_t i = 0; i < set->count; i++)
		*set_slot(set, set->names[i].name) = (uint32_t)(i + 1);
}

/* The entry named `name`, added if new; NULL for no name. */
static scope_name_t *set_add(name_set_t *set, const char *name)
{
	if (name == NULL || name[0] == '\0')
		return NULL;
	if ((set->count + 1) * 2 > set->slot_cap)
		set_grow(set);
	uint32_t *slot = set_slot(set, name);
	if (*slot)
		return &set->names[*slot - 1];
	if (set->count == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 32;
		set->names = xreallocarray(set->names, set->cap, sizeof *set->names);
	}
	set->names[set->count] = (scope_name_t){.name = name};
	*slot = (uint32_t)(++set->count);
	return &set->names[set->count - 1];
}

/* The name an item placed at (d, s) adds: its district, or with `district`
 * given, its street when it is in that district. */
static const char *name_of(const char *district, const char *d, const char *s)
{
	if (district == NULL)
		return d;
	return d != NULL && strcmp(d, district) == 0 ? s : NULL;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(((const scope_name_t *)a)->name, ((const scope_name_t *)b)->name);
}

size_t scope_names(const store_t *st, const alarm_engine_t *alarms, const char *district,
                   scope_name_t **out)
{
	name_set_t set = {0};
	for (size_t i = 0, n = store_reading_count(st); i < n; i++) {
		const reading_t *r = store_reading(st, i);
		scope_name_t *e =
		    r ? set_add(&set, name_of(district, r->district, r->street)) : NULL;
		if (e == NULL)
			continue;
		e->readings++;
		alarm_level_t level = alarms ? alarm_engine_state(alarms, i).level : ALARM_NONE;
		e->alarms += alarm_level_is_critical(level);
		e->warnings += level != ALARM_NONE && !alarm_level_is_critical(level);
	}
	for (size_t i = 0, n = store_kpi_count(st); i < n; i++) {
		const kpi_t *k = store_kpi(st, i);
		if (k)
			set_add(&set, name_of(district, k->district, k->street));
	}
	for (size_t i = 0, n = store_event_count(st); i < n; i++) {
		const event_t *e = store_event(st, i);
		if (e)
			set_add(&set, name_of(district, e->district, e->street));
	}
	free(set.slots);
	if (set.count > 1)
		qsort(set.names, set.count, sizeof *set.names, compare_names);
	*out = set.names;
	return set.count;
}

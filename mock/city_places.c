/* city_places: the districts and streets of a city. The demo uses the static
 * table of city_names.c as it is; the city scale builds its own from
 * city_district_seeds, keeping each district's real streets and filling it up
 * with names made of common stems. Names depend on the district alone, never
 * on the seed: the same place has the same name in every run. */
#include "city.h"
#include "city_internal.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

char *city_keep(city_t *c, char *s)
{
	if (c->string_count == c->string_cap) {
		c->string_cap = c->string_cap ? 2 * c->string_cap : 1024;
		c->strings = xreallocarray(c->strings, c->string_cap, sizeof *c->strings);
	}
	c->strings[c->string_count++] = s;
	return s;
}

static bool street_taken(const city_street_def_t *streets, size_t n, const city_stem_t *stem)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(streets[i].pinyin, stem->pinyin) == 0 ||
		    strcmp(streets[i].shortname, stem->name) == 0)
			return true;
	return false;
}

/* Fills streets[have..target) of district d with stem names; returns the
 * count reached. The walk (stride coprime with the stem count) starts at a
 * different stem in each district, so neighbours differ. */
static size_t streets_fill(city_t *c, size_t d, const city_district_seed_t *s,
                           city_street_def_t *streets, size_t have)
{
	size_t stride = 11;
	for (size_t k = 0; k < city_stem_total && have < s->street_target; k++) {
		const city_stem_t *stem = &city_stems[(d * 37 + k * stride) % city_stem_total];
		if (street_taken(streets, have, stem))
			continue;
		/* An outer district's first made-up place is its seat (街道); the rest are towns.
		 */
		bool street = s->central || have == s->street_count;
		streets[have++] = (city_street_def_t){
		    .pinyin = stem->pinyin,
		    .name = city_keep(c, xasprintf("%s%s", stem->name, street ? "街道" : "镇")),
		    .shortname = stem->name,
		};
	}
	return have;
}

void city_places_build(city_t *c)
{
	if (c->scale == CITY_SCALE_DEMO) {
		c->districts = city_districts;
		c->district_count = city_district_total;
		for (size_t d = 0; d < city_district_total; d++)
			c->street_count += city_districts[d].street_count;
		return;
	}
	size_t n = city_district_seed_total, room = 0;
	for (size_t d = 0; d < n; d++) {
		const city_district_seed_t *s = &city_district_seeds[d];
		room += s->street_target > s->street_count ? s->street_target : s->street_count;
	}
	c->owned_districts = xcalloc(n, sizeof *c->owned_districts);
	c->owned_streets = xcalloc(room, sizeof *c->owned_streets);
	c->central = xcalloc(n, sizeof *c->central);
	for (size_t d = 0; d < n; d++) {
		const city_district_seed_t *s = &city_district_seeds[d];
		city_street_def_t *streets = c->owned_streets + c->street_count;
		if (s->street_count)
			memcpy(streets, s->streets, s->street_count * sizeof *streets);
		size_t have = streets_fill(c, d, s, streets, s->street_count);
		c->owned_districts[d] = (city_district_def_t){
		    .pinyin = s->pinyin, .name = s->name, .streets = streets, .street_count = have};
		c->central[d] = s->central;
		c->street_count += have;
	}
	c->districts = c->owned_districts;
	c->district_count = n;
}

void city_places_free(city_t *c)
{
	for (size_t i = 0; i < c->string_count; i++)
		free(c->strings[i]);
	free(c->strings);
	free(c->owned_districts);
	free(c->owned_streets);
	free(c->central);
}

size_t city_place_district_count(const city_t *c)
{
	return c->district_count;
}

const city_district_def_t *city_place_district(const city_t *c, size_t i)
{
	return i < c->district_count ? &c->districts[i] : NULL;
}

bool city_place_district_central(const city_t *c, size_t i)
{
	return i < c->district_count && (!c->central || c->central[i]);
}

size_t city_place_street_count(const city_t *c)
{
	return c->street_count;
}

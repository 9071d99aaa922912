/* sta_json: the city as SensorThings v1.1 documents (sta_json.h). */
#include "sta_json.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jbuf.h"
#include "xalloc.h"

/* Bytes one Datastream takes, about: the buffer's first size. */
#define DATASTREAM_BYTES 900

static int64_t tick_wall_ms(const city_json_time_t *tm)
{
	return tm->tick0_ms + tm->tick * (int64_t)tm->tick_ms;
}

/* FNV-1a of a name: with the seed, where a street's point lies. */
static uint64_t name_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static void put_location(jbuf_t *b, const city_t *c, const city_reading_t *r)
{
	uint64_t h = city_hash(city_seed(c), name_hash(r->district->pinyin),
	                       name_hash(r->street->pinyin), 0x4c4f43);
	double lon = 106.30 + (double)(h % 60000) / 100000.0; /* around Chongqing */
	double lat = 29.35 + (double)((h >> 24) % 40000) / 100000.0;
	char id[160];
	snprintf(id, sizeof id, "%s.%s", r->district->pinyin, r->street->pinyin);
	jbuf_open(b, "Locations", '[');
	jbuf_open(b, NULL, '{');
	jbuf_field_str(b, "@iot.id", id);
	jbuf_field_str(b, "name", r->street->name);
	jbuf_field_str(b, "description", r->district->name);
	jbuf_field_str(b, "encodingType", "application/geo+json");
	jbuf_open(b, "location", '{');
	jbuf_field_str(b, "type", "Point");
	jbuf_open(b, "coordinates", '[');
	jbuf_field_num(b, NULL, lon, 5);
	jbuf_field_num(b, NULL, lat, 5);
	jbuf_close(b, ']');
	jbuf_close(b, '}');
	jbuf_open(b, "properties", '{');
	jbuf_field_str(b, "district", r->district->name);
	jbuf_field_str(b, "street", r->street->name);
	jbuf_close(b, '}');
	jbuf_close(b, '}');
	jbuf_close(b, ']');
}

/* The asset: the reading's id without its measure, its name likewise. */
static void put_thing(jbuf_t *b, const city_t *c, const city_reading_t *r)
{
	const char *dot = strrchr(r->id, '.');
	size_t id_len = dot ? (size_t)(dot - r->id) : strlen(r->id);
	size_t name_len = strlen(r->name), m = strlen(r->measure->measure_name);
	if (name_len > m && strcmp(r->name + name_len - m, r->measure->measure_name) == 0)
		name_len -= m;
	jbuf_open(b, "Thing", '{');
	jbuf_key(b, "@iot.id");
	char *id = xstrndup(r->id, id_len), *name = xstrndup(r->name, name_len);
	jbuf_string(b, id);
	jbuf_puts(b, ",");
	jbuf_field_str(b, "name", name);
	free(id);
	free(name);
	jbuf_field_str(b, "description", r->measure->asset);
	jbuf_open(b, "properties", '{');
	jbuf_field_str(b, "domain", city_domain_name(r->domain));
	jbuf_field_str(b, "district", r->district->name);
	jbuf_field_str(b, "street", r->street->name);
	jbuf_close(b, '}');
	put_location(b, c, r);
	jbuf_close(b, '}');
}

static void put_properties(jbuf_t *b, const city_measure_def_t *m)
{
	int d = m->decimals;
	jbuf_open(b, "properties", '{');
	city_json_put_limits(b, m);
	jbuf_open(b, "range", '[');
	jbuf_field_num(b, NULL, m->min, d);
	jbuf_field_num(b, NULL, m->max, d);
	jbuf_close(b, ']');
	jbuf_field_num(b, "deadband", m->deadband, d + 1);
	jbuf_close(b, '}');
}

static void put_observation(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm)
{
	const city_reading_t *r = city_reading(c, i);
	char ts[32];
	city_json_format_time(tick_wall_ms(tm), ts, sizeof ts);
	double v;
	bool has = city_reading_value_at(c, i, tm->tick, &v);
	jbuf_open(b, "Observations", '[');
	jbuf_open(b, NULL, '{');
	jbuf_key(b, "@iot.id");
	jbuf_printf(b, "\"%s:%" PRId64 "\",", r->id, tm->tick);
	jbuf_field_str(b, "phenomenonTime", ts);
	jbuf_field_str(b, "resultTime", ts);
	if (has)
		jbuf_field_num(b, "result", v, r->measure->decimals);
	else
		jbuf_puts(b, "\"result\":null,");
	jbuf_close(b, '}');
	jbuf_close(b, ']');
}

static void put_datastream(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm,
                           const char *root)
{
	const city_reading_t *r = city_reading(c, i);
	const city_measure_def_t *m = r->measure;
	jbuf_open(b, NULL, '{');
	jbuf_field_str(b, "@iot.id", r->id);
	jbuf_key(b, "@iot.selfLink");
	jbuf_printf(b, "\"%s/Datastreams('%s')\",", root, r->id);
	jbuf_field_str(b, "name", r->name);
	jbuf_field_str(b, "description", m->measure_name);
	jbuf_field_str(b, "observationType",
	               "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement");
	jbuf_open(b, "unitOfMeasurement", '{');
	jbuf_field_str(b, "name", m->unit);
	jbuf_field_str(b, "symbol", m->unit);
	jbuf_field_str(b, "definition", "http://unitsofmeasure.org/ucum.html");
	jbuf_close(b, '}');
	put_properties(b, m);
	put_thing(b, c, r);
	put_observation(b, c, i, tm);
	jbuf_close(b, '}');
}

char *sta_json_datastreams(const city_t *c, const city_json_time_t *tm, const char *root,
                           size_t skip, size_t top, bool count, size_t *len)
{
	size_t total = city_reading_count(c);
	size_t end = skip < total ? (top < total - skip ? skip + top : total) : skip;
	jbuf_t b;
	jbuf_init(&b, 256 + (end > skip ? end - skip : 0) * DATASTREAM_BYTES);
	jbuf_open(&b, NULL, '{');
	if (count)
		jbuf_printf(&b, "\"@iot.count\":%zu,", total);
	jbuf_open(&b, "value", '[');
	for (size_t i = skip; i < end; i++)
		put_datastream(&b, c, i, tm, root);
	jbuf_close(&b, ']');
	if (end < total) {
		jbuf_key(&b, "@iot.nextLink");
		jbuf_printf(&b, "\"%s/Datastreams?$top=%zu&$skip=%zu%s\",", root, top, end,
		            count ? "&$count=true" : "");
	}
	jbuf_close(&b, '}');
	jbuf_trim_comma(&b);
	jbuf_puts(&b, "\n");
	return jbuf_finish(&b, len);
}

char *sta_json_service_root(const char *root, size_t *len)
{
	jbuf_t b;
	jbuf_init(&b, 512);
	jbuf_open(&b, NULL, '{');
	jbuf_open(&b, "value", '[');
	jbuf_open(&b, NULL, '{');
	jbuf_field_str(&b, "name", "Datastreams");
	jbuf_key(&b, "url");
	jbuf_printf(&b, "\"%s/Datastreams\",", root);
	jbuf_close(&b, '}');
	jbuf_close(&b, ']');
	jbuf_open(&b, "serverSettings", '{');
	jbuf_open(&b, "conformance", '[');
	jbuf_field_str(&b, NULL, "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel");
	jbuf_field_str(&b, NULL,
	               "http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/"
	               "resource-path-to-entities");
	jbuf_close(&b, ']');
	jbuf_close(&b, '}');
	jbuf_close(&b, '}');
	jbuf_trim_comma(&b);
	jbuf_puts(&b, "\n");
	return jbuf_finish(&b, len);
}

char *sta_json_error(unsigned code, const char *message, size_t *len)
{
	jbuf_t b;
	jbuf_init(&b, 128);
	jbuf_printf(&b, "{\"code\":%u,\"type\":\"error\",\"message\":", code);
	jbuf_string(&b, message);
	jbuf_puts(&b, "}\n");
	return jbuf_finish(&b, len);
}

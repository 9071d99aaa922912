/* city_json: the city's documents in feed protocol v1 (JSON).
 *
 * Pure serialization: the time of the tick and of the build are passed in,
 * nothing here reads a clock. Every function returns a new NUL-terminated
 * string the caller frees, and stores its length in *len. */
#ifndef CITYDASH_CITY_JSON_H
#define CITYDASH_CITY_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "city.h"
#include "city_event.h"
#include "jbuf.h"

typedef struct city_json_time {
	int64_t tick;     /* simulation tick the document shows */
	int64_t tick0_ms; /* wall time (epoch ms) of tick 0 */
	unsigned tick_ms; /* length of a tick */
	int64_t now_ms;   /* wall time of the build: "generated_at" */
} city_json_time_t;

/* {"version":1,"source":"mock-<domain>",...,"readings":[...]} for one domain. */
char *city_json_readings(const city_t *c, size_t domain, const city_json_time_t *tm, size_t *len);
char *city_json_kpis(const city_t *c, const city_json_time_t *tm, size_t *len);
/* {"version":1,...,"events":[...]}: the views city_events_at() gives. */
char *city_json_events(const city_t *c, const city_json_time_t *tm, size_t *len);
/* One event object (and the comma after it) into b, as an element of an
 * "events" array: for whole documents and for deltas alike. */
void city_json_put_event(jbuf_t *b, const city_event_view_t *ev, const city_json_time_t *tm);
/* {"status":"ok","version":1,...} with the tick, seed and counts. */
char *city_json_health(const city_t *c, const city_json_time_t *tm, size_t *len);
/* {"error":"<message>"}; message is escaped. */
char *city_json_error(const char *message, size_t *len);

/* Item writers, one object (and its trailing comma) each, for documents
 * built elsewhere (city_json_delta.c). A reading is written with the value
 * and quality given (report by exception serves the last reported ones);
 * events are written from their views by city_json_put_event() above. */
typedef struct city_json_value {
	bool has_value; /* false: "value":null */
	double value;
	city_quality_t quality;
} city_json_value_t;
void city_json_put_reading_as(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm,
                              const city_json_value_t *val);
void city_json_put_kpi(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm);

/* "2026-11-25T07:59:59.500Z" into buf (>= 25 bytes). */
void city_json_format_time(int64_t ms, char *buf, size_t size);
/* The member "limits" of a measure, as the feeds send it (also the
 * SensorThings Datastreams' properties, sta_json.c). */
void city_json_put_limits(jbuf_t *b, const city_measure_def_t *m);

#endif

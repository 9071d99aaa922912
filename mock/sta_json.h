/* sta_json: the city as an OGC SensorThings API v1.1 service (OGC 18-088),
 * for citydash-mock's /sta/v1.1 routes (mock_sta_serve.c). Pure
 * serialization like city_json.h: the tick's time and the service's root
 * URL are passed in; nothing here reads a clock or knows HTTP.
 *
 * Every reading is one Datastream (@iot.id: the reading's id, name: its
 * name, unitOfMeasurement.symbol: its unit, properties: limits, range and
 * deadband), always expanded with its Thing (the asset: @iot.id the
 * reading's id without its last part, properties domain, district and
 * street) and the Thing's one Location (its street: properties district and
 * street, a GeoJSON point drawn from the seed near the city centre, not a
 * surveyed position), and with its latest Observation (the value at the
 * tick as result, null while the instrument sends none; phenomenonTime
 * and resultTime the tick's time). Each function returns a new
 * NUL-terminated string the caller frees, its length in *len. */
#ifndef CITYDASH_STA_JSON_H
#define CITYDASH_STA_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "city.h"
#include "city_json.h"

/* One page of GET {root}/Datastreams: {"@iot.count": N (if `count`),
 * "value": [the Datastreams skip .. skip+top-1], "@iot.nextLink":
 * "{root}/Datastreams?$top=TOP&$skip=NEXT" while more remain}. */
char *sta_json_datastreams(const city_t *c, const city_json_time_t *tm, const char *root,
                           size_t skip, size_t top, bool count, size_t *len);
/* The service root {"value": [{"name": "Datastreams", "url": ...}],
 * "serverSettings": {"conformance": [...]}}: the one entity set served. */
char *sta_json_service_root(const char *root, size_t *len);
/* FROST's error answer {"code": CODE, "type": "error", "message": ...}. */
char *sta_json_error(unsigned code, const char *message, size_t *len);

#endif

/* mock_sta_serve: citydash-mock's SensorThings API v1.1 routes, beside the
 * feed (the documents are sta_json.h's):
 *
 *   GET /sta/v1.1               the service root (the entity sets served)
 *   GET /sta/v1.1/Datastreams   every reading as a Datastream with its
 *                               Thing, Locations and latest Observation;
 *                               $top (default 100, at most 10000) and $skip
 *                               page it, "@iot.nextLink" leads to the next
 *                               page while more remain, $count=true adds
 *                               "@iot.count"; $select, $expand and $orderby
 *                               are accepted and ignored (always the whole
 *                               expansion), $filter is refused (400)
 *
 * Errors are FROST's JSON ({"code":...,"type":"error","message":...}).
 * Links are absolute, on the Host the client asked for. Built per request
 * from the model at the current step (O($top)), not cached, no ETag, no
 * --fault. Included by mock_server.c for its one hook in serve(). */
#ifndef CITYDASH_MOCK_STA_SERVE_H
#define CITYDASH_MOCK_STA_SERVE_H

#include <microhttpd.h>
#include <stdbool.h>

#include "mock_server.h"

#define STA_ROOT_PATH "/sta/v1.1"
#define STA_TOP_DEFAULT 100
#define STA_TOP_MAX     10000

/* Whether url is one of these routes: /sta/v1.1 or under it. */
bool mock_sta_route(const char *url);
/* Answers a request on one of them; *code is the status sent. */
enum MHD_Result mock_sta_serve(mock_server_t *srv, struct MHD_Connection *conn, const char *url,
                               const char *method, unsigned *code);

#endif

/* mock_scenario_serve: the mock's control routes for scenarios, beside the
 * feed (not part of protocol v1; docs/protocol.md "Scenarios"):
 *
 *   GET  /v1/scenarios        the scenarios as JSON, with their state
 *   POST /v1/scenarios/NAME   starts NAME at the next tick; loopback
 *                             clients only (403 otherwise), 404 for an
 *                             unknown name, 409 while a run of it is going
 *
 * Included by mock_server.c for its one hook in serve(). */
#ifndef CITYDASH_MOCK_SCENARIO_SERVE_H
#define CITYDASH_MOCK_SCENARIO_SERVE_H

#include <microhttpd.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

#include "mock_server.h"

#define SCENARIOS_PATH "/v1/scenarios"

/* The server's city: opts->city running opts->speed simulated seconds per
 * second (a step is tick_ms), its tick 0 at start_ms, with opts->scenarios
 * started at tick 0 (a name given twice: one run). NULL with *cause (the
 * caller frees) for an unknown scenario. */
city_t *mock_scenario_city(const mock_options_t *opts, unsigned tick_ms, int64_t start_ms,
                           char **cause);
/* Whether url is one of these routes: /v1/scenarios or /v1/scenarios/... */
bool mock_scenario_route(const char *url);
/* Answers a request on one of them; *code is the status sent. */
enum MHD_Result mock_scenario_serve(mock_server_t *srv, struct MHD_Connection *conn,
                                    const char *url, const char *method, unsigned *code);
/* Whether a client address is loopback (127.0.0.0/8, ::1, ::ffff:127.x.y.z). */
bool mock_scenario_client_loopback(const struct sockaddr *sa);

#endif

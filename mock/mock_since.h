/* mock_since: report by exception over HTTP, for mock_server.c. The feed
 * routes (/v1/feeds/<domain>, /v1/kpis, /v1/events) serve the image of
 * rbe.h: the whole document carries a "cursor", and `?since=CURSOR` with a
 * good cursor gets the delta since it (200, its own ETag, gzip when asked),
 * built once per (route, cursor) and tick and shared by every client that
 * asks the same. A bad cursor is not handled here: the caller serves the
 * whole document, with a fresh cursor. With --no-since none of this exists
 * (srv->since is NULL): no cursor, `since` ignored. Private to the server.
 * The image has its own lock (mock_since_serve.c): callers may hold
 * srv->lock or not. */
#ifndef CITYDASH_MOCK_SINCE_H
#define CITYDASH_MOCK_SINCE_H

#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mock_server_private.h"

/* Sets up srv->since (not with opts->no_since); mock_since_free undoes it. */
void mock_since_init(mock_server_t *srv, const mock_options_t *opts);
void mock_since_free(mock_server_t *srv);

/* The whole document of feed route r at `tick`, from the image, with its
 * cursor; NULL if r is not a feed or there is no image (the caller builds
 * the plain document). */
char *mock_since_whole(const mock_server_t *srv, const route_t *r, int64_t tick, size_t *len);

/* Answers a request of r that carries a good `since` with its delta and
 * returns true (*ret, *code the answer); false if it is not one (no image,
 * not a feed, no since, or a cursor that is unknown, malformed, from another
 * instance, in the future or expired). */
bool mock_since_serve(mock_server_t *srv, route_t *r, struct MHD_Connection *conn, unsigned *code,
                      enum MHD_Result *ret);

#endif

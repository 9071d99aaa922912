/* script_server: a scripted HTTP server on 127.0.0.1 for the poller's
 * integration tests (libmicrohttpd on its own thread). Every request gets
 * the current script: a status and a body. It can go away and come back on
 * the same port, as a restarted feed would. */
#ifndef CITYDASH_TEST_SCRIPT_SERVER_H
#define CITYDASH_TEST_SCRIPT_SERVER_H

#include <stddef.h>
#include <stdint.h>

typedef struct script_server script_server_t;

/* Starts on an ephemeral port answering `status` with `body` (copied, may be
 * NULL). Aborts the test if it cannot. */
script_server_t *script_server_start(unsigned status, const char *body);
void script_server_stop(script_server_t *s);

uint16_t script_server_port(const script_server_t *s);
/* "http://127.0.0.1:PORT/feed" (owned by the server). */
const char *script_server_url(const script_server_t *s);

/* Changes what the next requests get (body copied, may be NULL). */
void script_server_set(script_server_t *s, unsigned status, const char *body);
/* Stops listening (connections are refused), then listens again on the same port. */
void script_server_down(script_server_t *s);
void script_server_up(script_server_t *s);

/* Answers by request instead of the script: handler(ctx, path, inm,
 * &status, &body) is called for each request (on the server's thread,
 * under the server's lock) with its path and its If-None-Match (NULL if
 * none), and sets the answer (body copied, may be NULL: empty). NULL
 * handler: the script again. */
typedef void (*script_handler_t)(void *ctx, const char *path, const char *inm,
                                 unsigned *status, const char **body);
void script_server_set_handler(script_server_t *s, script_handler_t handler, void *ctx);

/* Requests answered so far. */
int script_server_requests(script_server_t *s);

#endif

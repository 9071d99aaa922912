/* mock_server: the simulated city served over HTTP (libmicrohttpd), as a
 * library so that both `citydash-mock` and `citydash --demo` run it.
 *
 * The server runs on libmicrohttpd's own internal thread; the simulation
 * advances lazily on request to the tick that wall time has reached, so
 * values are a pure function of (seed, tick) and need no timer thread. */
#ifndef CITYDASH_MOCK_SERVER_H
#define CITYDASH_MOCK_SERVER_H

#include <stdbool.h>
#include <stdint.h>

typedef struct mock_options {
	const char *bind; /* IPv4 address to bind; NULL: "127.0.0.1" */
	uint16_t port;    /* 0: the kernel picks a free port */
	uint64_t seed;    /* the same seed gives the same city and values */
	unsigned tick_ms; /* simulation step; 0: 1000 */
	/* Added: libmicrohttpd's error log to stderr. Off (false) by default
	 * because under `citydash --demo` curses owns the terminal. */
	bool log_errors;
} mock_options_t;

typedef struct mock_server mock_server_t;

/* Starts serving. Returns NULL with *cause set (caller frees) on failure. */
mock_server_t *mock_server_start(const mock_options_t *opts, char **cause);
/* The port actually bound. */
uint16_t mock_server_port(const mock_server_t *srv);
/* Stops the server, waits for its thread, frees everything. NULL is fine. */
void mock_server_stop(mock_server_t *srv);

#endif

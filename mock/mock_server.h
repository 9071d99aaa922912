/* mock_server: the simulated city served over HTTP (libmicrohttpd), as a
 * library so that both `citydash-mock` and `citydash --demo` run it.
 *
 * The server runs on libmicrohttpd's own threads (a pool, one per CPU; a
 * thread per connection under --fault); the simulation
 * advances lazily on request to the tick that wall time has reached, so
 * values are a pure function of (seed, tick) and need no timer thread. */
#ifndef CITYDASH_MOCK_SERVER_H
#define CITYDASH_MOCK_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "city.h"
#include "fault.h"

/* A fixed document served at a path, in place of anything the city serves
 * there: a way to put a feed that lies (bad JSON, wrong version, escape
 * sequences in names) next to the simulated ones. */
typedef struct mock_file {
	const char *path; /* "/v1/feeds/water" */
	const char *body; /* copied at start */
	size_t len;
} mock_file_t;

typedef struct mock_options {
	const char *bind; /* IPv4 address to bind; NULL: "127.0.0.1" */
	uint16_t port;    /* 0: the kernel picks a free port */
	uint64_t seed;    /* the same seed gives the same city and values */
	unsigned tick_ms; /* simulation step; 0: 1000 */
	/* Added: libmicrohttpd's error log to stderr. Off (false) by default
	 * because under `citydash --demo` curses owns the terminal. */
	bool log_errors;
	const mock_file_t *files; /* served before the city's own paths */
	size_t file_count;
	city_config_t city; /* zeroed: the demo city */
	/* zeroed: no faults. Any fault serves a thread per connection, so that a
	 * delayed, hung or dripped answer holds up only its own client. */
	fault_config_t fault;
	/* Simulated seconds per wall-clock second (0: 1); the city's speed per
	 * tick is this times tick_ms / 1000, and its tick 0 is the start time. */
	double speed;
	/* Names of scenarios to start at tick 0 (scenario.h); unknown ones are
	 * refused by mock_server_start. */
	const char *const *scenarios;
	size_t scenario_count;
	/* Report by exception (docs/protocol.md): the feeds answer ?since=CURSOR
	 * with deltas. no_since: they ignore it and send no cursor, the plain
	 * producer of before. since_window: ticks a cursor stays good; 0: 600. */
	bool no_since;
	unsigned since_window;
} mock_options_t;

typedef struct mock_server mock_server_t;

/* Starts serving. Returns NULL with *cause set (caller frees) on failure. */
mock_server_t *mock_server_start(const mock_options_t *opts, char **cause);
/* The port actually bound. */
uint16_t mock_server_port(const mock_server_t *srv);
/* Open files the server would like (RLIMIT_NOFILE): one per connection up
 * to its limit, plus a reserve. With fewer it holds fewer connections. */
unsigned long mock_server_files_wanted(void);
/* Stops the server, waits for its threads, frees everything. NULL is fine. */
void mock_server_stop(mock_server_t *srv);

#endif

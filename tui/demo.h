/* demo: --demo runs the simulated city in-process on an ephemeral loopback
 * port and adds each of its feeds as a source. */
#ifndef CITYDASH_DEMO_H
#define CITYDASH_DEMO_H

#include <stdint.h>

#include "config.h"
#include "mock_server.h"

/* Starts the city and appends its sources to cfg. Returns the server, or
 * NULL with *cause set (caller frees). Stop it with mock_server_stop. */
mock_server_t *demo_start(config_t *cfg, uint64_t seed, char **cause);

#endif

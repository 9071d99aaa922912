/* dump: --dump, one frame rendered without a terminal and printed as text. */
#ifndef CITYDASH_DUMP_H
#define CITYDASH_DUMP_H

#include <stdbool.h>

#include "session.h"

/* Polls every source once (each until it answers or times out), renders the
 * overview at cols × rows and prints it to stdout. Returns 0, or 1 with a
 * message on stderr when no source could be read. */
int dump_run(session_t *s, int cols, int rows, bool ascii);

#endif

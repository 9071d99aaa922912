/* tui: the interactive terminal session and its one event loop. */
#ifndef CITYDASH_TUI_H
#define CITYDASH_TUI_H

#include <stdbool.h>

#include "session.h"

typedef struct tui_opts {
	bool color;
} tui_opts_t;

/* Runs until the operator quits or a terminating signal arrives. Returns
 * the process exit status: 0; 1 when the loop's wait failed (the reason is
 * on stderr); 2 when the terminal cannot be drawn on. */
int tui_run(session_t *s, const tui_opts_t *opts);

#endif

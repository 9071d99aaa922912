/* tui: the interactive terminal session and its one event loop. */
#ifndef CITYDASH_TUI_H
#define CITYDASH_TUI_H

#include <stdbool.h>

#include "display_cfg.h"
#include "session.h"

typedef struct tui_opts {
	bool color;
	bool kiosk;                   /* --kiosk: the wall display (kiosk.h) */
	const display_cfg_t *display; /* theme, kiosk pages and times; never NULL */
} tui_opts_t;

/* Catches SIGINT, SIGTERM and SIGHUP for tui_run (which does it too if not
 * done): called as early as possible, a stop requested while the session
 * opens ends tui_run at once with status 0, as one in the loop does. */
void tui_catch_signals(void);

/* Runs until the operator quits or a terminating signal arrives. Returns
 * the process exit status: 0; 1 when the loop's wait failed (the reason is
 * on stderr); 2 when the terminal cannot be drawn on. */
int tui_run(session_t *s, const tui_opts_t *opts);

#endif

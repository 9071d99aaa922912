/* status_notes: what the status line says before the sources — the
 * outcome of the operator's last alarm action (nav.message) for
 * STATUS_MESSAGE_MS, an error in the warning role; and, for as long as they
 * last, sources whose server's TLS certificate is not verified ("TLS
 * verification off: NAME", or "...: 2 sources"), a journal that cannot be
 * used ("Journal: unusable": the alarms page says why) and an unreachable
 * Alertmanager ("Alertmanager: unreachable (reason)"). */
#ifndef CITYDASH_STATUS_NOTES_H
#define CITYDASH_STATUS_NOTES_H

#include <stddef.h>
#include <curses.h>

#include "pages.h"
#include "theme.h"

#define STATUS_MESSAGE_MS 8000
#define STATUS_NOTES_MAX 4
#define STATUS_NOTE_COLS 60 /* columns one note takes at most */

typedef struct status_note {
	char text[240];
	theme_role_t role;
} status_note_t;

/* The notes now, most urgent first; returns how many (nav may be NULL). */
size_t status_notes(const ui_ctx_t *ctx, const nav_t *nav, status_note_t out[STATUS_NOTES_MAX]);
/* Draws them from column x on row 0, within [x, limit); returns the column
 * after them (x if there are none). */
int status_notes_draw(WINDOW *win, int x, int limit, const ui_ctx_t *ctx, const nav_t *nav);

#endif

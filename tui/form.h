/* form: the small modal forms drawn over the body — the shelve form
 * (duration and reason) and the confirmation of acknowledging every
 * visible alarm. While nav.form.kind is not NAV_FORM_NONE the event loop
 * gives every key to form_key, not to the pages. A form only fills
 * nav.request when confirmed: the event loop carries it out. */
#ifndef CITYDASH_FORM_H
#define CITYDASH_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>
#include <curses.h>

#include "pages.h"

#define FORM_SHELVE_DEFAULT "1h"
#define FORM_SHELVE_MAX_MS (7LL * 24 * 3600 * 1000) /* a shelve lasts at most 7 days */

enum { FORM_FIELD_DURATION, FORM_FIELD_REASON, FORM_FIELDS };

/* Opens the shelve form for the alarm `id` (duration FORM_SHELVE_DEFAULT,
 * no reason, the reason field focused). */
void form_open_shelve(nav_t *nav, const char *id);
/* Opens "Acknowledge N visible alarms? y/n" for ids[0..n) (taken over). */
void form_open_confirm_ack_all(nav_t *nav, char **ids, size_t n);
/* Opens "Quit the wall display? y/n" (--kiosk): y asks the event loop to
 * quit (NAV_REQ_QUIT). */
void form_open_confirm_quit(nav_t *nav);
/* Closes the form, dropping what it would have asked for. */
void form_close(nav_t *nav);

/* One key: a character (code false; from get_wch) or a curses KEY_ code
 * (code true). Tab / Shift-Tab / ↑ / ↓ change field, Backspace deletes one
 * character, Enter submits, Esc cancels; y / n answer a confirmation. */
void form_key(nav_t *nav, wint_t ch, bool code);

/* "30s", "15m", "8h", "2d": a positive count and a unit, at most
 * FORM_SHELVE_MAX_MS. Returns 0 and *ms, or -1 and why in err. */
int form_parse_duration(const char *s, int64_t *ms, char *err, size_t err_size);

/* Draws the open form centred over the window (the body). */
void form_draw(WINDOW *win, const ui_ctx_t *ctx, const nav_t *nav);

#endif

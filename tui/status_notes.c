/* status_notes: the status line's notes (status_notes.h).
 * The journal is said to be unusable by its error alone: the session sets
 * journal_error whenever it has no journal to write to. */
#include "status_notes.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "text_draw.h"

/* "TLS verification off: water" (or "...: 2 sources"), for as long as a
 * source's server is not verified: a setting that must not be forgotten.
 * Returns 1 if it wrote the note, else 0. */
static size_t tls_note(const store_t *st, status_note_t *note)
{
	size_t count = 0, n = st ? store_source_count(st) : 0;
	const char *name = NULL;
	for (size_t i = 0; i < n; i++) {
		const source_status_t *s = store_source(st, (int)i);
		if (s->tls_unverified && !count++)
			name = s->name;
	}
	if (!count)
		return 0;
	if (count == 1)
		snprintf(note->text, sizeof note->text, _("TLS verification off: %s"), name);
	else
		snprintf(note->text, sizeof note->text,
		         P_("TLS verification off: %zu source", "TLS verification off: %zu sources",
		            count),
		         count);
	note->role = ROLE_STATUS_FAIL;
	return 1;
}

size_t status_notes(const ui_ctx_t *ctx, const nav_t *nav, status_note_t out[STATUS_NOTES_MAX])
{
	size_t n = 0;
	if (nav && nav->message[0] && nav->message_ms &&
	    ctx->now_ms - nav->message_ms < STATUS_MESSAGE_MS && ctx->now_ms >= nav->message_ms) {
		snprintf(out[n].text, sizeof out[n].text, "%s", nav->message);
		out[n++].role = nav->message_error ? ROLE_STATUS_FAIL : ROLE_STATUS_OK;
	}
	n += tls_note(ctx->store, &out[n]);
	const alarm_status_t *as = ctx->alarm_status;
	if (!as)
		return n;
	if (as->journal_error[0]) {
		/* Short: the alarms page's footer says why. */
		snprintf(out[n].text, sizeof out[n].text, "%s", _("Journal: unusable"));
		out[n++].role = ROLE_STATUS_FAIL;
	} else if (as->journal_bad) {
		snprintf(out[n].text, sizeof out[n].text, _("Journal: %llu bad lines skipped"),
		         (unsigned long long)as->journal_bad);
		out[n++].role = ROLE_STATUS_BAR;
	}
	if (as->am_configured && !as->am_reachable && !as->am_error[0] && !as->am_last_ok_ms) {
		/* Before the first exchange has ended, either way: not a failure. */
		snprintf(out[n].text, sizeof out[n].text, "%s", _("Alertmanager: connecting"));
		out[n++].role = ROLE_STATUS_BAR;
	} else if (as->am_configured && !as->am_reachable) {
		if (as->am_error[0])
			snprintf(out[n].text, sizeof out[n].text, _("Alertmanager: unreachable (%s)"),
			         as->am_error);
		else
			snprintf(out[n].text, sizeof out[n].text, "%s", _("Alertmanager: unreachable"));
		out[n++].role = ROLE_STATUS_FAIL;
	}
	return n;
}

int status_notes_draw(WINDOW *win, int x, int limit, const ui_ctx_t *ctx, const nav_t *nav)
{
	status_note_t notes[STATUS_NOTES_MAX];
	size_t n = status_notes(ctx, nav, notes);
	for (size_t i = 0; i < n && x < limit; i++) {
		/* The action's outcome first, whole if it can be; each other note
		 * at most STATUS_NOTE_COLS, so the next one is seen too. */
		bool outcome = i == 0 && nav && notes[0].text[0] && strcmp(notes[0].text, nav->message) == 0;
		int room = outcome || limit - x < STATUS_NOTE_COLS ? limit - x : STATUS_NOTE_COLS;
		x += text_draw(win, 0, x, room, notes[i].text, theme_attr(notes[i].role));
		x += 2;
	}
	return x;
}

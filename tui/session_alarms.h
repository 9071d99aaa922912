/* session_alarms: alarm management within a run (session.h) — the copy of
 * the alarm tuning, the operators' decisions (alarm_ops), the journal they
 * are read from and written to, and the Alertmanager client. Private to the
 * session: tui/session.c calls these at its hooks; the pages see only
 * alarm_status (through ui_ctx) and ask for actions with nav_request_t
 * (session_alarm_act, declared in session.h).
 *
 * Threads: everything here runs on the event loop's thread. alarm_ops is
 * read by the engine during an evaluation, which may run on the derive
 * thread: session.c calls session_alarms_poll only while no evaluation is
 * under way there (never while derive_busy), so ops never change under it. */
#ifndef CITYDASH_SESSION_ALARMS_H
#define CITYDASH_SESSION_ALARMS_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "session.h"

/* How often the journal is read for other processes' lines (and our own). */
#define SESSION_JOURNAL_READ_MS 1000
/* An acknowledgement's Alertmanager silence ends this far ahead; citydash
 * ends it sooner, when the alarm clears (docs/alarms.md). */
#define SESSION_AM_ACK_SILENCE_MS (30LL * 24 * 3600 * 1000)

/* Sets up alarm management after the poller exists: user, tuning copy,
 * ops, the journal (opened and replayed at once; if it cannot be opened the
 * run goes on and alarm_status.journal_error says why), the Alertmanager
 * client (woken through the poller), and configures s->alarms with them.
 * Never fails. */
void session_alarms_open(session_t *s, const config_t *cfg);
/* Stops the client, closes the journal, frees ops and the tuning copy.
 * Safe on a session whose alarm part was never opened. */
void session_alarms_close(session_t *s);

/* Takes the news: the journal's new lines (when `force`, or at most once
 * per SESSION_JOURNAL_READ_MS of steady `now_ms`), and Alertmanager's
 * silences and link state. Call only while no evaluation runs. Returns true
 * if the operators' decisions changed since the last evaluation (the
 * session then evaluates at once). */
bool session_alarms_poll(session_t *s, int64_t now_ms, bool force);
/* Whether decisions changed since the last evaluation began. */
bool session_alarms_pending(const session_t *s);
/* Notes that an evaluation begins with the decisions as they are now. */
void session_alarms_evaluating(session_t *s);
/* After an evaluation became what the pages read: hands Alertmanager the
 * active alarms and ends the acknowledgement silences of those that
 * cleared. */
void session_alarms_evaluated(session_t *s);

/* --dump: waits (at most timeout_ms, waking through the poller) until the
 * Alertmanager client has fetched the silences once or failed once, so the
 * frame shows shelves made elsewhere. Returns at once if none is
 * configured. */
void session_alarms_wait_am(session_t *s, int64_t timeout_ms);

/* Builds and posts the alerts (session_alerts.c). */
void session_alerts_post(session_t *s);

#endif

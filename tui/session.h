/* session: the data side of one run — store, poller, alarm engine and the
 * views derived from them (the reading view and the gov view), within the
 * operator's scope — shared by the interactive TUI and --dump.
 *
 * Clocks: evaluations are stamped with the steady time the caller passes
 * (now_ms); the gov view also needs the wall clock (events' deadlines and
 * ages are on the producer's clock), which the session reads itself through
 * `wall_ms` (clock_wall_ms unless a test sets another) at each evaluation. */
#ifndef CITYDASH_SESSION_H
#define CITYDASH_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "alarm.h"
#include "alarm_status.h"
#include "am_client.h"
#include "config.h"
#include "journal.h"
#include "gov_view.h"
#include "poller.h"
#include "scope.h"
#include "store.h"
#include "view.h"

struct nav_request;
typedef struct nav_request nav_request_t;

typedef struct session {
	store_t *store;
	poller_t *poller;
	alarm_engine_t *alarms; /* the last whole evaluation: what the pages read */
	view_t view;            /* likewise, within `scope` */
	gov_view_t gov;         /* likewise: KPI board, indices, events, tiers */
	scope_t scope;          /* what the views are narrowed to (session_set_scope) */
	bool scope_changed;     /* the next step evaluates at once */
	int64_t (*wall_ms)(void); /* the wall clock for the gov view */
	uint64_t seen_generation;
	int64_t evaluated_ms;  /* steady time of the last evaluation */
	struct derive *derive; /* evaluates a large store on a thread; NULL: in place */
	bool retry_pending;    /* the retry key, while the poller is paused */
	/* What changed in the sources' health, to the log (--log); NULL: none. */
	struct session_log *log;
	/* Alarm management (session_alarms.c): the tuning (a copy of the
	 * config's), the operators' decisions, the journal they come from and
	 * go to, Alertmanager, and their status for the pages. */
	alarm_cfg_t alarm_cfg;
	alarm_ops_t *ops;
	uint64_t seen_ops_seq;     /* ops changes evaluate at once, as a scope change does */
	journal_t *journal;        /* NULL: none could be opened (alarm_status says why) */
	int64_t journal_read_ms;   /* steady time the journal was last read */
	am_client_t *am;           /* NULL: no Alertmanager configured */
	char *user;                /* "user@host" for the journal and silences */
	alarm_status_t alarm_status;
} session_t;

/* Returns 0, or -1 with *cause set (caller frees). With a log open
 * (log_enabled), every step logs what changed in the sources' health
 * (session_log.h). */
int session_open(session_t *s, const config_t *cfg, char **cause);
void session_close(session_t *s);

/* Starts due polls and applies finished ones, a bounded slice at a time
 * (the poller parses on its own thread), stamping data with `now_ms` (steady
 * time, see clock_steady_ms). Then, unless a document is still half applied,
 * if the store changed or a second has passed (ages move, data turns stale),
 * re-evaluates alarms and the view, at most once per SESSION_EVALUATE_MIN_MS
 * for data (feeds answer at staggered moments; the next second's evaluation
 * is never held back): in place for a small store; for a large
 * one on a thread, the poller paused meanwhile, and taken over by a later
 * step (poller_wait wakes for it). Returns true if the view changed. No call
 * holds the caller for long, and poller_wait does not sleep while there is
 * work, so the event loop reads keys throughout. */
bool session_step(session_t *s, int64_t now_ms, int64_t mono_ms);

/* Documents that arrive within this of an evaluation wait for the next one,
 * which comes with the next second at the latest: eight feeds answering at
 * staggered moments of a second cost one evaluation and one frame a second,
 * drawn with the clock's, as htop redraws once a second (-d 10). Measured
 * with bench_term at city scale with report by exception: 0.56 CPU s/min at
 * every document, 0.52 at 250 ms, 0.42 at 500 ms (two frames a second);
 * 1.10% -> 0.73% of a core from 500 to 1000 ms in one run. Keys, scope
 * changes and operators' decisions still evaluate and redraw at once. */
#define SESSION_EVALUATE_MIN_MS 1000

/* Milliseconds until a held-back evaluation is due (a step then makes it),
 * or -1 if none is waiting: for the event loop's sleep. */
int64_t session_ms_until_evaluate(const session_t *s, int64_t now_ms);

/* Narrows the views to `scope` (NULL: the whole city). The next
 * session_step re-evaluates at once, without waiting for data or for
 * SESSION_EVALUATE_MIN_MS (on a large store: as soon as an evaluation under
 * way on the thread is taken over). */
void session_set_scope(session_t *s, const scope_t *scope);

/* Evaluates alarms, the view and the gov view now, in place (--dump's last
 * step). */
void session_evaluate(session_t *s, int64_t now_ms, int64_t mono_ms);

/* Tries every failing source again now (the operator's retry key). */
void session_retry_now(session_t *s, int64_t mono_ms);

/* Alarm management (session_alarms.c). session_open opens the journal
 * (cfg->alarms.journal, or journal_default_path) and replays it, and starts
 * the Alertmanager client if one is configured; a journal that cannot be
 * opened is said on the status bar, and actions then fail with that reason.
 * Each step reads what other processes appended to the journal (at most
 * once a second), takes Alertmanager's news, and after each evaluation
 * hands Alertmanager the active alarms and ends the ack silences of alarms
 * that cleared. */

/* Carries out an operator's action on alarms: one journal line per alarm,
 * each written and fsync'd before this returns (and a silence queued for
 * Alertmanager when there is one). `wall_ms` stamps the lines; a shelve
 * lasts duration_ms from then. Returns 0 and a confirmation in msg, or -1
 * and the reason in msg (nothing was done for the alarms not written).
 * The alarms show their new state at the next evaluation, made at once. */
int session_alarm_act(session_t *s, const nav_request_t *req, int64_t wall_ms, char *msg,
                      size_t msg_size);

/* Fills a ui_ctx for drawing: `now_ms` steady time, `clock_ms` wall clock. */
struct ui_ctx;
void session_ui_ctx(const session_t *s, int64_t now_ms, int64_t clock_ms, struct ui_ctx *ctx);

#endif

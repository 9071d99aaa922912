/* session_alarms: alarm management within a run (session_alarms.h): who the
 * operator is, the journal and Alertmanager opened and followed, and the
 * operators' actions (session_alarm_act) written to the journal before
 * anything confirms them. The actions come back into alarm_ops only through
 * the journal (one path for this process's lines and the others'), then the
 * engine shows them at the evaluation made at once. */
#include "session_alarms.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "i18n.h"
#include "log.h"
#include "pages.h"
#include "session_derive.h"
#include "xalloc.h"

void nav_request_clear(nav_request_t *r)
{
	for (size_t i = 0; i < r->count; i++)
		free(r->alarms[i]);
	free(r->alarms);
	r->alarms = NULL;
	r->count = 0;
	r->kind = NAV_REQ_NONE;
	r->select_after = 0;
}

/* "$USER@host": USER, else the password database, else "unknown". */
static char *operator_name(void)
{
	const char *user = getenv("USER");
	if (!user || !user[0]) {
		const struct passwd *pw = getpwuid(getuid());
		user = pw && pw->pw_name && pw->pw_name[0] ? pw->pw_name : "unknown";
	}
	char host[256];
	if (gethostname(host, sizeof host) != 0 || !host[0])
		snprintf(host, sizeof host, "%s", "unknown");
	host[sizeof host - 1] = '\0'; /* gethostname need not end a cut name */
	return xasprintf("%s@%s", user, host);
}

static void set_error(char *dst, size_t size, const char *why)
{
	snprintf(dst, size, "%s", why ? why : "");
}

static void apply_line(void *ctx, const journal_entry_t *e)
{
	alarm_ops_apply(ctx, e);
}

/* Reads what was appended since the last read into ops. */
static void read_journal(session_t *s)
{
	if (!s->journal)
		return;
	char *cause = NULL;
	if (journal_read(s->journal, apply_line, s->ops, &cause) < 0) {
		set_error(s->alarm_status.journal_error, sizeof s->alarm_status.journal_error,
		          cause);
		free(cause);
	} else {
		s->alarm_status.journal_error[0] = '\0';
	}
	journal_stats_t st = journal_stats(s->journal);
	s->alarm_status.journal_bad = st.bad + (st.torn ? 1 : 0);
}

static void notify_wake(void *poller)
{
	poller_wake(poller);
}

static void open_journal(session_t *s)
{
	char *path = s->alarm_cfg.journal ? xstrdup(s->alarm_cfg.journal) : journal_default_path();
	char *cause = NULL;
	if (!path) {
		set_error(s->alarm_status.journal_error, sizeof s->alarm_status.journal_error,
		          _("no journal: give --journal FILE (neither XDG_STATE_HOME nor HOME "
		            "is set)"));
	} else if (!(s->journal = journal_open(path, &cause))) {
		char *why = xasprintf(_("journal %s: %s"), path, cause);
		set_error(s->alarm_status.journal_error, sizeof s->alarm_status.journal_error,
		          why);
		log_printf(LOG_LEVEL_ERROR, "%s", why);
		free(why);
		free(cause);
	}
	free(path);
	if (!s->journal)
		return;
	s->alarm_status.journal_path = journal_path(s->journal);
	read_journal(s); /* the replay: acks and shelves survive restarts */
	journal_stats_t st = journal_stats(s->journal);
	if (st.bad || st.torn)
		log_printf(LOG_LEVEL_WARN,
		           _("journal %s: %llu bad line(s) skipped%s; the rest was replayed"),
		           journal_path(s->journal), (unsigned long long)st.bad,
		           st.torn ? _(", and a torn last line") : "");
}

static void start_am(session_t *s)
{
	if (!s->alarm_cfg.alertmanager)
		return;
	s->alarm_status.am_configured = true;
	char *cause = NULL;
	s->am = am_client_start(s->alarm_cfg.alertmanager, s->alarm_cfg.alertmanager_interval_ms,
	                        notify_wake, s->poller, &cause);
	if (!s->am) {
		char *why = xasprintf("Alertmanager: %s", cause ? cause : "");
		set_error(s->alarm_status.am_error, sizeof s->alarm_status.am_error, why);
		log_printf(LOG_LEVEL_ERROR, "%s", why);
		free(why);
		free(cause);
	}
}

void session_alarms_open(session_t *s, const config_t *cfg)
{
	s->user = operator_name();
	alarm_cfg_copy(&s->alarm_cfg, &cfg->alarms);
	s->ops = alarm_ops_create();
	s->alarm_status.user = s->user;
	s->alarm_status.bell = s->alarm_cfg.bell;
	open_journal(s);
	start_am(s);
	/* The engine the pages read; the derive thread's engine takes both
	 * pointers with every alarm_engine_copy at derive_start. */
	alarm_engine_configure(s->alarms, &s->alarm_cfg, s->ops);
}

void session_alarms_close(session_t *s)
{
	if (s->am)
		am_client_stop(s->am); /* first: it wakes the poller */
	s->am = NULL;
	if (s->journal)
		journal_close(s->journal);
	s->journal = NULL;
	s->alarm_status.journal_path = NULL;
	if (s->ops)
		alarm_ops_destroy(s->ops);
	s->ops = NULL;
	alarm_cfg_free(&s->alarm_cfg);
	free(s->user);
	s->user = NULL;
	s->alarm_status.user = NULL;
}

/* Alertmanager's news: its silences into ops, its link into the status. */
static void take_am(session_t *s)
{
	if (!s->am)
		return;
	am_status_t st;
	am_silence_t *silences = NULL;
	size_t n = 0;
	memset(&st, 0, sizeof st);
	if (am_client_take(s->am, &st, &silences, &n))
		alarm_ops_set_silences(s->ops, silences, n); /* takes the array over */
	alarm_status_t *as = &s->alarm_status;
	as->am_reachable = st.reachable;
	set_error(as->am_error, sizeof as->am_error, st.error);
	as->am_last_ok_ms = st.last_ok_ms;
	as->am_pending = st.pending;
}

bool session_alarms_poll(session_t *s, int64_t now_ms, bool force)
{
	if (!s->ops)
		return false;
	if (force || now_ms - s->journal_read_ms >= SESSION_JOURNAL_READ_MS ||
	    now_ms < s->journal_read_ms) {
		s->journal_read_ms = now_ms;
		read_journal(s);
	}
	take_am(s);
	return session_alarms_pending(s);
}

bool session_alarms_pending(const session_t *s)
{
	return s->ops && alarm_ops_seq(s->ops) != s->seen_ops_seq;
}

void session_alarms_evaluating(session_t *s)
{
	if (s->ops)
		s->seen_ops_seq = alarm_ops_seq(s->ops);
}

/* Whether an acknowledgement of `id` is known (journal or silence), for
 * ending its silence when the alarm clears. */
static bool ever_acked(const session_t *s, const char *id)
{
	alarm_labels_t labels = {id, "", "", "", "", "", ""};
	alarm_decision_t d;
	memset(&d, 0, sizeof d);
	alarm_ops_lookup(s->ops, &labels, 0, s->wall_ms(), &d);
	return d.acked;
}

void session_alarms_evaluated(session_t *s)
{
	if (!s->am)
		return;
	session_alerts_post(s);
	for (size_t i = 0; i < alarm_engine_cleared_count(s->alarms); i++) {
		const char *id = alarm_engine_cleared(s->alarms, i);
		if (ever_acked(s, id))
			am_client_expire(s->am, id, true);
	}
}

void session_alarms_wait_am(session_t *s, int64_t timeout_ms)
{
	if (!s->am)
		return;
	int64_t end = clock_mono_ms() + timeout_ms;
	for (;;) {
		am_status_t st;
		am_silence_t *silences = NULL;
		size_t n = 0;
		memset(&st, 0, sizeof st);
		bool got = am_client_take(s->am, &st, &silences, &n);
		if (got)
			alarm_ops_set_silences(s->ops, silences, n);
		alarm_status_t *as = &s->alarm_status;
		as->am_reachable = st.reachable;
		set_error(as->am_error, sizeof as->am_error, st.error);
		as->am_last_ok_ms = st.last_ok_ms;
		as->am_pending = st.pending;
		int64_t left = end - clock_mono_ms();
		if (got || st.syncs > 0 || st.error[0] || left <= 0)
			return;
		if (poller_wait(s->poller, NULL, 0, NULL, left < 100 ? (int)left : 100) != 0)
			return;
	}
}

/* ---- actions ---- */

static journal_action_t action_of(nav_request_kind_t kind)
{
	return kind == NAV_REQ_SHELVE     ? JOURNAL_SHELVE
	       : kind == NAV_REQ_UNSHELVE ? JOURNAL_UNSHELVE
	                                  : JOURNAL_ACK;
}

/* Local "14:05", or "27 Nov 14:05" when not today. */
static void format_until(int64_t until_ms, int64_t now_ms, char *buf, size_t size)
{
	time_t t = (time_t)(until_ms / 1000), n = (time_t)(now_ms / 1000);
	struct tm tu, tn;
	if (!localtime_r(&t, &tu) || !localtime_r(&n, &tn)) {
		snprintf(buf, size, "?");
		return;
	}
	bool same_day = tu.tm_year == tn.tm_year && tu.tm_yday == tn.tm_yday;
	/* The day's format is the language's: the Chinese one writes the month
	 * as a number, so it does not take LC_TIME's month names. */
	if (!strftime(buf, size,
	              same_day ? "%H:%M"
	                       /* TRANSLATORS: strftime's, the end of a shelve on another day. */
	                       : _("%d %b %H:%M"),
	              &tu))
		snprintf(buf, size, "?");
}

/* "Acknowledged x" / "Acknowledged 12 alarms" / "Shelved x until 14:05". */
static void confirm(const nav_request_t *req, size_t done, int64_t until_ms, int64_t wall_ms,
                    char *msg, size_t size)
{
	const char *verb = req->kind == NAV_REQ_SHELVE     ? _("Shelved")
	                   : req->kind == NAV_REQ_UNSHELVE ? _("Unshelved")
	                                                   : _("Acknowledged");
	char what[ALARM_ID_MAX + 32];
	if (done == 1)
		snprintf(what, sizeof what, "%s", req->alarms[0]);
	else
		snprintf(what, sizeof what, _("%zu alarms"), done);
	if (req->kind == NAV_REQ_SHELVE) {
		char until[32];
		format_until(until_ms, wall_ms, until, sizeof until);
		snprintf(msg, size, _("%s %s until %s"), verb, what, until);
	} else {
		snprintf(msg, size, "%s %s", verb, what);
	}
}

/* Tells Alertmanager about one action written to the journal. */
static void queue_silence(session_t *s, const nav_request_t *req, const char *id,
                          int64_t wall_ms, int64_t until_ms)
{
	if (!s->am)
		return;
	const char *why = req->reason;
	switch (req->kind) {
	case NAV_REQ_ACK:
		am_client_silence(s->am, id, true, wall_ms + SESSION_AM_ACK_SILENCE_MS, s->user,
		                  why);
		break;
	case NAV_REQ_SHELVE:
		/* Alertmanager wants a comment: the shelve's reason, or that. */
		am_client_silence(s->am, id, false, until_ms, s->user,
		                  why[0] ? why : "shelved in citydash");
		break;
	default:
		am_client_expire(s->am, id, false);
		break;
	}
}

int session_alarm_act(session_t *s, const nav_request_t *req, int64_t wall_ms, char *msg,
                      size_t msg_size)
{
	if (req->kind == NAV_REQ_NONE || req->count == 0) {
		snprintf(msg, msg_size, "%s", _("No alarm selected"));
		return -1;
	}
	if (!s->journal) {
		snprintf(msg, msg_size, _("Not done, the journal is not usable: %s"),
		         s->alarm_status.journal_error[0] ? s->alarm_status.journal_error
		                                          : _("not open"));
		return -1;
	}
	/* s->user is "user@host"; the journal keeps them apart. */
	char *user = xstrdup(s->user);
	char *at = strrchr(user, '@');
	const char *host = "";
	if (at) {
		*at = '\0';
		host = at + 1;
	}
	int64_t until_ms = req->kind == NAV_REQ_SHELVE ? wall_ms + req->duration_ms : 0;
	size_t done = 0;
	char *cause = NULL;
	for (; done < req->count; done++) {
		journal_entry_t e = {
		    .at_ms = wall_ms,
		    .user = user,
		    .host = host,
		    .alarm = req->alarms[done],
		    .action = action_of(req->kind),
		    .reason = req->reason,
		    .until_ms = until_ms,
		};
		if (journal_append(s->journal, &e, &cause) != 0)
			break;
		queue_silence(s, req, req->alarms[done], wall_ms, until_ms);
	}
	free(user);
	/* What was written shows at the next evaluation, made at once: read
	 * back now, or, while the derive thread's evaluation reads ops, at the
	 * first step after it. */
	if (s->derive && derive_busy(s->derive))
		s->journal_read_ms = 0;
	else
		read_journal(s);
	if (s->am && done)
		am_client_kick(s->am);
	if (done == req->count) {
		confirm(req, done, until_ms, wall_ms, msg, msg_size);
		return 0;
	}
	const char *why = cause ? cause : "";
	if (done == 0)
		snprintf(msg, msg_size, _("Not done (%s): %s"), req->alarms[0], why);
	else
		snprintf(msg, msg_size, _("Done for %zu of %zu alarms, then failed: %s"), done,
		         req->count, why);
	log_printf(LOG_LEVEL_ERROR, "%s", msg);
	free(cause);
	return -1;
}

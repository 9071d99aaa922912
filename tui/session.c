#include "session.h"

#include <string.h>

#include "clock.h"
#include "log.h"
#include "pages.h"
#include "session_alarms.h"
#include "session_derive.h"
#include "session_log.h"

/* From this many readings on, alarms and the view are evaluated on a thread
 * of their own (session_derive.h): below it they take a few milliseconds. */
#define DERIVE_THREAD_READINGS 20000

static void wake_poller(void *poller)
{
	poller_wake(poller);
}

int session_open(session_t *s, const config_t *cfg, char **cause)
{
	memset(s, 0, sizeof *s);
	s->store = store_create();
	s->alarms = alarm_engine_create();
	view_init(&s->view);
	gov_view_init(&s->gov);
	scope_city(&s->scope);
	s->wall_ms = clock_wall_ms;
	s->poller = poller_create(s->store, cfg, cause);
	if (!s->poller) {
		session_close(s);
		return -1;
	}
	s->derive = derive_create(wake_poller, s->poller); /* NULL: evaluate in place */
	session_alarms_open(s, cfg); /* the journal replayed, the engine configured */
	if (log_enabled())
		s->log = session_log_create(s->store);
	return 0;
}

void session_close(session_t *s)
{
	derive_destroy(s->derive); /* it reads the store, alarm ops and wakes the poller */
	session_alarms_close(s);   /* Alertmanager's thread wakes the poller too */
	session_log_destroy(s->log);
	poller_destroy(s->poller);
	alarm_engine_destroy(s->alarms);
	view_free(&s->view);
	gov_view_free(&s->gov);
	store_destroy(s->store);
	memset(s, 0, sizeof *s);
}

/* The evaluation on the thread is complete: it becomes what the pages read,
 * and the poller may touch the store again. */
static void derive_done(session_t *s, int64_t mono_ms)
{
	derive_finish(s->derive, &s->alarms, &s->view, &s->gov);
	session_alarms_evaluated(s);
	poller_pause(s->poller, false);
	if (s->retry_pending)
		poller_retry_now(s->poller, mono_ms);
	s->retry_pending = false;
}

/* Alarms, then the reading view and the gov view within the scope. */
static void evaluate_in_place(session_t *s, int64_t now_ms)
{
	session_alarms_evaluating(s);
	alarm_engine_evaluate(s->alarms, s->store, now_ms);
	view_set_scope(&s->view, &s->scope);
	view_update(&s->view, s->store, s->alarms, now_ms);
	gov_view_update(&s->gov, s->store, &s->view, s->alarms, &s->scope, now_ms, s->wall_ms());
	session_alarms_evaluated(s);
}

void session_set_scope(session_t *s, const scope_t *scope)
{
	if (scope)
		s->scope = *scope;
	else
		scope_city(&s->scope);
	s->scope_changed = true;
}

bool session_step(session_t *s, int64_t now_ms, int64_t mono_ms)
{
	if (s->derive && derive_busy(s->derive)) {
		if (!derive_ready(s->derive))
			return false; /* the store is being read: leave it alone */
		derive_done(s, mono_ms);
		return true;
	}
	poller_start_due(s->poller, mono_ms);
	if (poller_perform(s->poller, now_ms, mono_ms) > 0)
		poller_start_due(s->poller, mono_ms); /* a quick retry may already be due */
	if (s->log)
		session_log_observe(s->log, s->store, now_ms);
	/* Operators' decisions (journal, Alertmanager): only now, with no
	 * evaluation under way; a change evaluates at once, as a scope change. */
	bool decided = session_alarms_poll(s, now_ms, false);
	if (poller_applying(s->poller))
		return false; /* a document is half applied: evaluate it whole */
	uint64_t gen = store_generation(s->store);
	bool second_passed = now_ms / 1000 != s->evaluated_ms / 1000;
	if (!s->scope_changed && !decided) {
		if (gen == s->seen_generation && !second_passed)
			return false;
		if (!second_passed && now_ms - s->evaluated_ms < SESSION_EVALUATE_MIN_MS)
			return false; /* held back: session_ms_until_evaluate wakes the loop */
	}
	s->seen_generation = gen;
	s->evaluated_ms = now_ms;
	s->scope_changed = false;
	if (s->derive && store_reading_count(s->store) >= DERIVE_THREAD_READINGS) {
		poller_pause(s->poller, true);
		session_alarms_evaluating(s); /* ops stay as they are until derive_done */
		derive_start(s->derive, s->store, s->alarms, &s->gov, &s->scope, now_ms,
		             s->wall_ms());
		return false;
	}
	evaluate_in_place(s, now_ms);
	return true;
}

int64_t session_ms_until_evaluate(const session_t *s, int64_t now_ms)
{
	if (s->scope_changed || session_alarms_pending(s))
		return 0;
	if (store_generation(s->store) == s->seen_generation)
		return -1;
	int64_t due = s->evaluated_ms + SESSION_EVALUATE_MIN_MS - now_ms;
	return due > 0 ? due : 0;
}

void session_evaluate(session_t *s, int64_t now_ms, int64_t mono_ms)
{
	if (s->derive && derive_busy(s->derive))
		derive_done(s, mono_ms);
	if (s->log)
		session_log_observe(s->log, s->store, now_ms);
	session_alarms_poll(s, now_ms, true);
	s->seen_generation = store_generation(s->store);
	s->evaluated_ms = now_ms;
	s->scope_changed = false;
	evaluate_in_place(s, now_ms);
}

void session_retry_now(session_t *s, int64_t mono_ms)
{
	if (s->derive && derive_busy(s->derive))
		s->retry_pending = true; /* the poller is paused: once it is not */
	else
		poller_retry_now(s->poller, mono_ms);
}

void session_ui_ctx(const session_t *s, int64_t now_ms, int64_t clock_ms, ui_ctx_t *ctx)
{
	ctx->store = s->store;
	ctx->alarms = s->alarms;
	ctx->view = &s->view;
	ctx->gov = &s->gov;
	ctx->now_ms = now_ms;
	ctx->clock_ms = clock_ms;
	ctx->alarm_status = &s->alarm_status;
}

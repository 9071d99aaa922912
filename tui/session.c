#include "session.h"

#include <string.h>

#include "pages.h"

int session_open(session_t *s, const config_t *cfg, char **cause)
{
	memset(s, 0, sizeof *s);
	s->store = store_create();
	s->alarms = alarm_engine_create();
	view_init(&s->view);
	s->poller = poller_create(s->store, cfg, cause);
	if (!s->poller) {
		session_close(s);
		return -1;
	}
	return 0;
}

void session_close(session_t *s)
{
	poller_destroy(s->poller);
	alarm_engine_destroy(s->alarms);
	view_free(&s->view);
	store_destroy(s->store);
	memset(s, 0, sizeof *s);
}

bool session_step(session_t *s, int64_t now_ms, int64_t mono_ms)
{
	poller_start_due(s->poller, mono_ms);
	if (poller_perform(s->poller, now_ms, mono_ms) > 0)
		poller_start_due(s->poller, mono_ms); /* a quick retry may already be due */
	if (poller_applying(s->poller))
		return false; /* a document is half applied: evaluate it whole */
	uint64_t gen = store_generation(s->store);
	bool second_passed = now_ms / 1000 != s->evaluated_ms / 1000;
	if (gen == s->seen_generation && !second_passed)
		return false;
	s->seen_generation = gen;
	s->evaluated_ms = now_ms;
	alarm_engine_evaluate(s->alarms, s->store, now_ms);
	view_update(&s->view, s->store, s->alarms, now_ms);
	return true;
}

void session_retry_now(session_t *s, int64_t mono_ms)
{
	poller_retry_now(s->poller, mono_ms);
}

void session_ui_ctx(const session_t *s, int64_t now_ms, int64_t clock_ms, ui_ctx_t *ctx)
{
	ctx->store = s->store;
	ctx->alarms = s->alarms;
	ctx->view = &s->view;
	ctx->now_ms = now_ms;
	ctx->clock_ms = clock_ms;
}

#include "session_log.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "log.h"
#include "xalloc.h"

/* What was last logged of one source. */
typedef struct seen {
	uint64_t polls_failed, polls_ok, not_modified;
	bool ever_ok, failing;
	unsigned failures;        /* consecutive, at the last failure seen */
	int64_t failing_since_ms; /* steady time of the streak's first failure */
	int64_t retry_logged_ms;  /* steady time of the streak's last retry line */
	char *error;              /* the reason logged for the streak */
	/* The last document's conditions: count and first detail. */
	unsigned skipped, refused, limits_ignored, ahead, duplicates;
	char *skip_reason, *bad_limits;
} seen_t;

struct session_log {
	seen_t *seen;
	size_t count;
	uint64_t generation;
};

session_log_t *session_log_create(const store_t *st)
{
	session_log_t *l = xcalloc(1, sizeof *l);
	l->generation = store_generation(st) - 1; /* the first observe looks */
	return l;
}

void session_log_destroy(session_log_t *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->count; i++) {
		free(l->seen[i].error);
		free(l->seen[i].skip_reason);
		free(l->seen[i].bad_limits);
	}
	free(l->seen);
	free(l);
}

static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void replace(char **dst, const char *src)
{
	free(*dst);
	*dst = src && src[0] ? xstrdup(src) : NULL;
}

/* Whether the retry line of the streak's Nth failure is written: the
 * first few, then the 8th, 16th, 32nd... and at least one every
 * RETRY_LINE_EVERY_MS. A source that is not a server in distress is tried
 * at every interval (poller.h), so a feed down for a day would otherwise
 * write a line a second. */
#define RETRY_LINES_FIRST   4
#define RETRY_LINE_EVERY_MS (10 * 60 * 1000)

static bool retry_line_due(const seen_t *w, unsigned n, int64_t now_ms)
{
	return n <= RETRY_LINES_FIRST || (n & (n - 1)) == 0 ||
	       now_ms - w->retry_logged_ms >= RETRY_LINE_EVERY_MS;
}

/* A failed attempt: a new failure (or a new reason) is an error; the
 * attempt's plan is the retry line (retry_line_due). */
static void log_failure(seen_t *w, const source_status_t *s, int64_t now_ms)
{
	if (!w->failing)
		w->failing_since_ms = s->last_attempt_ms;
	if (!w->failing || !same_text(w->error, s->error)) {
		if (s->error_detail)
			log_printf(LOG_LEVEL_ERROR, _("source \"%s\" failing: %s (%s); %s"),
			           s->name, s->error, s->error_detail, s->url);
		else
			log_printf(LOG_LEVEL_ERROR, _("source \"%s\" failing: %s; %s"), s->name,
			           s->error, s->url);
		replace(&w->error, s->error);
	}
	w->failing = true;
	w->failures = s->consecutive_failures;
	if (!retry_line_due(w, s->consecutive_failures, now_ms))
		return;
	w->retry_logged_ms = now_ms;
	if (s->next_try_ms > 0)
		log_printf(LOG_LEVEL_INFO,
		           P_("source \"%s\": failed %u time in a row, next try in %.1f s",
		              "source \"%s\": failed %u times in a row, next try in %.1f s",
		              s->consecutive_failures),
		           s->name, s->consecutive_failures,
		           (double)(s->next_try_ms > now_ms ? s->next_try_ms - now_ms : 0) /
		               1000.0);
	else
		log_printf(LOG_LEVEL_INFO,
		           P_("source \"%s\": failed %u time in a row",
		              "source \"%s\": failed %u times in a row", s->consecutive_failures),
		           s->name, s->consecutive_failures);
}

static void log_answer(seen_t *w, const source_status_t *s)
{
	if (w->failing)
		log_printf(LOG_LEVEL_INFO,
		           P_("source \"%s\" ok again after %u failure (failing for %.1f s)",
		              "source \"%s\" ok again after %u failures (failing for %.1f s)",
		              w->failures),
		           s->name, w->failures,
		           (double)(s->last_ok_ms - w->failing_since_ms) / 1000.0);
	else if (!w->ever_ok)
		log_printf(LOG_LEVEL_INFO, _("source \"%s\" answered; %s"), s->name, s->url);
	w->failing = false;
	w->ever_ok = true;
	w->failures = 0;
	replace(&w->error, NULL);
}

typedef enum change { CHANGE_NONE, CHANGE_BEGAN, CHANGE_ENDED } change_t;

/* A condition of the document (elements skipped, ...): news when it begins
 * or its first detail changes, and when it ends; not while it goes on. */
static change_t condition(unsigned *was, char **was_first, unsigned now, const char *first)
{
	bool had = *was > 0;
	bool moved = was_first && !same_text(*was_first, first);
	*was = now;
	if (was_first)
		replace(was_first, now ? first : NULL);
	if (now > 0 && (!had || moved))
		return CHANGE_BEGAN;
	return now == 0 && had ? CHANGE_ENDED : CHANGE_NONE;
}

static void log_document(seen_t *w, const source_status_t *s)
{
	switch (condition(&w->skipped, &w->skip_reason, s->skipped, s->last_skip_reason)) {
	case CHANGE_BEGAN:
		log_printf(LOG_LEVEL_WARN,
		           P_("source \"%s\": %u element skipped: %s",
		              "source \"%s\": %u elements skipped, the first: %s", s->skipped),
		           s->name, s->skipped, s->last_skip_reason ? s->last_skip_reason : "?");
		break;
	case CHANGE_ENDED:
		log_printf(LOG_LEVEL_INFO, _("source \"%s\": no element skipped any more"),
		           s->name);
		break;
	case CHANGE_NONE:
		break;
	}
	switch (condition(&w->refused, NULL, s->refused, NULL)) {
	case CHANGE_BEGAN:
		log_printf(
		    LOG_LEVEL_WARN,
		    P_("source \"%s\": %u element refused: it holds %zu readings, %zu bytes "
		       "(max_readings %zu, max_bytes %zu)",
		       "source \"%s\": %u elements refused: it holds %zu readings, %zu bytes "
		       "(max_readings %zu, max_bytes %zu)",
		       s->refused),
		    s->name, s->refused, s->readings_held, s->bytes_held, s->max_readings,
		    s->max_bytes);
		break;
	case CHANGE_ENDED:
		log_printf(LOG_LEVEL_INFO, _("source \"%s\": no element refused any more"),
		           s->name);
		break;
	case CHANGE_NONE:
		break;
	}
	switch (
	    condition(&w->limits_ignored, &w->bad_limits, s->limits_ignored, s->first_bad_limits)) {
	case CHANGE_BEGAN:
		log_printf(LOG_LEVEL_WARN,
		           P_("source \"%s\": limits of %u reading out of order, ignored: %s",
		              "source \"%s\": limits of %u readings out of order, ignored; the "
		              "first: %s",
		              s->limits_ignored),
		           s->name, s->limits_ignored,
		           s->first_bad_limits ? s->first_bad_limits : "?");
		break;
	case CHANGE_ENDED:
		log_printf(LOG_LEVEL_INFO, _("source \"%s\": limits in order again"), s->name);
		break;
	case CHANGE_NONE:
		break;
	}
	switch (condition(&w->duplicates, NULL, s->duplicates, NULL)) {
	case CHANGE_BEGAN:
		log_printf(LOG_LEVEL_WARN,
		           P_("source \"%s\": %u id repeated in a document",
		              "source \"%s\": %u ids repeated in a document", s->duplicates),
		           s->name, s->duplicates);
		break;
	case CHANGE_ENDED:
		log_printf(LOG_LEVEL_INFO, _("source \"%s\": no id repeated any more"), s->name);
		break;
	case CHANGE_NONE:
		break;
	}
	switch (condition(&w->ahead, NULL, s->ahead_of_clock, NULL)) {
	case CHANGE_BEGAN:
		log_printf(LOG_LEVEL_WARN,
		           P_("source \"%s\": %u reading dated ahead of our clock by more than "
		              "%lld ms, shown uncertain",
		              "source \"%s\": %u readings dated ahead of our clock by more than "
		              "%lld ms, shown uncertain",
		              s->ahead_of_clock),
		           s->name, s->ahead_of_clock, (long long)s->clock_skew_ms);
		break;
	case CHANGE_ENDED:
		log_printf(LOG_LEVEL_INFO,
		           _("source \"%s\": no reading ahead of our clock any more"), s->name);
		break;
	case CHANGE_NONE:
		break;
	}
}

static void observe_source(seen_t *w, const source_status_t *s, int64_t now_ms)
{
	if (s->polls_failed != w->polls_failed)
		log_failure(w, s, now_ms);
	bool answered = s->polls_ok != w->polls_ok || s->not_modified != w->not_modified;
	if (answered && !s->failing)
		log_answer(w, s);
	if (s->polls_ok != w->polls_ok)
		log_document(w, s);
	w->polls_failed = s->polls_failed;
	w->polls_ok = s->polls_ok;
	w->not_modified = s->not_modified;
}

void session_log_observe(session_log_t *l, const store_t *st, int64_t now_ms)
{
	uint64_t gen = store_generation(st);
	if (gen == l->generation)
		return;
	l->generation = gen;
	size_t n = store_source_count(st);
	if (n > l->count) {
		l->seen = xreallocarray(l->seen, n, sizeof *l->seen);
		memset(l->seen + l->count, 0, (n - l->count) * sizeof *l->seen);
		l->count = n;
	}
	for (size_t i = 0; i < n; i++)
		observe_source(&l->seen[i], store_source(st, (int)i), now_ms);
}

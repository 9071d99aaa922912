#include "dump.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "clock.h"
#include "frame.h"
#include "i18n.h"
#include "log.h"
#include "scope.h"
#include "session_alarms.h"
#include "snapshot.h"
#include "theme.h"

/* Waits until every source has answered or failed once. Each transfer is
 * bounded by its own timeout, so this ends; and it stops as soon as nothing
 * is under way any more, even if some source was never attempted. Returns
 * -1 if waiting for the network failed (then nothing can be said of it). */
static int poll_once(session_t *s)
{
	size_t n = store_source_count(s->store);
	int64_t mono = clock_mono_ms();
	session_step(s, clock_steady_ms(), mono);
	while ((size_t)poller_sources_attempted(s->poller) < n && poller_busy(s->poller)) {
		if (poller_wait(s->poller, NULL, 0, NULL, 100) != 0) {
			fprintf(stderr, "%s\n", _("citydash: waiting for the network failed"));
			log_printf(LOG_LEVEL_ERROR, "%s", _("waiting for the network failed"));
			return -1;
		}
		/* Only the first poll of each source: do not start the next ones. */
		poller_perform(s->poller, clock_steady_ms(), clock_mono_ms());
	}
	/* Shelves and acks made on other hosts are Alertmanager's silences:
	 * its first sync (or failure), bounded like a transfer. */
	session_alarms_wait_am(s, CONFIG_DEFAULT_TIMEOUT_MS);
	/* Evaluate alarms and the view on the final data. */
	session_evaluate(s, clock_steady_ms(), clock_mono_ms());
	return 0;
}

static int report_failures(const session_t *s)
{
	size_t n = store_source_count(s->store);
	int ok = 0;
	for (size_t i = 0; i < n; i++)
		ok += store_source(s->store, (int)i)->ever_ok;
	if (ok > 0)
		return 0;
	fprintf(stderr, "%s\n", _("citydash: no source could be read:"));
	for (size_t i = 0; i < n; i++) {
		const source_status_t *st = store_source(s->store, (int)i);
		/* The reason, then its detail: for a failed transfer curl's own
		 * message, for an adapter's reason (a Prometheus error) the status. */
		const char *reason = st->error ? st->error : _("no answer");
		if (st->error_detail && strcmp(st->error_detail, reason) != 0)
			fprintf(stderr, "  %s (%s): %s (%s)\n", st->name, st->url, reason,
			        st->error_detail);
		else
			fprintf(stderr, "  %s (%s): %s\n", st->name, st->url, reason);
	}
	return 1;
}

/* Whether any reading, KPI or event the feeds sent is in the scope: a
 * scope nothing is in is most likely misspelt, and its pages all empty. */
static bool scope_holds_something(const store_t *st, const scope_t *scope)
{
	if (scope_is_city(scope))
		return true;
	for (size_t i = 0; i < store_reading_count(st); i++) {
		const reading_t *r = store_reading(st, i);
		if (r && scope_contains(scope, r->district, r->street))
			return true;
	}
	for (size_t i = 0; i < store_kpi_count(st); i++) {
		const kpi_t *k = store_kpi(st, i);
		if (k && scope_contains(scope, k->district, k->street))
			return true;
	}
	for (size_t i = 0; i < store_event_count(st); i++) {
		const event_t *e = store_event(st, i);
		if (e && scope_contains(scope, e->district, e->street))
			return true;
	}
	return false;
}

/* The navigation that shows `page`: 0, or 1 with the reason on stderr. */
static int open_page(const session_t *s, const page_request_t *page, nav_t *nav)
{
	char where[2 * SCOPE_NAME_MAX + 2];
	scope_format(&s->scope, where, sizeof where);
	if (!scope_holds_something(s->store, &s->scope)) {
		fprintf(stderr,
		        _("citydash: no reading, KPI or event of the feeds is in the scope "
		          "%s\n"),
		        where);
		return 1;
	}
	char *cause = NULL;
	if (page_name_open(page, s->store, &s->scope, nav, &cause) != 0) {
		fprintf(stderr, "citydash: --page: %s\n", cause);
		free(cause);
		return 1;
	}
	return 0;
}

int dump_run(session_t *s, const page_request_t *page, int cols, int rows, bool ascii)
{
	nav_t nav;
	if (poll_once(s) < 0 || report_failures(s) || open_page(s, page, &nav))
		return 1;

	/* A screen of our own that writes nowhere: nothing here needs a tty. */
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr = out && in ? newterm("xterm", out, in) : NULL;
	if (!scr) {
		fprintf(stderr, "%s\n",
		        _("citydash: cannot set up an off-screen terminal for --dump"));
		if (out)
			fclose(out);
		if (in)
			fclose(in);
		return 1;
	}
	resize_term(rows, cols);
	theme_init(false);
	frame_t frame = {0};
	frame_layout(&frame, rows, cols);
	ui_ctx_t ctx = {0};
	session_ui_ctx(s, clock_steady_ms(), clock_wall_ms(), &ctx);
	frame_draw(&frame, &ctx, &nav);
	frame_stage(&frame);
	char *text = snapshot_text(newscr, ascii);
	fputs(text, stdout);
	fflush(stdout);
	free(text);
	frame_free(&frame);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	return 0;
}

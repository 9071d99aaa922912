/* citydash: options, then either the interactive TUI or one --dump frame. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "demo.h"
#include "dump.h"
#include "glyphs.h"
#include "i18n.h"
#include "log.h"
#include "options.h"
#include "session.h"
#include "theme.h"
#include "tui.h"

static bool locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

/* The end of a run that got as far as opening the log. */
static int finish(options_t *opts, int status)
{
	log_printf(LOG_LEVEL_INFO, _("citydash stopped, exit status %d"), status);
	log_close();
	options_free(opts);
	return status;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* Numbers are written and read in JSON, which knows only the decimal point:
	 * a decimal-comma locale must not reach printf and strtod. */
	setlocale(LC_NUMERIC, "C");

	options_t opts;
	char *cause = NULL;
	int status = 0;
	/* The language first: the options' own errors are translated. */
	if (i18n_start(i18n_lang_arg(argc, argv), &cause) != 0) {
		fprintf(stderr, "citydash: --lang: %s\n", cause);
		free(cause);
		return 2;
	}
	switch (options_parse(&opts, argc, argv, &cause)) {
	case OPTIONS_EXIT_OK:
		options_free(&opts);
		return 0;
	case OPTIONS_ERROR:
		fprintf(stderr, "citydash: %s\n", cause);
		free(cause);
		options_free(&opts);
		return 2;
	case OPTIONS_RUN:
		break;
	}
	/* A theme that cannot be read is a usage error, said before the
	 * terminal is taken. */
	if (theme_use(opts.config.display.theme, &cause) != 0) {
		fprintf(stderr, "citydash: %s\n", cause);
		free(cause);
		options_free(&opts);
		return 2;
	}
	if (opts.log && log_open(opts.log, &cause) != 0) {
		fprintf(stderr, "citydash: %s\n", cause);
		free(cause);
		options_free(&opts);
		return 2;
	}
	glyphs_set_ascii(opts.ascii || !locale_is_utf8());

	if (!opts.dump)
		tui_catch_signals(); /* SIGTERM while starting: still a clean stop, status 0 */
	mock_server_t *city = NULL;
	if (opts.demo && !(city = demo_start(&opts.config, opts.seed, &cause))) {
		fprintf(stderr, "citydash: %s: %s\n", _("cannot start the demo city"), cause);
		log_printf(LOG_LEVEL_ERROR, "%s: %s", _("cannot start the demo city"), cause);
		free(cause);
		return finish(&opts, 1);
	}
	if (!opts.dump && !isatty(STDIN_FILENO)) {
		fprintf(stderr, "citydash: %s\n",
		        _("standard input is not a terminal (use --dump for text output)"));
		mock_server_stop(city);
		return finish(&opts, 2);
	}

	session_t session;
	if (session_open(&session, &opts.config, &cause) != 0) {
		fprintf(stderr, "citydash: %s\n", cause);
		log_printf(LOG_LEVEL_ERROR, "%s", cause);
		free(cause);
		mock_server_stop(city);
		return finish(&opts, 1);
	}
	session_set_scope(&session, &opts.scope);
	log_printf(LOG_LEVEL_INFO, _("citydash %s started%s, sources: %zu"), CITYDASH_VERSION,
	           opts.dump ? " (--dump)" : "", store_source_count(session.store));
	if (opts.dump) {
		status =
		    dump_run(&session, &opts.page, opts.dump_cols, opts.dump_rows, glyphs()->ascii);
	} else {
		tui_opts_t to = {.color = !opts.no_color,
		                 .kiosk = opts.kiosk,
		                 .display = &opts.config.display};
		status = tui_run(&session, &to);
	}
	session_close(&session);
	mock_server_stop(city);
	return finish(&opts, status);
}

/* options: the command line, checked as a whole before anything runs
 * (a usage error is exit status 2). */
#ifndef CITYDASH_OPTIONS_H
#define CITYDASH_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "page_names.h"
#include "scope.h"

typedef struct options {
	config_t config; /* sources from --config and --source, in order */
	bool demo;       /* embedded mock city */
	uint64_t seed;   /* its seed */
	bool dump;       /* one frame as text, then exit */
	int dump_cols, dump_rows;
	bool no_color;       /* --no-color or NO_COLOR set */
	bool ascii;          /* --ascii */
	bool kiosk;          /* --kiosk: the wall display (tui/kiosk.h) */
	/* --theme and --rotate are applied to config.display once the whole
	 * command line and the configuration file are read. */
	const char *log;     /* --log FILE|syslog (points into argv), or NULL */
	scope_t scope;       /* --scope: the tier every page is narrowed to (the city) */
	page_request_t page; /* --dump --page: which page (the overview); its id
	                        points into argv */
	/* --journal, --alertmanager and --no-bell are applied to
	 * config.alarms once the whole command line is read: they override the
	 * configuration file's "alarms" values whatever their order. */
} options_t;

typedef enum options_result { OPTIONS_RUN, OPTIONS_EXIT_OK, OPTIONS_ERROR } options_result_t;

/* Parses argv. On OPTIONS_ERROR, *cause says why (caller frees). --help and
 * --version print and return OPTIONS_EXIT_OK. */
options_result_t options_parse(options_t *o, int argc, char **argv, char **cause);
void options_free(options_t *o);

#endif

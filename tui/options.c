#include "options.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "argnum.h"
#include "check_config.h"
#include "kiosk.h"
#include "config_lookup.h"
#include "frame.h"
#include "i18n.h"
#include "theme.h"
#include "xalloc.h"

enum { OPT_NO_COLOR = 256, OPT_ASCII, OPT_SIZE, OPT_SEED, OPT_DUMP, OPT_DEMO, OPT_LOG,
       OPT_SCOPE, OPT_PAGE, OPT_JOURNAL, OPT_ALERTMANAGER, OPT_NO_BELL,
       OPT_CHECK_CONFIG, OPT_THEME, OPT_KIOSK, OPT_ROTATE, OPT_LANG };

static const struct option long_options[] = {
    {"source", required_argument, NULL, 's'},
    {"config", required_argument, NULL, 'c'},
    {"check-config", no_argument, NULL, OPT_CHECK_CONFIG},
    {"demo", no_argument, NULL, OPT_DEMO},
    {"seed", required_argument, NULL, OPT_SEED},
    {"dump", no_argument, NULL, OPT_DUMP},
    {"size", required_argument, NULL, OPT_SIZE},
    {"page", required_argument, NULL, OPT_PAGE},
    {"scope", required_argument, NULL, OPT_SCOPE},
    {"no-color", no_argument, NULL, OPT_NO_COLOR},
    {"ascii", no_argument, NULL, OPT_ASCII},
    {"theme", required_argument, NULL, OPT_THEME},
    {"lang", required_argument, NULL, OPT_LANG},
    {"kiosk", no_argument, NULL, OPT_KIOSK},
    {"rotate", required_argument, NULL, OPT_ROTATE},
    {"log", required_argument, NULL, OPT_LOG},
    {"journal", required_argument, NULL, OPT_JOURNAL},
    {"alertmanager", required_argument, NULL, OPT_ALERTMANAGER},
    {"no-bell", no_argument, NULL, OPT_NO_BELL},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static void print_help(void)
{
	printf(_("Usage: citydash [OPTION]...\n"
	         "Watch a city's vital signs, KPIs and events from HTTP JSON feeds.\n"
	         "\n"
	         "Sources:\n"
	         "  -s, --source NAME=URL  watch a feed (feed protocol v1); repeatable\n"
	         "  -c, --config FILE      read sources from a JSON file (see docs/config.md);\n"
	         "                         without --config, --source or --demo: the first of\n"
	         "                         $CITYDASH_CONFIG, $XDG_CONFIG_HOME/citydash/config.json\n"
	         "                         (~/.config when unset), /etc/citydash/config.json\n"
	         "      --check-config     load the configuration (every secret and TLS file,\n"
	         "                         the theme),\n"
	         "                         print a summary without secrets and exit\n"
	         "      --demo             run a simulated city in-process and watch it\n"
	         "      --seed N           the simulated city's seed, 0 to 2^64-1 (default 1)\n"
	         "\n"
	         "Output:\n"
	         "      --dump             poll every source once, print one frame as text, exit\n"
	         "      --size COLSxROWS   size of the --dump frame (default 120x40; from 80x24\n"
	         "                         to 1000x1000)\n"
	         "      --page NAME        the page --dump prints (default overview): overview,\n"
	         "                         wall, kpis, events, tiers, alarms, alarm-log, sources,\n"
	         "                         help, domain:TOKEN (water, power, gas, telecom,\n"
	         "                         bridge, tunnel, other), reading:ID, kpi:ID, event:ID\n"
	         "      --scope DISTRICT[/STREET]\n"
	         "                         narrow every page to a district or one of its\n"
	         "                         streets, as a district's or street's centre sees it\n"
	         "      --no-color         draw without colours (also when NO_COLOR is set)\n"
	         "      --ascii            draw with ASCII characters only\n"
	         "      --theme NAME|FILE  colours by role: high-performance (the default),\n"
	         "                         dark, light, high-contrast, mono, or a theme file\n"
	         "      --lang LANG        the screen's language: en or zh_CN (default: the\n"
	         "                         locale's, from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)\n"
	         "\n"
	         "The wall display:\n"
	         "      --kiosk            pages rotate (the configuration's \"display\"), no key\n"
	         "                         hints, no input needed; q asks before quitting\n"
	         "      --rotate SECONDS   how long each kiosk page shows, %d to %d (default %d)\n"
	         "      --log FILE|syslog  append failures, retries and warnings to FILE, or\n"
	         "                         send them to syslog\n"
	         "\n"
	         "Alarm management (these override the configuration's \"alarms\"):\n"
	         "      --journal FILE     the operators' actions on alarms, shared by every\n"
	         "                         citydash on this host (default\n"
	         "                         $XDG_STATE_HOME/citydash/journal.jsonl)\n"
	         "      --alertmanager URL post alarms to Prometheus Alertmanager at URL\n"
	         "                         (http://HOST:PORT) and share shelves and\n"
	         "                         acknowledgements as its silences\n"
	         "      --no-bell          no terminal bell on a new high-priority alarm\n"
	         "\n"
	         "  -h, --help             show this help and exit\n"
	         "  -V, --version          show the version and exit\n"
	         "\n"
	         "Pages (keys 1 to 9; Enter opens a row):\n"
	         "  overview   what is wrong in the city (or scope), and where\n"
	         "  kpis       the five indices and every KPI by category\n"
	         "  events     open events along the closed loop, worst first\n"
	         "  tiers      the scope's districts or streets, worst first\n"
	         "  wall       the headline figures in large digits (key w), for --kiosk\n"
	         "  alarms, alarm-log, sources, help, the scope picker: over the page below\n"
	         "  a domain, a reading, a KPI, an event: opened with Enter\n"
	         "\n"
	         "Keys: 1 or o overview, 2 or K KPI board, 3 or e events board, 4 or t\n"
	         "tiers, 5 or a alarms, 6 or H alarm history, 7 or s sources, 8 or w the\n"
	         "wall, 9 or p the scope picker (F2 to F9 as 2 to 9), ? or F1 help (every\n"
	         "key and symbol), / filters the page's list by name, id or place (Enter\n"
	         "keeps, Esc clears), n and N go to the next and previous match, Enter\n"
	         "opens the selected block, row or category (a tier goes down), Esc or\n"
	         "Backspace goes back (a tier goes up), z folds or unfolds every KPI\n"
	         "category, arrows or h j k l move, Tab and Shift-Tab change block, PgUp\n"
	         "and PgDn scroll, Home or g and End or G go to the first and last row,\n"
	         "r retries failing sources now, Ctrl-L redraws, q, Q or F10 quits. The\n"
	         "key bar at the bottom shows the page's keys; the mouse selects, opens\n"
	         "and scrolls, and nothing needs it.\n"
	         "\n"
	         "Exit status:\n"
	         "  0  done: quit, stopped by SIGINT, SIGTERM or SIGHUP, or --dump printed\n"
	         "  1  no source could be read (--dump), the item of --page is not in the\n"
	         "     feeds or not in the --scope (--dump), the feeds hold nothing in the\n"
	         "     --scope (--dump), the demo city could not start, or waiting for the\n"
	         "     keyboard and the network failed (the reason follows)\n"
	         "  2  bad usage (an unknown option or page, a bad --scope, a number that is\n"
	         "     not one or is out of range, --size below 80x24), a configuration\n"
	         "     error (also with --check-config, which exits 0 when all is good), or\n"
	         "     a terminal citydash cannot draw on\n"
	         "On SIGQUIT, SIGABRT (out of memory), SIGSEGV, SIGBUS, SIGFPE or SIGILL\n"
	         "citydash restores the terminal, then dies by that signal (128+N in a shell).\n"),
	       DISPLAY_ROTATE_MS_MIN / 1000, DISPLAY_ROTATE_MS_MAX / 1000,
	       DISPLAY_ROTATE_MS_DEFAULT / 1000);
}

#define SIZE_MAX_CELLS 1000 /* per side: a larger --dump frame is a typo */

/* "COLSxROWS", each side a strict number up to SIZE_MAX_CELLS. The
 * minimum is checked by the caller, which says why. */
static bool parse_size(const char *s, int *cols, int *rows)
{
	const char *x = strpbrk(s, "xX");
	uint64_t c, r;
	if (!x || !argnum_parse_n(s, (size_t)(x - s), 0, SIZE_MAX_CELLS, &c) ||
	    !argnum_parse(x + 1, 0, SIZE_MAX_CELLS, &r))
		return false;
	*cols = (int)c;
	*rows = (int)r;
	return true;
}

/* The wall's pages are page names (kiosk.h): one that is not is a usage
 * error, said with where it is, before the terminal is taken; also by
 * --check-config. */
static bool kiosk_pages_bad(const display_cfg_t *display, const char *file, char **cause)
{
	kiosk_t k;
	char *why = NULL;
	if (kiosk_setup(&k, display, &why) == 0)
		return false;
	*cause = file ? xasprintf("%s: %s", file, why) : xstrdup(why);
	free(why);
	return true;
}

options_result_t options_parse(options_t *o, int argc, char **argv, char **cause)
{
	memset(o, 0, sizeof *o);
	config_init(&o->config);
	o->seed = 1;
	o->dump_cols = 120;
	o->dump_rows = 40;
	const char *no_color = getenv("NO_COLOR");
	o->no_color = no_color && no_color[0];
	optind = 1;
	opterr = 0;
	int c;
	bool seed_given = false, size_given = false, page_given = false, no_bell = false;
	bool check_config = false;
	const char *config_file = NULL; /* the last --config read, for --check-config */
	const char *journal = NULL, *alertmanager = NULL, *theme = NULL;
	uint64_t rotate_s = 0; /* 0: --rotate not given */
	char *why = NULL;
	scope_city(&o->scope);
	page_request_default(&o->page);
	while ((c = getopt_long(argc, argv, ":s:c:hV", long_options, NULL)) != -1) {
		switch (c) {
		case 's':
			if (config_add_source_arg(&o->config, optarg, cause) != 0)
				return OPTIONS_ERROR;
			break;
		case 'c':
			if (config_load_file(&o->config, optarg, cause) != 0)
				return OPTIONS_ERROR;
			config_file = optarg;
			break;
		case OPT_CHECK_CONFIG:
			check_config = true;
			break;
		case OPT_DEMO:
			o->demo = true;
			break;
		case OPT_SEED:
			if (!argnum_parse(optarg, 0, UINT64_MAX, &o->seed)) {
				*cause = xasprintf(_("--seed wants a whole number from 0 to %llu, "
				                     "not \"%s\""),
				                   (unsigned long long)UINT64_MAX, optarg);
				return OPTIONS_ERROR;
			}
			seed_given = true;
			break;
		case OPT_DUMP:
			o->dump = true;
			break;
		case OPT_SIZE:
			if (!parse_size(optarg, &o->dump_cols, &o->dump_rows)) {
				*cause = xasprintf(_("--size wants COLSxROWS such as 120x40, from "
				                     "%dx%d to %dx%d, not \"%s\""),
				                   FRAME_MIN_COLS, FRAME_MIN_ROWS, SIZE_MAX_CELLS,
				                   SIZE_MAX_CELLS, optarg);
				return OPTIONS_ERROR;
			}
			if (o->dump_cols < FRAME_MIN_COLS || o->dump_rows < FRAME_MIN_ROWS) {
				*cause =
				    xasprintf(_("--size %s is below the smallest frame citydash "
				                "draws, %dx%d"),
				              optarg, FRAME_MIN_COLS, FRAME_MIN_ROWS);
				return OPTIONS_ERROR;
			}
			size_given = true;
			break;
		case OPT_PAGE:
			if (page_name_parse(&o->page, optarg, cause) != 0)
				return OPTIONS_ERROR;
			page_given = true;
			break;
		case OPT_SCOPE:
			if (scope_parse(&o->scope, optarg, &why) != 0) {
				*cause = xasprintf("--%s", why); /* "scope ...: why" */
				free(why);
				return OPTIONS_ERROR;
			}
			break;
		case OPT_NO_COLOR:
			o->no_color = true;
			break;
		case OPT_ASCII:
			o->ascii = true;
			break;
		case OPT_THEME:
			if (!optarg[0]) {
				*cause = xstrdup(_("--theme wants a theme's name or a theme file"));
				return OPTIONS_ERROR;
			}
			theme = optarg;
			break;
		case OPT_LANG:
			break; /* applied before parsing, by main (i18n_lang_arg) */
		case OPT_KIOSK:
			o->kiosk = true;
			break;
		case OPT_ROTATE:
			if (!argnum_parse(optarg, DISPLAY_ROTATE_MS_MIN / 1000,
			                  DISPLAY_ROTATE_MS_MAX / 1000, &rotate_s)) {
				*cause = xasprintf(_("--rotate wants whole seconds from %d to %d, not "
				                     "\"%s\""),
				                   DISPLAY_ROTATE_MS_MIN / 1000,
				                   DISPLAY_ROTATE_MS_MAX / 1000, optarg);
				return OPTIONS_ERROR;
			}
			break;
		case OPT_LOG:
			if (!optarg[0]) {
				*cause = xstrdup(_("--log wants a file, or syslog"));
				return OPTIONS_ERROR;
			}
			o->log = optarg;
			break;
		case OPT_JOURNAL:
			if (!optarg[0]) {
				*cause = xstrdup(_("--journal wants a file"));
				return OPTIONS_ERROR;
			}
			journal = optarg;
			break;
		case OPT_ALERTMANAGER:
			if (strncmp(optarg, "http://", 7) != 0 && strncmp(optarg, "https://", 8) != 0) {
				*cause = xasprintf(_("--alertmanager wants an http:// or https:// URL, "
				                     "not \"%s\""),
				                   optarg);
				return OPTIONS_ERROR;
			}
			alertmanager = optarg;
			break;
		case OPT_NO_BELL:
			no_bell = true;
			break;
		case 'h':
			print_help();
			return OPTIONS_EXIT_OK;
		case 'V':
			printf("citydash %s\n", CITYDASH_VERSION);
			return OPTIONS_EXIT_OK;
		case ':':
			*cause = xasprintf(_("option %s needs a value"), argv[optind - 1]);
			return OPTIONS_ERROR;
		default:
			*cause = xasprintf(_("unknown option %s (try --help)"), argv[optind - 1]);
			return OPTIONS_ERROR;
		}
	}
	if (optind < argc) {
		*cause = xasprintf(_("unexpected argument \"%s\" (try --help)"), argv[optind]);
		return OPTIONS_ERROR;
	}
	if (seed_given && !o->demo) {
		*cause = xstrdup(_("--seed applies to the demo city: add --demo"));
		return OPTIONS_ERROR;
	}
	if (size_given && !o->dump) {
		*cause = xstrdup(_("--size applies to --dump: add --dump"));
		return OPTIONS_ERROR;
	}
	if (page_given && !o->dump) {
		*cause = xstrdup(_("--page applies to --dump: add --dump (keys 1 to 4 change "
		                   "pages on the screen)"));
		return OPTIONS_ERROR;
	}
	alarm_cfg_t *alarms = &o->config.alarms;
	if (journal) {
		free(alarms->journal);
		alarms->journal = xstrdup(journal);
	}
	if (alertmanager) {
		free(alarms->alertmanager);
		alarms->alertmanager = xstrdup(alertmanager);
	}
	if (no_bell)
		alarms->bell = false;
	if (check_config && (o->demo || o->dump)) {
		*cause = xstrdup(_("--check-config checks the configuration and exits: not with "
		                   "--demo or --dump"));
		return OPTIONS_ERROR;
	}
	/* The configuration file's usual places, when none was named. */
	char *looked = NULL, *found = NULL;
	if (!config_file && !o->demo && (check_config || o->config.source_count == 0)) {
		found = config_lookup_in(CONFIG_LOOKUP_ETC_DIR, &looked);
		if (found && config_load_file(&o->config, found, cause) != 0) {
			free(found);
			free(looked);
			return OPTIONS_ERROR;
		}
	}
	/* The command line's display settings override the file's, whichever
	 * file that was. */
	display_cfg_t *display = &o->config.display;
	if (theme) {
		free(display->theme);
		display->theme = xstrdup(theme);
	}
	if (rotate_s)
		display->rotate_ms = (int64_t)rotate_s * 1000;
	options_result_t rc = OPTIONS_RUN;
	if (rotate_s && !o->kiosk) {
		*cause = xstrdup(_("--rotate applies to the wall display: add --kiosk"));
		rc = OPTIONS_ERROR;
	} else if (o->kiosk && o->dump) {
		*cause = xstrdup(_("--kiosk runs on a terminal: not with --dump"));
		rc = OPTIONS_ERROR;
	} else if (kiosk_pages_bad(display, config_file ? config_file : found, cause)) {
		rc = OPTIONS_ERROR;
	} else if (!o->demo && o->config.source_count == 0) {
		*cause = looked ? xasprintf(_("no sources: give --source NAME=URL, --config FILE or "
		                              "--demo (no configuration file at %s)"),
		                            looked)
		                : xstrdup(_("no sources: give --source NAME=URL, --config FILE or "
		                            "--demo"));
		rc = OPTIONS_ERROR;
	} else if (check_config && theme_use(display->theme, cause) != 0) {
		rc = OPTIONS_ERROR; /* the theme is part of the configuration */
	} else if (check_config) {
		check_config_print(stdout, &o->config, config_file ? config_file : found);
		rc = OPTIONS_EXIT_OK;
	}
	free(found);
	free(looked);
	return rc;
}

void options_free(options_t *o)
{
	config_free(&o->config);
}

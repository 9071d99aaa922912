/* citydash-mock: serves the simulated city until SIGINT or SIGTERM.
 *
 * Signals are blocked before the server thread starts (so it inherits the
 * mask) and taken synchronously with sigwait(): no handler runs at all, and
 * the shutdown happens on the main thread in plain code. */
#include "mock_server.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "argnum.h"
#include "i18n.h"
#include "scenario.h"
#include "xalloc.h"

#define EXIT_USAGE      2
#define SERVE_MAX_BYTES (64u * 1024u * 1024u)
#define SPEED_MIN       0.001
#define SPEED_MAX       86400.0 /* a day a second */

/* The --serve documents, read at start. */
typedef struct files {
	mock_file_t *items;
	size_t count;
} files_t;

static void files_free(files_t *f)
{
	for (size_t i = 0; i < f->count; i++) {
		free((char *)f->items[i].path);
		free((char *)f->items[i].body);
	}
	free(f->items);
}

/* Reads "PATH=FILE" into f; returns false with a message on stderr. */
static bool files_add(files_t *f, const char *arg)
{
	const char *eq = strchr(arg, '=');
	if (!eq || arg[0] != '/' || !eq[1]) {
		fprintf(stderr,
		        _("citydash-mock: --serve wants PATH=FILE with PATH starting "
		          "with /, not \"%s\"\n"),
		        arg);
		return false;
	}
	FILE *in = fopen(eq + 1, "rb");
	if (!in) {
		fprintf(stderr, "citydash-mock: %s: %s\n", eq + 1, strerror(errno));
		return false;
	}
	size_t cap = 4096, len = 0;
	char *body = xmalloc(cap);
	size_t n;
	while ((n = fread(body + len, 1, cap - len, in)) > 0) {
		len += n;
		if (len > SERVE_MAX_BYTES)
			break;
		if (len == cap)
			body = xreallocarray(body, cap *= 2, 1);
	}
	bool failed = ferror(in) || len > SERVE_MAX_BYTES;
	fclose(in);
	if (failed) {
		fprintf(stderr, _("citydash-mock: %s: unreadable or larger than %u bytes\n"),
		        eq + 1, SERVE_MAX_BYTES);
		free(body);
		return false;
	}
	f->items = xreallocarray(f->items, f->count + 1, sizeof *f->items);
	f->items[f->count++] =
	    (mock_file_t){.path = xstrndup(arg, (size_t)(eq - arg)), .body = body, .len = len};
	return true;
}

/* Every connection held is an open file: raise the soft RLIMIT_NOFILE
 * toward the hard limit, as far as the server wants, and say so when the
 * hard limit is too low (the server then holds fewer connections). */
static void raise_files_limit(void)
{
	rlim_t want = (rlim_t)mock_server_files_wanted();
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur >= want)
		return;
	rlim_t cur = rl.rlim_cur;
	rl.rlim_cur = rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want ? rl.rlim_max : want;
	if (rl.rlim_cur > cur && setrlimit(RLIMIT_NOFILE, &rl) == 0)
		cur = rl.rlim_cur;
	if (cur < want)
		fprintf(stderr,
		        _("citydash-mock: open files limited to %ju (ulimit -n), %ju "
		          "wanted: fewer connections held at once\n"),
		        (uintmax_t)cur, (uintmax_t)want);
}

static void usage(FILE *out)
{
	fprintf(out,
	        _("Usage: citydash-mock [OPTION]...\n"
	          "Serve a simulated city over HTTP (citydash feed protocol v1; at /sta/v1.1\n"
	          "also as an OGC SensorThings API v1.1 service).\n"
	          "\n"
	          "  --port N      TCP port (default 8080; 0 picks a free port)\n"
	          "  --bind ADDR   IPv4 address to listen on (default 127.0.0.1)\n"
	          "  --seed N      seed of the simulation (default 1)\n"
	          "  --tick-ms N   milliseconds per simulation step (default 1000)\n"
	          "  --scale NAME  size of the city: demo (default; 9 districts, 45 streets,\n"
	          "                239 readings, 16 KPIs) or city (Chongqing's 40 districts\n"
	          "                and counties, 335 streets, 4476 readings, 911 KPIs)\n"
	          "  --readings N  serve N readings (1 to 1000000) instead of the scale's\n"
	          "                own, shared among the domains in its proportions\n"
	          "  --kpis N      serve N KPIs (1 to 1000000): city-wide ones first, then\n"
	          "                KPIs of each district, then of each street\n"
	          "  --serve PATH=FILE\n"
	          "                serve FILE's bytes at PATH (e.g. /v1/feeds/water) in place\n"
	          "                of the city's own document there: a feed that lies;\n"
	          "                repeatable\n"
	          "  --fault SPEC  misbehave on the feed documents (/v1/...), never on /healthz\n"
	          "                or /metrics: SPEC is KIND=VALUE[,KIND=VALUE]...; repeatable.\n"
	          "                latency=MS delays every answer (0 to 60000); the others\n"
	          "                take a RATE, the fraction (0 to 1) of requests it hits:\n"
	          "                error=RATE answers 500 or 503 (503 with Retry-After: 1),\n"
	          "                garbage=RATE a body that is not JSON, truncate=RATE the\n"
	          "                document cut in half, hang=RATE never answers,\n"
	          "                slow=RATE drips the document (about 2 s). Which request\n"
	          "                of a path is hit depends only on --seed, the path and\n"
	          "                its request number. E.g. --fault error=0.2,latency=300\n"
	          "  --speed K     simulated seconds per second (default 1; 0.001 to 86400,\n"
	          "                decimals allowed): the day's curves, drifts and scenarios\n"
	          "                run K times faster, e.g. 60 is an hour a minute\n"
	          "  --scenario NAME\n"
	          "                start scenario NAME at once (repeatable, one run each):\n"
	          "                main-burst, heatwave, flood or festival; they can also be\n"
	          "                started live with POST /v1/scenarios/NAME from loopback\n"
	          "                and are listed at GET /v1/scenarios\n"
	          "  --no-since    the feeds ignore ?since=CURSOR and send no cursor: a\n"
	          "                producer without report by exception\n"
	          "  --since-window N\n"
	          "                ticks a cursor of ?since= stays good (1 to 1000000,\n"
	          "                default 600); an older one gets the whole document\n"
	          "  --lang LANG   the language of messages and this help: en or zh_CN\n"
	          "                (default: the locale's, from LANGUAGE, LC_ALL,\n"
	          "                LC_MESSAGES, LANG)\n"
	          "  -h, --help    show this help and exit\n"
	          "  -V, --version show the version and exit\n"
	          "\n"
	          "Exit status: 0 stopped by SIGINT or SIGTERM; 1 cannot listen (the reason\n"
	          "follows); 2 bad usage (a number that is not one or is out of range, an\n"
	          "unknown scale, a bad --fault SPEC, an unknown scenario).\n"));
}

/* A strict decimal integer in [min, max]: digits only, no sign, no space,
 * no overflow (argnum.h). */
static bool parse_number(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	return argnum_parse(s, min, max, out);
}

/* A strict positive decimal in [SPEED_MIN, SPEED_MAX]: digits and at most
 * one point, nothing else (no sign, exponent, hex, inf or nan). */
static bool parse_speed(const char *s, double *out)
{
	size_t digits = strspn(s, "0123456789.");
	const char *dot = strchr(s, '.');
	if (!*s || s[digits] || (dot && strchr(dot + 1, '.')) || strcmp(s, ".") == 0)
		return false;
	char *end;
	double v = strtod(s, &end);
	if (*end || !(v >= SPEED_MIN && v <= SPEED_MAX))
		return false;
	*out = v;
	return true;
}

static int bad_value(const char *opt, const char *value, const char *want)
{
	fprintf(stderr, _("citydash-mock: invalid value \"%s\" for %s (%s)\n"), value, opt, want);
	fprintf(stderr, _("Try 'citydash-mock --help'.\n"));
	return EXIT_USAGE;
}

/* The --scenario names, in order. */
typedef struct names {
	const char **items;
	size_t count;
} names_t;

/* Fills opts from argv. Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, mock_options_t *opts, files_t *files,
                      names_t *scenarios)
{
	enum {
		OPT_PORT = 256,
		OPT_BIND,
		OPT_SEED,
		OPT_TICK,
		OPT_SERVE,
		OPT_SCALE,
		OPT_READINGS,
		OPT_KPIS,
		OPT_FAULT,
		OPT_SPEED,
		OPT_SCENARIO,
		OPT_NO_SINCE,
		OPT_SINCE_WINDOW,
		OPT_LANG
	};
	static const struct option longopts[] = {
	    {"port", required_argument, NULL, OPT_PORT},
	    {"bind", required_argument, NULL, OPT_BIND},
	    {"seed", required_argument, NULL, OPT_SEED},
	    {"tick-ms", required_argument, NULL, OPT_TICK},
	    {"serve", required_argument, NULL, OPT_SERVE},
	    {"scale", required_argument, NULL, OPT_SCALE},
	    {"readings", required_argument, NULL, OPT_READINGS},
	    {"kpis", required_argument, NULL, OPT_KPIS},
	    {"fault", required_argument, NULL, OPT_FAULT},
	    {"speed", required_argument, NULL, OPT_SPEED},
	    {"scenario", required_argument, NULL, OPT_SCENARIO},
	    {"no-since", no_argument, NULL, OPT_NO_SINCE},
	    {"since-window", required_argument, NULL, OPT_SINCE_WINDOW},
	    {"lang", required_argument, NULL, OPT_LANG},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0},
	};
	uint64_t v;
	int c;
	opterr = 0; /* we print our own messages */
	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_PORT:
			if (!parse_number(optarg, 0, 65535, &v))
				return bad_value("--port", optarg, _("0 to 65535"));
			opts->port = (uint16_t)v;
			break;
		case OPT_BIND:
			opts->bind = optarg;
			break;
		case OPT_SEED:
			if (!parse_number(optarg, 0, UINT64_MAX, &v))
				return bad_value("--seed", optarg, _("0 to 18446744073709551615"));
			opts->seed = v;
			break;
		case OPT_TICK:
			if (!parse_number(optarg, 1, 86400000, &v))
				return bad_value("--tick-ms", optarg, _("1 to 86400000"));
			opts->tick_ms = (unsigned)v;
			break;
		case OPT_SCALE:
			if (strcmp(optarg, "demo") == 0)
				opts->city.scale = CITY_SCALE_DEMO;
			else if (strcmp(optarg, "city") == 0)
				opts->city.scale = CITY_SCALE_CITY;
			else
				return bad_value("--scale", optarg, _("demo or city"));
			break;
		case OPT_READINGS:
			if (!parse_number(optarg, 1, 1000000, &v))
				return bad_value("--readings", optarg, _("1 to 1000000"));
			opts->city.readings = (size_t)v;
			break;
		case OPT_KPIS:
			if (!parse_number(optarg, 1, 1000000, &v))
				return bad_value("--kpis", optarg, _("1 to 1000000"));
			opts->city.kpis = (size_t)v;
			break;
		case OPT_FAULT: {
			char err[256];
			if (!fault_parse(&opts->fault, optarg, err, sizeof err)) {
				fprintf(stderr, _("citydash-mock: --fault \"%s\": %s\n"), optarg,
				        err);
				fprintf(stderr, _("Try 'citydash-mock --help'.\n"));
				return EXIT_USAGE;
			}
			break;
		}
		case OPT_SPEED:
			if (!parse_speed(optarg, &opts->speed))
				return bad_value("--speed", optarg, _("0.001 to 86400"));
			break;
		case OPT_SCENARIO: {
			size_t k;
			if (!city_scenario_find(optarg, &k))
				return bad_value("--scenario", optarg,
				                 _("main-burst, heatwave, flood or festival"));
			scenarios->items = xreallocarray(scenarios->items, scenarios->count + 1,
			                                 sizeof *scenarios->items);
			scenarios->items[scenarios->count++] = optarg;
			break;
		}
		case OPT_NO_SINCE:
			opts->no_since = true;
			break;
		case OPT_SINCE_WINDOW:
			if (!parse_number(optarg, 1, 1000000, &v))
				return bad_value("--since-window", optarg, _("1 to 1000000"));
			opts->since_window = (unsigned)v;
			break;
		case OPT_SERVE:
			if (!files_add(files, optarg))
				return EXIT_USAGE;
			break;
		case OPT_LANG:
			break; /* applied before parsing, by main (i18n_lang_arg) */
		case 'h':
			usage(stdout);
			return EXIT_SUCCESS;
		case 'V':
			printf("citydash-mock %s\n", CITYDASH_VERSION);
			return EXIT_SUCCESS;
		default:
			if (optopt)
				fprintf(stderr,
				        _("citydash-mock: option needs a value or is unknown: "
				          "%s\n"),
				        argv[optind - 1]);
			else
				fprintf(stderr, _("citydash-mock: unknown option: %s\n"),
				        argv[optind - 1]);
			fprintf(stderr, _("Try 'citydash-mock --help'.\n"));
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("citydash-mock: unexpected argument: %s\n"), argv[optind]);
		fprintf(stderr, _("Try 'citydash-mock --help'.\n"));
		return EXIT_USAGE;
	}
	return -1;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* Numbers are written and read in JSON, which knows only the decimal point:
	 * a decimal-comma locale must not reach printf and strtod. */
	setlocale(LC_NUMERIC, "C");
	/* The language first: the options' own errors are translated. */
	char *cause = NULL;
	if (i18n_start(i18n_lang_arg(argc, argv), &cause) != 0) {
		fprintf(stderr, "citydash-mock: --lang: %s\n", cause);
		free(cause);
		return EXIT_USAGE;
	}
	mock_options_t opts = {
	    .bind = "127.0.0.1", .port = 8080, .seed = 1, .tick_ms = 1000, .log_errors = true};
	files_t files = {0};
	names_t scenarios = {0};
	int status = parse_args(argc, argv, &opts, &files, &scenarios);
	if (status >= 0) {
		files_free(&files);
		free(scenarios.items);
		return status;
	}
	opts.files = files.items;
	opts.file_count = files.count;
	opts.scenarios = scenarios.items;
	opts.scenario_count = scenarios.count;

	/* A shell starts background jobs with SIGINT ignored, and an ignored
	 * signal never reaches sigwait(): restore the default disposition (it
	 * never applies, the signals stay blocked) so both always stop us. */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	raise_files_limit();
	cause = NULL;
	mock_server_t *srv = mock_server_start(&opts, &cause);
	if (!srv) {
		fprintf(stderr, "citydash-mock: %s\n", cause);
		free(cause);
		files_free(&files);
		free(scenarios.items);
		return EXIT_FAILURE;
	}
	/* Machine-read by scripts and tests: not translated. */
	printf("listening on http://%s:%u\n", opts.bind, (unsigned)mock_server_port(srv));
	fflush(stdout);

	int sig = 0;
	sigwait(&set, &sig); /* fails only for an invalid set */
	mock_server_stop(srv);
	files_free(&files);
	free(scenarios.items);
	return EXIT_SUCCESS;
}

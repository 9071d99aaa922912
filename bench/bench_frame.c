/* bench_frame: what one frame of each page costs at city scale, beside what
 * one poll of the same city costs to ingest, and the memory of it all.
 *
 *   bench_frame [ROUNDS] [HISTORY_S] [CITYDASH MOCK]
 *     (default 15 rounds, 600 s of history, the programs built beside it;
 *      "-" for CITYDASH skips the citydash --dump run)
 *
 * The store is the seeded mock city at --scale city (4,476 readings, 911
 * KPIs, hundreds of events) ingested through the real parser with HISTORY_S
 * seconds of 1 s history (tests/support/city_fixture.h). Then, ROUNDS times:
 * one poll of the next second — the six domain documents, the KPIs and the
 * events, whole, through ingest_body (the documents are made before the
 * clock starts: the mock's cost is not ours) — timed; alarms and both views
 * evaluated, timed; and one full frame of each page (overview, domain, KPI
 * board, KPI, events board, event, tiers, reading, alarms, sources) drawn at
 * 200x60 on an off-screen terminal as --dump does (frame_draw + frame_stage),
 * timed, then written out as a whole repaint (doupdate into /dev/null),
 * timed apart. Medians are printed with each frame's ratio to the poll's
 * ingest, measured in the same run (target: under 10%).
 *
 * Memory: VmRSS of this process (/proc/self/status) before anything, with
 * the mock city's model alone, and with the whole city-scale store, alarms
 * and views holding HISTORY_S of history (this process also holds the mock
 * city's model, which citydash does not: its share is printed apart). Then,
 * unless CITYDASH is "-", the peak RSS of a real `citydash --dump` against
 * `citydash-mock --scale city` (wait4's ru_maxrss): one poll, so its
 * history rings hold a second, but each ring's slots are allocated whole at
 * its first value. Target for citydash at city scale: under 48 MB.
 * Figures, not assertions. */
#include <curses.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_line.h"
#include "bench_poll.h"
#include "city_fixture.h"
#include "city_json.h"
#include "frame.h"
#include "ingest.h"
#include "page_names.h"
#include "theme.h"
#include "xalloc.h"

#define COLS_    200
#define ROWS_    60
#define SEED     7

/* VmRSS of this process in KiB, or -1. */
static long rss_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return -1;
	char line[256];
	long kib = -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmRSS: %ld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

/* ---- the pages ---- */

enum { PAGE_SET = 10 };

typedef struct bench_page {
	const char *label;
	char name[320]; /* a --page name; "" when the city has no such item */
} bench_page_t;

/* The pages to draw, items picked from the views: the first KPI of the
 * board, the first event of the board, the worst reading of water. */
static void pick_pages(const city_fixture_t *fx, bench_page_t pages[PAGE_SET])
{
	static const char *const labels[PAGE_SET] = {
	    "overview", "domain:water", "kpis",    "kpi",    "events",
	    "event",    "tiers",        "reading", "alarms", "sources",
	};
	for (int i = 0; i < PAGE_SET; i++) {
		pages[i].label = labels[i];
		snprintf(pages[i].name, sizeof pages[i].name, "%s", labels[i]);
	}
	const kpi_t *k = fx->gov.kpi_count ? gov_kpi(fx->store, fx->gov.kpis[0]) : NULL;
	const event_t *e = fx->gov.event_count ? gov_event(fx->store, fx->gov.events[0]) : NULL;
	const domain_view_t *water = &fx->view.domains[DOMAIN_WATER];
	const reading_t *r =
	    water->total ? store_reading(fx->store, water->worst[0]) : store_reading(fx->store, 0);
	snprintf(pages[3].name, sizeof pages[3].name, "%s%s", k ? "kpi:" : "", k ? k->id : "");
	snprintf(pages[5].name, sizeof pages[5].name, "%s%s", e ? "event:" : "", e ? e->id : "");
	snprintf(pages[7].name, sizeof pages[7].name, "%s%s", r ? "reading:" : "", r ? r->id : "");
}

/* Draws the page `name` once: the composition's ms into *draw, the
 * repaint's into *out. Returns -1 if the name is not (or no longer) found. */
static int draw_page(frame_t *frame, const city_fixture_t *fx, const char *name, double *draw,
                     double *out)
{
	page_request_t req;
	nav_t nav;
	char *cause = NULL;
	if (!name[0] || page_name_parse(&req, name, &cause) != 0 ||
	    page_name_open(&req, fx->store, &fx->scope, &nav, &cause) != 0) {
		free(cause);
		return -1;
	}
	ui_ctx_t ctx;
	city_fixture_ctx(fx, &ctx);
	double t0 = bench_mono_ms();
	frame_draw(frame, &ctx, &nav);
	frame_stage(frame);
	double t1 = bench_mono_ms();
	clearok(curscr, TRUE); /* a whole repaint, as when the page changes */
	doupdate();
	*draw = t1 - t0;
	*out = bench_mono_ms() - t1;
	return 0;
}

/* ---- citydash --dump against citydash-mock --scale city ---- */

/* Starts the mock on an ephemeral port; its pid, and the port into *port. */
static pid_t start_mock(const char *mock, int *port)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execl(mock, mock, "--port", "0", "--scale", "city", "--seed", "7", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	FILE *f = fdopen(fds[0], "r");
	char line[256];
	*port = 0;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "listening on http://127.0.0.1:%d", port) == 1)
			break;
	if (f)
		fclose(f); /* the mock says nothing more on stdout */
	return *port ? pid : -1;
}

/* The peak RSS of `citydash --dump` against the mock in KiB, or -1. */
static long dump_rss_kib(const char *citydash, const char *mock)
{
	int port;
	pid_t m = start_mock(mock, &port);
	if (m < 0) {
		fprintf(stderr, "bench_frame: cannot start %s\n", mock);
		return -1;
	}
	char cfg[] = "/tmp/bench_frame_XXXXXX";
	int fd = mkstemp(cfg);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	long kib = -1;
	if (f) {
		static const char *const feeds[] = {"water",   "power",  "gas",
		                                    "telecom", "bridge", "tunnel"};
		fprintf(f, "{\"defaults\": {\"timeout_ms\": 10000}, \"sources\": [");
		for (size_t i = 0; i < 6; i++)
			fprintf(f,
			        "{\"name\": \"%s\", \"url\": \"http://127.0.0.1:%d/v1/feeds/%s\"},",
			        feeds[i], port, feeds[i]);
		fprintf(f, "{\"name\": \"kpis\", \"url\": \"http://127.0.0.1:%d/v1/kpis\"},", port);
		fprintf(f, "{\"name\": \"events\", \"url\": \"http://127.0.0.1:%d/v1/events\"}]}",
		        port);
		fclose(f);
		pid_t c = fork();
		if (c == 0) {
			int null = open("/dev/null", O_WRONLY);
			if (null >= 0)
				dup2(null, STDOUT_FILENO);
			execl(citydash, citydash, "--config", cfg, "--dump", "--size", "200x60",
			      (char *)NULL);
			_exit(127);
		}
		int status;
		struct rusage ru;
		if (c > 0 && wait4(c, &status, 0, &ru) == c && WIFEXITED(status) &&
		    WEXITSTATUS(status) == 0)
			kib = ru.ru_maxrss;
		else
			fprintf(stderr, "bench_frame: %s --dump failed\n", citydash);
		unlink(cfg);
	}
	kill(m, SIGTERM);
	waitpid(m, NULL, 0);
	return kib;
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 15;
	int history = argc > 2 ? atoi(argv[2]) : 600;
	const char *citydash = argc > 3 ? argv[3] : CITYDASH_PROGRAM;
	const char *mock = argc > 4 ? argv[4] : MOCK_PROGRAM;
	if (rounds < 1 || rounds > 1000 || history < 1 || history > 3600) {
		fprintf(stderr, "usage: bench_frame [ROUNDS 1-1000] [HISTORY_S 1-3600] "
		                "[CITYDASH|- MOCK]\n");
		return 2;
	}

	long rss_start = rss_kib();
	city_config_t cfg = {.scale = CITY_SCALE_CITY, .start_ms = CITY_FIXTURE_NOW_MS};
	city_t *alone = city_create_config(SEED, &cfg);
	long rss_city = rss_kib();
	city_destroy(alone);

	printf("bench_frame: the mock city at city scale, seed %d, %d s of 1 s history, "
	       "%d rounds, frames %dx%d\n",
	       SEED, history, rounds, COLS_, ROWS_);
	double t0 = bench_mono_ms();
	city_fixture_t fx;
	if (city_fixture_open(&fx, CITY_SCALE_CITY, SEED, history, NULL) != 0) {
		fprintf(stderr, "bench_frame: the city's documents did not parse\n");
		return 1;
	}
	long rss_store = rss_kib();
	printf("store: %zu readings, %zu KPIs, %zu events (%zu open); built in %.1f s\n",
	       store_reading_count(fx.store), store_kpi_count(fx.store),
	       store_event_count(fx.store), fx.gov.event_count, (bench_mono_ms() - t0) / 1e3);

	/* The off-screen terminal, as --dump has it. */
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr = out && in ? newterm("xterm-256color", out, in) : NULL;
	if (!scr) {
		fprintf(stderr, "bench_frame: cannot set up an off-screen terminal\n");
		return 1;
	}
	resize_term(ROWS_, COLS_);
	theme_init(true);
	frame_t frame = {0};
	frame_layout(&frame, ROWS_, COLS_);

	bench_page_t pages[PAGE_SET];
	pick_pages(&fx, pages);
	double *draw[PAGE_SET], *repaint[PAGE_SET],
	    *ingest = xcalloc((size_t)rounds, sizeof(double)),
	    *eval = xcalloc((size_t)rounds, sizeof(double));
	int drawn[PAGE_SET] = {0};
	for (int i = 0; i < PAGE_SET; i++) {
		draw[i] = xcalloc((size_t)rounds, sizeof(double));
		repaint[i] = xcalloc((size_t)rounds, sizeof(double));
	}
	size_t poll_bytes = 0;
	for (int r = 0; r < rounds; r++) {
		bench_poll_t p;
		bench_poll_make(&fx, r + 1, &p);
		poll_bytes = p.bytes;
		fx.now_ms = fx.clock_ms = CITY_FIXTURE_NOW_MS + (int64_t)(r + 1) * 1000;
		ingest[r] = bench_poll_ingest(&fx, &p, "bench_frame");
		bench_poll_free(&p);
		if (ingest[r] < 0)
			return 1;
		double e0 = bench_mono_ms();
		city_fixture_set_scope(&fx, &fx.scope); /* evaluates at fx.now_ms */
		eval[r] = bench_mono_ms() - e0;
		for (int i = 0; i < PAGE_SET; i++) {
			double d, o;
			if (draw_page(&frame, &fx, pages[i].name, &d, &o) == 0) {
				draw[i][drawn[i]] = d;
				repaint[i][drawn[i]++] = o;
			}
		}
	}
	long rss_end = rss_kib();
	frame_free(&frame);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);

	double ingest_ms = bench_median(ingest, rounds);
	printf("one poll (6 domain documents + KPIs + events, %.1f MB) ingested: median %.2f ms; "
	       "alarms and views evaluated: %.2f ms\n",
	       (double)poll_bytes / 1e6, ingest_ms, bench_median(eval, rounds));
	printf("%-14s %10s %12s %12s\n", "page", "frame ms", "of ingest", "repaint ms");
	double slowest = 0;
	const char *slowest_label = "";
	for (int i = 0; i < PAGE_SET; i++) {
		if (!drawn[i]) {
			printf("%-14s %10s\n", pages[i].label, "(none)");
			continue;
		}
		double d = bench_median(draw[i], drawn[i]);
		printf("%-14s %10.3f %11.1f%% %12.3f\n", pages[i].label, d, 100 * d / ingest_ms,
		       bench_median(repaint[i], drawn[i]));
		if (d > slowest) {
			slowest = d;
			slowest_label = pages[i].label;
		}
	}
	char name[64];
	snprintf(name, sizeof name, "frame: slowest page (%s)", slowest_label);
	bench_line(name, slowest, "ms", "one poll's ingest", ingest_ms, "<=0.10x");
	printf("RSS (VmRSS): %.1f MB at start, +%.1f MB for the mock city's model alone; "
	       "%.1f MB with the store, alarms and views (%d s of history), %.1f MB after the "
	       "rounds; without the model about %.1f MB (target for citydash: < 48 MB)\n",
	       rss_start / 1024.0, (rss_city - rss_start) / 1024.0, rss_store / 1024.0, history,
	       rss_end / 1024.0, (rss_end - (rss_city - rss_start)) / 1024.0);
	city_fixture_close(&fx);
	for (int i = 0; i < PAGE_SET; i++) {
		free(draw[i]);
		free(repaint[i]);
	}
	free(ingest);
	free(eval);

	if (strcmp(citydash, "-") != 0) {
		long kib = dump_rss_kib(citydash, mock);
		if (kib > 0)
			printf("citydash --dump --size 200x60 against citydash-mock --scale city: "
			       "peak RSS %.1f MB\n",
			       kib / 1024.0);
	}
	return 0;
}

/* bench_alarms: what alarm management costs at city scale, beside what one
 * poll of the same city costs to ingest, measured in the same run.
 *
 *   bench_alarms [ROUNDS] [JOURNAL_LINES]    (default 15 rounds, 100000 lines)
 *
 * The store is the seeded mock city at --scale city (4,476 readings) with a
 * minute of history (tests/support/city_fixture.h). Then, ROUNDS times, one
 * poll of the next second — the six domain documents, the KPIs and the
 * events, made before the clock starts — is ingested (timed), and four
 * engines of our own evaluate the whole store (each timed):
 *   bare       no configuration, nobody acted (cfg NULL, ops NULL)
 *   ops        a real alarm_ops holding a few hundred acks and shelves, on
 *              alarms the city raises and on ids it does not have
 *   cfg        the built-in alarm_cfg (per-domain deadbands and delays)
 *   cfg + ops  both, as a session runs
 * Each engine evaluates once before the rounds (its first evaluation builds
 * its state and is not what a poll costs).
 *
 * Journal: JOURNAL_LINES lines (acks, shelves with CJK reasons, unshelves)
 * are written into a temporary file in one go (the bytes journal_append
 * writes, without 100,000 fsyncs), then replayed ROUNDS times by a fresh
 * journal_open + journal_read into a fresh alarm_ops (the file is in the
 * page cache: this is the parse and apply, not the disk). Also the median of
 * a few hundred real journal_append calls (lock, write, fsync: the disk's).
 * Medians, with their ratio to the ingest. Figures, not assertions. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alarm.h"
#include "alarm_cfg.h"
#include "alarm_ops.h"
#include "bench_line.h"
#include "bench_poll.h"
#include "city_fixture.h"
#include "city_json.h"
#include "ingest.h"
#include "journal.h"
#include "journal_line.h"
#include "xalloc.h"

#define SEED      7
#define HISTORY   60
#define DECISIONS 300 /* acks and shelves held by the ops */
#define APPENDS   200 /* real, fsync'd appends timed */

/* ---- the operators' decisions ---- */

/* Alarm ids to act on: those the city raises, then made-up ones. */
static char *decision_id(const city_fixture_t *fx, size_t i)
{
	size_t n = alarm_engine_alarm_count(fx->alarms);
	if (i < n && i % 4 != 3)
		return xstrdup(alarm_engine_alarm(fx->alarms, i)->id);
	return xasprintf("water.nowhere.p%zu", i);
}

static journal_entry_t decision(const char *id, size_t i, int64_t now_ms)
{
	static const char *const reasons[] = {"泵房巡检确认", "pump swap, crew on site",
	                                      "传感器校准中", ""};
	journal_action_t a = i % 7 == 6 ? JOURNAL_UNSHELVE : i % 2 ? JOURNAL_SHELVE : JOURNAL_ACK;
	return (journal_entry_t){.at_ms = now_ms - 60000 + (int64_t)(i % 60000),
	                         .user = i % 3 ? "li" : "wang",
	                         .host = i % 5 ? "wall-1" : "ssh-2",
	                         .alarm = id,
	                         .action = a,
	                         .reason = reasons[i % 4],
	                         .until_ms = a == JOURNAL_SHELVE ? now_ms + 3600000 : 0};
}

static alarm_ops_t *make_ops(const city_fixture_t *fx)
{
	alarm_ops_t *ops = alarm_ops_create();
	for (size_t i = 0; i < DECISIONS; i++) {
		char *id = decision_id(fx, i);
		journal_entry_t e = decision(id, i, fx->clock_ms);
		alarm_ops_apply(ops, &e);
		free(id);
	}
	return ops;
}

/* ---- the journal ---- */

/* Writes `lines` lines into path in one go; returns its size, or 0. */
static size_t write_journal(const city_fixture_t *fx, const char *path, long lines)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return 0;
	size_t bytes = 0;
	for (long i = 0; i < lines; i++) {
		char *id = decision_id(fx, (size_t)i % 2000), *cause = NULL;
		journal_entry_t e = decision(id, (size_t)i, fx->clock_ms);
		size_t len;
		char *line = journal_line_encode(&e, &len, &cause);
		if (!line || fwrite(line, 1, len, f) != len) {
			fprintf(stderr, "bench_alarms: %s\n", cause ? cause : "cannot write");
			fclose(f);
			return 0;
		}
		bytes += len;
		free(line);
		free(id);
	}
	return fclose(f) == 0 ? bytes : 0;
}

static void apply_line(void *ctx, const journal_entry_t *e)
{
	alarm_ops_apply(ctx, e);
}

/* One replay (into a fresh alarm_ops, or with into_ops false into nothing:
 * the journal's own share): ms, or -1. */
static double replay(const char *path, long expect, bool into_ops)
{
	char *cause = NULL;
	double t0 = bench_mono_ms();
	journal_t *j = journal_open(path, &cause);
	alarm_ops_t *ops = alarm_ops_create();
	long n = j ? journal_read(j, into_ops ? apply_line : NULL, ops, &cause) : -1;
	double ms = bench_mono_ms() - t0;
	if (n != expect)
		fprintf(stderr, "bench_alarms: replay read %ld lines of %ld: %s\n", n, expect,
		        cause ? cause : "bad lines");
	free(cause);
	journal_close(j);
	alarm_ops_destroy(ops);
	return n == expect ? ms : -1;
}

/* Median ms of real appends (lock, write, fsync), or -1. */
static double appends(const char *path)
{
	char *cause = NULL;
	journal_t *j = journal_open(path, &cause);
	if (!j) {
		fprintf(stderr, "bench_alarms: %s\n", cause);
		free(cause);
		return -1;
	}
	double t[APPENDS];
	for (int i = 0; i < APPENDS; i++) {
		journal_entry_t e = decision("water.bench.append", (size_t)i, 1795658400000);
		double t0 = bench_mono_ms();
		if (journal_append(j, &e, &cause) != 0) {
			fprintf(stderr, "bench_alarms: %s\n", cause);
			free(cause);
			journal_close(j);
			return -1;
		}
		t[i] = bench_mono_ms() - t0;
	}
	journal_close(j);
	return bench_median(t, APPENDS);
}

/* ---- main ---- */

enum { EV_BARE, EV_OPS, EV_CFG, EV_BOTH, EV_COUNT };

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 15;
	long lines = argc > 2 ? atol(argv[2]) : 100000;
	if (rounds < 1 || rounds > 1000 || lines < 1 || lines > 10000000) {
		fprintf(stderr, "usage: bench_alarms [ROUNDS 1-1000] [JOURNAL_LINES]\n");
		return 2;
	}
	printf("bench_alarms: the mock city at city scale, seed %d, %d s of history, %d rounds\n",
	       SEED, HISTORY, rounds);
	city_fixture_t fx;
	if (city_fixture_open(&fx, CITY_SCALE_CITY, SEED, HISTORY, NULL) != 0) {
		fprintf(stderr, "bench_alarms: the city's documents did not parse\n");
		return 1;
	}
	alarm_cfg_t cfg;
	alarm_cfg_defaults(&cfg);
	alarm_ops_t *ops = make_ops(&fx);
	static const char *const labels[EV_COUNT] = {
	    "evaluate: bare", "evaluate: + ops", "evaluate: + built-in cfg", "evaluate: cfg + ops"};
	alarm_engine_t *eng[EV_COUNT];
	double *ev[EV_COUNT], *ingest = xcalloc((size_t)rounds, sizeof(double));
	for (int k = 0; k < EV_COUNT; k++) {
		eng[k] = alarm_engine_create();
		alarm_engine_configure(eng[k], k == EV_CFG || k == EV_BOTH ? &cfg : NULL,
		                       k == EV_OPS || k == EV_BOTH ? ops : NULL);
		alarm_engine_evaluate(eng[k], fx.store, fx.now_ms); /* builds its state */
		ev[k] = xcalloc((size_t)rounds, sizeof(double));
	}
	for (int r = 0; r < rounds; r++) {
		bench_poll_t p;
		bench_poll_make(&fx, r + 1, &p);
		fx.now_ms = fx.clock_ms = CITY_FIXTURE_NOW_MS + (int64_t)(r + 1) * 1000;
		ingest[r] = bench_poll_ingest(&fx, &p, "bench_alarms");
		bench_poll_free(&p);
		if (ingest[r] < 0)
			return 1;
		for (int k = 0; k < EV_COUNT; k++) {
			double t0 = bench_mono_ms();
			alarm_engine_evaluate(eng[k], fx.store, fx.now_ms);
			ev[k][r] = bench_mono_ms() - t0;
		}
	}
	double ingest_ms = bench_median(ingest, rounds);
	printf("store: %zu readings; one poll (6 domain documents + KPIs + events) ingested: "
	       "median %.2f ms\n",
	       store_reading_count(fx.store), ingest_ms);
	printf("%-30s %10s %10s %8s\n", "", "median ms", "of ingest", "alarms");
	for (int k = 0; k < EV_COUNT; k++) {
		double m = bench_median(ev[k], rounds);
		printf("%-30s %10.3f %9.1f%% %8zu\n", labels[k], m, 100 * m / ingest_ms,
		       alarm_engine_alarm_count(eng[k]));
		if (k == EV_BOTH)
			bench_line("alarms: evaluate, cfg + ops", m, "ms", "one poll's ingest",
			           ingest_ms, NULL);
	}
	printf("(ops: %d decisions; acked in the cfg + ops engine: %zu, shelved: %zu)\n", DECISIONS,
	       alarm_engine_state_count(eng[EV_BOTH], ISA_ACKED),
	       alarm_engine_state_count(eng[EV_BOTH], ISA_SHLVD));

	/* The journal, in a folder of its own. */
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/bench_alarms_XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int rc = 1;
	if (!mkdtemp(dir)) {
		fprintf(stderr, "bench_alarms: cannot make a temporary folder\n");
		goto out;
	}
	char *path = xasprintf("%s/journal.jsonl", dir);
	size_t bytes = write_journal(&fx, path, lines);
	double *rep = xcalloc((size_t)rounds, sizeof(double));
	double *bare = xcalloc((size_t)rounds, sizeof(double));
	int ok = bytes > 0;
	for (int r = 0; ok && r < rounds; r++)
		ok = (rep[r] = replay(path, lines, true)) >= 0 &&
		     (bare[r] = replay(path, lines, false)) >= 0;
	if (ok) {
		double m = bench_median(rep, rounds), b = bench_median(bare, rounds);
		printf("%-30s %10.3f %9.1f%%   %ld lines, %.1f MB, %.0f lines/s\n",
		       "journal replay into alarm_ops", m, 100 * m / ingest_ms, lines,
		       (double)bytes / 1e6, lines / (m / 1e3));
		bench_line("alarms: journal replay", m, "ms", "one poll's ingest", ingest_ms, NULL);
		printf("%-30s %10.3f %9.1f%%   the journal's share (read, parse; no ops)\n",
		       "journal read alone", b, 100 * b / ingest_ms);
		char *fresh = xasprintf("%s/append.jsonl", dir);
		double a = appends(fresh);
		if (a >= 0) {
			printf("%-30s %10.3f %9.1f%%   median of %d (lock, write, fsync)\n",
			       "journal append", a, 100 * a / ingest_ms, APPENDS);
			bench_line("alarms: journal append", a, "ms", "one poll's ingest",
			           ingest_ms, NULL);
		}
		unlink(fresh);
		free(fresh);
		rc = a >= 0 ? 0 : 1;
	}
	unlink(path);
	rmdir(dir);
	free(path);
	free(rep);
	free(bare);
out:
	free(dir);
	for (int k = 0; k < EV_COUNT; k++) {
		alarm_engine_destroy(eng[k]);
		free(ev[k]);
	}
	free(ingest);
	alarm_ops_destroy(ops);
	alarm_cfg_free(&cfg);
	city_fixture_close(&fx);
	return rc;
}

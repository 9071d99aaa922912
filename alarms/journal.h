/* journal: the operators' actions on alarms, as an append-only file of JSON
 * Lines (docs/alarms.md), one object per action:
 *
 *   {"time":"2026-11-26T10:00:00.123Z","user":"li","host":"wall-1",
 *    "alarm":"water.jb.p1","action":"shelve","reason":"pump swap",
 *    "until":"2026-11-26T12:00:00.000Z"}
 *
 * Several citydash processes on one host share one file. A writer takes an
 * exclusive flock, ends a torn last line (a writer killed mid-line) with a
 * newline so the torn bytes stay one bad line, writes its line, fsyncs and
 * unlocks: journal_append returns only once the line is on disk, so the
 * screen confirms nothing that a crash could lose. Readers take a shared
 * lock and read whole lines only; journal_read is called again and again
 * (about once a second) to follow what the other processes append, and the
 * process's own lines come back through it too: one path for every action.
 *
 * Bad lines (not JSON, missing fields, unknown action) are skipped, counted
 * and logged with their line number; a torn last line is skipped with a
 * warning and read again if it is ever completed. Memory is bounded by the
 * longest line accepted (JOURNAL_LINE_MAX), never by the file. */
#ifndef CITYDASH_JOURNAL_H
#define CITYDASH_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JOURNAL_LINE_MAX 4096  /* longer lines are bad lines */
#define JOURNAL_REASON_MAX 200 /* bytes of reason kept (cut on a character) */

typedef enum journal_action {
	JOURNAL_ACK,
	JOURNAL_SHELVE,
	JOURNAL_UNSHELVE,
	JOURNAL_ACTION_COUNT
} journal_action_t;

/* "ack", "shelve", "unshelve": the words of the file. */
const char *journal_action_name(journal_action_t a);

/* One action. Strings are borrowed (valid during a journal_read callback,
 * or owned by the caller of journal_append), sanitized on read. */
typedef struct journal_entry {
	int64_t at_ms; /* wall clock, epoch ms */
	const char *user, *host;
	const char *alarm; /* alarm id (alarm.h) */
	journal_action_t action;
	const char *reason; /* "" if none */
	int64_t until_ms;   /* shelve: when it ends (epoch ms); otherwise 0 */
} journal_entry_t;

typedef struct journal journal_t;

/* $XDG_STATE_HOME/citydash/journal.jsonl, or $HOME/.local/state/citydash/
 * journal.jsonl; NULL if neither variable is set. Caller frees. */
char *journal_default_path(void);

/* Opens (creating it, and its folder with mode 0700, if missing) the
 * journal at `path` for reading and appending. Nothing is read yet. Returns
 * NULL with *cause set (caller frees) if it cannot be opened. */
journal_t *journal_open(const char *path, char **cause);
void journal_close(journal_t *j);
const char *journal_path(const journal_t *j);

/* Appends one line, locked and fsync'd (see above). Returns 0, or -1 with
 * *cause set (caller frees): the action did not happen. */
int journal_append(journal_t *j, const journal_entry_t *e, char **cause);

/* Calls fn for every good line appended since the last call (at the first
 * call: every line, the replay). Returns the number of good lines, or -1
 * with *cause set if the file cannot be read (it is tried again next call). */
typedef void (*journal_fn)(void *ctx, const journal_entry_t *e);
long journal_read(journal_t *j, journal_fn fn, void *ctx, char **cause);

typedef struct journal_stats {
	uint64_t lines; /* good lines read */
	uint64_t bad;   /* bad lines skipped */
	bool torn;      /* the file ends in a torn line (skipped for now) */
	uint64_t offset; /* bytes read up to the end of the last whole line */
} journal_stats_t;
journal_stats_t journal_stats(const journal_t *j);

#endif

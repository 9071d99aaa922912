/* journal_fixture: what the journal's tests share — a private folder per
 * test (with the log written into it), raw file access, and a reader that
 * keeps copies of the entries journal_read hands out. */
#ifndef CITYDASH_JOURNAL_FIXTURE_H
#define CITYDASH_JOURNAL_FIXTURE_H

#include <stddef.h>

#include "journal.h"

/* Creates a fresh folder under $TMPDIR (or /tmp) and opens the log at
 * <folder>/log; jf_teardown closes the log and removes the folder. */
int jf_setup(void **state);
int jf_teardown(void **state);

/* <folder>/name, in a static buffer (one at a time; the other jf_ calls
 * leave it alone). */
const char *jf_path(const char *name);

/* The whole of a file, NUL-terminated (caller frees); *len its length. */
char *jf_slurp(const char *path, size_t *len);
void jf_write_raw(const char *path, const char *bytes, size_t len, const char *mode);

/* Lines of the log containing `needle`. */
int jf_log_count(const char *needle);

/* An entry with the given alarm and action, at a fixed time, by li@wall-1. */
journal_entry_t jf_entry(const char *alarm, journal_action_t action, const char *reason);

/* Copies of what journal_read gave. */
typedef struct jf_got {
	journal_entry_t *e; /* strings owned here */
	size_t n, cap;
} jf_got_t;
void jf_collect(void *ctx, const journal_entry_t *e);
void jf_got_free(jf_got_t *g);

/* journal_read into g, asserting it works; returns what it returned. */
long jf_read(journal_t *j, jf_got_t *g);

#endif

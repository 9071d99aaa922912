/* journal_line: one line of the operators' journal (journal.h), encoded and
 * decoded — the JSON Lines format alone, no file. Private to the journal
 * (journal.c) and its tests. */
#ifndef CITYDASH_JOURNAL_LINE_H
#define CITYDASH_JOURNAL_LINE_H

#include <stddef.h>

#include "journal.h"

/* The line for `e`, newline included, with its strings sanitized (NULL is
 * "") and the reason cut to JOURNAL_REASON_MAX bytes on a character. Returns
 * NULL with *cause set (caller frees) if it would be longer than
 * JOURNAL_LINE_MAX, the alarm id is empty or the action unknown. *len gets
 * the length. Caller frees. */
char *journal_line_encode(const journal_entry_t *e, size_t *len, char **cause);

/* A decoded line: `entry` borrows its strings from here. */
typedef struct journal_decoded {
	journal_entry_t entry;
	void *json;     /* internal: the parsed line */
	char *owned[4]; /* internal: sanitized copies of strings that needed it */
} journal_decoded_t;

/* Decodes line[0..len) (no newline). Returns 0 with *out filled (release
 * with journal_decoded_free), or -1 with *why a static text saying what is
 * wrong: not JSON, a missing or malformed field, an unknown action. */
int journal_line_decode(const char *line, size_t len, journal_decoded_t *out, const char **why);
void journal_decoded_free(journal_decoded_t *d);

/* Cuts s (valid UTF-8) to at most max bytes, on a character boundary. */
void journal_cut_utf8(char *s, size_t max);

#endif

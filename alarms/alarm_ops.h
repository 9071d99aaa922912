/* alarm_ops: what operators have decided about alarms — acknowledgements
 * and shelves — gathered from the journal (this host's processes, journal.h)
 * and from Alertmanager's silences (other hosts, amtool, its UI; am_client.h).
 * The alarm engine reads it at each evaluation; only the event loop's thread
 * changes it, and never while an evaluation runs on another thread.
 *
 * Acknowledgements are kept per alarm id with a sequence number taken from
 * a counter that every change advances. An ack is good for the activation it
 * was made in: the engine notes the counter when an alarm is back to normal
 * and takes only acks newer than that (so an ack replayed at start holds for
 * an alarm still active, and a new activation needs a new ack). Shelves are
 * kept per alarm id until they expire (`until`, wall clock) or an unshelve.
 * Memory: one record per alarm id ever acted on, and the silences of the
 * last sync. */
#ifndef CITYDASH_ALARM_OPS_H
#define CITYDASH_ALARM_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "am_client.h"
#include "journal.h"

#define ALARM_NOTE_BY_MAX 64
#define ALARM_NOTE_REASON_MAX JOURNAL_REASON_MAX

/* Who did something to an alarm, when and why. */
typedef struct alarm_note {
	int64_t at_ms;    /* epoch ms; 0: no such note */
	int64_t until_ms; /* a shelve's end (epoch ms); an ack: 0 */
	char by[ALARM_NOTE_BY_MAX];           /* "user@host" or a silence's createdBy */
	char reason[ALARM_NOTE_REASON_MAX + 1];
	bool remote;      /* from an Alertmanager silence (not this host's journal) */
} alarm_note_t;

/* The labels of one alarm, as Alertmanager sees them (am_client.h); a
 * silence matches an alarm when all its matchers match these. */
typedef struct alarm_labels {
	const char *alarm_id, *kind, *domain, *district, *street, *priority, *source;
} alarm_labels_t;

/* What holds for one alarm now. */
typedef struct alarm_decision {
	bool acked;       /* an ack newer than after_seq (alarm_ops_lookup) */
	alarm_note_t ack;
	bool shelved;     /* a shelve not expired, or a matching silence */
	alarm_note_t shelve;
} alarm_decision_t;

typedef struct alarm_ops alarm_ops_t;

alarm_ops_t *alarm_ops_create(void);
void alarm_ops_destroy(alarm_ops_t *ops);

/* Takes one journal line: ack, shelve or unshelve of e->alarm. */
void alarm_ops_apply(alarm_ops_t *ops, const journal_entry_t *e);
/* Alertmanager's silences now: replaces those of the last call (the array
 * is taken over and freed by ops). A silence already known keeps the
 * sequence number it was first seen with. */
void alarm_ops_set_silences(alarm_ops_t *ops, am_silence_t *silences, size_t n);

/* Advances with every change (apply, set_silences that changed anything):
 * the session re-evaluates when it moves. */
uint64_t alarm_ops_seq(const alarm_ops_t *ops);

/* Whether Alertmanager's silences are held. Only they change a decision
 * with no move of alarm_ops_seq: one starts later than it was made, or one
 * on labels (a district) matches a reading that moved there. */
bool alarm_ops_has_silences(const alarm_ops_t *ops);

/* The decision for the alarm with these labels at `now_ms` (epoch ms):
 * acked if an ack (journal, or an ack silence matching it) is newer than
 * `after_seq`; shelved if a shelve has not expired or a non-ack silence
 * matches. Who/when/why in the notes (the newest of each). */
void alarm_ops_lookup(const alarm_ops_t *ops, const alarm_labels_t *labels, uint64_t after_seq,
                      int64_t now_ms, alarm_decision_t *out);

/* Local (journal) shelves and acks, for syncing to Alertmanager: calls fn
 * for each alarm id with a shelve not expired at now_ms, and each with an
 * ack newer than... (the session decides which acks are current from the
 * engine). */
typedef void (*alarm_ops_shelve_fn)(void *ctx, const char *alarm_id, const alarm_note_t *shelve);
void alarm_ops_each_local_shelve(const alarm_ops_t *ops, int64_t now_ms, alarm_ops_shelve_fn fn,
                                 void *ctx);

#endif

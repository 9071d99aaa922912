/* alarm_status: how alarm management's own links are — the journal and
 * Alertmanager — as the status bar and the alarms page say it. Filled by
 * the session (session_alarm_status), read by the pages. */
#ifndef CITYDASH_ALARM_STATUS_H
#define CITYDASH_ALARM_STATUS_H

#include <stdbool.h>
#include <stdint.h>

typedef struct alarm_status {
	const char *journal_path;  /* NULL: no journal (none could be opened) */
	char journal_error[160];   /* why the journal is not usable now ("" if it is) */
	uint64_t journal_bad;      /* bad or torn lines skipped */
	bool am_configured;        /* --alertmanager / "alertmanager" given */
	bool am_reachable;
	char am_error[160];        /* why not ("" if reachable) */
	int64_t am_last_ok_ms;     /* wall clock of the last good exchange; 0: never */
	size_t am_pending;         /* silence commands waiting for Alertmanager */
	const char *user;          /* "user@host" written into the journal */
	bool bell;                 /* the bell is on */
} alarm_status_t;

#endif

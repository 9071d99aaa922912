/* log: where citydash writes failures, retries and warnings (--log).
 *
 * One sink for the process: nothing (the default: stderr is the curses
 * screen, so without --log nothing is written anywhere), a file opened for
 * appending, or syslog. Never the terminal: a file that is a terminal is
 * refused, and syslog is opened without LOG_CONS or LOG_PERROR.
 *
 * In a file each event is one line,
 *   2026-11-25T07:59:59.500Z citydash[4242] warn: source "water" failing: ...
 * the time in RFC 3339, UTC, milliseconds; to syslog the same text without
 * the time and name (syslog adds its own), at LOG_ERR, LOG_WARNING or
 * LOG_INFO. The text is sanitized (text.h: no control character or escape
 * sequence, a newline becomes a space) and every URL in it has its
 * credentials masked (url_redact.h), whoever wrote it.
 *
 * log_printf may be called from any thread: each line is written with one
 * write(2) under a lock (O_APPEND), so lines never interleave. log_open and
 * log_close are called by main alone, before and after the other threads. */
#ifndef CITYDASH_LOG_H
#define CITYDASH_LOG_H

#include <stdbool.h>
#include <stdint.h>

typedef enum log_level { LOG_LEVEL_ERROR, LOG_LEVEL_WARN, LOG_LEVEL_INFO } log_level_t;

typedef enum log_target {
	LOG_TARGET_NONE,   /* NULL or "": nothing is written */
	LOG_TARGET_SYSLOG, /* exactly "syslog" (a file of that name: "./syslog") */
	LOG_TARGET_FILE,   /* anything else: a path */
} log_target_t;

/* What a --log argument names (no I/O). */
log_target_t log_spec_target(const char *spec);

/* Opens the sink `spec` names, replacing any open one. Returns 0, or -1 with
 * *cause set (caller frees): a file that cannot be opened for appending, or
 * that is a terminal. */
int log_open(const char *spec, char **cause);
void log_close(void);
/* True while a sink is open: callers may skip building what would be dropped. */
bool log_enabled(void);

/* Writes one event; does nothing without a sink. A write that fails is
 * dropped (there is nowhere to say so but the screen). */
void log_printf(log_level_t level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "error", "warn", "info". */
const char *log_level_name(log_level_t level);

/* The text of an event as it is written: sanitized, URLs masked, at most
 * LOG_TEXT_MAX bytes (cut at a character, "..." added). Caller frees. */
#define LOG_TEXT_MAX 2048
char *log_clean_text(const char *text);

/* A whole file line, newline included, for an event at wall_ms (epoch ms)
 * from process `pid`; `text` must be clean (log_clean_text). Caller frees. */
char *log_format_line(int64_t wall_ms, long pid, log_level_t level, const char *text);

#endif

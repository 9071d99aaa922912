#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "clock.h"
#include "i18n.h"
#include "text.h"
#include "timefmt.h"
#include "url_redact.h"
#include "xalloc.h"

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static log_target_t log_target = LOG_TARGET_NONE; /* under log_lock */
static int log_fd = -1;                           /* LOG_TARGET_FILE */

log_target_t log_spec_target(const char *spec)
{
	if (!spec || !spec[0])
		return LOG_TARGET_NONE;
	return strcmp(spec, "syslog") == 0 ? LOG_TARGET_SYSLOG : LOG_TARGET_FILE;
}

const char *log_level_name(log_level_t level)
{
	switch (level) {
	case LOG_LEVEL_ERROR:
		return "error";
	case LOG_LEVEL_WARN:
		return "warn";
	case LOG_LEVEL_INFO:
		break;
	}
	return "info";
}

static void close_locked(void)
{
	if (log_target == LOG_TARGET_FILE && log_fd >= 0)
		close(log_fd);
	else if (log_target == LOG_TARGET_SYSLOG)
		closelog();
	log_fd = -1;
	log_target = LOG_TARGET_NONE;
}

int log_open(const char *spec, char **cause)
{
	log_target_t t = log_spec_target(spec);
	int fd = -1;
	if (t == LOG_TARGET_FILE) {
		fd = open(spec, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0640);
		if (fd < 0) {
			*cause = xasprintf(_("cannot open the log %s: %s"), spec, strerror(errno));
			return -1;
		}
		/* The terminal is the curses screen: a log line there would
		 * corrupt it (and /dev/stderr is that terminal). */
		if (isatty(fd)) {
			close(fd);
			*cause = xasprintf(_("the log %s is a terminal: it would write over the "
			                     "screen (give a file, or syslog)"),
			                   spec);
			return -1;
		}
	}
	pthread_mutex_lock(&log_lock);
	close_locked();
	log_target = t;
	log_fd = fd;
	/* No LOG_CONS: with syslog down it would write to the console, which
	 * may be the wall display citydash draws on. */
	if (t == LOG_TARGET_SYSLOG)
		openlog("citydash", LOG_PID, LOG_USER);
	pthread_mutex_unlock(&log_lock);
	return 0;
}

void log_close(void)
{
	pthread_mutex_lock(&log_lock);
	close_locked();
	pthread_mutex_unlock(&log_lock);
}

bool log_enabled(void)
{
	pthread_mutex_lock(&log_lock);
	bool on = log_target != LOG_TARGET_NONE;
	pthread_mutex_unlock(&log_lock);
	return on;
}

char *log_clean_text(const char *text)
{
	if (!text)
		text = "";
	char *clean = text_sanitize(text, strlen(text));
	char *masked = url_redact(clean); /* after sanitizing: nothing hides a URL */
	free(clean);
	size_t len = strlen(masked);
	if (len <= LOG_TEXT_MAX)
		return masked;
	size_t cut = text_cut(masked, LOG_TEXT_MAX - 3); /* not inside a UTF-8 sequence */
	memcpy(masked + cut, "...", 4);
	return masked;
}

char *log_format_line(int64_t wall_ms, long pid, log_level_t level, const char *text)
{
	char when[40];
	timefmt_format_rfc3339(wall_ms, when, sizeof when);
	return xasprintf("%s citydash[%ld] %s: %s\n", when, pid, log_level_name(level), text);
}

__attribute__((format(printf, 1, 0))) static char *format_message(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0)
		return xstrdup(fmt); /* an encoding error: the format says what happened */
	char *s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static void write_all(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, s, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return; /* disk full, file gone: nowhere to say so */
		s += w;
		len -= (size_t)w;
	}
}

void log_printf(log_level_t level, const char *fmt, ...)
{
	if (!log_enabled())
		return;
	va_list ap;
	va_start(ap, fmt);
	char *raw = format_message(fmt, ap);
	va_end(ap);
	char *text = log_clean_text(raw);
	free(raw);
	int64_t now = clock_wall_ms();
	pthread_mutex_lock(&log_lock);
	if (log_target == LOG_TARGET_FILE) {
		char *line = log_format_line(now, (long)getpid(), level, text);
		write_all(log_fd, line, strlen(line));
		free(line);
	} else if (log_target == LOG_TARGET_SYSLOG) {
		static const int prio[] = {LOG_ERR, LOG_WARNING, LOG_INFO};
		syslog(prio[level <= LOG_LEVEL_INFO ? level : LOG_LEVEL_INFO], "%s", text);
	}
	pthread_mutex_unlock(&log_lock);
	free(text);
}

/* journal: the operators' journal file (journal.h): opening it, appending a
 * line under an exclusive lock with fsync, and following it under a shared
 * lock, whole lines only. The line format is journal_line.c's.
 *
 * Reading keeps `offset`, the end of the last whole line taken, and the
 * number of that line; each call reads on from there in READ_CHUNK pieces,
 * assembling at most JOURNAL_LINE_MAX bytes of a line (the rest of a longer
 * one is only counted), so memory is two fixed buffers whatever the file. */
#include "journal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journal_line.h"
#include "log.h"
#include "i18n.h"
#include "xalloc.h"
#include "xdg.h"

#define READ_CHUNK 65536

struct journal {
	char *path;
	int fd;
	dev_t dev; /* the file fd is: a rename over `path` is followed */
	ino_t ino;
	uint64_t offset;  /* end of the last whole line read */
	uint64_t line_no; /* number of the last whole line read */
	uint64_t lines, bad;
	bool torn;
	uint64_t torn_warned; /* line number of the torn line warned about; 0: none */
	char *chunk;          /* READ_CHUNK bytes */
	char *line;           /* JOURNAL_LINE_MAX + 1 bytes: the line being assembled */
};

char *journal_default_path(void)
{
	return xdg_path(getenv("XDG_STATE_HOME"), getenv("HOME"), ".local/state",
	                "citydash/journal.jsonl");
}

/* mkdir -p of the folder holding `path` (new folders 0700). */
static int make_parent(const char *path, char **cause)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char keep = *p;
		*p = '\0';
		struct stat st;
		if (mkdir(dir, 0700) != 0 && errno != EEXIST &&
		    !(stat(dir, &st) == 0 && S_ISDIR(st.st_mode))) {
			*cause = xasprintf(_("cannot create the journal's folder %s: %s"), dir,
			                   strerror(errno));
			free(dir);
			return -1;
		}
		*p = keep;
		if (!keep)
			break;
	}
	free(dir);
	return 0;
}

/* A newly created file's name is durable only once its folder is synced. */
static void sync_parent(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir] = '\0';
	int fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		if (fsync(fd) != 0) {
			/* the line's own fsync still holds; nothing better to do */
		}
		close(fd);
	}
	free(dir);
}

/* Opens path into j->fd (a regular file), or sets *cause. */
static int open_file(journal_t *j, char **cause)
{
	struct stat st;
	bool existed = stat(j->path, &st) == 0;
	int fd = open(j->path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600);
	if (fd < 0) {
		*cause = xasprintf(_("cannot open the journal %s: %s"), j->path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*cause = xasprintf(_("the journal %s is not a regular file"), j->path);
		close(fd);
		return -1;
	}
	if (!existed)
		sync_parent(j->path);
	j->fd = fd;
	j->dev = st.st_dev;
	j->ino = st.st_ino;
	return 0;
}

journal_t *journal_open(const char *path, char **cause)
{
	if (!path || !*path) {
		*cause = xstrdup(_("no journal file name"));
		return NULL;
	}
	journal_t *j = xcalloc(1, sizeof *j);
	j->path = xstrdup(path);
	j->fd = -1;
	if (make_parent(path, cause) != 0 || open_file(j, cause) != 0) {
		free(j->path);
		free(j);
		return NULL;
	}
	j->chunk = xmalloc(READ_CHUNK);
	j->line = xmalloc(JOURNAL_LINE_MAX + 1);
	return j;
}

void journal_close(journal_t *j)
{
	if (!j)
		return;
	if (j->fd >= 0)
		close(j->fd);
	free(j->chunk);
	free(j->line);
	free(j->path);
	free(j);
}

const char *journal_path(const journal_t *j)
{
	return j->path;
}

journal_stats_t journal_stats(const journal_t *j)
{
	return (journal_stats_t){j->lines, j->bad, j->torn, j->offset};
}

static void restart(journal_t *j)
{
	j->offset = 0;
	j->line_no = 0;
	j->torn = false;
	j->torn_warned = 0;
}

/* If another file now has the journal's name (it was rotated: renamed away,
 * a new one created), or none (removed), follow the name: the old file is
 * finished, and a line appended to a removed file would be lost. */
static void follow_rename(journal_t *j)
{
	struct stat st;
	if (stat(j->path, &st) != 0 ? errno != ENOENT : st.st_dev == j->dev && st.st_ino == j->ino)
		return;
	int old = j->fd;
	char *cause = NULL;
	if (open_file(j, &cause) != 0) {
		free(cause); /* keep the old file; the next call says what is wrong */
		return;
	}
	close(old);
	log_printf(LOG_LEVEL_WARN,
	           _("journal %s was replaced (rotated?): reading the new file from "
	           "its start"),
	           j->path);
	restart(j);
}

static int lock(journal_t *j, int how, char **cause)
{
	while (flock(j->fd, how) != 0) {
		if (errno != EINTR) {
			*cause =
			    xasprintf(_("cannot lock the journal %s: %s"), j->path, strerror(errno));
			return -1;
		}
	}
	return 0;
}

static void unlock(journal_t *j)
{
	(void)flock(j->fd, LOCK_UN);
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Under the exclusive lock: a torn last line (its writer was killed) is
 * ended first, so it stays one bad line instead of swallowing ours. */
static int append_locked(journal_t *j, const char *text, size_t len, char **cause)
{
	struct stat st;
	if (fstat(j->fd, &st) != 0) {
		*cause = xasprintf(_("cannot read the journal %s: %s"), j->path, strerror(errno));
		return -1;
	}
	bool end_torn = false;
	if (st.st_size > 0) {
		char last;
		ssize_t n;
		do
			n = pread(j->fd, &last, 1, st.st_size - 1);
		while (n < 0 && errno == EINTR);
		if (n != 1) {
			*cause = xasprintf(_("cannot read the journal %s: %s"), j->path,
			                   n < 0 ? strerror(errno) : _("it shrank while locked"));
			return -1;
		}
		end_torn = last != '\n';
	}
	char *buf = xmalloc(len + 1);
	buf[0] = '\n';
	memcpy(buf + 1, text, len);
	int rc = write_all(j->fd, end_torn ? buf : buf + 1, len + end_torn);
	free(buf);
	if (rc != 0) {
		*cause = xasprintf(_("cannot write to the journal %s: %s"), j->path, strerror(errno));
		/* Take back a part-written line, so no torn bytes are left behind
		 * (if that fails too, the next writer ends them as a bad line). */
		if (ftruncate(j->fd, st.st_size) != 0) {
		}
		return -1;
	}
	if (fsync(j->fd) != 0) {
		*cause =
		    xasprintf(_("cannot sync the journal %s to disk: %s"), j->path, strerror(errno));
		return -1;
	}
	return 0;
}

int journal_append(journal_t *j, const journal_entry_t *e, char **cause)
{
	size_t len;
	char *text = journal_line_encode(e, &len, cause);
	if (!text)
		return -1;
	follow_rename(j);
	int rc = lock(j, LOCK_EX, cause);
	if (rc == 0) {
		rc = append_locked(j, text, len, cause);
		unlock(j);
	}
	free(text);
	return rc;
}

/* Reading: the state of the line being assembled. */
typedef struct line_acc {
	size_t len; /* bytes kept in j->line */
	bool over;  /* longer than JOURNAL_LINE_MAX: only counted */
	bool any;   /* some byte of it was seen */
} line_acc_t;

static void take_line(journal_t *j, const line_acc_t *acc, journal_fn fn, void *ctx, long *good)
{
	j->line_no++;
	if (acc->len == 0 && !acc->over)
		return; /* an empty line: nothing, not even bad */
	const char *why = _("longer than the limit");
	journal_decoded_t d;
	if (!acc->over && journal_line_decode(j->line, acc->len, &d, &why) == 0) {
		j->lines++;
		(*good)++;
		if (fn)
			fn(ctx, &d.entry);
		journal_decoded_free(&d);
		return;
	}
	j->bad++;
	if (acc->over)
		log_printf(LOG_LEVEL_WARN,
		           _("journal %s: skipping bad line %" PRIu64 ": longer than %d bytes"),
		           j->path, j->line_no, JOURNAL_LINE_MAX);
	else
		log_printf(LOG_LEVEL_WARN, _("journal %s: skipping bad line %" PRIu64 ": %s"), j->path,
		           j->line_no, why);
}

static void keep_bytes(journal_t *j, line_acc_t *acc, const char *p, size_t n)
{
	acc->any = acc->any || n > 0;
	if (acc->over || n == 0)
		return;
	if (n > JOURNAL_LINE_MAX - acc->len) {
		acc->over = true;
		return;
	}
	memcpy(j->line + acc->len, p, n);
	acc->len += n;
}

/* Under the shared lock: every whole line from j->offset on. */
static int read_locked(journal_t *j, journal_fn fn, void *ctx, long *good, char **cause)
{
	struct stat st;
	if (fstat(j->fd, &st) != 0) {
		*cause = xasprintf(_("cannot read the journal %s: %s"), j->path, strerror(errno));
		return -1;
	}
	if ((uint64_t)st.st_size < j->offset) {
		log_printf(LOG_LEVEL_WARN,
		           _("journal %s shrank (truncated?): reading it again from "
		           "its start"),
		           j->path);
		restart(j);
	}
	line_acc_t acc = {0};
	uint64_t pos = j->offset;
	for (;;) {
		ssize_t n = pread(j->fd, j->chunk, READ_CHUNK, (off_t)pos);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*cause =
			    xasprintf(_("cannot read the journal %s: %s"), j->path, strerror(errno));
			return -1;
		}
		if (n == 0)
			break;
		const char *p = j->chunk, *end = j->chunk + n;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			if (!nl) {
				keep_bytes(j, &acc, p, (size_t)(end - p));
				break;
			}
			keep_bytes(j, &acc, p, (size_t)(nl - p));
			take_line(j, &acc, fn, ctx, good);
			acc = (line_acc_t){0};
			p = nl + 1;
			j->offset = pos + (uint64_t)(p - j->chunk);
		}
		pos += (uint64_t)n;
	}
	j->torn = acc.any;
	if (j->torn && j->torn_warned != j->line_no + 1) {
		j->torn_warned = j->line_no + 1;
		log_printf(LOG_LEVEL_WARN, _("journal %s: skipping a torn last line at line %" PRIu64),
		           j->path, j->torn_warned);
	}
	return 0;
}

long journal_read(journal_t *j, journal_fn fn, void *ctx, char **cause)
{
	follow_rename(j);
	if (lock(j, LOCK_SH, cause) != 0)
		return -1;
	long good = 0;
	int rc = read_locked(j, fn, ctx, &good, cause);
	unlock(j);
	return rc == 0 ? good : -1;
}

/* fuzz_journal: libFuzzer target for the replay of the operators' journal
 * (alarms/journal.c, journal_line.c): any bytes as the journal file, read
 * from the start as citydash does when it starts. The file lives in a
 * directory of its own under $TMPDIR (or /tmp), made once and removed at
 * exit; nothing else is written. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *dir, *path;

static void remove_dir(void)
{
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

static void make_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	dir = xasprintf("%s/citydash-fuzz-journal.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("fuzz_journal: mkdtemp");
		abort();
	}
	path = xasprintf("%s/journal.jsonl", dir);
	atexit(remove_dir);
}

/* Checks what a replay hands out: borrowed strings readable, a known action. */
static void entry(void *ctx, const journal_entry_t *e)
{
	if (!e->alarm || !*e->alarm || e->action >= JOURNAL_ACTION_COUNT)
		abort();
	*(size_t *)ctx += strlen(e->user) + strlen(e->host) + strlen(e->alarm) + strlen(e->reason);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return -1;
	if (!dir)
		make_dir();
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || (size && write(fd, data, size) != (ssize_t)size) || close(fd) != 0) {
		perror("fuzz_journal: writing the journal");
		abort();
	}
	char *cause = NULL;
	journal_t *j = journal_open(path, &cause);
	if (!j) {
		fprintf(stderr, "fuzz_journal: %s\n", cause);
		abort();
	}
	size_t bytes = 0;
	long good = journal_read(j, entry, &bytes, &cause);
	journal_stats_t st = journal_stats(j);
	if (good < 0 || (uint64_t)good != st.lines || st.offset > size)
		abort();
	free(cause);
	journal_close(j);
	return 0;
}

/* journal_fixture: see journal_fixture.h. */
#include "journal_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "xalloc.h"

static char dir[256];

int jf_setup(void **state)
{
	(void)state;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/citydash-journal-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	char *cause = NULL;
	if (log_open(jf_path("log"), &cause) != 0) {
		free(cause);
		return -1;
	}
	return 0;
}

int jf_teardown(void **state)
{
	(void)state;
	log_close();
	char *cmd = xasprintf("chmod -R u+rwx '%s' && rm -rf '%s'", dir, dir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

const char *jf_path(const char *name)
{
	static char p[512];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return p;
}

char *jf_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n < 2) {
			cap *= 2;
			buf = xreallocarray(buf, cap, 1);
		}
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

void jf_write_raw(const char *path, const char *bytes, size_t len, const char *mode)
{
	FILE *f = fopen(path, mode);
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

int jf_log_count(const char *needle)
{
	char *path = xasprintf("%s/log", dir); /* not jf_path: callers hold its buffer */
	char *text = jf_slurp(path, NULL);
	free(path);
	int n = 0;
	for (char *line = text; *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		n += strstr(line, needle) != NULL;
		if (!nl)
			break;
		line = nl + 1;
	}
	free(text);
	return n;
}

journal_entry_t jf_entry(const char *alarm, journal_action_t action, const char *reason)
{
	return (journal_entry_t){.at_ms = 1795687200123, /* 2026-11-26T10:00:00.123Z */
	                         .user = "li",
	                         .host = "wall-1",
	                         .alarm = alarm,
	                         .action = action,
	                         .reason = reason,
	                         .until_ms = action == JOURNAL_SHELVE ? 1795694400000 : 0};
}

void jf_collect(void *ctx, const journal_entry_t *e)
{
	jf_got_t *g = ctx;
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->e = xreallocarray(g->e, g->cap, sizeof *g->e);
	}
	journal_entry_t *c = &g->e[g->n++];
	*c = *e;
	c->user = xstrdup(e->user);
	c->host = xstrdup(e->host);
	c->alarm = xstrdup(e->alarm);
	c->reason = xstrdup(e->reason);
}

void jf_got_free(jf_got_t *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free((char *)g->e[i].user);
		free((char *)g->e[i].host);
		free((char *)g->e[i].alarm);
		free((char *)g->e[i].reason);
	}
	free(g->e);
	*g = (jf_got_t){0};
}

long jf_read(journal_t *j, jf_got_t *g)
{
	char *cause = NULL;
	long n = journal_read(j, jf_collect, g, &cause);
	if (n < 0)
		fail_msg("journal_read: %s", cause ? cause : "?");
	return n;
}

/* golden_dir: many golden files in one folder (golden_dir.h). */
#include "golden_dir.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "strbuf.h"
#include "vscreen.h"
#include "xalloc.h"

/* Makes every folder of `path` before its last '/' (mkdir -p of its
 * parent). Returns false, saying why, if one cannot be made. */
static bool make_parents(const char *path)
{
	char *p = xstrdup(path);
	bool ok = true;
	for (char *slash = strchr(p + 1, '/'); ok && slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			fprintf(stderr, "cannot make %s: %s\n", p, strerror(errno));
			ok = false;
		}
		*slash = '/';
	}
	free(p);
	return ok;
}

static char *read_whole(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	strbuf_t b = {0};
	strbuf_put(&b, "", 0);
	char chunk[8192];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		strbuf_put(&b, chunk, got);
	fclose(f);
	return b.data;
}

/* Prints the first lines where `want` and `got` differ, numbered as in the
 * golden file (a whole 160×48 frame twice would bury them). */
static void print_differences(const char *want, const char *got)
{
	int line = 1, shown = 0;
	while ((*want || *got) && shown < 12) {
		size_t wl = strcspn(want, "\n"), gl = strcspn(got, "\n");
		if (wl != gl || memcmp(want, got, wl) != 0) {
			fprintf(stderr, "line %d\n- %.*s\n+ %.*s\n", line, (int)wl, want, (int)gl, got);
			shown++;
		}
		want += wl + (want[wl] == '\n');
		got += gl + (got[gl] == '\n');
		line++;
	}
}

static void keep_actual(const char *name, const char *text)
{
	char *actual = xasprintf("golden-actual/%s.txt", name);
	FILE *f = make_parents(actual) ? fopen(actual, "wb") : NULL;
	if (f) {
		bool ok = fputs(text, f) >= 0;
		if (fclose(f) == 0 && ok)
			fprintf(stderr, "drawn: %s\n", actual);
	}
	free(actual);
}

bool golden_dir_check(const char *dir, const char *name, const char *text)
{
	char *rel = xasprintf("%s/%s", dir, name);
	const char *update = getenv("UPDATE_GOLDEN");
	if (update && strcmp(update, "1") == 0) {
		char *path = xasprintf("%s/golden/%s.txt", CITYDASH_TEST_DATA, rel);
		bool ok = make_parents(path) && vscreen_golden(rel, text);
		free(path);
		free(rel);
		return ok;
	}
	char *path = xasprintf("%s/golden/%s.txt", CITYDASH_TEST_DATA, rel);
	char *want = read_whole(path);
	bool same = want && strcmp(want, text) == 0;
	if (want == NULL) {
		fprintf(stderr, "golden file %s missing (run with UPDATE_GOLDEN=1)\n", path);
	} else if (!same) {
		fprintf(stderr, "golden %s differs:\n", rel);
		print_differences(want, text);
	}
	if (!same)
		keep_actual(name, text);
	free(want);
	free(path);
	free(rel);
	return same;
}

static bool known_name(const char *sub, const char *file, const char *const *names, size_t count)
{
	size_t len = strlen(file);
	if (len <= 4 || strcmp(file + len - 4, ".txt") != 0)
		return false;
	size_t sub_len = strlen(sub);
	for (size_t i = 0; i < count; i++)
		if (strncmp(names[i], sub, sub_len) == 0 && names[i][sub_len] == '/' &&
		    strlen(names[i] + sub_len + 1) == len - 4 &&
		    strncmp(names[i] + sub_len + 1, file, len - 4) == 0)
			return true;
	return false;
}

int golden_dir_strays(const char *dir, const char *const *names, size_t count)
{
	char *top_path = xasprintf("%s/golden/%s", CITYDASH_TEST_DATA, dir);
	DIR *top = opendir(top_path);
	int strays = 0;
	struct dirent *sub;
	while (top && (sub = readdir(top)) != NULL) {
		if (sub->d_name[0] == '.')
			continue;
		char *sub_path = xasprintf("%s/%s", top_path, sub->d_name);
		DIR *in = opendir(sub_path);
		struct dirent *de;
		while (in && (de = readdir(in)) != NULL) {
			if (de->d_name[0] == '.' || known_name(sub->d_name, de->d_name, names, count))
				continue;
			fprintf(stderr, "stray golden: tests/golden/%s/%s/%s\n", dir, sub->d_name,
			        de->d_name);
			strays++;
		}
		if (in)
			closedir(in);
		free(sub_path);
	}
	if (top)
		closedir(top);
	free(top_path);
	return strays;
}

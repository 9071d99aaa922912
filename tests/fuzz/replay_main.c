/* replay_main: the main() of a fuzz target in a build without libFuzzer
 * (gcc, valgrind, ASan, hardened): feeds every file named, or every file
 * of every directory named (in name order, dot files skipped), once to the
 * target's LLVMFuzzerTestOneInput. So each build's ctest replays the seed
 * corpora and the regression inputs (tests/fuzz/corpus/TARGET/regress_*),
 * and a crash found once by fuzzing stays checked everywhere.
 *   fuzz_TARGET FILE_OR_DIR...
 * Exits 0 when every input ran (a bad input aborts or trips a sanitizer),
 * 2 when an input cannot be read or none was found. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads the whole file; NULL (and says why) if it cannot. */
static uint8_t *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return NULL;
	}
	size_t cap = 4096, n = 0;
	uint8_t *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = xreallocarray(buf, cap *= 2, 1);
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		fprintf(stderr, "%s: read error\n", path);
		free(buf);
		return NULL;
	}
	*size = n;
	return buf;
}

static int replay_file(const char *path)
{
	size_t size;
	uint8_t *data = read_file(path, &size);
	if (!data)
		return -1;
	/* Named before it runs: a crash's report follows its input's name. */
	fprintf(stderr, "replay: %s (%zu bytes)\n", path, size);
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of dir, in name order; how many, or -1. */
static long replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		perror(dir);
		return -1;
	}
	char **paths = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		if (n == cap)
			paths = xreallocarray(paths, cap = cap ? cap * 2 : 64, sizeof *paths);
		paths[n++] = path;
	}
	closedir(d);
	if (n)
		qsort(paths, n, sizeof *paths, by_name);
	long done = 0;
	for (size_t i = 0; i < n; i++) {
		if (done >= 0 && replay_file(paths[i]) == 0)
			done++;
		else
			done = -1;
		free(paths[i]);
	}
	free(paths);
	return done;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE_OR_DIR...\n", argv[0]);
		return 2;
	}
	long total = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		long done = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) ? replay_dir(argv[i])
		                                                           : replay_file(argv[i]) + 1;
		if (done < 0)
			return 2;
		total += done;
	}
	if (total == 0) {
		fprintf(stderr, "%s: no input found\n", argv[0]);
		return 2;
	}
	printf("%s: %ld inputs replayed\n", argv[0], total);
	return 0;
}

/* golden_dir: a folder of golden files under tests/golden/ (as
 * tests/golden/pages/VARIANT/NAME.txt), for tests with many of them: compare,
 * with the lines that differ printed and what was drawn kept; rewrite with
 * UPDATE_GOLDEN=1; find files that no case compares with any more. Plain C
 * (no cmocka): callers assert. */
#ifndef CITYDASH_TEST_GOLDEN_DIR_H
#define CITYDASH_TEST_GOLDEN_DIR_H

#include <stdbool.h>
#include <stddef.h>

/* Compares `text` with tests/golden/DIR/NAME.txt (NAME may hold folders);
 * with UPDATE_GOLDEN=1 writes it instead, making the folders. On a
 * difference prints the first differing lines, numbered, and leaves `text`
 * in golden-actual/NAME.txt under the working directory, for diff -r.
 * Returns whether it matched (or was written). */
bool golden_dir_check(const char *dir, const char *name, const char *text);

/* Prints each tests/golden/DIR/SUB/FILE that is not NAME.txt for one of
 * `names` (as "SUB/FILE" without .txt), and returns how many. */
int golden_dir_strays(const char *dir, const char *const *names, size_t count);

#endif

/* golden_zh: what a Chinese page golden must show whatever the golden file
 * says, so that a golden rewritten (UPDATE_GOLDEN=1) while the catalogue
 * was not loaded, or from an English screen, still fails. */
#ifndef CITYDASH_TEST_GOLDEN_ZH_H
#define CITYDASH_TEST_GOLDEN_ZH_H

#include <stdbool.h>
#include <stddef.h>

/* Switches this process's messages to zh_CN from the build tree's
 * catalogue (test_lang_use): fails the test when the catalogue or the
 * zh_CN.UTF-8 locale is missing. Call it after each vscreen_open
 * (screen_text_after_open). */
void golden_zh_use(void);

/* NULL when the frame `grid` (a snapshot grid or styled snapshot: row y is
 * its line y) of page `page` at `rows` rows shows Chinese words of the UI:
 * on every page a CJK character on the key bar's row (rows - 2, where the
 * data never is); on the overview also the Water and Power blocks titled
 * 供水 and 供电 (the glossary's words) and the key bar's "Help" as the
 * catalogue translates it. Else why not (caller frees). */
char *golden_zh_words(const char *page, const char *grid, int rows);

/* Whether UTF-8 `s` (up to `len` bytes) holds a CJK ideograph. */
bool golden_zh_has_cjk(const char *s, size_t len);

#endif

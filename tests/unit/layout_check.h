/* layout_check: structural truths of a drawn frame that hold in every
 * language and at every size, read from the cells of the staged screen
 * (newscr) rather than from its text, so that what a text snapshot hides
 * (half of a wide character, a character the terminal counts wider than
 * curses did) is seen:
 *
 *   - wide characters whole: ncurses keeps a double-width character as two
 *     cells, the first marked 1 and the second 2 in the cell's A_CHARTEXT
 *     bits of cchar_t.attr (its "WidecExt"); a first half not followed by
 *     its second, or a second half without its first, is a character split
 *     by another draw or a window's edge;
 *   - every cell as wide on a terminal as curses counted it (a row's cells
 *     add up to the screen's width): a single cell holding a character a
 *     terminal draws two columns wide (or none) pushes the row out;
 *   - no U+FFFD and no "??" (a word a charset conversion could not spell);
 *   - boxes closed: each ┌ has its ┐ on the row, and down the sides │ (or
 *     ├ ┤) on both edges to the └ ┘, so text running past its place and
 *     over a border shows;
 *   - the title bar on row 0 (" citydash"), and the key bar on the row
 *     above the last and the status bar on the last, each as it reads when
 *     drawn alone on a window of the screen's width;
 *   - no word cut without an ellipsis: a run of two or more CJK characters
 *     (one is an abbreviation: 市 区 街), or of three
 *     or more ASCII letters with a lowercase one, standing alone (spaces, borders or the edge
 *     around it) that is the beginning of a word of the catalogue (a
 *     translation's CJK run, an English message's word) and not itself
 *     such a word, is a label cut mid-word;
 *   - no word twice: the same two or more CJK characters again after one
 *     blank ("发展 发展") is a name drawn beside its translation, which in
 *     Chinese is the same word;
 *   - no tag left in English: a word with a capital letter, standing alone,
 *     that is a one-word message the loaded catalogue translates otherwise
 *     (HIHI where it says 高高限) was drawn without its translation. Only
 *     with a compiled catalogue loaded (layout_words_load_mo); lowercase
 *     words are sources' names ("events").
 *
 * A finding is one line "row N: what [the row's text]". Plain C, no cmocka. */
#ifndef CITYDASH_TEST_LAYOUT_CHECK_H
#define CITYDASH_TEST_LAYOUT_CHECK_H

#include <curses.h>
#include <stdbool.h>

/* Reads the words of the catalogue po_path (msgids' ASCII words and
 * msgstrs' CJK runs); returns false if it cannot be read. */
bool layout_words_load(const char *po_path);
/* Adds the CJK runs of the translations in the compiled catalogue mo_path
 * (what the screen is drawn from); false if it cannot be read. */
bool layout_words_load_mo(const char *mo_path);
void layout_words_free(void);

/* The findings on `win` (the whole screen), one per line, or "" when none.
 * `keybar` and `status` (NULL: not checked) are the key bar and the status
 * bar drawn alone, in row 0 of windows as wide as `win`. Caller frees. */
char *layout_check(WINDOW *win, WINDOW *keybar, WINDOW *status);

#endif

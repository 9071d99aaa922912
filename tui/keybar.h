/* keybar: the key bar along the bottom, as htop's — the keys that matter on
 * the current page, each drawn as its key then a word ("? Help  / Filter
 * Enter Open ... q Quit"); items that do not fit are left off from the end.
 * While the filter's prompt is open (nav.filter_editing), the row holds the
 * prompt instead. The frame (frame.c) gives it its row and hides it on the
 * wall (nav.kiosk). The per-page tables are here, not in the page files.
 * A click on an item acts as its key (keybar_key_at, mouse.c). */
#ifndef CITYDASH_KEYBAR_H
#define CITYDASH_KEYBAR_H

#include <curses.h>

#include "pages.h"

/* Draws the key bar (or the filter prompt) into row 0 of win. */
void keybar_draw(WINDOW *win, const nav_t *nav);
/* The key of the item drawn at column x of a key bar `cols` wide for the
 * page of nav; 0: none there (or the prompt is open). */
int keybar_key_at(const nav_t *nav, int cols, int x);

#endif

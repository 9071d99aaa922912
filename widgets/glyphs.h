/* glyphs: the characters widgets draw with, Unicode or plain ASCII.
 * ASCII is used when the locale is not UTF-8 (LANG=C over SSH, old consoles). */
#ifndef CITYDASH_GLYPHS_H
#define CITYDASH_GLYPHS_H

#include <stdbool.h>

typedef struct glyphs {
	bool ascii;
	const char *ellipsis;              /* "…" or ">" (not "~": that marks stale data) */
	const char *spark[8];              /* "▁".."█" or "_.:-=+*#" */
	const char *gauge_fill;            /* "█" or "#" */
	const char *gauge_empty;           /* "·" or "." */
	const char *gauge_mark;            /* "┃" or "|" */
	const char *limit_tick;            /* "╎" or ":" */
	const char *arrow_up, *arrow_down; /* "▲" "▼" or "^" "v" */
	const char *ok_mark, *fail_mark;   /* "✔" "✖" or "+" "!" */
	const char *separator;             /* "│" or "|" */
	const char *crumb;                 /* "›" or ">" */
	/* Box lines: NULL means the terminal's own line drawing (WACS); in ASCII
	 * mode plain characters, which every terminal and every capture shows. */
	const char *box_h, *box_v, *box_corner;
} glyphs_t;

/* Unicode glyphs until glyphs_set_ascii(true); the tables are static, never freed. */
void glyphs_set_ascii(bool ascii);
const glyphs_t *glyphs(void);

#endif

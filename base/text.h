/* text: UTF-8 sanitizing and terminal column width.
 *
 * Every string that arrives from a feed passes text_sanitize() exactly once,
 * at ingest. After that, drawing code trusts it and only measures it.
 * Widths come from utf8proc (Unicode tables), not from wcwidth(), so they do
 * not depend on the process locale: CJK is two columns, combining marks zero.
 *
 * Text is measured and cut by extended grapheme cluster (UAX #29, through
 * utf8proc), never inside one. Terminals disagree on how wide some clusters
 * are (an emoji ZWJ sequence such as a family is 2 columns in kitty, WezTerm
 * or foot but 6 in terminals that add up its characters, like xterm; a
 * skin-tone modifier or VS16 widens a character in some and not others), and
 * a disagreement shifts the rest of the row. So citydash draws only the part every terminal draws
 * alike, and measures exactly that: a cluster is drawn as cells, each a character with its
 * zero-width marks; a zero-width joiner and what it joins, emoji modifiers, variation selectors
 * 15/16 and tag characters are not drawn (a family shows as its first person, a thumbs-up in skin
 * tone as the plain one). A flag, two regional indicators, is two cells of one column: two columns
 * in every terminal, whether it draws a flag or two letters. */
#ifndef CITYDASH_TEXT_H
#define CITYDASH_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Worst-case output size of text_sanitize_into for n input bytes (each
 * invalid byte may become U+FFFD, three bytes), plus the terminator. */
#define TEXT_SANITIZED_MAX(n) ((n) * 3 + 1)

/* Copies src[0..len) into dst as valid UTF-8 with:
 *  - ESC sequences removed whole (CSI "ESC [ ... final", OSC "ESC ] ... BEL/ST",
 *    other two-byte escapes), and 8-bit CSI/OSC (U+009B, U+009D) likewise;
 *  - every other C0 control, DEL and C1 control removed, except TAB, CR and LF
 *    which become a single space;
 *  - bidirectional controls removed (U+061C, U+200E, U+200F, U+202A-U+202E,
 *    U+2066-U+2069), and the deprecated format controls U+206A-U+206F: in a
 *    terminal they can reorder a line, putting a value where a name was;
 *  - each invalid or overlong byte sequence replaced by U+FFFD.
 * dst must hold TEXT_SANITIZED_MAX(len) bytes. Returns the output length. */
size_t text_sanitize_into(char *dst, const char *src, size_t len);

/* Same, into a new string the caller frees. */
char *text_sanitize(const char *src, size_t len);

/* True if s is valid UTF-8 free of control characters, bidirectional ones
 * included (what sanitize makes). */
bool text_is_clean(const char *s);

/* Terminal columns s takes when drawn (s must be sanitized). */
int text_width(const char *s);

/* ---- cells: how a string is drawn (see the comment at the top) ---- */

/* Code points one cell holds at most: a character and its marks (what a
 * curses cell keeps, CCHARW_MAX). Further marks are not drawn. */
#define TEXT_CELL_MAX 5

typedef struct text_cell {
	int cp[TEXT_CELL_MAX]; /* the character, then zero-width marks */
	int n;                 /* code points in cp; 0: nothing to draw here */
	int cols;              /* columns: 1 or 2 (0 when n is 0) */
	bool cluster_start;    /* first cell of a grapheme cluster */
} text_cell_t;

/* Walks a sanitized string cell by cell. Zero-initialize, then set s. */
typedef struct text_iter {
	const char *s;   /* what is left to read */
	int prev;        /* internal: the last code point seen */
	int state;       /* internal: utf8proc's grapheme break state */
	bool started;    /* internal */
	bool joined;     /* internal: the rest of this cluster is not drawn */
	bool peeked;     /* internal: the next code point's break is known */
	bool peek_break; /* internal */
} text_iter_t;

/* Reads the next cell into *cell; returns the bytes it took (0 at the end).
 * A cluster that has nothing to draw (a mark with no character before it,
 * a lone joiner) yields a cell with n == 0 that still takes its bytes. */
size_t text_iter_next(text_iter_t *it, text_cell_t *cell);

/* Decodes one code point from s (sanitized), stores it in *cp and its column
 * width (0, 1 or 2) in *cols; returns the number of bytes consumed, 0 at the
 * end of the string. */
size_t text_next(const char *s, int *cp, int *cols);

/* Byte length of the longest prefix of s that fits in maxcols columns,
 * never splitting a grapheme cluster (so never a character from its marks,
 * nor a flag's two halves). If cols_out is not NULL it receives the
 * prefix's width. */
size_t text_prefix_for_width(const char *s, int maxcols, int *cols_out);

/* Byte length of the longest prefix of s of at most max bytes that does not
 * end inside a UTF-8 character: strlen(s) when that fits, else max moved
 * back to the first byte of the character it would split. s need only be
 * terminated within max + 1 bytes. */
size_t text_cut(const char *s, size_t max);

/* src (NULL: "") into dst of `size` bytes, cut by text_cut to fit: never
 * half a character. Nothing when size is 0. */
void text_copy_cut(char *dst, size_t size, const char *src);

#endif

/* text: UTF-8 sanitizing and terminal column width.
 *
 * Every string that arrives from a feed passes text_sanitize() exactly once,
 * at ingest. After that, drawing code trusts it and only measures it.
 * Widths come from utf8proc (Unicode tables), not from wcwidth(), so they do
 * not depend on the process locale: CJK is two columns, combining marks zero. */
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
 *  - each invalid or overlong byte sequence replaced by U+FFFD.
 * dst must hold TEXT_SANITIZED_MAX(len) bytes. Returns the output length. */
size_t text_sanitize_into(char *dst, const char *src, size_t len);

/* Same, into a new string the caller frees. */
char *text_sanitize(const char *src, size_t len);

/* True if s is valid UTF-8 free of control characters (what sanitize makes). */
bool text_is_clean(const char *s);

/* Terminal columns s takes when drawn (s must be sanitized). */
int text_width(const char *s);

/* Decodes one code point from s (sanitized), stores it in *cp and its column
 * width (0, 1 or 2) in *cols; returns the number of bytes consumed, 0 at the
 * end of the string. */
size_t text_next(const char *s, int *cp, int *cols);

/* Byte length of the longest prefix of s that fits in maxcols columns,
 * never splitting a character or separating a combining mark from its base.
 * If cols_out is not NULL it receives the prefix's width. */
size_t text_prefix_for_width(const char *s, int maxcols, int *cols_out);

#endif

/* json_locate: where a value is in a JSON text, as a line and a column, so
 * that a configuration error can say "config.json:12:20: /sources/2/url: ...".
 *
 * A small tokenizer walks the text itself (cJSON keeps no positions): it
 * knows strings with their escapes (\" \\ \uXXXX, surrogate pairs), objects
 * and arrays at any depth, and skips everything else as a scalar. It is
 * meant for text cJSON has already accepted; on other text it stops at the
 * first thing it cannot read and never reads past len.
 *
 * Positions are 1-based. A column counts characters (Unicode code points:
 * UTF-8 bytes that are not continuation bytes), as editors show them, not
 * bytes; a tab is one character. */
#ifndef CITYDASH_JSON_LOCATE_H
#define CITYDASH_JSON_LOCATE_H

#include <stddef.h>

/* The line and column of the byte at `offset` (clamped to len). */
void json_locate_offset(const char *text, size_t len, size_t offset, int *line, int *col);

/* The position of the first character of the VALUE the RFC 6901 `pointer`
 * names in text ("" the whole document; for an object member, its value,
 * not its key; of duplicate keys, the first, as cJSON reads them). When the
 * pointer does not resolve (a missing member: "url is missing"), the
 * position of the deepest value on its path that exists, i.e. the object
 * that lacks the member. Returns the number of pointer tokens resolved, or
 * -1 if the pointer is malformed or the text has no value at all. */
int json_locate(const char *text, size_t len, const char *pointer, int *line, int *col);

#endif

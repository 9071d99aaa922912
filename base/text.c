/* text: UTF-8 sanitizing and terminal column width (see text.h). */
#include "text.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "xalloc.h"

enum {
	C_BEL = 0x07,
	C_ESC = 0x1b,
	C_DEL = 0x7f,
	C1_CSI = 0x9b,
	C1_ST = 0x9c,
	C1_OSC = 0x9d,
};

/* Byte length of the maximal invalid subpart starting at p (at least 1):
 * the longest prefix that could still begin a well-formed sequence. Replacing
 * each such subpart by one U+FFFD is the Unicode "best practice" (ch. 3). */
static size_t invalid_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	unsigned char lo = 0x80, hi = 0xbf;
	size_t need;

	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		if (c == 0xe0)
			lo = 0xa0; /* overlong below */
		else if (c == 0xed)
			hi = 0x9f; /* surrogates above */
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		if (c == 0xf0)
			lo = 0x90; /* overlong below */
		else if (c == 0xf4)
			hi = 0x8f; /* beyond U+10FFFF above */
	} else {
		return 1; /* continuation byte, C0/C1 lead, F5..FF */
	}
	size_t k = 1;
	while (k <= need && k < n) {
		unsigned char b = p[k];
		bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xbf);
		if (!ok)
			break;
		k++;
	}
	return k;
}

/* Control sequences. Each skip_* gets i just past the introducer and returns
 * the index where ordinary processing resumes. A byte that cannot belong to
 * the sequence aborts it and is processed again as ordinary input (as a
 * terminal's parser does); running into the end of input drops the rest. */

/* CSI: parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E. */
static size_t skip_csi(const unsigned char *s, size_t len, size_t i)
{
	for (; i < len; i++) {
		unsigned char c = s[i];
		if (c >= 0x40 && c <= 0x7e)
			return i + 1;
		if (c < 0x20 || c > 0x3f)
			return i;
	}
	return len;
}

/* OSC, DCS, SOS, PM, APC: a string up to ST (ESC \ or U+009C); OSC also ends
 * at BEL. Another ESC ends the string and starts a new sequence. */
static size_t skip_string(const unsigned char *s, size_t len, size_t i, bool bel_ends)
{
	for (; i < len; i++) {
		if (s[i] == C_BEL && bel_ends)
			return i + 1;
		if (s[i] == C_ESC)
			return (i + 1 < len && s[i + 1] == '\\') ? i + 2 : i;
		if (s[i] == 0xc2 && i + 1 < len && s[i + 1] == C1_ST)
			return i + 2;
	}
	return len;
}

/* i is at an ESC. */
static size_t skip_escape(const unsigned char *s, size_t len, size_t i)
{
	if (i + 1 >= len)
		return len;
	unsigned char c = s[i + 1];
	switch (c) {
	case '[':
		return skip_csi(s, len, i + 2);
	case ']':
		return skip_string(s, len, i + 2, true);
	case 'P': /* DCS */
	case 'X': /* SOS */
	case '^': /* PM */
	case '_': /* APC */
		return skip_string(s, len, i + 2, false);
	default:
		break;
	}
	if (c >= 0x20 && c <= 0x2f) { /* nF escape: intermediates, then a final */
		size_t j = i + 1;
		while (j < len && s[j] >= 0x20 && s[j] <= 0x2f)
			j++;
		if (j == len)
			return len;
		return (s[j] >= 0x30 && s[j] <= 0x7e) ? j + 1 : j;
	}
	if (c >= 0x30 && c <= 0x7e)
		return i + 2;
	return i + 1; /* lone ESC: drop it alone */
}

static size_t put_bytes(char *dst, size_t o, const unsigned char *p, size_t n)
{
	memcpy(dst + o, p, n);
	return o + n;
}

/* Bidirectional controls: a feed could reverse the order of what follows on
 * the line (U+202E), so that a value reads as another. U+206A-U+206F are
 * deprecated format controls (digit shapes, symmetric swapping). */
static bool is_bidi_control(utf8proc_int32_t cp)
{
	return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x206f);
}

size_t text_sanitize_into(char *dst, const char *src, size_t len)
{
	static const unsigned char fffd[] = {0xef, 0xbf, 0xbd};
	const unsigned char *s = (const unsigned char *)src;
	size_t i = 0, o = 0;

	if (!src)
		len = 0;
	while (i < len) {
		unsigned char c = s[i];
		if (c == C_ESC) {
			i = skip_escape(s, len, i);
			continue;
		}
		if (c < 0x80) {
			if (c == '\t' || c == '\n' || c == '\r')
				dst[o++] = ' ';
			else if (c >= 0x20 && c != C_DEL)
				dst[o++] = (char)c;
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n < 0) {
			i += invalid_len(s + i, len - i);
			o = put_bytes(dst, o, fffd, sizeof(fffd));
			continue;
		}
		size_t start = i;
		i += (size_t)n;
		if (cp == C1_CSI)
			i = skip_csi(s, len, i);
		else if (cp == C1_OSC)
			i = skip_string(s, len, i, true);
		else if (cp > 0x9f && !is_bidi_control(cp))
			o = put_bytes(dst, o, s + start, (size_t)n);
		/* any other C1 control, and every bidirectional control, is dropped */
	}
	dst[o] = '\0';
	return o;
}

char *text_sanitize(const char *src, size_t len)
{
	if (!src)
		len = 0;
	/* TEXT_SANITIZED_MAX(len) without overflow. */
	char *dst = xreallocarray(NULL, len + (len < SIZE_MAX ? 1 : 0), 3);
	size_t n = text_sanitize_into(dst, src, len);
	return xreallocarray(dst, n + 1, 1);
}

static bool is_control(utf8proc_int32_t cp)
{
	return cp < 0x20 || (cp >= C_DEL && cp <= 0x9f);
}

/* Decodes at most 4 bytes of the NUL-terminated s without reading past the
 * terminator. Returns the byte count, or 0 at the end; invalid input yields
 * U+FFFD for one byte (and *bad set) so callers always make progress. */
static size_t decode(const char *s, utf8proc_int32_t *cp, bool *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	utf8proc_ssize_t avail = 0;

	while (avail < 4 && p[avail] != '\0')
		avail++;
	*bad = false;
	if (avail == 0)
		return 0;
	utf8proc_ssize_t n = utf8proc_iterate(p, avail, cp);
	if (n <= 0) {
		*cp = 0xfffd;
		*bad = true;
		return 1;
	}
	return (size_t)n;
}

bool text_is_clean(const char *s)
{
	/* NULL is treated as the empty string: there is nothing to draw. */
	if (!s)
		return true;
	for (;;) {
		utf8proc_int32_t cp;
		bool bad;
		size_t n = decode(s, &cp, &bad);
		if (n == 0)
			return true;
		if (bad || is_control(cp) || is_bidi_control(cp))
			return false;
		s += n;
	}
}

/* Columns of one code point: 0 for combining marks, format and control
 * characters, 2 for wide (CJK, emoji presentation), otherwise 1. utf8proc
 * counts East Asian "ambiguous" characters as 1, which is what we want. */
static int cp_width(utf8proc_int32_t cp)
{
	if (is_control(cp))
		return 0;
	int w = utf8proc_charwidth(cp);
	return w < 0 ? 0 : (w > 2 ? 2 : w);
}

size_t text_next(const char *s, int *cp, int *cols)
{
	utf8proc_int32_t c = 0;
	bool bad;
	size_t n = s ? decode(s, &c, &bad) : 0;

	if (cp)
		*cp = n ? (int)c : 0;
	if (cols)
		*cols = n ? cp_width(c) : 0;
	return n;
}

/* What a code point is to the cell being built. */
typedef enum cell_role {
	CELL_NEW,  /* a character that takes columns: it starts a cell */
	CELL_MARK, /* zero-width: drawn in the cell of the character before it */
	CELL_DROP, /* not drawn */
	CELL_JOIN, /* a zero-width joiner: neither it nor the rest of its cluster is drawn */
} cell_role_t;

static cell_role_t cell_role(utf8proc_int32_t cp, bool cluster_start, int *cols)
{
	*cols = cp_width(cp);
	if (cluster_start)
		return *cols > 0 ? CELL_NEW : CELL_DROP; /* a mark with nothing to mark */
	if (cp == 0x200d)
		return CELL_JOIN;
	/* Terminals disagree on how these change a character's width. */
	if (cp == 0xfe0e || cp == 0xfe0f ||     /* text / emoji presentation */
	    (cp >= 0x1f3fb && cp <= 0x1f3ff) || /* skin tones */
	    (cp >= 0xe0020 && cp <= 0xe007f))   /* tags (subdivision flags) */
		return CELL_DROP;
	int bound = utf8proc_get_property(cp)->boundclass;
	if (bound == UTF8PROC_BOUNDCLASS_V || bound == UTF8PROC_BOUNDCLASS_T) {
		*cols = 0; /* Hangul jamo that join the syllable before them */
		return CELL_MARK;
	}
	return *cols > 0 ? CELL_NEW : CELL_MARK;
}

size_t text_iter_next(text_iter_t *it, text_cell_t *cell)
{
	size_t used = 0;
	cell->n = 0;
	cell->cols = 0;
	cell->cluster_start = false;
	if (!it->s)
		return 0;
	for (;;) {
		utf8proc_int32_t cp;
		bool bad;
		size_t k = decode(it->s + used, &cp, &bad);
		if (k == 0)
			break;
		bool brk;
		if (it->peeked) {
			brk = it->peek_break;
			it->peeked = false;
		} else {
			utf8proc_int32_t state = it->state;
			brk =
			    !it->started || utf8proc_grapheme_break_stateful(it->prev, cp, &state);
			it->state = state;
			it->prev = cp;
			it->started = true;
		}
		int cols;
		cell_role_t role = cell_role(cp, brk, &cols);
		if (used > 0 && (brk || (role == CELL_NEW && cell->n > 0 && !it->joined))) {
			/* cp begins the next cell: leave it, and its break, for then. */
			it->peeked = true;
			it->peek_break = brk;
			break;
		}
		used += k;
		if (brk) {
			cell->cluster_start = true;
			it->joined = false;
		}
		if (it->joined || role == CELL_DROP)
			continue;
		if (role == CELL_JOIN) {
			it->joined = true;
		} else if (role == CELL_NEW) {
			cell->cp[0] = (int)cp;
			cell->n = 1;
			cell->cols = cols;
		} else if (cell->n > 0 && cell->n < TEXT_CELL_MAX) {
			cell->cp[cell->n++] = (int)cp;
		}
	}
	it->s += used;
	return used;
}

/* The usual case measured without the grapheme machinery: printable ASCII
 * and characters that always stand alone in their cell (boundary class
 * "other", with a width: CJK ideographs, most letters and symbols), each
 * its own cluster by the rules' last one (GB999). -1 as soon as anything
 * else comes (a mark, a joiner, an emoji, Hangul jamo, a control, bad
 * UTF-8): then the cells are iterated. Labels are measured over every row
 * of a board in each frame, so this is on the drawing path. */
static int width_simple(const char *s)
{
	int w = 0;
	while (*s) {
		unsigned char b = (unsigned char)*s;
		int cols = 1;
		size_t k = 1;
		if (b < 0x20 || b >= 0x7f) {
			utf8proc_int32_t cp;
			bool bad;
			k = decode(s, &cp, &bad);
			if (k == 0 || bad)
				return -1;
			cols = cp_width(cp);
			if (cols <= 0 ||
			    utf8proc_get_property(cp)->boundclass != UTF8PROC_BOUNDCLASS_OTHER)
				return -1;
		}
		if (w > INT_MAX - cols)
			return INT_MAX;
		w += cols;
		s += k;
	}
	return w;
}

int text_width(const char *s)
{
	int simple = s ? width_simple(s) : 0;
	if (simple >= 0)
		return simple;
	text_iter_t it = {.s = s};
	text_cell_t c;
	int w = 0;
	while (text_iter_next(&it, &c) > 0) {
		if (w > INT_MAX - c.cols)
			return INT_MAX;
		w += c.cols;
	}
	return w;
}

size_t text_prefix_for_width(const char *s, int maxcols, int *cols_out)
{
	text_iter_t it = {.s = s};
	text_cell_t c;
	size_t off = 0, pos = 0, n;
	int w = 0, cluster = 0; /* width taken; width of the cluster being read */
	if (maxcols < 0)
		maxcols = 0;
	/* A cluster is taken whole when the next one starts, if it fits; one
	 * of no width always fits, so marks stay with their character. */
	while ((n = text_iter_next(&it, &c)) > 0) {
		if (c.cluster_start) {
			if (cluster > maxcols - w)
				break;
			w += cluster;
			off = pos;
			cluster = 0;
		}
		cluster += c.cols;
		pos += n;
	}
	if (n == 0 && cluster <= maxcols - w) {
		w += cluster;
		off = pos;
	}
	if (cols_out)
		*cols_out = w;
	return off;
}

size_t text_cut(const char *s, size_t max)
{
	size_t n = strnlen(s, max + 1);
	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--; /* s[n] continues a character: cut before that character */
	return n;
}

void text_copy_cut(char *dst, size_t size, const char *src)
{
	if (size == 0)
		return;
	src = src ? src : "";
	size_t n = text_cut(src, size - 1);
	memcpy(dst, src, n);
	dst[n] = '\0';
}

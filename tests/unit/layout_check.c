/* layout_check: structural checks of a drawn frame (layout_check.h). */
#include "layout_check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <wchar.h>

#include "strbuf.h"
#include "xalloc.h"

/* ---- the catalogue's words ---- */

static char **words;
static size_t word_count, word_cap;

/* Single-word messages the catalogue translates otherwise (HIHI → 高高限),
 * from layout_words_load_mo: shown in English on a translated screen, one
 * was drawn without its translation. */
typedef struct english_word {
	char *msgid, *msgstr;
} english_word_t;
static english_word_t *english;
static size_t english_count, english_cap;

/* Whether `s` is one ASCII word of 2+ letters (the message a tag is). */
static bool one_word(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')))
			return false;
	return n >= 2;
}

static void add_english(const char *msgid, const char *msgstr)
{
	const char *eot = strchr(msgid, '\004'); /* after a context */
	if (eot)
		msgid = eot + 1;
	if (!one_word(msgid) || strcmp(msgid, msgstr) == 0)
		return;
	if (english_count == english_cap)
		english = xreallocarray(english, english_cap = english_cap ? 2 * english_cap : 64,
		                        sizeof *english);
	english[english_count++] = (english_word_t){xstrdup(msgid), xstrdup(msgstr)};
}

/* The translation of `word` if it is one of those messages, else NULL. */
static const char *english_translated(const char *word)
{
	for (size_t i = 0; i < english_count; i++)
		if (strcmp(english[i].msgid, word) == 0)
			return english[i].msgstr;
	return NULL;
}

static bool is_cjk(utf8proc_int32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static bool is_letter(utf8proc_int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void add_word(const char *s, size_t len)
{
	if (word_count == word_cap)
		words = xreallocarray(words, word_cap = word_cap ? 2 * word_cap : 256, sizeof *words);
	char *w = xmalloc(len + 1);
	memcpy(w, s, len);
	w[len] = '\0';
	words[word_count++] = w;
}

/* Adds the runs of `s` whose characters satisfy `in_word`: a message's
 * English words, or a translation's CJK runs. */
static void add_runs(const char *s, bool (*in_word)(utf8proc_int32_t))
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	const utf8proc_uint8_t *start = NULL;
	for (;;) {
		utf8proc_int32_t c = 0;
		utf8proc_ssize_t n = *p ? utf8proc_iterate(p, -1, &c) : 0;
		bool in = n > 0 && in_word(c);
		if (in && !start)
			start = p;
		if (!in && start) {
			add_word((const char *)start, (size_t)(p - start));
			start = NULL;
		}
		if (n <= 0)
			break;
		p += n;
	}
}

/* The string of a po line's quoted part, unescaped enough for words. */
static void po_append(strbuf_t *b, const char *line)
{
	const char *q = strchr(line, '"');
	const char *end = q ? strrchr(line, '"') : NULL;
	if (!q || end <= q)
		return;
	for (const char *c = q + 1; c < end; c++) {
		if (*c == '\\' && c + 1 < end) {
			c++;
			strbuf_put(b, *c == 'n' ? "\n" : c, 1);
		} else {
			strbuf_put(b, c, 1);
		}
	}
}

bool layout_words_load(const char *po_path)
{
	FILE *f = fopen(po_path, "r");
	if (f == NULL)
		return false;
	char line[4096];
	strbuf_t id = {0}, str = {0};
	strbuf_t *in = NULL;
	strbuf_put(&id, "", 0);
	strbuf_put(&str, "", 0);
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, "msgid ", 6) == 0 || strncmp(line, "msgid_plural ", 13) == 0) {
			in = &id;
		} else if (strncmp(line, "msgstr", 6) == 0) {
			in = &str;
		} else if (line[0] != '"') {
			in = NULL;
			continue;
		}
		if (in) {
			po_append(in, line);
			strbuf_put(in, "\n", 1); /* between a plural's forms, or lines */
		}
	}
	fclose(f);
	add_runs(id.data, is_letter);
	add_runs(str.data, is_cjk);
	free(id.data);
	free(str.data);
	return true;
}

static uint32_t mo_u32(const unsigned char *p, bool swap)
{
	uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
	return swap ? (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24) : v;
}

bool layout_words_load_mo(const char *mo_path)
{
	FILE *f = fopen(mo_path, "rb");
	if (f == NULL)
		return false;
	strbuf_t b = {0};
	char chunk[8192];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		strbuf_put(&b, chunk, got);
	fclose(f);
	const unsigned char *m = (const unsigned char *)b.data;
	bool ok = b.len >= 20;
	uint32_t magic = ok ? mo_u32(m, false) : 0;
	bool swap = magic == 0xde120495u;
	ok = ok && (magic == 0x950412deu || swap);
	uint32_t count = ok ? mo_u32(m + 8, swap) : 0, ids = ok ? mo_u32(m + 12, swap) : 0,
	         table = ok ? mo_u32(m + 16, swap) : 0;
	ok = ok && table <= b.len && ids <= b.len && count <= (b.len - table) / 8 &&
	     count <= (b.len - ids) / 8;
	for (uint32_t i = 0; ok && i < count; i++) {
		uint32_t len = mo_u32(m + table + 8 * i, swap), off = mo_u32(m + table + 8 * i + 4, swap);
		uint32_t id_len = mo_u32(m + ids + 8 * i, swap), id_off = mo_u32(m + ids + 8 * i + 4, swap);
		if (off > b.len || len >= b.len - off || id_off > b.len || id_len >= b.len - id_off) {
			ok = false; /* (each string is followed by its NUL) */
			break;
		}
		add_english(b.data + id_off, b.data + off);
		/* the plural forms are NUL-separated: each is a string */
		for (uint32_t at = off; at < off + len; at += (uint32_t)strlen(b.data + at) + 1)
			add_runs(b.data + at, is_cjk);
	}
	free(b.data);
	return ok;
}

void layout_words_free(void)
{
	for (size_t i = 0; i < word_count; i++)
		free(words[i]);
	free(words);
	words = NULL;
	word_count = word_cap = 0;
	for (size_t i = 0; i < english_count; i++) {
		free(english[i].msgid);
		free(english[i].msgstr);
	}
	free(english);
	english = NULL;
	english_count = english_cap = 0;
}

/* Whether `run` (len bytes) is a catalogue word (*whole) or the beginning
 * of a longer one (*prefix). */
static void word_match(const char *run, size_t len, bool *whole, bool *prefix)
{
	*whole = *prefix = false;
	for (size_t i = 0; i < word_count; i++) {
		size_t wl = strlen(words[i]);
		if (wl < len || strncmp(words[i], run, len) != 0)
			continue;
		if (wl == len)
			*whole = true;
		else
			*prefix = true;
	}
}

/* ---- the cells ---- */

typedef struct cell {
	wchar_t wc;  /* the first code point (0: unreadable) */
	int ext;     /* 0, or 1 / 2 for a wide character's first / second half */
	char box;    /* 'l' 'k' 'm' 'j' 'x' 'q' 't' 'u' 'w' 'v' 'n' for box lines, else 0 */
} cell_t;

static char box_of(wchar_t wc, bool acs)
{
	static const struct {
		wchar_t uni;
		char acs;
	} map[] = {{0x250C, 'l'}, {0x2510, 'k'}, {0x2514, 'm'}, {0x2518, 'j'},
	           {0x2502, 'x'}, {0x2500, 'q'}, {0x251C, 't'}, {0x2524, 'u'},
	           {0x252C, 'w'}, {0x2534, 'v'}, {0x253C, 'n'}};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (acs ? wc == (wchar_t)map[i].acs : wc == map[i].uni)
			return map[i].acs;
	return 0;
}

static cell_t cell_at(WINDOW *win, int y, int x)
{
	cell_t c = {0};
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1] = {0};
	attr_t attr = 0;
	short pair = 0;
	if (mvwin_wch(win, y, x, &cc) == ERR || getcchar(&cc, wc, &attr, &pair, NULL) == ERR)
		return c;
	c.wc = wc[0];
	c.ext = (int)(cc.attr & A_CHARTEXT); /* ncurses' WidecExt */
	c.box = box_of(wc[0], attr & A_ALTCHARSET);
	return c;
}

/* Row y as text: box lines as Unicode, a wide character once, a lone half
 * as "◇" (so a finding shows where it is). Caller frees. */
static char *row_text(WINDOW *win, int y)
{
	static const char *const faces = "lkmjxqtuwvn";
	static const char *const uni[] = {"┌", "┐", "└", "┘", "│", "─", "├", "┤", "┬", "┴", "┼"};
	strbuf_t b = {0};
	strbuf_put(&b, "", 0);
	int cols = getmaxx(win);
	for (int x = 0; x < cols; x++) {
		cell_t c = cell_at(win, y, x);
		if (c.box) {
			const char *u = uni[strchr(faces, c.box) - faces];
			strbuf_put(&b, u, strlen(u));
		} else if (c.ext == 2 && x > 0 && cell_at(win, y, x - 1).ext == 1) {
			continue; /* drawn with its first half */
		} else if (c.ext == 1 || c.ext == 2) {
			bool whole = c.ext == 1 && x + 1 < cols && cell_at(win, y, x + 1).ext == 2;
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t n = utf8proc_encode_char(c.wc, enc);
			if (whole)
				strbuf_put(&b, (const char *)enc, (size_t)n);
			else
				strbuf_put(&b, "◇", strlen("◇"));
		} else {
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t n = c.wc ? utf8proc_encode_char(c.wc, enc) : 0;
			strbuf_put(&b, n > 0 ? (const char *)enc : " ", n > 0 ? (size_t)n : 1);
		}
	}
	return b.data;
}

static void finding(strbuf_t *out, WINDOW *win, int y, const char *what)
{
	char *row = row_text(win, y);
	char *line = xasprintf("row %d: %s [%s]\n", y, what, row);
	strbuf_put(out, line, strlen(line));
	free(line);
	free(row);
}

/* Wide characters whole, each cell as wide as curses counted it, no
 * replacement character and no "??". */
static void check_cells(WINDOW *win, int y, strbuf_t *out)
{
	int cols = getmaxx(win);
	char what[160];
	for (int x = 0; x < cols; x++) {
		cell_t c = cell_at(win, y, x);
		what[0] = '\0';
		if (c.ext == 1 && (x + 1 >= cols || cell_at(win, y, x + 1).ext != 2 ||
		                   cell_at(win, y, x + 1).wc != c.wc))
			snprintf(what, sizeof what, "column %d: the first half of U+%04X alone", x,
			         (unsigned)c.wc);
		else if (c.ext == 2 && (x == 0 || cell_at(win, y, x - 1).ext != 1 ||
		                        cell_at(win, y, x - 1).wc != c.wc))
			snprintf(what, sizeof what, "column %d: the second half of U+%04X alone", x,
			         (unsigned)c.wc);
		else if (c.ext > 2)
			snprintf(what, sizeof what, "column %d: a cell of a character wider than 2", x);
		else if (c.wc == 0xFFFD)
			snprintf(what, sizeof what, "column %d: U+FFFD", x);
		else if (c.wc == L'?' && x + 1 < cols && cell_at(win, y, x + 1).wc == L'?')
			snprintf(what, sizeof what, "column %d: \"??\" (a word that could not be spelt)", x);
		else if (!c.box && c.wc) {
			int w = utf8proc_charwidth(c.wc);
			if (w != (c.ext ? 2 : 1))
				snprintf(what, sizeof what,
				         "column %d: U+%04X is %d column(s) on a terminal, %d in curses", x,
				         (unsigned)c.wc, w, c.ext ? 2 : 1);
		}
		if (what[0]) {
			finding(out, win, y, what);
			return; /* one finding a row is enough to read it */
		}
	}
}

/* Each box closed: from every ┌, its ┐ on the row; down both sides to └ ┘. */
static void check_boxes(WINDOW *win, strbuf_t *out)
{
	int rows = getmaxy(win), cols = getmaxx(win);
	char what[160];
	for (int y = 0; y < rows; y++)
		for (int x = 0; x < cols; x++) {
			if (cell_at(win, y, x).box != 'l')
				continue;
			int right = x + 1;
			while (right < cols && cell_at(win, y, right).box != 'k' &&
			       cell_at(win, y, right).box != 'l')
				right++;
			if (right >= cols || cell_at(win, y, right).box != 'k') {
				snprintf(what, sizeof what, "the box at column %d has no ┐ on its top row", x);
				finding(out, win, y, what);
				continue;
			}
			int b = y + 1;
			for (; b < rows; b++) {
				char l = cell_at(win, b, x).box, r = cell_at(win, b, right).box;
				if (l == 'm' || r == 'j') {
					if (l != 'm' || r != 'j') {
						snprintf(what, sizeof what,
						         "the box of columns %d-%d does not close with └ and ┘", x,
						         right);
						finding(out, win, b, what);
					}
					break;
				}
				if ((l != 'x' && l != 't') || (r != 'x' && r != 'u')) {
					snprintf(what, sizeof what,
					         "the box of columns %d-%d has no │ at column %d", x, right,
					         (l != 'x' && l != 't') ? x : right);
					finding(out, win, b, what);
					break;
				}
			}
		}
}

/* Whether row y of `win` and row 0 of `alone` read the same. */
static bool same_row(WINDOW *win, int y, WINDOW *alone)
{
	char *a = row_text(win, y), *b = row_text(alone, 0);
	bool same = strcmp(a, b) == 0;
	free(a);
	free(b);
	return same;
}

static void check_bars(WINDOW *win, WINDOW *keybar, WINDOW *status, strbuf_t *out)
{
	int rows = getmaxy(win);
	char *title = row_text(win, 0);
	if (strncmp(title, " citydash", 9) != 0)
		finding(out, win, 0, "the title bar is not on the first row");
	free(title);
	if (keybar && !same_row(win, rows - 2, keybar))
		finding(out, win, rows - 2, "the key bar's row is not the key bar as drawn alone");
	if (status && !same_row(win, rows - 1, status))
		finding(out, win, rows - 1, "the last row is not the status bar as drawn alone");
}

/* The same run of 2+ CJK characters twice with a blank between ("发展
 * 发展": a name beside its translation, which says the same). And runs of
 * 2+ CJK characters, or of 3+ ASCII letters, alone between blanks,
 * borders or the edges, that begin a catalogue word without being one and
 * without an ellipsis after them. */
static void check_cut_words(WINDOW *win, int y, strbuf_t *out)
{
	int cols = getmaxx(win);
	int x = 0;
	char *last = NULL; /* the CJK run before, ending at last_end */
	int last_end = -2;
	while (x < cols) {
		cell_t c = cell_at(win, y, x);
		bool cjk = c.ext == 1 && is_cjk((utf8proc_int32_t)c.wc);
		bool letter = !c.box && c.ext == 0 && is_letter((utf8proc_int32_t)c.wc);
		cell_t before = x > 0 ? cell_at(win, y, x - 1) : (cell_t){.wc = L' '};
		bool starts = before.wc == L' ' || before.box || before.wc == 0;
		if (!(cjk || letter) || !starts) {
			x += c.ext == 1 ? 2 : 1;
			continue;
		}
		strbuf_t run = {0};
		strbuf_put(&run, "", 0);
		int end = x;
		while (end < cols) {
			cell_t d = cell_at(win, y, end);
			bool same = cjk ? d.ext == 1 && is_cjk((utf8proc_int32_t)d.wc)
			                : !d.box && d.ext == 0 && is_letter((utf8proc_int32_t)d.wc);
			if (!same)
				break;
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)d.wc, enc);
			strbuf_put(&run, (const char *)enc, (size_t)n);
			end += cjk ? 2 : 1;
		}
		cell_t after = end < cols ? cell_at(win, y, end) : (cell_t){.wc = L' '};
		bool alone = after.wc == L' ' || after.box || after.wc == 0;
		/* One character (市 区 街, 高 中 低) and ALL-CAPS runs (HIHI, MED)
		 * are abbreviations, meant short. */
		bool counted = cjk ? end - x >= 4
		                   : run.len >= 3 && strpbrk(run.data, "abcdefghijklmnopqrstuvwxyz");
		if (alone && counted) {
			bool whole, prefix;
			word_match(run.data, run.len, &whole, &prefix);
			if (prefix && !whole) {
				char what[160];
				snprintf(what, sizeof what, "columns %d-%d: \"%s\" cut without an ellipsis",
				         x, end - 1, run.data);
				finding(out, win, y, what);
			}
		}
		/* (lowercase words are sources' names: "events", "water") */
		const char *said = !cjk && alone && strpbrk(run.data, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
		                       ? english_translated(run.data)
		                       : NULL;
		if (said) {
			char what[200];
			snprintf(what, sizeof what, "columns %d-%d: \"%s\" in English, the catalogue says \"%s\"",
			         x, end - 1, run.data, said);
			finding(out, win, y, what);
		}
		if (cjk && end - x >= 4 && last && x == last_end + 1 && strcmp(last, run.data) == 0) {
			char what[160];
			snprintf(what, sizeof what, "columns %d-%d: \"%s\" twice (a name and its translation?)",
			         x, end - 1, run.data);
			finding(out, win, y, what);
		}
		free(last);
		last = cjk ? run.data : NULL;
		last_end = end;
		if (!cjk)
			free(run.data);
		x = end;
	}
	free(last);
}

char *layout_check(WINDOW *win, WINDOW *keybar, WINDOW *status)
{
	strbuf_t out = {0};
	strbuf_put(&out, "", 0);
	int rows = getmaxy(win);
	for (int y = 0; y < rows; y++) {
		check_cells(win, y, &out);
		check_cut_words(win, y, &out);
	}
	check_boxes(win, &out);
	check_bars(win, keybar, status, &out);
	return out.data;
}

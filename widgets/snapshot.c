#include "snapshot.h"

#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>
#include <wchar.h>

#include "strbuf.h"
#include "xalloc.h"

/* The Unicode and ASCII faces of the VT100 line-drawing characters. */
static const char *acs_face(wchar_t c, int ascii)
{
	static const struct {
		char acs;
		const char *uni, *plain;
	} map[] = {
	    {'q', "\xe2\x94\x80", "-"}, {'x', "\xe2\x94\x82", "|"}, {'l', "\xe2\x94\x8c", "+"},
	    {'k', "\xe2\x94\x90", "+"}, {'m', "\xe2\x94\x94", "+"}, {'j', "\xe2\x94\x98", "+"},
	    {'t', "\xe2\x94\x9c", "+"}, {'u', "\xe2\x94\xa4", "+"}, {'w', "\xe2\x94\xac", "+"},
	    {'v', "\xe2\x94\xb4", "+"}, {'n', "\xe2\x94\xbc", "+"}, {'a', "\xe2\x96\x92", "#"},
	    {'~', "\xc2\xb7", "o"},     {'0', "\xe2\x96\x88", "#"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].acs == c)
			return ascii ? map[i].plain : map[i].uni;
	return NULL;
}

static char *render(WINDOW *win, bool ascii, bool trim, const char *eol)
{
	int rows, cols;
	getmaxyx(win, rows, cols);
	strbuf_t b = {0};
	strbuf_put(&b, "", 0);
	for (int y = 0; y < rows; y++) {
		size_t line_start = b.len;
		size_t last_nonspace = b.len;
		for (int x = 0; x < cols; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1] = {0};
			attr_t attrs = 0; /* stays 0 when the cell cannot be read */
			short pair = 0;
			if (mvwin_wch(win, y, x, &cc) == ERR ||
			    getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
				wch[0] = 0; /* drawn as a space */
			const char *face = (attrs & A_ALTCHARSET) ? acs_face(wch[0], ascii) : NULL;
			if (face) {
				strbuf_put(&b, face, strlen(face));
			} else {
				int width = 0;
				for (int i = 0; wch[i] && i < CCHARW_MAX; i++) {
					utf8proc_uint8_t enc[4];
					utf8proc_ssize_t n = utf8proc_encode_char(wch[i], enc);
					strbuf_put(&b, (const char *)enc, (size_t)n);
					if (i == 0)
						width = utf8proc_charwidth(wch[i]);
				}
				if (!wch[0])
					strbuf_put(&b, " ", 1);
				if (width == 2)
					x++; /* the next cell continues this character */
			}
			if (b.data[b.len - 1] != ' ')
				last_nonspace = b.len;
		}
		if (trim)
			b.len = last_nonspace > line_start ? last_nonspace : line_start;
		strbuf_put(&b, eol, strlen(eol));
	}
	return b.data;
}

char *snapshot_text(WINDOW *win, bool ascii)
{
	return render(win, ascii, true, "\n");
}

char *snapshot_grid(WINDOW *win)
{
	return snapshot_grid_faces(win, false);
}

char *snapshot_grid_faces(WINDOW *win, bool ascii)
{
	return render(win, ascii, false, "|\n");
}

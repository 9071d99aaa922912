/* wcwidth() is an X/Open interface (ncursesw's pkg-config flags usually ask for it). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "vscreen.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "glyphs.h"
#include "theme.h"
#include "xalloc.h"

vscreen_t *vscreen_open(const char *term, int rows, int cols, bool color)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return NULL;
	vscreen_t *vs = xcalloc(1, sizeof *vs);
	vs->out = fopen("/dev/null", "w");
	vs->in = fopen("/dev/null", "r");
	use_env(FALSE); /* LINES/COLUMNS from the environment must not matter */
	if (vs->out)
		vs->scr = newterm(term, vs->out, vs->in);
	if (vs->scr == NULL || resize_term(rows, cols) == ERR ||
	    (vs->win = newwin(rows, cols, 0, 0)) == NULL) {
		vscreen_close(vs);
		return NULL;
	}
	theme_init(color);
	glyphs_set_ascii(false);
	for (int y = 0; y < rows; y++)
		for (int x = 0; x < cols; x++)
			mvwaddch(vs->win, y, x, '.');
	return vs;
}

void vscreen_close(vscreen_t *vs)
{
	if (vs == NULL)
		return;
	if (vs->win)
		delwin(vs->win);
	if (vs->scr) {
		endwin();
		delscreen(vs->scr);
	}
	if (vs->out)
		fclose(vs->out);
	if (vs->in)
		fclose(vs->in);
	free(vs);
}

int vscreen_cell(WINDOW *win, int y, int x, wchar_t *wc0, attr_t *attr, short *pair)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1] = {0};
	*wc0 = 0;
	if (mvwin_wch(win, y, x, &cc) == ERR || getcchar(&cc, wc, attr, pair, NULL) == ERR)
		return 0;
	*wc0 = wc[0];
	return (int)wcslen(wc);
}

static size_t vs_utf8(char *out, wchar_t c)
{
	unsigned long u = (unsigned long)c;
	if (u < 0x80) {
		out[0] = (char)u;
		return 1;
	}
	if (u < 0x800) {
		out[0] = (char)(0xc0 | (u >> 6));
		out[1] = (char)(0x80 | (u & 0x3f));
		return 2;
	}
	if (u < 0x10000) {
		out[0] = (char)(0xe0 | (u >> 12));
		out[1] = (char)(0x80 | ((u >> 6) & 0x3f));
		out[2] = (char)(0x80 | (u & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (u >> 18));
	out[1] = (char)(0x80 | ((u >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((u >> 6) & 0x3f));
	out[3] = (char)(0x80 | (u & 0x3f));
	return 4;
}

/* Line-drawing characters stored as ACS (outside UTF-8) shown as Unicode. */
static wchar_t vs_acs(wchar_t c)
{
	static const char from[] = "qxlkmjtuvwn";
	static const wchar_t to[] = L"─│┌┐└┘├┤┴┬┼";
	const char *p = c < 0x80 ? strchr(from, (int)c) : NULL;
	return (p && *p) ? to[p - from] : c;
}

char *vscreen_text(WINDOW *win)
{
	int rows = getmaxy(win), cols = getmaxx(win);
	/* Each cell holds at most CCHARW_MAX code points of 4 bytes. */
	size_t cap = (size_t)rows * ((size_t)cols * CCHARW_MAX * 4 + 2) + 1;
	char *buf = xmalloc(cap), *p = buf;
	for (int y = 0; y < rows; y++) {
		for (int x = 0; x < cols; x++) {
			cchar_t cc;
			wchar_t wc[CCHARW_MAX + 1] = {0};
			attr_t a = 0;
			short pair = 0;
			if (mvwin_wch(win, y, x, &cc) == ERR ||
			    getcchar(&cc, wc, &a, &pair, NULL) == ERR || wc[0] == 0)
				wc[0] = L' ';
			if (a & A_ALTCHARSET)
				wc[0] = vs_acs(wc[0]);
			for (int i = 0; i < CCHARW_MAX && wc[i]; i++)
				p += vs_utf8(p, wc[i]);
			if (wcwidth(wc[0]) == 2)
				x++; /* the continuation cell */
		}
		*p++ = '|';
		*p++ = '\n';
	}
	*p = '\0';
	return buf;
}

static char *vs_read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t cap = 4096, len = 0;
	char *s = xmalloc(cap);
	size_t got;
	while ((got = fread(s + len, 1, cap - len - 1, f)) > 0) {
		len += got;
		if (cap - len - 1 == 0)
			s = xreallocarray(s, cap *= 2, 1);
	}
	fclose(f);
	s[len] = '\0';
	return s;
}

bool vscreen_golden(const char *name, const char *text)
{
	char *path = xasprintf("%s/golden/%s.txt", CITYDASH_TEST_DATA, name);
	const char *update = getenv("UPDATE_GOLDEN");
	bool ok;
	if (update != NULL && strcmp(update, "1") == 0) {
		FILE *f = fopen(path, "wb");
		ok = f != NULL && fputs(text, f) >= 0;
		if (f != NULL && fclose(f) != 0)
			ok = false;
		if (!ok)
			fprintf(stderr, "cannot write golden file %s\n", path);
		free(path);
		return ok;
	}
	char *want = vs_read_file(path);
	if (want == NULL) {
		fprintf(stderr, "golden file %s missing (run with UPDATE_GOLDEN=1)\n", path);
		ok = false;
	} else {
		ok = strcmp(want, text) == 0;
		if (!ok)
			fprintf(stderr, "golden %s differs.\n--- expected\n%s--- actual\n%s", name,
			        want, text);
	}
	free(want);
	free(path);
	return ok;
}

#include "vscreen.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "glyphs.h"
#include "snapshot.h"
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

char *vscreen_text(WINDOW *win)
{
	return snapshot_grid(win);
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

/* banner: see banner.h. */
#include "banner.h"

#include <stdio.h>
#include <string.h>

#include "glyphs.h"
#include "text_draw.h"
#include "theme.h"

#define NAV_TEXT_COPY 512 /* more than nav.banner holds */

#define LINES_MAX 4 /* what happened, name, place, details */
#define TALL_ROWS 3

int banner_rows(const char *text, int body_rows)
{
	if (!text || !text[0])
		return 0;
	return body_rows >= BANNER_TALL_BODY_ROWS ? TALL_ROWS : 1;
}

/* Splits a copy of text at '\n' into LINES_MAX lines ("" for those it has
 * not). */
static void split(char *copy, char *lines[LINES_MAX])
{
	char *p = copy;
	for (int n = 0; n < LINES_MAX; n++) {
		lines[n] = p;
		char *nl = strchr(p, '\n');
		if (nl) {
			*nl = '\0';
			p = nl + 1;
		} else {
			p += strlen(p); /* the rest: "" */
		}
	}
}

/* The lines in order, joined by " │ " (empty ones left out). */
static void join(char *const *lines, const int *order, int n, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		const char *s = lines[order[i]];
		if (!s[0])
			continue;
		int k = snprintf(out + len, size - len, "%s%s%s%s", len ? " " : "",
		                 len ? glyphs()->separator : "", len ? " " : "", s);
		if (k < 0 || (size_t)k >= size - len)
			break;
		len += (size_t)k;
	}
}

void banner_draw(WINDOW *win, int y, int rows, const char *text)
{
	int w = getmaxx(win);
	attr_t a = theme_attr(ROLE_BANNER);
	char copy[NAV_TEXT_COPY];
	snprintf(copy, sizeof copy, "%s", text);
	char *lines[LINES_MAX];
	split(copy, lines);
	for (int r = 0; r < rows; r++)
		text_fill(win, y + r, 0, w, a);
	char row[NAV_TEXT_COPY + 32];
	if (rows >= TALL_ROWS) {
		static const int head[] = {0, 3};
		join(lines, head, 2, row, sizeof row);
		text_draw(win, y, 1, w - 2, row, a);
		text_draw(win, y + 1, 1, w - 2, lines[1], a | A_BOLD);
		text_draw(win, y + 2, 1, w - 2, lines[2], a);
		return;
	}
	static const int all[] = {0, 1, 2, 3};
	join(lines, all, LINES_MAX, row, sizeof row);
	text_draw(win, y, 1, w - 2, row, a);
}

/* banner: see banner.h. */
#include "banner.h"

#include <stdio.h>
#include <string.h>

#include "glyphs.h"
#include "text_draw.h"
#include "theme.h"

#define LINES_MAX 3

int banner_rows(const char *text, int body_rows)
{
	if (!text || !text[0])
		return 0;
	return body_rows >= BANNER_TALL_BODY_ROWS ? LINES_MAX : 1;
}

/* Splits a copy of text at '\n' into at most LINES_MAX lines. */
static int split(char *copy, char *lines[LINES_MAX])
{
	int n = 0;
	char *p = copy;
	while (n < LINES_MAX) {
		lines[n++] = p;
		char *nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	return n;
}

void banner_draw(WINDOW *win, int y, int rows, const char *text)
{
	int w = getmaxx(win);
	attr_t a = theme_attr(ROLE_BANNER);
	char copy[512];
	snprintf(copy, sizeof copy, "%s", text);
	char *lines[LINES_MAX];
	int n = split(copy, lines);
	for (int r = 0; r < rows; r++)
		text_fill(win, y + r, 0, w, a);
	if (rows >= n) {
		for (int i = 0; i < n; i++)
			text_draw(win, y + i, 1, w - 2, lines[i], i == 1 ? a | A_BOLD : a);
		return;
	}
	/* One row: the lines joined, the name after what happened. */
	char joined[600];
	size_t len = 0;
	joined[0] = '\0';
	for (int i = 0; i < n; i++) {
		int k = snprintf(joined + len, sizeof joined - len, "%s%s%s%s", i ? " " : "",
		             i ? glyphs()->separator : "", i ? " " : "", lines[i]);
		if (k < 0 || (size_t)k >= sizeof joined - len)
			break;
		len += (size_t)k;
	}
	text_draw(win, y, 1, w - 2, joined, a);
}

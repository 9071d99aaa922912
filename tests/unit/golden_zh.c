/* golden_zh: Chinese words a zh_CN golden must show (golden_zh.h). */
#include "golden_zh.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "i18n.h"
#include "test_lang.h"
#include "xalloc.h"

void golden_zh_use(void)
{
	test_lang_use("zh_CN");
}

bool golden_zh_has_cjk(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)len;
	while (left > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
		if (n <= 0)
			return false;
		if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))
			return true;
		p += n;
		left -= n;
	}
	return false;
}

/* Line y of `grid` (start and length, without its newline), or NULL. */
static const char *grid_line(const char *grid, int y, size_t *len)
{
	const char *line = grid;
	for (int i = 0; i < y && line; i++) {
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	if (line == NULL)
		return NULL;
	*len = strcspn(line, "\n");
	return line;
}

static bool line_holds(const char *line, size_t len, const char *word)
{
	size_t wl = strlen(word);
	for (size_t i = 0; i + wl <= len; i++)
		if (memcmp(line + i, word, wl) == 0)
			return true;
	return false;
}

char *golden_zh_words(const char *page, const char *grid, int rows)
{
	size_t len;
	const char *keybar = grid_line(grid, rows - 2, &len);
	if (keybar == NULL)
		return xasprintf("no key bar row (%d)", rows - 2);
	if (!golden_zh_has_cjk(keybar, len))
		return xasprintf("no Chinese on the key bar's row: is the zh_CN catalogue "
		                 "loaded? [%.*s]",
		                 (int)len, keybar);
	if (strcmp(page, "overview") != 0)
		return NULL;
	/* The blocks' titles are the panels' (" NAME ... " after the corner):
	 * 供水 elsewhere may be data (an event's title). */
	static const char *const titles[] = {"┌─ 供水", "┌─ 供电"};
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
		if (!strstr(grid, titles[i]))
			return xasprintf("no block titled \"%s\" (the glossary's Water and Power)",
			                 titles[i] + strlen("┌─ "));
	const char *help = _("Help");
	if (strcmp(help, "Help") == 0)
		return xasprintf("the catalogue does not translate \"Help\"");
	if (!line_holds(keybar, len, help))
		return xasprintf("the key bar does not show \"%s\" (Help): [%.*s]", help, (int)len,
		                 keybar);
	return NULL;
}

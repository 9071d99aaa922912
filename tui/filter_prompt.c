/* filter_prompt: the filter's keys and prompt (filter.h): / opens the
 * prompt, typing narrows the list at once, n and N step through the
 * matches and wrap around. */
#include "filter.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "i18n.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"

#define KEY_ESC 27
#define KEY_CTRL_U 21

bool filter_page_has_list(page_id_t page)
{
	switch (page) {
	case PAGE_DOMAIN:
	case PAGE_ALARMS:
	case PAGE_KPIS:
	case PAGE_EVENTS:
	case PAGE_SOURCES:
	case PAGE_TIERS:
	case PAGE_SCOPE:
	case PAGE_ALARM_LOG:
		return true;
	default:
		return false;
	}
}

/* n / N: the page moves its selection down (up) one row; where it cannot,
 * at the last (first) row, it goes to the first (last): the matches wrap.
 * The page shows only matching rows, so every row is a match. Whether the
 * selection moved is seen by comparing nav before and after, which works
 * for every page's own selection fields. */
static void step(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	const page_class_t *page = page_get(nav->page);
	nav_t *before = malloc(sizeof *before);
	if (!before)
		return;
	memcpy(before, nav, sizeof *nav);
	page->key(act == ACT_FILTER_NEXT ? ACT_DOWN : ACT_UP, ctx, nav);
	if (memcmp(before, nav, sizeof *nav) == 0)
		page->key(act == ACT_FILTER_NEXT ? ACT_HOME : ACT_END, ctx, nav);
	free(before);
}

bool filter_action(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	switch (act) {
	case ACT_FILTER:
		if (filter_page_has_list(nav->page)) {
			nav->filter_editing = true;
		} else {
			snprintf(nav->message, sizeof nav->message, "%s",
			         _("this page has no list to filter"));
			nav->message_error = true;
			nav->message_ms = ctx->now_ms ? ctx->now_ms : 1;
		}
		return true;
	case ACT_FILTER_NEXT:
	case ACT_FILTER_PREV:
		if (filter_page_has_list(nav->page))
			step(act, ctx, nav);
		return true;
	case ACT_BACK:
		/* Esc first clears the filter of the list it narrows. */
		if (nav->filter[0] && filter_page_has_list(nav->page)) {
			nav->filter[0] = '\0';
			return true;
		}
		return false;
	default:
		return false;
	}
}

static void delete_last_char(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && ((unsigned char)s[n - 1] & 0xc0) == 0x80)
		n--; /* continuation bytes */
	if (n > 0)
		n--;
	s[n] = '\0';
}

/* Appends the character typed, sanitized, if the filter has room for it. */
static void append_char(char *s, wint_t ch)
{
	if (!utf8proc_codepoint_valid((utf8proc_int32_t)ch))
		return;
	char raw[4], clean[TEXT_SANITIZED_MAX(4)];
	utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)ch, (utf8proc_uint8_t *)raw);
	size_t m = text_sanitize_into(clean, raw, (size_t)n);
	clean[m] = '\0';
	size_t len = strlen(s);
	if (m == 0 || len + m > NAV_FILTER_MAX)
		return;
	memcpy(s + len, clean, m + 1);
}

bool filter_key(nav_t *nav, wint_t ch, bool code)
{
	if (code) {
		if (ch == KEY_BACKSPACE) {
			delete_last_char(nav->filter);
			return true;
		}
		if (ch == KEY_ENTER) {
			nav->filter_editing = false;
			return true;
		}
		return false; /* arrows, pages, the mouse: the list's */
	}
	switch (ch) {
	case KEY_ESC:
		nav->filter[0] = '\0';
		nav->filter_editing = false;
		return true;
	case '\n':
	case '\r':
		nav->filter_editing = false;
		return true;
	case 127:
	case 8:
		delete_last_char(nav->filter);
		return true;
	case KEY_CTRL_U:
		nav->filter[0] = '\0';
		return true;
	default:
		break;
	}
	if (ch >= 0x20)
		append_char(nav->filter, ch);
	return true; /* other controls: nothing, and not the page's */
}

void filter_draw_prompt(WINDOW *win, int y, int x, int w, const nav_t *nav)
{
	attr_t bar = theme_attr(ROLE_KEYBAR), key = theme_attr(ROLE_KEYBAR_KEY);
	text_fill(win, y, x, w, bar);
	char hint[96];
	snprintf(hint, sizeof hint, "%s", _("Enter keep  Esc clear  Ctrl-U erase "));
	int hint_w = text_draw_width(hint);
	if (hint_w > w / 2)
		hint_w = 0;
	const char *label = _("Filter: ");
	int cx = x + text_draw(win, y, x, w, label, key);
	int room = x + w - hint_w - cx - 2; /* the text, then a cursor */
	const char *shown = nav->filter;
	while (*shown && text_width(shown) > room) { /* the tail of a long filter */
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)shown, -1, &cp);
		shown += n > 0 ? n : 1;
	}
	if (room > 0)
		cx += text_draw(win, y, cx, room, shown, bar);
	text_draw(win, y, cx, 1, "_", bar | A_BLINK);
	if (hint_w)
		text_draw_right(win, y, x, w, hint, bar);
}

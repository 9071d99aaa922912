/* keybar: the per-page key tables and their drawing (keybar.h). */
#include "keybar.h"

#include <stdio.h>
#include <string.h>

#include "filter.h"
#include "glyphs.h"
#include "i18n.h"
#include "keymap.h"
#include "text_draw.h"
#include "theme.h"

typedef struct keybar_item {
	int key;
	const char *keytext; /* how the key is written; NULL: keymap_key_name */
	const char *label;   /* N_() */
} keybar_item_t;

#define KEY_ESC 27
#define END_OF_ITEMS {0, NULL, NULL}

/* Most useful first: the tail is left off on a narrow screen, so quitting
 * and help, which every page has, come late (and ? lists every key). */
static const keybar_item_t overview_keys[] = {
    {'\n', NULL, N_("Open")},   {'\t', NULL, N_("Block")},  {'/', NULL, N_("Filter")},
    {'5', NULL, N_("Alarms")},  {'2', NULL, N_("KPIs")},    {'3', NULL, N_("Events")},
    {'4', NULL, N_("Tiers")},   {'9', NULL, N_("Scope")},   {'?', NULL, N_("Help")},
    {'q', NULL, N_("Quit")},    END_OF_ITEMS,
};
static const keybar_item_t domain_keys[] = {
    {'/', NULL, N_("Filter")}, {'n', "n/N", N_("Match")}, {'\n', NULL, N_("Open")},
    {'\t', NULL, N_("Domain")}, {KEY_ESC, NULL, N_("Back")}, {'5', NULL, N_("Alarms")},
    {'?', NULL, N_("Help")},   {'q', NULL, N_("Quit")},   END_OF_ITEMS,
};
static const keybar_item_t list_keys[] = { /* KPI board, events, tiers, sources */
    {'/', NULL, N_("Filter")}, {'n', "n/N", N_("Match")}, {'\n', NULL, N_("Open")},
    {KEY_ESC, NULL, N_("Back")}, {'1', NULL, N_("Overview")}, {'?', NULL, N_("Help")},
    {'q', NULL, N_("Quit")},   END_OF_ITEMS,
};
static const keybar_item_t kpis_keys[] = {
    {'/', NULL, N_("Filter")}, {'n', "n/N", N_("Match")}, {'\n', NULL, N_("Open")},
    {'z', NULL, N_("Fold all")}, {KEY_ESC, NULL, N_("Back")}, {'?', NULL, N_("Help")},
    {'q', NULL, N_("Quit")},   END_OF_ITEMS,
};
static const keybar_item_t alarms_keys[] = {
    {'A', NULL, N_("Ack")},     {'S', NULL, N_("Shelve")},  {'U', NULL, N_("Unshelve")},
    {'*', NULL, N_("Ack all")}, {'\t', NULL, N_("Next tab")},    {'/', NULL, N_("Filter")},
    {'\n', NULL, N_("Open")},   {KEY_ESC, NULL, N_("Back")}, {'?', NULL, N_("Help")},
    {'q', NULL, N_("Quit")},    END_OF_ITEMS,
};
static const keybar_item_t detail_keys[] = { /* a reading, a KPI, an event */
    {KEY_ESC, NULL, N_("Back")}, {KEY_NPAGE, NULL, N_("Scroll")}, {'1', NULL, N_("Overview")},
    {'5', NULL, N_("Alarms")},   {'?', NULL, N_("Help")},        {'q', NULL, N_("Quit")},
    END_OF_ITEMS,
};
static const keybar_item_t scope_keys[] = {
    {'/', NULL, N_("Filter")}, {'\n', NULL, N_("Choose")}, {KEY_ESC, NULL, N_("Back")},
    {'?', NULL, N_("Help")},   {'q', NULL, N_("Quit")},    END_OF_ITEMS,
};
static const keybar_item_t help_keys[] = {
    {KEY_NPAGE, NULL, N_("Scroll")}, {KEY_ESC, NULL, N_("Back")}, {'q', NULL, N_("Quit")},
    END_OF_ITEMS,
};
static const keybar_item_t wall_keys[] = {
    {'1', NULL, N_("Overview")}, {'5', NULL, N_("Alarms")}, {'?', NULL, N_("Help")},
    {'q', NULL, N_("Quit")},     END_OF_ITEMS,
};

static const keybar_item_t *items_of(page_id_t page)
{
	switch (page) {
	case PAGE_OVERVIEW:
		return overview_keys;
	case PAGE_DOMAIN:
		return domain_keys;
	case PAGE_KPIS:
		return kpis_keys;
	case PAGE_EVENTS:
	case PAGE_TIERS:
	case PAGE_SOURCES:
	case PAGE_ALARM_LOG:
		return list_keys;
	case PAGE_ALARMS:
		return alarms_keys;
	case PAGE_KPI:
	case PAGE_EVENT:
	case PAGE_READING:
		return detail_keys;
	case PAGE_SCOPE:
		return scope_keys;
	case PAGE_HELP:
		return help_keys;
	case PAGE_WALL:
		return wall_keys;
	default:
		return help_keys;
	}
}

/* / and n/N only where the page filters its list. */
static bool item_shown(const keybar_item_t *it, page_id_t page)
{
	if (it->key == '/' || it->key == 'n')
		return filter_page_has_list(page);
	return true;
}

static void key_text(const keybar_item_t *it, char *buf, size_t size)
{
	if (it->keytext)
		snprintf(buf, size, "%s", it->keytext);
	else
		keymap_key_name(it->key, glyphs()->ascii, buf, size);
}

/* Walks the items that fit in cols: calls `at` with each one's column span
 * [x0, x1) and returns how many fit. One pass serves drawing and clicks. */
typedef void (*item_fn)(const keybar_item_t *it, const char *key, int x0, int x1, void *arg);

static int layout(page_id_t page, int cols, item_fn at, void *arg)
{
	const keybar_item_t *items = items_of(page);
	int x = 0, fit = 0;
	for (const keybar_item_t *it = items; it->label; it++) {
		if (!item_shown(it, page))
			continue;
		char key[32];
		key_text(it, key, sizeof key);
		/* "key label" then two spaces */
		int w = text_draw_width(key) + 1 + text_draw_width(_(it->label));
		if (x + w > cols)
			break;
		if (at)
			at(it, key, x, x + w, arg);
		x += w + 2;
		fit++;
	}
	return fit;
}

static void draw_item(const keybar_item_t *it, const char *key, int x0, int x1, void *arg)
{
	WINDOW *win = arg;
	int kw = text_draw(win, 0, x0, x1 - x0, key, theme_attr(ROLE_KEYBAR_KEY));
	text_draw(win, 0, x0 + kw + 1, x1 - x0 - kw - 1, _(it->label), theme_attr(ROLE_KEYBAR));
}

void keybar_draw(WINDOW *win, const nav_t *nav)
{
	int w = getmaxx(win);
	if (nav->filter_editing) {
		filter_draw_prompt(win, 0, 0, w, nav);
		return;
	}
	text_fill(win, 0, 0, w, theme_attr(ROLE_KEYBAR));
	layout(nav->page, w, draw_item, win);
}

struct hit {
	int x, key;
};

static void hit_item(const keybar_item_t *it, const char *key, int x0, int x1, void *arg)
{
	(void)key;
	struct hit *h = arg;
	if (h->x >= x0 && h->x < x1)
		h->key = it->key;
}

int keybar_key_at(const nav_t *nav, int cols, int x)
{
	if (nav->filter_editing)
		return 0;
	struct hit h = {x, 0};
	layout(nav->page, cols, hit_item, &h);
	return h.key;
}

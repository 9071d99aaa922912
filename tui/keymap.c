#include "keymap.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

#define CTRL(c) ((c)&0x1f)

/* A binding with help text starts a help line; those after it without one
 * share that line (see keymap_help_line). */
static const key_binding_t bindings[] = {
    {'q', ACT_QUIT, NULL, N_("quit")},
    {'Q', ACT_QUIT, NULL, NULL},
    {KEY_F(10), ACT_QUIT, NULL, NULL},
    {'?', ACT_HELP, NULL, N_("help: every key and symbol")},
    {KEY_F(1), ACT_HELP, NULL, NULL},
    /* Pages by number; F2 to F9 are the numbers 2 to 9 (F1 is help). */
    {'1', ACT_OVERVIEW, NULL, N_("overview: what is wrong, and where")},
    {'o', ACT_OVERVIEW, NULL, NULL},
    {'2', ACT_KPIS, NULL, N_("KPI board: indices, KPIs by category")},
    {KEY_F(2), ACT_KPIS, NULL, NULL},
    {'K', ACT_KPIS, NULL, NULL},
    {'3', ACT_EVENTS, NULL, N_("events board: open events along the closed loop")},
    {KEY_F(3), ACT_EVENTS, NULL, NULL},
    {'e', ACT_EVENTS, NULL, NULL},
    {'4', ACT_TIERS, NULL, N_("tiers: districts, or a district's streets")},
    {KEY_F(4), ACT_TIERS, NULL, NULL},
    {'t', ACT_TIERS, NULL, NULL},
    /* One help line each for the alarm pages and the alarm actions: 80x24
     * still holds every key line of the help page. */
    {'5', ACT_ALARMS, NULL, N_("alarm list by state (5); the history, who acted (6)")},
    {KEY_F(5), ACT_ALARMS, NULL, NULL},
    {'a', ACT_ALARMS, NULL, NULL},
    {'6', ACT_ALARM_LOG, NULL, NULL},
    {KEY_F(6), ACT_ALARM_LOG, NULL, NULL},
    {'H', ACT_ALARM_LOG, NULL, NULL},
    {'7', ACT_SOURCES, NULL, N_("sources: health, reasons (7); wall: big digits (8)")},
    {KEY_F(7), ACT_SOURCES, NULL, NULL},
    {'s', ACT_SOURCES, NULL, NULL},
    {'8', ACT_WALL, NULL, NULL},
    {KEY_F(8), ACT_WALL, NULL, NULL},
    {'w', ACT_WALL, NULL, NULL},
    {'9', ACT_SCOPE, NULL, N_("choose the scope: city, district or street")},
    {KEY_F(9), ACT_SCOPE, NULL, NULL},
    {'p', ACT_SCOPE, NULL, NULL},
    {'/', ACT_FILTER, NULL, N_("filter by name, id, place; n N next / previous")},
    {'n', ACT_FILTER_NEXT, NULL, NULL},
    {'N', ACT_FILTER_PREV, NULL, NULL},
    {'A', ACT_ACK, NULL, N_("alarm list: A ack, * ack all, S shelve, U unshelve")},
    {'*', ACT_ACK_ALL, NULL, NULL},
    {'S', ACT_SHELVE, NULL, NULL},
    {'U', ACT_UNSHELVE, NULL, NULL},
    {'r', ACT_RETRY, NULL, N_("retry failing sources (r); fold all KPIs (z)")},
    {'z', ACT_FOLD_ALL, NULL, NULL},
    {KEY_UP, ACT_UP, NULL, N_("move")},
    {KEY_DOWN, ACT_DOWN, NULL, NULL},
    {KEY_LEFT, ACT_LEFT, NULL, NULL},
    {KEY_RIGHT, ACT_RIGHT, NULL, NULL},
    {'k', ACT_UP, NULL, NULL},
    {'j', ACT_DOWN, NULL, NULL},
    {'h', ACT_LEFT, NULL, NULL},
    {'l', ACT_RIGHT, NULL, NULL},
    {'\t', ACT_NEXT, NULL, N_("next / previous block")},
    {KEY_BTAB, ACT_PREV, NULL, NULL},
    {KEY_PPAGE, ACT_PAGE_UP, NULL, N_("scroll a page; first / last row")},
    {KEY_NPAGE, ACT_PAGE_DOWN, NULL, NULL},
    {KEY_HOME, ACT_HOME, NULL, NULL},
    {'g', ACT_HOME, NULL, NULL},
    {KEY_END, ACT_END, NULL, NULL},
    {'G', ACT_END, NULL, NULL},
    {'\n', ACT_OPEN, NULL, N_("open the selected block or row; a tier goes down")},
    {'\r', ACT_OPEN, NULL, NULL},
    {KEY_ENTER, ACT_OPEN, NULL, NULL},
    {27, ACT_BACK, NULL, N_("back; a tier goes up; clears a filter first")},
    {KEY_BACKSPACE, ACT_BACK, NULL, NULL},
    {127, ACT_BACK, NULL, NULL},
    {CTRL('h'), ACT_BACK, NULL, NULL},
    {KEY_MOUSE, ACT_MOUSE, NULL, N_("click selects, again opens; wheel; Ctrl-L redraws")},
    {CTRL('l'), ACT_REDRAW, NULL, NULL},
};

enum { BINDING_COUNT = sizeof bindings / sizeof bindings[0] };

action_t keymap_action(int key)
{
	for (size_t i = 0; i < BINDING_COUNT; i++)
		if (bindings[i].key == key)
			return bindings[i].action;
	return ACT_NONE;
}

const key_binding_t *keymap_table(int *count)
{
	*count = BINDING_COUNT;
	return bindings;
}

void keymap_key_name(int key, bool ascii, char *buf, size_t size)
{
	static const struct {
		int key;
		const char *uni, *plain;
	} named[] = {
	    {KEY_UP, "\xe2\x86\x91", "Up"},
	    {KEY_DOWN, "\xe2\x86\x93", "Down"},
	    {KEY_LEFT, "\xe2\x86\x90", "Left"},
	    {KEY_RIGHT, "\xe2\x86\x92", "Right"},
	    {'\t', "Tab", "Tab"},
	    {KEY_BTAB, "Shift-Tab", "Shift-Tab"},
	    {KEY_PPAGE, "PgUp", "PgUp"},
	    {KEY_NPAGE, "PgDn", "PgDn"},
	    {KEY_HOME, "Home", "Home"},
	    {KEY_END, "End", "End"},
	    {'\n', "Enter", "Enter"},
	    {'\r', "Enter", "Enter"},
	    {KEY_ENTER, "Enter", "Enter"},
	    {27, "Esc", "Esc"},
	    {KEY_BACKSPACE, "Bksp", "Bksp"},
	    {127, "Bksp", "Bksp"},
	    {' ', "Space", "Space"},
	    {KEY_MOUSE, "Mouse", "Mouse"},
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		if (named[i].key == key) {
			snprintf(buf, size, "%s", ascii ? named[i].plain : named[i].uni);
			return;
		}
	}
	if (key >= KEY_F(1) && key <= KEY_F(63))
		snprintf(buf, size, "F%d", key - KEY_F(0));
	else if (key > 0 && key < 0x20)
		snprintf(buf, size, "Ctrl-%c", key + '@');
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "#%d", key); /* not in the table today; never blank */
}

int keymap_help_line(int first, bool ascii, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	int i = first;
	do {
		char name[32];
		if (bindings[i].label)
			snprintf(name, sizeof name, "%s", bindings[i].label);
		else
			keymap_key_name(bindings[i].key, ascii, name, sizeof name);
		/* Enter and Backspace have several codes: each name once. */
		bool seen = false;
		for (int j = first; j < i && !seen; j++) {
			char other[32];
			if (bindings[j].label)
				snprintf(other, sizeof other, "%s", bindings[j].label);
			else
				keymap_key_name(bindings[j].key, ascii, other, sizeof other);
			seen = strcmp(name, other) == 0;
		}
		if (!seen && len < size) {
			int n = snprintf(buf + len, size - len, "%s%s", len ? " " : "", name);
			len = n < 0 ? size : len + (size_t)n;
		}
		i++;
	} while (i < BINDING_COUNT && !bindings[i].help);
	return i;
}

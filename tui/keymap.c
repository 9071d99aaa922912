#include "keymap.h"

#include <curses.h>

#include "i18n.h"

#define CTRL(c) ((c)&0x1f)

static const key_binding_t bindings[] = {
    {'q', ACT_QUIT, "q", N_("quit")},
    {'Q', ACT_QUIT, NULL, NULL},
    {'?', ACT_HELP, "?", N_("help: keys and symbols")},
    {KEY_F(1), ACT_HELP, NULL, NULL},
    {'a', ACT_ALARMS, "a", N_("every active alarm; Enter shows its reading")},
    {'s', ACT_SOURCES, "s", N_("sources: health, counters, reasons")},
    {'r', ACT_RETRY, "r", N_("retry failing sources now")},
    {KEY_UP, ACT_UP, "\xe2\x86\x91 \xe2\x86\x93 \xe2\x86\x90 \xe2\x86\x92", N_("move")},
    {'k', ACT_UP, NULL, NULL},
    {KEY_DOWN, ACT_DOWN, NULL, NULL},
    {'j', ACT_DOWN, NULL, NULL},
    {KEY_LEFT, ACT_LEFT, NULL, NULL},
    {'h', ACT_LEFT, NULL, NULL},
    {KEY_RIGHT, ACT_RIGHT, NULL, NULL},
    {'l', ACT_RIGHT, NULL, NULL},
    {'\t', ACT_NEXT, "Tab", N_("next block (Shift-Tab: previous)")},
    {KEY_BTAB, ACT_PREV, NULL, NULL},
    {KEY_PPAGE, ACT_PAGE_UP, "PgUp PgDn", N_("scroll a page")},
    {KEY_NPAGE, ACT_PAGE_DOWN, NULL, NULL},
    {KEY_HOME, ACT_HOME, "Home End", N_("first / last row")},
    {'g', ACT_HOME, NULL, NULL},
    {KEY_END, ACT_END, NULL, NULL},
    {'G', ACT_END, NULL, NULL},
    {'\n', ACT_OPEN, "Enter", N_("open the selected domain")},
    {'\r', ACT_OPEN, NULL, NULL},
    {KEY_ENTER, ACT_OPEN, NULL, NULL},
    {27, ACT_BACK, "Esc Bksp", N_("back")},
    {KEY_BACKSPACE, ACT_BACK, NULL, NULL},
    {127, ACT_BACK, NULL, NULL},
    {CTRL('h'), ACT_BACK, NULL, NULL},
    {CTRL('l'), ACT_REDRAW, "Ctrl-L", N_("redraw the screen")},
};

action_t keymap_action(int key)
{
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].key == key)
			return bindings[i].action;
	return ACT_NONE;
}

const key_binding_t *keymap_table(int *count)
{
	*count = (int)(sizeof bindings / sizeof bindings[0]);
	return bindings;
}

/* keymap: keys → actions, as a table (one place to read or change them).
 * The help page is generated from the same table, so it cannot leave a key out. */
#ifndef CITYDASH_KEYMAP_H
#define CITYDASH_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef enum action {
	ACT_NONE,
	ACT_QUIT,
	ACT_HELP,
	ACT_SOURCES,
	ACT_ALARMS,
	ACT_UP,
	ACT_DOWN,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_NEXT,
	ACT_PREV,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_HOME,
	ACT_END,
	ACT_OPEN,
	ACT_BACK,
	ACT_REDRAW,
	ACT_RETRY, /* try failing sources again now */
	ACT_OVERVIEW, /* top-level pages */
	ACT_KPIS,
	ACT_EVENTS,
	ACT_TIERS,
	ACT_SCOPE,    /* the scope picker */
	ACT_FOLD_ALL, /* KPI board: fold or unfold every category */
	ACT_ACK,      /* alarm lists: acknowledge the selected alarm */
	ACT_ACK_ALL,  /* alarm lists: acknowledge every visible alarm (asks first) */
	ACT_SHELVE,   /* alarm lists: shelve the selected alarm (a form asks) */
	ACT_UNSHELVE, /* alarm lists: unshelve the selected alarm */
	ACT_ALARM_LOG, /* the alarm history page */
	ACT_WALL,      /* the headline figures in large digits (a top-level page) */
	ACT_FILTER,    /* open the current page's text filter */
	ACT_FILTER_NEXT, /* the next match of the filter */
	ACT_FILTER_PREV, /* the previous one */
	ACT_MOUSE,     /* a mouse event: read it with getmouse (tui/mouse.h) */
} action_t;

typedef struct key_binding {
	int key; /* curses key code or character */
	action_t action;
	const char *label; /* how help names the key; NULL: its usual name (keymap_key_name) */
	/* N_() text of the help line this key starts; NULL: the key joins the
	 * help line of the binding above it. */
	const char *help;
} key_binding_t;

action_t keymap_action(int key);
/* The table, for the help page; *count receives its length. */
const key_binding_t *keymap_table(int *count);

/* The usual name of a key ("q", "F1", "Ctrl-L", "↑" or, in ASCII, "Up"),
 * written into buf (always terminated). */
void keymap_key_name(int key, bool ascii, char *buf, size_t size);

/* One line of help: the keys of bindings [first, end) of the table, each
 * name once, space-separated, into buf; the line's help text is
 * table[first].help. Returns the index of the next line's first binding. */
int keymap_help_line(int first, bool ascii, char *buf, size_t size);

#endif

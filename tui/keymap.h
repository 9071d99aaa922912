/* keymap: keys → actions, as a table (one place to read or change them). */
#ifndef CITYDASH_KEYMAP_H
#define CITYDASH_KEYMAP_H

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
} action_t;

typedef struct key_binding {
	int key; /* curses key code or character */
	action_t action;
	const char *label; /* how help shows the key, NULL: not listed */
	const char *help;  /* N_() text, NULL: not listed */
} key_binding_t;

action_t keymap_action(int key);
/* The table, for the help page; *count receives its length. */
const key_binding_t *keymap_table(int *count);

#endif

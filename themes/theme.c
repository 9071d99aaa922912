#include "theme.h"

/* Role r uses colour pair r + 1 (pair 0 is the terminal's default and cannot
 * be redefined portably), so ROLE_NORMAL gets its own pair like every role. */
#define THEME_PAIR_OF(role) ((short)((role) + 1))

struct theme_entry {
	short fg, bg;
	attr_t mono;
};

static const struct theme_entry theme_table[ROLE_COUNT] = {
#define THEME_ENTRY(role, fg_, bg_, mono_) [role] = {.fg = (fg_), .bg = (bg_), .mono = (mono_)},
    THEME_ROLES(THEME_ENTRY)
#undef THEME_ENTRY
};

static bool theme_color;
static const char *theme_current = "high-performance";

/* PLACEHOLDER (issue 11, themes helper): theme files are read here. */
int theme_use(const char *name, char **cause)
{
	*cause = NULL;
	if (name)
		theme_current = name;
	return 0;
}

const char *theme_name(void)
{
	return theme_current;
}
static bool theme_default_colors; /* -1 (the terminal's own colour) is usable */

/* Without use_default_colors(), -1 is not a colour: use white on black. */
static short theme_resolve(short c, short fallback)
{
	return (c < 0 && !theme_default_colors) ? fallback : c;
}

bool theme_init(bool want_color)
{
	theme_color = false;
	theme_default_colors = false;
	if (!want_color || !has_colors() || start_color() == ERR)
		return false;
	/* Too few pairs (or colours) for one pair per role: monochrome is clearer
	 * than roles sharing a pair by accident. */
	if (COLOR_PAIRS <= ROLE_COUNT || COLORS < 8)
		return false;
	theme_default_colors = use_default_colors() == OK;
	for (int r = 0; r < ROLE_COUNT; r++) {
		short fg = theme_resolve(theme_table[r].fg, COLOR_WHITE);
		short bg = theme_resolve(theme_table[r].bg, COLOR_BLACK);
		if (init_pair(THEME_PAIR_OF(r), fg, bg) == ERR)
			return false;
	}
	theme_color = true;
	return true;
}

/* In colour, A_REVERSE would swap a role's foreground and background and so
 * undo its colours; the other attributes (bold for alarms, so they still read
 * on an 8-colour terminal; dim; underline) are kept. */
attr_t theme_attr(theme_role_t role)
{
	if ((int)role < 0 || role >= ROLE_COUNT)
		role = ROLE_NORMAL;
	if (!theme_color)
		return theme_table[role].mono;
	return (attr_t)COLOR_PAIR(THEME_PAIR_OF(role)) |
	       (theme_table[role].mono & ~(attr_t)A_REVERSE);
}

short theme_pair(theme_role_t role)
{
	if (!theme_color || (int)role < 0 || role >= ROLE_COUNT)
		return 0;
	return THEME_PAIR_OF(role);
}

bool theme_has_color(void)
{
	return theme_color;
}

/* theme: the theme in use and its colour pairs (theme.h). The file format
 * is theme_file.c's, the lookup theme_find.c's, the depth and nearest-colour
 * mapping theme_color.c's; this file holds the state and talks to curses. */
#include "theme.h"

#include <stdlib.h>
#include <string.h>

#include "theme_color.h"
#include "theme_file.h"
#include "theme_find.h"
#include "i18n.h"
#include "xalloc.h"

/* Role r uses colour pair r + 1 (pair 0 is the terminal's default and cannot
 * be redefined portably), so ROLE_NORMAL gets its own pair like every role. */
#define THEME_PAIR_OF(role) ((short)((role) + 1))
#define THEME_DEFAULT_NAME  "high-performance"

struct theme_entry {
	short fg, bg;
	attr_t mono;
};

/* Built in: used when no theme file was read (the default theme's file is
 * not installed, or a program that never calls theme_use). */
static const struct theme_entry theme_table[ROLE_COUNT] = {
#define THEME_ENTRY(role, fg_, bg_, mono_) [role] = {.fg = (fg_), .bg = (bg_), .mono = (mono_)},
    THEME_ROLES(THEME_ENTRY)
#undef THEME_ENTRY
};

static theme_spec_t theme_file_spec; /* valid when theme_loaded */
static bool theme_loaded;
static char *theme_current;
static bool theme_color;
static theme_depth_t theme_depth_used = THEME_DEPTH_NONE;

int theme_use(const char *name, char **cause)
{
	*cause = NULL;
	bool by_default = name == NULL;
	if (by_default)
		name = THEME_DEFAULT_NAME;
	char *path = theme_find(name, cause);
	if (!path) {
		if (!by_default)
			return -1;
		free(*cause); /* the default is built in too */
		*cause = NULL;
		theme_loaded = false;
	} else {
		static theme_spec_t spec; /* large: not on the stack */
		memset(&spec, 0, sizeof spec);
		int rc = theme_file_load(&spec, path, theme_find, cause);
		free(path);
		if (rc != 0)
			return -1;
		theme_file_spec = spec;
		theme_loaded = true;
	}
	free(theme_current);
	theme_current = xstrdup(name);
	return 0;
}

const char *theme_name(void)
{
	return theme_current ? theme_current : THEME_DEFAULT_NAME;
}

static attr_t role_mono(theme_role_t r)
{
	return theme_loaded ? theme_file_spec.role[r].mono : theme_table[r].mono;
}

/* With colour, a built-in role keeps its monochrome attribute minus
 * A_REVERSE (which would swap the pair's colours); a theme file says. */
static attr_t role_color_attr(theme_role_t r)
{
	return theme_loaded ? theme_file_spec.role[r].attr
	                    : theme_table[r].mono & ~(attr_t)A_REVERSE;
}

static void role_colors(theme_role_t r, theme_depth_t d, int *fg, int *bg)
{
	if (!theme_loaded) {
		*fg = theme_table[r].fg;
		*bg = theme_table[r].bg;
		return;
	}
	const theme_role_spec_t *s = &theme_file_spec.role[r];
	*fg = theme_color_pick(s->fg, s->fg_count, d);
	*bg = theme_color_pick(s->bg, s->bg_count, d);
}

static int set_pair(short pair, int fg, int bg)
{
#if defined(NCURSES_EXT_COLORS)
	return init_extended_pair(pair, fg, bg);
#else
	return init_pair(pair, (short)fg, (short)bg);
#endif
}

bool theme_init(bool want_color)
{
	theme_color = false;
	theme_depth_used = THEME_DEPTH_NONE;
	if (!want_color || !has_colors() || start_color() == ERR)
		return false;
#if defined(NCURSES_EXT_COLORS)
	bool extended = true;
#else
	bool extended = false;
#endif
	theme_depth_t d =
	    theme_depth_choose(COLORS, tigetflag("RGB") > 0, getenv("COLORTERM"), extended);
	/* Too few pairs for one pair per role: monochrome is clearer than
	 * roles sharing a pair by accident. */
	if (d == THEME_DEPTH_NONE || COLOR_PAIRS <= ROLE_COUNT)
		return false;
	/* Without use_default_colors(), -1 is not a colour: white on black. */
	bool default_colors = use_default_colors() == OK;
	for (int r = 0; r < ROLE_COUNT; r++) {
		int fg, bg;
		role_colors((theme_role_t)r, d, &fg, &bg);
		if (fg < 0 && !default_colors)
			fg = COLOR_WHITE;
		if (bg < 0 && !default_colors)
			bg = COLOR_BLACK;
		if (set_pair(THEME_PAIR_OF(r), fg, bg) == ERR)
			return false;
	}
	theme_depth_used = d;
	theme_color = true;
	return true;
}

attr_t theme_attr(theme_role_t role)
{
	if ((int)role < 0 || role >= ROLE_COUNT)
		role = ROLE_NORMAL;
	if (!theme_color)
		return role_mono(role);
	return (attr_t)COLOR_PAIR(THEME_PAIR_OF(role)) | role_color_attr(role);
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

const char *theme_depth_desc(void)
{
	return _(theme_depth_name(theme_depth_used));
}

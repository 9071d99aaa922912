/* theme_file: reads a theme file (docs/themes.md) into a theme_spec_t:
 * per role, the foreground and background (each a list of alternatives,
 * theme_color.h), the attributes drawn with colour and those drawn without.
 * Knows files and text, not the terminal: theme.c turns a spec into colour
 * pairs once the depth is known. Errors name the file, the line and the
 * role: `themes/x.theme:12: role "alarm": unknown colour "reed"`. */
#ifndef CITYDASH_THEME_FILE_H
#define CITYDASH_THEME_FILE_H

#include <stdbool.h>

#include "theme.h"
#include "theme_color.h"

#define THEME_COLOR_ALTS 4 /* alternatives per colour: fg=#8a8a8a,bright-black,white */
#define THEME_BASE_DEPTH 4 /* `base` chains at most this deep */

typedef struct theme_role_spec {
	theme_color_t fg[THEME_COLOR_ALTS], bg[THEME_COLOR_ALTS];
	int fg_count, bg_count; /* >= 1 once given */
	attr_t attr;            /* with colour */
	attr_t mono;            /* without colour */
	bool given;
} theme_role_spec_t;

typedef struct theme_spec {
	theme_role_spec_t role[ROLE_COUNT];
} theme_spec_t;

/* A role's name in a theme file: ROLE_GAUGE_FILL is "gauge_fill". */
const char *theme_role_name(theme_role_t role);
/* The role of a name, or -1. */
int theme_role_lookup(const char *name);

/* Finds a theme file for `base NAME` lines (theme_find.h); tests pass their own. */
typedef char *(*theme_find_fn)(const char *name, char **cause);

/* Reads `text`, the content of the file `path` (named in errors), into *t,
 * over what it already holds when `over` (a `base` theme). `find` resolves
 * `base` lines (NULL: they are an error). Every role must be given, here or
 * by a base. Returns 0, or -1 with *cause set (caller frees). */
int theme_file_parse(theme_spec_t *t, const char *path, const char *text, theme_find_fn find,
                     char **cause);
/* Reads the file `path` and parses it as above. */
int theme_file_load(theme_spec_t *t, const char *path, theme_find_fn find, char **cause);

#endif

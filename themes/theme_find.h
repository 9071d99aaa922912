/* theme_find: where a theme's name leads (docs/themes.md, "Where themes are
 * found"). A name containing '/' is a file's path; any other name is
 * NAME.theme in, first found wins:
 *   1. $XDG_CONFIG_HOME/citydash/themes (~/.config when unset): the user's;
 *   2. the installed themes beside the binary (BINDIR/../share/citydash/themes,
 *      so a relocated prefix works), then the configured install path;
 *   3. the source tree's themes/, only when the binary runs from its build tree.
 * A theme not found lists where it looked. */
#ifndef CITYDASH_THEME_FIND_H
#define CITYDASH_THEME_FIND_H

#include <stddef.h>

#define THEME_DIRS_MAX 5

typedef struct theme_dirs {
	char *dir[THEME_DIRS_MAX]; /* owned */
	size_t count;
} theme_dirs_t;

/* The directories to search, in order, for a process with these
 * $XDG_CONFIG_HOME, $HOME and executable path (each may be NULL). */
void theme_dirs_make(theme_dirs_t *d, const char *xdg_config_home, const char *home,
                     const char *exe);
/* ...for this process: its environment and /proc/self/exe. */
void theme_dirs_here(theme_dirs_t *d);
void theme_dirs_free(theme_dirs_t *d);

/* The file a theme's name or path leads to (caller frees), or NULL with
 * *cause set: a bad name, or where it looked. */
char *theme_find_in(const char *name, const theme_dirs_t *d, char **cause);
/* theme_find_in over theme_dirs_here(): a theme_find_fn for `base` lines. */
char *theme_find(const char *name, char **cause);

#endif

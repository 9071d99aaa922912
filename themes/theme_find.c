/* theme_find: a theme's name to its file (theme_find.h). */
#include "theme_find.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "xalloc.h"
#include "xdg.h"

/* Compile definitions (themes/CMakeLists.txt). */
#ifndef CITYDASH_THEMES_INSTALL_DIR
#define CITYDASH_THEMES_INSTALL_DIR "/usr/local/share/citydash/themes"
#endif
#ifndef CITYDASH_THEMES_REL_DIR /* from the installed binary's directory */
#define CITYDASH_THEMES_REL_DIR "../share/citydash/themes"
#endif

static void add(theme_dirs_t *d, char *dir)
{
	for (size_t i = 0; i < d->count; i++)
		if (strcmp(d->dir[i], dir) == 0) {
			free(dir);
			return;
		}
	if (d->count < THEME_DIRS_MAX)
		d->dir[d->count++] = dir;
	else
		free(dir);
}

/* "/a/bin/../share" as "/a/share", for a directory that does not exist
 * (named in "not found" messages). Absolute paths only; symbolic links are
 * not followed, which is what makes it lexical. */
static void lexical_clean(char *path)
{
	char *p;
	while ((p = strstr(path, "/../")) || ((p = strstr(path, "/..")) && !p[3])) {
		char *prev = p;
		while (prev > path && prev[-1] != '/')
			prev--;
		if (prev == path || strncmp(prev, "../", 3) == 0)
			return; /* nothing above to drop */
		memmove(prev - 1, p + 3, strlen(p + 3) + 1);
	}
	if (!path[0])
		strcpy(path, "/"); /* "/a/.." */
}

/* The canonical form of a directory that exists, else the path tidied. */
static char *canonical(char *path)
{
	char *real = realpath(path, NULL);
	if (!real) {
		if (path[0] == '/')
			lexical_clean(path);
		return path;
	}
	free(path);
	char *copy = xstrdup(real);
	free(real);
	return copy;
}

static bool under(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	return n > 0 && strncmp(path, dir, n) == 0 && path[n] == '/';
}

void theme_dirs_make(theme_dirs_t *d, const char *xdg_config_home, const char *home,
                     const char *exe)
{
	*d = (theme_dirs_t){0};
	char *user = xdg_path(xdg_config_home, home, ".config", "citydash/themes");
	if (user)
		add(d, user);
	char *exe_dir = NULL;
	if (exe && exe[0] == '/') {
		const char *slash = strrchr(exe, '/');
		exe_dir = xstrndup(exe, (size_t)(slash - exe));
		add(d, canonical(
		           xasprintf("%s/%s", exe_dir[0] ? exe_dir : "", CITYDASH_THEMES_REL_DIR)));
	}
	add(d, canonical(xstrdup(CITYDASH_THEMES_INSTALL_DIR)));
#if defined(CITYDASH_THEMES_SOURCE_DIR) && defined(CITYDASH_BUILD_DIR)
	if (exe_dir) {
		char *build = canonical(xstrdup(CITYDASH_BUILD_DIR));
		if (under(exe, build))
			add(d, xstrdup(CITYDASH_THEMES_SOURCE_DIR));
		free(build);
	}
#else
	(void)under;
#endif
	free(exe_dir);
}

void theme_dirs_here(theme_dirs_t *d)
{
	char *exe = realpath("/proc/self/exe", NULL);
	theme_dirs_make(d, getenv("XDG_CONFIG_HOME"), getenv("HOME"), exe);
	free(exe);
}

void theme_dirs_free(theme_dirs_t *d)
{
	for (size_t i = 0; i < d->count; i++)
		free(d->dir[i]);
	d->count = 0;
}

static bool good_name(const char *name)
{
	if (!name[0] || name[0] == '.' || name[0] == '-')
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
			return false;
	return true;
}

char *theme_find_in(const char *name, const theme_dirs_t *d, char **cause)
{
	*cause = NULL;
	if (strchr(name, '/'))
		return xstrdup(name);
	if (!good_name(name)) {
		*cause = xasprintf(_("theme \"%s\": a name is letters, digits, '-', '_' and '.' "
		                     "(a file's path contains a '/': ./%s)"),
		                   name, name);
		return NULL;
	}
	size_t len = 0;
	for (size_t i = 0; i < d->count; i++) {
		char *path = xasprintf("%s/%s.theme", d->dir[i], name);
		if (access(path, F_OK) == 0)
			return path;
		len += strlen(path) + 2;
		free(path);
	}
	char *list = xmalloc(len + 1);
	list[0] = '\0';
	for (size_t i = 0; i < d->count; i++) {
		char *path = xasprintf("%s%s/%s.theme", i ? ", " : "", d->dir[i], name);
		strcat(list, path);
		free(path);
	}
	*cause = xasprintf(_("theme \"%s\" not found (looked for %s)"), name,
	                   d->count ? list : _("nothing: no theme directory"));
	free(list);
	return NULL;
}

char *theme_find(const char *name, char **cause)
{
	theme_dirs_t d;
	theme_dirs_here(&d);
	char *path = theme_find_in(name, &d, cause);
	theme_dirs_free(&d);
	return path;
}

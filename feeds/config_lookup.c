/* config_lookup: the configuration file to read when no --config was
 * given (config.h, config_lookup.h). */
#include "config_lookup.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "strbuf.h"
#include "xalloc.h"
#include "xdg.h"

static void puts_sb(strbuf_t *b, const char *s)
{
	strbuf_put(b, s, strlen(s));
}

static bool set(const char *v)
{
	return v && v[0];
}

/* Notes path among the places looked; returns it if it exists. */
static char *try_path(char *path, strbuf_t *looked)
{
	if (looked->len)
		puts_sb(looked, ", ");
	puts_sb(looked, path);
	if (access(path, F_OK) == 0)
		return path;
	free(path);
	return NULL;
}

char *config_lookup_in(const char *etc_dir, char **looked)
{
	strbuf_t places = {0};
	char *found = NULL;
	const char *env = getenv("CITYDASH_CONFIG");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (set(env)) {
		/* Taken even if missing, so that its error is seen. */
		found = xstrdup(env);
		puts_sb(&places, env);
	}
	char *user = found ? NULL : xdg_path(xdg, home, ".config", "citydash/config.json");
	if (user)
		found = try_path(user, &places);
	if (!found)
		found = try_path(xasprintf("%s/citydash/config.json", etc_dir), &places);
	if (looked)
		*looked = places.data ? places.data : xstrdup("");
	else
		free(places.data);
	return found;
}

char *config_lookup(void)
{
	return config_lookup_in(CONFIG_LOOKUP_ETC_DIR, NULL);
}

/* xdg: see xdg.h. */
#include "xdg.h"

#include <stddef.h>

#include "xalloc.h"

char *xdg_path(const char *value, const char *home, const char *home_rel, const char *leaf)
{
	if (value && value[0] == '/')
		return xasprintf("%s/%s", value, leaf);
	if (home && home[0])
		return xasprintf("%s/%s/%s", home, home_rel, leaf);
	return NULL;
}

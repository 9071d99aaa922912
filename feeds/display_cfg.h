/* display_cfg: how the screen looks and behaves on a wall, from the
 * configuration file's "display" object (docs/config.md): the theme, and
 * for --kiosk which pages rotate, in what order, how long each shows and how
 * long a new high-priority alarm's banner stays. Settings only: parsed here
 * beside config.c, used by tui/. The command line (--theme, --rotate)
 * overrides them. */
#ifndef CITYDASH_DISPLAY_CFG_H
#define CITYDASH_DISPLAY_CFG_H

#include <stddef.h>
#include <stdint.h>

#include "cfg_read.h"

struct cJSON;

#define DISPLAY_ROTATE_MS_DEFAULT 20000 /* each kiosk page shows 20 s */
#define DISPLAY_ROTATE_MS_MIN 2000
#define DISPLAY_ROTATE_MS_MAX 3600000
#define DISPLAY_BANNER_MS_DEFAULT 120000 /* a new-alarm banner stays 2 min unless acknowledged */
#define DISPLAY_BANNER_MS_MAX 86400000
#define DISPLAY_KIOSK_PAGES_MAX 32

typedef struct display_cfg {
	char *theme;        /* a theme's name or a theme file's path; NULL: the default */
	/* Kiosk rotation: page names as --dump --page takes them
	 * (tui/pages/page_names.h), checked by the TUI before it starts; owned.
	 * None: the default rotation. */
	char **kiosk_pages;
	size_t kiosk_page_count;
	int64_t rotate_ms;  /* how long each kiosk page shows */
	int64_t banner_ms;  /* how long a new-alarm banner stays; 0: until acknowledged */
} display_cfg_t;

/* No theme (the default), the default rotation, DISPLAY_*_DEFAULT times. */
void display_cfg_defaults(display_cfg_t *d);
/* Reads the "display" object over the defaults. Returns 0, or -1 with *e
 * set (its pointer relative to the object); *d is then partly read: free it. */
int display_cfg_read(display_cfg_t *d, const struct cJSON *obj, cfg_error_t *e);
void display_cfg_free(display_cfg_t *d);

#endif

/* display_cfg: the "display" object (see display_cfg.h). */
#include "display_cfg.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "i18n.h"
#include "xalloc.h"

void display_cfg_defaults(display_cfg_t *d)
{
	*d = (display_cfg_t){.rotate_ms = DISPLAY_ROTATE_MS_DEFAULT,
	                     .banner_ms = DISPLAY_BANNER_MS_DEFAULT};
}

void display_cfg_free(display_cfg_t *d)
{
	free(d->theme);
	for (size_t i = 0; i < d->kiosk_page_count; i++)
		free(d->kiosk_pages[i]);
	free(d->kiosk_pages);
	display_cfg_defaults(d);
}

static int read_pages(display_cfg_t *d, const cJSON *list, cfg_error_t *e)
{
	int n = cJSON_GetArraySize(list);
	if (n < 1 || n > DISPLAY_KIOSK_PAGES_MAX) {
		cfg_error_set(e, "/kiosk/pages", _("must list from 1 to %d pages"),
		              DISPLAY_KIOSK_PAGES_MAX);
		return -1;
	}
	d->kiosk_pages = xcalloc((size_t)n, sizeof *d->kiosk_pages);
	const cJSON *item;
	cJSON_ArrayForEach(item, list)
	{
		if (!cJSON_IsString(item) || !item->valuestring[0]) {
			char *at = cfg_pointer_index("/kiosk/pages", d->kiosk_page_count);
			cfg_error_set(e, at, "%s", _("must be a page name, such as \"overview\""));
			free(at);
			return -1;
		}
		d->kiosk_pages[d->kiosk_page_count++] = xstrdup(item->valuestring);
	}
	return 0;
}

int display_cfg_read(display_cfg_t *d, const cJSON *obj, cfg_error_t *e)
{
	static const char *const known[] = {"theme", "kiosk", NULL};
	static const char *const kiosk_known[] = {"pages", "rotate_s", "banner_s", NULL};
	if (!cJSON_IsObject(obj)) {
		cfg_error_set(e, "", "%s", _("must be an object"));
		return -1;
	}
	const cJSON *kiosk = NULL;
	char *theme = NULL;
	if (cfg_check_keys(obj, known, e) < 0 || cfg_get_string(obj, "theme", false, true, &theme, e) < 0 ||
	    cfg_get_object(obj, "kiosk", false, &kiosk, e) < 0)
		return -1;
	if (theme) {
		free(d->theme);
		d->theme = theme;
	}
	if (!kiosk)
		return 0;
	const cJSON *pages = NULL;
	int64_t rotate_s = -1, banner_s = -1;
	if (cfg_check_keys(kiosk, kiosk_known, e) < 0 ||
	    cfg_get_array(kiosk, "pages", false, &pages, e) < 0 ||
	    cfg_get_int(kiosk, "rotate_s", DISPLAY_ROTATE_MS_MIN / 1000, DISPLAY_ROTATE_MS_MAX / 1000,
	                N_("s"), &rotate_s, e) < 0 ||
	    cfg_get_int(kiosk, "banner_s", 0, DISPLAY_BANNER_MS_MAX / 1000, N_("s"), &banner_s, e) < 0) {
		cfg_error_nest(e, "/kiosk");
		return -1;
	}
	if (pages && read_pages(d, pages, e) < 0)
		return -1;
	if (rotate_s >= 0)
		d->rotate_ms = rotate_s * 1000;
	if (banner_s >= 0)
		d->banner_ms = banner_s * 1000;
	return 0;
}

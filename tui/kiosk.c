/* kiosk: the rotation and the banner's state (kiosk.h). Pure: times come
 * in as arguments (nothing is drawn; form_close only clears nav.form); the
 * engine is read in kiosk_alarm.c. */
#include "kiosk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "i18n.h"
#include "page_names.h"
#include "xalloc.h"

static const char *const default_pages[] = {"overview", "wall", "kpis", "events", "alarms"};

/* One name into a kiosk page; -1 with *cause (the name's place given by
 * the caller) when it is no page, or is one item's. */
static int parse_page(const char *name, kiosk_page_t *out, char **why)
{
	page_request_t req;
	char *cause = NULL;
	if (page_name_parse(&req, name, &cause) != 0) {
		free(cause);
		*why = xasprintf(_("no page \"%s\" (one of %s)"), name,
		                 "overview, wall, kpis, events, tiers, alarms, alarm-log, sources, "
		                 "help, domain:TOKEN");
		return -1;
	}
	if (req.item != PAGE_ITEM_NONE) {
		*why = xasprintf(_("\"%s\" is one item's page: the wall rotates pages (overview, "
		                   "wall, kpis, events, domain:TOKEN …)"),
		                 name);
		return -1;
	}
	*out = (kiosk_page_t){.page = req.page, .domain = req.domain};
	return 0;
}

int kiosk_setup(kiosk_t *k, const display_cfg_t *display, char **cause)
{
	memset(k, 0, sizeof *k);
	bool configured = display->kiosk_page_count > 0;
	size_t n = configured ? display->kiosk_page_count
	                      : sizeof default_pages / sizeof default_pages[0];
	if (n > DISPLAY_KIOSK_PAGES_MAX)
		n = DISPLAY_KIOSK_PAGES_MAX; /* display_cfg refuses more */
	for (size_t i = 0; i < n; i++) {
		const char *name = configured ? display->kiosk_pages[i] : default_pages[i];
		char *why = NULL;
		if (parse_page(name, &k->pages[i], &why) != 0) {
			*cause = xasprintf("/display/kiosk/pages/%zu: %s", i, why);
			free(why);
			return -1;
		}
	}
	k->count = n;
	k->rotate_ms = display->rotate_ms > 0 ? display->rotate_ms : DISPLAY_ROTATE_MS_DEFAULT;
	k->banner_ms = display->banner_ms >= 0 ? display->banner_ms : DISPLAY_BANNER_MS_DEFAULT;
	return 0;
}

/* Shows pages[at]: a top-level page as its key would (the back stack
 * forgotten), a domain page with its domain; a filter someone left is
 * dropped, so the wall never shows a narrowed list. */
static void show(const kiosk_t *k, nav_t *nav)
{
	const kiosk_page_t *p = &k->pages[k->at];
	nav->filter[0] = '\0';
	nav->filter_editing = false;
	nav->depth = 0;
	nav->page = p->page;
	if (p->page == PAGE_DOMAIN) {
		nav->domain = p->domain;
		nav->focus = (int)p->domain;
		nav->selected = nav->scroll = 0;
		nav->selected_serial = 0;
	}
}

void kiosk_start(kiosk_t *k, nav_t *nav, int64_t now_ms)
{
	nav->kiosk = true;
	k->at = 0;
	k->started_ms = now_ms;
	if (k->count)
		show(k, nav);
	k->due_ms = now_ms + k->rotate_ms;
}

bool kiosk_rotate(kiosk_t *k, nav_t *nav, int64_t now_ms)
{
	if (!k->count || now_ms < k->due_ms)
		return false;
	k->due_ms = now_ms + k->rotate_ms;
	if (nav->form.kind != NAV_FORM_NONE) {
		/* A form left a whole period without a key (every key holds the
		 * page): dropped, so a stray q cannot stop the wall; the page
		 * holds one more period. */
		form_close(nav);
		return true;
	}
	if (nav->banner[0])
		return false; /* held: the banner is being read */
	k->at = (k->at + 1) % k->count;
	show(k, nav);
	return true;
}

void kiosk_touch(kiosk_t *k, int64_t now_ms)
{
	k->due_ms = now_ms + k->rotate_ms;
}

int64_t kiosk_ms_until_due(const kiosk_t *k, int64_t now_ms)
{
	int64_t wait = k->due_ms - now_ms;
	if (k->banner_id[0] && k->banner_ms > 0) {
		int64_t end = k->banner_ms_at + k->banner_ms - now_ms;
		if (end < wait)
			wait = end;
	}
	if (wait > k->rotate_ms)
		wait = k->rotate_ms;
	return wait < 0 ? 0 : wait;
}

void kiosk_banner_raise(kiosk_t *k, nav_t *nav, const char *id, const char *text, int64_t now_ms)
{
	snprintf(k->banner_id, sizeof k->banner_id, "%s", id);
	k->banner_ms_at = now_ms;
	snprintf(nav->banner, sizeof nav->banner, "%s", text);
}

bool kiosk_banner_check(kiosk_t *k, nav_t *nav, bool unacked, int64_t now_ms)
{
	if (!k->banner_id[0])
		return false;
	bool expired = k->banner_ms > 0 && now_ms - k->banner_ms_at >= k->banner_ms;
	if (unacked && !expired)
		return false;
	k->banner_id[0] = '\0';
	nav->banner[0] = '\0';
	/* The page it held shows a whole period more before the rotation goes on. */
	k->due_ms = now_ms + k->rotate_ms;
	return true;
}

/* kiosk: the wall display (--kiosk) as a state machine, without curses, so
 * it is tested with injected times:
 *   - the rotation: the configuration's display.kiosk.pages (names as
 *     page_names.h parses them; a default rotation when none), each shown
 *     for display.rotate_ms (--rotate), in order, round and round;
 *   - the banner: a new high-priority alarm (alarm_engine_high_arrivals
 *     grew) puts a banner naming it and its place in nav.banner, which the
 *     frame draws across the top of the body (banner.h). It stays until the
 *     alarm is no longer unacknowledged (acknowledged, shelved, gone) or
 *     for display.banner_ms (0: until acknowledged). While it shows, the
 *     rotation holds the page it interrupted; a newer arrival replaces it.
 * The event loop (tui.c) calls kiosk_step each turn and sleeps no longer
 * than kiosk_ms_until_due. Keys still work in kiosk mode; one holds the
 * page it leads to for another period (kiosk_touch). Owns no memory. */
#ifndef CITYDASH_KIOSK_H
#define CITYDASH_KIOSK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alarm.h"
#include "alarm_bell.h"
#include "display_cfg.h"
#include "pages.h"

/* The rotation when the configuration names none. */
#define KIOSK_DEFAULT_PAGES "overview, wall, kpis, events, alarms"

typedef struct kiosk_page {
	page_id_t page;
	domain_t domain; /* PAGE_DOMAIN: which */
} kiosk_page_t;

typedef struct kiosk {
	kiosk_page_t pages[DISPLAY_KIOSK_PAGES_MAX];
	size_t count;      /* at least 1 once set up */
	size_t at;         /* the page shown: pages[at] */
	int64_t rotate_ms; /* each page shows this long */
	int64_t banner_ms; /* a banner stays this long; 0: until acknowledged */
	int64_t due_ms;    /* steady time the next page is due; 0: not started */
	/* The banner: the alarm it names ("": none) and since when it shows. */
	char banner_id[ALARM_ID_MAX];
	int64_t banner_ms_at;
	/* High-priority arrivals already seen: the bell's rule (alarm_bell.h),
	 * never rate-limited; what stood at start is no news. */
	alarm_bell_t arrivals;
	int64_t started_ms; /* kiosk_start's time */
} kiosk_t;

/* What stands when every source has answered, or this long after the
 * start, is no news: the alarms of the first data raise no banner. */
#define KIOSK_SETTLE_MS 30000

/* Checks display's kiosk pages (or the default rotation) and sets *k up
 * with its times. Returns 0, or -1 with *cause (caller frees) naming the
 * first page that is not one, by its place in the configuration:
 * "/display/kiosk/pages/2: no page "x" (one of …)". An item page
 * (reading:ID, kpi:ID, event:ID) is refused: the wall shows pages, and an
 * item may not be there. */
int kiosk_setup(kiosk_t *k, const display_cfg_t *display, char **cause);

/* Shows the rotation's first page at `now_ms` (nav.kiosk set). */
void kiosk_start(kiosk_t *k, nav_t *nav, int64_t now_ms);

/* Moves to the next page if it is due. Not while a banner is up: the page
 * then holds for another period. A form (the quit question, the shelve
 * form) still open when the page is due has had a whole period without a
 * key: it is closed, and the page holds one more period. Returns true if
 * the page or the form changed. */
bool kiosk_rotate(kiosk_t *k, nav_t *nav, int64_t now_ms);

/* An operator's key: the page shown holds for another period. */
void kiosk_touch(kiosk_t *k, int64_t now_ms);

/* Milliseconds until kiosk_rotate or the banner's time may change
 * something (0 if due); never more than rotate_ms. */
int64_t kiosk_ms_until_due(const kiosk_t *k, int64_t now_ms);

/* Raises the banner for alarm `id` with `text` (banner.h's lines). */
void kiosk_banner_raise(kiosk_t *k, nav_t *nav, const char *id, const char *text, int64_t now_ms);
/* Ends the banner when its alarm is no longer unacknowledged or its time
 * is over. Returns true if it ended. */
bool kiosk_banner_check(kiosk_t *k, nav_t *nav, bool unacked, int64_t now_ms);

/* One turn of the event loop: a new high-priority alarm raises the banner
 * (kiosk_alarm.c reads the engine and names the alarm and its place), the
 * banner's alarm is followed, the rotation moves. Returns true if the
 * screen must be redrawn. */
bool kiosk_step(kiosk_t *k, nav_t *nav, const ui_ctx_t *ctx);

/* The banner's text for alarm `a` into buf: its lines (banner.h) say what
 * happened, the alarm's name, its place, and its level, state, since when
 * and how many other high-priority alarms wait (`others`). */
void kiosk_banner_text(const ui_ctx_t *ctx, const alarm_info_t *a, size_t others, char *buf,
                       size_t size);

#endif

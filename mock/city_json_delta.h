/* city_json_delta: the feed documents of report by exception, built from
 * the image rbe.h keeps: the whole document with the "cursor" of its tick,
 * and the delta since a cursor ("delta": true, only what was reported since,
 * ids gone since in "removed"). docs/protocol.md, "Report by exception".
 *
 * Pure serialization like city_json.h: every function returns a new string
 * the caller frees, its length in *len. */
#ifndef CITYDASH_CITY_JSON_DELTA_H
#define CITYDASH_CITY_JSON_DELTA_H

#include <stddef.h>
#include <stdint.h>

#include "city.h"
#include "city_json.h"
#include "rbe.h"

typedef enum city_feed {
	CITY_FEED_READINGS, /* one domain's readings */
	CITY_FEED_KPIS,
	CITY_FEED_EVENTS,
} city_feed_t;

/* The document of `feed` (`domain` for readings) at the image's tick
 * (tm->tick must be rbe_tick(r)): whole if since is NULL, else the delta
 * since tick *since (a cursor rbe_cursor_parse accepted). *items (may be
 * NULL) receives how many items it lists, removed ids included. */
char *city_json_rbe_doc(const city_t *c, const rbe_t *r, city_feed_t feed, size_t domain,
                        const city_json_time_t *tm, const int64_t *since, size_t *len,
                        size_t *items);

#endif

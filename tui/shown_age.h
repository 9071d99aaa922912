/* shown_age: how old the oldest data a page shows is, for the status bar.
 * The frame clears nav.oldest_shown_ms before the page draws; the page
 * notes each reading it shows (its age as the row's age column says it,
 * store_reading_vouched_age), and the earliest time of receipt stays. */
#ifndef CITYDASH_SHOWN_AGE_H
#define CITYDASH_SHOWN_AGE_H

#include "pages.h"

/* The reading at store index `reading` is shown. */
void shown_age_reading(nav_t *nav, const ui_ctx_t *ctx, size_t reading);
/* Every reading of the view (what the overview's counts are made of). */
void shown_age_view(nav_t *nav, const ui_ctx_t *ctx);

#endif

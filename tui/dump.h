/* dump: --dump, one frame rendered without a terminal and printed as text. */
#ifndef CITYDASH_DUMP_H
#define CITYDASH_DUMP_H

#include <stdbool.h>

#include "page_names.h"
#include "session.h"

/* Polls every source once (each until it answers or times out), renders the
 * page `page` within the session's scope at cols × rows and prints it to
 * stdout. Returns 0, or 1 with a message on stderr (and nothing on stdout)
 * when no source could be read, the scope holds nothing the feeds sent, or
 * the page's item is not there (page_name_open). */
int dump_run(session_t *s, const page_request_t *page, int cols, int rows, bool ascii);

#endif

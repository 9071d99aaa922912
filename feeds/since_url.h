/* since_url: the URL of a report-by-exception request (docs/protocol.md,
 * "Report by exception"): the source's URL with `since=<cursor>` added to
 * its query, percent-encoded, before any fragment. Pure; the poller's. */
#ifndef CITYDASH_SINCE_URL_H
#define CITYDASH_SINCE_URL_H

/* A new string (caller frees): url with "?since=C" or "&since=C" (C the
 * cursor percent-encoded: all but A-Z a-z 0-9 - . _ ~), placed before a
 * '#' fragment; a URL whose query is empty ("...?") or ends in '&' gets no
 * second separator. */
char *since_url(const char *url, const char *cursor);

#endif

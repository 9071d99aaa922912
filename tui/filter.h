/* filter: the current page's text filter (/, n, N): matching names, ids and places, Chinese included.
 * PLACEHOLDER (issue 11): the interface is its owner's to write. */
#ifndef CITYDASH_FILTER_H
#define CITYDASH_FILTER_H

#endif

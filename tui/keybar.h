/* keybar: the key bar along the bottom (as htop's): the keys that matter on the current page.
 * PLACEHOLDER (issue 11): the interface is its owner's to write. */
#ifndef CITYDASH_KEYBAR_H
#define CITYDASH_KEYBAR_H

#endif

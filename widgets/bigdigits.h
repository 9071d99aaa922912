/* bigdigits: numbers drawn several rows tall, for the headline figures on
 * the wall. PLACEHOLDER (issue 11): the interface is its owner's to write. */
#ifndef CITYDASH_BIGDIGITS_H
#define CITYDASH_BIGDIGITS_H

#endif

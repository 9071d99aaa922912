/* fault_feed_big: the 40 MiB document of fault_feed's big modes, a valid
 * protocol v1 document made piece by piece as it is sent (never held whole),
 * and the same gzipped (held: some hundreds of KiB). */
#ifndef CITYDASH_FAULT_FEED_BIG_H
#define CITYDASH_FAULT_FEED_BIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Its size: 40 MiB, give or take an element. */
size_t fault_big_size(void);

/* A libmicrohttpd content reader (MHD_ContentReaderCallback): up to max
 * bytes of the document from pos; MHD_CONTENT_READER_END_OF_STREAM at its end. */
ssize_t fault_big_read(void *cls, uint64_t pos, char *buf, size_t max);

/* The document gzipped, made at the first call (thread-safe; a second or so)
 * and kept until fault_big_free. False if zlib failed. gz and len may be NULL. */
bool fault_big_gzip(const unsigned char **gz, size_t *len);
void fault_big_free(void);

#endif

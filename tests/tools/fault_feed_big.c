/* fault_feed_big: the 40 MiB document of fault_feed (see fault_feed_big.h).
 * It is a head, BIG_ELEM-byte readings numbered in order, and a tail, so any
 * byte of it is known from its position alone. */
#include "fault_feed_big.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define BIG_SIZE (40UL << 20)
#define BIG_ELEM 1000 /* bytes of one padded reading */

static const char big_head[] = "{\"version\":1,\"readings\":[{\"id\":\"big.first\",\"value\":0}";
static const char big_tail[] = "]}";

static size_t big_elems(void)
{
	return (BIG_SIZE - (sizeof big_head - 1) - (sizeof big_tail - 1)) / BIG_ELEM;
}

size_t fault_big_size(void)
{
	return (sizeof big_head - 1) + big_elems() * BIG_ELEM + (sizeof big_tail - 1);
}

/* Reading i: ,{"id":"big.NNNNNNNNNN","value":1,"name":"xxx…"} in exactly BIG_ELEM bytes. */
static void big_elem(char *out, size_t i)
{
	int n = snprintf(out, BIG_ELEM + 1, ",{\"id\":\"big.%010zu\",\"value\":1,\"name\":\"", i);
	memset(out + n, 'x', BIG_ELEM - (size_t)n - 2);
	memcpy(out + BIG_ELEM - 2, "\"}", 2);
}

ssize_t fault_big_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	(void)cls;
	size_t head = sizeof big_head - 1, body = big_elems() * BIG_ELEM, total = fault_big_size(),
	       n = 0;
	if (pos >= total)
		return MHD_CONTENT_READER_END_OF_STREAM;
	char elem[BIG_ELEM + 1];
	while (n < max && pos < total) {
		const char *src;
		size_t avail;
		if (pos < head) {
			src = big_head + pos;
			avail = head - pos;
		} else if (pos < head + body) {
			size_t off = (size_t)pos - head;
			big_elem(elem, off / BIG_ELEM);
			src = elem + off % BIG_ELEM;
			avail = BIG_ELEM - off % BIG_ELEM;
		} else {
			size_t off = (size_t)pos - head - body;
			src = big_tail + off;
			avail = sizeof big_tail - 1 - off;
		}
		size_t k = avail < max - n ? avail : max - n;
		memcpy(buf + n, src, k);
		n += k;
		pos += k;
	}
	return (ssize_t)n;
}

static unsigned char *gzipped;
static size_t gzipped_len;
static pthread_mutex_t gzip_lock = PTHREAD_MUTEX_INITIALIZER;

static void make_gzip(void)
{
	z_stream z = {0};
	if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
		return;
	size_t cap = deflateBound(&z, fault_big_size());
	unsigned char *out = malloc(cap);
	static char in[64 * 1024];
	uint64_t pos = 0;
	int rc = out ? Z_OK : Z_MEM_ERROR;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	while (rc == Z_OK) {
		ssize_t n = fault_big_read(NULL, pos, in, sizeof in);
		bool end = n == MHD_CONTENT_READER_END_OF_STREAM;
		z.next_in = (unsigned char *)in;
		z.avail_in = end ? 0 : (uInt)n;
		pos += end ? 0 : (uint64_t)n;
		rc = deflate(&z, end ? Z_FINISH : Z_NO_FLUSH);
	}
	if (rc == Z_STREAM_END) {
		gzipped = out;
		gzipped_len = z.total_out;
	} else {
		free(out);
	}
	deflateEnd(&z);
}

bool fault_big_gzip(const unsigned char **gz, size_t *len)
{
	pthread_mutex_lock(&gzip_lock);
	if (!gzipped)
		make_gzip();
	if (gz)
		*gz = gzipped;
	if (len)
		*len = gzipped_len;
	bool ok = gzipped != NULL;
	pthread_mutex_unlock(&gzip_lock);
	return ok;
}

void fault_big_free(void)
{
	free(gzipped);
	gzipped = NULL;
}

/* fuzz_text: libFuzzer target for the UTF-8 sanitizer (base/text.c), and
 * its promise: what text_sanitize makes is clean, fits the worst-case
 * bound, and is measured and cut without reading past its end. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return -1;
	/* Exactly size bytes, so ASan sees a read past the end. */
	char *src = xmalloc(size ? size : 1);
	if (size)
		memcpy(src, data, size);
	char *dst = xmalloc(TEXT_SANITIZED_MAX(size));
	size_t n = text_sanitize_into(dst, src, size);
	if (n >= TEXT_SANITIZED_MAX(size) || dst[n] != '\0' || strlen(dst) != n)
		abort();
	if (!text_is_clean(dst))
		abort(); /* sanitized text must pass the check drawing relies on */
	char *again = text_sanitize(dst, n);
	if (strcmp(again, dst) != 0)
		abort(); /* sanitizing is idempotent */
	int width = text_width(dst);
	if (width < 0)
		abort();
	/* Drawn cell by cell, the string takes the columns it measures. */
	text_iter_t it;
	memset(&it, 0, sizeof it);
	it.s = dst;
	text_cell_t cell;
	int drawn = 0;
	size_t walked = 0, step;
	while ((step = text_iter_next(&it, &cell)) != 0) {
		walked += step;
		drawn += cell.cols;
	}
	if (walked != n || drawn != width)
		abort();
	int cols = 0;
	size_t cut = text_prefix_for_width(dst, width / 2, &cols);
	if (cut > n || cols > width / 2)
		abort();
	free(again);
	free(dst);
	free(src);
	return 0;
}

/* fuzz_theme: libFuzzer target for the theme file reader
 * (themes/theme_file.c, theme_color.c): any bytes as a theme file's text.
 * `base` lines find no file here (they are reported as errors), so the
 * target reads no file at all. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "theme_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return -1;
	char *text = fuzz_strndup(data, size); /* the reader takes a C string */
	theme_spec_t spec;
	memset(&spec, 0, sizeof spec);
	char *cause = NULL;
	int rc = theme_file_parse(&spec, "fuzz.theme", text, NULL, &cause);
	if ((rc != 0) != (cause != NULL))
		abort(); /* an error always says why, and only an error */
	free(cause);
	free(text);
	return 0;
}

/* fuzz_config: libFuzzer target for the configuration loader
 * (feeds/config*.c, cfg_read.c, alarm_cfg.c, display_cfg.c and every
 * adapter's options): any bytes as the text of a configuration file.
 * A configuration may name files (TLS, secrets) that the loader opens to
 * read: run.sh runs the targets in an empty temporary directory. Nothing is
 * written. */
#include <stdlib.h>

#include "config.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return -1;
	char *json = xmalloc(size ? size : 1);
	if (size)
		memcpy(json, data, size);
	config_t cfg;
	config_init(&cfg);
	char *cause = NULL;
	if (config_parse_named(&cfg, "fuzz.json", json, size, &cause) != 0 && !cause)
		abort(); /* a rejected file always says why */
	free(cause);
	config_free(&cfg);
	free(json);
	return 0;
}

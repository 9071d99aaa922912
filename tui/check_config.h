/* check_config: what `citydash --check-config` prints once the whole
 * configuration loaded (every secret read, every TLS file found): the file
 * used and each source's name, type, URL (credentials masked), auth kind
 * and where its secret comes from, never the secret itself. */
#ifndef CITYDASH_CHECK_CONFIG_H
#define CITYDASH_CHECK_CONFIG_H

#include <stdio.h>

#include "config.h"

/* `file`: the configuration file read, or NULL (only --source). */
void check_config_print(FILE *out, const config_t *cfg, const char *file);

#endif

/* config_lookup: where the configuration file is when no --config is given
 * (config.h's config_lookup), with the system directory as a parameter so
 * that tests can point it at a temporary one; no environment variable
 * exists for that. */
#ifndef CITYDASH_CONFIG_LOOKUP_H
#define CITYDASH_CONFIG_LOOKUP_H

#define CONFIG_LOOKUP_ETC_DIR "/etc"

/* As config_lookup(), with ETC_DIR/citydash/config.json last. If `looked`
 * is not NULL it gets the places tried, comma-separated, for a message
 * when none is found (the caller frees it). */
char *config_lookup_in(const char *etc_dir, char **looked);

#endif

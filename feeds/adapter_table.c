/* adapter_table: the wire formats citydash reads, by name (adapter.h). The
 * first row is the native protocol, the default. Adding an adapter: its file
 * feeds/adapter_NAME.c, its row here, its section in docs/config.md. */
#include "adapter.h"

#include <string.h>

extern const adapter_t adapter_citydash_v1;
extern const adapter_t adapter_prometheus;
extern const adapter_t adapter_sensorthings;
extern const adapter_t adapter_json;

static const adapter_t *const adapters[] = {
    &adapter_citydash_v1,
    &adapter_prometheus,
    &adapter_sensorthings,
    &adapter_json,
};

#define ADAPTER_COUNT (sizeof adapters / sizeof adapters[0])

const adapter_t *adapter_find(const char *name)
{
	if (!name)
		return adapters[0];
	for (size_t i = 0; i < ADAPTER_COUNT; i++)
		if (strcmp(adapters[i]->name, name) == 0)
			return adapters[i];
	return NULL;
}

const char *adapter_names(void)
{
	static char names[256];
	if (!names[0]) {
		size_t used = 0;
		for (size_t i = 0; i < ADAPTER_COUNT; i++) {
			size_t n = strlen(adapters[i]->name);
			if (used + n + 3 > sizeof names)
				break;
			if (i) {
				memcpy(names + used, ", ", 2);
				used += 2;
			}
			memcpy(names + used, adapters[i]->name, n);
			used += n;
			names[used] = '\0';
		}
	}
	return names;
}

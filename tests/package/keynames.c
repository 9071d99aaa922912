/* keynames: prints the name of every key in tui/keymap.c's table, one a line,
 * as the ASCII help page shows it, for the test man_keys (citydash(1) must
 * name every key). */
#include <stdbool.h>
#include <stdio.h>

#include "keymap.h"

int main(void)
{
	int count;
	const key_binding_t *table = keymap_table(&count);
	for (int i = 0; i < count; i++) {
		char name[32];
		keymap_key_name(table[i].key, true, name, sizeof name);
		puts(name);
	}
	return 0;
}

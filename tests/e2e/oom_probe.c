/* oom_probe: citydash's out-of-memory path on a real terminal, without
 * having to exhaust memory. It takes the terminal as citydash does (the same
 * term_guard), draws, waits for a key, then asks xalloc for more than can
 * exist: xalloc's message must be readable after the process died. */
#include <curses.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "term_guard.h"
#include "xalloc.h"

int main(void)
{
	setlocale(LC_ALL, "");
	term_guard_save(STDOUT_FILENO);
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr)
		return 2;
	cbreak();
	noecho();
	curs_set(0);
	term_guard_arm();
	mvaddstr(0, 0, "probe: a full screen; press a key to run out of memory");
	refresh();
	getch();
	/* A size that overflows: xalloc's out-of-memory path, in every build
	 * (a sanitizer's allocator never sees it). */
	void *p = xreallocarray(NULL, SIZE_MAX / 2, 4);
	printf("%p\n", p); /* not reached */
	return 0;
}

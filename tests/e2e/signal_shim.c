/* signal_shim: an LD_PRELOAD library for test_signals.sh that raises a
 * signal at a moment a test cannot otherwise hit: in citydash's first
 * curs_set(), when newterm(), cbreak() and noecho() have taken the terminal
 * and before the event loop runs. SIGNAL_SHIM=HUP (or TERM, INT) says
 * which; unset, it does nothing. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

int curs_set(int visibility);

int curs_set(int visibility)
{
	static int raised;
	const char *name = getenv("SIGNAL_SHIM");
	if (name && !raised) {
		raised = 1;
		int sig = strcmp(name, "HUP") == 0    ? SIGHUP
		          : strcmp(name, "TERM") == 0 ? SIGTERM
		          : strcmp(name, "INT") == 0  ? SIGINT
		                                      : 0;
		if (sig)
			raise(sig);
	}
	int (*real)(int);
	*(void **)&real = dlsym(RTLD_NEXT, "curs_set");
	return real ? real(visibility) : -1;
}

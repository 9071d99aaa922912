#include "term_guard.h"

#include <curses.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "xalloc.h"

static const int fatal_signals[] = {SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL};
enum { FATAL_COUNT = sizeof fatal_signals / sizeof fatal_signals[0] };

/* Everything the handler uses is prepared before it can run. */
static int tty_fd = -1;
static struct termios saved_modes;
static bool modes_saved;
static char reset[256]; /* the terminfo strings, padding removed */
static size_t reset_len;
static volatile sig_atomic_t armed, restored;
static struct sigaction previous[FATAL_COUNT]; /* put back by term_guard_disarm */
/* A stack for the handler, so a stack overflow (SIGSEGV) can be handled. */
static char alt_stack[64 * 1024];

/* Appends a terminfo string without its padding ("$<5>"), which only
 * tputs understands. */
static void reset_add(const char *capname)
{
	char name[16];
	snprintf(name, sizeof name, "%s", capname);
	const char *cap = tigetstr(name);
	if (!cap || cap == (char *)-1)
		return;
	for (const char *p = cap; *p && reset_len < sizeof reset; p++) {
		if (p[0] == '$' && p[1] == '<') {
			const char *end = strchr(p, '>');
			if (end) {
				p = end;
				continue;
			}
		}
		reset[reset_len++] = *p;
	}
}

void term_guard_save(int fd)
{
	modes_saved = tcgetattr(fd, &saved_modes) == 0;
	tty_fd = modes_saved ? fd : -1;
}

void term_guard_restore(void)
{
	if (!armed || restored)
		return;
	restored = 1;
	size_t done = 0;
	while (done < reset_len) {
		ssize_t n = write(STDOUT_FILENO, reset + done, reset_len - done);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (modes_saved)
		tcsetattr(tty_fd, TCSANOW, &saved_modes);
}

static void on_fatal(int sig)
{
	term_guard_restore();
	/* Die by the same signal: the default action, raised again (it is
	 * blocked while this runs, so it hits as soon as we return; a fault
	 * would also simply recur). */
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	raise(sig);
}

void term_guard_arm(void)
{
	/* CAN first: it ends an escape sequence the screen may be halfway
	 * through when the signal hits. Then plain attributes, the cursor,
	 * the keypad and the normal screen. */
	reset[0] = '\030';
	reset_len = 1;
	reset_add("sgr0");
	reset_add("cnorm");
	reset_add("rmkx");
	reset_add("rmcup");
	restored = 0;
	armed = 1;
	stack_t ss = {.ss_sp = alt_stack, .ss_size = sizeof alt_stack, .ss_flags = 0};
	bool on_stack = sigaltstack(&ss, NULL) == 0;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < FATAL_COUNT; i++)
		sigaddset(&sa.sa_mask, fatal_signals[i]); /* one at a time */
	sa.sa_flags = on_stack ? SA_ONSTACK : 0;
	for (int i = 0; i < FATAL_COUNT; i++)
		sigaction(fatal_signals[i], &sa, &previous[i]);
	xalloc_set_fatal_hook(term_guard_restore);
}

void term_guard_disarm(void)
{
	if (!armed)
		return;
	xalloc_set_fatal_hook(NULL);
	for (int i = 0; i < FATAL_COUNT; i++)
		sigaction(fatal_signals[i], &previous[i], NULL);
	armed = 0;
}

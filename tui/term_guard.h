/* term_guard: puts the terminal back when citydash dies.
 *
 * On SIGQUIT, SIGABRT (the out-of-memory path aborts), SIGSEGV, SIGBUS,
 * SIGFPE and SIGILL the handler leaves the alternate screen, shows the
 * cursor, resets attributes and restores the terminal modes saved at start,
 * using only async-signal-safe calls (write, tcsetattr); then it dies by the
 * same signal, with its default action (exit status, core dump as usual).
 * An out-of-memory message from xalloc is printed after the terminal is
 * restored, so it stays on screen. */
#ifndef CITYDASH_TERM_GUARD_H
#define CITYDASH_TERM_GUARD_H

/* Saves the terminal modes of `fd`; call before curses changes them
 * (before newterm). */
void term_guard_save(int fd);
/* Call once curses owns the terminal: takes the reset sequences from
 * terminfo and installs the handlers. */
void term_guard_arm(void);
/* Call after endwin: the handlers are put back as they were. */
void term_guard_disarm(void);
/* Restores the terminal now (async-signal-safe; does nothing the second
 * time). The fatal path calls it; so does xalloc before its message. */
void term_guard_restore(void);

#endif

/* The event loop. One thread: curl_multi_poll() waits on the transfers, the
 * keyboard and a signal pipe at once, with a timeout no longer than the next
 * due poll or the next second (clock and ages). A hung feed therefore never
 * delays a keystroke: the keyboard wakes the same wait the network does. */
#include "tui.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alarm_bell.h"
#include "clock.h"
#include "filter.h"
#include "form.h"
#include "frame.h"
#include "i18n.h"
#include "kiosk.h"
#include "log.h"
#include "mouse.h"
#include "pages.h"
#include "term_guard.h"
#include "theme.h"

/* Redraws caused by data are capped at this rate; keys redraw at once. */
#define DATA_REDRAW_MIN_MS 100
/* Consecutive "readable but no key" wake-ups that mean the terminal is gone. */
#define HANGUP_SPINS 64

static int signal_pipe[2] = {-1, -1};
static volatile sig_atomic_t quit_signal;

static void on_signal(int sig)
{
	quit_signal = sig;
	int saved = errno;
	if (signal_pipe[1] >= 0) {
		ssize_t w = write(signal_pipe[1], "q", 1);
		(void)w; /* a full pipe already holds a wake-up */
	}
	errno = saved;
}

void tui_catch_signals(void)
{
	if (signal_pipe[0] >= 0)
		return; /* already: main catches them before the session opens */
	if (pipe(signal_pipe) == 0) {
		for (int i = 0; i < 2; i++)
			fcntl(signal_pipe[i], F_SETFL, fcntl(signal_pipe[i], F_GETFL) | O_NONBLOCK);
	}
	struct sigaction sa = {0};
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static void close_signals(void)
{
	for (int i = 0; i < 2; i++) {
		if (signal_pipe[i] >= 0)
			close(signal_pipe[i]);
		signal_pipe[i] = -1;
	}
}

/* Applies a mouse event as the keys it stands for; false on quit (the key
 * bar's q). */
static bool handle_mouse(const ui_ctx_t *ctx, nav_t *nav, frame_t *frame)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return true;
	action_t acts[MOUSE_ACTIONS_MAX];
	int n = mouse_actions(&ev, frame, nav, acts, MOUSE_ACTIONS_MAX);
	for (int i = 0; i < n; i++) {
		if (acts[i] == ACT_QUIT)
			return false;
		nav_key(acts[i], ctx, nav);
	}
	return true;
}

/* Applies one key; returns false when the operator quits. */
static bool handle_key(int key, const ui_ctx_t *ctx, nav_t *nav, frame_t *frame)
{
	if (key == KEY_RESIZE) {
		frame_layout(frame, LINES, COLS);
		clearok(curscr, TRUE);
		return true;
	}
	action_t act = keymap_action(key);
	if (act == ACT_QUIT && nav->kiosk && frame->body) {
		form_open_confirm_quit(nav); /* the wall: a stray q must not end it */
		return true;
	}
	if (act == ACT_QUIT)
		return false;
	if (!frame->body)
		return true; /* too small: only quitting and resizing mean anything */
	if (act == ACT_REDRAW) {
		clearok(curscr, TRUE);
		return true;
	}
	if (act == ACT_MOUSE) /* clicks and the wheel act as keys (mouse.h) */
		return handle_mouse(ctx, nav, frame);
	nav_key(act, ctx, nav);
	return true;
}

/* Carries out the page's request (journal first, session_alarm_act) and
 * puts the outcome on the status line. */
static void carry_out(session_t *s, nav_t *nav, int64_t now)
{
	char msg[sizeof nav->message];
	msg[0] = '\0';
	int rc = session_alarm_act(s, &nav->request, clock_wall_ms(), msg, sizeof msg);
	snprintf(nav->message, sizeof nav->message, "%s", msg);
	nav->message_error = rc != 0;
	nav->message_ms = now ? now : 1;
	nav_request_done(nav, rc == 0);
}

/* The bell (alarm_bell.h): beep() for a new high-priority alarm. */
static void ring_bell(const session_t *s, const ui_ctx_t *ctx, alarm_bell_t *b, int64_t now)
{
	if (ctx->alarms &&
	    alarm_bell_due(b, alarm_engine_high_arrivals(ctx->alarms),
	                   ctx->alarm_status && ctx->alarm_status->bell, s->alarm_cfg.bell_min_ms, now))
		beep();
}

static int64_t ms_to_next_second(int64_t ms)
{
	return 1000 - ms % 1000 + 1;
}

/* How long the loop may sleep: until the next poll is due, the clock or the
 * ages move (next second, steady or wall), or a capped redraw may happen. */
static int next_wait_ms(const session_t *s, int64_t mono, int64_t now, int64_t wall, bool dirty,
                        int64_t last_draw)
{
	int64_t wait = poller_ms_until_due(s->poller, mono);
	int64_t tick = ms_to_next_second(now);
	if (ms_to_next_second(wall) < tick)
		tick = ms_to_next_second(wall);
	if (tick < wait)
		wait = tick;
	int64_t evaluate = session_ms_until_evaluate(s, now);
	if (evaluate >= 0 && evaluate < wait)
		wait = evaluate;
	int64_t redraw = DATA_REDRAW_MIN_MS - (mono - last_draw);
	if (dirty && redraw < wait)
		wait = redraw;
	return wait < 0 ? 0 : (int)wait;
}

/* Opens the terminal; NULL with a message on stderr if it cannot be drawn
 * on (unknown TERM, or a type that cannot move the cursor, such as dumb). */
static SCREEN *open_terminal(void)
{
	const char *term = getenv("TERM");
	term_guard_save(isatty(STDOUT_FILENO) ? STDOUT_FILENO : STDIN_FILENO);
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr,
		        _("citydash: cannot use terminal type \"%s\" (TERM); try xterm-256color, "
		          "or --dump for text output\n"),
		        term ? term : "");
		return NULL;
	}
	char cup[] = "cup";
	const char *cap = tigetstr(cup);
	if (cap == NULL || cap == (char *)-1) {
		endwin();
		delscreen(scr);
		fprintf(stderr,
		        _("citydash: terminal type \"%s\" cannot move the cursor; use a real "
		          "terminal, or --dump for text output\n"),
		        term ? term : "");
		return NULL;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE); /* keys are read when the loop's wait says so */
	set_escdelay(25);
	curs_set(0);
	term_guard_arm();
	return scr;
}

static void drain_signal_pipe(void)
{
	char buf[16];
	while (read(signal_pipe[0], buf, sizeof buf) > 0)
		;
}

int tui_run(session_t *s, const tui_opts_t *opts)
{
	/* Caught before the terminal is taken: a signal while newterm() and
	 * cbreak() change it ends the loop before it starts, and endwin()
	 * gives the terminal back. One before this point needs no terminal. */
	tui_catch_signals();
	if (quit_signal) {
		close_signals();
		return 0;
	}
	SCREEN *scr = open_terminal();
	if (!scr) {
		close_signals();
		return 2;
	}
	theme_init(opts->color);
	log_printf(LOG_LEVEL_INFO, _("theme %s, %s"), theme_name(), theme_depth_desc());
	mouse_enable();

	frame_t frame = {0};
	frame_layout(&frame, LINES, COLS);
	/* The operator's scope starts as the session's (--scope); the pages
	 * change nav.scope (picker, tier drill-down), the session follows. */
	nav_t nav = {.page = PAGE_OVERVIEW, .scope = s->scope};
	bool running = true, dirty = true;
	int status = 0, wait_errno = 0;
	int64_t last_draw = 0, drawn_second = 0;
	int spins = 0;
	bool stdin_ready = false;
	alarm_bell_t bell = {0};
	kiosk_t kiosk = {0};
	if (opts->kiosk) { /* its pages were checked before the terminal was taken */
		char *cause = NULL;
		if (kiosk_setup(&kiosk, opts->display, &cause) == 0)
			kiosk_start(&kiosk, &nav, clock_steady_ms());
		free(cause);
	}
	const int fds[2] = {STDIN_FILENO, signal_pipe[0]};
	int nfds = signal_pipe[0] >= 0 ? 2 : 1;

	while (running && !quit_signal) {
		int64_t mono = clock_mono_ms(), now = clock_steady_ms(), wall = clock_wall_ms();
		if (session_step(s, now, mono) || wall / 1000 != drawn_second)
			dirty = true; /* new data, or the clock on screen moved */
		ui_ctx_t ctx = {0};
		session_ui_ctx(s, now, wall, &ctx);

		int got_keys = 0, got;
		wint_t wch;
		/* Wide characters: the shelve form's reason may be Chinese. */
		while ((got = get_wch(&wch)) != ERR) {
			got_keys++;
			bool code = got == KEY_CODE_YES;
			int key = code || wch < 0x80 ? (int)wch : -1; /* -1: no key of the table */
			if (nav.form.kind != NAV_FORM_NONE && frame.body && key != KEY_RESIZE)
				form_key(&nav, wch, code); /* a form takes every key */
			else if (nav.filter_editing && frame.body && key != KEY_RESIZE &&
			         filter_key(&nav, wch, code)) {
				/* the filter's prompt took it */
			} else if (keymap_action(key) == ACT_RETRY && nav.form.kind == NAV_FORM_NONE)
				session_retry_now(s, mono); /* the poller's, not a page's */
			else if (!handle_key(key, &ctx, &nav, &frame))
				running = false;
			if (nav.kiosk && key != KEY_RESIZE)
				kiosk_touch(&kiosk, now); /* someone is there: hold the page */
			if (nav.request.kind == NAV_REQ_QUIT)
				running = false;
			else if (nav.request.kind != NAV_REQ_NONE)
				carry_out(s, &nav, now);
		}
		if (got_keys)
			dirty = true;
		if (nav.kiosk && kiosk_step(&kiosk, &nav, &ctx))
			dirty = true;
		ring_bell(s, &ctx, &bell, now);
		if (!scope_equal(&nav.scope, &s->scope))
			session_set_scope(s, &nav.scope); /* evaluated at the next step */
		/* stdin readable but no key, again and again: the terminal hung up. */
		spins = (stdin_ready && !got_keys) ? spins + 1 : 0;
		if (spins > HANGUP_SPINS)
			break;
		if (dirty && running && (got_keys || mono - last_draw >= DATA_REDRAW_MIN_MS)) {
			frame_draw(&frame, &ctx, &nav);
			frame_stage(&frame);
			doupdate();
			last_draw = mono;
			drawn_second = wall / 1000;
			dirty = false;
		}
		if (!running)
			break;

		int wait = next_wait_ms(s, mono, now, wall, dirty, last_draw);
		if (nav.kiosk && kiosk_ms_until_due(&kiosk, now) < wait)
			wait = (int)kiosk_ms_until_due(&kiosk, now);
		bool ready[2] = {false, false};
		errno = 0;
		if (poller_wait(s->poller, fds, nfds, ready, wait) != 0) {
			/* Without the wait the loop cannot go on: say so, and exit
			 * with a status a supervisor restarts on. */
			wait_errno = errno;
			status = 1;
			log_printf(LOG_LEVEL_ERROR,
			           _("waiting for the keyboard and the network failed: %s"),
			           wait_errno ? strerror(wait_errno) : _("no reason given"));
			break;
		}
		stdin_ready = ready[0];
		if (ready[1])
			drain_signal_pipe();
	}
	form_close(&nav);
	nav_request_clear(&nav.request);
	frame_free(&frame);
	endwin();
	delscreen(scr);
	term_guard_disarm();
	close_signals();
	if (status) {
		if (wait_errno)
			fprintf(
			    stderr,
			    _("citydash: waiting for the keyboard and the network failed: %s\n"),
			    strerror(wait_errno));
		else
			fprintf(stderr, "%s\n",
			        _("citydash: waiting for the keyboard and the network failed"));
	}
	return status;
}

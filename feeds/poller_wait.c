/* Waiting for the poller's work: curl's sockets, the caller's descriptors
 * (the keyboard) and the wake pipe; pausing. See poller.h and
 * poller_private.h. */
#include "poller_private.h"

#include <errno.h>
#include <poll.h>
#include <unistd.h>

/* While paused the curl sockets are left alone (they may stay readable:
 * nothing reads them until poller_perform), so only the caller's fds and the
 * wake pipe are watched. */
static int wait_paused(poller_t *p, const int *extra_fds, int n, bool *ready, int timeout_ms)
{
	struct pollfd fds[POLLER_WAIT_FDS + 1];
	for (int i = 0; i < n; i++)
		fds[i] = (struct pollfd){.fd = extra_fds[i], .events = POLLIN};
	fds[n] = (struct pollfd){.fd = p->wake[0], .events = POLLIN};
	if (poll(fds, (nfds_t)n + 1, timeout_ms) < 0 && errno != EINTR)
		return -1;
	for (int i = 0; i < n; i++)
		ready[i] = (fds[i].revents & (POLLIN | POLLPRI | POLLHUP | POLLERR)) != 0;
	return 0;
}

int poller_wait(poller_t *p, const int *extra_fds, int n, bool *ready, int timeout_ms)
{
	if (n > POLLER_WAIT_FDS)
		n = POLLER_WAIT_FDS;
	int rc;
	if (p->paused) {
		rc = wait_paused(p, extra_fds, n, ready, timeout_ms);
	} else {
		struct curl_waitfd fds[POLLER_WAIT_FDS + 1];
		for (int i = 0; i < n; i++)
			fds[i] =
			    (struct curl_waitfd){.fd = extra_fds[i], .events = CURL_WAIT_POLLIN};
		fds[n] = (struct curl_waitfd){.fd = p->wake[0], .events = CURL_WAIT_POLLIN};
		if (poller_has_work(p))
			timeout_ms = 0; /* a parsed document waits: look at the fds, do not sleep */
		int numfds = 0;
		rc =
		    curl_multi_poll(p->multi, fds, (unsigned)n + 1, timeout_ms, &numfds) == CURLM_OK
		        ? 0
		        : -1;
		for (int i = 0; rc == 0 && i < n; i++)
			ready[i] = (fds[i].revents & (CURL_WAIT_POLLIN | CURL_WAIT_POLLPRI)) != 0;
	}
	char buf[64];
	while (read(p->wake[0], buf, sizeof buf) > 0)
		; /* the wake-up has done its work */
	return rc;
}

void poller_wake(poller_t *p)
{
	ssize_t w = write(p->wake[1], "w", 1);
	(void)w; /* a full pipe already holds a wake-up */
}

void poller_pause(poller_t *p, bool paused)
{
	p->paused = paused;
}

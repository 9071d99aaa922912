/* PLACEHOLDER: replaced wholesale by the owner of session_alarms (issue 9). */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>

#include "pages.h"

void nav_request_clear(nav_request_t *r)
{
	for (size_t i = 0; i < r->count; i++)
		free(r->alarms[i]);
	free(r->alarms);
	r->alarms = NULL;
	r->count = 0;
	r->kind = NAV_REQ_NONE;
}

int session_alarm_act(session_t *s, const nav_request_t *req, int64_t wall_ms, char *msg,
                      size_t msg_size)
{
	(void)s;
	(void)req;
	(void)wall_ms;
	snprintf(msg, msg_size, "%s", "alarm actions are not built yet");
	return -1;
}

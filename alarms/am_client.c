/* PLACEHOLDER: replaced wholesale by the owner of the Alertmanager client (issue 9). */
#include "am_client.h"

#include <stdlib.h>

#include "xalloc.h"

/* am_silences_free and am_silence_matches: am_match.c (citydash_alarms). */

am_client_t *am_client_start(const char *url, int64_t interval_ms, void (*notify)(void *ctx),
                             void *ctx, char **cause)
{
	(void)url;
	(void)interval_ms;
	(void)notify;
	(void)ctx;
	*cause = xstrdup("the Alertmanager client is not built yet");
	return NULL;
}

void am_client_stop(am_client_t *c)
{
	(void)c;
}

void am_client_set_alerts(am_client_t *c, const am_alert_t *alerts, size_t n)
{
	(void)c;
	(void)alerts;
	(void)n;
}

void am_client_silence(am_client_t *c, const char *alarm_id, bool ack, int64_t ends_ms,
                       const char *created_by, const char *comment)
{
	(void)c;
	(void)alarm_id;
	(void)ack;
	(void)ends_ms;
	(void)created_by;
	(void)comment;
}

void am_client_expire(am_client_t *c, const char *alarm_id, bool ack)
{
	(void)c;
	(void)alarm_id;
	(void)ack;
}

void am_client_kick(am_client_t *c)
{
	(void)c;
}

bool am_client_take(am_client_t *c, am_status_t *status, am_silence_t **silences, size_t *n)
{
	(void)c;
	(void)status;
	*silences = NULL;
	*n = 0;
	return false;
}

/* fuzz_alertmanager: libFuzzer target for what citydash reads from
 * Alertmanager (alarms/am_json.c, am_match.c): any bytes as the answer to
 * GET /api/v2/silences, parsed as am_sync.c does; every silence kept is
 * then matched against an alarm's labels as the alarm engine does (its
 * matchers' regular expressions compiled and run), and the same bytes are
 * read as an error answer's text (am_http.c). */
#include <stdlib.h>

#include "am_json.h"
#include "am_match.h"
#include "fuzz_common.h"
#include "text.h"

/* A fixed instant, so a run repeats (as FUZZ_NOW_MS in fuzz_sink.h). */
#define FUZZ_NOW_MS INT64_C(1795000000000)
/* Fewer than am_sync.c's AM_SILENCES_MAX, so that the cap is reached. */
#define FUZZ_SILENCES_CAP 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An alarm's labels as am_sync.c posts them (am_client.h). */
static const char *const names[] = {"alertname", "alarm_id", "kind",     "domain",
                                    "district",  "street",   "priority", "source"};
static const char *const values[] = {"citydash", "water.w1.pressure", "hi", "water",
                                     "North",    "",                  "high", "city"};
#define LABELS (sizeof names / sizeof names[0])

static void check_silence(const am_silence_t *s)
{
	if (!s->id || !s->created_by || !s->comment || !s->matcher_count ||
	    !text_is_clean(s->comment) || !text_is_clean(s->created_by))
		abort(); /* a kept silence is whole, and its strings sanitized */
	(void)am_silence_is_exact(s, values[1]);
	bool plain = am_silence_matches(s, names, values, LABELS);
	am_match_t *m = am_match_compile(s);
	if (am_match_run(m, names, values, LABELS) != plain)
		abort(); /* compiled once or not, the same answer */
	const char *id = am_match_alarm_id(m);
	if (id && plain && strcmp(id, values[1]) != 0)
		abort(); /* a silence on another alarm's id matched this one */
	am_match_free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return -1;
	/* Exactly size bytes: the parser must read no further. */
	char *body = xmalloc(size ? size : 1);
	if (size)
		memcpy(body, data, size);
	am_silence_t *list = NULL;
	size_t skipped = 0;
	bool capped = false;
	char *cause = NULL;
	long n = am_json_parse_silences(body, size, FUZZ_NOW_MS, FUZZ_SILENCES_CAP, &list, &skipped,
	                                &capped, &cause);
	if (n < 0) {
		if (!cause || list)
			abort(); /* a refused list says why, and hands out nothing */
		free(cause);
	} else if (n > FUZZ_SILENCES_CAP || (n > 0) != (list != NULL)) {
		abort();
	}
	for (long i = 0; i < n; i++)
		check_silence(&list[i]);
	if (list)
		am_silences_free(list, (size_t)n);
	char text[120]; /* as am_http.c */
	am_json_error_text(body, size, text, sizeof text);
	if (strlen(text) >= sizeof text || !text_is_clean(text))
		abort();
	free(body);
	return 0;
}

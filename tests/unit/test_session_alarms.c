/* The session's alarm management (tui/session_alarms.c) with the real
 * journal, ops and engine: an action is written to the journal (one line
 * per alarm) before it is confirmed, comes back through the journal and
 * shows at the evaluation made at once; the journal is replayed at start
 * (a torn last line skipped with a warning, the rest applied); a second
 * session on the same file sees an action within a second; a journal that
 * cannot be opened makes actions fail with the reason; the command line's
 * alarm options override the configuration. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "options.h"
#include "pages.h"
#include "session.h"
#include "session_alarms.h"
#include "session_derive.h"
#include "xalloc.h"

/* Never contacted: at mono time 0 no poll is due. */
#define UNPOLLED_SOURCE "water=http://127.0.0.1:9/never-polled"
/* The engine's clock and the journal's are both epoch ms (one clock). */
#define T0 INT64_C(1795658400000)

typedef struct fixture {
	char dir[64];
	char *journal;
	config_t cfg;
} fixture_t;

static int64_t fixed_wall(void)
{
	return T0;
}

static int setup(void **state)
{
	fixture_t *f = xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/citydash-sa-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->journal = xasprintf("%s/journal.jsonl", f->dir);
	config_init(&f->cfg);
	char *cause = NULL;
	assert_int_equal(config_add_source_arg(&f->cfg, UNPOLLED_SOURCE, &cause), 0);
	f->cfg.alarms.journal = xstrdup(f->journal);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture_t *f = *state;
	config_free(&f->cfg);
	unlink(f->journal);
	char *nested = xasprintf("%s/sub", f->dir);
	rmdir(nested);
	free(nested);
	rmdir(f->dir);
	free(f->journal);
	free(f);
	return 0;
}

/* Two water readings: "p1" beyond HIHI, "p2" beyond HI. */
static void put_data(session_t *s, int64_t now_ms)
{
	static const struct {
		const char *id;
		double value;
	} rs[] = {{"p1", 95}, {"p2", 85}};
	store_begin_poll(s->store, 0, now_ms);
	for (size_t i = 0; i < 2; i++) {
		reading_in_t in = {.id = rs[i].id,
		                   .domain = "water",
		                   .district = "江北区",
		                   .street = "S",
		                   .has_value = true,
		                   .value = rs[i].value,
		                   .limits = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10, 20,
		                              80, 90}};
		store_put_reading(s->store, 0, &in, now_ms);
	}
	store_end_poll(s->store, 0, &(poll_report_t){0}, now_ms);
}

static void open_session(fixture_t *f, session_t *s)
{
	char *cause = NULL;
	assert_int_equal(session_open(s, &f->cfg, &cause), 0);
	s->wall_ms = fixed_wall;
	put_data(s, T0);
	session_evaluate(s, T0, 0);
}

static const alarm_info_t *find(const session_t *s, const char *id)
{
	for (size_t i = 0; i < alarm_engine_alarm_count(s->alarms); i++)
		if (strcmp(alarm_engine_alarm(s->alarms, i)->id, id) == 0)
			return alarm_engine_alarm(s->alarms, i);
	return NULL;
}

static isa_state_t state_of(const session_t *s, const char *id)
{
	const alarm_info_t *a = find(s, id);
	return a ? a->state : ISA_NORM;
}

static void request(nav_request_t *r, nav_request_kind_t kind, const char *reason,
                    int64_t duration_ms, size_t n, const char *const *ids)
{
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->count = n;
	r->alarms = xcalloc(n, sizeof *r->alarms);
	for (size_t i = 0; i < n; i++)
		r->alarms[i] = xstrdup(ids[i]);
	r->duration_ms = duration_ms;
	snprintf(r->reason, sizeof r->reason, "%s", reason);
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	char *buf = xcalloc(1, 65536);
	size_t n = fread(buf, 1, 65535, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static size_t count_lines(const char *text)
{
	size_t n = 0;
	for (const char *p = text; *p; p++)
		n += *p == '\n';
	return n;
}

static void test_ack_written_then_shown(void **state)
{
	fixture_t *f = *state;
	session_t s;
	open_session(f, &s);
	assert_int_equal(state_of(&s, "p1"), ISA_UNACK);
	assert_string_equal(s.alarm_status.journal_error, "");
	assert_non_null(s.alarm_status.journal_path);

	nav_request_t r;
	static const char *const one[] = {"p1"};
	request(&r, NAV_REQ_ACK, "", 0, 1, one);
	char msg[200];
	assert_int_equal(session_alarm_act(&s, &r, T0 + 100, msg, sizeof msg), 0);
	assert_string_equal(msg, "Acknowledged p1");
	nav_request_clear(&r);

	/* On disk before the confirmation: one line, this alarm, this action. */
	char *text = slurp(f->journal);
	assert_int_equal(count_lines(text), 1);
	assert_non_null(strstr(text, "\"alarm\":\"p1\""));
	assert_non_null(strstr(text, "\"action\":\"ack\""));
	free(text);

	/* Shown at the next step at once: no new data, well within the pace. */
	assert_int_equal(session_ms_until_evaluate(&s, T0 + 100), 0);
	assert_true(session_step(&s, T0 + 100, 0));
	assert_int_equal(state_of(&s, "p1"), ISA_ACKED);
	assert_int_equal(state_of(&s, "p2"), ISA_UNACK);
	const alarm_info_t *a = find(&s, "p1");
	assert_non_null(a);
	assert_string_equal(a->ack.by, s.user);
	assert_false(session_step(&s, T0 + 200, 0)); /* once */

	/* Every visible alarm: one line each, counted in the message. */
	static const char *const both[] = {"p1", "p2"};
	request(&r, NAV_REQ_ACK, "", 0, 2, both);
	assert_int_equal(session_alarm_act(&s, &r, T0 + 300, msg, sizeof msg), 0);
	assert_string_equal(msg, "Acknowledged 2 alarms");
	nav_request_clear(&r);
	text = slurp(f->journal);
	assert_int_equal(count_lines(text), 3);
	free(text);
	assert_true(session_step(&s, T0 + 300, 0));
	assert_int_equal(state_of(&s, "p2"), ISA_ACKED);
	session_close(&s);
}

static void test_shelve_and_unshelve(void **state)
{
	fixture_t *f = *state;
	session_t s;
	open_session(f, &s);
	nav_request_t r;
	static const char *const one[] = {"p2"};
	request(&r, NAV_REQ_SHELVE, "pump swap", 2 * 3600 * 1000, 1, one);
	char msg[200];
	assert_int_equal(session_alarm_act(&s, &r, T0, msg, sizeof msg), 0);
	assert_true(strncmp(msg, "Shelved p2 until ", 17) == 0);
	nav_request_clear(&r);
	char *text = slurp(f->journal);
	assert_non_null(strstr(text, "\"action\":\"shelve\""));
	assert_non_null(strstr(text, "\"reason\":\"pump swap\""));
	assert_non_null(strstr(text, "\"until\":"));
	free(text);
	assert_true(session_step(&s, T0 + 10, 0));
	assert_int_equal(state_of(&s, "p2"), ISA_SHLVD);
	const alarm_info_t *a = find(&s, "p2");
	assert_string_equal(a->shelve.reason, "pump swap");
	assert_int_equal(a->shelve.until_ms, T0 + 2 * 3600 * 1000);

	request(&r, NAV_REQ_UNSHELVE, "", 0, 1, one);
	assert_int_equal(session_alarm_act(&s, &r, T0 + 20, msg, sizeof msg), 0);
	assert_string_equal(msg, "Unshelved p2");
	nav_request_clear(&r);
	assert_true(session_step(&s, T0 + 20, 0));
	assert_int_equal(state_of(&s, "p2"), ISA_UNACK);
	session_close(&s);
}

/* A restart replays: a good ack holds, the torn last line (a writer killed
 * mid-line) is skipped and counted, and the run goes on. */
static void test_replay_skips_torn_line(void **state)
{
	fixture_t *f = *state;
	FILE *fp = fopen(f->journal, "w");
	assert_non_null(fp);
	fprintf(fp, "{\"time\":\"2026-11-26T10:00:00.000Z\",\"user\":\"li\",\"host\":\"wall-1\","
	            "\"alarm\":\"p1\",\"action\":\"ack\",\"reason\":\"\"}\n"
	            "{\"time\":\"2026-11-26T10:00:01.000Z\",\"user\":\"li\",\"host\":\"wa");
	fclose(fp);
	session_t s;
	open_session(f, &s);
	assert_int_equal(s.alarm_status.journal_bad, 1);
	assert_int_equal(state_of(&s, "p1"), ISA_ACKED);
	const alarm_info_t *a = find(&s, "p1");
	assert_string_equal(a->ack.by, "li@wall-1");
	assert_int_equal(state_of(&s, "p2"), ISA_UNACK);

	/* Actions go on after the torn line; the file stays readable. */
	nav_request_t r;
	static const char *const one[] = {"p2"};
	request(&r, NAV_REQ_ACK, "", 0, 1, one);
	char msg[200];
	assert_int_equal(session_alarm_act(&s, &r, T0, msg, sizeof msg), 0);
	nav_request_clear(&r);
	assert_true(session_step(&s, T0 + 10, 0));
	assert_int_equal(state_of(&s, "p2"), ISA_ACKED);
	session_close(&s);

	open_session(f, &s); /* and again after the restart */
	assert_int_equal(state_of(&s, "p1"), ISA_ACKED);
	assert_int_equal(state_of(&s, "p2"), ISA_ACKED);
	session_close(&s);
}

/* Two processes on one host: what one writes, the other reads within a
 * second of its own steps. */
static void test_second_session_follows(void **state)
{
	fixture_t *f = *state;
	session_t a, b;
	open_session(f, &a);
	open_session(f, &b);
	nav_request_t r;
	static const char *const one[] = {"p1"};
	request(&r, NAV_REQ_ACK, "seen", 0, 1, one);
	char msg[200];
	assert_int_equal(session_alarm_act(&a, &r, T0 + 100, msg, sizeof msg), 0);
	nav_request_clear(&r);
	assert_int_equal(state_of(&b, "p1"), ISA_UNACK);
	session_step(&b, T0 + 1100, 0); /* a second on: b reads the journal */
	assert_int_equal(state_of(&b, "p1"), ISA_ACKED);
	assert_string_equal(find(&b, "p1")->ack.reason, "seen");
	session_close(&a);
	session_close(&b);
}

/* A journal that cannot be opened: the run goes on, the status says why,
 * and actions fail with that reason, writing nothing. */
static void test_unusable_journal_refuses(void **state)
{
	fixture_t *f = *state;
	free(f->cfg.alarms.journal);
	f->cfg.alarms.journal = xstrdup("/dev/null/journal.jsonl");
	session_t s;
	open_session(f, &s);
	assert_null(s.journal);
	assert_string_not_equal(s.alarm_status.journal_error, "");
	assert_int_equal(state_of(&s, "p1"), ISA_UNACK);
	nav_request_t r;
	static const char *const one[] = {"p1"};
	request(&r, NAV_REQ_ACK, "", 0, 1, one);
	char msg[200];
	assert_int_equal(session_alarm_act(&s, &r, T0, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "/dev/null/journal.jsonl"));
	nav_request_clear(&r);
	assert_false(session_step(&s, T0 + 10, 0));
	assert_int_equal(state_of(&s, "p1"), ISA_UNACK);

	ui_ctx_t ctx = {0};
	session_ui_ctx(&s, T0, T0, &ctx);
	assert_ptr_equal(ctx.alarm_status, &s.alarm_status);
	session_close(&s);
}

/* A store large enough to be evaluated on the derive thread: an action
 * taken meanwhile is written at once, but ops change only once the thread
 * is done (it reads them); then the next evaluation shows it. */
static void test_action_while_derive_busy(void **state)
{
	fixture_t *f = *state;
	session_t s;
	char *cause = NULL;
	assert_int_equal(session_open(&s, &f->cfg, &cause), 0);
	s.wall_ms = fixed_wall;
	if (!s.derive) {
		session_close(&s);
		skip();
	}
	if (!s.journal) { /* fail before the thread reads anything */
		char why[sizeof s.alarm_status.journal_error];
		snprintf(why, sizeof why, "%s", s.alarm_status.journal_error);
		session_close(&s);
		fail_msg("no journal: %s", why);
	}
	store_begin_poll(s.store, 0, T0);
	for (int i = 0; i < 20001; i++) {
		char id[16];
		snprintf(id, sizeof id, i ? "r%05d" : "p1", i);
		reading_in_t in = {.id = id,
		                   .domain = "water",
		                   .has_value = true,
		                   .value = i ? 50 : 95,
		                   .limits = {LIMIT_HIHI, 0, 0, 0, 90}};
		store_put_reading(s.store, 0, &in, T0);
	}
	store_end_poll(s.store, 0, &(poll_report_t){0}, T0);
	int64_t t = T0;
	assert_false(session_step(&s, t, 0)); /* the thread evaluates */
	assert_true(derive_busy(s.derive));

	uint64_t seq = alarm_ops_seq(s.ops);
	nav_request_t r;
	static const char *const one[] = {"p1"};
	request(&r, NAV_REQ_ACK, "", 0, 1, one);
	char msg[200];
	assert_int_equal(session_alarm_act(&s, &r, t, msg, sizeof msg), 0);
	nav_request_clear(&r);
	assert_int_equal(alarm_ops_seq(s.ops), seq); /* not under the thread */
	char *text = slurp(f->journal);
	assert_int_equal(count_lines(text), 1); /* but on disk already */
	free(text);

	/* The thread's evaluation is taken over, then the journal is read and
	 * evaluated at once (on the thread again), without waiting a second. */
	for (int i = 0; i < 2000 && state_of(&s, "p1") != ISA_ACKED; i++) {
		session_step(&s, t, 0);
		if (derive_busy(s.derive))
			derive_ready(s.derive) ? (void)0 : (void)usleep(1000);
	}
	assert_int_equal(state_of(&s, "p1"), ISA_ACKED);
	assert_true(alarm_ops_seq(s.ops) != seq);
	session_close(&s);
}

/* Nothing to act on: refused, nothing written. */
static void test_empty_request_refused(void **state)
{
	fixture_t *f = *state;
	session_t s;
	open_session(f, &s);
	nav_request_t r;
	static const char *const none[] = {"p1"};
	request(&r, NAV_REQ_NONE, "", 0, 0, none);
	char msg[200];
	assert_int_equal(session_alarm_act(&s, &r, T0, msg, sizeof msg), -1);
	assert_string_equal(msg, "No alarm selected");
	nav_request_clear(&r);
	session_close(&s);
}

static void test_options_override_config(void **state)
{
	fixture_t *f = *state;
	char *cfg_path = xasprintf("%s/sub", f->dir);
	FILE *fp = fopen(cfg_path, "w");
	assert_non_null(fp);
	fprintf(fp, "{\"sources\":[{\"name\":\"w\",\"url\":\"http://127.0.0.1:9/\"}],"
	            "\"alarms\":{\"journal\":\"/from/config\",\"bell\":true,"
	            "\"alertmanager\":\"http://config:9093\"}}");
	fclose(fp);
	options_t o;
	char *cause = NULL;
	/* The options win whatever their place on the line. */
	char *argv[] = {"citydash", "--journal", "/from/cli", "--no-bell", "-c", cfg_path,
	                "--alertmanager", "http://127.0.0.1:9093", NULL};
	assert_int_equal(options_parse(&o, 8, argv, &cause), OPTIONS_RUN);
	assert_string_equal(o.config.alarms.journal, "/from/cli");
	assert_string_equal(o.config.alarms.alertmanager, "http://127.0.0.1:9093");
	assert_false(o.config.alarms.bell);
	options_free(&o);

	/* Without them the configuration's values stand; with neither, the
	 * defaults (config_init before parsing). */
	char *argv2[] = {"citydash", "-c", cfg_path, NULL};
	assert_int_equal(options_parse(&o, 3, argv2, &cause), OPTIONS_RUN);
	assert_string_equal(o.config.alarms.journal, "/from/config");
	assert_true(o.config.alarms.bell);
	options_free(&o);
	char *argv3[] = {"citydash", "-s", "w=http://127.0.0.1:9/", NULL};
	assert_int_equal(options_parse(&o, 3, argv3, &cause), OPTIONS_RUN);
	assert_null(o.config.alarms.journal);
	assert_true(o.config.alarms.bell);
	assert_int_equal(o.config.alarms.bell_min_ms, ALARM_CFG_BELL_MIN_MS);
	options_free(&o);

	char *argv4[] = {"citydash", "-s", "w=http://127.0.0.1:9/", "--alertmanager", "am:9093",
	                 NULL};
	assert_int_equal(options_parse(&o, 5, argv4, &cause), OPTIONS_ERROR);
	assert_non_null(strstr(cause, "--alertmanager"));
	free(cause);
	options_free(&o);
	unlink(cfg_path);
	free(cfg_path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_ack_written_then_shown, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_shelve_and_unshelve, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_replay_skips_torn_line, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_second_session_follows, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unusable_journal_refuses, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_action_while_derive_busy, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_empty_request_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_options_override_config, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

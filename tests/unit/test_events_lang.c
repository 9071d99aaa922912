/* The events' words in Chinese (the build's zh_CN catalogue): severities
 * carry the national warning levels in words (红色·特别重大, or the colour
 * alone, 红色, where the column is narrow) and the severity column is as
 * wide as the widest word drawn; the closed loop's stages and the tiers are
 * the glossary's words wherever they are shown (board, event page,
 * overview), never a wire token; the stage bar's Chinese names fit whole
 * at 80 columns. English layout is kept by test_page_events.c and the
 * golden screens. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "event_format.h"
#include "event_rig.h"
#include "event_row.h"
#include "frame.h"
#include "lang_frame.h"
#include "stage_bar.h"
#include "test_lang.h"
#include "text_draw.h"
#include "vscreen.h"

static void assert_has(const char *text, const char *want)
{
	if (strstr(text, want) == NULL) {
		fprintf(stderr, "%s\n", text);
		fail_msg("not on screen: \"%s\"", want);
	}
}

/* Whether `word` is in text as a word (no ASCII letter either side):
 * "city" is not in "citydash". */
static bool has_word(const char *text, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
		bool before = p > text && ((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z');
		bool after = (p[n] | 0x20) >= 'a' && (p[n] | 0x20) <= 'z';
		if (!before && !after)
			return true;
	}
	return false;
}

/* The wire tokens of the model, none of which may be shown as a word in
 * Chinese (the rig's ids and titles hold none of them). */
static void assert_no_token(const char *text)
{
	static const char *const tokens[] = {
	    "sensed",   "handling", "evaluating", "reviewing", "closed", "city",
	    "district", "street",   "critical",   "major",     "minor",  "info",
	};
	for (size_t i = 0; i < sizeof tokens / sizeof tokens[0]; i++)
		if (has_word(text, tokens[i])) {
			fprintf(stderr, "%s\n", text);
			fail_msg("a token shown raw: \"%s\"", tokens[i]);
		}
}

/* Each severity says its warning level's colour in words, whole and short;
 * stages and tiers are the glossary's words, not their tokens. */
static void test_words(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 4, 20, false);
	assert_non_null(vs);
	test_lang_use("zh_CN");
	static const char *const whole[] = {"蓝色·一般", "黄色·较大", "橙色·重大", "红色·特别重大"};
	static const char *const colour[] = {"蓝色", "黄色", "橙色", "红色"};
	for (int s = SEVERITY_INFO; s <= SEVERITY_CRITICAL; s++) {
		assert_string_equal(event_severity_word((severity_t)s), whole[s]);
		assert_string_equal(event_severity_short((severity_t)s), colour[s]);
	}
	static const char *const stages[] = {"感知预警", "决策处置", "监督评价", "复盘改进",
	                                     "办结"};
	for (int s = STAGE_SENSED; s <= STAGE_CLOSED; s++)
		assert_string_equal(stage_bar_name(s), stages[s]);
	static const char *const tiers[] = {"市", "区县", "镇街"};
	char named[64];
	for (int t = TIER_CITY; t <= TIER_STREET; t++) {
		assert_string_equal(event_tier_word((tier_t)t), tiers[t]);
		event_tier_named((tier_t)t, named, sizeof named); /* "市", not "市 市" */
		assert_string_equal(named, tiers[t]);
	}
	test_lang_use("en");
	assert_string_equal(event_severity_word(SEVERITY_MAJOR), "major");
	assert_string_equal(event_severity_short(SEVERITY_MAJOR), "major");
	assert_string_equal(stage_bar_name(STAGE_CLOSED), "closed");
	event_tier_named(TIER_DISTRICT, named, sizeof named);
	assert_string_equal(named, "区 district");
	vscreen_close(vs);
}

/* The severity column is the widest marker, a space and the widest word of
 * the form drawn, in the language shown: 12 columns in English at any
 * width; in Chinese the colours (8) at 80 columns, the whole words (17)
 * where there is room. */
static void test_severity_column_width(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 4, 20, false);
	assert_non_null(vs);
	event_row_need_t need = {.title = 30, .place = 16, .tier = 5, .depts_named = 20};
	event_row_layout_t lay;
	event_row_layout(&lay, 76, &need);
	assert_int_equal(lay.severity, 12); /* "!!! critical" */
	event_row_layout(&lay, 196, &need);
	assert_int_equal(lay.severity, 12);

	test_lang_use("zh_CN");
	int marker = text_draw_width("!!!");
	event_row_layout(&lay, 76, &need);
	assert_true(lay.severity_short);
	assert_int_equal(lay.severity, marker + 1 + text_draw_width("红色"));
	event_row_layout(&lay, 196, &need);
	assert_false(lay.severity_short);
	assert_int_equal(lay.severity, marker + 1 + text_draw_width("红色·特别重大"));
	test_lang_use("en");
	vscreen_close(vs);
}

/* The board in Chinese: at 80 columns the colours, whole; wide, the whole
 * words padded to the widest, so the titles line up one space after it. */
static void test_board(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 4);
	nav_t nav = {.page = PAGE_EVENTS};
	char *text = lang_frame_text("zh_CN", &r.ctx, &nav, 80, 24);
	assert_has(text, "!!! 红色 evt-a");
	assert_has(text, "!!  橙色 evt-b");
	assert_has(text, "!   黄色 evt-c");
	assert_has(text, "    蓝色 evt-d");
	assert_has(text, "感知预警 0 决策处置 4 监督评价 0 复盘改进 0");
	assert_has(text, "市 4 区县 0 镇街 0");
	assert_no_token(text);
	free(text);

	text = lang_frame_text("zh_CN", &r.ctx, &nav, 200, 60);
	assert_has(text, "!!! 红色·特别重大 evt-a");
	assert_has(text, "!!  橙色·重大     evt-b");
	assert_has(text, "!   黄色·较大     evt-c");
	assert_has(text, "    蓝色·一般     evt-d");
	assert_has(text, "●◉○○○ 决策处置"); /* the stage's name, whole */
	assert_has(text, "红色·特别重大 1 橙色·重大 1 黄色·较大 1 蓝色·一般 1");
	assert_no_token(text);
	free(text);
	rig_close(&r);
}

/* An event's page in Chinese at 80 columns: the severity whole, the stage
 * bar with every stage's name whole, the tier named once, the escalations
 * and the timeline in words. */
static void test_event_page(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 1);
	nav_t nav = {.page = PAGE_EVENTS};
	nav_open_event(&nav, (gov_ref_t){0, serial_of(&r, "evt-a")});
	char *text = lang_frame_text("zh_CN", &r.ctx, &nav, 80, 24);
	assert_has(text, "!!! 红色·特别重大  evt-a");
	assert_has(text, "阶段 ●感知预警 › ◉决策处置 › ○监督评价 › ○复盘改进 › ○办结");
	assert_has(text, "归属 市   上报 街→区→市");
	assert_no_token(text);
	free(text);
	nav_key(ACT_END, &r.ctx, &nav);
	text = lang_frame_text("zh_CN", &r.ctx, &nav, 80, 24);
	assert_has(text, "镇街 → 区县");
	assert_has(text, "区县 → 市");
	assert_has(text, "首次看到：决策处置，归属市");
	assert_no_token(text);
	free(text);
	rig_close(&r);
}

/* The stage bar's Chinese names fit whole where the event page puts it at
 * 80 columns (76 inside the box, less "阶段 "). */
static void test_stage_bar_fits_80(void **state)
{
	(void)state;
	vscreen_t *vs = vscreen_open("xterm-256color", 4, 20, false);
	assert_non_null(vs);
	test_lang_use("zh_CN");
	int room = 76 - text_draw_width("阶段") - 1;
	assert_true(stage_bar_width(STAGE_BAR_WIDE) <= room);
	assert_int_equal(stage_bar_fit(room), STAGE_BAR_WIDE);
	/* the labelled form is as wide as the widest name, 决策处置 and all */
	assert_int_equal(stage_bar_width(STAGE_BAR_LABELLED),
	                 STAGE_BAR_STAGES + 1 + text_draw_width("决策处置"));
	test_lang_use("en");
	vscreen_close(vs);
}

/* The overview's events line names stages and tiers in words: the tokens
 * it once passed through _() were never in the catalogue. */
static void test_overview(void **state)
{
	(void)state;
	rig_t r;
	rig_open(&r, 3);
	nav_t nav = {.page = PAGE_OVERVIEW};
	char *text = lang_frame_text("zh_CN", &r.ctx, &nav, 160, 48);
	assert_has(text, "感知预警 0、决策处置 3、监督评价 0、复盘改进 0");
	assert_has(text, "市 3、区县 0、镇街 0");
	assert_no_token(text);
	free(text);
	rig_close(&r);
}

int main(void)
{
	setenv("TZ", "UTC", 1); /* times of day on screen */
	tzset();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_words),
	    cmocka_unit_test(test_severity_column_width),
	    cmocka_unit_test(test_board),
	    cmocka_unit_test(test_event_page),
	    cmocka_unit_test(test_stage_bar_fits_80),
	    cmocka_unit_test(test_overview),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

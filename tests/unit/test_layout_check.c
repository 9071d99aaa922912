/* layout_check itself: each of its checks finds the fault it is for, planted
 * on a small virtual screen, and finds nothing on a sound one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "layout_check.h"
#include "vscreen.h"

#define ROWS 8
#define COLS 30

typedef struct rig {
	vscreen_t *vs;
	WINDOW *keybar, *status;
} rig_t;

/* A sound screen: the title, a closed box, the key bar and the status bar
 * (drawn alone as well, as the frame's would be). */
static int rig_open(void **state)
{
	static rig_t rig;
	rig.vs = vscreen_open("xterm-256color", ROWS, COLS, false);
	assert_non_null(rig.vs);
	WINDOW *w = rig.vs->win;
	werase(w);
	mvwaddstr(w, 0, 0, " citydash │ 总览");
	WINDOW *box_win = derwin(w, 4, 20, 1, 2);
	assert_non_null(box_win);
	box_set(box_win, WACS_VLINE, WACS_HLINE);
	mvwaddstr(box_win, 1, 1, "告警历史 Priority");
	delwin(box_win);
	rig.keybar = newwin(1, COLS, 0, 0);
	rig.status = newwin(1, COLS, 0, 0);
	mvwaddstr(rig.keybar, 0, 0, "? 帮助  q 退出");
	mvwaddstr(rig.status, 0, 0, " ✔ 8 个数据源正常   02:00:00");
	mvwaddstr(w, ROWS - 2, 0, "? 帮助  q 退出");
	mvwaddstr(w, ROWS - 1, 0, " ✔ 8 个数据源正常   02:00:00");
	*state = &rig;
	return 0;
}

static int rig_close(void **state)
{
	rig_t *rig = *state;
	delwin(rig->keybar);
	delwin(rig->status);
	vscreen_close(rig->vs);
	return 0;
}

/* The findings on the rig's screen hold `want` (NULL: there are none). */
static void expect(rig_t *rig, const char *want)
{
	char *findings = layout_check(rig->vs->win, rig->keybar, rig->status);
	assert_non_null(findings);
	if (want ? !strstr(findings, want) : findings[0] != '\0')
		fail_msg("wanted %s%s%s, found:\n%s", want ? "\"" : "nothing", want ? want : "",
		         want ? "\"" : "", findings);
	free(findings);
}

static void test_sound(void **state)
{
	expect(*state, NULL);
}

static void test_second_half_overwritten(void **state)
{
	rig_t *rig = *state;
	mvwaddch(rig->vs->win, 2, 4, 'X'); /* 告 is at columns 3-4 */
	expect(rig, "row 2: column 3: the first half of U+544A alone");
}

static void test_first_half_overwritten(void **state)
{
	rig_t *rig = *state;
	mvwaddch(rig->vs->win, 2, 5, 'X'); /* 警 is at columns 5-6 */
	expect(rig, "row 2: column 6: the second half of U+8B66 alone");
}

static void test_replacement_character(void **state)
{
	rig_t *rig = *state;
	mvwaddstr(rig->vs->win, 3, 3, "\xef\xbf\xbd");
	expect(rig, "row 3: column 3: U+FFFD");
}

static void test_question_marks(void **state)
{
	rig_t *rig = *state;
	mvwaddstr(rig->vs->win, 3, 3, "??");
	expect(rig, "\"??\"");
}

static void test_width_not_curses(void **state)
{
	rig_t *rig = *state;
	/* U+0600: one cell in curses (glibc's wcwidth), none for utf8proc */
	mvwaddwstr(rig->vs->win, 3, 3, L"\x0600");
	expect(rig, "U+0600 is 0 column(s) on a terminal, 1 in curses");
}

static void test_text_over_border(void **state)
{
	rig_t *rig = *state;
	mvwaddstr(rig->vs->win, 3, 15, "runs over the border");
	expect(rig, "row 3: the box of columns 2-21 has no │ at column 21");
}

static void test_box_unclosed(void **state)
{
	rig_t *rig = *state;
	mvwaddstr(rig->vs->win, 4, 21, " ");
	expect(rig, "the box of columns 2-21 does not close");
}

static void test_cut_word(void **state)
{
	rig_t *rig = *state;
	mvwaddstr(rig->vs->win, 2, 3, "告警历  Prio    ");
	expect(rig, "\"告警历\" cut without an ellipsis");
	expect(rig, "\"Prio\" cut without an ellipsis");
}

static void test_cut_word_with_ellipsis(void **state)
{
	rig_t *rig = *state;
	mvwaddstr(rig->vs->win, 2, 3, "告警历… Prio…   ");
	expect(rig, NULL);
}

static void test_word_twice(void **state)
{
	rig_t *rig = *state;
	mvwaddstr(rig->vs->win, 2, 3, "发展 发展 92.1   ");
	expect(rig, "row 2: columns 8-11: \"发展\" twice");
}

static void test_english_tag(void **state)
{
	rig_t *rig = *state;
	mvwaddstr(rig->vs->win, 2, 3, "HIHI 0.7 高高限  ");
	expect(rig, "row 2: columns 3-6: \"HIHI\" in English, the catalogue says \"高高限\"");
}

static void test_keybar_moved(void **state)
{
	rig_t *rig = *state;
	mvwaddstr(rig->vs->win, ROWS - 2, 0, " ✔ 8 个数据源正常   02:00:00");
	expect(rig, "the key bar's row is not the key bar");
}

static void test_status_moved(void **state)
{
	rig_t *rig = *state;
	wmove(rig->vs->win, ROWS - 1, 0);
	wclrtoeol(rig->vs->win);
	expect(rig, "the last row is not the status bar");
}

static void test_title_moved(void **state)
{
	rig_t *rig = *state;
	mvwaddstr(rig->vs->win, 0, 0, "  citydash");
	expect(rig, "row 0: the title bar is not on the first row");
}

/* A compiled catalogue of one message, "alarm level, short" HIHI → 高高限
 * (the .mo format: a header, the tables of lengths and offsets, the
 * strings each ending with a NUL), read by layout_words_load_mo. */
static bool mo_load(void)
{
	static const char id[] = "alarm level, short\004HIHI", str[] = "高高限";
	const uint32_t id_off = 44, str_off = id_off + sizeof id;
	const uint32_t head[] = {0x950412de, 0, 1, 28, 36, 0, 44, sizeof id - 1, id_off,
	                         sizeof str - 1, str_off};
	char path[] = "/tmp/citydash-layout-mo-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (f == NULL)
		return false;
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++) {
		unsigned char le[4] = {(unsigned char)head[i], (unsigned char)(head[i] >> 8),
		                       (unsigned char)(head[i] >> 16), (unsigned char)(head[i] >> 24)};
		fwrite(le, 1, 4, f);
	}
	fwrite(id, 1, sizeof id, f);
	fwrite(str, 1, sizeof str, f);
	bool written = fclose(f) == 0;
	bool loaded = written && layout_words_load_mo(path);
	unlink(path);
	return loaded;
}

/* The words a cut is looked for in, from a catalogue of two entries. */
static int words_load(void **state)
{
	(void)state;
	char path[] = "/tmp/citydash-layout-words-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	FILE *f = fdopen(fd, "w");
	if (f == NULL)
		return -1;
	fputs("msgid \"Alarm history\"\nmsgstr \"告警历史\"\n\nmsgid \"Priority\"\n"
	      "msgstr \"\"\n\"优先级\"\n",
	      f);
	fclose(f);
	bool loaded = layout_words_load(path);
	unlink(path);
	return loaded && mo_load() ? 0 : -1;
}

static int words_free(void **state)
{
	(void)state;
	layout_words_free();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_sound, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_second_half_overwritten, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_first_half_overwritten, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_replacement_character, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_question_marks, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_width_not_curses, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_text_over_border, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_box_unclosed, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_cut_word, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_cut_word_with_ellipsis, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_word_twice, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_english_tag, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_keybar_moved, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_status_moved, rig_open, rig_close),
	    cmocka_unit_test_setup_teardown(test_title_moved, rig_open, rig_close),
	};
	return cmocka_run_group_tests(tests, words_load, words_free);
}

/* event_row: one event on one line of the events board (see event_row.h). */
#include "event_row.h"

#include <stdio.h>

#include "event_format.h"
#include "glyphs.h"
#include "i18n.h"
#include "stage_bar.h"

_Static_assert(STAGE_BAR_CLOSED == (int)STAGE_CLOSED, "the stage bar follows the model's loop");
#include "text_draw.h"
#include "theme.h"

#define TITLE_MIN  20 /* narrower, a title says too little to keep other columns */
#define TITLE_MAX  44 /* wider is room better given to the place and departments */
#define PLACE_MIN  14
#define PLACE_MAX  26
#define DEPTS_MAX  40
#define STEPS_COLS 5 /* "14/14" */
#define AGE_COLS   4 /* "59m", "23h" */

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

/* "水务● 城管◐ 交通○" */
static int depts_named_width(const event_t *e)
{
	int w = 0;
	for (size_t i = 0; i < e->department_count; i++)
		w += (i ? 1 : 0) + text_draw_width(e->departments[i].name) + 1;
	return w;
}

void event_row_measure(event_row_need_t *need, const event_t *e)
{
	char buf[512];
	need->title = max_int(need->title, text_draw_width(event_label(e)));
	event_place(e, buf, sizeof buf);
	need->place = max_int(need->place, text_draw_width(buf));
	event_tier_chain(e, buf, sizeof buf);
	need->tier = max_int(need->tier, text_draw_width(buf));
	if (!glyphs()->ascii) /* in ASCII the names would be U+ codes: counts only */
		need->depts_named = max_int(need->depts_named, depts_named_width(e));
}

/* Takes `cols` (plus a separating space) from *left if it is there. */
static int take(int *left, int cols)
{
	if (cols <= 0 || *left < cols + 1)
		return 0;
	*left -= cols + 1;
	return cols;
}

static const char *depts_heading(void)
{
	return _("departments");
}

/* A column at least as wide as its heading, in the language shown. */
static int headed(int cols, const char *heading)
{
	return max_int(cols, text_draw_width(heading));
}

/* "9/9 depts", as the rows say it when the names do not fit. */
static int depts_count_cols(void)
{
	char buf[64];
	snprintf(buf, sizeof buf, P_("%d/%d dept", "%d/%d depts", 9), 9, 9);
	return headed(text_draw_width(buf), depts_heading());
}

void event_row_layout(event_row_layout_t *lay, int width, const event_row_need_t *need)
{
	*lay = (event_row_layout_t){0};
	/* Short titles (ids in ASCII) leave their room to the other columns. */
	int title_min = need->title < TITLE_MIN ? need->title : TITLE_MIN;
	if (title_min < text_draw_width(_("event")))
		title_min = text_draw_width(_("event"));
	/* The severity's short word first (in Chinese the colour alone, 红色),
	 * its whole word (红色·特别重大) when there is room to spare. */
	int severity_short = headed(event_severity_cols(true), _("severity"));
	int severity_full = headed(event_severity_cols(false), _("severity"));
	int left = width - severity_short - 1 - title_min;
	lay->severity = severity_short;
	lay->severity_short = true;
	lay->deadline = take(&left, headed(event_deadline_cols(), _("deadline")));
	lay->stage = take(&left, headed(stage_bar_width(STAGE_BAR_CELLS), _("stage")));
	lay->stage_form = STAGE_BAR_CELLS;
	lay->age = take(&left, headed(AGE_COLS, _("age")));
	lay->tier = take(&left, headed(need->tier, _("tier")));
	lay->steps = take(&left, headed(STEPS_COLS, _("steps")));
	lay->depts = take(&left, depts_count_cols());
	if (need->place > 0)
		lay->place = take(&left, headed(min_int(PLACE_MIN, need->place), _("place")));
	/* Room to spare: the stage's name, a share for the title, the
	 * severity's whole word, departments by name, the whole place, then
	 * the title up to what it needs. */
	int labelled = max_int(stage_bar_width(STAGE_BAR_LABELLED) - lay->stage, 0);
	if (lay->stage && left >= labelled) {
		lay->stage += labelled;
		lay->stage_form = STAGE_BAR_LABELLED;
		left -= labelled;
	}
	int title_more = min_int(need->title, TITLE_MAX) - title_min;
	if (title_more > 0 && left > 0) {
		int more = min_int(title_more, left / 2); /* share with what follows */
		lay->title += more;
		left -= more;
	}
	if (left >= severity_full - severity_short) {
		left -= severity_full - severity_short;
		lay->severity = severity_full;
		lay->severity_short = false;
	}
	int named = min_int(need->depts_named, DEPTS_MAX);
	if (lay->depts && named > lay->depts && left >= named - lay->depts) {
		left -= named - lay->depts;
		lay->depts = named;
		lay->depts_named = true;
	}
	if (lay->place && need->place > lay->place) {
		int more = min_int(min_int(need->place, PLACE_MAX) - lay->place, left);
		lay->place += more;
		left -= more;
	}
	lay->title += title_min + left;
}

/* Draws s in a column of `cols` at *x and moves past it and its space. */
static void column(WINDOW *win, int y, int *x, int cols, const char *s, attr_t attr)
{
	if (cols <= 0)
		return;
	text_draw(win, y, *x, cols, s, attr);
	*x += cols + 1;
}

static void column_right(WINDOW *win, int y, int *x, int cols, const char *s, attr_t attr)
{
	if (cols <= 0)
		return;
	text_draw_right(win, y, *x, cols, s, attr);
	*x += cols + 1;
}

static int row_width(const event_row_layout_t *lay)
{
	int w = 0;
	const int cols[] = {lay->severity, lay->title, lay->place, lay->tier,    lay->stage,
	                    lay->steps,    lay->depts, lay->age,   lay->deadline};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		w += cols[i] ? cols[i] + 1 : 0;
	return w - 1;
}

void event_row_header(WINDOW *win, int y, int x, const event_row_layout_t *lay)
{
	attr_t a = theme_attr(ROLE_DIM);
	text_fill(win, y, x, row_width(lay), theme_attr(ROLE_NORMAL));
	column(win, y, &x, lay->severity, _("severity"), a);
	column(win, y, &x, lay->title, _("event"), a);
	column(win, y, &x, lay->place, _("place"), a);
	column(win, y, &x, lay->tier, _("tier"), a);
	column(win, y, &x, lay->stage, _("stage"), a);
	column_right(win, y, &x, lay->steps, _("steps"), a);
	column(win, y, &x, lay->depts, depts_heading(), a);
	column_right(win, y, &x, lay->age, _("age"), a);
	column(win, y, &x, lay->deadline, _("deadline"), a);
}

/* "!!! critical": the marker, then the word lined up after the widest
 * marker; the whole column in the severity's attributes. */
static void severity_cell(WINDOW *win, int y, int *x, const event_row_layout_t *lay, severity_t s,
                          attr_t attr)
{
	int cols = lay->severity, marker = event_severity_marker_cols();
	if (cols <= 0)
		return;
	text_fill(win, y, *x, cols, attr);
	text_draw(win, y, *x, min_int(marker, cols), event_severity_marker(s), attr);
	const char *word = lay->severity_short ? event_severity_short(s) : event_severity_word(s);
	if (cols > marker + 1)
		text_draw(win, y, *x + marker + 1, cols - marker - 1, word, attr);
	*x += cols + 1;
}

/* "水务● 城管◐ 交通○", each glyph in its state's role, cut at `cols`. */
static void depts_named(WINDOW *win, int y, int x, int cols, const event_t *e, bool selected)
{
	int end = x + cols;
	attr_t name_attr = theme_attr(selected ? ROLE_SELECTED : ROLE_LABEL);
	for (size_t i = 0; i < e->department_count && x < end; i++) {
		if (i)
			x++;
		const char *name = e->departments[i].name;
		int need = text_draw_width(name) + 1;
		if (x + need > end) { /* the rest would not fit whole: say how many */
			text_draw(win, y, x, end - x, glyphs()->ellipsis, name_attr);
			return;
		}
		x += text_draw(win, y, x, end - x, name, name_attr);
		dept_state_t s = e->departments[i].state;
		x += text_draw(win, y, x, end - x, event_dept_glyph(s),
		               selected ? name_attr : theme_attr(event_dept_role(s)));
	}
}

void event_row_draw(WINDOW *win, int y, int x, const event_row_layout_t *lay, const event_t *e,
                    int64_t clock_ms, bool selected)
{
	attr_t base = theme_attr(selected ? ROLE_SELECTED : ROLE_NORMAL);
	attr_t dim = selected ? base : theme_attr(ROLE_DIM);
	text_fill(win, y, x, row_width(lay), base);
	char buf[512];

	severity_cell(win, y, &x, lay, e->severity,
	              selected ? base : theme_attr((theme_role_t)event_severity_role(e->severity)));
	column(win, y, &x, lay->title, event_label(e), base);
	event_place(e, buf, sizeof buf);
	column(win, y, &x, lay->place, buf, dim);
	event_tier_chain(e, buf, sizeof buf);
	column(win, y, &x, lay->tier, buf,
	       e->escalation_count && !selected ? theme_attr(ROLE_WARN) : base);
	if (lay->stage) {
		stage_bar_draw_form(win, y, x, lay->stage, e->stage,
		                    (stage_bar_form_t)lay->stage_form);
		if (selected) /* one band across the row; the glyphs still tell the stages */
			mvwchgat(win, y, x, lay->stage, base & ~A_COLOR, (short)PAIR_NUMBER(base),
			         NULL);
		x += lay->stage + 1;
	}
	int done, total;
	event_steps(e, &done, &total);
	if (total > 0)
		snprintf(buf, sizeof buf, "%d/%d", done, total);
	else
		buf[0] = '\0';
	column_right(win, y, &x, lay->steps, buf, base);
	if (lay->depts && lay->depts_named) {
		depts_named(win, y, x, lay->depts, e, selected);
		x += lay->depts + 1;
	} else {
		event_depts_done(e, &done, &total);
		if (total > 0)
			snprintf(buf, sizeof buf, P_("%d/%d dept", "%d/%d depts", total), done,
			         total);
		else
			buf[0] = '\0';
		column(win, y, &x, lay->depts, buf, dim);
	}
	event_age_text(e, clock_ms, buf, sizeof buf);
	column_right(win, y, &x, lay->age, buf, dim);
	int role = event_deadline_text(e, clock_ms, buf, sizeof buf);
	column(win, y, &x, lay->deadline, buf,
	       selected && role != ROLE_OVERDUE ? base : theme_attr((theme_role_t)role));
}

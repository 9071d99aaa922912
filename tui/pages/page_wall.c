/* page_wall: the headline figures in large digits, for the wall (--kiosk
 * rotates through it; key w; --dump --page wall). Two bands of cells:
 *   above: unacknowledged alarms by priority (high, medium) and open and
 *          overdue events — what needs someone now;
 *   below: the five composite indices (the gov view's scores).
 * Each cell: a label that says what the figure is in words (never colour
 * alone), the figure as large as the band allows (bigdigits.h; all cells
 * of a band the same size), a note under it. The indices' band takes the
 * rows its figures can use, the alarms' band the rest; at 80x24 the
 * figures are five or three rows tall, at 200x60 fifteen and five, and
 * plain text when nothing taller fits. Counted over part of the data
 * (a source failing, stale readings) a count is a lower bound: "3+". */
#include "pages.h"

#include <math.h>
#include <stdio.h>

#include "alarm_row.h"
#include "bigdigits.h"
#include "glyphs.h"
#include "i18n.h"
#include "kpi_indices.h"
#include "overview.h"
#include "shown_age.h"
#include "text_draw.h"
#include "theme.h"

#define ALARM_CELLS 4 /* high, medium, open events, overdue events */

#define FORMS 3 /* a label's or a note's forms, longest first */

typedef struct wall_cell {
	char label[FORMS][96]; /* "" for a form it has not */
	char figure[24];
	const char *template; /* the widest figure its size is chosen for */
	char note[FORMS][96];
	theme_role_t role; /* of the figure (and its label when abnormal) */
} wall_cell_t;

/* Form i of a text, or its shortest when it has fewer forms. */
static const char *form_of(const char (*forms)[96], int i)
{
	while (i > 0 && !forms[i][0])
		i--;
	return forms[i];
}

/* The longest form in which every cell's label (notes: note) fits its
 * cell, so a band's cells read alike; the shortest if none does. */
static int band_form(const wall_cell_t *cells, int n, int w, bool notes)
{
	for (int f = 0; f < FORMS; f++) {
		bool fits = true;
		for (int i = 0; i < n && fits; i++) {
			int cw = w * (i + 1) / n - w * i / n - 2;
			fits = text_draw_width(form_of(notes ? cells[i].note : cells[i].label, f)) <= cw;
		}
		if (fits)
			return f;
	}
	return FORMS - 1;
}

/* "12", "12+" when counted over part of the data, "--" with no data. */
static void count_text(char *buf, size_t size, unsigned n, bool known, bool whole)
{
	if (!known)
		snprintf(buf, size, "--");
	else
		snprintf(buf, size, whole ? "%u" : "%u+", n);
}

static void alarm_cells(const ui_ctx_t *ctx, wall_cell_t cells[ALARM_CELLS])
{
	const view_t *v = ctx->view;
	unsigned unacked[ALARM_PRIORITY_COUNT] = {0}, active[ALARM_PRIORITY_COUNT] = {0};
	size_t n = v ? view_alarm_count(v) : 0;
	for (size_t i = 0; i < n; i++) {
		const alarm_info_t *a = view_alarm(v, i);
		if (!a || (unsigned)a->priority >= ALARM_PRIORITY_COUNT)
			continue;
		active[a->priority]++;
		if (isa_state_unacked(a->state))
			unacked[a->priority]++;
	}
	bool known = v && v->readings > 0, whole = v && view_all_there(v);
	const char *mark = alarm_row_state_glyph(ISA_UNACK);
	static const struct {
		alarm_priority_t p;
		const char *word;
		theme_role_t role;
	} prio[2] = {{ALARM_PRIORITY_HIGH, N_("HIGH"), ROLE_ALARM},
	             {ALARM_PRIORITY_MEDIUM, N_("MEDIUM"), ROLE_WARN}};
	for (int i = 0; i < 2; i++) {
		wall_cell_t *c = &cells[i];
		unsigned u = unacked[prio[i].p];
		*c = (wall_cell_t){.template = "88"};
		snprintf(c->label[0], sizeof c->label[0], "%s %s %s", mark, _(prio[i].word),
		         _("unacknowledged"));
		snprintf(c->label[1], sizeof c->label[1], "%s %s %s", mark, _(prio[i].word),
		         _("unacked"));
		count_text(c->figure, sizeof c->figure, u, known, whole);
		snprintf(c->note[0], sizeof c->note[0], _("%u active, %u acknowledged"),
		         active[prio[i].p], active[prio[i].p] - u);
		snprintf(c->note[1], sizeof c->note[1], _("%u active, %u acked"), active[prio[i].p],
		         active[prio[i].p] - u);
		c->role = u ? prio[i].role : ROLE_BIG;
	}
	const gov_view_t *gv = ctx->gov;
	wall_cell_t *open = &cells[2], *late = &cells[3];
	*open = (wall_cell_t){.template = "88"};
	*late = (wall_cell_t){.template = "88"};
	snprintf(open->label[0], sizeof open->label[0], "%s", _("Open events"));
	snprintf(late->label[0], sizeof late->label[0], "%s %s", glyphs()->fail_mark,
	         _("Overdue events"));
	snprintf(late->label[1], sizeof late->label[1], "%s %s", glyphs()->fail_mark, _("Overdue"));
	count_text(open->figure, sizeof open->figure, gv ? gv->summary.open : 0, gv != NULL, true);
	count_text(late->figure, sizeof late->figure, gv ? gv->summary.overdue : 0, gv != NULL, true);
	if (gv) {
		unsigned crit = gv->summary.by_severity[SEVERITY_CRITICAL];
		snprintf(open->note[0], sizeof open->note[0], _("%u critical, %u escalated"), crit,
		         gv->summary.escalated);
		snprintf(open->note[1], sizeof open->note[1], _("%u critical"), crit);
		snprintf(late->note[0], sizeof late->note[0], "%s", _("past their deadline"));
		snprintf(late->note[1], sizeof late->note[1], "%s", _("past deadline"));
	}
	open->role = ROLE_BIG;
	late->role = gv && gv->summary.overdue ? ROLE_OVERDUE : ROLE_BIG;
}

static void index_cells(const ui_ctx_t *ctx, wall_cell_t cells[KPI_INDEX_COUNT])
{
	const gov_view_t *gv = ctx->gov;
	for (int i = 0; i < KPI_INDEX_COUNT; i++) {
		wall_cell_t *c = &cells[i];
		*c = (wall_cell_t){.template = "88.8"};
		kpi_index_id_t id = (kpi_index_id_t)i;
		/* "发展 Development" (in Chinese 发展 alone), else the title alone (all
		 * there is in ASCII). */
		if (!glyphs()->ascii)
			kpi_indices_name(id, c->label[0], sizeof c->label[0]);
		snprintf(c->label[glyphs()->ascii ? 0 : 1], sizeof c->label[0], "%s",
		         _(kpi_index_title(id)));
		const kpi_index_score_t *s = gv ? &gv->indices[i] : NULL;
		if (s && isfinite(s->score))
			snprintf(c->figure, sizeof c->figure, "%.1f", s->score);
		else
			snprintf(c->figure, sizeof c->figure, "--");
		if (s) {
			snprintf(c->note[0], sizeof c->note[0], _("%u of %u with data"), s->counted,
			         s->members);
			snprintf(c->note[1], sizeof c->note[1], _("%u/%u with data"), s->counted,
			         s->members);
			snprintf(c->note[2], sizeof c->note[2], _("data %u/%u"), s->counted, s->members);
		}
		c->role = ROLE_BIG;
	}
}

/* The tallest size, at most max_rows, at which a cell's figure fits cw
 * columns, and so would its template: a count going from 9 to 10 must not
 * change size. A wider figure (455 events) is drawn smaller than its
 * neighbours rather than shrinking them all. */
static int cell_size(const wall_cell_t *c, int max_rows, int cw)
{
	int size = bigdigits_fit(c->template, max_rows, cw);
	int s = bigdigits_fit(c->figure, size, cw);
	if (s < size)
		size = s;
	return size < BIGDIGITS_PLAIN ? BIGDIGITS_PLAIN : size;
}

/* The tallest of a band's cells: the band's height, less label and note. */
static int band_size(const wall_cell_t *cells, int n, int max_rows, int w)
{
	int size = BIGDIGITS_PLAIN;
	for (int i = 0; i < n; i++) {
		int s = cell_size(&cells[i], max_rows, w * (i + 1) / n - w * i / n - 2);
		if (s > size)
			size = s;
	}
	return size;
}

/* How a band is drawn: its figures' size, the forms of labels and notes. */
typedef struct band_look {
	int size, label_form, note_form;
} band_look_t;

/* One cell in rows [y, y + h) and columns [x, x + w): the label, the
 * figure and the note, the three centred as a block. */
static void draw_cell(WINDOW *win, int y, int x, int h, int w, const band_look_t *look,
                      const wall_cell_t *c)
{
	int cw = w - 2; /* a column of margin each side */
	int size = cell_size(c, look->size, cw);
	/* The label on the band's first row, the figure centred in the rows
	 * the band's tallest figure takes, the note under those. */
	int block = look->size + 2;
	int top = y + (h > block ? (h - block) / 2 : 0);
	attr_t label = c->role == ROLE_BIG ? theme_attr(ROLE_TITLE) : theme_attr(c->role);
	text_draw(win, top, x + 1, cw, form_of(c->label, look->label_form), label);
	int fw = bigdigits_width(c->figure, size);
	if (fw < 0 || fw > cw)
		fw = text_draw_width(c->figure);
	int fx = x + 1 + (cw > fw ? (cw - fw) / 2 : 0);
	bigdigits_draw(win, top + 1 + (look->size - size) / 2, fx, size, x + 1 + cw - fx, c->figure,
	               theme_attr(c->role));
	if (top + 1 + look->size < y + h)
		text_draw(win, top + 1 + look->size, x + 1, cw, form_of(c->note, look->note_form),
		          theme_attr(ROLE_DIM));
}

static band_look_t band_look(const wall_cell_t *cells, int n, int max_rows, int w)
{
	return (band_look_t){.size = band_size(cells, n, max_rows, w),
	                     .label_form = band_form(cells, n, w, false),
	                     .note_form = band_form(cells, n, w, true)};
}

static void draw_band(WINDOW *win, int y, int h, int w, const wall_cell_t *cells, int n,
                      const band_look_t *look)
{
	for (int i = 0; i < n; i++) {
		int x = w * i / n, cw = w * (i + 1) / n - x;
		draw_cell(win, y, x, h, cw, look, &cells[i]);
	}
}

/* Rows from which the unacknowledged alarms are listed under the figures. */
#define LIST_MIN_ROWS 8

static void wall_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	shown_age_view(nav, ctx); /* the counts are made of every reading in scope */
	int h, w;
	getmaxyx(win, h, w);
	wall_cell_t alarms[ALARM_CELLS], indices[KPI_INDEX_COUNT];
	alarm_cells(ctx, alarms);
	index_cells(ctx, indices);
	/* The indices take what their figures can use, at most half; the
	 * alarms what is left. */
	int half = (h - 1) / 2;
	band_look_t il = band_look(indices, KPI_INDEX_COUNT, half - 2, w);
	int ih = il.size + 2 < half ? il.size + 2 : half;
	band_look_t al = band_look(alarms, ALARM_CELLS, h - 1 - ih - 2, w);
	int ah = al.size + 2;
	if (ah > h - 1 - ih)
		ah = h - 1 - ih;
	/* Room to spare: the alarms themselves (the overview's pane), then the
	 * bands spread evenly over the height. */
	int spare = h - ah - ih, pane = 0;
	size_t listed = ctx->view ? view_alarm_count(ctx->view) : 0;
	if (spare >= LIST_MIN_ROWS && ctx->view) {
		pane = spare - 3;
		int want = (int)(listed < 2 ? 2 : listed > 200 ? 200 : listed) + 2;
		if (pane > want)
			pane = want;
		spare -= pane;
	}
	int gaps = pane ? 4 : 3;
	int gap = spare > 0 ? spare / gaps : 0;
	int y = gap;
	draw_band(win, y, ah, w, alarms, ALARM_CELLS, &al);
	y += ah + (gap ? gap : 1);
	draw_band(win, y, ih, w, indices, KPI_INDEX_COUNT, &il);
	y += ih + gap;
	if (pane)
		overview_alarm_pane_draw(win, y, pane, w, ctx, ""); /* the wall: unfiltered */
}

static bool wall_key(action_t action, const ui_ctx_t *ctx, nav_t *nav)
{
	(void)action;
	(void)ctx;
	(void)nav;
	return false; /* nothing to select: the figures are the page */
}

const page_class_t page_wall = {
    .title = N_("Wall"),
    .draw = wall_draw,
    .key = wall_key,
};

/* stage_bar: the closed loop as progress (see stage_bar.h). */
#include "stage_bar.h"

#include "i18n.h"
#include "../themes/theme.h"
#include "glyphs.h"
#include "text_draw.h"

/* Passed, current, ahead. */
enum mark { MARK_PASSED, MARK_CURRENT, MARK_AHEAD };

/* The one place the stages are named: every page that names a stage asks
 * here. */
const char *stage_bar_name(int s)
{
	switch (s) {
	case 0:
		/* TRANSLATORS: the closed loop's stages, in order: sensed, handling,
		 * evaluating, reviewing, closed (感知预警 决策处置 监督评价 复盘改进
		 * 办结). */
		return C_("event stage", "sensed");
	case 1:
		return C_("event stage", "handling");
	case 2:
		return C_("event stage", "evaluating");
	case 3:
		return C_("event stage", "reviewing");
	case STAGE_BAR_CLOSED:
		return C_("event stage", "closed");
	default:
		return "?";
	}
}

/* A closed event has passed every stage: the loop is complete. */
static enum mark mark_of(int current, int i)
{
	if (current == STAGE_BAR_CLOSED || i < current)
		return MARK_PASSED;
	return i == current ? MARK_CURRENT : MARK_AHEAD;
}

static const char *mark_glyph(enum mark m)
{
	bool ascii = glyphs()->ascii;
	switch (m) {
	case MARK_PASSED:
		return ascii ? "#" : "●";
	case MARK_CURRENT:
		return ascii ? "*" : "◉";
	default:
		return ascii ? "." : "○";
	}
}

static attr_t mark_attr(enum mark m)
{
	switch (m) {
	case MARK_PASSED:
		return theme_attr(ROLE_GAUGE_FILL);
	case MARK_CURRENT:
		return theme_attr(ROLE_VALUE) | A_BOLD;
	default:
		return theme_attr(ROLE_GAUGE_EMPTY);
	}
}

static int longest_name(void)
{
	int w = 0;
	for (int i = 0; i < STAGE_BAR_STAGES; i++) {
		int n = text_draw_width(stage_bar_name(i));
		if (n > w)
			w = n;
	}
	return w;
}

static const char *crumb(void)
{
	return glyphs()->ascii ? " > " : " › ";
}

int stage_bar_width(stage_bar_form_t form)
{
	switch (form) {
	case STAGE_BAR_CELLS:
		return STAGE_BAR_STAGES;
	case STAGE_BAR_LABELLED:
		return STAGE_BAR_STAGES + 1 + longest_name();
	default: {
		int w = (STAGE_BAR_STAGES - 1) * text_draw_width(crumb());
		for (int i = 0; i < STAGE_BAR_STAGES; i++)
			w += 1 + text_draw_width(stage_bar_name(i));
		return w;
	}
	}
}

int stage_bar_fit(int width)
{
	for (int f = STAGE_BAR_WIDE; f >= STAGE_BAR_CELLS; f--)
		if (stage_bar_width((stage_bar_form_t)f) <= width)
			return f;
	return -1;
}

/* Draws s at x if it fits before `end`; returns the new x. */
static int put(WINDOW *win, int y, int x, int end, const char *s, attr_t attr)
{
	if (x >= end)
		return x;
	return x + text_draw(win, y, x, end - x, s, attr);
}

int stage_bar_draw_form(WINDOW *win, int y, int x, int width, int stage, stage_bar_form_t form)
{
	if (win == NULL || width <= 0)
		return 0;
	int end = x + width, at = x;
	if (form == STAGE_BAR_WIDE) {
		for (int i = 0; i < STAGE_BAR_STAGES; i++) {
			enum mark m = mark_of(stage, i);
			if (i > 0)
				at = put(win, y, at, end, crumb(), theme_attr(ROLE_DIM));
			at = put(win, y, at, end, mark_glyph(m), mark_attr(m));
			at = put(win, y, at, end, stage_bar_name(i),
			         m == MARK_CURRENT ? mark_attr(m) : theme_attr(ROLE_LABEL));
		}
		return at - x;
	}
	for (int i = 0; i < STAGE_BAR_STAGES; i++) {
		enum mark m = mark_of(stage, i);
		at = put(win, y, at, end, mark_glyph(m), mark_attr(m));
	}
	if (form == STAGE_BAR_LABELLED) {
		at = put(win, y, at, end, " ", theme_attr(ROLE_NORMAL));
		at = put(win, y, at, end, stage_bar_name(stage),
		         stage == STAGE_BAR_CLOSED ? theme_attr(ROLE_LABEL) : mark_attr(MARK_CURRENT));
	}
	return at - x;
}

int stage_bar_draw(WINDOW *win, int y, int x, int width, int stage)
{
	int form = stage_bar_fit(width);
	if (form < 0)
		return 0;
	return stage_bar_draw_form(win, y, x, width, stage, (stage_bar_form_t)form);
}

#include "bullet.h"

#include <limits.h>
#include <math.h>

#include "i18n.h"
#include "../themes/theme.h"
#include "glyphs.h"
#include "text_draw.h"

/* The bullet's own glyphs; glyphs.h says which set (Unicode or ASCII). */
typedef struct bullet_glyphs {
	const char *band[3];   /* by bullet_band_t */
	const char *eighth[8]; /* [k]: a cell filled k/8 from the left; [0] unused */
	const char *full, *target, *beyond_hi, *beyond_lo;
} bullet_glyphs_t;

static const bullet_glyphs_t bullet_unicode = {
    .band = {"▒", "░", " "},
    .eighth = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"},
    .full = "█",
    .target = "┃",
    .beyond_hi = "▶",
    .beyond_lo = "◀",
};

/* ASCII has no partial cells: the bar is rounded to whole cells. */
static const bullet_glyphs_t bullet_ascii = {
    .band = {":", ".", " "},
    .eighth = {""},
    .full = "#",
    .target = "|",
    .beyond_hi = ">",
    .beyond_lo = "<",
};

typedef struct scale {
	double lo, hi;
} scale_t;

static double fair_width(const bullet_t *b, scale_t s)
{
	double f = b->fair > 0 && isfinite(b->fair) ? b->fair : BULLET_FAIR;
	return b->target != 0 ? f * fabs(b->target) : f * (s.hi - s.lo);
}

/* The caller's scale, or one that holds 0, the value and the target with a
 * quarter of room beyond the largest. */
static scale_t bullet_scale(const bullet_t *b)
{
	if (isfinite(b->min) && isfinite(b->max) && b->min < b->max)
		return (scale_t){b->min, b->max};
	double lo = 0, hi = 0;
	if (b->has_value && isfinite(b->value)) {
		lo = fmin(lo, b->value);
		hi = fmax(hi, b->value);
	}
	if (b->has_target && isfinite(b->target)) {
		lo = fmin(lo, b->target);
		hi = fmax(hi, b->target);
	}
	double span = hi - lo;
	if (!(span > 0) || !isfinite(span))
		return (scale_t){0, 1};
	if (hi > 0)
		hi += span / 4;
	if (lo < 0)
		lo -= span / 4;
	return (scale_t){lo, hi};
}

static bullet_band_t band_in(const bullet_t *b, scale_t s, double v)
{
	if (!b->has_target || !isfinite(b->target))
		return BULLET_GOOD;
	double fair = fair_width(b, s);
	double worse = b->better_lower ? v - b->target : b->target - v; /* > 0: worse side */
	if (worse <= 0)
		return BULLET_GOOD;
	return worse <= fair ? BULLET_FAIR_BAND : BULLET_POOR;
}

bullet_band_t bullet_band(const bullet_t *b, double v)
{
	return band_in(b, bullet_scale(b), v);
}

bool bullet_off_target(const bullet_t *b)
{
	if (!b->has_value || !b->has_target || !isfinite(b->value) || !isfinite(b->target))
		return false;
	return b->better_lower ? b->value > b->target : b->value < b->target;
}

/* Position of v in cells from the left edge, clamped to [0, width]. */
static double cell_pos(scale_t s, int width, double v)
{
	double p = (v - s.lo) / (s.hi - s.lo) * width;
	return p < 0 ? 0 : p > width ? width : p;
}

static void put(WINDOW *win, int y, int x, const char *glyph, attr_t attr)
{
	text_draw(win, y, x, 1, glyph, attr);
}

/* The bands, cell by cell, each by the value at its centre. */
static void draw_bands(WINDOW *win, int y, int x, int width, const bullet_t *b, scale_t s,
                       const bullet_glyphs_t *g, attr_t dim)
{
	attr_t a = theme_attr(ROLE_BULLET_BAND) | dim;
	double step = (s.hi - s.lo) / width;
	for (int i = 0; i < width; i++)
		put(win, y, x + i, g->band[band_in(b, s, s.lo + (i + 0.5) * step)], a);
}

/* The bar from the origin (0, or the scale's nearer end) to the value. */
static void draw_bar(WINDOW *win, int y, int x, int width, const bullet_t *b, scale_t s,
                     const bullet_glyphs_t *g, attr_t dim)
{
	attr_t a = theme_attr(bullet_off_target(b) ? ROLE_BULLET_OFF : ROLE_BULLET_BAR) | dim;
	double origin = s.lo > 0 ? s.lo : s.hi < 0 ? s.hi : 0;
	int o = (int)lround(cell_pos(s, width, origin));
	double p = cell_pos(s, width, b->value);
	if (b->value >= origin) {
		int whole = (int)p;
		int eighths = (int)lround((p - whole) * 8);
		if (eighths == 8) {
			whole++;
			eighths = 0;
		}
		if (g->eighth[1] == NULL) { /* ASCII: whole cells */
			whole += eighths >= 4;
			eighths = 0;
		}
		for (int i = o; i < whole && i < width; i++)
			put(win, y, x + i, g->full, a);
		if (eighths > 0 && whole < width)
			put(win, y, x + whole, g->eighth[eighths], a);
	} else {
		for (int i = (int)lround(p); i < o; i++)
			put(win, y, x + i, g->full, a);
	}
	if (b->value > s.hi)
		put(win, y, x + width - 1, g->beyond_hi, a | A_BOLD);
	else if (b->value < s.lo)
		put(win, y, x, g->beyond_lo, a | A_BOLD);
}

static void draw_target(WINDOW *win, int y, int x, int width, const bullet_t *b, scale_t s,
                        const bullet_glyphs_t *g, attr_t dim)
{
	int c = (int)cell_pos(s, width, b->target);
	if (c >= width)
		c = width - 1; /* a target at the scale's end is in its last cell */
	put(win, y, x + c, g->target, theme_attr(ROLE_BULLET_TARGET) | dim);
}

void bullet_draw(WINDOW *win, int y, int x, int width, const bullet_t *b)
{
	if (win == NULL || b == NULL || width < 3 || x > INT_MAX - width)
		return;
	const bullet_glyphs_t *g = glyphs()->ascii ? &bullet_ascii : &bullet_unicode;
	attr_t dim = b->dim ? A_DIM : 0;
	scale_t s = bullet_scale(b);
	bool target = b->has_target && isfinite(b->target);
	bool value = b->has_value && isfinite(b->value);
	draw_bands(win, y, x, width, b, s, g, dim);
	if (value)
		draw_bar(win, y, x, width, b, s, g, dim);
	if (target)
		draw_target(win, y, x, width, b, s, g, dim);
	if (!value) {
		/* Centred, with a space either side so it stands off the shading. */
		const char *msg = _("no data");
		int w = text_draw_width(msg) + 2;
		if (w > width)
			w = width;
		int off = (width - w) / 2;
		text_fill(win, y, x + off, w, theme_attr(ROLE_DIM));
		text_draw(win, y, x + off + 1, w - 2 > 0 ? w - 2 : w, msg, theme_attr(ROLE_DIM));
	}
}

/* theme_color: colour names, depth and nearest-colour mapping (theme_color.h). */
#include "theme_color.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"

static const struct {
	const char *name;
	int index;
} color_names[] = {
    {"black", 0},         {"red", 1},
    {"green", 2},         {"yellow", 3},
    {"blue", 4},          {"magenta", 5},
    {"cyan", 6},          {"white", 7},
    {"bright-black", 8},  {"grey", 8},
    {"gray", 8},          {"bright-red", 9},
    {"bright-green", 10}, {"bright-yellow", 11},
    {"bright-blue", 12},  {"bright-magenta", 13},
    {"bright-cyan", 14},  {"bright-white", 15},
};

/* xterm's default ANSI colours: what the mapping assumes the 16 look like. */
static const uint32_t ansi_rgb[16] = {
    0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
    0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
};
static const int cube_level[6] = {0, 95, 135, 175, 215, 255};

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

int theme_color_parse(const char *s, theme_color_t *c)
{
	if (strcasecmp(s, "default") == 0) {
		*c = (theme_color_t){THEME_COLOR_DEFAULT, 0};
		return 0;
	}
	for (size_t i = 0; i < sizeof color_names / sizeof color_names[0]; i++)
		if (strcasecmp(s, color_names[i].name) == 0) {
			*c = (theme_color_t){THEME_COLOR_INDEX, (uint32_t)color_names[i].index};
			return 0;
		}
	if (s[0] == '#') {
		if (strlen(s) != 7)
			return -1;
		uint32_t v = 0;
		for (int i = 1; i < 7; i++) {
			int h = hexval(s[i]);
			if (h < 0)
				return -1;
			v = v << 4 | (uint32_t)h;
		}
		*c = (theme_color_t){THEME_COLOR_RGB, v};
		return 0;
	}
	size_t len = strlen(s);
	if (len == 0 || len > 3 || strspn(s, "0123456789") != len)
		return -1;
	long v = strtol(s, NULL, 10);
	if (v > 255)
		return -1;
	*c = (theme_color_t){THEME_COLOR_INDEX, (uint32_t)v};
	return 0;
}

static bool says_truecolor(const char *colorterm)
{
	return colorterm &&
	       (strcasecmp(colorterm, "truecolor") == 0 || strcasecmp(colorterm, "24bit") == 0);
}

theme_depth_t theme_depth_choose(int colors, bool rgb_flag, const char *colorterm, bool extended)
{
	if (colors < 8)
		return THEME_DEPTH_NONE;
	bool direct =
	    colors >= 0x1000000 || (rgb_flag && colors > 256 && says_truecolor(colorterm));
	if (direct && extended)
		return THEME_DEPTH_TRUE;
	if (colors >= 256)
		return THEME_DEPTH_256;
	if (colors >= 16)
		return THEME_DEPTH_16;
	return THEME_DEPTH_8;
}

const char *theme_depth_name(theme_depth_t d)
{
	switch (d) {
	case THEME_DEPTH_NONE:
		return N_("no colour");
	case THEME_DEPTH_8:
		return N_("8 colours");
	case THEME_DEPTH_16:
		return N_("16 colours");
	case THEME_DEPTH_256:
		return N_("256 colours");
	case THEME_DEPTH_TRUE:
		return N_("24-bit colour");
	}
	return "?";
}

static int palette_size(theme_depth_t d)
{
	switch (d) {
	case THEME_DEPTH_NONE:
		return 0;
	case THEME_DEPTH_8:
		return 8;
	case THEME_DEPTH_16:
		return 16;
	default:
		return 256;
	}
}

bool theme_color_fits(theme_color_t c, theme_depth_t d)
{
	switch (c.kind) {
	case THEME_COLOR_DEFAULT:
		return true;
	case THEME_COLOR_INDEX:
		return (int)c.value < palette_size(d);
	case THEME_COLOR_RGB:
		return d >= THEME_DEPTH_256;
	}
	return false;
}

uint32_t theme_index_rgb(int index)
{
	if (index < 0 || index > 255)
		return 0;
	if (index < 16)
		return ansi_rgb[index];
	if (index >= 232) {
		uint32_t g = (uint32_t)(8 + 10 * (index - 232));
		return g << 16 | g << 8 | g;
	}
	int i = index - 16;
	return (uint32_t)cube_level[i / 36] << 16 | (uint32_t)cube_level[i / 6 % 6] << 8 |
	       (uint32_t)cube_level[i % 6];
}

/* A perceptual distance ("redmean"): plain RGB distance would call a dark
 * grey nearer to a dark blue than to black. */
static long rgb_distance(uint32_t a, uint32_t b)
{
	long r1 = (long)(a >> 16 & 0xff), g1 = (long)(a >> 8 & 0xff), b1 = (long)(a & 0xff);
	long r2 = (long)(b >> 16 & 0xff), g2 = (long)(b >> 8 & 0xff), b2 = (long)(b & 0xff);
	long rmean = (r1 + r2) / 2, dr = r1 - r2, dg = g1 - g2, db = b1 - b2;
	return (((512 + rmean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rmean) * db * db) >> 8);
}

static int nearest_level(int v)
{
	int best = 0;
	for (int i = 1; i < 6; i++)
		if (abs(cube_level[i] - v) < abs(cube_level[best] - v))
			best = i;
	return best;
}

int theme_rgb_to_256(uint32_t rgb)
{
	int r = (int)(rgb >> 16 & 0xff), g = (int)(rgb >> 8 & 0xff), b = (int)(rgb & 0xff);
	int cube = 16 + 36 * nearest_level(r) + 6 * nearest_level(g) + nearest_level(b);
	int avg = (r + g + b) / 3;
	int step = (avg - 8 + 5) / 10;
	int grey = 232 + (step < 0 ? 0 : step > 23 ? 23 : step);
	return rgb_distance(rgb, theme_index_rgb(grey)) < rgb_distance(rgb, theme_index_rgb(cube))
	           ? grey
	           : cube;
}

static bool is_grey(uint32_t rgb)
{
	int r = (int)(rgb >> 16 & 0xff), g = (int)(rgb >> 8 & 0xff), b = (int)(rgb & 0xff);
	int hi = r > g ? (r > b ? r : b) : (g > b ? g : b);
	int lo = r < g ? (r < b ? r : b) : (g < b ? g : b);
	return hi - lo < 32;
}

/* A grey stays a grey: among so few colours a mid grey is otherwise nearer
 * cyan than white, and normal would turn colourful. */
int theme_rgb_to_ansi(uint32_t rgb, int n)
{
	bool grey = is_grey(rgb);
	int best = -1;
	for (int i = 0; i < n && i < 16; i++) {
		if (grey && !is_grey(ansi_rgb[i]))
			continue;
		if (best < 0 || rgb_distance(rgb, ansi_rgb[i]) < rgb_distance(rgb, ansi_rgb[best]))
			best = i;
	}
	return best;
}

static int direct(uint32_t rgb)
{
	return rgb < 8 ? 8 : (int)rgb;
}

int theme_color_resolve(theme_color_t c, theme_depth_t d)
{
	if (c.kind == THEME_COLOR_DEFAULT || d == THEME_DEPTH_NONE)
		return -1;
	uint32_t rgb = c.kind == THEME_COLOR_RGB ? c.value : theme_index_rgb((int)c.value);
	if (c.kind == THEME_COLOR_INDEX && theme_color_fits(c, d)) {
		if (d == THEME_DEPTH_TRUE && c.value >= 8)
			return direct(rgb);
		return (int)c.value;
	}
	switch (d) {
	case THEME_DEPTH_TRUE:
		return direct(rgb);
	case THEME_DEPTH_256:
		return theme_rgb_to_256(rgb);
	case THEME_DEPTH_16:
		return theme_rgb_to_ansi(rgb, 16);
	default:
		return theme_rgb_to_ansi(rgb, 8);
	}
}

int theme_color_pick(const theme_color_t *alts, int n, theme_depth_t d)
{
	for (int i = 0; i < n; i++)
		if (theme_color_fits(alts[i], d))
			return theme_color_resolve(alts[i], d);
	return theme_color_resolve(alts[0], d);
}

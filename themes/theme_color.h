/* theme_color: a theme's colours and the terminal's colour depth, without
 * curses. Parses a colour as a theme file writes it (a name, a 256-colour
 * index, #rrggbb), decides how many colours the terminal has, and maps a
 * colour to the nearest one a depth can show. Pure functions, unit-tested
 * (tests/unit/test_theme_color.c); theme.c hands the results to curses. */
#ifndef CITYDASH_THEME_COLOR_H
#define CITYDASH_THEME_COLOR_H

#include <stdbool.h>
#include <stdint.h>

/* How many colours a terminal shows; NONE: draw with attributes only. */
typedef enum theme_depth {
	THEME_DEPTH_NONE,
	THEME_DEPTH_8,
	THEME_DEPTH_16,
	THEME_DEPTH_256,
	THEME_DEPTH_TRUE /* 24-bit direct colour */
} theme_depth_t;

typedef enum theme_color_kind {
	THEME_COLOR_DEFAULT, /* the terminal's own foreground or background */
	THEME_COLOR_INDEX,   /* a palette index 0-255 (0-15: the ANSI names) */
	THEME_COLOR_RGB      /* #rrggbb */
} theme_color_kind_t;

typedef struct theme_color {
	theme_color_kind_t kind;
	uint32_t value; /* the index, or 0xRRGGBB */
} theme_color_t;

/* Reads "default", an ANSI name (black … white, bright-black … bright-white,
 * grey/gray for bright-black), a decimal index 0-255 or #rrggbb. Case does
 * not matter. Returns 0, or -1 when `s` is none of these. */
int theme_color_parse(const char *s, theme_color_t *c);

/* The depth to draw with, from terminfo's COLORS and RGB flag, $COLORTERM
 * and whether the curses library has extended (int) colours. 24-bit colour
 * needs a direct-colour terminfo entry (COLORS of 2^24, or the RGB flag with
 * more than 256 colours) and extended colours: curses writes colours through
 * terminfo, so $COLORTERM alone cannot make a 256-colour entry direct.
 * $COLORTERM=truecolor|24bit does vouch for a terminfo entry that sets RGB
 * over 256 colours. Fewer than 8 colours: NONE. */
theme_depth_t theme_depth_choose(int colors, bool rgb_flag, const char *colorterm, bool extended);
/* The depth in English words, N_() marked: theme_depth_desc translates them. */
const char *theme_depth_name(theme_depth_t d);

/* Whether a depth shows a colour as the theme meant it: default always; an
 * index below the depth's palette size; #rrggbb from 256 colours up (the
 * 256-colour cube and grey ramp are close enough). */
bool theme_color_fits(theme_color_t c, theme_depth_t d);
/* The curses colour number for a colour at a depth: -1 for default; a
 * palette index (the nearest one when the depth has fewer); at TRUE a
 * direct 0xRRGGBB value (never below 8, which direct terminfo entries keep
 * for the ANSI colours). */
int theme_color_resolve(theme_color_t c, theme_depth_t d);
/* From a list of alternatives (most exact first), the first that fits the
 * depth, else the first mapped to the nearest; n >= 1. */
int theme_color_pick(const theme_color_t *alts, int n, theme_depth_t d);

/* The xterm palette's colour of index 0-255. */
uint32_t theme_index_rgb(int index);
/* The nearest index of the 6x6x6 cube or the grey ramp (16-255). */
int theme_rgb_to_256(uint32_t rgb);
/* The nearest of the first n (8 or 16) ANSI colours. */
int theme_rgb_to_ansi(uint32_t rgb, int n);

#endif

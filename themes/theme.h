/* theme: colours by role, never by hue.
 *
 * One X-macro table lists every role with its colour pair and the attribute
 * used when colour is off (NO_COLOR, a monochrome terminal), so a theme
 * cannot forget a role and the monochrome fallback stays readable. */
#ifndef CITYDASH_THEME_H
#define CITYDASH_THEME_H

#include <stdbool.h>
#include <curses.h>

/* X(role, foreground, background, monochrome attribute)
 *
 * The table is the built-in look: the high-performance theme
 * (themes/high-performance.theme) in 8 colours, used when no theme file was
 * read (theme_use not called, or the default theme's file not installed).
 * Theme files name these roles in lowercase without ROLE_ (docs/themes.md).
 *
 * ROLE_ALARM is an active high-priority alarm (LOLO/HIHI, communications)
 * not yet acknowledged, ROLE_ALARM_ACKED one acknowledged; ROLE_WARN a
 * medium-priority one (LO/HI, instrument fault); ROLE_SHELVED shelved,
 * suppressed or out of service; ROLE_KPI_OFF a KPI off its target;
 * ROLE_OVERDUE an event past its deadline; ROLE_BANNER the wall's banner
 * for a new high-priority alarm; ROLE_BIG large digits of a normal figure;
 * ROLE_KEYBAR / ROLE_KEYBAR_KEY the key bar's labels and keys; ROLE_MATCH
 * the text a filter matched. */
#define THEME_ROLES(X)                                                   \
	X(ROLE_NORMAL, -1, -1, A_NORMAL)                                 \
	X(ROLE_DIM, COLOR_WHITE, -1, A_DIM)                              \
	X(ROLE_TITLE, -1, -1, A_BOLD)                                    \
	X(ROLE_BORDER, COLOR_WHITE, -1, A_NORMAL)                        \
	X(ROLE_BORDER_FOCUS, COLOR_WHITE, -1, A_BOLD)                    \
	X(ROLE_LABEL, -1, -1, A_NORMAL)                                  \
	X(ROLE_VALUE, -1, -1, A_BOLD)                                    \
	X(ROLE_OK, COLOR_WHITE, -1, A_NORMAL)                            \
	X(ROLE_WARN, COLOR_YELLOW, -1, A_BOLD)                           \
	X(ROLE_ALARM, COLOR_WHITE, COLOR_RED, A_BOLD | A_REVERSE)        \
	X(ROLE_STALE, COLOR_MAGENTA, -1, A_DIM | A_UNDERLINE)            \
	X(ROLE_BAD, COLOR_MAGENTA, -1, A_BOLD | A_UNDERLINE)             \
	X(ROLE_GAUGE_FILL, COLOR_WHITE, -1, A_NORMAL)                    \
	X(ROLE_GAUGE_EMPTY, COLOR_WHITE, -1, A_DIM)                      \
	X(ROLE_GAUGE_WARN_BAND, COLOR_YELLOW, -1, A_NORMAL)              \
	X(ROLE_GAUGE_ALARM_BAND, COLOR_RED, -1, A_NORMAL)                \
	X(ROLE_GAUGE_MARK, -1, -1, A_BOLD)                               \
	X(ROLE_SPARK, COLOR_WHITE, -1, A_NORMAL)                         \
	X(ROLE_BULLET_BAND, COLOR_WHITE, -1, A_DIM)                      \
	X(ROLE_BULLET_BAR, -1, -1, A_NORMAL)                             \
	X(ROLE_BULLET_OFF, COLOR_YELLOW, -1, A_BOLD)                     \
	X(ROLE_BULLET_TARGET, -1, -1, A_BOLD)                            \
	X(ROLE_STATUS_BAR, COLOR_BLACK, COLOR_WHITE, A_REVERSE)          \
	X(ROLE_STATUS_OK, COLOR_BLACK, COLOR_WHITE, A_REVERSE)           \
	X(ROLE_STATUS_FAIL, COLOR_WHITE, COLOR_RED, A_REVERSE | A_BOLD)  \
	X(ROLE_SELECTED, COLOR_BLACK, COLOR_WHITE, A_REVERSE)            \
	X(ROLE_KEY, -1, -1, A_BOLD)                                      \
	X(ROLE_ALARM_ACKED, COLOR_RED, -1, A_BOLD)                       \
	X(ROLE_SHELVED, COLOR_CYAN, -1, A_DIM)                           \
	X(ROLE_KPI_OFF, COLOR_YELLOW, -1, A_BOLD)                        \
	X(ROLE_OVERDUE, COLOR_RED, -1, A_BOLD | A_UNDERLINE)             \
	X(ROLE_BANNER, COLOR_WHITE, COLOR_RED, A_REVERSE | A_BOLD)       \
	X(ROLE_BIG, -1, -1, A_BOLD)                                      \
	X(ROLE_KEYBAR, COLOR_BLACK, COLOR_WHITE, A_REVERSE)              \
	X(ROLE_KEYBAR_KEY, COLOR_BLACK, COLOR_WHITE, A_REVERSE | A_BOLD) \
	X(ROLE_MATCH, COLOR_YELLOW, -1, A_BOLD | A_UNDERLINE)

typedef enum theme_role {
#define THEME_ENUM(role, fg, bg, mono) role,
	THEME_ROLES(THEME_ENUM)
#undef THEME_ENUM
	ROLE_COUNT
} theme_role_t;

/* Chooses the theme: a name (high-performance, dark, light,
 * high-contrast, mono: a file of the installed themes) or a theme file's
 * path; NULL is the default, high-performance. Call before theme_init.
 * Returns 0, or -1 with *cause set (caller frees): a theme that is not
 * there, or a file with an error (named by file, line and role). */
int theme_use(const char *name, char **cause);
/* The name of the theme in use. */
const char *theme_name(void);

/* Call after initscr/newterm (again for each new SCREEN). Colour is used
 * when `want_color` is true and the terminal has colours (and pairs for every
 * role); role r then uses pair r + 1. Otherwise every role maps to its
 * monochrome attribute. Returns whether colour is in use. */
bool theme_init(bool want_color);
/* The attributes (colour pair included) to draw a role with: without colour
 * the role's monochrome attribute; with colour its pair plus that attribute
 * minus A_REVERSE (which would swap the pair's colours), so bold alarms stay
 * bold on an 8-colour terminal. */
attr_t theme_attr(theme_role_t role);
/* The colour pair number of a role (0 when colour is off), for wattr_set/cchar_t. */
short theme_pair(theme_role_t role);
bool theme_has_color(void);
/* The colour depth theme_init chose, in words ("256 colours", "no colour"),
 * translated. */
const char *theme_depth_desc(void);

#endif

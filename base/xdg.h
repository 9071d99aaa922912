/* xdg: where the XDG Base Directory specification puts a file. */
#ifndef CITYDASH_XDG_H
#define CITYDASH_XDG_H

/* `leaf` under the base directory `value` (the variable's value, e.g.
 * $XDG_CONFIG_HOME) when that is absolute — a relative one is invalid and
 * ignored — else under $HOME/`home_rel` (".config", ".local/state") when
 * `home` is set and not empty; NULL when neither. Caller frees. */
char *xdg_path(const char *value, const char *home, const char *home_rel, const char *leaf);

#endif

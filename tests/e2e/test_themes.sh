#!/usr/bin/env bash
# Themes as a user meets them: each shipped theme by name, the configuration's
# display.theme and --theme over it, the user's own theme directory, a theme
# not found (where it looked), a broken file (file, line, role; exit 2, before
# the terminal is taken), --check-config reading the theme; on a terminal the
# high-performance look (normal grey, alarms white on red) and NO_COLOR over a
# colourful theme (no colour sent).
#   test_themes.sh CITYDASH
set -uo pipefail
citydash=$1
. "$(dirname "$0")/lib.sh"
out="$E2E_TMP/out" err="$E2E_TMP/err"

# No user configuration of the machine running the tests.
export HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/xdg"
unset CITYDASH_CONFIG
mkdir -p "$HOME" "$XDG_CONFIG_HOME/citydash/themes"
run() { timeout 60 "$@" >"$out" 2>"$err"; echo $?; }
src=(--source a=http://127.0.0.1:1/)

for t in high-performance dark light high-contrast mono; do
	check "--theme $t is found and read" test "$(run "$citydash" --check-config "${src[@]}" --theme "$t")" = 0
	check "... --check-config names it" grep -qxF "theme: $t" "$out"
done
check "--demo --dump --theme light draws" \
	test "$(run "$citydash" --demo --dump --size 80x24 --theme light)" = 0
check "... the overview" grep -qF "Overview" "$out"

cfg="$E2E_TMP/city.json"
printf '{"sources": [{"name": "a", "url": "http://127.0.0.1:1/"}], "display": {"theme": "dark"}}\n' >"$cfg"
check "display.theme is read" test "$(run "$citydash" --check-config -c "$cfg")" = 0
check "... as dark" grep -qxF "theme: dark" "$out"
check "--theme overrides display.theme" test "$(run "$citydash" --check-config -c "$cfg" --theme mono)" = 0
check "... as mono" grep -qxF "theme: mono" "$out"

mine="$XDG_CONFIG_HOME/citydash/themes/mine.theme"
printf 'base high-performance\n# my alarms\nalarm fg=blue bg=yellow attr=bold mono=bold,reverse\n' >"$mine"
check "a theme of the user's directory is found by name" \
	test "$(run "$citydash" --check-config "${src[@]}" --theme mine)" = 0
check "... and by its path" test "$(run "$citydash" --check-config "${src[@]}" --theme "$mine")" = 0

check "a theme not found: exit 2" test "$(run "$citydash" --demo --dump --theme nosuch)" = 2
check "... listing where it looked, the user's directory first" grep -qF \
	"citydash: theme \"nosuch\" not found (looked for $XDG_CONFIG_HOME/citydash/themes/nosuch.theme, " "$err"
check "... and the installed themes" grep -qF "/share/citydash/themes/nosuch.theme" "$err"
check "... and nothing drawn" test ! -s "$out"
check "a name that is no name: exit 2" test "$(run "$citydash" --demo --dump --theme "my theme")" = 2
check "... saying a path needs a '/'" grep -qF "a file's path contains a '/'" "$err"

bad="$E2E_TMP/bad.theme"
{ printf 'base high-performance\n\n'; printf 'alarm fg=reed\n'; } >"$bad"
check "a broken theme file: exit 2" test "$(run "$citydash" --demo --dump --theme "$bad")" = 2
check "... naming the file, line and role" \
	grep -qxF "citydash: $bad:3: role \"alarm\": unknown colour \"reed\"" "$err"
printf '{"sources": [{"name": "a", "url": "http://127.0.0.1:1/"}], "display": {"theme": "%s"}}\n' "$bad" >"$cfg"
check "... also from display.theme, in --check-config" test "$(run "$citydash" --check-config -c "$cfg")" = 2
check "... with the same message" grep -qF "$bad:3: role \"alarm\": unknown colour \"reed\"" "$err"
check "... before the terminal is looked at (the TUI, stdin not a terminal)" \
	test "$(run "$citydash" -c "$cfg" </dev/null)" = 2
check "... the theme's error, not the terminal's" grep -qF "$bad:3: role \"alarm\"" "$err"

# On a 256-colour terminal: the high-performance look. The raw bytes are
# read: capture-pane -e would show tmux's own rendering.
e2e_start_raw hp 160 48 "$citydash" --demo
check "high-performance: the overview is drawn" e2e_wait hp 15 Water Tunnels "alarm"
sleep 1
raw="$E2E_TMP/hp.raw"
check "high-performance: gauge fills and OK marks in grey (256-colour 245)" grep -qaF $'\e[38;5;245m' "$raw"
check "high-performance: a high alarm white on red (256-colour 160)" grep -qaF '48;5;160m' "$raw"
check "high-performance: no cyan (SGR 36 or 256-colour 51) anywhere" \
	bash -c '! grep -qaE $'"'"'\e\[(([0-9;]*;)?36m|38;5;51m)'"'"' "$1"' _ "$raw"
e2e_keys hp q

E2E_ENV="NO_COLOR=1" e2e_start_raw nocolor 100 30 "$citydash" --demo --theme high-contrast
check "NO_COLOR over a colourful theme: drawn" e2e_wait nocolor 15 Water Tunnels
sleep 1
check "NO_COLOR over a colourful theme: no colour was sent" e2e_raw_no_colour "$E2E_TMP/nocolor.raw"
e2e_keys nocolor q

e2e_finish

#!/usr/bin/env bash
# citydash(1) names every key of the key table (tui/keymap.c), as the help
# page names it: a key added to the table and not to KEYS (按键 in a Chinese
# page) fails here.
# Usage: test_man_keys.sh KEYNAMES PAGE
set -u
keynames=${1:?usage: test_man_keys.sh KEYNAMES PAGE}
page=${2:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$keynames" | sort -u >"$work/table" || exit 1
[ -s "$work/table" ] || {
	echo "FAIL: the key table is empty" >&2
	exit 1
}
# Tag lines of the KEYS section, split into names.
awk '/^\.SH/ { in_keys = ($0 ~ /^\.SH +"?(KEYS|按键)"?$/); next }
     in_keys && /^\.TP/ { tag = 1; next }
     in_keys && tag { print; tag = 0 }' "$page" |
	sed -e 's/^\.[A-Z]* *//' -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' |
	tr -s ' ,"()' '\n' | sed '/^$/d' | sort -u >"$work/man"
missing=$(comm -23 "$work/table" "$work/man")
if [ -n "$missing" ]; then
	echo "FAIL: keys of tui/keymap.c missing from KEYS in $page: $(tr '\n' ' ' <<<"$missing")" >&2
	exit 1
fi
echo "ok: KEYS names all $(wc -l <"$work/table") keys of the table"

#!/usr/bin/env bash
# A man page renders clean: groff at its strictest (-ww) and man -l at 80
# columns say nothing, no rendered line is wider than 80 columns, the page has
# the sections it must have, and its header carries the project's version.
# A translated page (man/LANG/) is UTF-8 with a coding tag, read through
# preconv (groff -k) as man-db reads it; MAN_LOCALE is the locale it is
# rendered in (default C.UTF-8; zh_CN.UTF-8 for the Chinese pages). Widths are
# display columns: a Chinese character is two.
# Usage: [MAN_LOCALE=L] test_man_render.sh PAGE VERSION SECTION...
set -u
page=${1:?usage: test_man_render.sh PAGE VERSION SECTION...}
version=${2:?}
shift 2
loc=${MAN_LOCALE:-C.UTF-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
	echo "FAIL: $page: $*" >&2
	exit 1
}

if ! command -v groff >/dev/null; then
	echo "SKIP: groff not found (install groff-base)"
	exit 77
fi
if [ "$loc" != C.UTF-8 ] && ! locale -a 2>/dev/null | grep -qix "${loc/UTF-8/utf8}"; then
	# A failure, not a skip: scripts/setup provides the locale.
	echo "the $loc locale is missing (scripts/setup makes it)"
	exit 1
fi
LC_ALL=$loc groff -k -man -Tutf8 -ww -z "$page" 2>"$work/err"
[ -s "$work/err" ] && fail "groff warns: $(cat "$work/err")"

grep -qE "^\.TH [^ ]+ 1 .*\"citydash $version\"" "$page" || fail ".TH does not say citydash $version"

if command -v man >/dev/null; then
	LC_ALL=$loc MANWIDTH=80 man --warnings -E UTF-8 -l "$page" >"$work/out" 2>"$work/err" ||
		fail "man -l failed: $(cat "$work/err")"
else
	# Without man-db: the same rendering, by groff itself.
	LC_ALL=$loc groff -k -man -Tutf8 -rLL=78n -P-cbou -ww "$page" >"$work/out" 2>"$work/err"
fi
[ -s "$work/err" ] && fail "man warns: $(cat "$work/err")"
width=$(LC_ALL=C.UTF-8 wc -L <"$work/out")
[ "$width" -le 80 ] || fail "a rendered line is $width columns wide: $(LC_ALL=C.UTF-8 awk 'length > 80' "$work/out")"
for section in "$@"; do
	grep -qx "$section" "$work/out" || fail "no section $section"
done
echo "ok: $page renders clean ($(wc -l <"$work/out") lines, at most $width columns)"

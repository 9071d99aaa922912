#!/usr/bin/env bash
# The man page's OPTIONS list exactly the options (short and long) that
# PROGRAM --help lists: one added to either alone fails here. With LANG, the
# translated page (its OPTIONS are 选项 in man/zh_CN/) against PROGRAM
# --lang LANG --help, which must be translated, not the English.
# Usage: test_man_options.sh PROGRAM PAGE [LANG]
set -u
prog=${1:?usage: test_man_options.sh PROGRAM PAGE [LANG]}
page=${2:?}
lang=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --help: an option starts a line indented by 1 to 6 spaces ("  -s, --source",
# "      --demo"); deeper lines continue a description.
"$prog" ${lang:+--lang "$lang"} --help >"$work/help" || {
	echo "FAIL: $prog ${lang:+--lang $lang }--help failed" >&2
	exit 1
}
if [ -n "$lang" ] && "$prog" --lang en --help | cmp -s - "$work/help"; then
	echo "FAIL: $prog --lang $lang --help is the English one (no catalogue?)" >&2
	exit 1
fi
grep -oE '^ {1,6}(-[A-Za-z], )?--?[A-Za-z][A-Za-z0-9-]*' "$work/help" |
	grep -oE -- '--?[A-Za-z][A-Za-z0-9-]*' | sort -u >"$work/in_help"

# The man page: the tag line after each .TP of the OPTIONS section, with
# roff's \- and font escapes taken out.
awk '/^\.SH/ { in_opts = ($0 ~ /^\.SH +"?(OPTIONS|选项)"?$/); next }
     in_opts && /^\.TP/ { tag = 1; next }
     in_opts && tag { print; tag = 0 }' "$page" |
	sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\f\[[^]]*\]//g' |
	grep -oE -- '(^|[ ",|[])--?[A-Za-z][A-Za-z0-9-]*' |
	sed 's/^[ ",|[]//' | sort -u >"$work/in_man"

[ -s "$work/in_help" ] || {
	echo "FAIL: found no option in $prog --help" >&2
	exit 1
}
[ -s "$work/in_man" ] || {
	echo "FAIL: found no option in the OPTIONS of $page" >&2
	exit 1
}

status=0
while read -r opt; do
	echo "FAIL: $opt is in $prog --help but not in $page" >&2
	status=1
done < <(comm -23 "$work/in_help" "$work/in_man")
while read -r opt; do
	echo "FAIL: $opt is in $page but not in $prog --help" >&2
	status=1
done < <(comm -13 "$work/in_help" "$work/in_man")
[ "$status" = 0 ] && echo "ok: $page and --help list the same $(wc -l <"$work/in_help") options: $(tr '\n' ' ' <"$work/in_help")"
exit "$status"

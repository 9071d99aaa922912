#!/usr/bin/env bash
# The language of both programs' own words: --help, errors and the
# --check-config summary are English under LANG=C and C.UTF-8, Chinese under
# a zh_CN locale (LANG, LC_ALL, LC_MESSAGES, or LANGUAGE over a UTF-8 locale),
# and --lang forces one either way. The Chinese --help is checked as a
# terminal shows it: every line within 80 columns (a Chinese character is
# two), the same options as the English, each description starting in the
# same column. Assertions are on translated words (用法, 未知选项, 配置正确),
# so they fail when the catalogue is not used.
#   test_lang.sh CITYDASH CITYDASH_MOCK
set -uo pipefail
citydash=$1 mock=$2
if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
	# A failure, not a skip: the Chinese UI is what this tests, and the
	# set-up that CI runs must provide the locale.
	echo "not ok - the zh_CN.UTF-8 locale is missing (scripts/setup makes it)"
	exit 1
fi
. "$(dirname "$0")/lib.sh"
out="$E2E_TMP/out" err="$E2E_TMP/err"

# lang_run VARS... -- COMMAND...: COMMAND in an environment with no locale
# variable but VARS; echoes the exit status.
lang_run() {
	local vars=()
	while [ "$1" != -- ]; do
		vars+=("$1")
		shift
	done
	shift
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LC_CTYPE -u LANG "${vars[@]}" timeout 60 "$@" >"$out" 2>"$err"
	echo $?
}
english() { grep -q "^Usage: $1 \[OPTION\]" "$out" && ! grep -q "用法" "$out"; }
chinese() { grep -q "^用法：$1 \[OPTION\]" "$out" && ! grep -q "^Usage:" "$out"; }
valid_utf8() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }
max_width() { LC_ALL=C.UTF-8 wc -L <"$1"; }
# The options --help lists, as test_man_options.sh reads them.
options() {
	grep -oE '^ {1,6}(-[A-Za-z], )?--?[A-Za-z][A-Za-z0-9-]*' "$1" |
		grep -oE -- '--?[A-Za-z][A-Za-z0-9-]*' | sort -u
}
# "OPTION COLUMN" for each option line (indented by 2 or 6) with a
# description on it: the column its description starts in (the option and its
# metavariable are ASCII, so bytes are columns); then "+ N" for each indent
# of a continued description.
columns() {
	sed -nE 's/^(( {2}| {6})(-[A-Za-z], )?(--?[A-Za-z][A-Za-z0-9-]*)( [A-Z][^ ]*)? +)[^ ].*/\4\t\1/p' "$1" |
		awk -F'\t' '{ print $1, length($2) }'
	grep -oE '^ {7,}' "$1" | awk '{ print "+", length($0) }' | sort -u
}

for prog in "$citydash" "$mock"; do
	name=$(basename "$prog")
	check "$name: LANG=C speaks English" test "$(lang_run LANG=C -- "$prog" --help)" = 0
	check "... --help" english "$name"
	check "$name: LANG=C.UTF-8 speaks English" test "$(lang_run LANG=C.UTF-8 -- "$prog" --help)" = 0
	check "... --help" english "$name"
	cp "$out" "$E2E_TMP/$name.en"

	check "$name: LANG=zh_CN.UTF-8 speaks Chinese" test "$(lang_run LANG=zh_CN.UTF-8 -- "$prog" --help)" = 0
	check "... --help" chinese "$name"
	cp "$out" "$E2E_TMP/$name.zh"
	check "$name: LANGUAGE=zh_CN over LANG=C.UTF-8 speaks Chinese" \
		test "$(lang_run LANGUAGE=zh_CN LANG=C.UTF-8 -- "$prog" --help)" = 0
	check "... --help" chinese "$name"
	check "$name: LC_ALL=zh_CN.UTF-8 wins over LANG=C" \
		test "$(lang_run LC_ALL=zh_CN.UTF-8 LANG=C -- "$prog" --help)" = 0
	check "... --help" chinese "$name"
	check "$name: LC_MESSAGES=zh_CN.UTF-8 speaks Chinese" \
		test "$(lang_run LC_MESSAGES=zh_CN.UTF-8 LANG=C.UTF-8 -- "$prog" --help)" = 0
	check "... --help" chinese "$name"

	check "$name: --lang en under zh_CN speaks English" \
		test "$(lang_run LANG=zh_CN.UTF-8 -- "$prog" --lang en --help)" = 0
	check "... --help" english "$name"
	check "... the English of LANG=C, byte for byte" cmp -s "$out" "$E2E_TMP/$name.en"
	check "$name: --lang zh_CN under LANG=C speaks Chinese" \
		test "$(lang_run LANG=C -- "$prog" --lang zh_CN --help)" = 0
	check "... --help" chinese "$name"
	check "... in valid UTF-8" valid_utf8 "$out"
	check "... the same as under LANG=zh_CN.UTF-8" cmp -s "$out" "$E2E_TMP/$name.zh"
	check "$name: --lang=zh speaks Chinese" test "$(lang_run LANG=C -- "$prog" --lang=zh --help)" = 0
	check "... --help" chinese "$name"
	check "$name: --lang fr is a usage error (2)" test "$(lang_run LANG=C -- "$prog" --lang fr --help)" = 2
	check "... naming the languages there are" grep -qF '"fr" (there are: en, zh_CN)' "$err"
	check "... and printing no help" test ! -s "$out"

	zh=$E2E_TMP/$name.zh en=$E2E_TMP/$name.en
	check "$name: the Chinese --help is within 80 columns" test "$(max_width "$zh")" -le 80
	check "$name: the English --help is within 80 columns" test "$(max_width "$en")" -le 80
	check "$name: the Chinese --help names the same options as the English" \
		cmp -s <(options "$en") <(options "$zh")
	check "... and has as many as the English (at least 10)" test "$(options "$zh" | wc -l)" -ge 10
	check "$name: the Chinese descriptions start in the English columns" \
		diff <(columns "$en") <(columns "$zh")
done

# Messages beyond --help.
check "an unknown option, in Chinese" test "$(lang_run LANG=zh_CN.UTF-8 -- "$citydash" --frobnicate)" = 2
check "... says 未知选项" grep -q "未知选项 --frobnicate" "$err"
check "the same under LANG=C is English" test "$(lang_run LANG=C -- "$citydash" --frobnicate)" = 2
check "... says unknown option" grep -q "unknown option --frobnicate" "$err"
check "citydash-mock: an unknown option, in Chinese" \
	test "$(lang_run LANG=zh_CN.UTF-8 -- "$mock" --frobnicate)" = 2
check "... says 未知选项" grep -q "未知选项：--frobnicate" "$err"
check "citydash-mock: a bad --port, in Chinese" \
	test "$(lang_run LANG=zh_CN.UTF-8 -- "$mock" --port 70000)" = 2
check "... naming the range in Chinese" grep -qF "（应为 0 到 65535）" "$err"
check "a usage error of the options parser, forced to Chinese" \
	test "$(lang_run LANG=C -- "$citydash" --lang zh_CN --seed 3 --source a=http://127.0.0.1:1/)" = 2
check "... says to add --demo in Chinese" grep -qF "请加上 --demo" "$err"

XDG_CONFIG_HOME=$E2E_TMP/xdg
export XDG_CONFIG_HOME
check "--check-config under zh_CN exits 0" \
	test "$(lang_run LANG=zh_CN.UTF-8 -- "$citydash" --check-config --source a=http://127.0.0.1:1/)" = 0
check "... summing up in Chinese" grep -qx "配置：仅有 --source 参数" "$out"
check "... the sources" grep -qx "数据源：1" "$out"
check "... the theme, whose name stays as it is" grep -qx "主题：high-performance" "$out"
check "... and the verdict" grep -qx "配置正确" "$out"
check "--check-config under LANG=C is English" \
	test "$(lang_run LANG=C -- "$citydash" --check-config --source a=http://127.0.0.1:1/)" = 0
check "... configuration OK" grep -qx "configuration OK" "$out"
check "a configuration error under zh_CN exits 2, in Chinese" \
	test "$(lang_run LANG=zh_CN.UTF-8 -- "$citydash" --check-config --demo)" = 2
check "... saying why" grep -qF "不能与 --demo 或 --dump 同用" "$err"

e2e_finish

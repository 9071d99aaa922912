#!/usr/bin/env bash
# End to end in Chinese: the real citydash --demo in tmux at 80×24 under
# LANG=zh_CN.UTF-8, every page visited by its key (1-9, ?) and Enter on a
# row (a domain, an event, an alarm's reading). On each screen: the page's
# title as the catalogue translates it (Chinese, not the English), no line
# wider than the terminal, no U+FFFD and no "??" (a word a charset could not
# spell). Then --lang zh_CN under LANG=C shows Chinese, and --lang en under
# zh_CN.UTF-8 shows English.
#   test_zh.sh CITYDASH LOCALE_DIR   (LOCALE_DIR: the build tree's share/locale)
set -uo pipefail
citydash=$1 locale_dir=$2
. "$(dirname "$0")/lib.sh"

COLS=80 ROWS=24

# zh MSGID: the catalogue's Chinese for MSGID, as the program looks it up.
zh() { LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 TEXTDOMAINDIR=$locale_dir gettext -d citydash -- "$1"; }

# translated MSGID: the catalogue has Chinese for it (else the page's words
# cannot be looked for).
translated() {
	local t
	t=$(zh "$1")
	if [ "$t" = "$1" ] || ! LC_ALL=C grep -q $'[\x80-\xff]' <<<"$t"; then
		echo "no Chinese for \"$1\" in $locale_dir/zh_CN (got \"$t\")" >&2
		return 1
	fi
}

# sane NAME: every line of the screen at most COLS display columns, no
# U+FFFD, no "??".
sane() {
	local screen bad=0 n=0 line w
	screen=$(e2e_screen "$1")
	while IFS= read -r line; do
		n=$((n + 1))
		w=$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -L)
		if ((w > COLS)); then
			echo "line $n is $w columns wide: [$line]" >&2
			bad=1
		fi
	done <<<"$screen"
	if LC_ALL=C grep -n $'\xef\xbf\xbd' <<<"$screen" >&2; then
		echo "U+FFFD on the screen (above)" >&2
		bad=1
	fi
	if grep -nF '??' <<<"$screen" >&2; then
		echo "\"??\" on the screen (above)" >&2
		bad=1
	fi
	((bad == 0)) || echo "$screen" >&2
	return $bad
}

# keybar_cjk NAME: the key bar (the row above the status bar, where no data
# is drawn) holds a CJK character.
keybar_cjk() {
	e2e_screen "$1" | sed -n "$((ROWS - 1))p" | LC_ALL=C.UTF-8 grep -qP '[\x{3400}-\x{9fff}]'
}

no_keybar_cjk() { ! keybar_cjk "$1"; }

# rows_fit NAME: the rows between the title and the key bar span the
# terminal exactly and end with a border (the overview's blocks).
rows_fit() { e2e_screen "$1" | e2e_rows_fit $COLS 2 $((ROWS - 2)); }

# title_is NAME TEXT: the title line (the first) names the page TEXT.
title_is() { e2e_wait "$1" 5 "│ $2"; }

# visit NAME KEY MSGID [CRUMB_MSGID]: KEY opens the page titled MSGID (or
# "MSGID › CRUMB" for a domain); the screen shows it in Chinese, and sanely.
visit() {
	local s=$1 key=$2 title=$3 crumb=${4:-} want
	e2e_keys "$s" "$key"
	check "key $key: the page's title \"$title\" is translated" translated "$title"
	want=$(zh "$title")
	[ -n "$crumb" ] && want="$want › $(zh "$crumb")"
	check "key $key: the title line shows \"$want\"" title_is "$s" "$want"
	check "key $key ($title): every line fits in $COLS columns, no U+FFFD, no ??" sane "$s"
	check "key $key ($title): the key bar is in Chinese" keybar_cjk "$s"
}

s=zh
E2E_ENV="LANGUAGE= LANG=zh_CN.UTF-8" e2e_start "$s" $COLS $ROWS "$citydash" --demo --seed 7
check "LANG=zh_CN.UTF-8: the overview comes up in Chinese" \
	e2e_wait "$s" 15 "│ $(zh Overview)" "$(zh Water)" "$(zh Power)"
check "the overview's title is translated" translated Overview
check "the Water and Power blocks are translated" translated Water
check "the overview's key bar is in Chinese" keybar_cjk "$s"
check "the overview: every line fits, no U+FFFD, no ??" sane "$s"
check "the overview: every row between the bars spans the terminal and ends with its border" \
	rows_fit "$s"
visit "$s" Enter Overview Water # the focused block: water
visit "$s" Escape Overview
visit "$s" 2 KPIs
visit "$s" 3 Events
# Enter opens the selected row, so the list must have one: the demo's events
# and first alarms come a few seconds after start (on a loaded machine, after
# the page's key), and Enter on an empty list rightly does nothing. Event rows
# begin with the severity's marks.
check "the event list has a row to open" e2e_wait "$s" 20 "│ !"
visit "$s" Enter Event
visit "$s" Escape Events
visit "$s" 4 Tiers
visit "$s" 5 Alarms
# Likewise the alarm list, whose unacknowledged rows begin with ▲.
check "the alarm list has a row to open" e2e_wait "$s" 20 "│ ▲"
visit "$s" Enter Reading
visit "$s" Escape Alarms
visit "$s" 6 "Alarm history"
visit "$s" 7 Sources
visit "$s" 8 Wall
visit "$s" 9 Scope
visit "$s" Escape Wall
visit "$s" '?' Help
visit "$s" BSpace Wall
visit "$s" 1 Overview
e2e_keys "$s" q
check "q quits with status 0" test "$(e2e_wait_exit "$s" 10)" = 0

# --lang zh_CN where the locale is C: Chinese all the same (i18n_start takes
# a UTF-8 character type), never "??".
s=langc
E2E_ENV="LANGUAGE= LANG=C LC_ALL=C" e2e_start "$s" $COLS $ROWS "$citydash" --demo --seed 7 --lang zh_CN
check "--lang zh_CN under LANG=C: the overview in Chinese" \
	e2e_wait "$s" 15 "│ $(zh Overview)" "$(zh Water)"
check "--lang zh_CN under LANG=C: every line fits, no U+FFFD, no ??" sane "$s"
check "--lang zh_CN under LANG=C: the key bar is in Chinese" keybar_cjk "$s"
e2e_keys "$s" q
check "--lang zh_CN under LANG=C: q quits with status 0" test "$(e2e_wait_exit "$s" 10)" = 0

# --lang en where the locale is Chinese: English.
s=langen
E2E_ENV="LANGUAGE= LANG=zh_CN.UTF-8" e2e_start "$s" $COLS $ROWS "$citydash" --demo --seed 7 --lang en
check "--lang en under LANG=zh_CN.UTF-8: the overview in English" \
	e2e_wait "$s" 15 "│ Overview" "Water (" "? Help"
check "--lang en under LANG=zh_CN.UTF-8: no Chinese on the key bar" no_keybar_cjk "$s"
e2e_keys "$s" q
check "--lang en: q quits with status 0" test "$(e2e_wait_exit "$s" 10)" = 0

e2e_finish

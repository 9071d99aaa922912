#!/usr/bin/env bash
# End to end, the three tiers: the real citydash against the seeded mock city
# at --scale city, in tmux at 120x40. The tier page (4), Enter into a district,
# into a street, onto a reading (its own page: name, place, limits), then
# Backspace three times back up to the city, each screen checked; the KPI
# board (2) and the events board (3). Then `--scope 江北区`: the tier and
# events pages show nothing of another district. Then `--dump --page NAME`
# for every page name with --scope: exit 0 and the page's own text.
#   test_drill.sh CITYDASH MOCK
set -uo pipefail
citydash=$1 mock=$2
. "$(dirname "$0")/lib.sh"

DISTRICT=江北区

check "the city mock starts" e2e_start_mock "$mock" --scale city --seed 7
base=$E2E_MOCK_BASE
cfg="$E2E_TMP/city.json"
{
	echo '{"defaults": {"timeout_ms": 10000}, "sources": ['
	for d in water power gas telecom bridge tunnel; do
		echo "{\"name\": \"$d\", \"url\": \"$base/v1/feeds/$d\"},"
	done
	echo "{\"name\": \"kpis\", \"url\": \"$base/v1/kpis\", \"interval_ms\": 5000},"
	echo "{\"name\": \"events\", \"url\": \"$base/v1/events\", \"interval_ms\": 2000}]}"
} >"$cfg"

# Every district of the city, as the feeds name them; and all but ours.
for path in /v1/feeds/water /v1/feeds/power /v1/feeds/gas /v1/feeds/telecom \
	/v1/feeds/bridge /v1/feeds/tunnel /v1/kpis /v1/events; do
	curl -s --max-time 10 "$base$path"
done | grep -o '"district":"[^"]*"' | cut -d'"' -f4 | sort -u >"$E2E_TMP/districts"
grep -vxF "$DISTRICT" "$E2E_TMP/districts" >"$E2E_TMP/others"
check "the city has 40 districts, $DISTRICT among them" \
	bash -c '[ "$(wc -l <"$0")" -eq 40 ] && grep -qxF "$1" "$0"' "$E2E_TMP/districts" "$DISTRICT"

# title NAME TEXT: the title line holds TEXT (the scope is always there); an
# empty name, or a scope with an empty part, is no name.
title() {
	case "$2" in "" | /* | */) echo "no name to look for: [$2]" >&2 && return 1 ;; esac
	e2e_screen "$1" | head -1 | grep -qF -- "$2"
}

# first_row NAME HEADING: the name in the first row under the table's
# heading line, the one whose first word is HEADING (or whose second, after
# "state"); the name: after the border, the state markers and the state's
# word, up to the first blank.
first_row() {
	e2e_screen "$1" | awk -v h="$2" '
		found { print; exit }
		($1 == "│" || $1 == "|") && ($2 == h || ($2 == "state" && $3 == h)) { found = 1 }' |
		sed -e 's/^[│|]//' -e 's/^[!x#?~ -]*//' \
			-e 's/^\(ALARM\|WARN\|BAD\|NOLIM\|STALE\|NULL\|DOUBT\) *//' | awk '{ print $1 }'
}

# none_of FILE TEXT: no line of FILE (fixed strings) occurs in TEXT.
none_of() {
	local hit
	hit=$(grep -oFf "$1" <<<"$2" | sort -u | tr '\n' ' ')
	[ -z "$hit" ] || {
		echo "outside the scope, yet shown: $hit" >&2
		echo "$2" >&2
		return 1
	}
}

# ---- drilling down and back up ----
s=drill
e2e_start "$s" 120 40 "$citydash" --config "$cfg"
check "the overview comes up with every source" e2e_wait "$s" 60 "kpis ✔" "events ✔" "Alarms"
e2e_keys "$s" 4
check "4: the city's districts" e2e_wait "$s" 10 "40 districts" "district" "readings" "worst KPI"
check "... the title names the city scope" title "$s" "City"
d=$(first_row "$s" district)
check "... a district in the first row" grep -qxF -- "$d" "$E2E_TMP/districts"

e2e_keys "$s" Enter
check "Enter: the streets of $d" e2e_wait "$s" 10 "$d: " "streets" "street"
check "... the title shows $d" title "$s" "$d"
st=$(first_row "$s" street)
check "... a street in the first row" test -n "$st"

e2e_keys "$s" Enter
check "Enter: the readings of $d/$st" e2e_wait "$s" 10 "$d/$st: " "readings" "reading"
check "... the title shows $d/$st" title "$s" "$d/$st"
name=$(first_row "$s" reading)
name=${name%%…*} # a name cut to fit: its head
check "... a reading in the first row" test -n "$name"

e2e_keys "$s" Enter
check "Enter: the reading's own page (name, place, id, limits)" \
	e2e_wait "$s" 10 "$name" "$d $st" "id " "limits" "quality"
check "... its id is shown" bash -c 'grep -qE "id +[a-z]+\.[a-z0-9_.]+" <<<"$0"' \
	"$(e2e_screen "$s")"

e2e_keys "$s" BSpace
check "Backspace: back to the street's readings" e2e_wait "$s" 10 "$d/$st: " "readings"
check "... the title shows $d/$st" title "$s" "$d/$st"
e2e_keys "$s" BSpace
check "Backspace: back to the streets of $d" e2e_wait "$s" 10 "$d: " "streets"
check "... the title shows $d" title "$s" "$d"
e2e_keys "$s" BSpace
check "Backspace: back to the city's districts" e2e_wait "$s" 10 "40 districts"
check "... the title names the city again" title "$s" "City"

e2e_keys "$s" 2
check "2: the KPI board with the five indices" \
	e2e_wait "$s" 10 "发展" "建设" "运维" "服务" "健康" "911 KPIs"
e2e_keys "$s" 3
check "3: the events board" e2e_wait "$s" 10 "Events: " "open" "severity" "stage"
e2e_keys "$s" q
check "q quits with status 0" test "$(e2e_wait_exit "$s" 10)" = 0

# ---- one district's centre: --scope ----
s=scoped
e2e_start "$s" 120 40 "$citydash" --config "$cfg" --scope "$DISTRICT"
check "--scope $DISTRICT: the overview comes up" e2e_wait "$s" 60 "kpis ✔" "events ✔" "Alarms"
check "... the title shows $DISTRICT" title "$s" "$DISTRICT"
e2e_keys "$s" 4
check "4: the streets of $DISTRICT" e2e_wait "$s" 10 "$DISTRICT: " "streets"
check "... and nothing of another district" none_of "$E2E_TMP/others" "$(e2e_screen "$s")"
e2e_keys "$s" 3
check "3: the events of $DISTRICT" e2e_wait "$s" 10 "Events: " "$DISTRICT "
check "... and nothing of another district" none_of "$E2E_TMP/others" "$(e2e_screen "$s")"
e2e_keys "$s" q
check "q quits with status 0" test "$(e2e_wait_exit "$s" 10)" = 0

# ---- every page from the command line, within the scope ----
# Items of the scope, from the feeds: a reading, a KPI and an event that is
# not closed (events move on: taken just before their dump).
reading=$(curl -s --max-time 10 "$base/v1/feeds/water" |
	grep -o '"id":"water\.jiangbei\.[^"]*"' | head -1 | cut -d'"' -f4)
kpi=$(curl -s --max-time 10 "$base/v1/kpis" |
	grep -o '"id":"district\.[a-z_]*\.jiangbei"' | head -1 | cut -d'"' -f4)
check "the feeds have a reading and a KPI of $DISTRICT" test -n "$reading" -a -n "$kpi"

out="$E2E_TMP/dump.out" err="$E2E_TMP/dump.err"
# dump PAGE TEXT...: --dump --scope --page PAGE exits 0 and prints every TEXT.
dump() {
	local page=$1
	shift
	timeout 60 env LANG=C.UTF-8 "$citydash" --config "$cfg" --dump --size 160x48 \
		--scope "$DISTRICT" --page "$page" >"$out" 2>"$err"
	local rc=$?
	if [ "$rc" != 0 ]; then
		echo "--page $page: exit status $rc: $(cat "$err")" >&2
		return 1
	fi
	for t in "$@"; do
		grep -qF -- "$t" "$out" || {
			echo "--page $page: no [$t] in:" >&2
			cat "$out" >&2
			return 1
		}
	done
}

check "--dump --page overview" dump overview "$DISTRICT" "Water" "Tunnels"
check "--dump --page kpis" dump kpis "发展" "健康" "KPIs"
check "... nothing of another district" none_of "$E2E_TMP/others" "$(cat "$out")"
check "--dump --page events" dump events "Events" "$DISTRICT"
check "... nothing of another district" none_of "$E2E_TMP/others" "$(cat "$out")"
check "--dump --page tiers" dump tiers "$DISTRICT: " "streets"
check "... nothing of another district" none_of "$E2E_TMP/others" "$(cat "$out")"
check "--dump --page alarms" dump alarms "larms"
check "... nothing of another district" none_of "$E2E_TMP/others" "$(cat "$out")"
check "--dump --page sources" dump sources "water" "kpis" "events"
check "--dump --page help" dump help "Keys" "quit"
check "--dump --page domain:water" dump domain:water "Water" "$DISTRICT"
check "... nothing of another district" none_of "$E2E_TMP/others" "$(cat "$out")"
check "--dump --page reading:$reading" dump "reading:$reading" "$reading" "limits"
check "--dump --page kpi:$kpi" dump "kpi:$kpi" "$kpi"
event=$(curl -s --max-time 10 "$base/v1/events" |
	grep -o "\"id\":\"EV-[0-9]*\"[^}]*\"district\":\"$DISTRICT\",\"street\":\"[^\"]*\"},\"level\":\"[a-z]*\",\"stage\":\"[a-z]*\"" |
	grep -v '"stage":"closed"' | head -1 | cut -d'"' -f4)
check "the feeds have an open event of $DISTRICT" test -n "$event"
check "--dump --page event:$event" dump "event:$event" "$event"

# Outside the scope: the city's own KPI is not the district's.
city_kpi=$(curl -s --max-time 10 "$base/v1/kpis" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
timeout 60 "$citydash" --config "$cfg" --dump --scope "$DISTRICT" --page "kpi:$city_kpi" \
	>"$out" 2>"$err"
check "--page kpi:$city_kpi (city-wide) with --scope $DISTRICT exits 1" test $? = 1
check "... saying it is outside the scope, printing nothing" \
	bash -c 'grep -q "outside the scope" "$0" && test ! -s "$1"' "$err" "$out"

e2e_finish

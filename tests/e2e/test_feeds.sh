#!/usr/bin/env bash
# End to end, as an on-call operator would meet it: no colour and a plain
# C locale over SSH, and a feed that dies under a running dashboard.
#   test_feeds.sh CITYDASH CITYDASH_MOCK
set -uo pipefail
citydash=$1
mock=$2
. "$(dirname "$0")/lib.sh"

check "mock city started on an ephemeral port" e2e_start_mock "$mock" --seed 11
base=$E2E_MOCK_BASE
mock_pid=$E2E_MOCK_PID

sources=(--source "water=$base/v1/feeds/water" --source "power=$base/v1/feeds/power"
	--source "gas=$base/v1/feeds/gas" --source "telecom=$base/v1/feeds/telecom"
	--source "bridge=$base/v1/feeds/bridge" --source "tunnel=$base/v1/feeds/tunnel")

# NO_COLOR and LANG=C: ASCII only, markers instead of colour, nothing garbled.
# What tmux shows (capture-pane) never holds an escape sequence, and a byte
# it cannot show is already gone: the checks read the bytes citydash sent.
E2E_ENV="NO_COLOR=1 LANG=C" e2e_start_raw plain 80 24 "$citydash" "${sources[@]}"
check "NO_COLOR LANG=C: overview drawn in ASCII" e2e_wait plain 10 Water Tunnels "Alarms:" \
	"water" "+- Water (45) "
check "NO_COLOR LANG=C: the sources marked ok in ASCII (water + 0s, or compact water+0s)" \
	bash -c 'grep -qE "water ?\+" <<<"$0"' "$(e2e_screen plain)"
raw="$E2E_TMP/plain.raw"
check "NO_COLOR LANG=C: something was recorded" test -s "$raw"
check "NO_COLOR LANG=C: no byte above 0x7f was sent (no UTF-8 for a C terminal)" \
	bash -c '! LC_ALL=C grep -q "[^[:print:][:cntrl:]]" "$0"' "$raw"
check "NO_COLOR LANG=C: no colour was sent (SGR 30-49, 90-107)" e2e_raw_no_colour "$raw"
check "NO_COLOR LANG=C: no byte shown in meta notation (M-x)" \
	bash -c '! tmux -u -S "$0" capture-pane -p -t plain | grep -q "M-"' "$E2E_SOCKET"
check "NO_COLOR LANG=C: readings are named by their ASCII ids, none by a \"?\"" \
	e2e_names_are_ids plain
e2e_keys plain q
check "NO_COLOR LANG=C: q quits with status 0" test "$(e2e_wait_exit plain 10)" = 0

# A feed that dies: everything turns failing and stale, nothing freezes.
e2e_start live 120 40 "$citydash" "${sources[@]}" \
	--source "missing=$base/v1/feeds/nowhere"
check "live: all sources ok but the missing path, which says why" \
	e2e_wait live 10 "water" "tunnel" "✔" "✖ HTTP status 404 (no data): missing"
kill "$mock_pid"
wait "$mock_pid" 2>/dev/null
check "mock killed: sources show failing with the reason" e2e_wait live 15 "✖" "onnect"
no_source_ok() {
	local deadline=$((SECONDS + 15))
	while e2e_screen live | tail -1 | grep -q "✔"; do
		((SECONDS < deadline)) || return 1
		sleep 0.2
	done
}
check "mock killed: no source is shown ok any more" no_source_ok
# A dead source is one communications alarm, its readings' alarms suppressed
# under it (counted), not a list of stale alarms.
check "mock killed: readings turn stale, counted per domain; one communications alarm per source" \
	e2e_wait live 15 "stale 45" "stale 32" "source:water  communications" " suppressed"
e2e_keys live Enter
check "mock killed: keys still answer at once" e2e_wait live 3 "Overview › Water"
e2e_keys live q
check "live: q quits with status 0" test "$(e2e_wait_exit live 10)" = 0

e2e_finish

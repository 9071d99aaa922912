#!/usr/bin/env bash
# End to end: what citydash writes is what it means to show. Under LANG=C
# every byte is ASCII and spelled, never '?' (units as degC, m3/h, ue; a
# CJK source name by code point); a password in a source's URL is never
# printed, neither by --dump, nor in its error report, nor on the sources
# page, nor in a command-line error.
#   test_shown.sh CITYDASH CITYDASH_MOCK DATA_DIR
set -uo pipefail
citydash=$1
mock=$2
data=$3
. "$(dirname "$0")/lib.sh"
out="$E2E_TMP/out" err="$E2E_TMP/err"

run() { timeout 60 "$@" >"$out" 2>"$err"; echo $?; }

check "mock serving a feed of units started" e2e_start_mock "$mock" --seed 5 \
	--serve "/v1/feeds/units=$data/units_feed.json"
host=${E2E_MOCK_BASE#http://}
secret_url="http://op:hunter2@$host/v1/feeds/units"

# ---- LANG=C: ASCII, spelled ----
check "LANG=C --dump of a feed with units and a CJK source name exits 0" \
	test "$(run env LANG=C LC_ALL=C "$citydash" --dump --size 120x40 --source "电力=$secret_url")" = 0
check "... every byte is ASCII" bash -c '! LC_ALL=C grep -q "[^ -~]" "$0"' "$out"
check "... °C is degC" grep -q "61.50 degC" "$out"
check "... m³/h is m3/h" grep -q "973.0 m3/h" "$out"
check "... με (microstrain) is ue" grep -q "68.00 ue" "$out"
check "... µS/cm is uS/cm" grep -q "4.10 uS/cm" "$out"
check "... the source 电力 is named by code point" grep -q "U+7535U+529B" "$out"
check "... and no '?' but the help key's" bash -c '! sed -e "s/? help//" -e "s/? Help//" "$0" | grep -q "?"' "$out"
check "... nor the password" bash -c '! grep -q hunter2 "$0" "$1"' "$out" "$err"

# ---- credentials ----
# A port nobody listens on: one a mock had, closed again.
"$mock" --port 0 >"$E2E_TMP/gone.out" 2>&1 &
gone_pid=$!
for _ in $(seq 50); do
	grep -q "listening on" "$E2E_TMP/gone.out" && break
	sleep 0.1
done
dead=$(sed -n 's/^listening on http:\/\/\([^ ]*\).*/\1/p' "$E2E_TMP/gone.out")
kill "$gone_pid"
wait "$gone_pid" 2>/dev/null
check "--dump of a dead source with a password exits 1" \
	test "$(run "$citydash" --dump --source "dead=http://op:hunter2@$dead/v1/feeds/water")" = 1
check "... its report shows the URL, password masked" \
	grep -qF "dead (http://op:***@$dead/v1/feeds/water)" "$err"
check "... and never the password" bash -c '! grep -q hunter2 "$0" "$1"' "$out" "$err"
check "a bad --source with a password is a usage error (2)" \
	test "$(run "$citydash" --source "bad=ftp://op:hunter2@host/")" = 2
check "... whose message masks it" bash -c 'grep -qF "op:***@host" "$0" && ! grep -q hunter2 "$0"' "$err"

e2e_start src 100 30 "$citydash" --source "units=$secret_url"
e2e_keys src s
check "sources page: the URL is shown with its password masked" \
	e2e_wait src 10 "http://op:***@$host/v1/feeds/units"
check "... and the password nowhere on screen" bash -c '! tmux -u -S "$0" capture-pane -p -t src | grep -q hunter2' "$E2E_SOCKET"
e2e_keys src q
check "q quits with status 0" test "$(e2e_wait_exit src 10)" = 0

e2e_finish

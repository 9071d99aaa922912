#!/usr/bin/env bash
# End to end, through --dump: a source that fails or never answered never
# looks like "all clear". Beside a live feed, a dead one is named in the
# title, in the block of the domain it is named after, and in the alarm
# pane; a dead feed alone prints no frame at all (exit 1). The dead feed is
# on port 0, where nothing can listen (port 1 may be taken on a shared host).
#   test_never_all_clear.sh CITYDASH CITYDASH_MOCK
set -uo pipefail
citydash=$1
mock=$2
. "$(dirname "$0")/lib.sh"
out="$E2E_TMP/out" err="$E2E_TMP/err"

run() { timeout 60 env LANG=C.UTF-8 "$@" >"$out" 2>"$err"; echo $?; }

check "mock city started" e2e_start_mock "$mock" --seed 5
base=$E2E_MOCK_BASE

check "a dead source alone: --dump exits 1" \
	test "$(run "$citydash" --dump --source water=http://127.0.0.1:0/x)" = 1
check "... and says nothing is all clear" \
	bash -c '! grep -q "alarms: 0 high\|No reading is beyond a limit" "$0" "$1"' "$out" "$err"
check "... but that it failed" grep -q "water (http://127.0.0.1:0/x)" "$err"

check "a live and a dead source: --dump exits 0" \
	test "$(run "$citydash" --dump --size 120x40 --source "water=$base/v1/feeds/water" \
		--source power=http://127.0.0.1:0/v1/feeds/power)" = 0
title=$(head -1 "$out")
check "the title says a source is failing" grep -q "1 source failing" <<<"$title"
check "the block of its domain names it, with the reason" \
	grep -q "source power failing: cannot connect" "$out"
check "blocks with no data do not claim nobody sends them" \
	bash -c '! grep -q "no source sends readings" "$0"' "$out"
check "domains no source sends give their room to the two" \
	bash -c '! grep -q "Gas (" "$0"' "$out"
check "the alarm pane never says all clear" \
	bash -c '! grep -q "No reading is beyond a limit" "$0"' "$out"
e2e_finish

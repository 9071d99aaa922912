#!/usr/bin/env bash
# End to end: feeds that lie, next to one that tells the truth. A document
# that is not JSON or speaks another version fails whole and says why; bad
# elements are skipped and counted on the sources page; escape sequences in
# names never reach the terminal; the honest feed is untouched.
#   test_lies.sh CITYDASH CITYDASH_MOCK DATA_DIR
set -uo pipefail
citydash=$1
mock=$2
data=$3
. "$(dirname "$0")/lib.sh"

# The liar's document is dated 25 hours before now (not a fixed date, which
# the calendar would overtake): a day old, whenever the test runs.
lying="$E2E_TMP/lying_feed.json"
sed "s/\"generated_at\": \"[^\"]*\"/\"generated_at\": \"$(date -u -d '25 hours ago' +%Y-%m-%dT%H:%M:%SZ)\"/" \
	"$data/lying_feed.json" >"$lying"
check "mock city with lying feeds started" e2e_start_mock "$mock" --seed 3 \
	--serve "/v1/feeds/lies=$lying" \
	--serve "/v1/feeds/v2=$data/version2.json" \
	--serve "/v1/feeds/html=$data/not_json.html"
base=$E2E_MOCK_BASE

e2e_start_raw lies 120 40 "$citydash" --source "water=$base/v1/feeds/water" \
	--source "lies=$base/v1/feeds/lies" --source "v2=$base/v1/feeds/v2" \
	--source "html=$base/v1/feeds/html"
check "the honest feed is ok beside the liars" e2e_wait lies 10 "water" "Water (45)"
check "... and marked ok (water ✔ 0s, or compact water✔0s)" \
	bash -c 'grep -qE "water ?✔" <<<"$0"' "$(e2e_screen lies)"
# The liar's data is a day old: it is shown as old, however often the mock
# sends it again.
check "a feed dated a day back is shown a day old, not fresh" e2e_wait lies 10 "lies ~ 1d"
check "a document of another version fails whole, saying why" \
	e2e_wait lies 10 "unsupported protocol version 2"
check "escape sequences in a name never reach the terminal" \
	test "$(tm display-message -p -t lies '#{pane_title}')" != "HACKED"
# The bytes sent, not what tmux made of them: curses never sends an OSC or
# "clear screen" in this form, the liar's name holds both.
raw="$E2E_TMP/lies.raw"
check "... not one byte of them: no OSC, no HACKED, no ESC [2J in what was sent" \
	bash -c 'test -s "$0" && ! LC_ALL=C grep -aq -e $'"'"'\e]'"'"' -e HACKED -e $'"'"'\e\[2J'"'"' "$0"' "$raw"
check "... and the screen was not cleared: the title line is still there" \
	e2e_wait lies 3 "citydash │ 全市/City │ Overview"

e2e_keys lies s
check "sources page: the HTML page fails as not JSON" e2e_wait lies 5 "html" "not JSON"
check "sources page: the honest feed used every element" \
	bash -c 'tmux -u -S "$0" capture-pane -p -t lies | grep -A2 "water .*✔ ok" | grep -q "every element used"' \
	"$E2E_SOCKET"
check "sources page: bad elements skipped and counted, with the first reason" \
	e2e_wait lies 5 "4 elements skipped, 1 repeated id, 1 limits out of order, ignored" "first problem: reading \"lie.string\": \"value\" is neither a number nor null"
e2e_keys lies Escape

# Power block: the liar's good elements are there, sanitized.
e2e_keys lies Tab Enter
check "the sanitized name is shown, control sequences gone" \
	e2e_wait lies 5 "Overview › Power" "改标题清屏测试"
check "null is shown as no value, never as 0" \
	bash -c 'tmux -u -S "$0" capture-pane -p -t lies | grep "LIE no value now" | grep -q "no value"' \
	"$E2E_SOCKET"
check "the last of a repeated id wins" \
	bash -c 's=$(tmux -u -S "$0" capture-pane -p -t lies); grep -q "LIE second copy wins" <<<"$s" && ! grep -q "LIE first copy" <<<"$s"' \
	"$E2E_SOCKET"
# Counted, not only looked for on a page that might scroll: the liar's 4
# good power readings (the repeated id is one reading), nothing else.
check "skipped elements are not stored: Power holds the 4 good readings" \
	e2e_wait lies 5 "Power: 4 readings"
check "skipped elements are not shown" \
	bash -c '! tmux -u -S "$0" capture-pane -p -t lies | grep -q "LIE string value\|LIE infinite\|LIE missing id\|LIE malformed"' \
	"$E2E_SOCKET"
e2e_keys lies Escape
check "a domain outside the six gets its own block" e2e_wait lies 5 "Other (1)"
e2e_keys lies Tab Tab Tab Tab Tab Enter # from Power, the focus after its page
check "... and page, where the feed's token is shown" \
	e2e_wait lies 5 "Overview › Other" "metro: LIE a domain of its own"
e2e_keys lies q
check "q quits with status 0" test "$(e2e_wait_exit lies 10)" = 0

e2e_finish

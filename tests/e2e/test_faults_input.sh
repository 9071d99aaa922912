#!/usr/bin/env bash
# End to end, issue 13 (faults, part 2: hostile documents): a real citydash
# in tmux polls tests/tools/fault_feed every second while the feed answers
# bytes that are not UTF-8 (nor JSON), a truncated document, an HTML page
# and "version": 2: each fails whole with its
# reason on the sources page and in the status bar, citydash stays up and
# answers a key, and the source recovers within one interval plus a
# tolerance (faults_lib.sh). Names with invalid UTF-8 and with escape
# sequences in every form (OSC title, ESC[2J, DCS, C1 0x9b/0x9d raw, as
# U+009B/U+009D, \u-escaped, ESC and BEL raw) are taken: the source stays ok,
# and they are shown sanitized. No byte of any of it reaches the terminal
# (the bytes sent, the pane's title and contents), and the peak RSS stays
# under the README's bound.
#   test_faults_input.sh CITYDASH FAULT_FEED [nomemory]
set -uo pipefail
citydash=$1
fault_feed=$2
[ "${3:-}" = nomemory ] && FAULTS_NO_MEMORY=1
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/faults_lib.sh"

faults_begin "$citydash" "$fault_feed"

# Rejected whole: the reason is citydash's own words (docs/protocol.md).
fault_cycle garbage "not JSON (syntax error near byte 0)"
fault_cycle truncated "not JSON (syntax error near byte "
fault_cycle html "not JSON (syntax error near byte 0)"
fault_cycle v2 "unsupported protocol version 2 (this client speaks 1)"

# Accepted, sanitized: the good readings stay, the name is shown cleaned.
# shown_on KEYS WHAT TEXT...: after KEYS, the page shows every TEXT.
shown_on() {
	local keys=$1 what=$2
	shift 2
	# shellcheck disable=SC2086 # KEYS are several keys
	e2e_keys f $keys
	check "$what" e2e_wait f 10 "$@"
}
check "badutf8: the feed turns badutf8" ff_mode badutf8
shown_on 1 "badutf8: each invalid sequence shown as U+FFFD, the source ok" \
	"bad�� overlong�� surrogate��� cut� end" "faulty ✔"
check "badutf8: citydash is up" cd_alive

# Raw ESC and BEL in a JSON string (RFC 8259 wants them \u-escaped): the
# parser takes them, the sanitizer removes each sequence whole.
check "rawesc: the feed turns rawesc" ff_mode rawesc
shown_on 1 "rawesc: the name shown sanitized, the source ok" "Jiangbei OSC st cls end" "faulty ✔"
check "rawesc: the screen was not cleared (the title line is there)" \
	e2e_wait f 3 "citydash │ 全市/City │ Overview"

check "escapes: the feed turns escapes" ff_mode escapes
# What the sanitizer leaves: ESC and 8-bit (U+009B/U+009D) sequences go
# whole, a raw 0x9b or 0x9d byte (invalid UTF-8) becomes U+FFFD and what
# followed it is plain text.
clean="OSC title cls dcs raw�2J�0;raw9d utf json end"
shown_on 1 "escapes: the name shown sanitized on the overview, the source ok" \
	"district OSC title" "tf json end" "faulty ✔"
check "escapes: the screen was not cleared (the title line is there)" \
	e2e_wait f 3 "citydash │ 全市/City │ Overview"
check "escapes: a domain token with escapes gets its block, sanitized" \
	e2e_wait f 5 "Other (1)" "metro: Other reading"
shown_on 2 "escapes: ... on the KPI board (its category the sanitized place)" \
	"▾ district  1 KPI" "OSC title cls dcs raw"
shown_on 3 "escapes: ... on the events board" "${clean%nd}"
shown_on "1 Enter" "escapes: ... on the water page" "Overview › Water" "OSC title cls"
shown_on "Escape Tab Enter" "escapes: ... on the page of the domain of its own" \
	"Overview › Other" "metro: Other reading"
e2e_keys f Escape
e2e_keys f s
check "escapes: sources page: nothing failing; the malformed id skipped, not quoted" \
	e2e_wait f 5 "Sources: 1, 0 failing" "$SRC_OK" "1 element skipped" \
	"first problem: reading #4: has a malformed id"
check "escapes: citydash is up and answers a key" responsive
ff_mode good
shown_on 1 "escapes: the good names are back" "Fault feed level"

check "citydash is up" cd_alive
memory_bounded
no_escape_reached
quits
e2e_finish

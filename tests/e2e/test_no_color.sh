#!/usr/bin/env bash
# End to end: NO_COLOR (no-color.org) and --no-color. With either, no colour
# escape reaches the terminal on any page of `citydash --demo` — neither in
# the bytes citydash sends (tmux pipe-pane) nor in the pane as tmux holds it
# (capture-pane -e) — while attributes (bold, reverse) still mark what
# matters. The same run with colour allowed (NO_COLOR unset, or set but
# empty, which no-color.org says to ignore) does send colour, so the checks
# can fail. Last, a feed whose names and units carry colour escapes (SGR 31,
# 38;5, 48;2, and an 8-bit CSI) shown under NO_COLOR: its text is there,
# its colours are not (test_lies.sh has the other escapes: titles, clearing,
# moving the cursor).
#   test_no_color.sh CITYDASH CITYDASH_MOCK DATA_DIR
set -uo pipefail
citydash=$1
mock=$2
data=$3
. "$(dirname "$0")/lib.sh"

# The pages visited, each with the key that opens it and what its title says.
pages=("1|│ Overview" "Enter|Overview › Water" "Escape|│ Overview" "2|│ KPIs" "3|│ Events"
	"4|│ Tiers" "a|│ Alarms" "H|│ Alarm history" "Escape|│ Alarms" "s|│ Sources" "?|│ Help")

# visit NAME: every page in turn, each as tmux shows it (with escapes)
# appended to $E2E_TMP/NAME.panes.
visit() {
	local name=$1 p key title
	for p in "${pages[@]}"; do
		key=${p%%|*} title=${p#*|}
		e2e_keys "$name" "$key"
		e2e_wait "$name" 5 "$title" || return 1
		sleep 0.3 # the rest of the frame after its title
		tm capture-pane -e -p -t "$name" >>"$E2E_TMP/$name.panes"
	done
}

# sgr_params FILE: every parameter of every SGR sequence in FILE, one a line
# (38;5;196 gives 38, 5 and 196; an empty one, ESC [ m, gives 0).
sgr_params() {
	LC_ALL=C grep -ao $'\e\\[[0-9;:]*m' "$1" | LC_ALL=C tr -d '\033[m' | sed 's/^$/0/' |
		tr ';:' '\n\n'
}

# pane_no_colour FILE: no SGR in the captured panes sets a colour (30-38,
# 40-48, 90-97, 100-107). 39 and 49 (back to the default colours) are allowed
# here: tmux's capture writes them after every reset, whatever the program sent.
pane_no_colour() {
	local bad
	bad=$(sgr_params "$1" | grep -xE '3[0-8]|4[0-8]|9[0-7]|10[0-7]' | sort -u | tr '\n' ' ')
	[ -z "$bad" ] || { echo "colour SGR parameters in the pane: $bad" >&2; return 1; }
}

# has_colour FILE: some SGR in FILE sets a colour. (Read whole first: grep -q
# would cut the pipe, and pipefail turn a match into a failure.)
has_colour() {
	local p
	p=$(sgr_params "$1")
	grep -qxE '3[0-8]|4[0-8]|9[0-7]|10[0-7]' <<<"$p"
}

# has_attributes FILE: bold and reverse are both there.
has_attributes() {
	local p
	p=$(sgr_params "$1")
	grep -qx 1 <<<"$p" && grep -qx 7 <<<"$p"
}

# run_plain NAME HOW: citydash without colour, HOW saying how it was asked.
run_plain() {
	local name=$1 how=$2
	check "$how: the overview is drawn" e2e_wait "$name" 10 "│ Overview" "Water (45)"
	check "$how: every page visited" visit "$name"
	check "$how: no colour in the pane on any page (capture-pane -e)" \
		pane_no_colour "$E2E_TMP/$name.panes"
	check "$how: bold and reverse still mark what matters" has_attributes "$E2E_TMP/$name.panes"
	check "$how: no colour in the bytes sent (SGR 30-49, 90-107, 38;5, 48;5)" \
		e2e_raw_no_colour "$E2E_TMP/$name.raw"
	e2e_keys "$name" q
	check "$how: q quits with status 0" test "$(e2e_wait_exit "$name" 10)" = 0
}

# run_coloured NAME HOW: the same run with colour allowed shows colour.
run_coloured() {
	local name=$1 how=$2
	check "$how: the overview is drawn" e2e_wait "$name" 10 "│ Overview" "Water (45)"
	check "$how: every page visited" visit "$name"
	check "$how: colour in the pane" has_colour "$E2E_TMP/$name.panes"
	check "$how: colour in the bytes sent" has_colour "$E2E_TMP/$name.raw"
	e2e_keys "$name" q
	check "$how: q quits with status 0" test "$(e2e_wait_exit "$name" 10)" = 0
}

E2E_ENV="NO_COLOR=1" e2e_start_raw env 100 30 "$citydash" --demo --seed 7
run_plain env "NO_COLOR=1"

e2e_start_raw opt 100 30 "$citydash" --demo --seed 7 --no-color
run_plain opt "--no-color"

e2e_start_raw colour 100 30 "$citydash" --demo --seed 7
run_coloured colour "colour allowed"

E2E_ENV="NO_COLOR=" e2e_start_raw empty 100 30 "$citydash" --demo --seed 7
run_coloured empty "NO_COLOR set but empty"

check "mock serving a feed painted with colour escapes" e2e_start_mock "$mock" --seed 3 \
	--serve "/v1/feeds/paint=$data/colour_names.json"
E2E_ENV="NO_COLOR=1" e2e_start_raw paint 100 30 "$citydash" \
	--source "paint=$E2E_MOCK_BASE/v1/feeds/paint"
check "painted feed: its readings are shown" e2e_wait paint 10 "│ Overview" "Water (4)"
e2e_keys paint Enter
check "painted feed: the names' text is there, their escapes gone" \
	e2e_wait paint 5 "RED name" "C256 name" "TRUE name" "CSI8 name" "kPa"
tm capture-pane -e -p -t paint >"$E2E_TMP/paint.panes"
check "painted feed: no colour in the pane" pane_no_colour "$E2E_TMP/paint.panes"
check "painted feed: no colour in the bytes sent" e2e_raw_no_colour "$E2E_TMP/paint.raw"
check "painted feed: no sequence left half: no parameters before the text" \
	bash -c '! tmux -u -S "$0" capture-pane -p -t paint | grep -E "[0-9]m(RED|C256|TRUE|CSI8|kPa| name)"' \
	"$E2E_SOCKET"
check "painted feed: no 8-bit CSI sent (U+009B)" \
	bash -c '! LC_ALL=C grep -aq $'"'"'\xc2\x9b'"'"' "$0"' "$E2E_TMP/paint.raw"
e2e_keys paint q
check "painted feed: q quits with status 0" test "$(e2e_wait_exit paint 10)" = 0

e2e_finish

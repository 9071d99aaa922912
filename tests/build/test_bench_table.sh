#!/usr/bin/env bash
# scripts/bench's table, without running a bench (benches are never timed
# tests): the summary lines of bench/bench_line.h in, one row each out, the
# target read on the ratio ("x") or on the figure, pass or over; other lines
# ignored; --help and bad usage.
#   test_bench_table.sh SOURCE_DIR
set -euo pipefail
bench=$1/scripts/bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { # check WHAT PATTERN: the row of WHAT matches PATTERN (an ERE)
	local row
	row=$(grep -F -- "$1" "$work/table" || true)
	if [[ ! $row =~ $2 ]]; then
		echo "FAIL: $1: expected /$2/, got: '${row}'" >&2
		fail=1
	fi
}

tab=$'\t'
{
	echo "some bench's own table, not a summary line"
	echo "BENCH${tab}ratio within${tab}0.8${tab}%${tab}htop${tab}0.4${tab}2.000${tab}<=2x"
	echo "BENCH${tab}ratio over${tab}0.9${tab}%${tab}htop${tab}0.4${tab}2.250${tab}<=2x"
	echo "BENCH${tab}figure under${tab}30.8${tab}MB${tab}htop${tab}4.2${tab}7.333${tab}<=48"
	echo "BENCH${tab}figure over${tab}52.1${tab}MB${tab}htop${tab}4.2${tab}12.405${tab}<=48"
	echo "BENCH${tab}strict bound${tab}50${tab}ms${tab}healthy${tab}5${tab}10.000${tab}<50"
	echo "BENCH${tab}floor met${tab}14056${tab}req/s${tab}nginx${tab}16992${tab}0.827${tab}>=0.80x"
	echo "BENCH${tab}floor missed${tab}10000${tab}req/s${tab}nginx${tab}16992${tab}0.589${tab}>=0.80x"
	echo "BENCH${tab}no target${tab}2.4${tab}%${tab}htop${tab}0.5${tab}4.800${tab}-"
	echo "BENCH${tab}broken line"
} >"$work/lines"
"$bench" --table "$work/lines" >"$work/table"
cat "$work/table"

check benchmark '^benchmark +figure +reference +ratio +target +result$'
check 'ratio within' ' 0\.80 % +htop: 0\.40 % +2\.00x +<=2x +pass$'
check 'ratio over' '2\.25x +<=2x +over$'
check 'figure under' '30\.8 MB .* <=48 MB +pass$'
check 'figure over' '52\.1 MB .* <=48 MB +over$'
check 'strict bound' '<50 ms +over$'
check 'floor met' '14056 req/s .*0\.83x +>=0\.80x +pass$'
check 'floor missed' '>=0\.80x +under$'
check 'no target' '4\.80x +- *$'
[ "$(wc -l <"$work/table")" -eq 9 ] || { echo "FAIL: expected a heading and 8 rows" >&2 && fail=1; }

"$bench" --help | grep -q -- '--quick' || { echo "FAIL: --help says nothing of --quick" >&2 && fail=1; }
for bad in --nope nosuchbench '--seconds 0' '--table /nonexistent'; do
	rc=0
	# shellcheck disable=SC2086 # two words on purpose
	"$bench" $bad >/dev/null 2>&1 || rc=$?
	[ "$rc" -eq 2 ] || { echo "FAIL: scripts/bench $bad: exit $rc, expected 2" >&2 && fail=1; }
done
exit "$fail"

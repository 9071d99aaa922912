#!/usr/bin/env bash
# The command line as a script would use it: --help, --version, errors with
# exit status 2, and --dump (one frame as text; exit 1 when nothing answers).
#   test_cli.sh CITYDASH
set -uo pipefail
citydash=$1
. "$(dirname "$0")/lib.sh"
out="$E2E_TMP/out" err="$E2E_TMP/err"

run() { timeout 60 "$@" >"$out" 2>"$err"; echo $?; }

check "--version prints the version" test "$(run "$citydash" --version)" = 0
check "--version names citydash" grep -q "^citydash [0-9]" "$out"
check "--help exits 0" test "$(run "$citydash" --help)" = 0
check "--help lists the options" grep -q -- "--source NAME=URL" "$out"
check "no source is a usage error (2)" test "$(run "$citydash")" = 2
check "... which says what to give" grep -q "no sources" "$err"
check "an unknown option is a usage error (2)" test "$(run "$citydash" --frobnicate)" = 2
check "a bad --source is a usage error (2)" test "$(run "$citydash" --source nourl)" = 2
check "--seed without --demo is a usage error (2)" \
	test "$(run "$citydash" --seed 3 --source a=http://127.0.0.1:1/)" = 2
check "a bad --size is a usage error (2)" test "$(run "$citydash" --demo --dump --size 10)" = 2
check "without a terminal and without --dump: status 2" \
	test "$(run "$citydash" --demo </dev/null)" = 2
check "... with a hint" grep -q -- "--dump" "$err"

check "--page without --dump is a usage error (2)" test "$(run "$citydash" --demo --page kpis)" = 2
check "... which says to add --dump" grep -q -- "--page applies to --dump" "$err"
check "an unknown --page is a usage error (2)" test "$(run "$citydash" --demo --dump --page kpi)" = 2
check "... which lists the names" grep -q "overview, wall, kpis, events, tiers" "$err"
check "--page domain: with no such domain is a usage error (2)" \
	test "$(run "$citydash" --demo --dump --page domain:rail)" = 2
check "--page reading: without an id is a usage error (2)" \
	test "$(run "$citydash" --demo --dump --page reading:)" = 2
check "a --scope of three parts is a usage error (2)" \
	test "$(run "$citydash" --demo --dump --scope a/b/c)" = 2
check "... with the reason" grep -q "at most DISTRICT/STREET" "$err"
check "--dump --page of an id the feeds do not have exits 1" \
	test "$(run "$citydash" --demo --dump --page reading:no.such.reading)" = 1
check "... saying so, and printing no frame" \
	bash -c 'grep -q "no reading has the id \"no.such.reading\"" "$0" && test ! -s "$1"' "$err" "$out"
check "--dump --scope that holds nothing of the feeds exits 1" \
	test "$(run env LANG=C.UTF-8 "$citydash" --demo --dump --scope 不存在区)" = 1
check "... naming the scope" grep -q "in the scope 不存在区" "$err"

check "--dump with no readable source exits 1" \
	test "$(run "$citydash" --dump --source dead=http://127.0.0.1:1/v1/feeds/water)" = 1
check "... and says which source and why" grep -q "dead.*127.0.0.1:1" "$err"
check "... printing no frame" test ! -s "$out"

cat >"$E2E_TMP/city.json" <<'JSON'
{ "sources": [ { "name": "gone", "url": "http://127.0.0.1:1/v1/feeds/gas", "timeout_ms": 500 } ] }
JSON
check "--config: sources come from the file" \
	test "$(run "$citydash" --dump --config "$E2E_TMP/city.json")" = 1
check "... and the failure names the file's source" grep -q "gone.*127.0.0.1:1" "$err"
printf '{ "sources": [ { "name": "x", "url": "ftp://host/" } ] }' >"$E2E_TMP/bad.json"
check "--config with a bad source is a usage error (2)" \
	test "$(run "$citydash" --dump --config "$E2E_TMP/bad.json")" = 2
check "... naming the file, the source and the field" grep -q "bad.json:1:38: /sources/0/url: " "$err"
check "--config with a missing file is a usage error (2)" \
	test "$(run "$citydash" --config "$E2E_TMP/none.json")" = 2

check "--demo --dump at 80x24 exits 0" test "$(run env LANG=C.UTF-8 "$citydash" --demo --dump --size 80x24)" = 0
check "... prints 24 lines" test "$(wc -l <"$out")" = 24
check "... every framed line exactly 80 columns, ending in its border" e2e_rows_fit 80 2 22 <"$out"
for d in Water Power Gas Telecom Bridges Tunnels "Alarms:"; do
	check "... shows $d" grep -q "$d" "$out"
done
check "--dump in ASCII mode prints ASCII only" \
	test "$(run env LANG=C "$citydash" --demo --dump --ascii)" = 0
check "... no byte above 0x7f" bash -c '! LC_ALL=C grep -q "[^ -~]" "$0"' "$out"

# A decimal-comma locale must not leak into JSON (the mock's numbers) or parsing.
if localedef -i de_DE -f UTF-8 "$E2E_TMP/de_DE.UTF-8" 2>/dev/null; then
	check "de_DE locale: the demo city still reads as JSON" \
		test "$(run env LOCPATH="$E2E_TMP" LC_ALL=de_DE.UTF-8 "$citydash" --demo --dump)" = 0
	check "... every source ok" grep -q "water ✔ .* events ✔" "$out"
else
	echo "skip - de_DE locale cannot be built here (no locale sources)"
fi

e2e_finish

#!/usr/bin/env bash
# Both command lines are strict: every number is digits only and in range
# (no " -1", no overflow, no junk), --size is refused below the smallest
# frame, `-h` works for both programs, a port in use is said once, and a
# configuration error names the file, line, column and field (RFC 6901
# pointer) it is about (columns in characters: 电力 is two).
#   test_args.sh CITYDASH CITYDASH_MOCK
set -uo pipefail
citydash=$1
mock=$2
. "$(dirname "$0")/lib.sh"
out="$E2E_TMP/out" err="$E2E_TMP/err"

run() { timeout 60 "$@" >"$out" 2>"$err"; echo $?; }
# refused WHAT COMMAND...: status 2, a message on stderr naming WHAT, nothing on stdout.
refused() {
	local what=$1
	shift
	test "$(run "$@")" = 2 && grep -q -- "$what" "$err" && test ! -s "$out"
}

for bad in 99999999999999999999999 18446744073709551616 " -1" -1 +1 " 1" "1 " 1x 0x10 ""; do
	check "citydash --seed \"$bad\" is refused" refused "--seed" "$citydash" --demo --dump --seed "$bad"
	check "citydash-mock --seed \"$bad\" is refused" refused "--seed" "$mock" --port 0 --seed "$bad"
done
check "citydash --seed 18446744073709551615 (the largest) is taken" \
	test "$(run "$citydash" --demo --dump --size 80x24 --seed 18446744073709551615)" = 0
for bad in " 80" 65536 99999999999999999999999 -1 80x; do
	check "citydash-mock --port \"$bad\" is refused" refused "--port" "$mock" --port "$bad"
done
for bad in " 5" 0 86400001 99999999999999999999999 5ms; do
	check "citydash-mock --tick-ms \"$bad\" is refused" refused "--tick-ms" "$mock" --port 0 --tick-ms "$bad"
done
for bad in " 80x24" "80x 24" "+80x24" "80x24x" "80x-24" "99999999999999999999x24" 1001x40 x24 80x ""; do
	check "citydash --size \"$bad\" is refused" refused "--size" "$citydash" --demo --dump --size "$bad"
done

# A --dump frame below the smallest size citydash draws is refused, not a
# "too small" screen with status 0.
check "--dump --size 40x10 is refused with status 2" refused "80x24" "$citydash" --demo --dump --size 40x10
check "... saying it is below the smallest frame" grep -q "below the smallest" "$err"
check "--dump --size 79x24 is refused" refused "80x24" "$citydash" --demo --dump --size 79x24
check "--dump --size 80x23 is refused" refused "80x24" "$citydash" --demo --dump --size 80x23
check "--dump --size 80x24 draws the frame" test "$(run "$citydash" --demo --dump --size 80x24)" = 0
check "... with no \"too small\" notice" bash -c '! grep -q "too small" "$0"' "$out"
check "--size without --dump is refused, not ignored" refused "applies to --dump" "$citydash" --demo --size 80x24

# -h and -V, as for citydash.
check "citydash-mock -h shows the help" test "$(run "$mock" -h)" = 0
check "... which lists -h" grep -q -- "-h, --help" "$out"
check "citydash-mock -V shows the version" test "$(run "$mock" -V)" = 0
check "... which names citydash-mock" grep -q "^citydash-mock [0-9]" "$out"
check "citydash -h shows the help" test "$(run "$citydash" -h)" = 0
check "... which lists the exit statuses" grep -q "^Exit status" "$out"

# A port in use: one line that says so, not libmicrohttpd's and then ours.
check "a first mock listens" e2e_start_mock "$mock" --seed 1
port=${E2E_MOCK_BASE##*:}
check "a second mock on the same port exits 1" test "$(run "$mock" --port "$port")" = 1
check "... with exactly one line on stderr" test "$(wc -l <"$err")" = 1
check "... which names the address and says it is in use" \
	grep -q "^citydash-mock: cannot listen on 127.0.0.1:$port: Address already in use$" "$err"

# Configuration errors name the file, the source (by index and name) and
# the field, as docs/config.md shows.
cfg="$E2E_TMP/city.json"
config_error() {
	printf '%s' "$1" >"$cfg"
	test "$(run "$citydash" --config "$cfg")" = 2 && grep -qF -- "$cfg:$2" "$err"
}
check "a bad interval names its place and field" config_error \
	'{"sources":[{"name":"water","url":"http://h/"},{"name":"gas","url":"http://h/","interval_ms":5}]}' \
	'1:94: /sources/1/interval_ms: must be a whole number from 100 to 86400000 ms'
check "an unknown field names its place" config_error \
	'{"sources":[{"name":"电力","url":"http://h/","interval":2500}]}' \
	'1:55: /sources/0/interval: unknown field "interval"'
check "a missing url names the source object" config_error \
	'{"sources":[{"name":"tunnel"}]}' '1:13: /sources/0/url: is missing'
check "a bad url names its place" config_error \
	'{"sources":[{"name":"电力","url":"ftp://h/"}]}' \
	'1:32: /sources/0/url: must be an http:// or https:// URL with a host and no spaces'
check "a source without a name is named by its pointer" config_error \
	'{"sources":[{"url":"http://h/"}]}' '1:13: /sources/0/name: is missing'
check "--source without = names the argument" \
	test "$(run "$citydash" --source water)" = 2
check "... as the documentation shows" grep -qx "citydash: --source water: expected NAME=URL" "$err"

e2e_finish

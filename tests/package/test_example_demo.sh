#!/usr/bin/env bash
# examples/demo.json watches citydash-mock's city: with the mock on a free
# port (the file says 8080), citydash --config --dump reads every source.
# Usage: test_example_demo.sh CITYDASH CITYDASH_MOCK DEMO_JSON
set -u
citydash=${1:?usage: test_example_demo.sh CITYDASH CITYDASH_MOCK DEMO_JSON}
mock=${2:?}
demo=${3:?}
work=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid"
	rm -rf "$work"
}
trap cleanup EXIT
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
timeout 120 "$mock" --port 0 --seed 7 >"$work/mock" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
	[ -s "$work/mock" ] && break
	sleep 0.1
done
[[ "$(head -n 1 "$work/mock")" =~ ^listening\ on\ http://127\.0\.0\.1:([0-9]+)$ ]] ||
	fail "mock: $(cat "$work/mock")"
port=${BASH_REMATCH[1]}
grep -q '127.0.0.1:8080/' "$demo" || fail "$demo does not point at port 8080"
sed "s#127.0.0.1:8080/#127.0.0.1:$port/#" "$demo" >"$work/demo.json"
LANG=C.UTF-8 LC_ALL='' timeout 60 "$citydash" --config "$work/demo.json" --dump --size 120x40 \
	>"$work/frame" 2>"$work/err" || fail "citydash exited $?: $(cat "$work/err")"
for name in water power gas telecom bridge tunnel kpis events; do
	grep -qE "$name ?✔" "$work/frame" || fail "$name is not read: $(tail -1 "$work/frame")"
done
echo "ok: examples/demo.json reads all 8 sources of the mock"

#!/usr/bin/env bash
# The example units pass `systemd-analyze verify`, against a temporary install
# (verify wants ExecStart's program and Documentation's man pages to exist, so
# the units are checked with /usr/bin pointed at that prefix), and their
# hardening keeps its score in `systemd-analyze security`.
# Usage: test_systemd.sh BUILD_DIR SOURCE_DIR
set -u
build=${1:?usage: test_systemd.sh BUILD_DIR SOURCE_DIR}
src=${2:?}
if ! command -v systemd-analyze >/dev/null; then
	echo "SKIP: systemd-analyze not found; the units in examples/systemd are not verified"
	exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
"${CMAKE:-cmake}" --install "$build" --prefix "$work/usr" >"$work/log" 2>&1 || fail "cmake --install: $(cat "$work/log")"
mkdir "$work/units"
units=()
for unit in "$src"/examples/systemd/*.service; do
	name=$(basename "$unit")
	grep -q '^ExecStart=/usr/bin/citydash' "$unit" || fail "$name: ExecStart is not /usr/bin/citydash..."
	sed "s#^ExecStart=/usr/bin/#ExecStart=$work/usr/bin/#" "$unit" >"$work/units/$name"
	units+=("$work/units/$name")
done
[ "${#units[@]}" = 2 ] || fail "want 2 units, found ${#units[@]}"
# An instance of the template too, so that %i and %I are expanded.
cp "$work/units/citydash-wall@.service" "$work/units/citydash-wall@tty7.service"
units+=("$work/units/citydash-wall@tty7.service")

# verify exits 0 on an unknown or misplaced setting: it only warns. So every
# line about our units fails the test; others (the host's own units) are
# shown as notes.
MANPATH=$work/usr/share/man systemd-analyze verify --man=yes "${units[@]}" >"$work/out" 2>&1
rc=$?
if grep -q citydash "$work/out" || [ "$rc" != 0 ]; then
	fail "systemd-analyze verify (status $rc): $(cat "$work/out")"
fi
[ -s "$work/out" ] && sed 's/^/NOTE: /' "$work/out"

# The exposure score (0 best, 10 worst; --threshold counts in tenths);
# offline review needs systemd 250.
if systemd-analyze security --help 2>/dev/null | grep -q -- --offline; then
	for spec in citydash-mock.service:15 "citydash-wall@tty7.service:25"; do
		unit=${spec%:*} max=${spec##*:}
		systemd-analyze security --offline=yes --threshold="$max" "$work/units/$unit" >"$work/sec" 2>&1 ||
			fail "$unit: exposure above $max/10: $(grep -E 'Overall|✗|Failed' "$work/sec")"
		grep 'Overall' "$work/sec"
	done
fi
echo "ok: examples/systemd verified"

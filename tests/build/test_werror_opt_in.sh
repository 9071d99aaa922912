#!/usr/bin/env bash
# Warnings are errors only when the developer asks (CITYDASH_WERROR=ON): a
# user's or a packager's plain configure must not get -Werror, so a warning
# from a newer or different compiler cannot break their build.
#   test_werror_opt_in.sh SOURCE_DIR C_COMPILER
set -euo pipefail
src=$1 cc=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# configure DIR [cmake arguments...]: the compile commands of a fresh configure,
# without the caller's CFLAGS (which could carry -Werror=format-security).
configure() {
	local dir=$tmp/$1
	shift
	env -u CFLAGS -u CPPFLAGS -u LDFLAGS CC="$cc" \
		cmake -S "$src" -B "$dir" -DCITYDASH_TESTS=OFF "$@" >"$tmp/log" 2>&1 ||
		{ cat "$tmp/log"; exit 1; }
	cat "$dir/compile_commands.json"
}

# Captured first: `configure | grep -q` would stop reading at the first match,
# and with pipefail the writer's SIGPIPE would turn a match into a failure.
plain=$(configure plain -DCMAKE_BUILD_TYPE=Release)
strict=$(configure strict -DCITYDASH_WERROR=ON)
if grep -qE -- '-Werror( |$)' <<<"$plain"; then
	echo "FAIL: a plain Release configure compiles with -Werror"
	fail=1
else
	echo "ok: a plain Release configure has no -Werror"
fi
if grep -qE -- '-Werror( |$)' <<<"$strict"; then
	echo "ok: CITYDASH_WERROR=ON adds -Werror"
else
	echo "FAIL: CITYDASH_WERROR=ON does not add -Werror"
	fail=1
fi
exit $fail

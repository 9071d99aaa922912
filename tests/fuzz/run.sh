#!/usr/bin/env bash
# Runs every libFuzzer target of a CITYDASH_FUZZ=ON build for a bounded time
# over a copy of its seed corpus (tests/fuzz/corpus/TARGET/, never grown by
# a run), one target after the other; fails if any target crashes, leaks,
# times out or runs out of memory, and says where the crashing input is.
#   tests/fuzz/run.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]
# BUILD_DIR: the build directory (or its tests/fuzz); SECONDS 0 only replays
# the corpus (every input once: the regression check). TARGET: e.g. protocol.
# libFuzzer saves a failing input in $FUZZ_ARTIFACTS (default
# BUILD_DIR/tests/fuzz/fuzz-artifacts); run.sh also copies it into the
# source tree as tests/fuzz/corpus/TARGET/regress_KIND_HASH (FUZZ_KEEP=0:
# only says how), the regression input to commit with the fix
# (tests/fuzz/README.md).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if (($# < 2)) || ! [[ $2 =~ ^[0-9]+$ ]]; then
	echo "usage: run.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]" >&2
	exit 2
fi
build=$(cd "$1" && pwd) seconds=$2
shift 2
bins=$build
[ -d "$build/tests/fuzz" ] && bins=$build/tests/fuzz
artifacts=${FUZZ_ARTIFACTS:-$bins/fuzz-artifacts}
mkdir -p "$artifacts"
artifacts=$(cd "$artifacts" && pwd)

targets=("$@")
if ((${#targets[@]} == 0)); then
	for c in "$here"/corpus/*/; do
		targets+=("$(basename "$c")")
	done
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/citydash-fuzz.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export TMPDIR=$tmp # fuzz_journal's file, and anything else a target makes
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$here/../lsan.supp

# keep_regression TARGET INPUT: copies a failing input into the source
# tree's corpus as regress_KIND_HASH (unless FUZZ_KEEP=0, or it is there
# already), so that every later run and every build's ctest replays it.
keep_regression() {
	local t=$1 input=$2 kind hash name f
	kind=$(basename "$input" | sed -n 's/^.*-\(crash\|leak\|timeout\|oom\)-.*$/\1/p')
	hash=$(sha1sum "$input" | cut -c1-12)
	for f in "$here/corpus/$t"/*; do
		if [ -f "$f" ] && cmp -s "$f" "$input"; then
			echo "  already a regression input: tests/fuzz/corpus/$t/$(basename "$f")" >&2
			return
		fi
	done
	name=regress_${kind:-crash}_$hash
	if [ "${FUZZ_KEEP:-1}" = 0 ]; then
		echo "  keep it:   cp $input $here/corpus/$t/$name" >&2
		return
	fi
	cp "$input" "$here/corpus/$t/$name"
	echo "  kept as tests/fuzz/corpus/$t/$name (every run and every build's" \
		"fuzz_replay_$t replay it). Fix the bug with a unit test of its own, rename" \
		"the input to say what it was (regress_WHAT), and commit both." >&2
}

failed=()
summary=()
for t in "${targets[@]}"; do
	bin=$bins/fuzz_$t
	if [ ! -x "$bin" ]; then
		echo "run.sh: no target $bin (build with CC=clang -DCITYDASH_FUZZ=ON)" >&2
		failed+=("$t (not built)")
		continue
	fi
	# A copy of the corpus: the run adds what it finds to the copy only.
	# The work directory is empty: a configuration naming a relative file
	# finds nothing of the tree.
	mkdir -p "$tmp/$t/corpus" "$tmp/$t/work"
	cp "$here/corpus/$t/"* "$tmp/$t/corpus/" 2>/dev/null || true
	seeds=$(find "$tmp/$t/corpus" -type f | wc -l)
	log=$tmp/$t/log
	echo "== fuzz_$t: ${seconds} s over $seeds seed inputs"
	args=(-rss_limit_mb=2048 -timeout=10 -max_len=65536 -print_final_stats=1
	      "-artifact_prefix=$artifacts/$t-")
	if ((seconds > 0)); then
		# The words the parser looks for (dict/TARGET.dict), if any.
		[ -f "$here/dict/$t.dict" ] && args+=("-dict=$here/dict/$t.dict")
		args+=(-max_total_time="$seconds" "$tmp/$t/corpus")
	else
		mapfile -t inputs < <(find "$tmp/$t/corpus" -type f | sort)
		args+=(-runs=1 "${inputs[@]}")
	fi
	rc=0
	(cd "$tmp/$t/work" && "$bin" "${args[@]}") >"$log" 2>&1 || rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	kept=$(find "$tmp/$t/corpus" -type f | wc -l)
	# libFuzzer's last status line: edges covered and features seen
	cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
	if ((rc != 0)); then
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|Test unit written to)' "$log" >&2 || true
		tail -n 60 "$log" >&2
		crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
		echo "run.sh: fuzz_$t FAILED (exit $rc); input: ${crash:-see the log above}" >&2
		if [ -n "$crash" ] && [ -f "$crash" ]; then
			echo "  reproduce: $bin $crash" >&2
			keep_regression "$t" "$crash"
		fi
		failed+=("$t")
		summary+=("$(printf '%-26s FAILED' "fuzz_$t")")
	else
		summary+=("$(printf '%-26s %9s runs %7s exec/s  corpus %d -> %d  %s' "fuzz_$t" \
			"${execs:-?}" "${rate:-?}" "$seeds" "$kept" "${cov:-}")")
	fi
done

echo "== fuzz summary ($seconds s per target):"
printf '   %s\n' "${summary[@]}"
if ((${#failed[@]})); then
	echo "run.sh: failed: ${failed[*]}; inputs in $artifacts" >&2
	exit 1
fi

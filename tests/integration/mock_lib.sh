# Shared by the shell tests of the real citydash-mock (sourced, not run):
# a work folder removed on exit, every mock started stopped on exit, fail(),
# and mock_start, which starts one on 127.0.0.1 port 0 and reads its base URL.
WORK=$(mktemp -d)
MOCK_PIDS=()
mock_cleanup() {
	local p
	# Each PID is timeout's, which passes SIGTERM on to the mock; SIGKILL
	# would kill timeout alone and leave the mock running.
	# Bounded: under AddressSanitizer, LeakSanitizer's exit check forks a
	# tracer that now and then never returns on a loaded machine (seen once
	# in CI, the mock spinning after its last answer): after 20 s the mock
	# is killed, and that is said, rather than the test hanging to its
	# timeout.
	for p in "${MOCK_PIDS[@]}"; do
		kill -TERM "$p" 2>/dev/null || continue
		for _ in $(seq 1 200); do
			kill -0 "$p" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$p" 2>/dev/null; then
			echo "warning: a mock did not exit within 20 s of SIGTERM; killed" >&2
			pkill -KILL -P "$p" 2>/dev/null
			kill -KILL "$p" 2>/dev/null
		fi
		wait "$p" 2>/dev/null
	done
	rm -rf "$WORK"
}
trap mock_cleanup EXIT

# fail MESSAGE: says why (with the last mock's stderr, if any) and exits 1.
fail() {
	echo "FAIL: $*" >&2
	[ -s "$WORK/err" ] && sed 's/^/  stderr: /' "$WORK/err" >&2
	exit 1
}

# stop_server PID: stops a test's server (Prometheus, nginx): SIGTERM, at
# most 10 s, then SIGKILL. Nothing if PID is empty.
stop_server() {
	local pid=$1
	[ -n "$pid" ] || return 0
	kill -TERM "$pid" 2>/dev/null
	for _ in $(seq 1 100); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	return 0
}

# wait_for SECONDS COMMAND...: runs COMMAND every 0.5 s until it succeeds.
wait_for() {
	local limit=$(($1 * 2))
	shift
	for _ in $(seq 1 "$limit"); do
		"$@" && return 0
		sleep 0.5
	done
	return 1
}

# mock_stop [SIGNAL]: sends SIGNAL (default TERM) to the mock of $PID and
# sets MOCK_RC to its exit status, waiting at most 20 s. The same bound as
# mock_cleanup, for the same reason: in an AddressSanitizer build
# LeakSanitizer's exit check now and then never returns on a loaded machine
# (seen again in CI in mock_scale_cli); then, and only in such a build, the
# mock is killed and its exit counted as clean, with a warning. Anywhere
# else a mock that does not exit fails the test.
mock_stop() {
	local sig=${1:-TERM}
	kill "-$sig" "$PID" 2>/dev/null || fail "cannot signal the mock"
	for _ in $(seq 1 200); do
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$PID" 2>/dev/null; then
		local prog
		prog=$(readlink "/proc/$(pgrep -P "$PID" | head -n 1)/exe" 2>/dev/null)
		ldd "$prog" 2>/dev/null | grep -q libasan ||
			fail "the mock did not exit within 20 s of SIG$sig"
		echo "warning: the mock (AddressSanitizer) did not exit within 20 s of SIG$sig; killed" >&2
		pkill -KILL -P "$PID" 2>/dev/null
		kill -KILL "$PID" 2>/dev/null
		wait "$PID" 2>/dev/null
		MOCK_RC=0
	else
		wait "$PID"
		MOCK_RC=$?
	fi
}

# mock_start MOCK [OPTION]...: starts MOCK --port 0 with the options, output
# in $WORK/out and $WORK/err; waits (bounded) for its "listening on" line.
# Sets PID, PORT and MOCK_BASE ("http://127.0.0.1:PORT").
mock_start() {
	local mock=$1 line
	shift
	: >"$WORK/out"
	timeout 120 "$mock" --port 0 "$@" >"$WORK/out" 2>"$WORK/err" &
	PID=$!
	MOCK_PIDS+=("$PID")
	for _ in $(seq 1 100); do
		[ -s "$WORK/out" ] && break
		sleep 0.1
	done
	line=$(head -n 1 "$WORK/out")
	[[ "$line" =~ ^listening\ on\ (http://127\.0\.0\.1:([0-9]+))$ ]] || fail "bad line: '$line'"
	MOCK_BASE=${BASH_REMATCH[1]}
	PORT=${BASH_REMATCH[2]}
	[ "$PORT" -gt 0 ] || fail "port 0 reported"
}

#!/usr/bin/env bash
# The process, as a supervisor and an operator meet it: killed by a fatal
# signal, citydash gives the terminal back (normal screen, cursor shown,
# modes restored) and dies by that signal; the out-of-memory message stays
# readable; a failing wait ends with status 1 and the reason.
#   test_process.sh CITYDASH OOM_PROBE
set -uo pipefail
citydash=$1
probe=$2
. "$(dirname "$0")/lib.sh"
ulimit -c 0 # SIGQUIT, SIGSEGV, SIGABRT... dump core: not here
# Each case kills its session. tmux's server exits with its last session,
# and a new session asked for while it is exiting fails ("server exited
# unexpectedly", seen under load): keep the server until e2e_cleanup.
tm start-server \; set-option -g exit-empty off

for sig in QUIT SEGV ABRT BUS FPE ILL; do
	s="sig$sig"
	e2e_start "$s" 80 24 "$citydash" --demo
	check "SIG$sig: the overview is drawn" e2e_wait "$s" 15 "Alarms:"
	check "SIG$sig: ... on the alternate screen, cursor hidden, no echo" drawing "$s"
	kill -"$sig" "$(e2e_pid "$s")"
	check "SIG$sig: citydash dies by the signal" \
		test "$(e2e_wait_exit "$s" 10)" = $((128 + $(kill -l "$sig")))
	check "SIG$sig: ... and gives the terminal back" eventually 5 given_back "$s"
	tm kill-session -t "$s"
done

# Out of memory: xalloc's message is printed once the terminal is back, so
# it stays on screen, and the process dies by SIGABRT.
e2e_start oom 80 24 "$probe"
check "out of memory: the probe draws" e2e_wait oom 10 "probe: a full screen"
check "out of memory: ... on the alternate screen" drawing oom
e2e_keys oom x
check "out of memory: dies by SIGABRT" test "$(e2e_wait_exit oom 10)" = 134
check "out of memory: the message is on the screen" \
	eventually 5 screen_has oom "citydash: out of memory"
check "out of memory: the terminal is given back" eventually 5 given_back oom

# The loop's wait fails (poll() refuses more descriptors than the limit):
# status 1 and the reason, not status 0 and silence.
if command -v prlimit >/dev/null; then
	e2e_start waitfail 80 24 "$citydash" --demo
	check "failing wait: the overview is drawn" e2e_wait waitfail 15 "Alarms:"
	prlimit --pid "$(e2e_pid waitfail)" --nofile=1:1
	check "failing wait: exit status 1" test "$(e2e_wait_exit waitfail 10)" = 1
	check "failing wait: the reason is on the screen" eventually 5 screen_has waitfail \
		"citydash: waiting for the keyboard and the network failed"
	check "failing wait: the terminal is given back" eventually 5 given_back waitfail
else
	echo "skip - prlimit is not installed (util-linux)"
fi

e2e_finish

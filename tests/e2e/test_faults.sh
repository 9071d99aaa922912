#!/usr/bin/env bash
# End to end, issue 13 (faults, part 1: the transport): a real citydash in
# tmux polls tests/tools/fault_feed every second while the feed server is
# killed mid-poll and started again on the same port, hangs, drips a byte a
# second, and answers 40 MiB (chunked, with its Content-Length, gzipped to
# a few hundred KiB). Each
# time citydash stays up and answers a key, the source shows failing with
# its reason on the sources page and in the status bar, its next try is
# planned one interval on, and it recovers within one interval plus a
# tolerance once the feed is healthy again (faults_lib.sh says how long and
# why); its peak RSS stays under the
# README's bound and no escape sequence reaches the terminal. Last, q
# quits at once while a request hangs.
#   test_faults.sh CITYDASH FAULT_FEED [nomemory]
set -uo pipefail
citydash=$1
fault_feed=$2
[ "${3:-}" = nomemory ] && FAULTS_NO_MEMORY=1
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/faults_lib.sh"

faults_begin "$citydash" "$fault_feed"

# Killed mid-poll: while an answer is being dripped (its first byte sent),
# SIGKILL. What that attempt met goes to the log; then, with nothing
# listening, the source shows it cannot connect.
ff_mode drip
dripping() { [ "$(ff_count dripped)" -gt 0 ] 2>/dev/null; }
check "kill: an answer is under way (a byte of it sent)" eventually 10 dripping
kill -KILL "$FF_PID"
wait "$FF_PID" 2>/dev/null
fault_shows "kill" "cannot connect to the server"
check "kill: the log has the poll cut by the kill, with its reason" \
	grep -qE 'source "faulty" failing: (the answer was cut short|the connection broke while receiving|the server closed the connection without an answer)' \
	"$E2E_TMP/citydash.log"
# Started again on the same port (a moment's retry: another process may
# hold it briefly).
restart() { ff_start "$fault_feed" --port "$FF_PORT" --mode good; }
feed_fails_twice kill
check "kill: the feed starts again on the same port ($FF_PORT)" eventually 10 restart
recovers "kill"

fault_cycle hang "no answer within 2000 ms"
before=$(ff_count dripped)
fault_cycle drip "no answer within 2000 ms"
check "drip: bytes were dripped ($before before, $(ff_count dripped) after)" \
	test "$(ff_count dripped)" -gt "$before"
fault_cycle big "response larger than $FAULTS_MAX_BODY bytes"
fault_cycle bigknown "response larger than $FAULTS_MAX_BODY bytes"
# 40 MiB gzipped to some 400 KiB: the cap counts what it inflates to.
fault_cycle gzipbomb "response larger than $FAULTS_MAX_BODY bytes"

check "citydash is up" cd_alive
memory_bounded
no_escape_reached
check "the log has every recovery" \
	test "$(grep -c 'source "faulty" ok again after' "$E2E_TMP/citydash.log")" -ge 6

# A request hangs while the operator quits: q is not held up by it.
ff_mode hang
asked=$(ff_count requests)
asked_again() { [ "$(ff_count requests)" -gt "$asked" ]; }
check "quit while hung: a request is hanging" eventually 10 asked_again
e2e_keys f q
check "quit while hung: q quits with status 0, at once" test "$(e2e_wait_exit f 3)" = 0
e2e_finish

#!/usr/bin/env bash
# End to end, issue 13 (faults, part 3: a 40 MiB document let in): the
# source takes bodies up to 64 MiB (and 10 s for one), so the feed's valid
# 40 MiB document arrives whole; parsing it would need more than the
# source's max_bytes (4 MiB), and it is rejected whole with that reason on
# the sources page and in the status bar. citydash stays up and answers a
# key, its peak RSS stays under the README's bound for this source (176
# MiB), and the source recovers once the feed is healthy (faults_lib.sh).
#   test_faults_huge.sh CITYDASH FAULT_FEED [nomemory]
set -uo pipefail
citydash=$1
fault_feed=$2
[ "${3:-}" = nomemory ] && FAULTS_NO_MEMORY=1
FAULTS_MAX_BODY=$((64 * 1024 * 1024))
FAULTS_TIMEOUT_MS=10000
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/faults_lib.sh"

faults_begin "$citydash" "$fault_feed"

fault_cycle big "document too large to hold: parsing it needs more than $FAULTS_MAX_BYTES bytes (max_bytes)"
check "the log has the reason" \
	grep -q 'source "faulty" failing: document too large to hold' "$E2E_TMP/citydash.log"

check "citydash is up" cd_alive
memory_bounded
no_escape_reached
quits
e2e_finish

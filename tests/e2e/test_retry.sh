#!/usr/bin/env bash
# End to end: a failing source on the sources page says when it is tried
# next, and `r` tries it again at once instead of after its interval.
#   test_retry.sh CITYDASH
set -uo pipefail
citydash=$1
. "$(dirname "$0")/lib.sh"

# Nothing listens on port 1. Polled every 30 s, a refused connection is
# tried again one interval later: a second attempt within 10 s can only be
# the retry key's.
cat >"$E2E_TMP/down.json" <<'JSON'
{"sources": [{"name": "down", "url": "http://127.0.0.1:1/v1/feeds/water", "interval_ms": 30000}]}
JSON
e2e_start retry 100 30 "$citydash" --config "$E2E_TMP/down.json"
check "the source fails once" e2e_wait retry 10 "(no data): down"
e2e_keys retry s
check "sources page: the reason, the count and when the next try is" \
	e2e_wait retry 10 "0 ok, 1 failed" "reason:" "next try in"
check "the next try is the interval's 30 s away (20-30 s by now)" \
	bash -c 'tmux -u -S "$0" capture-pane -p -t retry | grep -qE "next try in (2[0-9]|30)s"' "$E2E_SOCKET"
e2e_keys retry r
check "r: tried again at once, long before the interval ends" e2e_wait retry 10 "0 ok, 2 failed"
check "and the next try is planned again" e2e_wait retry 5 "next try in"
e2e_keys retry q
check "q quits with status 0" test "$(e2e_wait_exit retry 10)" = 0

e2e_finish

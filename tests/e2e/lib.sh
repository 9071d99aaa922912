# Helpers for end-to-end tests that drive the real TUI in tmux, in the
# manner of tmux's own regress/ scripts. Each test gets a private tmux server
# (-S, its socket in the test's temporary folder) with no user configuration
# (-f /dev/null), killed on exit.
# shellcheck shell=bash

E2E_TMP=$(mktemp -d)
# The server's socket (tmux -S): in E2E_TMP, it goes with it. tmux (3.3a)
# leaves a -L NAME socket in /tmp/tmux-UID after kill-server.
E2E_SOCKET="$E2E_TMP/tmux"
E2E_PASSED=0
E2E_FAILED=0

tm() { tmux -u -S "$E2E_SOCKET" -f /dev/null "$@"; }

e2e_cleanup() {
	tm kill-server 2>/dev/null || true
	# A pane's shell may write its status file while its server goes, after
	# rm emptied the folder and before it removed it: then once more.
	rm -rf "$E2E_TMP" 2>/dev/null || { sleep 0.5 && rm -rf "$E2E_TMP"; }
}
trap e2e_cleanup EXIT

# e2e_start NAME COLS ROWS COMMAND...: runs COMMAND in a detached session;
# its exit status is written to a file when it ends (see e2e_wait_exit).
# E2E_ENV adds environment settings (e.g. "NO_COLOR=1 LANG=C").
e2e_start() {
	local name=$1 cols=$2 rows=$3
	shift 3
	tm new-session -d -s "$name" -x "$cols" -y "$rows" \
		"env LANG=C.UTF-8 LC_ALL= TERM=screen-256color ${E2E_ENV:-} $*; echo \$? > '$E2E_TMP/$name.status'; sleep 60"
}

e2e_screen() { tm capture-pane -p -t "$1"; }

# e2e_wait NAME SECONDS PATTERN...: waits until every (fixed-string) pattern
# is on the screen. Prints the screen and returns 1 on time-out.
e2e_wait() {
	local name=$1 limit=$2
	shift 2
	local deadline=$((SECONDS + limit)) screen missing
	while :; do
		screen=$(e2e_screen "$name")
		missing=""
		for p in "$@"; do
			grep -qF -- "$p" <<<"$screen" || missing+="[$p] "
		done
		[ -z "$missing" ] && return 0
		if [ -s "$E2E_TMP/$name.status" ]; then
			echo "the program ended (status $(cat "$E2E_TMP/$name.status")) before showing: $missing" >&2
			echo "$screen" >&2
			return 1
		fi
		if ((SECONDS >= deadline)); then
			echo "timed out after ${limit}s waiting for: $missing" >&2
			echo "---- screen of $name ----" >&2
			echo "$screen" >&2
			echo "-------------------------" >&2
			return 1
		fi
		sleep 0.2
	done
}

# e2e_wait_exit NAME SECONDS: waits for the program to end; echoes its status.
e2e_wait_exit() {
	local name=$1 deadline=$((SECONDS + $2))
	while ((SECONDS < deadline)); do
		if [ -s "$E2E_TMP/$name.status" ]; then
			cat "$E2E_TMP/$name.status"
			return 0
		fi
		sleep 0.2
	done
	echo "timeout"
	return 1
}

e2e_keys() { tm send-keys -t "$@"; }

# check DESCRIPTION COMMAND...: runs one assertion and counts it.
check() {
	local what=$1
	shift
	if "$@"; then
		E2E_PASSED=$((E2E_PASSED + 1))
		echo "ok - $what"
	else
		E2E_FAILED=$((E2E_FAILED + 1))
		echo "FAIL - $what"
	fi
}

e2e_finish() {
	echo "$E2E_PASSED passed, $E2E_FAILED failed"
	[ "$E2E_FAILED" -eq 0 ]
}

# e2e_start_mock MOCK ARGS...: starts citydash-mock on an ephemeral loopback
# port; sets E2E_MOCK_PID and E2E_MOCK_BASE ("http://127.0.0.1:PORT"). The
# mock is stopped on exit.
e2e_start_mock() {
	local out="$E2E_TMP/mock.out"
	"$@" --port 0 >"$out" 2>&1 &
	E2E_MOCK_PID=$!
	trap 'kill "$E2E_MOCK_PID" 2>/dev/null; wait "$E2E_MOCK_PID" 2>/dev/null; e2e_cleanup' EXIT
	for _ in $(seq 50); do
		grep -q "listening on" "$out" && break
		sleep 0.1
	done
	E2E_MOCK_BASE=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$out")
	test -n "$E2E_MOCK_BASE"
}

# e2e_start_raw NAME COLS ROWS COMMAND...: as e2e_start, and every byte the
# program sends to the terminal is kept in $E2E_TMP/NAME.raw (tmux
# pipe-pane, attached before the program may start). capture-pane shows
# only what tmux made of those bytes: it never holds an escape sequence.
e2e_start_raw() {
	local name=$1 cols=$2 rows=$3
	shift 3
	tm new-session -d -s "$name" -x "$cols" -y "$rows" \
		"while [ ! -e '$E2E_TMP/$name.go' ]; do sleep 0.05; done; env LANG=C.UTF-8 LC_ALL= TERM=screen-256color ${E2E_ENV:-} $*; echo \$? > '$E2E_TMP/$name.status'; sleep 60"
	tm pipe-pane -o -t "$name" "cat >> '$E2E_TMP/$name.raw'"
	touch "$E2E_TMP/$name.go"
}

# e2e_pid NAME: the process id of the program running in the session.
e2e_pid() { pgrep -P "$(tm display-message -p -t "$1" '#{pane_pid}')" | head -1; }

# e2e_format NAME FORMAT: a tmux format of the pane (#{alternate_on}, ...).
e2e_format() { tm display-message -p -t "$1" "$2"; }

# e2e_raw_no_colour FILE: no SGR sequence in FILE sets a colour (30-49,
# 90-107, which includes 38;5;N and 48;5;N).
e2e_raw_no_colour() {
	! LC_ALL=C grep -ao $'\e\\[[0-9;:]*m' "$1" | LC_ALL=C tr -d '\033[m' | tr ';:' '\n\n' |
		grep -qxE '3[0-9]|4[0-9]|9[0-7]|10[0-7]'
}

# e2e_names_are_ids NAME: in ASCII mode every reading on the overview is
# named by its id (ASCII letters, digits, . _ -, ">" when cut). A name is
# what follows a block's left border and the four-column marker (made of
# !!, !, x, -, #, ?, ~, padded with blanks). At least four names must be found.
e2e_names_are_ids() {
	local names bad
	names=$(e2e_screen "$1" | grep -o '|[!x#?~ -]\{4\}[^ |]\+' | cut -c6-)
	bad=$(grep -v '^[A-Za-z0-9._-]*>\?$' <<<"$names")
	if [ "$(grep -c . <<<"$names")" -lt 4 ] || [ -n "$bad" ]; then
		echo "names: $(tr '\n' ' ' <<<"$names")" >&2
		echo "not ids: $(tr '\n' ' ' <<<"$bad")" >&2
		return 1
	fi
}

# e2e_rows_fit COLS FIRST LAST < TEXT: lines FIRST..LAST each span exactly
# COLS terminal columns and end with a box border. tmux and curses both clip
# what runs past the edge, so a maximum width (wc -L) proves nothing: text
# wider than its place (or wider on the terminal than curses counted) pushes
# the border out of the pane or writes over it.
e2e_rows_fit() {
	local cols=$1 first=$2 last=$3 n=0 line w bad=0
	while IFS= read -r line; do
		n=$((n + 1))
		((n < first || n > last)) && continue
		w=$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -L)
		if [ "$w" != "$cols" ] || ! LC_ALL=C.UTF-8 grep -q '[│┐┘┤|+]$' <<<"$line"; then
			echo "line $n: $w columns, or no border at the end: [$line]" >&2
			bad=1
		fi
	done
	((n >= last)) || { echo "only $n lines" >&2; bad=1; }
	return $bad
}

# ---- the terminal given back (test_process.sh, test_signals.sh) ----

# eventually SECONDS COMMAND...: COMMAND succeeds within SECONDS (tmux draws
# what a dead program wrote a moment later than the program ends).
eventually() {
	local deadline=$((SECONDS + $1))
	shift
	until "$@"; do
		((SECONDS < deadline)) || return 1
		sleep 0.2
	done
}

mode_of() { e2e_format "$1" '#{alternate_on} #{cursor_flag}'; }
tty_modes() { stty -a -F "$(e2e_format "$1" '#{pane_tty}')"; }
# Drawing: on the alternate screen, cursor hidden, no echo, no line editing.
drawing() { test "$(mode_of "$1")" = "1 0" && tty_modes "$1" | grep -qw -- -echo; }
# Given back: the normal screen, the cursor shown, echo and line editing on.
given_back() {
	test "$(mode_of "$1")" = "0 1" && tty_modes "$1" | grep -qw echo &&
		tty_modes "$1" | grep -qw icanon
}
screen_has() { e2e_screen "$1" | grep -qF -- "$2"; }

# e2e_running NAME: the program still runs (no exit status written, its
# process there).
e2e_running() {
	local pid
	[ ! -s "$E2E_TMP/$1.status" ] && pid=$(e2e_pid "$1") && [ -n "$pid" ] && kill -0 "$pid"
}

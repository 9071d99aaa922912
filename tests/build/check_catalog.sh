#!/usr/bin/env bash
# check_catalog.sh SOURCE_DIR POTFILES: fails when a catalogue of po/LINGUAS
# does not translate every user-facing string of the sources.
#   - every string marked in the sources (xgettext, as po/make_pot.sh runs it)
#     is in po/LANG.po, translated and not fuzzy (msgcmp);
#   - xgettext has nothing to warn of (a string used both with and without a
#     plural cannot be translated both ways);
#   - msgfmt --check passes: the same printf directives, the same leading and
#     trailing newlines, a valid header;
#   - no translation is the English text itself unless a translator's comment
#     "# keep: WHY" says why (a unit, a protocol word), so copying the English
#     does not pass for translating it.
set -euo pipefail
src=$1 potfiles=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

sh "$src/po/make_pot.sh" "$src" "$potfiles" "$tmp/citydash.pot" 0 2>"$tmp/xgettext.err"
if grep -q 'warning' "$tmp/xgettext.err"; then
	echo "xgettext warns about the sources' strings:"
	grep -A3 'warning' "$tmp/xgettext.err" | grep -v 'msgid-bugs-address\|Makevars\|MSGID_BUGS'
	fail=1
fi
strings=$(grep -c '^msgid ' "$tmp/citydash.pot")
strings=$((strings - 1)) # the header

for lang in $(grep -v '^#' "$src/po/LINGUAS"); do
	po=$src/po/$lang.po
	if ! msgfmt --check --statistics -o /dev/null "$po" 2>"$tmp/msgfmt.err"; then
		echo "$lang: msgfmt --check fails:"
		cat "$tmp/msgfmt.err"
		fail=1
	fi
	if ! msgcmp "$po" "$tmp/citydash.pot" >"$tmp/msgcmp.err" 2>&1; then
		grep -v ': warning: ' "$tmp/msgcmp.err" >"$tmp/msgcmp.errors" || true
		missing=$(grep -c ': this message' "$tmp/msgcmp.errors" || true)
		echo "$lang: $missing of $strings strings are missing, untranslated or fuzzy; the first:"
		# "FILE:LINE: this message is untranslated", with the msgid before LINE.
		grep ': this message' "$tmp/msgcmp.errors" | head -20 | while IFS=: read -r file line why; do
			msgid=$(awk -v n="$line" '/^msgid/ { m = "" } /^msgid/, NR == n { if (NR < n || /^msgid/) m = m $0 } NR == n { print m; exit }' "$file")
			echo "  ${why# }: ${msgid:0:100}"
		done
		fail=1
	fi
	# Translations identical to the English, without "# keep:".
	msgattrib --no-obsolete --translated --no-fuzzy --no-wrap "$po" 2>/dev/null |
		awk -v lang="$lang" '
		/^# keep:/ { keep = 1; next }
		/^msgid "/ { id = substr($0, 7); next }
		/^msgid_plural / { next }
		/^msgstr(\[0\])? "/ {
			str = $0; sub(/^msgstr(\[0\])? /, "", str)
			if (id != "\"\"" && str == id && !keep) { print lang ": copied, not translated: " id; bad = 1 }
			keep = 0; next
		}
		/^$/ { keep = 0 }
		END { exit bad }' || fail=1
done
if [ "$fail" -eq 0 ]; then
	echo "every catalogue translates all $strings strings"
fi
exit "$fail"

#!/usr/bin/env bash
# The house's layering (check_layering.sh) holds in the source tree, and the
# check can fail: in a copy of the tree, each rule broken once (a header of a
# forbidden folder included by name, by a relative path, and one of tui/pages/)
# must be caught, naming the file.
#   test_layering.sh SOURCE_DIR
set -uo pipefail
src=$1
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

if ! bash "$here/check_layering.sh" "$src"; then
	echo "FAIL: the source tree breaks the layering"
	fail=1
fi

prev=""
# breaks FILE LINE: a copy of the tree with LINE added to FILE must fail the
# check, and the check must name FILE.
mkdir "$tmp/tree"
cp -r "$src"/{base,feeds,tui,alarms,mock,widgets,themes} "$tmp/tree/"
breaks() {
	local file=$1 line=$2 out
	cp "$src/$file" "$tmp/tree/$file" # undoes the last breach
	[ "$prev" = "" ] || cp "$src/$prev" "$tmp/tree/$prev"
	prev=$file
	printf '%s\n' "$line" >>"$tmp/tree/$file"
	if out=$(bash "$here/check_layering.sh" "$tmp/tree" 2>&1); then
		echo "FAIL: not caught: $line in $file"
		fail=1
	elif ! grep -q "^$file:" <<<"$out"; then
		echo "FAIL: caught, but $file not named: $out"
		fail=1
	else
		echo "ok - caught: $line in $file"
	fi
}

breaks widgets/gauge.c '#include "store.h"'
breaks widgets/gauge.h '#include "../tui/frame.h"'
breaks widgets/panel.c '#include "pages.h"'
breaks widgets/chart.c '#include "alarm.h"'
breaks widgets/sparkline.c '#include "city.h"'
breaks themes/theme.c '#include "keymap.h"'
breaks themes/theme.c '#include "model.h"'
breaks mock/city.c '#include "model.h"'
breaks mock/mock_server.c '#include "tui.h"'
breaks mock/city.c '#include "alarm.h"'
breaks base/text.c '#include "glyphs.h"'
breaks base/xalloc.c '#include "city.h"'
breaks base/strbuf.h '#  include "store.h"'

exit $fail

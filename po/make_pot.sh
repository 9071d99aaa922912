#!/bin/sh
# make_pot.sh SOURCE_DIR POTFILES OUT.pot VERSION: every marked string of the
# files listed in POTFILES (relative to SOURCE_DIR) into OUT.pot. The marks
# are base/i18n.h's: _ N_ P_ C_ NC_. Locations name files without line
# numbers, so a moved line does not change every catalogue.
set -eu
src=$1 list=$2 out=$3 version=$4
cd "$src"
xgettext --language=C --from-code=UTF-8 --force-po \
	--keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=C_:1c,2 --keyword=NC_:1c,2 \
	--flag=_:1:pass-c-format --flag=P_:1:pass-c-format --flag=P_:2:pass-c-format \
	--flag=C_:2:pass-c-format --flag=xasprintf:1:c-format --flag=log_printf:2:c-format \
	--add-comments=TRANSLATORS: --add-location=file \
	--package-name=citydash --package-version="$version" \
	--msgid-bugs-address="the citydash issue tracker" \
	--files-from="$list" --output="$out.tmp"
# The creation date changes on every run; nothing else does when no string did.
sed '/^"POT-Creation-Date:/d' "$out.tmp" > "$out"
rm -f "$out.tmp"

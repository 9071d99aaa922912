#!/usr/bin/env bash
# The house rules of which module may include what (README, "The house"):
#   base/              includes nothing of the project outside base/
#   widgets/, themes/  nothing of feeds/, tui/ (and tui/pages/), alarms/ or mock/:
#                      a widget takes its own small spec struct
#   mock/              nothing of feeds/, tui/ or alarms/: the mock shares no client code
# A quoted #include is resolved as the compiler does: beside the including file
# first (a relative path from there), else the one project folder holding a
# header of that name; headers no project folder holds (system, generated)
# are not the project's. Prints each breach as FILE:LINE: what, and exits 1 if
# there is one.
#   check_layering.sh SOURCE_DIR
set -euo pipefail
src=$(cd "$1" && pwd)
cd "$src"
folders=(base feeds tui tui/pages alarms mock widgets themes)

declare -A home # header name -> folder(s) holding it
for d in "${folders[@]}"; do
	for h in "$d"/*.h; do
		[ -e "$h" ] || continue
		n=${h##*/}
		home[$n]="${home[$n]:+${home[$n]} }$d"
	done
done

# forbidden FOLDER TARGET: whether FOLDER may not include from TARGET.
forbidden() {
	case $1 in
	base) [ "$2" != base ] ;;
	widgets | themes) [[ $2 == feeds || $2 == tui || $2 == tui/* || $2 == alarms || $2 == mock ]] ;;
	mock) [[ $2 == feeds || $2 == tui || $2 == tui/* || $2 == alarms ]] ;;
	*) return 1 ;;
	esac
}

breaches=0
for folder in base widgets themes mock; do
	files=()
	for file in "$folder"/*.c "$folder"/*.h; do
		[ -e "$file" ] && files+=("$file")
	done
	((${#files[@]})) || continue
	# FILE:LINE:text of every quoted include
	while IFS= read -r hit; do
		file=${hit%%:*}
		rest=${hit#*:}
		lineno=${rest%%:*}
		[[ ${rest#*:} =~ \"([^\"]+)\" ]] || continue
		inc=${BASH_REMATCH[1]}
		if [ -e "$folder/$inc" ]; then
			resolved=$(realpath -m --relative-to="$src" "$folder/$inc")
			targets=${resolved%/*}
			[ "$targets" = "$resolved" ] && targets=.
		else
			targets=${home[${inc##*/}]:-}
		fi
		for t in $targets; do
			if forbidden "$folder" "$t"; then
				echo "$file:$lineno: includes \"$inc\" of $t/ (not allowed in $folder/)"
				breaches=$((breaches + 1))
			fi
		done
	done < <(grep -HnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "${files[@]}" || true)
done
if ((breaches)); then
	echo "layering: $breaches forbidden include(s)" >&2
	exit 1
fi
echo "layering: base/, widgets/, themes/ and mock/ include only what they may"

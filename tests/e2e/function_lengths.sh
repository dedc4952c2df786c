#!/bin/bash
# No function in pipeline/ is longer than 120 lines (HACKING.md "Function length"), apart from
# the ones listed in tests/function_lengths_allowed.txt while they are being split. Lengths come
# from Universal Ctags (first to last line of each function definition). Skips (exit 0 with a
# message) only when Universal Ctags is not installed.
. "$(dirname "$0")/lib/common.sh" "$@"
command -v ctags >/dev/null && ctags --version 2>/dev/null | grep -q Universal ||
  { echo "SKIP: Universal Ctags not installed (apt-get install -y universal-ctags)"; exit 0; }
cd "$SRC" || fail "no source tree $SRC"
limit=120
allowed=tests/function_lengths_allowed.txt
ctags -R --languages=C++ --kinds-C++=f --fields=+ne -x --_xformat="%{end} %{line} %{input} %{name}" pipeline \
  | awk -v limit=$limit '$1 - $2 + 1 > limit { print $3 ":" $4, $1 - $2 + 1 }' | sort > "$TMP/long.txt"
over=""
while read -r where lines; do
  grep -qx "$where" <(grep -v '^#' "$allowed" | awk '{print $1}') || over+="  $where ($lines lines)"$'\n'
done < "$TMP/long.txt"
[ -z "$over" ] || fail "functions longer than $limit lines (split them, see HACKING.md):
$over"
# A listed function that is short now comes off the list.
stale=""
for where in $(grep -v '^#' "$allowed" | awk '{print $1}'); do
  grep -q "^$where " "$TMP/long.txt" || stale+=" $where"
done
[ -z "$stale" ] || fail "no longer over $limit lines, remove from $allowed:$stale"
echo "function lengths: none over $limit lines beyond the $(grep -vc '^#' "$allowed") listed"

#!/bin/bash
# e2e (issue 16, finding 2): a file wrong from its first lines is refused quickly, with a bounded
# number of findings, whatever its size. Files are generated here (64 MB and 2 MB).
# - 64 MB of millions of unknown elements: refused at the element limit (XML-SIZE), reading stops.
# - 500 000 unknown elements (below that limit): at most 100 findings for the file and one note
#   saying how many more there were.
# - 2 MB of elements on one line (columns used to be found by scanning back each time: 62 s).
. "$(dirname "$0")/lib/common.sh" "$@"
H="$SRC/tests/e2e/lib/hostile.py"
python3 "$H" unknown-elements "$TMP/x64.xml" 64 && python3 "$H" unknown-count "$TMP/many.xml" 500000 &&
  python3 "$H" unknown-elements "$TMP/oneline.xml" 2 one-line || fail "generate"
check() {  # check FILE PATTERN MAX_LINES
  timeout 300 "$WENSHU" validate --show all "$TMP/$1" > "$TMP/out.txt" 2>&1; local rc=$?
  [ $rc -ne 124 ] || fail "$1: still running after 300 s"
  [ $rc -eq 1 ] || { head -c 3000 "$TMP/out.txt"; fail "$1: exit $rc, want 1"; }
  grep -q -- "$2" "$TMP/out.txt" || { head -c 3000 "$TMP/out.txt"; fail "$1: no line matching $2"; }
  local n; n=$(grep -c "^$TMP/$1" "$TMP/out.txt")
  [ "$n" -le "$3" ] || fail "$1: $n findings, want at most $3"
}
check x64.xml "XML-SIZE.*元素超过 1000000 个" 5
check many.xml "本文件另有 499900 条诊断未列出" 102
check oneline.xml "本文件另有" 102
grep -q "oneline.xml:3:9: " "$TMP/out.txt" || fail "oneline.xml: the third element's column is not 9"
echo "OK"

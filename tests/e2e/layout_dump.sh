#!/usr/bin/env bash
# layout-dump end to end: a document file -> text dump (header, fonts, pages, line boxes with
# glyph x/advance, rules); same bytes twice; -o writes the same text; invalid XML -> exit 1
# with a located diagnostic; missing file -> exit 2.
# Usage: layout_dump.sh <path-to-wenshu> <source-dir>
. "$(dirname "$0")/lib/common.sh" "$@"
write_test_notice "$TMP/notice.xml"

"$WENSHU" layout-dump "$TMP/notice.xml" > "$TMP/a.txt" 2> "$TMP/a.err"
rc=$?
[ $rc -eq 0 ] || { cat "$TMP/a.err" >&2; fail "layout-dump exit $rc"; }
head -1 "$TMP/a.txt" | grep -qx 'wenshu-layout-dump 1' || fail "no dump header"
grep -q '^page 1 size 595.276x841.890 number 1$' "$TMP/a.txt" || fail "no A4 page 1"
grep -q 'rgb(1000,0,0).* 中@' "$TMP/a.txt" || fail "no red mark"
grep -q '^1 rule 79.370 .* 521.575 .* rgb(1000,0,0)$' "$TMP/a.txt" || fail "no 156 mm red rule"
grep -q '高@' "$TMP/a.txt" || fail "body text missing"
grep -q '—@' "$TMP/a.txt" || fail "page number missing"

"$WENSHU" layout-dump "$TMP/notice.xml" > "$TMP/b.txt" 2>/dev/null
cmp -s "$TMP/a.txt" "$TMP/b.txt" || fail "dump differs between runs"
"$WENSHU" layout-dump -o "$TMP/c.txt" "$TMP/notice.xml" 2>/dev/null || fail "-o failed"
cmp -s "$TMP/a.txt" "$TMP/c.txt" || fail "-o output differs from stdout"

printf '<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:wenshu:gongwen:1">\n<title>x</title\n' > "$TMP/bad.xml"
"$WENSHU" layout-dump "$TMP/bad.xml" > "$TMP/bad.txt" 2> "$TMP/bad.err"
rc=$?
[ $rc -eq 1 ] || fail "bad XML: exit $rc, expected 1"
grep -q 'bad.xml:[0-9]' "$TMP/bad.err" || fail "bad XML: no located diagnostic"
[ -s "$TMP/bad.txt" ] && fail "bad XML: dump printed"

"$WENSHU" layout-dump "$TMP/missing.xml" > /dev/null 2>&1
rc=$?
[ $rc -eq 2 ] || fail "missing file: exit $rc, expected 2"

for f in "$SRC"/samples/documents/*.xml; do
  [ -e "$f" ] || continue
  "$WENSHU" layout-dump "$f" > "$TMP/s.txt" 2> "$TMP/s.err"
  rc=$?
  [ $rc -le 1 ] || { cat "$TMP/s.err" >&2; fail "$(basename "$f"): exit $rc"; }
  grep -q '^page 1 ' "$TMP/s.txt" || fail "$(basename "$f"): no page"
done
echo "layout_dump: ok"

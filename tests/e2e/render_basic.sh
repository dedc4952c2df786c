#!/usr/bin/env bash
# render end to end: a document file -> PDF that passes qpdf, pdffonts (embedded, subset,
# ToUnicode), pdftotext and pdfinfo; same bytes twice; bad input -> exit 1 and no PDF;
# missing input -> exit 2; a folder renders the 公文 files under it. Also renders every
# samples/documents/*.xml that exists.
# Usage: render_basic.sh <path-to-wenshu> <source-dir>
. "$(dirname "$0")/lib/common.sh" "$@"
write_test_notice "$TMP/notice.xml"

check_pdf() {  # check_pdf FILE
  local f=$1
  qpdf --check "$f" > "$TMP/qpdf.txt" 2>&1 || { cat "$TMP/qpdf.txt" >&2; fail "qpdf --check $f"; }
  pdffonts "$f" > "$TMP/fonts.txt" 2>&1 || fail "pdffonts $f"
  # Every font line (they have a subset tag "XXXXXX+") must say emb yes, sub yes, uni yes.
  grep -q '+' "$TMP/fonts.txt" || fail "no fonts in $f"
  if grep '+' "$TMP/fonts.txt" | grep -v 'yes yes yes' >&2; then fail "font not embedded/subset/unicode in $f"; fi
  pdfinfo "$f" > "$TMP/info.txt" 2>&1 || fail "pdfinfo $f"
  grep -q 'Page size: *595.276 x 841.89 pts (A4)' "$TMP/info.txt" || fail "not A4: $f"
  grep -q 'Encrypted: *no' "$TMP/info.txt" || fail "encrypted: $f"
  grep -q 'JavaScript: *no' "$TMP/info.txt" || fail "JavaScript in $f"
}

"$WENSHU" render -o "$TMP/out" "$TMP/notice.xml" > "$TMP/log.txt" 2>&1
rc=$?
[ $rc -eq 0 ] || { cat "$TMP/log.txt" >&2; fail "render exit $rc, want 0"; }
[ -f "$TMP/out/notice.pdf" ] || fail "no out/notice.pdf"
check_pdf "$TMP/out/notice.pdf"
pdftotext -enc UTF-8 "$TMP/out/notice.pdf" - | tr -d ' \n\f' > "$TMP/text.txt"
grep -q '关于加强公文处理工作的通知' "$TMP/text.txt" || fail "title text not extracted"
grep -q '为进一步规范公文处理工作，提高公文质量' "$TMP/text.txt" || fail "body text not extracted"

# Determinism: a second run gives the same bytes (also under another time zone).
cp "$TMP/out/notice.pdf" "$TMP/first.pdf"
TZ=Asia/Shanghai "$WENSHU" render -o "$TMP/out" "$TMP/notice.xml" > /dev/null 2>&1 || fail "second render"
cmp -s "$TMP/first.pdf" "$TMP/out/notice.pdf" || fail "output differs between runs"

# Broken XML: exit 1, a diagnostic naming the file, and no PDF.
printf '<document xmlns="urn:wenshu:gongwen:1" kind="通知"><title>x</title>' > "$TMP/broken.xml"
"$WENSHU" render -o "$TMP/out2" "$TMP/broken.xml" > "$TMP/log2.txt" 2>&1
rc=$?
[ $rc -eq 1 ] || { cat "$TMP/log2.txt" >&2; fail "broken input: exit $rc, want 1"; }
grep -q 'broken.xml' "$TMP/log2.txt" || fail "diagnostic does not name the file"
[ ! -e "$TMP/out2/broken.pdf" ] || fail "a PDF was written for broken input"
ls "$TMP/out2" 2>/dev/null | grep -q tmp && fail "temporary file left behind"

# Missing input: exit 2.
"$WENSHU" render -o "$TMP/out3" "$TMP/nonexistent.xml" > /dev/null 2>&1
rc=$?
[ $rc -eq 2 ] || fail "missing input: exit $rc, want 2"

# The shipped samples, when there are any.
shopt -s nullglob
samples=("$SRC"/samples/documents/*.xml)
if [ ${#samples[@]} -gt 0 ]; then
  "$WENSHU" render -o "$TMP/samples" "${samples[@]}" > "$TMP/log4.txt" 2>&1
  rc=$?
  [ $rc -le 1 ] || { cat "$TMP/log4.txt" >&2; fail "samples: exit $rc"; }
  for pdf in "$TMP"/samples/*.pdf; do check_pdf "$pdf"; done
fi
# A folder: its 公文 files are rendered (a subfolder too), other XML in it is left alone, and
# the outputs are the bytes the same files give when named one by one.
mkdir -p "$TMP/folder/sub"
cp "$TMP/notice.xml" "$TMP/folder/sub/"
printf '<?xml version="1.0"?>\n<layout-profile/>\n' > "$TMP/folder/not-a-document.xml"
"$WENSHU" render -o "$TMP/outf" "$TMP/folder" > "$TMP/logf.txt" 2>&1
rc=$?
[ $rc -eq 0 ] || { cat "$TMP/logf.txt" >&2; fail "render of a folder: exit $rc, want 0"; }
cmp -s "$TMP/first.pdf" "$TMP/outf/notice.pdf" || fail "a folder's document differs from the file named alone"
[ "$(ls "$TMP/outf")" = "notice.pdf" ] || fail "render of a folder wrote $(ls "$TMP/outf")"
mkdir -p "$TMP/empty"
"$WENSHU" render -o "$TMP/oute" "$TMP/empty" > "$TMP/loge.txt" 2>&1
rc=$?
[ $rc -eq 2 ] || fail "a folder without documents: exit $rc, want 2"
grep -q 'XML-IO' "$TMP/loge.txt" || fail "a folder without documents: no XML-IO diagnostic"

echo "render_basic: ok"

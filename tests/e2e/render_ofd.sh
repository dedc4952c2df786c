#!/usr/bin/env bash
# render --as end to end (docs/ofd.md): --as both writes X.pdf and X.ofd side by side from one
# layout; the OFD is a ZIP with OFD.xml first whose parts validate with xmllint against
# schemas/ofd/; two renders give the same OFD bytes; --as ofd writes no PDF; a bad --as value
# is a usage error (exit 2); `check` passes the OFD (exit 0) and gives hostile OFDs one finding
# and exit 1 (not a ZIP, truncated, an entry name with ../, a billion-laughs part).
# Usage: render_ofd.sh <path-to-wenshu> <source-dir>
. "$(dirname "$0")/lib/common.sh" "$@"
write_test_notice "$TMP/notice.xml"

"$WENSHU" render --as both -o "$TMP/a" "$TMP/notice.xml" > "$TMP/log.txt" 2>&1 || { cat "$TMP/log.txt" >&2; fail "render --as both"; }
[ -f "$TMP/a/notice.pdf" ] && [ -f "$TMP/a/notice.ofd" ] || fail "--as both did not write notice.pdf and notice.ofd"
"$WENSHU" render --as both -o "$TMP/b" "$TMP/notice.xml" > /dev/null 2>&1 || fail "second render"
cmp -s "$TMP/a/notice.ofd" "$TMP/b/notice.ofd" || fail "two renders give different OFD bytes"
cmp -s "$TMP/a/notice.pdf" "$TMP/b/notice.pdf" || fail "two renders give different PDF bytes"

# The package: OFD.xml is the first entry; every XML part validates against our schemas.
first=$(unzip -Z1 "$TMP/a/notice.ofd" | head -n 1)
[ "$first" = "OFD.xml" ] || fail "first entry is $first, want OFD.xml"
mkdir -p "$TMP/x" && (cd "$TMP/x" && unzip -q "$TMP/a/notice.ofd") || fail "unzip"
S="$SRC/schemas/ofd"
xmllint --noout --schema "$S/OFD.xsd" "$TMP/x/OFD.xml" 2>"$TMP/v.txt" || { cat "$TMP/v.txt" >&2; fail "OFD.xml invalid"; }
xmllint --noout --schema "$S/Document.xsd" "$TMP/x/Doc_0/Document.xml" 2>"$TMP/v.txt" || { cat "$TMP/v.txt" >&2; fail "Document.xml invalid"; }
xmllint --noout --schema "$S/Res.xsd" "$TMP/x/Doc_0/PublicRes.xml" 2>"$TMP/v.txt" || { cat "$TMP/v.txt" >&2; fail "PublicRes.xml invalid"; }
for page in "$TMP"/x/Doc_0/Pages/*/Content.xml; do
  xmllint --noout --schema "$S/Page.xsd" "$page" 2>"$TMP/v.txt" || { cat "$TMP/v.txt" >&2; fail "$page invalid"; }
done
grep -q '关于加强公文处理工作的通知' "$TMP/x/Doc_0/Pages/Page_0/Content.xml" || fail "title text not in a TextCode"

"$WENSHU" render --as ofd -o "$TMP/c" "$TMP/notice.xml" > /dev/null 2>&1 || fail "render --as ofd"
[ -f "$TMP/c/notice.ofd" ] && [ ! -e "$TMP/c/notice.pdf" ] || fail "--as ofd must write the OFD only"
"$WENSHU" render --as xps -o "$TMP/d" "$TMP/notice.xml" > /dev/null 2>&1
[ $? -eq 2 ] || fail "--as xps: want exit 2"

"$WENSHU" check "$TMP/a/notice.ofd" > "$TMP/check.txt" 2>&1 || { cat "$TMP/check.txt" >&2; fail "check of our own OFD"; }

# Hostile OFDs: one finding each, exit 1.
printf 'not a zip' > "$TMP/junk.ofd"
head -c 2000 "$TMP/a/notice.ofd" > "$TMP/truncated.ofd"
python3 - "$TMP/a/notice.ofd" "$TMP/dotdot.ofd" "$TMP/laughs.ofd" <<'PY' || fail "cannot make the hostile packages"
import sys, zipfile
src, dotdot, laughs = sys.argv[1:4]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dotdot, 'w') as d, zipfile.ZipFile(laughs, 'w') as l:
    for name in z.namelist():
        data = z.read(name)
        d.writestr(name, data)
        if name.endswith('Page_0/Content.xml'):
            data = (b'<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<p>&c;</p>\n')
        l.writestr(name, data)
    d.writestr('../../evil.txt', b'x')
PY
for bad in junk truncated dotdot laughs; do
  "$WENSHU" check "$TMP/$bad.ofd" > "$TMP/check.txt" 2>&1
  rc=$?
  [ $rc -eq 1 ] || { cat "$TMP/check.txt" >&2; fail "check $bad.ofd: exit $rc, want 1"; }
  n=$(grep -c 'error\[OFD-' "$TMP/check.txt")
  [ "$n" -eq 1 ] || { cat "$TMP/check.txt" >&2; fail "check $bad.ofd: $n findings, want 1"; }
done
echo "render_ofd: ok"

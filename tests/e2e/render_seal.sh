#!/usr/bin/env bash
# Seal images end to end (GB/T 9704-2012 7.3.5.1): a joint 公文 with one PNG seal per 署名 →
# a PDF that passes qpdf with the seals as images with soft masks; same bytes twice; a seal
# file that is not an image → exit 1, a diagnostic naming the document and the <seal> line,
# no PDF. Also `--layout` with the shipped default profile gives the same bytes, and a bad
# layout profile → exit 2 naming its file and line.
# Usage: render_seal.sh <path-to-wenshu> <source-dir>
. "$(dirname "$0")/lib/common.sh" "$@"

# A 64 × 64 RGBA seal: red ring on a transparent ground (python3's zlib, no image library).
python3 - "$TMP/seal-a.png" "$TMP/seal-b.png" <<'PY' || fail "cannot write the test PNGs"
import struct, sys, zlib
def png(path, red):
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    raw = b''
    for y in range(64):
        raw += b'\0'
        for x in range(64):
            d2 = (x - 31.5) ** 2 + (y - 31.5) ** 2
            ink = 26 ** 2 < d2 < 31 ** 2 or d2 < 6 ** 2
            raw += bytes([red, 0, 20, 255 if ink else 0])
    data = (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 64, 64, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
    open(path, 'wb').write(data)
png(sys.argv[1], 230)
png(sys.argv[2], 200)
PY

cat > "$TMP/joint.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:wenshu:gongwen:1" kind="通知" id="joint">
  <header>
    <issuers><issuer>中共某某市委办公室</issuer><issuer>某某市人民政府办公室</issuer></issuers>
    <doc-number>市委办发〔2009〕33号</doc-number>
  </header>
  <title>关于加强公文处理工作的通知</title>
  <main-recipients>各县（市、区）委，市委各部委：</main-recipients>
  <body>
    <p>为进一步规范公文处理工作，提高公文质量，现就有关事项通知如下。</p>
  </body>
  <signatures><signature>中共某某市委办公室</signature><signature>某某市人民政府办公室</signature></signatures>
  <date value="2009-09-02">二〇〇九年九月二日</date>
  <seal kind="image" image="seal-a.png"/>
  <seal kind="image" image="seal-b.png"/>
</document>
XML

"$WENSHU" render -o "$TMP/out" "$TMP/joint.xml" > "$TMP/log.txt" 2>&1
rc=$?
[ $rc -eq 0 ] || { cat "$TMP/log.txt" >&2; fail "render exit $rc, want 0"; }
f="$TMP/out/joint.pdf"
qpdf --check "$f" > "$TMP/qpdf.txt" 2>&1 || { cat "$TMP/qpdf.txt" >&2; fail "qpdf --check"; }
pdfimages -list "$f" > "$TMP/images.txt" 2>&1 || fail "pdfimages"
[ "$(awk '$3 == "image"' "$TMP/images.txt" | wc -l)" -eq 2 ] || { cat "$TMP/images.txt" >&2; fail "want 2 seal images"; }
[ "$(awk '$3 == "smask"' "$TMP/images.txt" | wc -l)" -eq 2 ] || { cat "$TMP/images.txt" >&2; fail "want 2 soft masks"; }
pdftotext -enc UTF-8 "$f" - | tr -d ' \n\f' | grep -q '某某市人民政府办公室' || fail "signature text not extracted"
cp "$f" "$TMP/first.pdf"
"$WENSHU" render -o "$TMP/out" "$TMP/joint.xml" > /dev/null 2>&1 || fail "second render"
cmp -s "$TMP/first.pdf" "$f" || fail "output differs between runs"

# --layout with the shipped default profile: the same bytes.
"$WENSHU" render --layout "$SRC/profiles/layout-default.xml" -o "$TMP/out3" "$TMP/joint.xml" > "$TMP/log3.txt" 2>&1 ||
  { cat "$TMP/log3.txt" >&2; fail "render --layout default"; }
cmp -s "$TMP/first.pdf" "$TMP/out3/joint.pdf" || fail "--layout layout-default.xml changes the output"

# A bad layout profile: exit 2, file and line named.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<layout-profile xmlns="urn:wenshu:layout-profile:1" name="x">\n  <number name="lines-per-page" value="lots"/>\n</layout-profile>\n' > "$TMP/bad-layout.xml"
"$WENSHU" layout-dump --layout "$TMP/bad-layout.xml" "$TMP/joint.xml" > /dev/null 2> "$TMP/log4.txt"
rc=$?
[ $rc -eq 2 ] || { cat "$TMP/log4.txt" >&2; fail "bad layout profile: exit $rc, want 2"; }
grep -q 'bad-layout.xml:3' "$TMP/log4.txt" || { cat "$TMP/log4.txt" >&2; fail "bad layout profile: no file:line"; }

# A seal file that is not an image: exit 1, the document and the <seal> line named, no PDF.
printf 'GIF89a' > "$TMP/seal-b.png"
"$WENSHU" render -o "$TMP/out2" "$TMP/joint.xml" > "$TMP/log2.txt" 2>&1
rc=$?
[ $rc -eq 1 ] || { cat "$TMP/log2.txt" >&2; fail "bad seal: exit $rc, want 1"; }
grep -q 'joint.xml:15' "$TMP/log2.txt" || { cat "$TMP/log2.txt" >&2; fail "bad seal: no file:line"; }
[ ! -e "$TMP/out2/joint.pdf" ] || fail "a PDF was written despite the bad seal"
echo "render_seal: ok"

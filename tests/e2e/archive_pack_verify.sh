#!/bin/bash
# e2e: wenshu pack / verify / check on a synthetic submission: determinism, unzip -t, verify on
# the ZIP and on the unpacked folder, and failures (exit 1, named) on tampered, hostile,
# truncated and bomb ZIPs. Nothing may be written outside the temp folder.
set -u
WENSHU="$1"; SRC="$2"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
python3 "$SRC/tests/e2e/archive_make_submission.py" "$T/in" 12 || fail "make submission"

"$WENSHU" check "$T/in" > "$T/check.txt"; rc=$?
[ $rc -eq 0 ] || { cat "$T/check.txt"; fail "check on a clean submission exit $rc"; }

"$WENSHU" pack --year 2024 --fonds Z109 --filing-date 2025-01-15 -o "$T/a" "$T/in" > "$T/pack.txt" || { cat "$T/pack.txt"; fail "pack"; }
"$WENSHU" pack --year 2024 --fonds Z109 --filing-date 2025-01-15 -o "$T/b" "$T/in" > /dev/null || fail "pack 2"
cmp "$T/a/Z109-WS-2024.zip" "$T/b/Z109-WS-2024.zip" || fail "two packs differ"
ls "$T/a" | grep -qv '^Z109-WS-2024.zip$' && fail "stray files in output: $(ls "$T/a")"
unzip -tq "$T/a/Z109-WS-2024.zip" > /dev/null || fail "unzip -t"
"$WENSHU" verify "$T/a/Z109-WS-2024.zip" > "$T/v.txt" || { cat "$T/v.txt"; fail "verify of a fresh dossier"; }
grep -q "PASS" "$T/v.txt" || fail "no PASS line"

mkdir "$T/u" && (cd "$T/u" && unzip -q "$T/a/Z109-WS-2024.zip") || fail "unzip"
"$WENSHU" verify "$T/u/Z109-WS-2024" > "$T/v.txt" || { cat "$T/v.txt"; fail "verify of the unpacked folder"; }

expect_fail() {  # expect_fail NAME PATTERN PATH
  "$WENSHU" verify "$3" > "$T/v.txt" 2>&1; rc=$?
  [ $rc -eq 1 ] || { cat "$T/v.txt"; fail "$1: exit $rc, want 1"; }
  grep -q -- "$2" "$T/v.txt" || { cat "$T/v.txt"; fail "$1: no line matching $2"; }
}
# Extra file in the unpacked folder.
echo x > "$T/u/Z109-WS-2024/data/extra.txt"
expect_fail "extra file" "BAG-EXTRA.*\|extra.txt.*BAG-EXTRA" "$T/u/Z109-WS-2024"
rm "$T/u/Z109-WS-2024/data/extra.txt"
# Entry deleted from the ZIP.
python3 - "$T" <<'PY' || fail "delete entry"
import sys, zipfile
t = sys.argv[1]
with zipfile.ZipFile(t + "/a/Z109-WS-2024.zip") as src, zipfile.ZipFile(t + "/del.zip", "w") as dst:
    for info in src.infolist():
        if not info.filename.endswith("-0002-01.pdf"):
            dst.writestr(info, src.read(info.filename))
PY
expect_fail "deleted entry" "BAG-MISSING" "$T/del.zip"
# Truncated ZIP.
head -c 5000 "$T/a/Z109-WS-2024.zip" > "$T/trunc.zip"
expect_fail "truncated" "ZIP-OPEN" "$T/trunc.zip"
# ../ entries and a zip bomb, made with Python's zipfile.
python3 - "$T" <<'PY'
import sys, zipfile
t = sys.argv[1]
with zipfile.ZipFile(t + "/evil.zip", "w") as z:
    z.writestr("Z109-WS-2024/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    z.writestr("Z109-WS-2024/../../../tmp/evil.txt", "x")
with zipfile.ZipFile(t + "/bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("Z109-WS-2024/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    z.writestr("Z109-WS-2024/data/zeros.pdf", b"\0" * (64 << 20))
PY
expect_fail "dot-dot" "ZIP-PATH" "$T/evil.zip"
[ -e /tmp/evil.txt ] && fail "verify wrote outside its temp dir"
expect_fail "bomb" "ZIP-BOMB" "$T/bomb.zip"
# Flipped byte inside a stored PDF.
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
b = bytearray(open(t + "/a/Z109-WS-2024.zip", "rb").read())
i = b.find(b"/Title (doc 5)")
b[i + 8] ^= 1
open(t + "/flip.zip", "wb").write(b)
PY
expect_fail "flipped byte" "\.pdf" "$T/flip.zip"
# ... and it is one finding about that one entry, with no knock-on findings.
grep -q "FAIL — 1 个错误" "$T/v.txt" || { cat "$T/v.txt"; fail "flipped byte: want exactly one finding"; }
# A lying page count in a submission is caught by check and refused by pack.
sc=$(find "$T/in" -name 'doc-00001.pdf.xml')
sed -i 's/pages="2"/pages="7"/' "$sc"
"$WENSHU" check "$T/in" > "$T/c.txt" 2>&1; [ $? -eq 1 ] || fail "check should fail on a wrong page count"
grep -q "DA-4" "$T/c.txt" || fail "check: no DA-4"
"$WENSHU" pack --year 2024 --fonds Z109 -o "$T/c" "$T/in" > "$T/p.txt"; [ $? -eq 1 ] || fail "pack should refuse"
[ -e "$T/c/Z109-WS-2024.zip" ] && fail "pack wrote a ZIP despite errors"
echo "archive_pack_verify: OK"

#!/bin/bash
# e2e (issue 16, finding 5): verify refuses what a dossier must not hold, each with exit 1 and a
# finding naming the entry: extra root files (manifest-evil.exe), directory entries (one with
# hidden bytes), a repeated Payload-Oxum, setuid and symlink Unix modes, control characters in
# names. And --expect: a dossier rewritten consistently (a valid dossier, but not the one that
# was published) passes without an anchor and fails with the digest pack printed.
. "$(dirname "$0")/lib/common.sh" "$@"
python3 "$SRC/tests/e2e/archive_make_submission.py" "$TMP/in" 4 || fail "make submission"
"$WENSHU" pack --year 2024 --fonds Z109 --filing-date 2025-01-15 -o "$TMP/a" "$TMP/in" > "$TMP/pack.txt" || { cat "$TMP/pack.txt"; fail "pack"; }
zip="$TMP/a/Z109-WS-2024.zip"
"$WENSHU" verify "$zip" > /dev/null || fail "verify of a fresh dossier"

variant() {  # variant NAME PYTHON-BODY: writes $TMP/NAME.zip from the dossier, changed by BODY
  python3 - "$zip" "$TMP/$1.zip" "$2" <<'PY' || fail "build variant $1"
import sys, zipfile
src, dst, body = sys.argv[1], sys.argv[2], sys.argv[3]
with zipfile.ZipFile(src) as z:
    entries = [(i, z.read(i.filename)) for i in z.infolist()]
root = "Z109-WS-2024/"
def add(out, name, data, mode=None):
    info = zipfile.ZipInfo(name, date_time=(2025, 1, 15, 0, 0, 0))
    if mode is not None:
        info.create_system = 3
        info.external_attr = mode << 16
    out.writestr(info, data)
with zipfile.ZipFile(dst, "w") as out:
    exec(body)
PY
}
expect_fail() {  # expect_fail NAME PATTERN
  timeout 60 "$WENSHU" verify "$TMP/$1.zip" > "$TMP/v.txt" 2>&1; rc=$?
  [ $rc -eq 1 ] || { cat "$TMP/v.txt"; fail "$1: exit $rc, want 1"; }
  grep -q -- "$2" "$TMP/v.txt" || { cat "$TMP/v.txt"; fail "$1: no line matching $2"; }
}
copy='for i, d in entries: out.writestr(i, d)'
variant evil-manifest "$copy
add(out, root + 'manifest-evil.exe', b'MZ')"
expect_fail evil-manifest "manifest-evil.exe: error\[BAG-EXTRA\]"
variant dir-entry "$copy
add(out, root + 'data/hidden/', b'hidden bytes')"
expect_fail dir-entry "data/hidden/: error\[ZIP-ENTRY\].*带有数据"
variant oxum-twice "for i, d in entries:
    if i.filename.endswith('bag-info.txt'):
        d = d + [l for l in d.split(b'\n') if l.startswith(b'Payload-Oxum')][0] + b'\n'
    out.writestr(i, d)"
expect_fail oxum-twice "BAG-INFO.*Payload-Oxum 重复出现"
variant setuid "for i, d in entries:
    add(out, i.filename, d, 0o104755 if i.filename.endswith('说明文件.txt') else None)"
expect_fail setuid "说明文件.txt: error\[ZIP-ENTRY\].*setuid"
variant symlink "$copy
add(out, root + 'data/link.pdf', b'/etc/passwd', 0o120777)"
expect_fail symlink "data/link.pdf: error\[ZIP-PATH\].*符号链接"
variant control "$copy
add(out, root + 'data/a\x01b.txt', b'x')"
expect_fail control "ZIP-PATH.*control character 0x01"

# --expect: the digests pack printed anchor the dossier.
sha_zip=$(sed -n 's/^  SHA-256(zip) *= //p' "$TMP/pack.txt")
sm3_tag=$(sed -n 's/^  SM3(tagmanifest-sm3.txt) *= //p' "$TMP/pack.txt")
[ ${#sha_zip} -eq 64 ] && [ ${#sm3_tag} -eq 64 ] || { cat "$TMP/pack.txt"; fail "pack printed no digests"; }
"$WENSHU" verify --expect "$sha_zip" "$zip" > /dev/null || fail "--expect with the ZIP's SHA-256"
"$WENSHU" verify --expect "sm3:$sm3_tag" "$zip" > /dev/null || fail "--expect with the tag manifest's SM3"
mkdir "$TMP/u" && (cd "$TMP/u" && unzip -q "$zip") || fail "unzip"
"$WENSHU" verify --expect "$sm3_tag" "$TMP/u/Z109-WS-2024" > /dev/null || fail "--expect on the unpacked folder"
# A consistent rewrite: another valid dossier under the same name (one document more).
python3 "$SRC/tests/e2e/archive_make_submission.py" "$TMP/in2" 5 || fail "make submission 2"
"$WENSHU" pack --year 2024 --fonds Z109 --filing-date 2025-01-15 -o "$TMP/b" "$TMP/in2" > /dev/null || fail "pack 2"
"$WENSHU" verify "$TMP/b/Z109-WS-2024.zip" > /dev/null || fail "the rewritten dossier is valid in itself"
"$WENSHU" verify --expect "$sha_zip" "$TMP/b/Z109-WS-2024.zip" > "$TMP/v.txt" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q "BAG-ANCHOR" "$TMP/v.txt" || { cat "$TMP/v.txt"; fail "--expect did not catch the rewrite"; }
"$WENSHU" verify --expect "$sm3_tag" "$TMP/b/Z109-WS-2024.zip" > /dev/null 2>&1 && fail "--expect SM3 did not catch the rewrite"
"$WENSHU" verify --expect "xyz" "$zip" > /dev/null 2>&1; [ $? -eq 2 ] || fail "--expect with a malformed digest: want exit 2"
echo "OK"

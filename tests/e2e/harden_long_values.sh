#!/bin/bash
# e2e (issue 16, finding 1): a value tens of thousands of characters long, quoted in a schema
# message, used to crash validate, render and verify (std::regex recursion). Each command must
# now refuse it with exit 1 and a short message.
. "$(dirname "$0")/lib/common.sh" "$@"
long=$(python3 -c 'print("x" * 30000)')

# validate: a record whose attribute values are 30 000 characters long.
cat > "$TMP/long.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<records xmlns="urn:wenshu:records:1" version="1" committee="ganzhou" year="2009">
  <meeting id="m1" kind="$long" date="$long" title="t"/>
</records>
XML
"$WENSHU" validate "$TMP/long.xml" > "$TMP/out.txt" 2>&1; rc=$?
[ $rc -eq 1 ] || { head -c 2000 "$TMP/out.txt"; fail "validate: exit $rc, want 1"; }
grep -q "XML-SCHEMA" "$TMP/out.txt" || fail "validate: no XML-SCHEMA finding"
grep -q "共 30000 字" "$TMP/out.txt" || fail "validate: the value is not quoted as a bounded prefix"
awk 'length($0) > 2000 { exit 1 }' "$TMP/out.txt" || fail "validate: a message line longer than 2000 bytes"

# render: a 公文 whose date value is 30 000 characters long.
write_test_notice "$TMP/notice.xml"
sed -i "s|<date value=\"2009-09-02\">|<date value=\"$long\">|" "$TMP/notice.xml"
"$WENSHU" render -o "$TMP/out" "$TMP/notice.xml" > "$TMP/out.txt" 2>&1; rc=$?
[ $rc -eq 1 ] || { head -c 2000 "$TMP/out.txt"; fail "render: exit $rc, want 1"; }
grep -q "XML-SCHEMA" "$TMP/out.txt" || fail "render: no XML-SCHEMA finding"
awk 'length($0) > 2000 { exit 1 }' "$TMP/out.txt" || fail "render: a message line longer than 2000 bytes"

# verify: a dossier whose item metadata carries a 30 000-character digest attribute.
python3 "$SRC/tests/e2e/archive_make_submission.py" "$TMP/in" 2 || fail "make submission"
"$WENSHU" pack --year 2024 --fonds Z109 --filing-date 2025-01-15 -o "$TMP/d" "$TMP/in" > /dev/null || fail "pack"
python3 - "$TMP/d/Z109-WS-2024.zip" "$TMP/long.zip" <<'PY' || fail "rewrite dossier"
import re, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        data = src.read(info.filename)
        if re.search(r"/电子档案/.*/[^/]*-0001\.xml$", info.filename):
            data = re.sub(rb'sha256="[0-9a-f]{64}"', b'sha256="' + b"0" * 30000 + b'"', data, count=1)
        dst.writestr(info, data)
PY
"$WENSHU" verify "$TMP/long.zip" > "$TMP/out.txt" 2>&1; rc=$?
[ $rc -eq 1 ] || { head -c 2000 "$TMP/out.txt"; fail "verify: exit $rc, want 1"; }
grep -q "XML-SCHEMA" "$TMP/out.txt" || { head -c 3000 "$TMP/out.txt"; fail "verify: no XML-SCHEMA finding"; }
awk 'length($0) > 2000 { exit 1 }' "$TMP/out.txt" || fail "verify: a message line longer than 2000 bytes"
echo "OK"

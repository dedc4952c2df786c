#!/usr/bin/env bash
# Signed dossiers with DA/T 48 EEP packages and OFD-A renditions, end to end
# (docs/archive-signature.md, docs/ofd.md §6): `build --as both --eep --sign KEY --cert CERT`
# on one sample committee packs dossiers that verify, with the signer and signing date
# reported; flipping one byte in a signed tag file, the signature file, an EEP or an OFD
# rendition each gives exactly one finding; a foreign certificate put into the signature file
# or a signer not trusted (--trust) gives one finding; a key that is not SM2 or a certificate
# that is not the key's is a usage error (exit 2). Dossiers are deterministic, signed ones too
# (the SM2 signature's secret number is derived, not random), and openssl verifies the signature.
# Usage: archive_sign_eep.sh <path-to-wenshu> <source-dir>
. "$(dirname "$0")/lib/common.sh" "$@"
MAKE_CERT="$SRC/tests/support/make_sm2_cert.sh"
bash "$MAKE_CERT" "$TMP/a" "/C=CN/O=中共肃南县委办公室/CN=档案室" || fail "cannot make the test certificate"
bash "$MAKE_CERT" "$TMP/b" "/C=CN/CN=someone else" || fail "cannot make the second certificate"
RECORDS="$SRC/samples/records/sunan"

build() {  # build OUT [options…]
  local out=$1
  shift
  "$WENSHU" build -v -j 2 -o "$out" "$@" "$RECORDS" > "$out.log" 2>&1
  grep -q 'verify: sunan 2009 通过' "$out.log" || { grep -E 'error\[|verify:' "$out.log" | tail -n 20 >&2; fail "build $*: dossier did not verify"; }
}
build "$TMP/s" --as both --eep --sign "$TMP/a/key.pem" --cert "$TMP/a/cert.pem"
Z="$TMP/s/dossiers/Z007-WS-2009.zip"
[ -f "$Z" ] || fail "no dossier $Z"
unzip -Z1 "$Z" | grep -q '/signature/signature-sm2.txt$' || fail "no signature tag file"
unzip -Z1 "$Z" | grep -q '\.eep$' || fail "no EEP in the dossier"
unzip -Z1 "$Z" | grep -q -- '-01\.ofd$' || fail "no OFD rendition in the dossier"
"$WENSHU" verify "$Z" > "$TMP/v.txt" 2>&1 || { cat "$TMP/v.txt" >&2; fail "verify of the signed dossier"; }
grep -q 'note\[BAG-SIGNATURE\].*CN=档案室.*2009-12-31' "$TMP/v.txt" || { cat "$TMP/v.txt" >&2; fail "verify does not report the signer and date"; }
"$WENSHU" verify --trust "$TMP/a/cert.pem" "$Z" > /dev/null 2>&1 || fail "verify --trust with the signer's certificate"
"$WENSHU" verify --trust "$TMP/b/cert.pem" "$Z" > "$TMP/v.txt" 2>&1
[ $? -eq 1 ] && [ "$(grep -c 'error\[' "$TMP/v.txt")" -eq 1 ] || { cat "$TMP/v.txt" >&2; fail "an untrusted signer: want exit 1 and one finding"; }
# An EEP and an OFD rendition validate with xmllint / check.
mkdir -p "$TMP/x" && (cd "$TMP/x" && unzip -q "$Z") || fail "unzip"
EEP=$(find "$TMP/x" -name '*.eep' | LC_ALL=C sort | head -n 1)
xmllint --noout --schema "$SRC/schemas/eep/eep.xsd" "$EEP" 2>"$TMP/e.txt" || { cat "$TMP/e.txt" >&2; fail "EEP invalid"; }
OFD=$(find "$TMP/x" -name '*.ofd' | LC_ALL=C sort | head -n 1)
unzip -p "$OFD" OFD.xml | grep -q 'DocType="OFD-A"' || fail "the rendition is not OFD-A"
"$WENSHU" check "$OFD" > /dev/null 2>&1 || fail "check of the OFD rendition"

# One flipped byte (XOR 0x5a) in each kind of file: exactly one finding.
flip() {  # flip FILE OFFSET(negative: from the end)
  python3 - "$1" "$2" <<'PY'
import sys
p, at = sys.argv[1], int(sys.argv[2])
b = bytearray(open(p, 'rb').read())
b[at if at >= 0 else len(b) + at] ^= 0x5a
open(p, 'wb').write(b)
PY
}
ROOT="$TMP/x/Z007-WS-2009"
for case in "signature/signature-sm2.txt 40" "bag-info.txt 60" "tagmanifest-sm3.txt 30" "manifest-sm3.txt 100" \
            "${EEP#$ROOT/} 3000" "${EEP#$ROOT/} -100" "${OFD#$ROOT/} 20" "${OFD#$ROOT/} 2000"; do
  set -- $case
  rm -rf "$TMP/case" && mkdir "$TMP/case" && cp -r "$ROOT" "$TMP/case/"
  flip "$TMP/case/Z007-WS-2009/$1" "$2"
  "$WENSHU" verify "$TMP/case" > "$TMP/v.txt" 2>&1
  rc=$?
  n=$(grep -c 'error\[' "$TMP/v.txt")
  [ $rc -eq 1 ] && [ "$n" -eq 1 ] || { grep 'error\[' "$TMP/v.txt" >&2; fail "byte flipped in $1 at $2: exit $rc, $n findings, want 1"; }
done
# A foreign certificate in place of the signer's.
rm -rf "$TMP/case" && mkdir "$TMP/case" && cp -r "$ROOT" "$TMP/case/"
S="$TMP/case/Z007-WS-2009/signature/signature-sm2.txt"
sed -n '/-----BEGIN CERTIFICATE-----/q;p' "$S" > "$S.new" && cat "$TMP/b/cert.pem" >> "$S.new" && mv "$S.new" "$S"
"$WENSHU" verify "$TMP/case" > "$TMP/v.txt" 2>&1
[ $? -eq 1 ] && [ "$(grep -c 'error\[' "$TMP/v.txt")" -eq 1 ] || { cat "$TMP/v.txt" >&2; fail "foreign certificate: want one finding"; }

# Usage errors: a key that is not SM2, a certificate that is not the key's, --sign without --cert.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$TMP/rsa.pem" 2>/dev/null || fail "openssl RSA"
for args in "--sign $TMP/rsa.pem --cert $TMP/a/cert.pem" "--sign $TMP/a/key.pem --cert $TMP/b/cert.pem" "--sign $TMP/a/key.pem"; do
  "$WENSHU" pack --year 2009 --fonds Z007 $args -o "$TMP/p" "$TMP/s/sunan" > "$TMP/u.txt" 2>&1
  [ $? -eq 2 ] || { cat "$TMP/u.txt" >&2; fail "pack $args: want exit 2"; }
done

# Same input, same bytes: unsigned dossiers with EEP; signed ones differ in the signature only.
build "$TMP/u1" --eep
build "$TMP/u2" --eep
cmp -s "$TMP/u1/dossiers/Z007-WS-2009.zip" "$TMP/u2/dossiers/Z007-WS-2009.zip" || fail "two --eep builds differ"
build "$TMP/s2" --as both --eep --sign "$TMP/a/key.pem" --cert "$TMP/a/cert.pem"
cmp -s "$Z" "$TMP/s2/dossiers/Z007-WS-2009.zip" || fail "two signed builds differ (the SM2 signature must be deterministic)"

# OpenSSL's own SM2 verifier accepts the signature (the hand check of docs/archive-signature.md).
S="$ROOT/signature/signature-sm2.txt"
sed -n '/^signature: /q;p' "$S" > "$TMP/statement.txt"
sed -n 's/^signature: //p' "$S" | base64 -d > "$TMP/sig.der"
sed -n '/-----BEGIN CERTIFICATE-----/,$p' "$S" | openssl x509 -noout -pubkey > "$TMP/pub.pem" || fail "openssl x509 -pubkey"
openssl pkeyutl -verify -pubin -inkey "$TMP/pub.pem" -rawin -digest sm3 -pkeyopt distid:1234567812345678 \
  -in "$TMP/statement.txt" -sigfile "$TMP/sig.der" > "$TMP/o.txt" 2>&1 || { cat "$TMP/o.txt" >&2; fail "openssl pkeyutl -verify"; }
echo "archive_sign_eep: ok"

#!/usr/bin/env bash
# Makes a self-signed SM2 test certificate with the openssl command line (OpenSSL 3):
#   make_sm2_cert.sh OUT_DIR [SUBJECT]
# writes OUT_DIR/key.pem (SM2 private key, PKCS#8, unencrypted) and OUT_DIR/cert.pem (X.509,
# SM2-with-SM3, signed with the default distinguishing ID 1234567812345678), valid 10 years.
# For tests only: an office signs with the key and certificate its own CA issued
# (docs/archive-signature.md says how).
set -eu
out=${1:?usage: make_sm2_cert.sh OUT_DIR [SUBJECT]}
subject=${2:-/C=CN/O=wenshu test office/CN=wenshu SM2 test signer}
mkdir -p "$out"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2 -out "$out/key.pem" 2>/dev/null
openssl req -new -x509 -utf8 -key "$out/key.pem" -sm3 -sigopt distid:1234567812345678 \
  -days 3650 -subj "$subject" -out "$out/cert.pem" 2>/dev/null

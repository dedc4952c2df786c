#!/usr/bin/env bash
# Installs the Debian 12 packages wenshu needs to build, test and run, when they are missing.
# Used by ./run.sh and ./test.sh; safe to run again (installs nothing when all are present).
set -euo pipefail
build_pkgs=(g++ cmake ninja-build pkg-config
  libxml2-dev libxslt1-dev libzip-dev libpodofo-dev libicu-dev libharfbuzz-dev libfreetype-dev
  libssl-dev libcli11-dev libfmt-dev catch2 libdeflate-dev libpng-dev libjpeg-dev nlohmann-json3-dev)
# Checkers used by the tests and by `wenshu verify` users: poppler (pdffonts, pdftotext,
# pdftoppm), qpdf, libxml2-utils (xmllint), unzip; chromium for the dossier index.html test;
# universal-ctags for the function-length check.
test_pkgs=(poppler-utils qpdf libxml2-utils unzip python3 chromium universal-ctags)
# The libFuzzer build (.ci/fuzz.sh only): clang 14 and its runtime (libFuzzer, ASan, UBSan).
fuzz_pkgs=(clang-14 libclang-rt-14-dev)
wanted=("${build_pkgs[@]}")
[[ "${1:-}" == "--with-test-tools" ]] && wanted+=("${test_pkgs[@]}")
[[ "${1:-}" == "--with-fuzz-tools" ]] && wanted+=("${fuzz_pkgs[@]}")
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

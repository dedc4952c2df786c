#!/usr/bin/env bash
# Installs what is missing, builds wenshu and runs the whole test suite through ctest.
# The sanitizer build (ASan + UBSan) and the fuzzing run are slower; CI runs them after this
# script (.ci/run).
set -euo pipefail
cd "$(dirname "$0")"
cmake/install-deps.sh --with-test-tools
fonts/setup.sh
jobs="$(nproc)"

echo "== build (RelWithDebInfo)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"
echo "== test (RelWithDebInfo)"
(cd build && ctest --output-on-failure -j "$jobs")

#!/usr/bin/env bash
# The whole test suite once more in an ASan + UBSan build (build-asan/). Run by .ci/run after
# ./test.sh, which has installed the dependencies and set up the fonts.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"
echo "== build (ASan + UBSan)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DWENSHU_SANITIZE=ON \
      -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" >/dev/null
cmake --build build-asan -j "$jobs"
echo "== test (ASan + UBSan)"
lsan_supp="$PWD/tests/lsan.supp"  # PoDoFo leaks on corrupt PNG data (see the file)
cd build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  LSAN_OPTIONS="suppressions=$lsan_supp" \
  ctest --output-on-failure -j "$jobs" -E '^bench'

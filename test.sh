#!/usr/bin/env bash
# Installs what is missing, builds wenshu twice (normal and ASan+UBSan) and runs the whole
# test suite in both builds through ctest.
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

if [[ "${WENSHU_SKIP_ASAN:-0}" != "1" ]]; then
  echo "== build (ASan + UBSan)"
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DWENSHU_SANITIZE=ON \
        -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" >/dev/null
  cmake --build build-asan -j "$jobs"
  echo "== test (ASan + UBSan)"
  lsan_supp="$PWD/tests/lsan.supp"  # PoDoFo leaks on corrupt PNG data (see the file)
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
     LSAN_OPTIONS="suppressions=$lsan_supp" \
     ctest --output-on-failure -j "$jobs" -E '^bench')
fi

#!/usr/bin/env bash
# The fuzz run (docs/fuzzing.md), run by .ci/run after ./test.sh: builds the libFuzzer targets of
# tests/fuzz/ with clang 14 under ASan + UBSan (build-fuzz/), shows the harness finds a planted
# bug, then runs every target for a fixed number of inputs (and at most WENSHU_FUZZ_SECONDS
# each). Seeds come from samples/, profiles/ and what build/wenshu (made by ./test.sh) writes.
# A crash, leak, timeout or out-of-memory fails the run and leaves the input in
# build-fuzz/artifacts/: copy it to tests/fuzz/regressions/<target>/ with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake/install-deps.sh --with-fuzz-tools
runs=${WENSHU_FUZZ_RUNS:-20000}
seconds=${WENSHU_FUZZ_SECONDS:-45}
jobs="$(nproc)"

echo "== build (libFuzzer, ASan + UBSan)"
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" -DWENSHU_FUZZ=ON >/dev/null
cmake --build build-fuzz --target fuzz -j "$jobs"

echo "== seed corpora"
seeds=build-fuzz/seeds
rm -rf "$seeds" build-fuzz/artifacts
mkdir -p build-fuzz/artifacts
tests/fuzz/make_seeds.sh build/wenshu "$seeds"

# One fuzz run: fuzz_run TARGET EXTRA_OPTIONS... ; the corpus grows in build-fuzz/corpus/TARGET.
fuzz_run() {
  local target=$1; shift
  local corpus=build-fuzz/corpus/$target
  mkdir -p "$corpus" "$seeds/$target"
  local dict=()
  [ -f "$seeds/$target.dict" ] && dict=(-dict="$seeds/$target.dict")
  WENSHU_DATA="$PWD" ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" UBSAN_OPTIONS=print_stacktrace=1 \
    "build-fuzz/fuzz/fuzz_$target" -seed=1 -timeout=25 -rss_limit_mb=2048 -max_len=1048576 \
      -artifact_prefix="build-fuzz/artifacts/$target-" -print_final_stats=1 "${dict[@]}" "$@" \
      "$corpus" "$seeds/$target"
}

echo "== planted bug (WENSHU_FUZZ_PLANTED_BUG=1): the run must find it"
if WENSHU_FUZZ_PLANTED_BUG=1 fuzz_run records -max_total_time=300 > build-fuzz/planted.log 2>&1; then
  tail -n 20 build-fuzz/planted.log
  echo "FAIL: the fuzzer did not find the planted bug in 300 s: the harness does not work" >&2
  exit 1
fi
grep -q "heap-buffer-overflow" build-fuzz/planted.log || { tail -n 40 build-fuzz/planted.log; exit 1; }
grep -E "^#[0-9]+ .*(NEW|REDUCE)|stat::number_of_executed_units|Test unit written" build-fuzz/planted.log | tail -n 3
echo "planted bug found"
rm -rf build-fuzz/artifacts/* build-fuzz/corpus/records

failed=()
for src in tests/fuzz/*.cc; do
  target=$(basename "$src" .cc)
  case $target in fuzz_support|libfuzzer_main|replay_main) continue ;; esac
  echo "== fuzz $target ($runs inputs, at most $seconds s)"
  if ! fuzz_run "$target" -runs="$runs" -max_total_time="$seconds" > "build-fuzz/$target.log" 2>&1; then
    tail -n 60 "build-fuzz/$target.log"
    failed+=("$target")
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build-fuzz/$target.log" | tr '\n' ' '; echo
done
if ((${#failed[@]})); then
  echo "FAIL: fuzz targets failed: ${failed[*]} (inputs in build-fuzz/artifacts/)" >&2
  ls -l build-fuzz/artifacts/ >&2
  exit 1
fi
echo "fuzz: every target ran clean"

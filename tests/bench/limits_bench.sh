#!/usr/bin/env bash
# The hostile-input targets of docs/limits.md, measured: wall time and peak memory of refusing
#  - a 64 MB records file of millions of unknown elements   (target: < 10 s, < 512 MB)
#  - a dossier of entries lying about their sizes            (target: < 5 s,  < 256 MB)
#  - a 公文 whose seal PNG says 20000 x 20000 pixels          (refused before decoding)
# Usage: tests/bench/limits_bench.sh [BUILD_DIR]   (default: build; needs /usr/bin/time)
# Prints one line per case and exits 1 if a target is missed.
set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:-$SRC/build}" && pwd)
. "$SRC/tests/e2e/lib/common.sh" "$BUILD/wenshu" "$SRC"  # WENSHU, TMP, write_test_notice
T=$TMP
H="$SRC/tests/e2e/lib/hostile.py"
python3 "$H" unknown-elements "$T/x64.xml" 64
python3 "$H" lying-zip "$T/lying.zip"
python3 "$H" huge-seal "$T/seal.png"
write_test_notice "$T/notice.xml"
sed -i 's|</document>|  <seal kind="image" image="seal.png"/>\n</document>|' "$T/notice.xml"
missed=0
measure() {  # measure NAME MAX_SECONDS MAX_MB WANT_EXIT COMMAND...
  local name=$1 max_s=$2 max_mb=$3 want=$4; shift 4
  /usr/bin/time -f "%e %M" -o "$T/time.txt" "$@" > "$T/out.txt" 2>&1; local rc=$?
  read -r secs kb < <(tail -n 1 "$T/time.txt")
  local mb=$((kb / 1024)) verdict=ok
  if [ "$rc" -ne "$want" ] || awk "BEGIN{exit !($secs >= $max_s)}" || [ "$mb" -ge "$max_mb" ]; then
    verdict=MISSED; missed=1
  fi
  printf '%-44s exit %d  %6.2f s  %5d MB   (target: exit %d, < %s s, < %s MB) %s\n' \
    "$name" "$rc" "$secs" "$mb" "$want" "$max_s" "$max_mb" "$verdict"
  [ "$verdict" = ok ] || head -n 5 "$T/out.txt"
}
measure "validate: 64 MB of unknown elements" 10 512 1 "$WENSHU" validate "$T/x64.xml"
measure "verify: dossier of lying entries" 5 256 1 "$WENSHU" verify "$T/lying.zip"
measure "render: 20000 x 20000 seal" 5 256 1 "$WENSHU" render -o "$T/o" "$T/notice.xml"
grep -q "20000 × 20000" "$T/out.txt" || { echo "render: the seal was not refused by its size"; missed=1; }
exit $missed

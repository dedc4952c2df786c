#!/bin/bash
# e2e (issue 16, finding 3): ZIP entries that lie about their size (declared 1000 bytes, each
# inflating to 256 MiB of zeros) are refused without being inflated: reading stops one byte
# past the declared size, so the whole dossier is refused in seconds, not minutes. The entries
# are a PDF and XML metadata where verify keeps and parses bytes.
. "$(dirname "$0")/lib/common.sh" "$@"
python3 "$SRC/tests/e2e/lib/hostile.py" lying-zip "$TMP/lying.zip" || fail "build the lying ZIP"
start=$(date +%s)
timeout 120 "$WENSHU" verify "$TMP/lying.zip" > "$TMP/v.txt" 2>&1; rc=$?
[ $rc -ne 124 ] || fail "verify still running after 120 s"
[ $rc -eq 1 ] || { cat "$TMP/v.txt"; fail "exit $rc, want 1"; }
[ "$(grep -c 'ZIP-CRC.*数据超过声明的大小 1000 字节' "$TMP/v.txt")" -eq 4 ] || { cat "$TMP/v.txt"; fail "want 4 entries refused past their declared size"; }
echo "OK ($(( $(date +%s) - start )) s)"

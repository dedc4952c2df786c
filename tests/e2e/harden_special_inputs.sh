#!/bin/bash
# e2e (issue 16, findings 3, 4 and 6): special and oversized inputs end quickly and clearly.
# - A FIFO, a device, a folder where a file is expected: every command refuses it at once with
#   a message saying what it is (exit 1 when the rest of the run completed, 2 when nothing could
#   run), never waits (each call runs under `timeout`).
# - An empty input folder is a usage error (exit 2).
# - A 1 GB file is sniffed from its first bytes only and refused by its size, not read.
# - A 20000 × 20000 seal PNG is refused from its header, before anything decodes it.
. "$(dirname "$0")/lib/common.sh" "$@"
run() {  # run EXPECTED_RC PATTERN ARGS...: the command must end within 60 s
  local want=$1 pattern=$2; shift 2
  timeout 60 "$WENSHU" "$@" > "$TMP/out.txt" 2>&1; local rc=$?
  [ $rc -ne 124 ] || fail "$*: still running after 60 s (hang)"
  [ $rc -eq "$want" ] || { head -c 3000 "$TMP/out.txt"; fail "$*: exit $rc, want $want"; }
  grep -q -- "$pattern" "$TMP/out.txt" || { head -c 3000 "$TMP/out.txt"; fail "$*: no line matching $pattern"; }
}
mkfifo "$TMP/pipe.xml" || fail "mkfifo"
mkdir "$TMP/empty" "$TMP/o"

# A FIFO given to every command.
run 1 "FIFO" render -o "$TMP/o" "$TMP/pipe.xml"
run 1 "FIFO" layout-dump "$TMP/pipe.xml"
run 2 "FIFO" validate "$TMP/pipe.xml"
run 2 "FIFO" check "$TMP/pipe.xml"
run 2 "FIFO" verify "$TMP/pipe.xml"
run 2 "FIFO" pack --year 2024 -o "$TMP/o" "$TMP/pipe.xml"
run 2 "FIFO" build --no-pack -o "$TMP/o" "$TMP/pipe.xml"
# A device.
run 1 "设备" render -o "$TMP/o" /dev/zero
run 2 "设备" verify /dev/zero
# An empty folder: a usage error for every command that takes folders.
run 2 "空的" validate "$TMP/empty"
run 2 "空的" check "$TMP/empty"
run 2 "空的" verify "$TMP/empty"
run 2 "空的" pack --year 2024 -o "$TMP/o" "$TMP/empty"
run 2 "空的" build --no-pack -o "$TMP/o" "$TMP/empty"

# A 1 GB records file (sparse: no disk used): sniffed from its head, refused by its size.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<records xmlns="urn:wenshu:records:1" version="1" year="2009">\n' > "$TMP/huge.xml"
truncate -s 1G "$TMP/huge.xml" || fail "truncate"
run 1 "XML-SIZE" render -o "$TMP/o" "$TMP/huge.xml"
run 1 "XML-SIZE" validate "$TMP/huge.xml"
run 1 "XML-SIZE" build --no-pack -o "$TMP/o" "$TMP/huge.xml"

# A seal whose header says 20000 × 20000 pixels (1.6 GB once decoded): refused before decoding.
python3 "$SRC/tests/e2e/lib/hostile.py" huge-seal "$TMP/seal.png" || fail "write PNG"
write_test_notice "$TMP/notice.xml"
sed -i 's|</document>|  <seal kind="image" image="seal.png"/>\n</document>|' "$TMP/notice.xml"
run 1 "20000 × 20000" render -o "$TMP/o" "$TMP/notice.xml"
[ ! -e "$TMP/o/notice.pdf" ] || fail "a PDF was written with the oversized seal"
echo "OK"

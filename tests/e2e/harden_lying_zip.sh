#!/bin/bash
# e2e (issue 16, finding 3): ZIP entries that lie about their size (declared 1000 bytes, each
# inflating to 256 MiB of zeros) are refused without being inflated: reading stops one byte
# past the declared size, so the whole dossier is refused in seconds, not minutes. The entries
# are a PDF and XML metadata where verify keeps and parses bytes.
. "$(dirname "$0")/lib/common.sh" "$@"
python3 - "$TMP/lying.zip" <<'PY' || fail "build the lying ZIP"
import struct, sys, zlib
# 256 MiB of zeros, deflated once (about 256 KB) and stored under four names.
c = zlib.compressobj(9, zlib.DEFLATED, -15)
block = b"\0" * (1 << 20)
data = b"".join(c.compress(block) for _ in range(256)) + c.flush()
root = "Z109-WS-2024/"
entries = [(root + "bagit.txt", b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", False)]
for name in ["data/电子档案/A/A-01.pdf", "data/电子档案/A/A.xml", "data/归档文件目录.xml", "data/电子档案/B/B-01.pdf"]:
    entries.append((root + name, data, True))
out, cd = b"", b""
for name, payload, lying in entries:
    n = name.encode()
    method, comp = (8, payload) if lying else (0, payload)
    size = 1000 if lying else len(payload)
    crc = 0 if lying else zlib.crc32(payload)
    flags = 0x800  # UTF-8 names
    off = len(out)
    out += struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, flags, method, 0, 0x21, crc, len(comp), size, len(n), 0) + n + comp
    cd += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 0x031e, 20, flags, method, 0, 0x21, crc, len(comp), size,
                      len(n), 0, 0, 0, 0, 0o100644 << 16, off) + n
out += cd + struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(entries), len(entries), len(cd), len(out), 0)
open(sys.argv[1], "wb").write(out)
PY
start=$(date +%s)
timeout 120 "$WENSHU" verify "$TMP/lying.zip" > "$TMP/v.txt" 2>&1; rc=$?
[ $rc -ne 124 ] || fail "verify still running after 120 s"
[ $rc -eq 1 ] || { cat "$TMP/v.txt"; fail "exit $rc, want 1"; }
[ "$(grep -c 'ZIP-CRC.*数据超过声明的大小 1000 字节' "$TMP/v.txt")" -eq 4 ] || { cat "$TMP/v.txt"; fail "want 4 entries refused past their declared size"; }
echo "OK ($(( $(date +%s) - start )) s)"

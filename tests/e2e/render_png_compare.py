#!/usr/bin/env python3
"""Compares a rendered page PNG with a reference PNG, per channel with a tolerance.

Usage: render_png_compare.py ACTUAL.png REFERENCE.png [TOLERANCE] [MAX_FRACTION]
  TOLERANCE     largest per-channel difference (0-255) that still counts as equal (default 64)
  MAX_FRACTION  largest fraction of pixels allowed to differ by more (default 0.002)
With WENSHU_UPDATE_GOLDEN=1 the reference is replaced by ACTUAL instead.
Exit 0 = same, 1 = different (with a short report), 2 = cannot read.
Pure standard library (no PIL here): decodes 8-bit gray/RGB/RGBA non-interlaced PNGs, which
is what pdftoppm writes.
"""
import os
import shutil
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or interlace != 0 or ctype not in (0, 2, 6):
                raise ValueError(f"{path}: unsupported PNG (depth {depth}, type {ctype}, interlace {interlace})")
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    channels = {0: 1, 2: 3, 6: 4}[ctype]
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    actual, reference = sys.argv[1], sys.argv[2]
    tolerance = int(sys.argv[3]) if len(sys.argv) > 3 else 64
    max_fraction = float(sys.argv[4]) if len(sys.argv) > 4 else 0.002
    if os.environ.get("WENSHU_UPDATE_GOLDEN") == "1":
        os.makedirs(os.path.dirname(reference) or ".", exist_ok=True)
        shutil.copyfile(actual, reference)
        print(f"updated {reference}")
        return 0
    if not os.path.exists(reference):
        print(f"reference missing: {reference} (run with WENSHU_UPDATE_GOLDEN=1)")
        return 1
    try:
        wa, ha, ca, ra = read_png(actual)
        wr, hr, cr, rr = read_png(reference)
    except (OSError, ValueError, zlib.error) as e:
        print(e)
        return 2
    if (wa, ha, ca) != (wr, hr, cr):
        print(f"size differs: actual {wa}x{ha}x{ca}, reference {wr}x{hr}x{cr}")
        return 1
    bad, first = 0, None
    for y in range(ha):
        la, lr = ra[y], rr[y]
        if la == lr:
            continue
        for x in range(wa):
            px_a = la[x * ca:(x + 1) * ca]
            px_r = lr[x * ca:(x + 1) * ca]
            if any(abs(p - q) > tolerance for p, q in zip(px_a, px_r)):
                bad += 1
                if first is None:
                    first = (x, y)
    fraction = bad / float(wa * ha)
    if fraction > max_fraction:
        print(f"{actual}: {bad} pixels ({fraction:.4%}) differ by more than {tolerance} from {reference}; first at {first}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Hostile inputs for the hardening tests and the limits benchmark (docs/limits.md), generated
at test time because they are large:
  hostile.py unknown-elements PATH MEGABYTES [one-line]  a records file of <x/> elements
  hostile.py unknown-count PATH N                        the same with exactly N elements
  hostile.py lying-zip PATH                              a dossier whose entries lie about their size
  hostile.py huge-seal PATH [WIDTH HEIGHT]               a PNG whose header says 20000 x 20000 pixels
"""
import struct
import sys
import zlib

RECORDS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<records xmlns="urn:wenshu:records:1" version="1" committee="c" year="2009">\n')


def unknown_elements(path, count, one_line=False):
    with open(path, "w") as f:
        f.write(RECORDS_HEAD)
        f.write(("<x/>" if one_line else "<x/>\n") * count)
        f.write("</records>\n")


def lying_zip(path):
    """Four entries declared 1000 bytes long, each inflating to 256 MiB of zeros: a PDF and XML
    metadata, where verify keeps and parses bytes."""
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
        method = 8 if lying else 0
        size = 1000 if lying else len(payload)
        crc = 0 if lying else zlib.crc32(payload)
        flags = 0x800  # UTF-8 names
        off = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, flags, method, 0, 0x21, crc, len(payload), size, len(n), 0)
        out += n + payload
        cd += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 0x031e, 20, flags, method, 0, 0x21, crc, len(payload), size,
                          len(n), 0, 0, 0, 0, 0o100644 << 16, off) + n
    out += cd + struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(entries), len(entries), len(cd), len(out), 0)
    with open(path, "wb") as f:
        f.write(out)


def huge_seal(path, width=20000, height=20000):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 4096)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    kind, path, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    if kind == "unknown-elements":
        one_line = len(rest) > 1 and rest[1] == "one-line"
        unknown_elements(path, (int(rest[0]) << 20) // (4 if one_line else 5), one_line)
    elif kind == "unknown-count":
        unknown_elements(path, int(rest[0]))
    elif kind == "lying-zip":
        lying_zip(path)
    elif kind == "huge-seal":
        huge_seal(path, *(int(v) for v in rest))
    else:
        sys.exit(__doc__)

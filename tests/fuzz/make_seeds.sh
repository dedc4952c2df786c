#!/usr/bin/env bash
# Seed corpora and dictionaries of the fuzz targets (docs/fuzzing.md), made at run time from the
# repository and a built wenshu, so they follow the formats as they change:
#   SEEDS/<target>/       inputs to start from
#   SEEDS/<target>.dict   libFuzzer dictionary: the element and attribute names and enumeration
#                         values of the target's schemas
# Usage: tests/fuzz/make_seeds.sh WENSHU SEEDS
set -euo pipefail
WENSHU=$(realpath "$1"); SEEDS=$2
SRC=$(cd "$(dirname "$0")/../.." && pwd)
export WENSHU_DATA="$SRC"
mkdir -p "$SEEDS"/{records,compose,document,profiles,layout,verify,pdf_inspect,ofd}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

for f in "$SRC"/samples/records/*/*.xml; do cp "$f" "$SEEDS/records/$(basename "$(dirname "$f")")-$(basename "$f")"; done
for c in "$SRC"/samples/records/*/; do  # one file per committee: its members and one half-year
  python3 "$SRC/tests/fuzz/merge_records.py" "$SEEDS/compose/$(basename "$c").xml" "$c/members.xml" "$c/2009-h2.xml"
done
cp "$SRC"/samples/documents/*.xml "$SEEDS/document/"
cp "$SRC"/profiles/*.xml "$SEEDS/profiles/"
printf '\x02\x05\x10\x20\x30\x40\x50' > "$SEEDS/layout/small"
head -c 4096 "$SRC/samples/documents/seed-corrected.xml" > "$SEEDS/layout/text"

# Binary formats, written by wenshu itself: a small dossier, the PDFs and OFDs it holds.
python3 "$SRC/tests/e2e/archive_make_submission.py" "$T/in" 2
"$WENSHU" pack --year 2024 --fonds Z109 --filing-date 2025-01-15 -o "$T/d" "$T/in" > /dev/null
cp "$T"/d/*.zip "$SEEDS/verify/"
find "$T/in" -name '*.pdf' -exec cp {} "$SEEDS/pdf_inspect/" \;
"$WENSHU" render --as both -o "$T/r" "$SRC/samples/documents/letter-hanxun.xml" > /dev/null
cp "$T"/r/*.pdf "$SEEDS/pdf_inspect/"
cp "$T"/r/*.ofd "$SEEDS/ofd/"

# Dictionaries: every name="…" and value="…" of the schemas, quoted for libFuzzer.
dict() {  # dict OUT SCHEMA...
  grep -ohE '(name|value)="[A-Za-z][A-Za-z0-9_.:-]*"' "${@:2}" | sed -E 's/^[a-z]+="(.*)"$/\1/' | sort -u |
    awk '{ printf "\"<%s\"\n\"%s=\\\"\"\n\"\\\"%s\\\"\"\n", $0, $0, $0 }' > "$1"
}
dict "$SEEDS/records.dict" "$SRC/schemas/records.xsd"
cp "$SEEDS/records.dict" "$SEEDS/compose.dict"
dict "$SEEDS/document.dict" "$SRC/schemas/gongwen.xsd"
dict "$SEEDS/profiles.dict" "$SRC/schemas/profile.xsd" "$SRC/schemas/layout-profile.xsd" "$SRC/schemas/archive-profile.xsd"
dict "$SEEDS/ofd.dict" "$SRC"/schemas/ofd/*.xsd
echo "seeds: $(find "$SEEDS" -type f | wc -l) files in $SEEDS"

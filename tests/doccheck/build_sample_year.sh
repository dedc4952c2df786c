#!/usr/bin/env bash
# Fixture of the document checks (tests/CMakeLists.txt, FIXTURES_SETUP sample_year): builds the
# whole sample year once — every document the records call for, drafts of the refused ones
# included (--draft), with layout dumps — and renders every sample 公文 (a sample with format
# errors as a 草稿). The page-level check, the wording check and the kinds golden read OUT.
# Usage: build_sample_year.sh WENSHU SOURCE OUT
set -u
WENSHU=$1
SRC=$2
OUT=$3
export WENSHU_DATA=${WENSHU_DATA:-$SRC}
rm -rf "$OUT"
mkdir -p "$OUT"
"$WENSHU" build --no-pack --draft --layout-dump -j 2 -o "$OUT/year" "$SRC/samples/records" \
  >"$OUT/build.txt" 2>"$OUT/build-diagnostics.txt"
rc=$?
[ "$rc" -le 1 ] || { tail -n 20 "$OUT/build-diagnostics.txt"; echo "FAIL: build exited $rc" >&2; exit 1; }
"$WENSHU" render --draft -j 2 -o "$OUT/documents" "$SRC"/samples/documents/*.xml \
  >"$OUT/render.txt" 2>"$OUT/render-diagnostics.txt"
rc=$?
[ "$rc" -le 1 ] || { tail -n 20 "$OUT/render-diagnostics.txt"; echo "FAIL: render exited $rc" >&2; exit 1; }
n_year=$(find "$OUT/year" -name '*.pdf' | wc -l)
n_docs=$(find "$OUT/documents" -name '*.pdf' | wc -l)
n_samples=$(ls "$SRC"/samples/documents/*.xml | wc -l)
[ "$n_docs" = "$n_samples" ] || { cat "$OUT/render-diagnostics.txt"; echo "FAIL: $n_docs of $n_samples sample documents rendered" >&2; exit 1; }
[ "$n_year" -gt 400 ] || { tail -n 20 "$OUT/build-diagnostics.txt"; echo "FAIL: only $n_year PDFs built" >&2; exit 1; }
echo "sample year: $n_year PDFs, sample documents: $n_docs PDFs in $OUT"

#!/usr/bin/env bash
# Fixture of the document checks (tests/CMakeLists.txt, FIXTURES_SETUP sample_year): builds the
# whole sample year once into OUT/year — every document the records call for, drafts of the
# refused ones included (--draft), with layout dumps — and renders every sample 公文 into
# OUT/documents, except the notice as written (format errors: render refuses it) which goes to
# OUT/drafts as a 草稿. The page-level check reads all three, the wording check OUT/year and
# OUT/documents (and must find the as-written notice's errors in OUT/drafts), the kinds golden
# OUT/year.
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
drafts=""
finals=()
for f in "$SRC"/samples/documents/*.xml; do
  case "$(basename "$f")" in seed-as-written.xml) drafts="$f" ;; *) finals+=("$f") ;; esac
done
"$WENSHU" render -j 2 -o "$OUT/documents" "${finals[@]}" >"$OUT/render.txt" 2>"$OUT/render-diagnostics.txt" ||
  { tail -n 20 "$OUT/render-diagnostics.txt"; echo "FAIL: the sample documents do not render" >&2; exit 1; }
"$WENSHU" render --draft -o "$OUT/drafts" "$drafts" >"$OUT/render-drafts.txt" 2>"$OUT/render-drafts-diagnostics.txt"
[ -s "$OUT/drafts/seed-as-written.pdf" ] || { cat "$OUT/render-drafts.txt"; echo "FAIL: no draft of the as-written notice" >&2; exit 1; }
n_year=$(find "$OUT/year" -name '*.pdf' | wc -l)
n_docs=$(( $(find "$OUT/documents" -name '*.pdf' | wc -l) + 1 ))
n_samples=$(ls "$SRC"/samples/documents/*.xml | wc -l)
[ "$n_docs" = "$n_samples" ] || { cat "$OUT/render-diagnostics.txt"; echo "FAIL: $n_docs of $n_samples sample documents rendered" >&2; exit 1; }
[ "$n_year" -gt 400 ] || { tail -n 20 "$OUT/build-diagnostics.txt"; echo "FAIL: only $n_year PDFs built" >&2; exit 1; }
echo "sample year: $n_year PDFs, sample documents: $n_docs PDFs in $OUT"

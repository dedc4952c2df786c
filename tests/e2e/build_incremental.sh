#!/usr/bin/env bash
# Exact, incremental rebuilds (docs/batch.md): build the sample year, change one record (the
# title of gaotai's research report gaotai-bg01), build again into the same folder, and compare
# with a fresh build of the changed records into an empty folder:
#  - every output file (PDFs, sidecars, dossiers) is byte-identical; the superseded PDF is gone;
#  - the build record says what was re-rendered: only documents made from gaotai-bg01, and only
#    the gaotai dossier repacked; everything else reused;
#  - a build with nothing changed reuses everything and changes no byte (--force: build_folder.sh).
. "$(dirname "$0")/lib/common.sh" "$@"
REC="python3 $SRC/tests/e2e/lib/build_record.py"
build() { "$WENSHU" build --year 2009 --filing-date 2010-03-31 -j 2 "$@"; }

cp -r "$SRC/samples/records" "$TMP/records"
build -o "$TMP/out" "$TMP/records" >"$TMP/first.txt" 2>"$TMP/first.err"
[ $? = 1 ] || { tail -5 "$TMP/first.err"; fail "first build: exit code (1 expected: planted findings)"; }
[ -s "$TMP/out/build-record.xml" ] || fail "no build record"
OLD="$TMP/out/gaotai/2009/调研报告/2009-05-12 关于农村劳务输出的调研报告.pdf"
[ -s "$OLD" ] || fail "the report to change was not rendered: $OLD"
cp -r "$TMP/out" "$TMP/before"

# Nothing changed: everything reused, not a byte different.
build -o "$TMP/out" "$TMP/records" >"$TMP/same.txt" 2>"$TMP/same.err"
$REC "$TMP/out/build-record.xml" documents | grep -v -P '^(reused|refused|elsewhere)\t' | grep . &&
  fail "an unchanged build re-rendered documents"
$REC "$TMP/out/build-record.xml" dossiers | grep -v -P '^reused\t' | grep . && fail "an unchanged build repacked a dossier"
diff -r -x .wenshu -x build-record.xml "$TMP/before" "$TMP/out" >"$TMP/same.diff" ||
  { head -20 "$TMP/same.diff"; fail "an unchanged build changed files"; }
# The findings of reused documents and dossiers are told again (same diagnostics, same order).
diff <(grep -v -E '^(pack|verify|build):' "$TMP/first.err") <(grep -v -E '^(pack|verify|build):' "$TMP/same.err") >"$TMP/err.diff" ||
  { head -20 "$TMP/err.diff"; fail "a rebuild reports other findings than the build it reuses"; }

# Change one record and rebuild into the same folder.
sed -i 's/title="关于农村劳务输出的调研报告"/title="关于农村劳务输出和返乡创业的调研报告"/' "$TMP/records/gaotai/2009-h1.xml"
grep -q "返乡创业" "$TMP/records/gaotai/2009-h1.xml" || fail "test set-up: the record was not changed"
build -o "$TMP/out" "$TMP/records" >"$TMP/second.txt" 2>"$TMP/second.err"
[ $? = 1 ] || { tail -5 "$TMP/second.err"; fail "rebuild: exit code"; }
[ ! -e "$OLD" ] || fail "the superseded PDF is still in the folder"
[ ! -e "$OLD.xml" ] || fail "the superseded sidecar is still in the folder"
NEW="$TMP/out/gaotai/2009/调研报告/2009-05-12 关于农村劳务输出和返乡创业的调研报告.pdf"
[ -s "$NEW" ] || fail "the changed report was not rendered"

# A fresh build of the changed records into an empty folder gives the same bytes.
build -o "$TMP/fresh" "$TMP/records" >/dev/null 2>&1
diff -r -x .wenshu -x build-record.xml "$TMP/fresh" "$TMP/out" >"$TMP/diff.txt" ||
  { head -20 "$TMP/diff.txt"; fail "incremental rebuild differs from a fresh build"; }
for z in "$TMP/fresh/dossiers/"*.zip; do cmp -s "$z" "$TMP/out/dossiers/$(basename "$z")" || fail "dossier differs: $z"; done
[ "$($REC "$TMP/fresh/build-record.xml" id)" = "$($REC "$TMP/out/build-record.xml" id)" ] || fail "build ids differ"
[ "$($REC "$TMP/fresh/build-record.xml" outputs)" = "$($REC "$TMP/out/build-record.xml" outputs)" ] ||
  fail "the records list other outputs"

# Only documents made from gaotai-bg01 were rendered; each of them says so in its sidecar.
$REC "$TMP/out/build-record.xml" documents | grep -P '^rendered\t' >"$TMP/rendered.txt"
n=$(wc -l <"$TMP/rendered.txt")
[ "$n" -ge 1 ] || fail "nothing was re-rendered"
total=$($REC "$TMP/out/build-record.xml" documents | grep -c -P '^(rendered|reused)\t')
echo "build_incremental: re-rendered $n of $total documents" >&2
while IFS=$'\t' read -r state id file; do
  grep -q "<record>gaotai-bg01</record>" "$TMP/out/$file.xml" ||
    fail "re-rendered $id although it is not made from gaotai-bg01"
done <"$TMP/rendered.txt"
for f in "$TMP/out"/*/2009/*/*.pdf.xml; do
  grep -q "<record>gaotai-bg01</record>" "$f" || continue
  rel="${f#$TMP/out/}"
  grep -q -F "${rel%.xml}" "$TMP/rendered.txt" || echo "note: $rel uses gaotai-bg01 and its bytes did not change" >&2
done
$REC "$TMP/out/build-record.xml" dossiers >"$TMP/dossiers.txt"
[ "$(grep -c -P '^rendered\t' "$TMP/dossiers.txt")" = 1 ] || { cat "$TMP/dossiers.txt"; fail "not exactly one dossier repacked"; }
grep -q -P '^rendered\tgaotai/2009\t' "$TMP/dossiers.txt" || fail "the repacked dossier is not gaotai's"
grep -q "沿用上一次构建的文书" "$TMP/second.txt" || fail "no reuse summary on stdout"

echo "build_incremental: ok"

#!/usr/bin/env bash
# Installs what is missing, builds wenshu, and runs the whole job on samples/ into out/:
#   1. validate the sample year and the sample 公文   -> out/validate.txt
#   2. render the sample 公文 (document-model files)   -> out/documents/*.pdf
#   3. build: validate + render every document the records call for -> out/<committee>/2009/<kind>/
#   4. pack one archive dossier per committee (全宗) and verify each -> out/dossiers/*.zip
set -euo pipefail
cd "$(dirname "$0")"
cmake/install-deps.sh
fonts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"
w=build/wenshu
mkdir -p out

echo "== validate (the sample year has planted violations: exit 1 is expected)"
set +e
$w validate samples/records samples/documents > out/validate.txt
rc=$?
set -e
[[ $rc -le 1 ]] || { echo "run: validate could not run (exit $rc)"; exit $rc; }
tail -n 3 out/validate.txt

echo "== render sample 公文"
# seed-as-written.xml is the notice exactly as published, format errors included.
$w render -o out/documents samples/documents/*.xml

echo "== build the sample year (documents whose records break an error rule are refused)"
set +e
$w build -o out samples/records > out/build.txt 2>&1
rc=$?
set -e
[[ $rc -le 1 ]] || { cat out/build.txt; echo "run: build failed (exit $rc)"; exit $rc; }
tail -n 1 out/build.txt

echo "== pack and verify one dossier per 全宗 (committee)"
# 全宗号 are assigned by the receiving archive; these are placeholders for the samples.
declare -A fonds=([zhangye]=Z001 [ganzhou]=Z002 [linze]=Z003 [gaotai]=Z004 [shandan]=Z005 [minle]=Z006 [sunan]=Z007)
for committee in zhangye ganzhou linze gaotai shandan minle sunan; do
  $w pack --year 2009 --fonds "${fonds[$committee]}" --filing-date 2010-03-31 -o out/dossiers "out/$committee/2009" | tail -n 1
done
$w verify out/dossiers/*.zip
echo "run: done — see out/"

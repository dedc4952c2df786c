#!/usr/bin/env bash
# Installs what is missing, builds wenshu, and runs the whole job on samples/ into out/:
#   1. validate the sample year and the sample 公文   -> out/validate.txt
#   2. render the sample 公文 (document-model files)   -> out/documents/*.pdf
#   3. build: validate + render every document the records call for -> out/<committee>/2009/<kind>/,
#      then pack one archive dossier per committee (全宗号 from profiles/zhangye-2009.xml,
#      da.fonds.*) and verify each -> out/dossiers/*.zip
# Exit status: 0 when every step ran (the planted violations of the sample year are expected
# findings), otherwise the failing step's code.
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
# seed-as-written.xml is the notice exactly as published, format errors included: render
# refuses it without --draft, and with --draft sets it as a 草稿 (the others render as usual).
$w render --draft -o out/documents samples/documents/*.xml

echo "== build the sample year: validate, render, pack and verify (documents whose records break an error rule are refused)"
set +e
$w build --year 2009 --filing-date 2010-03-31 -o out samples/records > out/build.txt 2> out/build-diagnostics.txt
rc=$?
set -e
grep -E '^(pack|verify):' out/build-diagnostics.txt || true
[[ $rc -le 1 ]] || { tail -n 20 out/build-diagnostics.txt; echo "run: build failed (exit $rc)"; exit $rc; }
grep '^build:' out/build.txt
# The sample year's findings are planted (exit 1 expected); a dossier that did not pack or
# verify is a real failure.
grep -q '，0 个未通过组卷或检测' out/build.txt || { echo "run: a dossier failed to pack or verify (see out/build-diagnostics.txt)"; exit 1; }
echo "run: done — see out/"

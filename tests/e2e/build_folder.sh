#!/usr/bin/env bash
# A build's folder afterwards (docs/batch.md): stand-alone `pack` packs what the build record
# lists (byte-identical to the build's own dossier), not a stray sidecar dropped into the
# folder; `check` agrees; the next build names the stray and leaves it alone; `verify` and
# `check` name the build a dossier came from, and a dossier replaced after the build is an
# error; `pack --shard` and `verify --shard` split the work into parts whose union is the whole.
. "$(dirname "$0")/lib/common.sh" "$@"
DATA="$SRC/tests/e2e/build_data"
"$WENSHU" build --filing-date 2010-03-31 -o "$TMP/out" "$DATA" >/dev/null 2>&1
ZIP="$TMP/out/dossiers/Z002-WS-2009.zip"
[ -s "$ZIP" ] || fail "the build packed no dossier"
ID=$(python3 "$SRC/tests/e2e/lib/build_record.py" "$TMP/out/build-record.xml" id)

# A stray document dropped into the folder.
K="$TMP/out/ganzhou/2009/调研报告"
pdf=$(ls "$K"/*.pdf | head -n 1)
cp "$pdf" "$K/extra.pdf" && cp "$pdf.xml" "$K/extra.pdf.xml"

"$WENSHU" pack --year 2009 --fonds Z002 --filing-date 2010-03-31 -o "$TMP/packed" "$TMP/out/ganzhou" >"$TMP/pack.txt" 2>&1 ||
  { cat "$TMP/pack.txt"; fail "stand-alone pack of the build folder"; }
grep -q "BUILD-STRAY" "$TMP/pack.txt" || fail "pack did not name the stray sidecar"
grep -q "extra.pdf.xml" "$TMP/pack.txt" || fail "pack did not name the stray file"
cmp -s "$TMP/packed/Z002-WS-2009.zip" "$ZIP" || fail "stand-alone pack of the build folder differs from the build's dossier"
"$WENSHU" check "$TMP/out/ganzhou" >"$TMP/check.txt" 2>&1
grep -q "BUILD-STRAY" "$TMP/check.txt" || fail "check did not name the stray sidecar"
grep -q "^check: 5 件" "$TMP/check.txt" || { tail -1 "$TMP/check.txt"; fail "check counted other items than the build made"; }

# verify and check name the build; --build-record names it for a copy elsewhere.
"$WENSHU" verify "$ZIP" >"$TMP/verify.txt" || { cat "$TMP/verify.txt"; fail "verify"; }
grep -q "构建 ${ID:0:12}" "$TMP/verify.txt" || fail "verify does not name the build"
"$WENSHU" check "$ZIP" >"$TMP/check2.txt" 2>&1
grep -q "构建 ${ID:0:12}" "$TMP/check2.txt" || fail "check does not name the build"
cp "$ZIP" "$TMP/copy.zip"
"$WENSHU" verify --build-record "$TMP/out/build-record.xml" "$TMP/copy.zip" | grep -q "构建 ${ID:0:12}" ||
  fail "verify --build-record does not name the build of a copy"
mkdir "$TMP/unpacked" && (cd "$TMP/unpacked" && unzip -q "$ZIP")
"$WENSHU" verify --build-record "$TMP/out/build-record.xml" "$TMP/unpacked/Z002-WS-2009" | grep -q "构建 ${ID:0:12}" ||
  fail "verify does not name the build of an unpacked dossier"

# The next build names the stray, leaves it alone and does not pack it.
"$WENSHU" build --filing-date 2010-03-31 -o "$TMP/out" "$DATA" >/dev/null 2>"$TMP/again.err"
grep -q "BUILD-STRAY" "$TMP/again.err" || fail "the rebuild did not name the stray file"
[ -e "$K/extra.pdf" ] || fail "the rebuild deleted a file no build made"
cmp -s "$TMP/packed/Z002-WS-2009.zip" "$ZIP" || fail "the rebuild packed the stray document"

# --force: nothing reused, the same bytes.
cp -r "$TMP/out" "$TMP/before-force"
"$WENSHU" build --force --filing-date 2010-03-31 -o "$TMP/out" "$DATA" >/dev/null 2>&1
python3 "$SRC/tests/e2e/lib/build_record.py" "$TMP/out/build-record.xml" documents | grep -q -P '^reused\t' &&
  fail "--force reused documents"
diff -r -x .wenshu -x build-record.xml "$TMP/before-force" "$TMP/out" >/dev/null || fail "--force made other bytes"

# A dossier replaced after the build is an error.
cp "$ZIP" "$TMP/good.zip"
printf 'x' >>"$ZIP"
"$WENSHU" verify "$ZIP" >"$TMP/bad.txt" 2>&1 && fail "verify passed a dossier changed after the build"
grep -q "BUILD-RECORD" "$TMP/bad.txt" || { cat "$TMP/bad.txt"; fail "no BUILD-RECORD finding"; }
cp "$TMP/good.zip" "$ZIP"

# --shard: the parts of verify and pack together do the whole.
for i in 0 1 2 3; do cp "$ZIP" "$TMP/d$i.zip"; done
n=0
for s in 0/2 1/2; do
  c=$("$WENSHU" verify --shard "$s" "$TMP"/d?.zip | grep -c "entries")
  n=$((n + c))
done
[ "$n" = 4 ] || fail "verify --shard 0/2 and 1/2 checked $n dossiers, not 4"
"$WENSHU" pack --year 2009 --fonds Z002 --filing-date 2010-03-31 --shard 0/1 -o "$TMP/p0" "$TMP/out/ganzhou" >/dev/null 2>&1
cmp -s "$TMP/p0/Z002-WS-2009.zip" "$ZIP" || fail "pack --shard 0/1 differs from pack"
for s in 0/3 1/3 2/3; do
  "$WENSHU" pack --year 2009 --fonds Z002 --filing-date 2010-03-31 --shard "$s" -o "$TMP/ps" "$TMP/out/ganzhou" >/dev/null 2>&1 ||
    fail "pack --shard $s"
done
cmp -s "$TMP/ps/Z002-WS-2009.zip" "$ZIP" || fail "the three pack shards did not make the one dossier"
"$WENSHU" pack --year 2009 --shard 2/2 -o "$TMP/x" "$TMP/out/ganzhou" >/dev/null 2>&1
[ $? = 2 ] || fail "pack --shard 2/2: not a usage error"
echo "build_folder: ok"

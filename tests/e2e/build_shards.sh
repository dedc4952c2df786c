#!/usr/bin/env bash
# Shards (docs/batch.md, deploy/README.md): the sample year built as 3 shards by 3 separate
# processes at once, each into its own folder, holds exactly the files of one whole build, byte
# for byte; deploy/check-union.sh accepts the three folders; a malformed --shard is a usage
# error (exit 2). The shard command below is the one deploy/ runs (tests/e2e/deploy_manifests.sh
# checks the manifests against this line).
. "$(dirname "$0")/lib/common.sh" "$@"
SHARDS=3
YEAR=2009
FILING_DATE=2010-03-31
THREADS=1
OUT="$TMP/out"
RECORDS="$SRC/samples/records"

pids=()
for ((I = 0; I < SHARDS; ++I)); do
  "$WENSHU" build --shard "${I}/${SHARDS}" --year "${YEAR}" --filing-date "${FILING_DATE}" -j "${THREADS}" -o "${OUT}/shard-${I}" "${RECORDS}" >"$TMP/shard-$I.log" 2>&1 &
  pids+=($!)
done
"$WENSHU" build --year "${YEAR}" --filing-date "${FILING_DATE}" -j 2 -o "$TMP/single" "${RECORDS}" >"$TMP/single.log" 2>&1
[ $? = 1 ] || { tail -5 "$TMP/single.log"; fail "single run: exit code (1 expected: planted findings)"; }
for ((I = 0; I < SHARDS; ++I)); do
  wait "${pids[$I]}"
  rc=$?
  [ $rc = 1 ] || { tail -5 "$TMP/shard-$I.log"; fail "shard $I: exit code $rc"; }
done

# The union of the shards' files is the single run's files, each made once, byte for byte.
files() { (cd "$1" && find . -type f -not -path './.wenshu/*' -not -name build-record.xml | sort); }
files "$TMP/single" >"$TMP/single.txt"
: >"$TMP/union.txt"
for ((I = 0; I < SHARDS; ++I)); do
  files "$OUT/shard-$I" | tee "$TMP/shard-$I.txt" >>"$TMP/union.txt"
  [ -s "$TMP/shard-$I.txt" ] || echo "note: shard $I has no units of this year" >&2
  while read -r f; do
    cmp -s "$OUT/shard-$I/$f" "$TMP/single/$f" || fail "shard $I: $f differs from the single run"
  done <"$TMP/shard-$I.txt"
done
dups=$(sort "$TMP/union.txt" | uniq -d)
[ -z "$dups" ] || fail "files made by more than one shard: $dups"
diff <(sort "$TMP/union.txt") "$TMP/single.txt" >"$TMP/diff.txt" || { head "$TMP/diff.txt"; fail "the shards do not make the single run's files"; }
n=$(grep -c 'dossiers/.*\.zip$' "$TMP/single.txt")
[ "$n" -ge 3 ] || fail "too few dossiers to make the test mean something ($n)"

# The check deploy/README.md gives for a sharded run accepts the folders, and catches a change.
bash "$SRC/deploy/check-union.sh" "$OUT"/shard-* >"$TMP/union.log" 2>&1 || { cat "$TMP/union.log"; fail "check-union rejected the shards"; }
some=$(head -n 1 "$TMP/shard-0.txt")
[ -n "$some" ] || some=$(head -n 1 "$TMP/shard-1.txt")
victim=$(ls -d "$OUT"/shard-*/"${some#./}" | head -n 1)
printf 'x' >>"$victim"
bash "$SRC/deploy/check-union.sh" "$OUT"/shard-* >/dev/null 2>&1 && fail "check-union accepted a changed file"

# Usage errors: exit 2, nothing built.
for bad in 3/2 0/0 1 a/b -1/2 2/2; do
  "$WENSHU" build --shard "$bad" -o "$TMP/bad" "$RECORDS" >/dev/null 2>"$TMP/bad.err"
  rc=$?
  [ $rc = 2 ] || fail "--shard $bad: exit $rc, expected 2"
  grep -q -- "--shard" "$TMP/bad.err" || fail "--shard $bad: the message does not name the option"
done
[ ! -e "$TMP/bad" ] || fail "a usage error created the output folder"
echo "build_shards: ok"

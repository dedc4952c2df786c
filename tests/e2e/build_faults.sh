#!/usr/bin/env bash
# The output folder of a build is the old build or the new one, never a mix (docs/batch.md):
#  - a second build into a folder in use is refused naming the first (exit 2), or waits (--wait);
#  - a build killed at each step of its commit (WENSHU_TEST_KILL_AT, output_folder.h) leaves the
#    folder as it was, or a journal that the next build applies first; the stale lock is
#    cleared; the next build gives the bytes of an uninterrupted one;
#  - a build killed at a random moment, an input changed while a build runs, a full disk (a
#    file-size limit) and a folder that cannot be written leave the folder as it was (exit 2).
. "$(dirname "$0")/lib/common.sh" "$@"
build() { "$WENSHU" build -j 1 "$@"; }
# The folder's content with digests (its private .wenshu/ aside). The build record is left out
# (it says which outputs a build reused, so it differs between a rebuild and a fresh build);
# whole() keeps it, for "the folder is as it was".
state() { (cd "$1" && find . -path ./.wenshu -prune -o -type f -not -name build-record.xml -print | LC_ALL=C sort | xargs -d '\n' sha256sum); }
whole() { (cd "$1" && find . -path ./.wenshu -prune -o -type f -print | LC_ALL=C sort | xargs -d '\n' sha256sum); }
stopped() { # waits until process $1 is stopped (SIGSTOP at a test point), or fails
  for _ in $(seq 1 600); do
    [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" = T ] && return 0
    kill -0 "$1" 2>/dev/null || fail "process $1 ended before it stopped"
    sleep 0.05
  done
  fail "process $1 did not stop"
}

cp -r "$SRC/tests/e2e/build_data" "$TMP/r1"
cp -r "$SRC/tests/e2e/build_data" "$TMP/r2"
sed -i 's/title="关于甘州区城乡一体化发展的调研报告"/title="关于甘州区城乡一体化发展和乡村振兴的调研报告"/' "$TMP/r2/ganzhou-2009.xml"
use() { rm -rf "$TMP/in" && cp -r "$TMP/$1" "$TMP/in"; }  # the input the next build reads
# Reference builds of both inputs; they read the same input path as the builds under test, so
# their build records compare too.
use r1
build -o "$TMP/s1" "$TMP/in" >/dev/null 2>&1
S1=$(state "$TMP/s1")
W1=$(whole "$TMP/s1")
use r2
build -o "$TMP/s2" "$TMP/in" >/dev/null 2>&1
S2=$(state "$TMP/s2")
[ "$S1" != "$S2" ] || fail "test set-up: the two inputs build the same files"
start() { rm -rf "$TMP/out" && cp -r "$TMP/s1" "$TMP/out"; }  # a folder holding the v1 build

# 1. A second build is refused naming the first; with --wait it waits for it.
start; use r1
WENSHU_TEST_STOP_AT=staged "$WENSHU" build -j 1 -o "$TMP/out" "$TMP/in" >/dev/null 2>&1 &
A=$!
stopped $A
build -o "$TMP/out" "$TMP/in" >/dev/null 2>"$TMP/second.err"
rc=$?
[ $rc = 2 ] || { kill -CONT $A; fail "a second build into a folder in use: exit $rc, expected 2"; }
grep -q "BUILD-LOCK" "$TMP/second.err" || { kill -CONT $A; cat "$TMP/second.err"; fail "no BUILD-LOCK finding"; }
grep -q "进程 $A" "$TMP/second.err" || { kill -CONT $A; fail "the refusal does not name the first build (pid $A)"; }
build --wait -o "$TMP/out" "$TMP/in" >/dev/null 2>"$TMP/wait.err" &
B=$!
sleep 0.5
kill -0 $B 2>/dev/null || { kill -CONT $A; fail "--wait did not wait"; }
kill -CONT $A
wait $A; [ $? = 1 ] || fail "the first build did not finish after it was continued"
wait $B; [ $? = 1 ] || { cat "$TMP/wait.err"; fail "the waiting build did not finish"; }
grep -q "等待另一次构建结束" "$TMP/wait.err" || fail "the waiting build did not say it waits"
[ "$(state "$TMP/out")" = "$S1" ] || { diff <(echo "$S1") <(state "$TMP/out"); fail "after two builds of the same input the folder differs"; }

# 2. Killed at each step of the commit: as it was, or finished by the next build.
for point in rendered staged journal move:1 move:4; do
  start; use r2
  # In a subshell that reports the kill as exit 137 instead of printing "Killed".
  (WENSHU_TEST_KILL_AT=$point "$WENSHU" build -j 1 -o "$TMP/out" "$TMP/in"; exit $?) >/dev/null 2>&1
  rc=$?
  [ $rc = 137 ] || fail "kill at $point: exit $rc (the test point was not reached?)"
  [ -s "$TMP/out/.wenshu/lock" ] || fail "kill at $point: no stale lock left to clear"
  case $point in
    rendered | staged)
      [ "$(whole "$TMP/out")" = "$W1" ] || fail "killed at $point: the folder is not as it was"
      [ ! -e "$TMP/out/.wenshu/journal" ] || fail "killed at $point: a journal before the commit point" ;;
    *) [ -e "$TMP/out/.wenshu/journal" ] || fail "killed at $point: no journal" ;;
  esac
  build -o "$TMP/out" "$TMP/in" >/dev/null 2>"$TMP/next.err"
  [ $? = 1 ] || { cat "$TMP/next.err"; fail "the build after a kill at $point did not complete"; }
  grep -q "已清除其锁" "$TMP/next.err" || fail "after a kill at $point: the stale lock was not reported cleared"
  [ "$(state "$TMP/out")" = "$S2" ] || fail "after a kill at $point: the next build differs from an uninterrupted one"
  [ ! -e "$TMP/out/.wenshu/journal" ] && [ ! -e "$TMP/out/.wenshu/staging" ] || fail "after $point: leftovers"
done

# 3. Killed at a random moment while it works.
for delay in 0.1 0.3 0.6; do
  start; use r2
  "$WENSHU" build -j 1 --force -o "$TMP/out" "$TMP/in" >/dev/null 2>&1 &
  P=$!
  sleep $delay
  kill -9 $P 2>/dev/null
  wait $P 2>/dev/null
  now=$(state "$TMP/out")
  if [ ! -e "$TMP/out/.wenshu/journal" ]; then
    [ "$now" = "$S1" ] || [ "$now" = "$S2" ] || fail "killed after ${delay}s: the folder is neither build"
    [ "$now" != "$S1" ] || [ "$(whole "$TMP/out")" = "$W1" ] || fail "killed after ${delay}s: the old build's record changed"
  fi
  build -o "$TMP/out" "$TMP/in" >/dev/null 2>&1
  [ "$(state "$TMP/out")" = "$S2" ] || fail "killed after ${delay}s: the next build differs from an uninterrupted one"
done

# 4. An input changed while the build runs: nothing committed (exit 2).
start; use r2
WENSHU_TEST_STOP_AT=rendered "$WENSHU" build -j 1 -o "$TMP/out" "$TMP/in" >/dev/null 2>"$TMP/changed.err" &
P=$!
stopped $P
sed -i 's/甘州区城乡一体化/甘州区城乡统筹/' "$TMP/in/ganzhou-2009.xml"
kill -CONT $P
wait $P; rc=$?
[ $rc = 2 ] || fail "an input changed during the build: exit $rc, expected 2"
grep -q "输入文件在构建过程中被修改" "$TMP/changed.err" || { cat "$TMP/changed.err"; fail "the change is not named"; }
[ "$(whole "$TMP/out")" = "$W1" ] || fail "an input changed during the build: the folder is not as it was"

# 5. A full disk (here: no file may grow past 40 KiB): exit 2, the folder as it was.
start; use r2
(ulimit -f 40; trap '' XFSZ; exec "$WENSHU" build -j 1 -o "$TMP/out" "$TMP/in") >/dev/null 2>"$TMP/full.err"
rc=$?
[ $rc = 2 ] || { tail -3 "$TMP/full.err"; fail "a full disk: exit $rc, expected 2"; }
grep -q "BUILD-IO" "$TMP/full.err" || fail "a full disk: no BUILD-IO finding"
[ "$(whole "$TMP/out")" = "$W1" ] || fail "a full disk: the folder is not as it was"
[ ! -e "$TMP/out/.wenshu/staging" ] || fail "a full disk: the staging folder was left behind"
build -o "$TMP/out" "$TMP/in" >/dev/null 2>&1
[ "$(state "$TMP/out")" = "$S2" ] || fail "after a full disk the next build differs from an uninterrupted one"

# 6. A folder that cannot be created or written: exit 2, named.
build -o /proc/wenshu-build-test "$TMP/in" >/dev/null 2>"$TMP/ro.err"
[ $? = 2 ] || fail "an output folder that cannot be created: exit code"
grep -q "/proc/wenshu-build-test" "$TMP/ro.err" || fail "the folder that cannot be created is not named"
: >"$TMP/plain-file"
build -o "$TMP/plain-file" "$TMP/in" >/dev/null 2>&1
[ $? = 2 ] || fail "an output 'folder' that is a file: exit code"
echo "build_faults: ok"

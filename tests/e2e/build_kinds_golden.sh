#!/usr/bin/env bash
# Issue 4 "golden tests pin the layout dump of one document of every kind": builds the sample
# committee 甘州区 (whose records call for every document kind) from the whole sample tree with --draft and --layout-dump,
# then compares the first document of every kind folder with tests/golden/kinds/<kind>.layout.txt
# (WENSHU_UPDATE_GOLDEN=1 rewrites them). The kind list is fixed here, so a kind that stops being
# produced fails the test instead of silently losing its golden.
. "$(dirname "$0")/lib/common.sh" "$@"

KINDS="调研报告 咨询论证报告 专题报告 突发事件报告 党组工作报告报送单 工作要点落实情况报告
常委会例会纪要 重点工作和重大活动安排表 民主测评结果 诫勉谈话记录 函询函 外出报告单 请假条
外出请假情况汇总 督办通知单 督查情况通报 责任追究决定 通报批评 制度执行情况报告"

# The whole sample tree: 甘州区's records refer to city members (approvers, guiding leaders).
# Under ctest the sample year is built once by the fixture (tests/doccheck/build_sample_year.sh,
# the same build options) and SAMPLE_YEAR names it; run alone, the script builds it.
if [ -n "${SAMPLE_YEAR:-}" ]; then
  [ -d "$SAMPLE_YEAR/year/ganzhou" ] || fail "fixture output $SAMPLE_YEAR/year missing"
  OUT="$SAMPLE_YEAR/year"
else
  "$WENSHU" build --no-pack "$SRC/samples/records" \
    -o "$TMP/out" --draft --layout-dump -j 2 >"$TMP/stdout" 2>"$TMP/stderr"
  rc=$?
  [ "$rc" -le 1 ] || { tail -n 20 "$TMP/stderr"; fail "build exited $rc"; }
  OUT="$TMP/out"
fi
K="$OUT/ganzhou/2009"
GOLD="$SRC/tests/golden/kinds"
for kind in $KINDS; do
  dump="$(ls "$K/$kind/"*.layout.txt 2>/dev/null | LC_ALL=C sort | head -n 1)"
  [ -n "$dump" ] || { ls "$K"; fail "no document of kind $kind was built"; }
  if [ "${WENSHU_UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$GOLD" && cp "$dump" "$GOLD/$kind.layout.txt"
  else
    [ -f "$GOLD/$kind.layout.txt" ] || fail "golden $GOLD/$kind.layout.txt missing (run with WENSHU_UPDATE_GOLDEN=1)"
    diff -u "$GOLD/$kind.layout.txt" "$dump" >"$TMP/diff" ||
      { head -n 20 "$TMP/diff"; fail "layout of $kind ($(basename "$dump")) differs from its golden"; }
  fi
done
echo "PASS: layout dumps of $(echo $KINDS | wc -w) kinds match their goldens"

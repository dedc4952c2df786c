#!/usr/bin/env bash
# render through the whole pipeline (read -> layout -> PDF) and compare every page, rasterised
# at 40 dpi, with tests/golden/png/render_notice-N.png (per-channel tolerance; see
# render_png_compare.py). WENSHU_UPDATE_GOLDEN=1 accepts new images.
# Usage: render_png.sh <path-to-wenshu> <source-dir>
. "$(dirname "$0")/lib/common.sh" "$@"

cat > "$TMP/render_notice.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:wenshu:gongwen:1" kind="通知" id="render_notice">
  <header>
    <copy-number>000001</copy-number>
    <issuers><issuer>中共某某市委办公室</issuer></issuers>
    <doc-number>市委办发〔2009〕32号</doc-number>
  </header>
  <title>关于加强公文处理工作的通知</title>
  <main-recipients>各县（市、区）委，市委各部委：</main-recipients>
  <body>
    <p>为进一步规范公文处理工作，提高公文质量，根据《党政机关公文处理工作条例》，现就有关事项通知如下。</p>
    <heading level="1" number="一、">高度重视公文处理工作</heading>
    <p>各级党组织要把公文处理工作摆上重要位置，明确分管领导和具体承办人员。</p>
    <heading level="2" number="（一）">明确责任分工</heading>
    <p>办公室负责公文的统一收发、审核、用印、归档和销毁工作。</p>
  </body>
  <signatures><signature>中共某某市委办公室</signature></signatures>
  <date value="2009-09-02">二〇〇九年九月二日</date>
  <imprint>
    <printer>中共某某市委办公室</printer>
    <print-date value="2009-09-02">二〇〇九年九月二日</print-date>
  </imprint>
</document>
XML

"$WENSHU" render -o "$TMP/out" "$TMP/render_notice.xml" > "$TMP/log.txt" 2>&1 || { cat "$TMP/log.txt" >&2; fail "render"; }
pdftoppm -r 40 -png "$TMP/out/render_notice.pdf" "$TMP/page" || fail "pdftoppm"
status=0
n=0
for png in "$TMP"/page-*.png; do
  n=$((n + 1))
  ref="$SRC/tests/golden/png/render_notice-$n.png"
  python3 "$SRC/tests/e2e/render_png_compare.py" "$png" "$ref" || status=1
done
[ $n -gt 0 ] || fail "no pages rendered"
# A page that disappeared is a difference too.
[ -e "$SRC/tests/golden/png/render_notice-$((n + 1)).png" ] && [ "${WENSHU_UPDATE_GOLDEN:-}" != 1 ] &&
  { echo "reference has more pages than the output ($n)" >&2; status=1; }
[ $status -eq 0 ] || fail "page images differ from tests/golden/png (WENSHU_UPDATE_GOLDEN=1 to accept)"
echo "render_png: ok ($n pages)"

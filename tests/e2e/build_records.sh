#!/usr/bin/env bash
# wenshu build over a small records tree: documents land in out/<committee>/<year>/<kind>/ with
# sidecars; a document whose record breaks an error rule is refused (and rendered as a draft with
# --draft); a record naming a missing person is named; a broken template is named at file:line
# while the other documents still render; the layout dump of each kind matches its golden file
# (tests/golden/build/<kind>.layout.txt; WENSHU_UPDATE_GOLDEN=1 rewrites them); build packs one
# dossier per committee × year into out/dossiers/ (全宗号 from the profile) and verifies it,
# --no-pack skips that; generated 报告/函 carry 发文字号, unique and gap-free.
set -u
W="$1"
SRC="$2"
DATA="$SRC/tests/e2e/build_data"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$W" build -v --show all "$DATA" -o "$TMP/out" -j 2 >"$TMP/stdout" 2>"$TMP/stderr"
rc=$?
[ "$rc" = 1 ] || { cat "$TMP/stderr"; fail "exit code $rc, expected 1 (errors in the records)"; }
K="$TMP/out/ganzhou/2009"
REPORT="$K/调研报告/2009-05-12 关于甘州区城乡一体化发展的调研报告.pdf"
[ -s "$REPORT" ] || { ls -R "$TMP/out"; fail "research report PDF missing"; }
[ -s "$REPORT.xml" ] || fail "sidecar of the research report missing"
grep -q "<title>关于甘州区城乡一体化发展的调研报告</title>\|关于甘州区城乡一体化发展的调研报告" "$REPORT.xml" || fail "sidecar lacks the title"
ls "$K/常委会例会纪要/"*.pdf >/dev/null 2>&1 || fail "minutes PDF missing"
ls "$K/请假条/"*.pdf >/dev/null 2>&1 || fail "leave form PDF missing"
ls "$K/制度执行情况报告/"*.pdf >/dev/null 2>&1 || fail "annual report PDF missing"
if ls "$K/突发事件报告/"*.pdf >/dev/null 2>&1; then fail "emergency report rendered although BG-2 failed"; fi
grep -q "COMPOSE-REFUSED" "$TMP/stderr" || fail "no COMPOSE-REFUSED diagnostic"
grep -q "gz-e1" "$TMP/stderr" || fail "refusal does not name the record gz-e1"
grep -q "gz-tl2" "$TMP/stderr" || fail "missing approver of gz-tl2 not reported"
[ "$(ls "$K/请假条/" | grep -c '\.pdf$')" = 1 ] || fail "the leave form of gz-tl2 (unknown approver) was rendered"

# Packed and verified: one dossier for ganzhou 2009 under its 全宗号 Z002 (profile da.fonds.ganzhou).
[ -s "$TMP/out/dossiers/Z002-WS-2009.zip" ] || { ls -R "$TMP/out/dossiers"; fail "dossier Z002-WS-2009.zip missing"; }
grep -q "^pack: ganzhou 2009 全宗 Z002" "$TMP/stderr" || fail "no pack progress line"
grep -q "^verify: ganzhou 2009 通过" "$TMP/stderr" || fail "dossier not verified"
grep -q "build: 档案包 1 个" "$TMP/stdout" || fail "no dossier summary line"

# 发文字号: per 机关代字 × year numbered 1..n without gaps or repeats (GB/T 9704-2012 7.2.5).
for code in 甘区委发 甘区委函; do
  nums="$(grep -oh "<doc-number>$code〔2009〕[0-9]*号<" "$K"/*/*.pdf.xml | grep -o '〕[0-9]*' | tr -d '〕' | sort -n)"
  [ -n "$nums" ] || continue
  [ "$nums" = "$(seq 1 "$(echo "$nums" | wc -l)")" ] || fail "$code numbers not 1..n: $(echo $nums)"
done
grep -q "<doc-number>甘区委发〔2009〕1号<" "$K"/*/*.pdf.xml || fail "no generated 发文字号 甘区委发〔2009〕1号"

# --no-pack: render only.
"$W" build "$DATA" -o "$TMP/nopack" --no-pack --kind tg-minutes -j 2 >/dev/null 2>&1
[ ! -e "$TMP/nopack/dossiers" ] || fail "--no-pack still packed"

# --draft: the refused report is rendered as a draft.
"$W" build "$DATA" -o "$TMP/forced" --draft --layout-dump -j 2 >"$TMP/stdout2" 2>"$TMP/stderr2"
F="$TMP/forced/ganzhou/2009"
ls "$F/突发事件报告/"*.pdf >/dev/null 2>&1 || { cat "$TMP/stderr2"; fail "--draft did not render the emergency report"; }
grep -q "草稿" "$F/突发事件报告/"*.pdf.xml || fail "forced document not marked 草稿 in its sidecar"

# Same input, same bytes.
"$W" build "$DATA" -o "$TMP/again" --draft -j 1 >/dev/null 2>&1
for f in "$F"/*/*.pdf; do
  rel="${f#$TMP/forced/}"
  cmp -s "$f" "$TMP/again/$rel" || fail "not deterministic: $rel"
done

# Golden layout dumps, one per kind folder.
GOLD="$SRC/tests/golden/build"
for dir in "$F"/*/; do
  kind="$(basename "$dir")"
  dump="$(ls "$dir"*.layout.txt 2>/dev/null | head -n 1)"
  [ -n "$dump" ] || continue
  if [ "${WENSHU_UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$GOLD" && cp "$dump" "$GOLD/$kind.layout.txt"
  elif [ -f "$GOLD/$kind.layout.txt" ]; then
    diff -u "$GOLD/$kind.layout.txt" "$dump" >"$TMP/diff" || { head -n 20 "$TMP/diff"; fail "layout of $kind differs from its golden"; }
  else
    fail "golden $GOLD/$kind.layout.txt missing (run with WENSHU_UPDATE_GOLDEN=1)"
  fi
done

# A broken template is named at file:line; the other documents still render.
mkdir -p "$TMP/data"
for d in fonts schemas profiles; do ln -s "$SRC/$d" "$TMP/data/$d"; done
cp -r "$SRC/templates" "$TMP/data/templates"
sed -i '0,/<xsl:template match="\/">/s//<xsl:template match="\/">\n<xsl:value-of\/>/' "$TMP/data/templates/dy-report.xsl"
"$W" --data "$TMP/data" build "$DATA" -o "$TMP/broken" -j 2 >/dev/null 2>"$TMP/stderr3"
grep -q "dy-report.xsl:[0-9]*: error\[COMPOSE-TEMPLATE\]" "$TMP/stderr3" || { cat "$TMP/stderr3"; fail "broken template not named at file:line"; }
ls "$TMP/broken/ganzhou/2009/常委会例会纪要/"*.pdf >/dev/null 2>&1 || fail "other documents not rendered with a broken template"
# render given records takes --profile like build: a looser BG-2 time limit un-refuses gz-e1.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<profile xmlns="urn:wenshu:profile:1" name="loose"><param name="bg.emergency.deadline-minutes" value="100000"/></profile>\n' >"$TMP/loose.xml"
"$W" render --profile "$TMP/loose.xml" -o "$TMP/profiled" "$DATA/ganzhou-2009.xml" >/dev/null 2>&1
ls "$TMP/profiled/ganzhou/2009/突发事件报告/"*.pdf >/dev/null 2>&1 || fail "render --profile did not apply the profile"
echo "build_records: ok"

#!/bin/bash
# e2e: the dossier's index.html in headless Chromium with no network: rows by class with 档号,
# links to each PDF, and the text filter (…/index.html?q=… pre-fills the filter). Skips (exit 0
# with a message) only when chromium is not installed.
set -u
WENSHU="$1"; SRC="$2"
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then echo "SKIP: chromium not installed (apt-get install -y chromium)"; exit 0; fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
python3 "$SRC/tests/e2e/archive_make_submission.py" "$T/in" 9 || fail "make submission"
"$WENSHU" pack --year 2024 --fonds Z109 --filing-date 2025-01-15 -o "$T/out" "$T/in" > /dev/null || fail "pack"
(cd "$T" && unzip -q out/Z109-WS-2024.zip) || fail "unzip"
INDEX="$T/Z109-WS-2024/data/index.html"
dump() {  # dump URL OUT
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$T/profile-$RANDOM" --virtual-time-budget=3000 --dump-dom "$1" > "$2" 2> "$T/chrome.log"
}
dump "file://$INDEX" "$T/all.html" || { tail -5 "$T/chrome.log"; fail "chromium"; }
rows=$(grep -o '<tr class="item[^"]*"' "$T/all.html" | wc -l)
[ "$rows" -eq 9 ] || fail "want 9 rows, got $rows"
grep -q 'class="item hidden"' "$T/all.html" && fail "rows hidden without a filter"
grep -q '显示 9 / 9 件' "$T/all.html" || fail "count line missing (script did not run)"
grep -q 'Z109-WS·2024-' "$T/all.html" || fail "no 档号"
# Every PDF link resolves to a file of the unpacked dossier.
for href in $(grep -o 'href="[^"]*\.pdf"' "$T/all.html" | sed 's/href="//; s/"$//'); do
  p=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(sys.argv[1]))' "$href")
  [ -f "$T/Z109-WS-2024/data/$p" ] || fail "broken link $href"
done
# Filter: 调研报告 matches the DY items only (2 of 9 here).
dump "file://$INDEX?q=%E8%B0%83%E7%A0%94%E6%8A%A5%E5%91%8A" "$T/f.html" || fail "chromium (filter)"
shown=$(grep -o '<tr class="item"' "$T/f.html" | wc -l)
[ "$shown" -eq 2 ] || fail "filter: want 2 rows shown, got $shown"
grep -q '显示 2 / 9 件' "$T/f.html" || fail "filter count line"
echo "archive_index_html: OK"

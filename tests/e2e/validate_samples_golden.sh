#!/usr/bin/env bash
# Pins the full text output of `wenshu validate` on the sample year and the sample 公文
# (tests/golden/validate/samples.txt). WENSHU_UPDATE_GOLDEN=1 rewrites the golden file.
set -u
wenshu="$1"; src="$2"
cd "$src" || exit 1
actual="$(mktemp)"; trap 'rm -f "$actual"' EXIT
"$wenshu" validate --show all samples/records samples/documents > "$actual" 2>&1
rc=$?
[[ $rc -eq 1 ]] || { echo "expected exit 1 (planted violations), got $rc"; exit 1; }
golden=tests/golden/validate/samples.txt
if [[ "${WENSHU_UPDATE_GOLDEN:-0}" == "1" ]]; then cp "$actual" "$golden"; echo "updated $golden"; exit 0; fi
if ! diff -u "$golden" "$actual" > /dev/null; then
  diff -u "$golden" "$actual" | head -40
  echo "validate output differs from $golden (WENSHU_UPDATE_GOLDEN=1 to accept)"
  exit 1
fi
echo "validate output matches $golden ($(wc -l < "$actual") lines)"

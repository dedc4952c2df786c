#!/usr/bin/env bash
# End-to-end: `wenshu validate` on the sample year (samples/records) fires exactly the rules
# planted on purpose and listed in samples/README.md, and nothing else; a hostile records file
# (billion laughs) is refused with XML-DTD naming file and line, never a crash.
# Usage: bash ingest_samples.sh <path-to-wenshu> <source-dir>
set -u
wenshu="$1"
src="$2"
fail() { echo "FAIL: $*" >&2; exit 1; }

out=$("$wenshu" validate --show all "$src/samples/records" 2>&1)
rc=$?
[ "$rc" -eq 1 ] || fail "expected exit code 1 (errors found) on the samples, got $rc"$'\n'"$out"

fired=$(printf '%s\n' "$out" | grep -oE '(error|warning)\[[A-Z]+-[0-9a-z.]+\]' | sed -E 's/.*\[(.*)\]/\1/' | sort -u)
listed=$(grep -oE '^\| [A-Z]{2}-[0-9a-z.]+ \|' "$src/samples/README.md" | sed -E 's/^\| ([^ ]+) \|/\1/' | sort -u)
[ -n "$listed" ] || fail "no planted rules found in samples/README.md"
if [ "$fired" != "$listed" ]; then
  echo "rules fired but not listed:" >&2; comm -23 <(echo "$fired") <(echo "$listed") >&2
  echo "rules listed but not fired:" >&2; comm -13 <(echo "$fired") <(echo "$listed") >&2
  fail "the sample year does not fire exactly the planted rules"
fi
if printf '%s\n' "$out" | grep -qE '(error|warning)\[XML-'; then
  fail "the samples produce XML findings:"$'\n'"$(printf '%s\n' "$out" | grep -E '\[XML-')"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/lol.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE records [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<records xmlns="urn:wenshu:records:1" version="1">&c;</records>
XML
out=$("$wenshu" validate "$tmp/lol.xml" 2>&1)
rc=$?
[ "$rc" -ne 0 ] || fail "a DOCTYPE file was accepted"
[ "$rc" -lt 128 ] || fail "wenshu crashed on a DOCTYPE file (status $rc)"
printf '%s\n' "$out" | grep -q "lol.xml:2:1: error\[XML-DTD\]" || fail "no XML-DTD error at lol.xml:2:1:"$'\n'"$out"
echo "ok: samples fire $(echo "$listed" | wc -l) planted rules; hostile file refused"

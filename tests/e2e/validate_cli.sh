#!/usr/bin/env bash
# End-to-end test of `wenshu validate` and `wenshu rules`: exit codes, the one-line diagnostic
# format, records split over files, JSON output that parses, --help, and a user profile with an
# unknown parameter (exit 2 naming file:line).
# Usage: validate_cli.sh <path-to-wenshu> <source-dir>
set -u
WENSHU=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# --- help texts ---------------------------------------------------------------------------
"$WENSHU" validate --help >"$TMP/help.txt" 2>&1 || fail "validate --help exit $?"
grep -q -- "--profile" "$TMP/help.txt" || fail "validate --help lacks --profile"
grep -q "Exit codes" "$TMP/help.txt" || fail "validate --help lacks exit codes"
"$WENSHU" rules --help >/dev/null 2>&1 || fail "rules --help"

# --- rules listing ------------------------------------------------------------------------
"$WENSHU" rules >"$TMP/rules.txt" || fail "rules exit $?"
for id in DY-1a ZX-2.3 BG-2 TG-3 JD-4.2 DB-5 ZZ-7 GW-1 DA-6; do
  grep -q "$id" "$TMP/rules.txt" || fail "rules lacks $id"
done
grep -q "bg.emergency.deadline-minutes = 120" "$TMP/rules.txt" || fail "rules lacks parameter value"
"$WENSHU" rules --format json | python3 -m json.tool >/dev/null || fail "rules json does not parse"

# --- records split over two files ---------------------------------------------------------
mkdir -p "$TMP/year/2009"
cat >"$TMP/year/committee.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<records xmlns="urn:wenshu:records:1" version="1" committee="gz" year="2009">
  <committee id="gz" level="县区委" name="中共张掖市甘州区委员会" short-name="甘州区委" agency-code="甘区委发" year="2009"/>
  <member id="s1" name="王书记" role="书记" principal="true"/>
</records>
XML
cat >"$TMP/year/2009/events.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<records xmlns="urn:wenshu:records:1" version="1" committee="gz" year="2009">
  <emergency id="e1" title="山洪" occurred="2009-07-01T08:00" reported="2009-07-01T10:01" reported-to="市委"/>
  <emergency id="e2" title="火灾" occurred="2009-08-01T08:00" reported="2009-08-01T10:00" reported-to="市委"/>
</records>
XML
"$WENSHU" validate "$TMP/year" >"$TMP/out.txt" 2>"$TMP/err.txt"
rc=$?
[ $rc -eq 1 ] || { cat "$TMP/out.txt" "$TMP/err.txt"; fail "records with errors: exit $rc, want 1"; }
# Diagnostics on stderr, the summary on stdout.
grep -q "events.xml:3:[0-9]*: error\[BG-2\]: 突发公共事件 e1" "$TMP/err.txt" || { cat "$TMP/err.txt"; fail "no BG-2 line for e1 at events.xml:3"; }
grep -q "error\[BG-2\]: 突发公共事件 e2" "$TMP/err.txt" && fail "e2 reported at exactly 2 h"
grep -q "error\[" "$TMP/out.txt" && fail "diagnostics on stdout"
grep -q "汇总 / summary" "$TMP/out.txt" || fail "no summary"
grep -q "^gz 2009年 甘州区委" "$TMP/out.txt" || fail "no committee summary line"

# --year names the year under check: a year without records is said once, exit 2.
"$WENSHU" validate --year 2010 "$TMP/year" >"$TMP/out2010.txt" 2>&1
rc=$?
[ $rc -eq 2 ] || { cat "$TMP/out2010.txt"; fail "--year without records: exit $rc, want 2"; }
[ "$(grep -c "error\[XML-YEAR\]: 没有 2010 年的记录：读入的记录属于 2009 年" "$TMP/out2010.txt")" = 1 ] ||
  { cat "$TMP/out2010.txt"; fail "--year 2010 not said once"; }
grep -q "error\[TG-2\]" "$TMP/out2010.txt" && fail "--year 2010 still checked the 2009 records"

# --as-of before the year begins: said, exit 2; an --as-of that is no date: exit 2.
"$WENSHU" validate --as-of 2008-12-31 "$TMP/year" >"$TMP/asof.txt" 2>&1
[ $? -eq 2 ] || fail "--as-of before the year: exit code"
grep -q "error\[XML-YEAR\]: 判定日期 2008-12-31 早于 2009 年的开始" "$TMP/asof.txt" || { cat "$TMP/asof.txt"; fail "no --as-of diagnostic"; }
"$WENSHU" validate --as-of 2009-02-30 "$TMP/year" >/dev/null 2>"$TMP/asof.err"
[ $? -eq 2 ] || fail "--as-of 2009-02-30 accepted"
grep -q "YYYY-MM-DD" "$TMP/asof.err" || fail "--as-of error does not say the form"

# JSON output parses and carries diagnostics and summary.
"$WENSHU" validate --format json "$TMP/year" >"$TMP/out.json"
[ $? -eq 1 ] || fail "json run exit code"
python3 - "$TMP/out.json" <<'PY' || fail "json content"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["schema"] == "wenshu/1" and doc["command"] == "validate"
assert isinstance(doc["diagnostics"], list) and doc["diagnostics"], "no diagnostics"
assert any(d["rule"] == "BG-2" and d["message"] and d["message_en"] for d in doc["diagnostics"]), "no BG-2"
assert doc["exit_code"] == 1 and doc["counts"]["errors"] > 0 and doc["result"]["record_files"] == 2
assert any(c["id"] == "gz" for c in doc["result"]["committees"])
PY

# Output is deterministic.
"$WENSHU" validate "$TMP/year" >"$TMP/again.txt" 2>"$TMP/again.err"
cmp -s "$TMP/out.txt" "$TMP/again.txt" && cmp -s "$TMP/err.txt" "$TMP/again.err" || fail "two runs differ"

# --- could not run: missing input, unknown profile parameter, broken profile ----------------
"$WENSHU" validate "$TMP/does-not-exist" >"$TMP/missing.txt" 2>&1
[ $? -eq 2 ] || fail "missing input: want exit 2"
grep -q "does-not-exist" "$TMP/missing.txt" || fail "missing input not named"

cat >"$TMP/profile.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<profile xmlns="urn:wenshu:profile:1" name="mine">
  <param name="bg.emergency.deadline-minutes" value="180"/>
  <param name="bg.emergency.deadline-hourz" value="2"/>
</profile>
XML
"$WENSHU" validate --profile "$TMP/profile.xml" "$TMP/year" >"$TMP/prof.txt" 2>&1
[ $? -eq 2 ] || { cat "$TMP/prof.txt"; fail "unknown profile parameter: want exit 2"; }
grep -q "profile.xml:4:[0-9]*: error\[PROFILE-PARAM\]" "$TMP/prof.txt" || { cat "$TMP/prof.txt"; fail "unknown parameter not named at file:line"; }
"$WENSHU" rules --profile "$TMP/profile.xml" >/dev/null 2>&1
[ $? -eq 2 ] || fail "rules with bad profile: want exit 2"

# A valid user profile changes the verdict: 3 hours allowed, e1 is in time.
sed -i '/deadline-hourz/d' "$TMP/profile.xml"
"$WENSHU" validate --show all --profile "$TMP/profile.xml" "$TMP/year" >"$TMP/prof2.txt" 2>&1
grep -q "error\[BG-2\]" "$TMP/prof2.txt" && fail "user profile value not applied"
"$WENSHU" rules --profile "$TMP/profile.xml" | grep -q "bg.emergency.deadline-minutes = 180" || fail "rules does not show the override"

# --- bad input never crashes: a broken XML file is an error naming the file -----------------
printf '<records xmlns="urn:wenshu:records:1"' >"$TMP/year/broken.xml"
"$WENSHU" validate "$TMP/year" >"$TMP/broken.txt" 2>&1
[ $? -eq 1 ] || fail "broken xml: want exit 1"
grep -q "broken.xml" "$TMP/broken.txt" || fail "broken xml not named"

# --- 公文 files are dispatched to the GW checks ------------------------------------------------
if [ -f "$SRC/samples/documents/seed-as-written.xml" ]; then
  "$WENSHU" validate "$SRC/samples/documents/seed-as-written.xml" >"$TMP/gw.txt" 2>&1
  [ $? -eq 1 ] || { cat "$TMP/gw.txt"; fail "seed as written: want exit 1"; }
  grep -q "error\[GW-1\]" "$TMP/gw.txt" || { cat "$TMP/gw.txt"; fail "seed as written: no GW-1"; }
fi
if [ -f "$SRC/samples/documents/seed-corrected.xml" ]; then
  "$WENSHU" validate "$SRC/samples/documents/seed-corrected.xml" >"$TMP/gw_ok.txt" 2>&1
  rc=$?
  [ $rc -eq 0 ] || { cat "$TMP/gw_ok.txt"; fail "seed corrected: exit $rc, want 0"; }
fi
echo "validate_cli: ok"

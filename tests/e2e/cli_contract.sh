#!/usr/bin/env bash
# The command-line contract of every command (README "The command line", docs/json.md):
# exit codes (missing input, unreadable file and bad option -> 2), diagnostics on stderr and
# results on stdout, -q prints only the summary line, --format json prints one JSON document on
# stdout (and nothing on stderr) that parses and carries "schema": "wenshu/1", also for a file
# whose name is not UTF-8.
# Usage: cli_contract.sh <path-to-wenshu> <source-dir>
set -u
W=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# run NAME WANT_RC ARGS...: runs wenshu, stdout to $TMP/NAME.out, stderr to $TMP/NAME.err.
run() {
  local name=$1 want=$2; shift 2
  "$W" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"
  local rc=$?
  [ "$rc" -eq "$want" ] || { cat "$TMP/$name.out" "$TMP/$name.err" | head -20 >&2; fail "$name: wenshu $*: exit $rc, want $want"; }
}
# json NAME COMMAND WANT_RC: $TMP/NAME.out is one JSON document of COMMAND, stderr is empty.
json() {
  python3 - "$TMP/$1.out" "$2" "$3" <<'PY' || fail "$1: JSON output"
import json, sys
raw = open(sys.argv[1], "rb").read()
raw.decode("utf-8")  # valid UTF-8 or it raises
doc = json.loads(raw)
assert doc["schema"] == "wenshu/1", doc.get("schema")
assert doc["command"] == sys.argv[2], doc["command"]
assert doc["exit_code"] == int(sys.argv[3]), doc["exit_code"]
assert isinstance(doc["diagnostics"], list) and isinstance(doc["result"], dict)
for d in doc["diagnostics"]:
    for k in ("severity", "rule", "file", "line", "message", "message_en", "hints"):
        assert k in d, k
PY
  [ ! -s "$TMP/$1.err" ] || { cat "$TMP/$1.err" >&2; fail "$1: --format json wrote to stderr"; }
}
# separated NAME: no diagnostic line on stdout, and the last stdout line is the summary.
separated() {
  grep -q -E '^[^ ]*(error|warning|info)\[' "$TMP/$1.out" && { cat "$TMP/$1.out" >&2; fail "$1: a diagnostic on stdout"; }
  [ -s "$TMP/$1.out" ] || fail "$1: no summary on stdout"
}

mkdir -p "$TMP/empty"
DOC="$SRC/samples/documents/letter-hanxun.xml"
BAD_DOC="$SRC/samples/documents/seed-as-written.xml"
RECORDS="$SRC/tests/e2e/build_data"

# --- every command: bad option and missing input -> 2 ----------------------------------------
for cmd in validate rules render layout-dump build pack verify check; do
  run "badopt-$cmd" 2 "$cmd" --no-such-option x
  run "badformat-$cmd" 2 "$cmd" --format yaml x
done
run missing-validate 2 validate "$TMP/nosuch.xml"
grep -q "nosuch.xml" "$TMP/missing-validate.err" || fail "validate: the missing input is not named on stderr"
run missing-render 2 render "$TMP/nosuch.xml"
run missing-layout 2 layout-dump "$TMP/nosuch.xml"
run missing-build 2 build -o "$TMP/o" "$TMP/nosuch"
run missing-pack 2 pack --year 2009 -o "$TMP/o" "$TMP/nosuch"
run missing-verify 2 verify "$TMP/nosuch.zip"
grep -q "FAIL" "$TMP/missing-verify.out" "$TMP/missing-verify.err" && fail "verify of a missing file says FAIL"
grep -q "nosuch.zip" "$TMP/missing-verify.err" || fail "verify: the missing file is not named"
run missing-check 2 check "$TMP/nosuch"
run missing-rules 2 rules --profile "$TMP/nosuch.xml"
run empty-build 2 build -o "$TMP/o" "$TMP/empty"
# An unreadable input (root reads everything: skip that case there).
if [ "$(id -u)" != 0 ]; then
  cp "$DOC" "$TMP/locked.xml" && chmod 000 "$TMP/locked.xml"
  run unreadable-validate 2 validate "$TMP/locked.xml"
fi

# --- validate ------------------------------------------------------------------------------
run v 1 validate "$BAD_DOC"
separated v
grep -q "error\[GW" "$TMP/v.err" || fail "validate: no GW finding on stderr"
[ "$(grep -c 'error\[' "$TMP/v.err")" -le 40 ] || fail "validate: more than 40 findings printed without --show all"
tail -1 "$TMP/v.out" | grep -q -- "--show all" || fail "validate: the summary does not say findings were held back"
run vq 1 validate -q "$BAD_DOC"
[ "$(wc -l <"$TMP/vq.out")" -eq 1 ] && [ ! -s "$TMP/vq.err" ] || fail "validate -q: want one summary line and nothing else"
run vall 1 validate --show all "$BAD_DOC"
[ "$(grep -c 'error\[' "$TMP/vall.err")" -gt 40 ] || fail "validate --show all held findings back"
run ven 1 validate --lang en -q "$BAD_DOC"
grep -q "error(s)" "$TMP/ven.out" && ! grep -q "个错误" "$TMP/ven.out" || fail "validate --lang en: summary not in English"
run vj 1 validate --format json "$BAD_DOC"
json vj validate 1
# A file name that is not UTF-8 (GBK bytes of 测试) stays valid JSON, its bytes escaped.
cp "$BAD_DOC" "$TMP/$(printf '\xb2\xe2\xca\xd4').xml"
run vgbk 1 validate --format json "$TMP/$(printf '\xb2\xe2\xca\xd4').xml"
json vgbk validate 1
grep -q '\\\\xB2\\\\xE2\\\\xCA\\\\xD4.xml' "$TMP/vgbk.out" || fail "the non-UTF-8 file name is not escaped as \\xHH"

# --- rules -----------------------------------------------------------------------------------
run rj 0 rules --format json
json rj rules 0
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['result']['rules']) > 50" "$TMP/rj.out" || fail "rules json lists no rules"

# --- render and layout-dump -------------------------------------------------------------------
run r 0 render -o "$TMP/r" "$DOC"
separated r
run rq 0 render -q -o "$TMP/r" "$DOC"
[ "$(wc -l <"$TMP/rq.out")" -eq 1 ] || fail "render -q: want one line"
run rj2 0 render --format json -o "$TMP/r" "$DOC"
json rj2 render 0
run rbad 1 render -o "$TMP/r" "$BAD_DOC"
separated rbad
run lj 0 layout-dump --format json "$DOC"
json lj layout-dump 0

# --- build, pack, verify, check on a small records tree ---------------------------------------
run b 1 build -j 2 -o "$TMP/out" "$RECORDS"
separated b
grep -q -E "^$TMP/out/.* -> " "$TMP/b.out" && fail "build: per-document lines without -v"
for f in "$TMP/b.out" "$TMP/b.err"; do
  grep -v -E '^([^ ]*: )?(error|warning|note)\[|^  = |^build: ' "$f" && fail "build: a line that is no finding and no summary"
done
run bj 1 build --format json -j 2 -o "$TMP/out" "$RECORDS"
json bj build 1
ZIP=$(ls "$TMP"/out/dossiers/*.zip | head -1)
[ -f "$ZIP" ] || fail "build made no dossier"
run vf 0 verify "$ZIP"
separated vf
tail -1 "$TMP/vf.out" | grep -q "通过 / PASS" || fail "verify: no 通过 / PASS verdict"
run vfen 0 verify --lang en "$ZIP"
tail -1 "$TMP/vfen.out" | grep -q "^verify: PASS" || fail "verify --lang en: no PASS verdict"
run vfj 0 verify --format json "$ZIP"
json vfj verify 0
run c 0 check "$TMP/out"
separated c
run cj 0 check --format json "$TMP/out"
json cj check 0
# pack reads the rule profile (the 全宗号 of each committee) as build does: it agrees with check.
run p 0 pack --year 2009 -o "$TMP/packed" "$TMP/out"
separated p
run pj 0 pack --format json --year 2009 -o "$TMP/packed2" "$TMP/out"
json pj pack 0
cmp -s "$TMP/packed/$(basename "$ZIP")" "$ZIP" || fail "pack on build's output differs from build's dossier"
echo "cli_contract: ok"

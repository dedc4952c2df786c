#!/bin/bash
# e2e (issue 16, finding 7): `pack` and `check` read only files inside the folder handed in.
# A sidecar whose component is an absolute path, leads out with "..", is a symbolic link out
# of the folder, or names /dev/zero or a FIFO gets one finding naming the sidecar and the path;
# nothing outside is read (a PDF planted outside never enters the dossier), nothing hangs.
. "$(dirname "$0")/lib/common.sh" "$@"
python3 "$SRC/tests/e2e/archive_make_submission.py" "$TMP/in" 6 || fail "make submission"
# A valid PDF outside the submission folder, the one an attacker would like filed.
mkdir "$TMP/elsewhere"
cp "$(find "$TMP/in" -name 'doc-00000.pdf')" "$TMP/elsewhere/secret.pdf"
mkfifo "$TMP/in/pipe.pdf"
ln -s "$TMP/elsewhere/secret.pdf" "$TMP/in/通知/link.pdf"
set_component() {  # set_component SIDECAR PATH
  python3 - "$1" "$2" <<'PY' || fail "rewrite $1"
import re, sys
p, path = sys.argv[1], sys.argv[2]
s = open(p, encoding="utf-8").read()
s = re.sub(r' sha256="[0-9a-f]*">[^<]*<', '>' + path + '<', s, count=1)
open(p, "w", encoding="utf-8").write(s)
PY
}
sidecars=($(find "$TMP/in" -name '*.pdf.xml' | sort))
set_component "${sidecars[0]}" "$TMP/elsewhere/secret.pdf"
set_component "${sidecars[1]}" "../../elsewhere/secret.pdf"
set_component "${sidecars[2]}" "/dev/zero"
set_component "${sidecars[3]}" "../pipe.pdf"
# (a link that leads out, in the 通知 folder, next to sidecar 0's PDF)
sc_link=$(find "$TMP/in/通知" -name '*.pdf.xml' | sort | tail -1)
set_component "$sc_link" "link.pdf"

timeout 60 "$WENSHU" pack --year 2024 --fonds Z109 --filing-date 2025-01-15 -o "$TMP/out" "$TMP/in" > "$TMP/pack.txt" 2>&1
rc=$?
[ $rc -ne 124 ] || fail "pack hangs"
[ $rc -eq 1 ] || { cat "$TMP/pack.txt"; fail "pack: exit $rc, want 1"; }
for what in "绝对路径" "所在文件夹之外" ; do
  grep -q "$what" "$TMP/pack.txt" || { cat "$TMP/pack.txt"; fail "pack: no finding saying $what"; }
done
[ "$(grep -c 'error\[DA-1\].*无法归档' "$TMP/pack.txt")" -eq 5 ] || { cat "$TMP/pack.txt"; fail "pack: want 5 path findings"; }
# If a dossier was written, nothing from outside is in it.
for z in "$TMP"/out/*.zip; do
  [ -e "$z" ] || continue
  unzip -l "$z" | grep -q "secret" && fail "a file from outside the folder was filed"
done
timeout 60 "$WENSHU" check "$TMP/in" > "$TMP/check.txt" 2>&1; rc=$?
[ $rc -eq 1 ] || { cat "$TMP/check.txt"; fail "check: exit $rc, want 1"; }
grep -q "所在文件夹之外" "$TMP/check.txt" || { cat "$TMP/check.txt"; fail "check: no containment finding"; }
echo "OK"

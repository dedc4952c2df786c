#!/bin/bash
# e2e (issue 16, finding 6): faults end cleanly.
# - Leftovers of a killed run (*.tmp-PID, *.zip.partial-PID, *.zip.partial-PID.XXXXXX) are
#   removed by the next run into the same folder; a run still alive keeps its files.
# - Over a file-size limit (ulimit -f; SIGXFSZ) render and pack exit 2 naming the file, and
#   leave no temporary file behind.
# - On a full disk (a small tmpfs, when this machine lets us mount one) the same.
. "$(dirname "$0")/lib/common.sh" "$@"
write_test_notice "$TMP/notice.xml"
python3 "$SRC/tests/e2e/archive_make_submission.py" "$TMP/in" 12 || fail "make submission"
leftovers() { find "$1" -regextype posix-extended -regex '.*\.(tmp|partial)-[0-9]+(\..*)?' | sort; }

# A process id that is certainly gone: a shell that printed its pid and ended.
dead=$(sh -c 'echo $$')
mkdir -p "$TMP/r" "$TMP/p"
touch "$TMP/r/notice.pdf.tmp-$dead" "$TMP/r/other.pdf.tmp-$$" "$TMP/p/Z109-WS-2024.zip.partial-$dead" \
      "$TMP/p/Z109-WS-2024.zip.partial-$dead.AbC123" "$TMP/p/name.tmp-x"
"$WENSHU" render -o "$TMP/r" "$TMP/notice.xml" > "$TMP/out.txt" 2>&1 || { cat "$TMP/out.txt"; fail "render"; }
[ ! -e "$TMP/r/notice.pdf.tmp-$dead" ] || fail "render left a dead run's temporary file"
[ -e "$TMP/r/other.pdf.tmp-$$" ] || fail "render removed the temporary file of a live process"
"$WENSHU" pack --year 2024 --fonds Z109 --filing-date 2025-01-15 -o "$TMP/p" "$TMP/in" > "$TMP/out.txt" 2>&1 || { cat "$TMP/out.txt"; fail "pack"; }
[ "$(leftovers "$TMP/p")" = "" ] || fail "pack left: $(leftovers "$TMP/p")"
[ -e "$TMP/p/name.tmp-x" ] || fail "pack removed a file that is not a temporary of ours"

# File-size limit: exit 2 naming the file, nothing half-written left.
for cmd in "render -o $TMP/f1 $TMP/notice.xml" "pack --year 2024 --fonds Z109 --filing-date 2025-01-15 -o $TMP/f2 $TMP/in"; do
  (ulimit -f 20; exec "$WENSHU" $cmd) > "$TMP/out.txt" 2>&1; rc=$?
  [ $rc -eq 2 ] || { cat "$TMP/out.txt"; fail "$cmd under ulimit -f: exit $rc, want 2"; }
  grep -q "File too large\|文件过大" "$TMP/out.txt" || { cat "$TMP/out.txt"; fail "$cmd under ulimit -f: no message"; }
done
[ "$(leftovers "$TMP/f1") $(leftovers "$TMP/f2")" = " " ] || fail "temporary files left under ulimit -f"
[ ! -e "$TMP/f1/notice.pdf" ] && [ ! -e "$TMP/f2/Z109-WS-2024.zip" ] || fail "a half-written output under its final name"

# Full disk.
mkdir "$TMP/small"
if mount -t tmpfs -o size=64k tmpfs "$TMP/small" 2>/dev/null; then
  trap 'umount "$TMP/small"; rm -rf "$TMP"' EXIT
  "$WENSHU" pack --year 2024 --fonds Z109 --filing-date 2025-01-15 -o "$TMP/small/p" "$TMP/in" > "$TMP/out.txt" 2>&1; rc=$?
  [ $rc -eq 2 ] || { cat "$TMP/out.txt"; fail "pack on a full disk: exit $rc, want 2"; }
  grep -q "No space left" "$TMP/out.txt" || { cat "$TMP/out.txt"; fail "pack on a full disk: no message"; }
  [ "$(leftovers "$TMP/small")" = "" ] || fail "pack on a full disk left $(leftovers "$TMP/small")"
else
  echo "note: cannot mount a tmpfs here; the full-disk case is not run"
fi
echo "OK"

#!/usr/bin/env bash
# Writes wenshu.1 (roff) from the program's own help: `wenshu --help` and `wenshu CMD --help`
# for every command it lists. Usage: man_page.sh WENSHU VERSION > wenshu.1
set -euo pipefail
w=$1
version=$2
esc() { sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\\&'/"; }
echo ".TH WENSHU 1 \"\" \"wenshu $version\" \"User Commands\""
echo ".SH NAME"
echo "wenshu \\- 文书: check a party committee's records, typeset 公文 as PDF, pack archive dossiers"
echo ".SH SYNOPSIS"
echo ".B wenshu"
echo "[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR...]"
echo ".SH DESCRIPTION"
echo ".nf"
"$w" --help | esc
echo ".fi"
echo ".SH COMMANDS"
commands=$("$w" --help | awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print $1}')
for c in $commands; do
  echo ".SS $c"
  echo ".nf"
  "$w" "$c" --help | esc
  echo ".fi"
done
echo ".SH FILES"
echo "<prefix>/share/wenshu: templates, schemas, profiles and fonts (found relative to the program;"
echo "--data or \$WENSHU_DATA override it)."
echo ".SH SEE ALSO"
echo "The README and docs/ of the source (docs/json.md for --format json)."

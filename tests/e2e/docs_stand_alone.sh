#!/bin/bash
# The repository stands alone: nothing points outside it, and every section a comment cites in
# docs/ (rules.md ids, gbt9704.md, archive.md, archive-format.md, ofd.md and pdf-font-probe.md
# sections) exists.
. "$(dirname "$0")/lib/common.sh" "$@"
cd "$SRC" || fail "no source tree $SRC"
self=tests/e2e/docs_stand_alone.sh
dirs=(pipeline tests schemas profiles templates samples docs cmake fonts/manifest.tsv
      README.md HACKING.md CHANGELOG.md CMakeLists.txt run.sh test.sh .ci)
search() { grep -rnE --exclude="$(basename $self)" --exclude='*.pdf' --exclude='*.png' "$@" "${dirs[@]}" 2>/dev/null; }

outside=$(search '\.\./shared|/work/')
[ -z "$outside" ] || fail "references outside the repository:
$outside"

# A heading of docs/$1 that starts with $2 (after the #s and an optional §).
has_heading() { grep -qE "^#+ (§)?$(printf '%s' "$2" | sed 's/\./\\./g')([ .]|$)" "docs/$1"; }

missing=""
for id in $(search -ohE 'rules\.md[ :]+(DY|ZX|BG|TG|JD|DB|ZZ|GW|DA)-[0-9][0-9a-z.]*' | grep -oE '[A-Z]{2}-[0-9][0-9a-z.]*' | sed 's/\.*$//' | sort -u); do
  grep -qE "^\| $id[a-z]? \|" docs/rules.md || missing+=" rules.md:$id"
done
for sec in $(search -ohE 'gbt9704\.md[ ,:]+§?[A-F][0-9]*(\.[0-9]+)?' | grep -oE '[A-F][0-9]*(\.[0-9]+)?$' | sort -u); do
  if [[ $sec == *.* ]]; then grep -qF "**$sec**" docs/gbt9704.md || missing+=" gbt9704.md:$sec"
  else has_heading gbt9704.md "$sec" || missing+=" gbt9704.md:$sec"; fi
done
for sec in $(search -ohE 'archive\.md §[0-9]+(\.[0-9]+)?' | grep -oE '[0-9]+(\.[0-9]+)?$' | sort -u); do
  has_heading archive.md "$sec" || missing+=" archive.md:§$sec"
done
# The numbered sections of the format references (`## 3. Dossier layout`).
for doc in archive-format.md ofd.md; do
  for sec in $(search -ohE "${doc//./\\.} §[0-9]+(\.[0-9]+)?" | grep -oE '[0-9]+(\.[0-9]+)?$' | sort -u); do
    has_heading "$doc" "$sec" || missing+=" $doc:§$sec"
  done
done
for sec in $(search -ohE 'pdf-font-probe\.md §[0-9]+[a-z]?' | grep -oE '[0-9]+[a-z]?$' | sort -u); do
  has_heading pdf-font-probe.md "$sec" || missing+=" pdf-font-probe.md:§$sec"
done
[ -z "$missing" ] || fail "cited but not in docs/:$missing"
echo "docs stand alone: every cited section exists"

#!/bin/sh
# Checks that the output folders of the N shards of one sharded build (wenshu build --shard I/N,
# one folder each) together hold exactly one whole build, from their build records alone:
#   - every shard finished (a build record, no unfinished commit) and all come from the same
#     build (same build id: same program, inputs and options);
#   - every output file a record lists is there with the digest it lists (sha256sum -c);
#   - no file was made by two shards;
#   - every document the records call for was made (or refused) by exactly one shard.
# Usage: deploy/check-union.sh OUT/shard-0 OUT/shard-1 … (POSIX sh, grep, sed, sort, sha256sum).
set -eu
fail() { echo "check-union: $*" >&2; exit 1; }
[ $# -ge 1 ] || fail "usage: check-union.sh SHARD_FOLDER..."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/ids"; : >"$tmp/paths"; : >"$tmp/docs"
unescape='s/&lt;/</g;s/&gt;/>/g;s/&quot;/"/g;s/&amp;/\&/g'
for d in "$@"; do
  r="$d/build-record.xml"
  [ -f "$r" ] || fail "$r: no build record (has this shard finished?)"
  [ ! -e "$d/.wenshu/journal" ] || fail "$d: a commit did not finish (run the shard again)"
  grep -o '<build-record [^>]*' "$r" | grep -o ' id="[0-9a-f]*"' >>"$tmp/ids"
  # Each output is one line <file path="…" sha256="…" …/>: sha256sum's "digest  path" form.
  sed -n 's/^ *<file path="\([^"]*\)" sha256="\([0-9a-f]*\)".*/\2  \1/p' "$r" | sed "$unescape" >"$tmp/sums"
  (cd "$d" && sha256sum -c --quiet "$tmp/sums") || fail "$d: files differ from its build record"
  cut -c67- "$tmp/sums" >>"$tmp/paths"
  sed -n 's/^ *<document id="\([^"]*\)".* state="\([a-z]*\)".*/\2 \1/p' "$r" >>"$tmp/docs"
done
[ "$(sort -u "$tmp/ids" | wc -l)" -eq 1 ] || fail "the folders come from different builds (build ids differ)"
dups=$(sort "$tmp/paths" | uniq -d)
[ -z "$dups" ] || fail "made by more than one shard: $dups"
grep -v '^elsewhere ' "$tmp/docs" | cut -d' ' -f2- | sort >"$tmp/owned"
dups=$(uniq -d "$tmp/owned")
[ -z "$dups" ] || fail "documents made by more than one shard: $dups"
cut -d' ' -f2- "$tmp/docs" | sort -u >"$tmp/planned"
missing=$(sort -u "$tmp/owned" | comm -13 - "$tmp/planned")
[ -z "$missing" ] || fail "documents no shard made: $missing"
echo "check-union: $# shard(s) of build$(sort -u "$tmp/ids" | sed 's/ id="\(.\{12\}\).*/ \1/'): $(wc -l <"$tmp/paths") files, $(wc -l <"$tmp/planned") documents, each made once"

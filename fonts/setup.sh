#!/usr/bin/env bash
# Extracts the faces listed in fonts/manifest.tsv from their Debian 12 packages into fonts/
# and checks every sha256. Idempotent: a face already present with the right digest is kept.
# Needs no TeX installation: a face is copied from where its package installed it (when it is
# installed) or from $WENSHU_FONT_SOURCE (a folder of faces set up before), else its .deb is
# downloaded with `apt-get download` and unpacked here. Also run by the .deb's post-install step.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
manifest="$here/manifest.tsv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

missing_packages=()
while IFS=$'\t' read -r role file face sha pkg path note; do
  [[ -z "$role" || "$role" == \#* ]] && continue
  if [[ -f "$here/$file" ]] && echo "$sha  $here/$file" | sha256sum -c --status; then continue; fi
  found=""
  for candidate in ${WENSHU_FONT_SOURCE:+"$WENSHU_FONT_SOURCE/$file"} "/$path"; do
    if [[ -f "$candidate" ]] && echo "$sha  $candidate" | sha256sum -c --status; then found="$candidate"; break; fi
  done
  if [[ -n "$found" ]]; then cp "$found" "$here/$file.tmp" && mv "$here/$file.tmp" "$here/$file"; continue; fi
  [[ " ${missing_packages[*]} " == *" $pkg "* ]] || missing_packages+=("$pkg")
done < "$manifest"

for pkg in "${missing_packages[@]}"; do
  echo "fonts: extracting from $pkg"
  (cd "$work" && { apt-get download "$pkg" >/dev/null 2>&1 || { apt-get update -qq && apt-get download "$pkg" >/dev/null; }; })
  mkdir -p "$work/$pkg"
  dpkg-deb -x "$work/${pkg}"_*.deb "$work/$pkg"
done

status=0
while IFS=$'\t' read -r role file face sha pkg path note; do
  [[ -z "$role" || "$role" == \#* ]] && continue
  if [[ -d "$work/$pkg" ]]; then
    if [[ -f "$work/$pkg/$path" ]]; then cp "$work/$pkg/$path" "$here/$file.tmp" && mv "$here/$file.tmp" "$here/$file"
    else echo "fonts: $pkg has no $path" >&2; status=1; continue; fi
  fi
  if ! echo "$sha  $here/$file" | sha256sum -c --status; then
    echo "fonts: sha256 mismatch for $file (role $role); expected $sha" >&2; status=1
  fi
done < "$manifest"

# License texts travel with the faces.
if [[ -d "$work/texlive-lang-chinese" ]]; then
  mkdir -p "$here/licenses"
  cp "$work/texlive-lang-chinese/usr/share/doc/texlive-doc/fonts/fandol/README" "$here/licenses/Fandol-README" 2>/dev/null || true
  cp "$work/texlive-lang-chinese/usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz" "$here/licenses/Fandol-COPYING.gz" 2>/dev/null || true
fi
if [[ -n "${WENSHU_FONT_SOURCE:-}" && -d "$WENSHU_FONT_SOURCE/licenses" && ! -d "$here/licenses" ]]; then
  cp -r "$WENSHU_FONT_SOURCE/licenses" "$here/licenses"
fi
[[ $status -eq 0 ]] && echo "fonts: all faces present and verified"
exit $status

#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` builds it from this build; it holds the program, its data,
# the man page and the completion, depends on the font packages and the libraries the program
# links; unpacked into a throwaway folder (fonts set up by its own setup.sh, as its post-install
# step does) the program finds its data relative to itself and renders a document.
# Installing with dpkg needs a throwaway root machine: WENSHU_DEB_INSTALL=1 as root, else SKIP.
# Usage: install_deb.sh <path-to-wenshu> <source-dir>
set -u
W=$1
SRC=$2
BUILD=$(dirname "$W")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v cpack >/dev/null && command -v dpkg-deb >/dev/null || { echo "SKIP: no cpack or dpkg-deb"; exit 77; }
[ -f "$BUILD/CPackConfig.cmake" ] || fail "no CPackConfig.cmake in $BUILD"
(cd "$BUILD" && cpack -G DEB --config CPackConfig.cmake -B "$TMP/pkg") >"$TMP/cpack.log" 2>&1 || { tail -20 "$TMP/cpack.log"; fail "cpack -G DEB"; }
DEB=$(ls "$TMP"/pkg/wenshu_*.deb 2>/dev/null | head -1)
[ -f "$DEB" ] || { ls -R "$TMP/pkg" | head; fail "no .deb written"; }
dpkg-deb -I "$DEB" >"$TMP/info.txt" || fail "dpkg-deb -I"
grep -q "^ Depends:.*texlive-lang-chinese" "$TMP/info.txt" || { cat "$TMP/info.txt"; fail "the package does not depend on the Fandol font package"; }
grep -q "^ Depends:.*libpodofo" "$TMP/info.txt" || { cat "$TMP/info.txt"; fail "the package does not depend on the libraries it links"; }
dpkg-deb -c "$DEB" >"$TMP/list.txt"
for f in ./usr/bin/wenshu ./usr/share/wenshu/templates/common.xsl ./usr/share/wenshu/schemas/records.xsd \
  ./usr/share/wenshu/profiles/zhangye-2009.xml ./usr/share/wenshu/fonts/manifest.tsv ./usr/share/wenshu/fonts/setup.sh \
  ./usr/share/man/man1/wenshu.1 ./usr/share/bash-completion/completions/wenshu; do
  grep -q " $f$" "$TMP/list.txt" || fail "the package lacks $f"
done
grep -q -E '\.(otf|ttc|ttf)$' "$TMP/list.txt" && fail "the package carries font files"
mkdir "$TMP/root" && dpkg-deb -x "$DEB" "$TMP/root" || fail "dpkg-deb -x"
WENSHU_FONT_SOURCE="$SRC/fonts" "$TMP/root/usr/share/wenshu/fonts/setup.sh" >"$TMP/fonts.log" 2>&1 || { cat "$TMP/fonts.log"; fail "the package's font set-up"; }
cd "$TMP" || exit 1
env -u WENSHU_DATA "$TMP/root/usr/bin/wenshu" render -q -o "$TMP/out" "$SRC/samples/documents/letter-hanxun.xml" >"$TMP/render.txt" 2>&1 ||
  { cat "$TMP/render.txt"; fail "the unpacked program does not render (data relative to the binary)"; }
[ -s "$TMP/out/letter-hanxun.pdf" ] || fail "no PDF from the unpacked program"
grep -q '^\.SS validate' "$TMP/root/usr/share/man/man1/wenshu.1" || fail "the man page has no section per command"
if [ "${WENSHU_DEB_INSTALL:-0}" = 1 ] && [ "$(id -u)" = 0 ]; then
  apt-get install -y -qq "$DEB" >/dev/null || fail "apt-get install of the package"
  env -u WENSHU_DATA wenshu render -q -o "$TMP/out2" "$SRC/samples/documents/letter-hanxun.xml" || fail "installed wenshu"
  echo "install_deb: installed with apt-get and rendered"
else
  echo "SKIP: installing the .deb with dpkg (needs a throwaway root: WENSHU_DEB_INSTALL=1 as root)"
fi
echo "install_deb: ok ($(basename "$DEB"), $(stat -c %s "$DEB") bytes)"

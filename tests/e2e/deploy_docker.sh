#!/usr/bin/env bash
# deploy/Dockerfile builds, and the image runs `wenshu build` on the sample records — where a
# container engine works (docker or podman). Without one the test is skipped (exit 77, which
# ctest reports as Skipped), saying so.
. "$(dirname "$0")/lib/common.sh" "$@"
engine=""
for e in docker podman; do
  if command -v "$e" >/dev/null 2>&1 && "$e" info >/dev/null 2>&1; then
    engine=$e
    break
  fi
done
if [ -z "$engine" ]; then
  echo "SKIP: no working container engine (docker or podman) on this machine; deploy/Dockerfile not built"
  exit 77
fi
tag="wenshu-test:$$"
"$engine" build -f "$SRC/deploy/Dockerfile" -t "$tag" "$SRC" >"$TMP/build.log" 2>&1 || { tail -30 "$TMP/build.log"; fail "image build"; }
trap '"$engine" rmi -f "$tag" >/dev/null 2>&1; rm -rf "$TMP"' EXIT
mkdir -p "$TMP/data"
cp -r "$SRC/tests/e2e/build_data" "$TMP/data/records"
chmod -R a+rwX "$TMP/data"
"$engine" run --rm -v "$TMP/data:/data" "$tag" build --year 2009 -o /data/out /data/records >"$TMP/run.log" 2>&1
rc=$?
[ $rc -le 1 ] || { tail -20 "$TMP/run.log"; fail "wenshu build in the image: exit $rc"; }
[ -s "$TMP/data/out/build-record.xml" ] || fail "the image built nothing"
ls "$TMP/data/out/dossiers/"*.zip >/dev/null 2>&1 || fail "the image packed no dossier"
echo "deploy_docker: ok"

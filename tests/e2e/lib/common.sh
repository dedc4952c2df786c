# Shared set-up of the end-to-end scripts: source it as `. "$(dirname "$0")/lib/common.sh" "$@"`.
# Sets WENSHU (the binary), SRC (the source tree), TMP (a private temp dir removed on exit),
# WENSHU_DATA, and defines fail() and write_test_notice().
set -u
WENSHU=$1
SRC=$2
export WENSHU_DATA=${WENSHU_DATA:-$SRC}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# write_test_notice FILE: a small, valid 通用 公文 (one heading, two paragraphs).
write_test_notice() {
  cat > "$1" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:wenshu:gongwen:1" kind="通知" id="notice">
  <header>
    <issuers><issuer>中共某某市委办公室</issuer></issuers>
    <doc-number>市委办发〔2009〕32号</doc-number>
  </header>
  <title>关于加强公文处理工作的通知</title>
  <main-recipients>各县（市、区）委，市委各部委：</main-recipients>
  <body>
    <p>为进一步规范公文处理工作，提高公文质量，现就有关事项通知如下。</p>
    <heading level="1" number="一、">高度重视公文处理工作</heading>
    <p>各级党组织要把公文处理工作摆上重要位置。</p>
  </body>
  <signatures><signature>中共某某市委办公室</signature></signatures>
  <date value="2009-09-02">二〇〇九年九月二日</date>
</document>
XML
}

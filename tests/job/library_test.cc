// The jobs as library calls, without a process: validate, build (render → filings → pack →
// verify), pack from the sidecars build left on disk, and verify a dossier, intact and damaged.
// One committee and three document kinds of the sample year keep it quick.
#include <catch2/catch.hpp>

#include <fstream>

#include "job/build.h"
#include "job/check.h"
#include "job/pack.h"
#include "job/validate.h"
#include "job/verify.h"
#include "support/test_support.h"

using namespace wenshu;
namespace fs = std::filesystem;

namespace {

using test::has_rule;

std::string all(const core::DiagnosticSink& sink) {
  std::string s;
  for (const auto& d : sink.items()) s += core::format_text(d) + "\n";
  return s;
}

job::BuildOptions small_build(const fs::path& out) {
  job::BuildOptions o;
  o.inputs = {test::source_dir() / "samples" / "records"};
  o.render.output_dir = out;
  o.render.committees = {"sunan"};
  o.render.only_kinds = {"tg-minutes", "jd-leave-form", "db-notice"};
  o.render.threads = 2;
  o.year = 2009;
  o.filing_date = core::Date{2010, 3, 31};
  return o;
}

}  // namespace

TEST_CASE("library: validate a year of records and a 公文 file", "[job][library]") {
  test::TempDir dir("lib-validate");
  const fs::path doc = dir.path() / "notice.xml";
  std::ofstream(doc) << R"(<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:wenshu:gongwen:1" kind="通知">
  <header><issuers><issuer>中共某某市委</issuer></issuers><doc-number>市委发[2009] 32号</doc-number></header>
  <title>关于加强公文处理工作的通知</title>
  <main-recipients>各县区委：</main-recipients>
  <body><p>现将有关事项通知如下。</p></body>
  <date value="2009-09-02">二〇〇九年九月二日</date>
</document>
)";
  job::ValidateOptions o;
  o.inputs = {test::source_dir() / "samples" / "records" / "sunan", test::source_dir() / "samples" / "records" / "zhangye",
              doc};
  const auto r = job::validate(o);
  INFO(all(r.diagnostics));
  CHECK_FALSE(r.could_not_run);
  CHECK(r.record_files == 9);  // sunan 3, zhangye 2009 3 and 2010 3
  CHECK(r.document_files == 1);
  CHECK(r.committees.count({"sunan", 2009}) == 1);
  CHECK(has_rule(r.diagnostics, "GW-1"));  // [2009] and the space in the 发文字号
  CHECK(r.exit_code() == 1);
  CHECK(r.profile.params.size() > 20);

  job::ValidateOptions missing;
  missing.inputs = {dir.path() / "nothing-here"};
  const auto m = job::validate(missing);
  CHECK(m.exit_code() != 0);
  CHECK(m.diagnostics.has_errors());
}

TEST_CASE("library: build, then pack the sidecars it left, then verify", "[job][library]") {
  test::TempDir dir("lib-build");
  const fs::path out = dir.path() / "out";
  core::DiagnosticSink sink;
  const auto b = job::build(small_build(out), sink);
  INFO(all(sink));
  REQUIRE_FALSE(b.could_not_run);
  CHECK(b.exit_code(sink) <= 1);  // the sample year carries deliberate rule errors
  REQUIRE(b.dossiers.size() == 1);
  const auto& dossier = b.dossiers.front();
  CHECK(dossier.committee == "sunan");
  CHECK(dossier.pack_exit == 0);
  CHECK(dossier.verify_exit == 0);
  REQUIRE(dossier.zips.size() == 1);
  CHECK(fs::is_regular_file(dossier.zips.front()));
  CHECK(fs::is_regular_file(b.record));
  std::size_t written = 0;
  for (const auto& d : b.records.documents) written += d.written ? 1 : 0;
  CHECK(written > 0);

  // The same build again reuses the dossier: same bytes.
  const std::string zip_bytes = test::read_file(dossier.zips.front());
  core::DiagnosticSink again_sink;
  const auto again = job::build(small_build(out), again_sink);
  REQUIRE(again.dossiers.size() == 1);
  CHECK(again.dossiers.front().reused);
  CHECK(test::read_file(again.dossiers.front().zips.front()) == zip_bytes);

  // Stand-alone pack of the sidecars on disk gives one dossier holding every filed document.
  archive::PackOptions po;
  po.inputs = {out / "sunan"};
  po.year = 2009;
  po.fonds = dossier.fonds;  // the 全宗号 comes from the rule profile (da.fonds.sunan), not the sidecars
  po.filing_date = core::Date{2010, 3, 31};
  po.out_dir = dir.path() / "packed";
  fs::create_directories(po.out_dir);
  const auto p = job::pack(po);
  INFO(all(p.sink));
  CHECK(p.exit_code() == 0);
  REQUIRE(p.bags.size() == 1);
  CHECK(p.bags.front().items == written);
  CHECK(p.bags.front().package_id == dossier.zips.front().stem().string());
  CHECK(test::read_file(p.bags.front().zip) == zip_bytes);  // sidecars on disk = filings in memory

  // Verify: the dossier passes; with one payload byte changed it does not.
  const auto v = job::verify({p.bags.front().zip});
  INFO(all(v.sink));
  CHECK(v.exit_code() == 0);
  REQUIRE(v.checked.size() == 1);

  const fs::path damaged = dir.path() / "damaged.zip";
  std::string bytes = test::read_file(p.bags.front().zip);
  const auto at = bytes.find("%PDF-");
  REQUIRE(at != std::string::npos);
  bytes[at + 200] = static_cast<char>(bytes[at + 200] ^ 0x20);
  std::ofstream(damaged, std::ios::binary) << bytes;
  const auto bad = job::verify({damaged});
  CHECK(bad.exit_code() == 1);
  CHECK(bad.sink.has_errors());
}

TEST_CASE("library: every job says it could not run the same way (job::RunStatus, exit 2)", "[job][library]") {
  const fs::path missing = test::source_dir() / "samples" / "no-such-folder";
  // Pack, verify and check: the reason is the message the CLI prints, naming the path.
  archive::PackOptions po;
  po.inputs = {missing};
  po.year = 2009;
  const auto p = job::pack(po);
  CHECK(p.could_not_run);
  CHECK(p.reason.find("no-such-folder") != std::string::npos);
  CHECK(p.exit_code() == job::kExitCannotRun);
  CHECK(p.bags.empty());

  const auto v = job::verify({missing});
  CHECK(v.could_not_run);
  CHECK(v.reason.find("no-such-folder") != std::string::npos);
  CHECK(v.exit_code() == job::kExitCannotRun);

  const auto c = job::check({missing}, 2009);
  CHECK(c.could_not_run);
  CHECK(c.reason.find("no-such-folder") != std::string::npos);
  CHECK(c.exit_code() == job::kExitCannotRun);

  // Validate and build: the cause is a finding in the diagnostics, so no separate reason.
  job::ValidateOptions vo;
  vo.inputs = {missing};
  const auto r = job::validate(vo);
  CHECK(r.could_not_run);
  CHECK(r.reason.empty());
  CHECK(has_rule(r.diagnostics, "XML-IO"));
  CHECK(r.exit_code() == job::kExitCannotRun);

  test::TempDir dir("lib-cannot-run");
  job::BuildOptions bo = small_build(dir.path() / "out");
  bo.inputs = {missing};
  core::DiagnosticSink sink;
  const auto b = job::build(bo, sink);
  CHECK(b.could_not_run);
  CHECK(sink.has_errors());
  CHECK(b.exit_code(sink) == job::kExitCannotRun);
}

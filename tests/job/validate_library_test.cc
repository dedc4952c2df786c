// job::validate called as a library (no process): many years at once, the as-of date and
// pending matters, cascade control (one mistake, one error), and the bad inputs of a real year.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "job/validate.h"
#include "support/test_support.h"

using namespace wenshu;
namespace fs = std::filesystem;

namespace {

fs::path samples() { return test::source_dir() / "samples" / "records"; }

/// The records files of one year of the samples (2010 lives in <committee>/2010/).
std::vector<fs::path> sample_files(int year) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(samples())) {
    if (!e.is_regular_file() || e.path().extension() != ".xml") continue;
    const bool in_2010 = e.path().parent_path().filename() == "2010";
    if (in_2010 == (year == 2010)) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

job::ValidateResult validate(std::vector<fs::path> inputs, int year = 0, std::optional<core::Date> as_of = {}) {
  job::ValidateOptions o;
  o.inputs = std::move(inputs);
  o.year = year;
  o.as_of = as_of;
  return job::validate(o);
}

std::multiset<std::string> lines(const job::ValidateResult& r) {
  std::multiset<std::string> out;
  for (const auto& d : r.diagnostics.items()) out.insert(core::format_text(d));
  return out;
}

std::string dump(const job::ValidateResult& r) { return job::format_text_report(r); }

const core::Diagnostic* find(const job::ValidateResult& r, const std::string& rule, const std::string& record) {
  for (const auto& d : r.diagnostics.items())
    if (d.rule == rule && d.record_id == record) return &d;
  return nullptr;
}

/// A copy of the 2010 samples (临泽县委 and its parent 张掖市委) in a temporary folder.
void copy_2010(const fs::path& to) {
  for (const char* c : {"zhangye", "linze"})
    fs::copy(samples() / c / "2010", to / c, fs::copy_options::recursive);
}

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = test::read_file(file);
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  core::write_file_atomic(file, text);
}

}  // namespace

TEST_CASE("validate: the sample years together give exactly the union of each year alone") {
  const auto both = validate({samples()});
  const auto y2009 = validate(sample_files(2009));
  const auto y2010 = validate(sample_files(2010));
  INFO(dump(both));
  REQUIRE(both.exit_code() == 1);
  CHECK(both.as_of.size() == 2);
  auto expected = lines(y2009);
  for (const auto& l : lines(y2010)) expected.insert(l);
  CHECK(lines(both) == expected);
  // Each committee × year is summarised on its own.
  CHECK(both.committees.count({"linze", 2009}) == 1);
  CHECK(both.committees.count({"linze", 2010}) == 1);
  CHECK(both.committees.at({"linze", 2009}).total.errors == y2009.committees.at({"linze", 2009}).total.errors);
  // --year picks one year out of the whole folder.
  const auto only = validate({samples()}, 2010);
  for (const auto& d : only.diagnostics.items()) CHECK((d.year == 2010 || d.year == 0));
}

TEST_CASE("validate: a December decision due next year is pending by default, an error after its deadline") {
  const auto by_default = validate(sample_files(2010));
  REQUIRE(by_default.as_of.at(2010) == core::Date{2011, 1, 8});  // the latest date the records state
  const auto* pending = find(by_default, "DB-2", "zhangye-db05");
  REQUIRE(pending != nullptr);
  CHECK(pending->severity == core::Severity::kNote);
  CHECK(pending->due == "2011-03-31");
  CHECK(by_default.committees.at({"zhangye", 2010}).total.errors == 0);
  CHECK(by_default.committees.at({"zhangye", 2010}).pending.size() == 1);
  // --year alone judges as of 31 December: still pending.
  const auto year_end = validate(sample_files(2010), 2010);
  CHECK(year_end.as_of.at(2010) == core::Date{2010, 12, 31});
  CHECK(find(year_end, "DB-2", "zhangye-db05")->severity == core::Severity::kNote);
  // After the deadline, no result is an error.
  const auto later = validate(sample_files(2010), 0, core::Date{2011, 4, 1});
  const auto* due = find(later, "DB-2", "zhangye-db05");
  REQUIRE(due != nullptr);
  CHECK(due->severity == core::Severity::kError);
  CHECK(due->due.empty());
  CHECK(find(later, "BG-1", "linze-sj03")->severity == core::Severity::kWarning);
}

TEST_CASE("validate: a leave's stated days give way to its dates") {
  const auto r = validate(sample_files(2010));
  std::vector<const core::Diagnostic*> leave;
  for (const auto& d : r.diagnostics.items())
    if (d.record_id == "linze-qj06") leave.push_back(&d);
  REQUIRE(leave.size() == 2);
  CHECK(leave[0]->severity == core::Severity::kWarning);
  CHECK(leave[0]->message.find("写明3天，但起止日期 2010-10-11 至 2010-10-18 共8天") != std::string::npos);
  CHECK(leave[1]->severity == core::Severity::kError);
  CHECK(leave[1]->message.find("（8天）缺少市委分管领导的审批") != std::string::npos);
}

TEST_CASE("validate: members change during the year") {
  const auto r = validate(sample_files(2010));
  const auto* term = find(r, "MEMBER-TERM", "linze-15");
  REQUIRE(term != nullptr);
  CHECK(term->severity == core::Severity::kInfo);
  CHECK(term->message.find("153天") != std::string::npos);
  // 夏永红's two posts follow each other: no duplicate, and no finding for him.
  for (const auto& d : r.diagnostics.items()) {
    CHECK(d.rule != "XML-DUPLICATE");
    CHECK(d.record_id != "linze-10b");
  }
}

TEST_CASE("validate: one record broken, one error; what follows from it is a note under it") {
  test::TempDir dir("broken");
  copy_2010(dir.path());
  // A mistyped date in 蹲点 linze-dd01 of 常委 linze-01: the record is left out.
  replace_in(dir.path() / "linze" / "2010-h1.xml", "start=\"2010-01-07\" end=\"2010-01-11\"",
             "start=\"2010-01-07\" end=\"2010/1/11\"");
  job::ValidateOptions o;
  o.inputs = {dir.path()};
  const auto r = job::validate(o);
  std::string text = job::format_text_report(r);
  // Locations are inside the temporary folder: pin the output relative to it.
  for (std::size_t at; (at = text.find(dir.path().string() + "/")) != std::string::npos;)
    text.erase(at, dir.path().string().size() + 1);
  CHECK(test::compare_golden("validate/broken-record.txt", text) == "");
  std::size_t schema = 0;
  for (const auto& d : r.diagnostics.items())
    if (d.severity == core::Severity::kError && d.rule == "XML-SCHEMA") ++schema;
  CHECK(schema == 1);
  const auto* follow = find(r, "DY-2", "linze-01");
  REQUIRE(follow != nullptr);
  CHECK(follow->severity == core::Severity::kNote);
  CHECK(follow->caused_by.rfind("XML-SCHEMA ", 0) == 0);
}

TEST_CASE("validate: one county without its parent: said once, its people not reported one by one") {
  const auto r = validate({samples() / "linze" / "2010"});
  std::size_t parent = 0;
  for (const auto& d : r.diagnostics.items()) {
    parent += d.rule == "XML-REF" && d.severity == core::Severity::kWarning;
    if (d.rule == "XML-REF" && d.severity == core::Severity::kError) FAIL(core::format_text(d));
  }
  CHECK(parent == 1);
}

TEST_CASE("validate: a file that cannot be read is one error; what the committee lacks follows from it") {
  test::TempDir dir("gbk");
  copy_2010(dir.path());
  // The first half-year of 临泽县委 saved as GBK by mistake (no encoding declared).
  const fs::path h1 = dir.path() / "linze" / "2010-h1.xml";
  std::string text = test::read_file(h1);
  text[text.find("调")] = static_cast<char>(0xb5);  // an invalid UTF-8 sequence, as GBK bytes are
  core::write_file_atomic(h1, text);
  const auto r = validate({dir.path()});
  INFO(dump(r));
  std::size_t errors = 0;
  for (const auto& d : r.diagnostics.items())
    if (d.severity == core::Severity::kError) {
      ++errors;
      CHECK(d.location.file == h1.string());
      CHECK(d.committee == "linze");
    }
  CHECK(errors == 1);
  CHECK(r.committees.at({"linze", 2010}).total.follow_ons > 10);
}

TEST_CASE("validate: bad years, dates and terms are named, never a crash") {
  test::TempDir dir("bad");
  copy_2010(dir.path());
  SECTION("a --year without records: said once, exit 2") {
    const auto r = validate({dir.path()}, 2011);
    CHECK(r.exit_code() == 2);
    REQUIRE(r.diagnostics.items().size() == 1);
    CHECK(r.diagnostics.items()[0].rule == "XML-YEAR");
    CHECK(r.diagnostics.items()[0].message.find("没有 2011 年的记录：读入的记录属于 2010 年") != std::string::npos);
  }
  SECTION("an --as-of before the year begins: exit 2") {
    const auto r = validate({dir.path()}, 0, core::Date{2009, 12, 31});
    CHECK(r.exit_code() == 2);
    CHECK(r.diagnostics.items().back().rule == "XML-YEAR");
  }
  SECTION("an end before its start, an impossible day, overlapping terms, one id for two committees") {
    replace_in(dir.path() / "linze" / "2010-h2.xml", "start=\"2010-10-11\" end=\"2010-10-18\"",
               "start=\"2010-10-18\" end=\"2010-10-11\"");
    replace_in(dir.path() / "linze" / "2010-h1.xml", "date=\"2010-02-10\"", "date=\"2010-02-29\"");
    replace_in(dir.path() / "linze" / "members.xml", "term-start=\"2010-09-01\"", "term-start=\"2010-08-15\"");
    replace_in(dir.path() / "zhangye" / "members.xml", "<committee id=\"zhangye\"", "<committee id=\"linze\"");
    const auto r = validate({dir.path()});
    const std::string out = dump(r);
    INFO(out);
    CHECK(r.exit_code() == 1);
    CHECK(out.find("error[XML-DATE]: 外出请假记录 linze-qj06 的结束日期 2010-10-11 早于开始日期 2010-10-18") != std::string::npos);
    CHECK(out.find("error[XML-SCHEMA]") != std::string::npos);
    CHECK(out.find("任期重叠（年初至2010-08-31、2010-08-15至年末）") != std::string::npos);
    CHECK(out.find("两个委员会使用同一编号 'linze'") != std::string::npos);
  }
}

// The catalogue lists every rule of rules.md; the profile carries every parameter a rule reads;
// user profiles override values and refuse unknown names with file:line.
#include <set>

#include "core/file_io.h"
#include "rules/catalogue.h"
#include "rules_fixture.h"
#include "support/test_support.h"

using namespace wenshu;

TEST_CASE("catalogue: every rule of rules.md, once") {
  const std::vector<std::string> expected = {
      "DY-1a", "DY-1b", "DY-2", "DY-3", "DY-4", "DY-5", "DY-6", "ZX-1", "ZX-2.1", "ZX-2.2", "ZX-2.3", "ZX-3", "ZX-4",
      "ZX-5", "ZX-6", "BG-1", "BG-2", "BG-3", "BG-4", "BG-5", "BG-6", "TG-1", "TG-2", "TG-3", "TG-4", "TG-5", "TG-6",
      "TG-7", "JD-1a", "JD-1b", "JD-2", "JD-3", "JD-4.1", "JD-4.2", "JD-4.3", "JD-5", "JD-6", "DB-1", "DB-2", "DB-3",
      "DB-4", "DB-5", "DB-6", "DB-7", "ZZ-1", "ZZ-2", "ZZ-3", "ZZ-4", "ZZ-5", "ZZ-6", "ZZ-7", "GW-1", "GW-2", "GW-3",
      "GW-4", "GW-5", "GW-6", "GW-7", "GW-8", "DA-1", "DA-2", "DA-3", "DA-4", "DA-5", "DA-6"};
  std::vector<std::string> ids;
  for (const auto& r : rules::catalogue()) ids.emplace_back(r.id);
  CHECK(ids == expected);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
  // Severity follows the wording of the clause (rules.md tables).
  CHECK(rules::find_rule("DY-4")->severity == core::Severity::kWarning);
  CHECK(rules::find_rule("BG-2")->severity == core::Severity::kError);
  CHECK(rules::find_rule("TG-6")->severity == core::Severity::kInfo);
  CHECK(rules::clause_label(*rules::find_rule("JD-4.2")) == "监督制度 第（四）2条");
  CHECK(rules::find_rule("XX-1") == nullptr);
}

TEST_CASE("catalogue and shipped profile agree on parameter names") {
  const auto& profile = test::shipped_profile();
  std::set<std::string> used;
  for (const auto& r : rules::catalogue()) {
    std::string_view rest = r.params;
    while (!rest.empty()) {
      const auto sp = rest.find(' ');
      const std::string name(rest.substr(0, sp));
      INFO(r.id << " reads " << name);
      const auto* p = profile.find(name);
      REQUIRE(p != nullptr);
      const auto listed = profile.for_rule(r.id);
      CHECK(std::find(listed.begin(), listed.end(), p) != listed.end());
      used.insert(name);
      if (sp == std::string_view::npos) break;
      rest.remove_prefix(sp + 1);
    }
  }
  for (const auto& p : profile.params) {
    INFO(p.name);
    // da.fonds.<committee>: the 全宗号 read by build's packing (job/build.cc), not by a rule.
    if (!p.name.starts_with("da.fonds.")) CHECK(used.count(p.name) == 1);
    CHECK_FALSE(p.description.empty());
  }
}

TEST_CASE("shipped profile: the seed's numbers") {
  const auto& p = test::shipped_profile();
  CHECK(p.name == "zhangye-2009");
  CHECK(p.get_int("bg.emergency.deadline-minutes") == 120);
  CHECK(p.get_int("jd.negative-vote.numerator") == 1);
  CHECK(p.get_int("jd.negative-vote.denominator") == 3);
  CHECK(p.get_int("jd.leave.tier1-max-days") == 3);
  CHECK(p.get_int("jd.leave.tier2-max-days") == 7);
  CHECK(p.get_month_day("bg.mid-year.from") == model::MonthDay{6, 1});
  CHECK(p.get_month_day("bg.year-end.to") == model::MonthDay{1, 31});
  CHECK(p.find("bg.mid-year.from")->local);
  CHECK_FALSE(p.find("bg.emergency.deadline-minutes")->local);
  CHECK_THROWS_AS(p.get_int("no.such.param"), std::logic_error);
  CHECK_THROWS_AS(p.get_int("bg.mid-year.from"), std::logic_error);
}

namespace {
std::filesystem::path write(const test::TempDir& dir, const std::string& name, const std::string& body) {
  const auto path = dir.path() / name;
  core::write_file_atomic(path, body);
  return path;
}
}  // namespace

TEST_CASE("user profile overrides a subset") {
  test::TempDir dir("profile");
  const auto path = write(dir, "mine.xml",
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<profile xmlns=\"urn:wenshu:profile:1\" name=\"mine\">\n"
                          "  <param name=\"bg.emergency.deadline-minutes\" value=\"60\"/>\n"
                          "  <param name=\"bg.mid-year.to\" value=\"08-15\"/>\n"
                          "</profile>\n");
  core::DiagnosticSink sink;
  auto p = ingest::load_profile(path, sink);
  INFO((sink.items().empty() ? std::string() : core::format_text(sink.items()[0])));
  REQUIRE(p);
  CHECK(p->name == "mine");
  CHECK(p->get_int("bg.emergency.deadline-minutes") == 60);
  CHECK(p->get_month_day("bg.mid-year.to") == model::MonthDay{8, 15});
  CHECK(p->get_int("dy.options.min") == 2);  // untouched
  CHECK(p->find("bg.emergency.deadline-minutes")->location.file == path.string());
  CHECK(p->find("bg.emergency.deadline-minutes")->location.line == 3);
  CHECK(p->sources.size() == 2);
}

TEST_CASE("user profile: unknown parameter, bad value, wrong type are errors at file:line") {
  test::TempDir dir("profile");
  const auto path = write(dir, "bad.xml",
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<profile xmlns=\"urn:wenshu:profile:1\" name=\"bad\">\n"
                          "  <param name=\"dy.topics.min\" value=\"2\"/>\n"
                          "  <param name=\"bg.emergency.deadline-hours\" value=\"2\"/>\n"
                          "  <param name=\"bg.mid-year.from\" value=\"06-31\"/>\n"
                          "  <param name=\"dy.options.min\" value=\"-1\"/>\n"
                          "  <param name=\"tg.regular-meeting.per-month\" type=\"bool\" value=\"true\"/>\n"
                          "</profile>\n");
  core::DiagnosticSink sink;
  CHECK_FALSE(ingest::load_profile(path, sink));
  REQUIRE(sink.items().size() == 4);
  CHECK(sink.items()[0].rule == "PROFILE-PARAM");
  CHECK(sink.items()[0].location.file == path.string());
  CHECK(sink.items()[0].location.line == 4);
  CHECK(sink.items()[0].message.find("bg.emergency.deadline-hours") != std::string::npos);
  CHECK(sink.items()[1].rule == "PROFILE-VALUE");
  CHECK(sink.items()[1].location.line == 5);
  CHECK(sink.items()[2].rule == "PROFILE-VALUE");
  CHECK(sink.items()[3].rule == "PROFILE-TYPE");

  // A profile that is not XML, or not a profile, is refused too.
  core::DiagnosticSink sink2;
  CHECK_FALSE(ingest::load_profile(write(dir, "broken.xml", "<profile"), sink2));
  CHECK(sink2.has_errors());
  core::DiagnosticSink sink3;
  CHECK_FALSE(ingest::load_profile(write(dir, "other.xml", "<?xml version=\"1.0\"?><records xmlns=\"urn:x\"/>"), sink3));
  CHECK(sink3.has_errors());
}

TEST_CASE("profile values: month-day and int parsing") {
  model::ProfileParam p;
  CHECK(ingest::parse_param_value(model::ParamType::kMonthDay, "02-29", p));  // leap-year edge allowed
  CHECK(p.month_day == model::MonthDay{2, 29});
  CHECK_FALSE(ingest::parse_param_value(model::ParamType::kMonthDay, "02-30", p));
  CHECK_FALSE(ingest::parse_param_value(model::ParamType::kMonthDay, "6-1", p));
  CHECK_FALSE(ingest::parse_param_value(model::ParamType::kMonthDay, "13-01", p));
  CHECK(ingest::parse_param_value(model::ParamType::kInt, "120", p));
  CHECK(p.int_value == 120);
  CHECK_FALSE(ingest::parse_param_value(model::ParamType::kInt, "12a", p));
  CHECK_FALSE(ingest::parse_param_value(model::ParamType::kInt, "", p));
  CHECK_FALSE(ingest::parse_param_value(model::ParamType::kInt, "99999999999999999999", p));
}

TEST_CASE("record terms round-trip") {
  using namespace wenshu::model;
  CHECK(std::string(term(UnitKind::kTownship)) == "乡(镇)");
  CHECK(parse_term<UnitKind>("乡（镇）") == UnitKind::kTownship);
  CHECK(parse_term<MeetingKind>("常委碰头会") == MeetingKind::kBriefing);
  CHECK(parse_term<Adoption>("部分采纳") == Adoption::kPartly);
  CHECK_FALSE(parse_term<Adoption>("采用").has_value());
  CHECK(std::string(term(Leniency::kExempt)) == "免予追究");
}

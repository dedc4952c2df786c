// Records → 公文 document models through the shipped templates.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "compose/compose.h"
#include "compose/fixture.h"
#include "core/date_text.h"
#include "support/test_support.h"

namespace wenshu::compose {
namespace {

std::string errors_of(const core::DiagnosticSink& sink) {
  std::string s;
  for (const auto& d : sink.items())
    if (d.severity == core::Severity::kError) s += core::format_text(d) + "\n";
  return s;
}

std::map<std::string, ComposedDocument> compose_all(const model::Records& r, const std::string& committee,
                                                    core::DiagnosticSink& sink, ComposeOptions options = {}) {
  Composer composer(test::source_dir() / "templates");
  std::map<std::string, ComposedDocument> out;
  for (auto& c : composer.compose_committee(r, committee, options, sink)) out[c.request.document_id()] = std::move(c);
  return out;
}

TEST_CASE("a research report becomes a 调研报告 with its three parts") {
  const auto r = test::sample_records();
  core::DiagnosticSink sink;
  ComposeOptions options;
  options.only_kinds = {"dy-report"};
  auto docs = compose_all(r, "ganzhou", sink, options);
  INFO(errors_of(sink));
  REQUIRE(docs.count("ganzhou/2009/dy-report/dy-r1"));
  const auto& doc = docs["ganzhou/2009/dy-report/dy-r1"].document;
  REQUIRE(doc);
  CHECK(doc->kind == "调研报告");
  CHECK(doc->title.value == "关于甘州区城乡一体化发展的调研报告");
  CHECK(doc->date.value == core::Date{2009, 5, 12});
  CHECK(doc->date.text.value == "二〇〇九年五月十二日");  // rules.md GW-2: before 2012-07-01
  int headings = 0;
  for (const auto& b : doc->body)
    if (std::holds_alternative<model::Heading>(b)) ++headings;
  CHECK(headings >= 3);
}

}  // namespace
}  // namespace wenshu::compose

namespace wenshu::compose {
namespace {

TEST_CASE("every kind of the catalogue composes from the fixture without errors") {
  const auto r = test::sample_records();
  core::DiagnosticSink sink;
  Composer composer(test::source_dir() / "templates");
  std::set<std::string> kinds;
  for (const char* committee : {"ganzhou", "zhangye-city"}) {
    for (auto& c : composer.compose_committee(r, committee, {}, sink)) {
      INFO(c.request.document_id() << "\n" << errors_of(sink) << c.xml);
      CHECK(c.document.has_value());
      if (c.document) kinds.insert(c.request.kind->id);
    }
  }
  INFO(errors_of(sink));
  CHECK_FALSE(sink.has_errors());
  for (const auto& k : doc_kinds()) {
    INFO(k.id);
    CHECK(kinds.count(k.id));
  }
}

}  // namespace
}  // namespace wenshu::compose

namespace wenshu::compose {
namespace {

// The template output of one document of every kind, pinned as reviewable XML
// (tests/golden/compose/<kind>.xml; WENSHU_UPDATE_GOLDEN=1 accepts changes).
TEST_CASE("template output of every kind matches its golden file") {
  const auto r = test::sample_records();
  core::DiagnosticSink sink;
  Composer composer(test::source_dir() / "templates");
  std::set<std::string> done;
  for (const char* committee : {"ganzhou", "zhangye-city"}) {
    for (auto& c : composer.compose_committee(r, committee, {}, sink)) {
      std::string name = c.request.kind->id;
      if (c.request.city_wide) name += "-city";
      if (!done.insert(name).second) continue;
      INFO(name);
      CHECK(test::compare_golden("compose/" + name + ".xml", c.xml) == "");
    }
  }
}

}  // namespace
}  // namespace wenshu::compose

namespace wenshu::compose {
namespace {

const model::Document& only_doc(std::vector<ComposedDocument>& docs, const std::string& id) {
  for (auto& d : docs)
    if (d.request.document_id() == id && d.document) return *d.document;
  FAIL("no document " << id);
  throw std::logic_error("unreachable");
}

std::string cell(const model::Table& t, std::size_t row, std::size_t col) { return t.rows.at(row).at(col).text.value; }

TEST_CASE("the half-year 外出请假情况汇总 agrees with the leave records (JD-4.3)") {
  auto r = test::sample_records();
  core::DiagnosticSink sink;
  Composer composer(test::source_dir() / "templates");
  ComposeOptions options;
  options.only_kinds = {"jd-travel-summary"};
  auto docs = composer.compose_committee(r, "ganzhou", options, sink);
  INFO(errors_of(sink));
  for (int half = 1; half <= 2; ++half) {
    const auto& doc = only_doc(docs, "ganzhou/2009/jd-travel-summary/2009-H" + std::to_string(half));
    const model::Table* table = nullptr;
    for (const auto& b : doc.body)
      if (const auto* t = std::get_if<model::Table>(&b)) table = t;
    REQUIRE(table != nullptr);
    // The records of the half-year, in date order (the summary sorts by start date).
    std::vector<const model::TravelLeave*> expected;
    for (const auto& t : r.travel_leaves)
      if (t.committee == "ganzhou" && t.start && core::half_of(*t.start) == half) expected.push_back(&t);
    std::sort(expected.begin(), expected.end(), [](auto* a, auto* b) { return *a->start < *b->start; });
    REQUIRE(table->rows.size() == expected.size() + 2);  // header + rows + total
    int trips = 0, leaves = 0, days = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const auto* t = expected[i];
      const auto* m = r.member_by_person("ganzhou", t->person);
      CHECK(cell(*table, i + 1, 1) == m->name);
      CHECK(cell(*table, i + 1, 2) == model::term(t->kind));
      // Written as the document writes dates, the second without the year (and month) it shares.
      const std::string from = core::format_date_chinese_numerals(*t->start);
      const std::string to = core::format_date_chinese_numerals(*t->end);
      std::string range = from;
      if (*t->end != *t->start) {
        range += "至";
        if (t->start->year != t->end->year) range += to;
        else if (t->start->month != t->end->month) range += to.substr(to.find("年") + std::string("年").size());
        else range += to.substr(to.find("月") + std::string("月").size());
      }
      CHECK(cell(*table, i + 1, 3) == range);
      const int d = static_cast<int>(core::days_between(*t->start, *t->end)) + 1;
      CHECK(cell(*table, i + 1, 5) == std::to_string(d));
      days += d;
      (t->kind == model::TravelKind::kOfficialTrip ? trips : leaves) += 1;
    }
    const auto& total = table->rows.back();
    CHECK(total.at(1).text.value == "因公外出" + std::to_string(trips) + "人次，因私请假" + std::to_string(leaves) + "人次");
    CHECK(total.at(2).text.value == std::to_string(days));
  }
}

TEST_CASE("the 督查情况通报 has the five parts of DB-6, in order, with the record's text") {
  auto r = test::sample_records();
  core::DiagnosticSink sink;
  Composer composer(test::source_dir() / "templates");
  ComposeOptions options;
  options.only_kinds = {"db-report"};
  auto docs = composer.compose_committee(r, "ganzhou", options, sink);
  INFO(errors_of(sink));
  const auto& doc = only_doc(docs, "ganzhou/2009/db-report/db-s1");
  const auto& fb = *r.supervision_items.front().feedback;
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"贯彻实施的措施", fb.measures},
      {"经验和效果", fb.experience},
      {"干部群众的反映、意见和要求", fb.reactions},
      {"影响落实的主要问题", fb.obstacles},
      {"进一步加强落实的建议", fb.suggestions},
  };
  std::vector<std::pair<std::string, std::string>> found;
  for (std::size_t i = 0; i < doc.body.size(); ++i) {
    const auto* h = std::get_if<model::Heading>(&doc.body[i]);
    if (h == nullptr || h->level != 1) continue;
    std::string text;
    if (i + 1 < doc.body.size())
      if (const auto* p = std::get_if<model::Paragraph>(&doc.body[i + 1])) text = p->text.value;
    found.emplace_back(h->text.value, text);
  }
  CHECK(found == parts);
}

TEST_CASE("a document whose record breaks an error rule is refused, and drafted with force") {
  auto r = test::sample_records();
  core::Diagnostic finding;
  finding.rule = "BG-2";
  finding.record_id = "bg-em1";
  finding.committee = "ganzhou";
  finding.message = "超过2小时报告";
  ComposeOptions options;
  options.only_kinds = {"bg-emergency", "dy-report"};
  options.findings = {finding};
  Composer composer(test::source_dir() / "templates");
  {
    core::DiagnosticSink sink;
    auto docs = composer.compose_committee(r, "ganzhou", options, sink);
    REQUIRE(docs.size() == 2);
    for (const auto& d : docs) {
      if (d.request.kind->id == "bg-emergency") {
        CHECK(d.refused);
        CHECK_FALSE(d.document);
      } else {
        CHECK(d.document);  // the other documents still compose
      }
    }
    REQUIRE(sink.has_errors());
    CHECK(sink.items().front().rule == kRuleRefused);
    CHECK(sink.items().front().record_id == "bg-em1");
  }
  {
    options.force = true;
    core::DiagnosticSink sink;
    auto docs = composer.compose_committee(r, "ganzhou", options, sink);
    for (const auto& d : docs)
      if (d.request.kind->id == "bg-emergency") {
        REQUIRE(d.document);
        CHECK(d.document->draft);
      }
    CHECK_FALSE(sink.has_errors());
  }
}

TEST_CASE("a record naming an unknown person is reported and its document skipped") {
  auto r = test::sample_records();
  r.admonitions.front().person = "nobody";
  r.build_index();
  core::DiagnosticSink sink;
  ComposeOptions options;
  options.only_kinds = {"jd-admonition", "dy-report"};
  Composer composer(test::source_dir() / "templates");
  auto docs = composer.compose_committee(r, "ganzhou", options, sink);
  int rendered = 0;
  for (const auto& d : docs) rendered += d.document ? 1 : 0;
  CHECK(rendered == 1);
  REQUIRE(sink.has_errors());
  CHECK(sink.items().front().rule == kRuleRef);
  CHECK(sink.items().front().record_id == "jd-ad1");
  CHECK(sink.items().front().message.find("nobody") != std::string::npos);
}

TEST_CASE("a template that produces an invalid document is named") {
  test::TempDir dir("tpl");
  std::filesystem::copy(test::source_dir() / "templates", dir.path() / "templates");
  {
    std::ofstream(dir.path() / "templates" / "jd-admonition.xsl", std::ios::binary)
        << R"(<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:wenshu:gongwen:1">
<xsl:template match="/"><document format="通用"><body><p>缺少 kind 属性</p></body></document></xsl:template>
</xsl:stylesheet>)";
  }
  auto r = test::sample_records();
  core::DiagnosticSink sink;
  ComposeOptions options;
  options.only_kinds = {"jd-admonition", "dy-report"};
  Composer composer(dir.path() / "templates");
  auto docs = composer.compose_committee(r, "ganzhou", options, sink);
  int rendered = 0;
  for (const auto& d : docs) rendered += d.document ? 1 : 0;
  CHECK(rendered == 1);
  REQUIRE(sink.has_errors());
  bool named = false;
  for (const auto& d : sink.items())
    named = named || (d.rule == kRuleOutput && d.location.file.find("jd-admonition.xsl") != std::string::npos);
  CHECK(named);
}

TEST_CASE("file names are safe and readable") {
  CHECK(sanitize_file_name("关于A/B:C*的报告?") == "关于A／B：C＊的报告？");
  CHECK(sanitize_file_name("  ..x.. ") == "x");
  CHECK(sanitize_file_name("") == "untitled");
  const std::string long_name(300, 'a');
  CHECK(sanitize_file_name(long_name).size() == 160);
  CHECK(sanitize_file_name("甲乙丙", 7) == "甲乙");  // never cuts a character in half
}

}  // namespace
}  // namespace wenshu::compose

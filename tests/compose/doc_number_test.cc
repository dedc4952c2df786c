// 发文字号 of generated documents (GB/T 9704-2012 7.2.5): unique, gap-free per committee ×
// year × 机关代字, deterministic and independent of --kind (the GW-1 check on them: tests/job/doc_number_gw_test.cc).
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "compose/compose.h"
#include "compose/doc_number.h"
#include "compose/fixture.h"
#include "support/test_support.h"

namespace wenshu::compose {
namespace {

/// document id → 发文字号 of every composed document of `committee`.
std::map<std::string, std::string> numbers_of(const model::Records& r, const std::string& committee,
                                              ComposeOptions options = {}) {
  Composer composer(test::source_dir() / "templates");
  core::DiagnosticSink sink;
  std::map<std::string, std::string> out;
  for (auto& c : composer.compose_committee(r, committee, options, sink))
    if (c.document) out[c.request.document_id()] = c.document->doc_number.value;
  return out;
}

TEST_CASE("assign_doc_numbers counts per code and year in date order, then key") {
  std::vector<NumberSlot> slots = {
      {"市委发", 2009, core::Date{2009, 5, 1}, "b", ""},
      {"市委发", 2009, core::Date{2009, 3, 1}, "z", ""},
      {"市委函", 2009, core::Date{2009, 1, 1}, "a", ""},
      {"市委发", 2009, std::nullopt, "a", ""},           // undated: after the dated ones
      {"市委发", 2010, core::Date{2010, 1, 2}, "c", ""},
      {"市委发", 2009, core::Date{2009, 5, 1}, "a", ""},  // same date as "b": key decides
      {"", 2009, core::Date{2009, 1, 1}, "x", ""},         // no code: no number
  };
  assign_doc_numbers(slots);
  CHECK(slots[1].number == "市委发〔2009〕1号");
  CHECK(slots[5].number == "市委发〔2009〕2号");
  CHECK(slots[0].number == "市委发〔2009〕3号");
  CHECK(slots[3].number == "市委发〔2009〕4号");
  CHECK(slots[2].number == "市委函〔2009〕1号");
  CHECK(slots[4].number == "市委发〔2010〕1号");
  CHECK(slots[6].number.empty());
}

TEST_CASE("letters number in the 函 series of the committee's 机关代字") {
  const DocKind* inquiry = find_kind("jd-inquiry");
  const DocKind* decision = find_kind("zz-decision");
  REQUIRE(inquiry);
  REQUIRE(decision);
  CHECK(agency_code_for(*inquiry, "甘区委发") == "甘区委函");
  CHECK(agency_code_for(*decision, "甘区委发") == "甘区委发");
  CHECK(agency_code_for(*inquiry, "").empty());
  CHECK(kind_takes_doc_number(*find_kind("bg-topical")));
  CHECK_FALSE(kind_takes_doc_number(*find_kind("tg-minutes")));
  CHECK_FALSE(kind_takes_doc_number(*find_kind("db-notice")));
}

TEST_CASE("generated documents carry unique gap-free numbers, whatever --kind selects") {
  const auto r = test::sample_records();
  const auto all = numbers_of(r, "ganzhou");
  // code → the sequence numbers in use; GB/T 9704 7.2.5 shape checked by the validator itself.
  std::map<std::string, std::set<int>> used;
  int numbered = 0;
  Composer composer(test::source_dir() / "templates");
  core::DiagnosticSink sink;
  for (auto& c : composer.compose_committee(r, "ganzhou", {}, sink)) {
    if (!c.document) continue;
    const std::string& n = c.document->doc_number.value;
    INFO(c.request.document_id() << " " << n);
    CHECK(kind_takes_doc_number(*c.request.kind) == !n.empty());
    if (n.empty()) continue;
    ++numbered;
    const auto open = n.find("〔2009〕");
    REQUIRE(open != std::string::npos);
    const std::string code = n.substr(0, open);
    const int seq = std::stoi(n.substr(open + std::string("〔2009〕").size()));
    CHECK(used[code].insert(seq).second);  // unique
  }
  CHECK(numbered >= 3);
  for (const auto& [code, seqs] : used) {
    INFO(code);
    CHECK(*seqs.begin() == 1);
    CHECK(*seqs.rbegin() == static_cast<int>(seqs.size()));  // no gaps
  }
  // Deterministic, and a --kind selection keeps the numbers of the full run.
  CHECK(numbers_of(r, "ganzhou") == all);
  ComposeOptions only;
  only.only_kinds = {"zz-decision"};
  for (const auto& [id, n] : numbers_of(r, "ganzhou", only)) CHECK(all.at(id) == n);
}

}  // namespace
}  // namespace wenshu::compose

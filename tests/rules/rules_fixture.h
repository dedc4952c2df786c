// Helpers for the rule tests: the shipped profile, a small committee built by hand, and
// queries over the findings of one run.
#pragma once
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "ingest/profile_reader.h"
#include "model/records.h"
#include "rules/check.h"

namespace wenshu::test {

/// The shipped profile, loaded once.
inline const model::Profile& shipped_profile() {
  static const model::Profile p = [] {
    core::DiagnosticSink sink;
    auto loaded = ingest::load_profile(std::nullopt, sink);
    for (const auto& d : sink.items()) UNSCOPED_INFO(core::format_text(d));
    REQUIRE(loaded);
    return *loaded;
  }();
  return p;
}

/// d as core::Date.
inline core::Date D(int y, int m, int d) { return core::Date{y, m, d}; }
inline core::DateTime DT(int y, int mo, int d, int h, int mi) { return core::DateTime{{y, mo, d}, h, mi}; }
inline core::SourceLocation L(const char* file, int line) { return {file, line, 1}; }

/// The findings of one run.
struct Run {
  core::DiagnosticSink sink;
  std::vector<rules::Statistic> stats;

  /// Findings of `rule` (about `record` when given).
  std::vector<core::Diagnostic> of(const std::string& rule, const std::string& record = {}) const {
    std::vector<core::Diagnostic> out;
    for (const auto& d : sink.items())
      if (d.rule == rule && (record.empty() || d.record_id == record)) out.push_back(d);
    return out;
  }
  std::size_t count(const std::string& rule, const std::string& record = {}) const { return of(rule, record).size(); }
  /// Findings of `rule` with severity `s`.
  std::size_t count(const std::string& rule, core::Severity s) const {
    std::size_t n = 0;
    for (const auto& d : sink.items()) n += d.rule == rule && d.severity == s;
    return n;
  }
  /// All findings as text, for failure messages.
  std::string dump() const {
    std::string out;
    for (const auto& d : sink.items()) out += core::format_text(d) + "\n";
    return out;
  }
  const rules::Statistic* stat(const std::string& rule, const std::string& label_prefix) const {
    for (const auto& s : stats)
      if (s.rule == rule && s.label.rfind(label_prefix, 0) == 0) return &s;
    return nullptr;
  }
};

/// Runs every rule, judged as of `as_of` (default: the end of the records' year, so every
/// deadline of the year has passed; none when the records have no year: their latest date).
inline Run run(model::Records& r, const model::Profile& p = shipped_profile(),
               std::optional<core::Date> as_of = std::nullopt) {
  r.build_index();
  Run out;
  rules::CheckOptions o;
  o.as_of = as_of;
  if (!o.as_of && r.effective_year() != 0) o.as_of = core::Date{r.effective_year(), 12, 31};
  rules::check_records(r, p, o, out.sink, out.stats);
  return out;
}

/// A county committee 甘州区委 (id gz, parent city) with secretary s1 and 常委 m1 in 2009, and
/// the city committee (id city) with its secretary c1 and 分管 leader c2.
inline model::Records county() {
  model::Records r;
  r.year = 2009;
  model::Committee city;
  city.id = city.committee = "city";
  city.level = model::CommitteeLevel::kCity;
  city.name = "中共张掖市委员会";
  city.short_name = "市委";
  city.agency_code = "市委发";
  city.year = 2009;
  city.location = L("city.xml", 2);
  model::Committee gz;
  gz.id = gz.committee = "gz";
  gz.level = model::CommitteeLevel::kCounty;
  gz.parent = "city";
  gz.name = "中共张掖市甘州区委员会";
  gz.short_name = "甘州区委";
  gz.agency_code = "甘区委发";
  gz.year = 2009;
  gz.location = L("gz.xml", 2);
  r.committees = {city, gz};
  auto member = [](const char* id, const char* committee, const char* name, model::MemberRole role, bool principal,
                   int line) {
    model::Member m;
    m.id = m.person = id;
    m.committee = committee;
    m.name = name;
    m.role = role;
    m.principal = principal;
    m.location = L(std::string(committee) == "city" ? "city.xml" : "gz.xml", line);
    return m;
  };
  r.members = {
      member("c1", "city", "陈书记", model::MemberRole::kSecretary, true, 5),
      member("c2", "city", "赵常委", model::MemberRole::kStanding, false, 6),
      member("s1", "gz", "王书记", model::MemberRole::kSecretary, true, 5),
      member("m1", "gz", "李常委", model::MemberRole::kStanding, false, 6),
      member("w1", "gz", "张委员", model::MemberRole::kMember, false, 7),
  };
  r.members[3].portfolio = {"区委宣传部"};
  return r;
}

}  // namespace wenshu::test

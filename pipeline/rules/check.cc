// The rule run: one pass per regulation, then statistics sorted for a stable summary.
#include "rules/check.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "rules/catalogue.h"
#include "rules/context.h"

namespace wenshu::rules {

void Context::report(std::string_view rule_id, const core::SourceLocation& where, std::string_view record_id,
                     std::string_view committee, std::string message, std::optional<core::Severity> severity,
                     std::vector<std::string> hints) {
  const RuleInfo* info = find_rule(rule_id);
  if (info == nullptr) throw std::logic_error("rule not in catalogue: " + std::string(rule_id));
  core::Diagnostic d;
  d.severity = severity.value_or(info->severity);
  d.rule = std::string(rule_id);
  d.clause = clause_label(*info);
  d.location = where;
  d.record_id = std::string(record_id);
  d.committee = std::string(committee);
  d.message = std::move(message);
  d.hints = std::move(hints);
  sink_.push(std::move(d));
}

void Context::stat(std::string_view rule_id, std::string_view committee, std::string label, long long count,
                   long long total) {
  stats_.push_back({std::string(rule_id), std::string(committee), std::move(label), count, total});
}

int Context::year_of(const model::Committee& c) const { return c.year != 0 ? c.year : records.effective_year(); }

std::string Context::who(std::string_view committee, std::string_view person) const {
  if (person.empty()) return "（未载明）";
  const model::Member* m = records.member_by_person(committee, person);
  if (m == nullptr) m = records.any_member_by_person(person);
  if (m == nullptr || m->name.empty()) return std::string(person);
  return m->name + "（" + std::string(person) + "）";
}

std::string show(const std::optional<core::Date>& d) { return d ? core::format_date(*d) : "（无日期）"; }

int leave_days(const model::TravelLeave& t) {
  if (t.days > 0) return t.days;
  if (t.start && t.end) return static_cast<int>(core::days_between(*t.start, *t.end)) + 1;
  return 0;
}

void check_records(const model::Records& records, const model::Profile& profile, core::DiagnosticSink& sink,
                   std::vector<Statistic>& stats) {
  Context ctx(records, profile, sink, stats);
  check_dy(ctx);
  check_zx(ctx);
  check_bg(ctx);
  check_tg(ctx);
  check_jd(ctx);
  check_jd_travel(ctx);
  check_db(ctx);
  check_zz(ctx);
  std::stable_sort(stats.begin(), stats.end(), [](const Statistic& a, const Statistic& b) {
    if (a.committee != b.committee) return a.committee < b.committee;
    return a.rule < b.rule;
  });
}

std::string format_statistic(const Statistic& s) {
  if (s.total < 0) return fmt::format("{}", s.count);
  if (s.total == 0) return fmt::format("{}/0", s.count);
  const long long pct = (s.count * 200 + s.total) / (s.total * 2);  // round half up
  return fmt::format("{}/{}（{}%）", s.count, s.total, pct);
}

}  // namespace wenshu::rules

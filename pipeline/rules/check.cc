// The rule run: one pass per regulation, then statistics sorted for a stable summary.
#include "rules/check.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "model/record_facts.h"
#include "rules/catalogue.h"
#include "rules/context.h"

namespace wenshu::rules {

void Context::report(std::string_view rule_id, const core::SourceLocation& where, std::string_view record_id,
                     std::string_view committee, std::string message, std::optional<core::Severity> severity,
                     std::vector<std::string> hints) {
  sink_.push(finding(rule_id, where, record_id, committee, std::move(message), severity, std::move(hints)));
}

core::Diagnostic Context::finding(std::string_view rule_id, const core::SourceLocation& where,
                                  std::string_view record_id, std::string_view committee, std::string message,
                                  std::optional<core::Severity> severity, std::vector<std::string> hints) const {
  const RuleInfo* info = find_rule(rule_id);
  if (info == nullptr) throw std::logic_error("rule not in catalogue: " + std::string(rule_id));
  core::Diagnostic d;
  d.severity = severity.value_or(info->severity);
  d.rule = std::string(rule_id);
  d.clause = clause_label(*info);
  d.location = where;
  d.record_id = std::string(record_id);
  d.committee = std::string(committee);
  d.year = records.year;
  d.message = std::move(message);
  d.hints = std::move(hints);
  return d;
}

bool Context::report_unless_pending(std::string_view rule_id, const std::optional<core::Date>& deadline,
                                    const core::SourceLocation& where, std::string_view record_id,
                                    std::string_view committee, std::string message,
                                    std::optional<core::Severity> severity) {
  if (!deadline || due(*deadline)) {
    report(rule_id, where, record_id, committee, std::move(message), severity);
    return false;
  }
  // Not yet due: the same words, as an open matter with its deadline (no English part).
  const auto slash = message.find(" / ");
  if (slash != std::string::npos) message.resize(slash);
  auto d = finding(rule_id, where, record_id, committee,
                   fmt::format("尚未到期：{}（期限 {}，判定日期 {}） / pending, not yet due", message,
                               core::format_date(*deadline), core::format_date(as_of)),
                   core::Severity::kNote);
  d.due = core::format_date(*deadline);
  sink_.push(std::move(d));
  return true;
}

void Context::stat(std::string_view rule_id, std::string_view committee, std::string label, long long count,
                   long long total) {
  stats_.push_back({std::string(rule_id), std::string(committee), records.year, std::move(label), count, total});
}

void Context::observe(std::string_view rule_id, const core::SourceLocation& where, std::string_view committee,
                      std::string message) {
  report(rule_id, where, "", committee, std::move(message), core::Severity::kInfo);
}

int Context::year_of(const model::Committee& c) const { return c.year != 0 ? c.year : records.effective_year(); }

std::string Context::who(std::string_view committee, std::string_view person) const {
  if (person.empty()) return "（未载明）";
  const model::Member* m = records.member_by_person(committee, person);
  if (m == nullptr) m = records.any_member_by_person(person);
  if (m == nullptr || m->name.empty()) return std::string(person);
  return m->name + "（" + std::string(person) + "）";
}

namespace {

/// Days of `m`'s term inside `year` (0 when it lies outside).
int days_in_year(const model::Member& m, int year) {
  const core::Date first{year, 1, 1}, last{year, 12, 31};
  const core::Date from = m.term_start && first < *m.term_start ? *m.term_start : first;
  const core::Date to = m.term_end && *m.term_end < last ? *m.term_end : last;
  return to < from ? 0 : static_cast<int>(core::days_between(from, to)) + 1;
}

}  // namespace

const std::vector<StandingPerson>& Context::standing(const model::Committee& c) {
  auto [it, fresh] = standing_.try_emplace(c.id);
  if (!fresh) return it->second;
  auto& out = it->second;
  const int year = year_of(c);
  for (const auto* m : of<model::Member>(c.id)) {
    if (!m->is_standing()) continue;
    const int days = days_in_year(*m, year);
    if (days == 0) continue;
    auto same = std::find_if(out.begin(), out.end(), [&](const StandingPerson& p) { return p.member->person == m->person; });
    if (same == out.end()) {
      out.push_back({m, days});
      continue;
    }
    same->days += days;
    if (!m->term_start || (same->member->term_start && *same->member->term_start < *m->term_start)) same->member = m;
  }
  const long long min_days = param("members.yearly-duties.min-days");
  for (const auto& p : out) {
    if (p.days >= min_days) continue;
    core::Diagnostic d;
    d.severity = core::Severity::kInfo;
    d.rule = "MEMBER-TERM";
    d.location = p.member->location;
    d.record_id = p.member->id;
    d.committee = c.id;
    d.year = records.year;
    d.message = fmt::format("{} {}年任常委{}天，不足{}天，不检查其本年度的调研专题、调研报告、蹲点和述职述廉"
                            "（DY-1a、DY-1b、DY-2、JD-1a）/ in office too short a time for the yearly duties",
                            who(c.id, p.member->person), year, p.days, min_days);
    sink_.push(std::move(d));
  }
  return out;
}

std::vector<const model::Member*> Context::held_to_yearly_duties(const model::Committee& c) {
  const long long min_days = param("members.yearly-duties.min-days");
  std::vector<const model::Member*> out;
  for (const auto& p : standing(c))
    if (p.days >= min_days) out.push_back(p.member);
  return out;
}

std::string show(const std::optional<core::Date>& d) { return d ? core::format_date(*d) : "（无日期）"; }

core::Date as_of_date(const model::Records& records, const CheckOptions& options) {
  if (options.as_of) return *options.as_of;
  if (auto latest = model::latest_date(records)) return *latest;
  const int year = records.effective_year();
  return year != 0 ? core::Date{year, 12, 31} : core::Date{9999, 12, 31};
}

void check_records(const model::Records& records, const model::Profile& profile, const CheckOptions& options,
                   core::DiagnosticSink& sink, std::vector<Statistic>& stats) {
  Context ctx(records, profile, as_of_date(records, options), sink, stats);
  check_dy(ctx);
  check_zx(ctx);
  check_bg(ctx);
  check_tg(ctx);
  check_jd(ctx);
  check_jd_travel(ctx);
  check_db(ctx);
  check_zz(ctx);
  observe_info_rules(ctx);
  std::stable_sort(stats.begin(), stats.end(), [](const Statistic& a, const Statistic& b) {
    if (a.committee != b.committee) return a.committee < b.committee;
    return a.rule < b.rule;
  });
}

void check_records(const model::Records& records, const model::Profile& profile, core::DiagnosticSink& sink,
                   std::vector<Statistic>& stats) {
  check_records(records, profile, CheckOptions{}, sink, stats);
}

std::string format_statistic(const Statistic& s) {
  if (s.total < 0) return fmt::format("{}", s.count);
  if (s.total == 0) return fmt::format("{}/0", s.count);
  const long long pct = (s.count * 200 + s.total) / (s.total * 2);  // round half up
  return fmt::format("{}/{}（{}%）", s.count, s.total, pct);
}

}  // namespace wenshu::rules

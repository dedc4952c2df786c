// 决策咨询制度 (rules.md ZX): major decisions are prepared by a consultation with a report.
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "rules/context.h"

namespace wenshu::rules {
namespace {

using model::Consultation;
using model::Decision;

/// Consultations that point at each decision (by the decision's id), in record order: built
/// once per run so the lookup per decision is not a scan over every consultation.
using ConsultationsByDecision = std::unordered_map<std::string_view, std::vector<const Consultation*>>;

ConsultationsByDecision index_by_decision(const model::Records& r) {
  ConsultationsByDecision ix;
  for (const auto& c : r.consultations)
    if (!c.decision.empty()) ix[c.decision].push_back(&c);
  return ix;
}

/// Consultations of a decision: listed by the decision, or pointing at it.
std::vector<const Consultation*> consultations_of(const model::Records& r, const ConsultationsByDecision& ix,
                                                  const Decision& d) {
  std::vector<const Consultation*> out;
  for (const auto& id : d.consultations)
    if (const auto* c = r.find_consultation(id)) out.push_back(c);
  if (const auto it = ix.find(d.id); it != ix.end())
    for (const auto* c : it->second)
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  return out;
}

/// When a consultation was finished: its stated end, else the date of its report.
std::optional<core::Date> finished(const Consultation& c) { return c.finished ? c.finished : c.report_date; }

// rules.md ZX-1 and ZX-2.3: per decision.
void check_decision(Context& ctx, const ConsultationsByDecision& ix, const Decision& d) {
  if (d.category == model::DecisionCategory::kOrdinary) return;
  const auto cs = consultations_of(ctx.records, ix, d);
  if (!d.date) {
    ctx.report("ZX-1", d.location, d.id, d.committee,
               fmt::format("重大决策 {}（{}）没有决策日期，无法核对决策咨询 / decision has no date", d.id,
                           model::term(d.category)));
    return;
  }
  if (cs.empty()) {
    ctx.report("ZX-1", d.location, d.id, d.committee,
               fmt::format("重大决策 {}（{}）没有决策咨询记录 / major decision without consultation", d.id,
                           model::term(d.category)));
    return;
  }
  bool done_before = false;
  for (const auto* c : cs) {
    const auto f = finished(*c);
    if (f && *f < *d.date) done_before = true;
  }
  if (!done_before)
    ctx.report("ZX-1", d.location, d.id, d.committee,
               fmt::format("重大决策 {} 的决策咨询未在决策日期 {} 之前完成 / consultation not finished before the decision",
                           d.id, show(d.date)));
  // ZX-2.3: 将决策事项和咨询论证报告一并提交 — report date ≤ submission ≤ decision date.
  if (!d.submitted) {
    ctx.report("ZX-2.3", d.location, d.id, d.committee,
               fmt::format("重大决策 {} 未记录提交党委的日期 / no submission date", d.id));
    return;
  }
  if (*d.submitted > *d.date)
    ctx.report("ZX-2.3", d.location, d.id, d.committee,
               fmt::format("重大决策 {} 的提交日期 {} 晚于决策日期 {} / submitted after the decision", d.id,
                           show(d.submitted), show(d.date)));
  bool report_with = false;
  std::string reports;  // the reports there are, with their dates (the message names them)
  for (const auto* c : cs) {
    if (c->report_date && *c->report_date <= *d.submitted) report_with = true;
    reports += fmt::format("{}{} 的报告日期为 {}", reports.empty() ? "" : "；", c->id, show(c->report_date));
  }
  if (!report_with)
    ctx.report("ZX-2.3", d.location, d.id, d.committee,
               fmt::format("重大决策 {} 提交时（{}）没有已完成的咨询论证报告（{}）/ not submitted together with the "
                           "report",
                           d.id, show(d.submitted), reports));
}

bool has_valid_form(const Consultation& c) {
  for (auto f : c.forms)
    if (f != model::ConsultForm::kOther) return true;
  return false;
}

// rules.md ZX-2.1, ZX-2.2, ZX-3, ZX-4, ZX-5: per consultation.
void check_consultation(Context& ctx, const Consultation& c) {
  // ZX-2.1: 由分管领导或主管部门 … 专家咨询论证会议或通过公示、听证等形式
  if (c.organiser.empty() && c.organiser_department.empty())
    ctx.report("ZX-2.1", c.location, c.id, c.committee,
               fmt::format("决策咨询 {} 未载明组织的分管领导或主管部门 / no organiser", c.id));
  if (!has_valid_form(c))
    ctx.report("ZX-2.1", c.location, c.id, c.committee,
               fmt::format("决策咨询 {} 未采取专家咨询论证会、公示或听证形式 / no accepted consultation form", c.id));
  // ZX-2.2: 咨询论证报告，明确的肯定、否定及修改完善的意见
  if (!c.report_date)
    ctx.report("ZX-2.2", c.location, c.id, c.committee,
               fmt::format("决策咨询 {} 没有咨询论证报告 / no consultation report", c.id));
  else if (!c.conclusion)
    ctx.report("ZX-2.2", c.location, c.id, c.committee,
               fmt::format("决策咨询 {} 的咨询论证报告没有明确的肯定、否定或修改完善结论 / report without conclusion",
                           c.id));
  // ZX-3: 组织、参与决策咨询的领导、部门及工作人员
  bool named = !c.participants.empty();
  for (const auto& p : c.participants) named = named && !(p.name.empty() && p.person.empty());
  if (!named)
    ctx.report("ZX-3", c.location, c.id, c.committee,
               fmt::format("决策咨询 {} 未载明参与的领导、部门及工作人员 / participants not named", c.id));
  // ZX-4: 记录备案，建立完整的咨询档案
  if (!c.process_recorded)
    ctx.report("ZX-4", c.location, c.id, c.committee,
               fmt::format("决策咨询 {} 没有过程记录备案 / no process record", c.id));
  if (!c.archived)
    ctx.report("ZX-4", c.location, c.id, c.committee,
               fmt::format("决策咨询 {} 未建立咨询档案 / not filed as a consultation file", c.id));
}

// rules.md ZX-5: feedback to the experts within the *local* deadline after the decision.
void check_feedback(Context& ctx, const ConsultationsByDecision& ix, const Decision& d) {
  if (!d.date) return;
  const long long days = ctx.param("zx.expert-feedback.days");
  const core::Date due = core::add_days(*d.date, days);
  for (const auto* c : consultations_of(ctx.records, ix, d)) {
    if (c->expert_feedback && *c->expert_feedback <= due) continue;
    // Without feedback yet, a deadline after the as-of date makes it a pending matter.
    ctx.report_unless_pending("ZX-5", c->expert_feedback ? std::nullopt : std::optional<core::Date>(due), c->location,
                              c->id, c->committee,
               fmt::format("决策咨询 {} 未在决策（{}）后{}天内（{}前）向专家反馈吸纳情况{} / no timely feedback to experts",
                           c->id, show(d.date), days, core::format_date(due),
                           c->expert_feedback ? "（反馈于" + show(c->expert_feedback) + "）" : ""));
  }
}

}  // namespace

void check_zx(Context& ctx) {
  const ConsultationsByDecision ix = index_by_decision(ctx.records);
  for (const auto& d : ctx.records.decisions) {
    check_decision(ctx, ix, d);
    check_feedback(ctx, ix, d);
  }
  for (const auto& c : ctx.records.consultations) check_consultation(ctx, c);
}

}  // namespace wenshu::rules

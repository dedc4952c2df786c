// 督查督办制度 (rules.md DB): every decision supervised to a result, methods, instructions,
// duplicate supervisions, and complete feedback reports.
#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "rules/context.h"

namespace wenshu::rules {
namespace {

using model::SupervisionItem;

// rules.md DB-2: 件件有督查，事事有结果 — responsible 常委, a supervision record, a result by the deadline.
void check_decisions(Context& ctx) {
  // The first supervision item of each decision, found once (not a scan per decision).
  std::unordered_map<std::string_view, const SupervisionItem*> item_of;
  for (const auto& s : ctx.records.supervision_items)
    if (!s.decision.empty()) item_of.try_emplace(s.decision, &s);
  for (const auto& d : ctx.records.decisions) {
    if (d.responsible.empty())
      ctx.report("DB-2", d.location, d.id, d.committee,
                 fmt::format("常委会决定事项 {} 没有负责的分管常委 / no responsible member", d.id));
    const auto found = item_of.find(d.id);
    const SupervisionItem* item = found == item_of.end() ? nullptr : found->second;
    if (item == nullptr) {
      ctx.report_unless_pending("DB-2", d.deadline, d.location, d.id, d.committee,
                                fmt::format("常委会决定事项 {} 没有督查督办记录 / decision not supervised", d.id));
      continue;
    }
    const auto deadline = item->deadline ? item->deadline : d.deadline;
    if (item->result.empty() || !item->result_date)
      ctx.report_unless_pending("DB-2", deadline, item->location, item->id, item->committee,
                                fmt::format("督办事项 {}（决定 {}）没有办理结果 / no result", item->id, d.id));
    else if (deadline && *item->result_date > *deadline)
      ctx.report("DB-2", item->location, item->id, item->committee,
                 fmt::format("督办事项 {} 的结果 {} 晚于时限 {} / result after the deadline", item->id,
                             show(item->result_date), show(deadline)));
  }
}

// rules.md DB-3: 现场检查、听取汇报、明察暗访、文电督办.
void check_methods(Context& ctx, const SupervisionItem& s) {
  if (s.activities.empty()) {
    ctx.report("DB-3", s.location, s.id, s.committee,
               fmt::format("督办事项 {} 没有督查活动记录 / no supervision activity", s.id));
    return;
  }
  for (const auto& a : s.activities)
    if (a.methods.empty())
      ctx.report("DB-3", a.location.line ? a.location : s.location, s.id, s.committee,
                 fmt::format("督办事项 {} 的督查活动{}未载明督查方式（现场检查、听取汇报、明察暗访、文电督办） / no method",
                             s.id, a.id.empty() ? "" : " " + a.id));
}

// rules.md DB-4: a matter from a leader's 批示 is done and reported by its deadline.
void check_instruction(Context& ctx, const SupervisionItem& s) {
  if (s.source != model::SupervisionSource::kInstruction) return;
  if (s.result.empty() || !s.result_date)
    ctx.report_unless_pending("DB-4", s.deadline, s.location, s.id, s.committee,
                              fmt::format("领导批示事项 {} 没有报告办理结果 / no result reported", s.id));
  else if (s.deadline && *s.result_date > *s.deadline)
    ctx.report("DB-4", s.location, s.id, s.committee,
               fmt::format("领导批示事项 {} 于 {} 报告结果，晚于时限 {} / result after the deadline", s.id,
                           show(s.result_date), show(s.deadline)));
  else if (!s.deadline)
    ctx.report("DB-4", s.location, s.id, s.committee,
               fmt::format("领导批示事项 {} 没有办理时限 / no deadline", s.id), core::Severity::kWarning);
}

// rules.md DB-5: two activities on the same unit/matter by different organisers within the window.
void check_duplicates(Context& ctx) {
  const long long window = ctx.param("db.duplicate-window.days");
  struct Act {
    core::Date date;
    std::string organiser;
    const SupervisionItem* item;
    const model::SupervisionActivity* act;
  };
  std::map<std::pair<std::string, std::string>, std::vector<Act>> by_target;  // (committee, target)
  for (const auto& s : ctx.records.supervision_items)
    for (const auto& a : s.activities) {
      const std::string& target = a.target.empty() ? s.target : a.target;
      if (target.empty() || !a.date) continue;
      by_target[{s.committee, target}].push_back({*a.date, a.organiser.empty() ? s.organiser : a.organiser, &s, &a});
    }
  for (auto& [key, acts] : by_target) {
    std::stable_sort(acts.begin(), acts.end(), [](const Act& x, const Act& y) { return x.date < y.date; });
    // Each activity is reported once, against the nearest earlier one by another organiser.
    for (std::size_t i = 1; i < acts.size(); ++i)
      for (std::size_t j = i; j-- > 0;) {
        if (core::days_between(acts[j].date, acts[i].date) > window) break;
        if (acts[j].organiser == acts[i].organiser) continue;
        const auto& later = acts[i];
        ctx.report("DB-5", later.act->location.line ? later.act->location : later.item->location, later.item->id,
                   key.first,
                   fmt::format("对“{}”的督查：{} 于 {} 与 {} 于 {} 相隔{}天（不超过{}天），建议协调合并 / duplicate "
                               "supervision",
                               key.second, later.organiser, core::format_date(later.date), acts[j].organiser,
                               core::format_date(acts[j].date), core::days_between(acts[j].date, later.date), window));
        break;
      }
  }
}

// rules.md DB-6: the feedback covers the five parts of the clause.
void check_feedback(Context& ctx, const SupervisionItem& s) {
  if (!s.feedback) {
    if (!s.result.empty())
      ctx.report("DB-6", s.location, s.id, s.committee,
                 fmt::format("督办事项 {} 有结果但没有督查反馈报告 / no feedback report", s.id));
    return;
  }
  const auto& f = *s.feedback;
  std::string missing;
  const auto need = [&](const std::string& part, const char* name) {
    if (part.empty()) missing += (missing.empty() ? "" : "、") + std::string(name);
  };
  need(f.measures, "贯彻实施的措施");
  need(f.experience, "经验和效果");
  need(f.reactions, "干部群众的反映、意见和要求");
  need(f.obstacles, "影响落实的主要问题");
  need(f.suggestions, "进一步加强落实的建议");
  if (!missing.empty())
    ctx.report("DB-6", f.location.line ? f.location : s.location, s.id, s.committee,
               fmt::format("督办事项 {} 的反馈报告缺少：{} / feedback report incomplete", s.id, missing));
}

}  // namespace

void check_db(Context& ctx) {
  check_decisions(ctx);
  for (const auto& s : ctx.records.supervision_items) {
    check_methods(ctx, s);
    check_instruction(ctx, s);
    check_feedback(ctx, s);
  }
  check_duplicates(ctx);
}

}  // namespace wenshu::rules

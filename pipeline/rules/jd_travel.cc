// 监督制度 第（四）条 (rules.md JD-4.1..JD-4.3): going abroad, trips and leave, half-year summaries.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "model/record_facts.h"

#include "rules/context.h"

namespace wenshu::rules {
namespace {

using model::ApproverRole;
using model::TravelLeave;

/// The approval of `role` (by `expected` when the right person is known), or nullptr.
const model::Approval* approval(const TravelLeave& t, ApproverRole role, const model::Member* expected) {
  for (const auto& a : t.approvals)
    if (a.role == role && (expected == nullptr || a.approver == expected->person)) return &a;
  return nullptr;
}

/// The committee of `id`'s superior (the city), or nullptr.
const model::Committee* parent_of(const model::Records& r, const std::string& committee) {
  const auto* c = r.find_committee(committee);
  return c != nullptr && !c->parent.empty() ? r.find_committee(c->parent) : nullptr;
}

// rules.md JD-4.1: 出国(境) — consent of the principal leader (county secretary: the city's) first.
void check_abroad(Context& ctx) {
  for (const auto& t : ctx.records.trips_abroad) {
    const auto* c = ctx.records.find_committee(t.committee);
    // Who holds which post on the day: the consent's date, else the trip's start.
    const core::Date day = t.consent_date ? *t.consent_date : t.start ? *t.start : ctx.as_of;
    const auto* m = ctx.records.member_on(t.committee, t.person, day);
    const bool county_secretary = c != nullptr && c->level == model::CommitteeLevel::kCounty && m && m->principal;
    if (m && m->principal && !county_secretary) continue;  // the city's principal leader reports upward
    const model::Member* expected =
        county_secretary ? (c->parent.empty() ? nullptr : ctx.records.principal_on(c->parent, day))
                         : ctx.records.principal_on(t.committee, day);
    const std::string who = ctx.who(t.committee, t.person);
    const char* need = county_secretary ? "市委主要负责同志" : "主要负责同志";
    if (t.consent_by.empty() || !t.consent_date) {
      ctx.report("JD-4.1", t.location, t.id, t.committee,
                 fmt::format("{} {}出国(境) {} 没有{}同意的记录（同意人和日期） / no consent recorded", who,
                             model::term(t.purpose), t.id, need));
      continue;
    }
    if (expected != nullptr && t.consent_by != expected->person)
      ctx.report("JD-4.1", t.location, t.id, t.committee,
                 fmt::format("{} 出国(境) {} 应经{} {} 同意，记录为 {} / consent by the wrong person", who, t.id, need,
                             ctx.who(expected->committee, expected->person), ctx.who(t.committee, t.consent_by)));
    if (t.review_date && *t.consent_date > *t.review_date)
      ctx.report("JD-4.1", t.location, t.id, t.committee,
                 fmt::format("{} 出国(境) {} 的政审（{}）早于同意日期 {} / political review before consent", who, t.id,
                             show(t.review_date), show(t.consent_date)));
    if (t.passport_date && *t.consent_date > *t.passport_date)
      ctx.report("JD-4.1", t.location, t.id, t.committee,
                 fmt::format("{} 出国(境) {} 的出国(境)手续（{}）早于同意日期 {} / passport steps before consent", who, t.id,
                             show(t.passport_date), show(t.consent_date)));
  }
}

// rules.md JD-4.2: 外出一般提前3天报告 (一般 → warning).
void check_notice(Context& ctx, const TravelLeave& t, const std::string& who) {
  const long long notice = ctx.param("jd.travel.notice-days");
  if (!t.reported)
    ctx.report("JD-4.2", t.location, t.id, t.committee,
               fmt::format("{} 的{} {} 没有事前报告的记录 / not reported beforehand", who, model::term(t.kind), t.id),
               core::Severity::kWarning);
  else if (t.start && core::days_between(*t.reported, *t.start) < notice)
    ctx.report("JD-4.2", t.location, t.id, t.committee,
               fmt::format("{} 的{} {} 于 {} 报告，距开始日期 {} 不足{}天 / reported less than {} days ahead", who,
                           model::term(t.kind), t.id, show(t.reported), show(t.start), notice, notice),
               core::Severity::kWarning);
}

/// "" when `t` has an approval of `role` by `expected` (by anyone when unknown); else what is
/// missing, naming the wrong approver when the approval is there but given by someone else.
std::string approval_fault(Context& ctx, const TravelLeave& t, ApproverRole role, const model::Member* expected,
                           const char* need) {
  const model::Approval* other = nullptr;
  for (const auto& a : t.approvals) {
    if (a.role != role) continue;
    if (expected == nullptr || a.approver == expected->person) return "";
    if (other == nullptr) other = &a;
  }
  if (other == nullptr) return std::string(need) + "的审批";
  return fmt::format("{}的审批（审批人为 {}，而{}是 {}）", need, ctx.who(t.committee, other->approver), need,
                     ctx.who(expected->committee, expected->person));
}

/// The approvals a county member's leave of `days` days lacks (tiers of JD-4.2).
void county_member_faults(Context& ctx, const TravelLeave& t, const model::Committee& c, const core::Date& day,
                          int days, std::vector<std::string>& missing, bool& need_filing) {
  const long long tier1 = ctx.param("jd.leave.tier1-max-days"), tier2 = ctx.param("jd.leave.tier2-max-days");
  const model::Member* secretary = ctx.records.principal_on(c.id, day);
  const auto fault = approval_fault(ctx, t, ApproverRole::kCountyPrincipal, secretary, "县区委主要负责同志");
  if (!fault.empty()) missing.push_back(fault);
  const auto* county = approval(t, ApproverRole::kCountyPrincipal, secretary);
  need_filing = days > tier1;  // 请假7天以内 … 报市委组织部备案; 8天以上 … 并报市委组织部备案
  if (days <= tier2) return;
  // 8天以上经县区委主要负责同志同意后，由市委分管领导审批.
  const auto* city = approval(t, ApproverRole::kCityInCharge, nullptr);
  if (city == nullptr)
    missing.push_back("市委分管领导的审批");
  else if (county && county->date && city->date && *city->date < *county->date)
    missing.push_back("市委分管领导在县区委主要负责同志同意之后的审批");
  else if (const auto* p = parent_of(ctx.records, c.id);
           p && !city->approver.empty() && !ctx.records.member_on(p->id, city->approver, day))
    missing.push_back("市委领导（审批人 " + ctx.who(t.committee, city->approver) + " 不是市委领导班子成员）的审批");
}

// rules.md JD-4.2: private leave approved by the right person, by its length computed from the
// dates (a stated length that disagrees is a warning).
void check_leave(Context& ctx, const TravelLeave& t) {
  const std::string who = ctx.who(t.committee, t.person);
  check_notice(ctx, t, who);
  const model::LeaveLength length = model::leave_length(t);
  if (length.disagrees)
    ctx.report("JD-4.2", t.location, t.id, t.committee,
               fmt::format("{} {} 写明{}天，但起止日期 {} 至 {} 共{}天；按{}天审核 / stated days disagree with the dates",
                           model::term(t.kind), t.id, t.days, show(t.start), show(t.end), length.days, length.days),
               core::Severity::kWarning);
  if (t.kind != model::TravelKind::kPrivateLeave) return;
  const auto* c = ctx.records.find_committee(t.committee);
  const core::Date day = t.start ? *t.start : t.reported ? *t.reported : ctx.as_of;
  const auto* m = c ? ctx.records.member_on(t.committee, t.person, day) : nullptr;
  if (c == nullptr || m == nullptr) return;  // dangling references are reported by the reader
  std::vector<std::string> missing;
  bool need_filing = false;
  if (c->level == model::CommitteeLevel::kCity) {
    if (m->principal) return;  // the city's principal leader asks the province: out of scope
    const auto fault =
        approval_fault(ctx, t, ApproverRole::kCityPrincipal, ctx.records.principal_on(c->id, day), "市委主要负责同志");
    if (!fault.empty()) missing.push_back(fault);
  } else if (m->principal) {
    // 县区委主要负责同志因私外出向市委主要负责同志请假，报市委组织部备案.
    const model::Member* city = c->parent.empty() ? nullptr : ctx.records.principal_on(c->parent, day);
    const auto fault = approval_fault(ctx, t, ApproverRole::kCityPrincipal, city, "市委主要负责同志");
    if (!fault.empty()) missing.push_back(fault);
    need_filing = true;
  } else if (length.days <= 0) {
    ctx.report("JD-4.2", t.location, t.id, t.committee,
               fmt::format("{} 的请假 {} 没有天数或起止日期，无法确定审批层级 / leave without length", who, t.id));
    return;
  } else {
    county_member_faults(ctx, t, *c, day, length.days, missing, need_filing);
  }
  if (need_filing && !t.filed) missing.push_back("报市委组织部备案");
  if (missing.empty()) return;
  std::string list;
  for (std::size_t i = 0; i < missing.size(); ++i) list += (i ? "、" : "") + missing[i];
  ctx.report("JD-4.2", t.location, t.id, t.committee,
             fmt::format("{} 因私请假 {}（{}天）缺少{} / leave lacks the required approval or filing", who, t.id,
                         length.days, list));
}

// rules.md JD-4.3: the unified form carries reason, dates and the approver's comment.
void check_form(Context& ctx, const TravelLeave& t) {
  std::vector<std::string> faults;
  if (!t.unified_form) faults.push_back("未使用统一格式的报告单或请假条");
  if (t.reason.empty()) faults.push_back("未注明外出理由");
  if (!t.start || !t.end) faults.push_back("未注明起止时间");
  for (const auto& a : t.approvals)
    if (a.comment.empty()) {
      faults.push_back("审批者 " + ctx.who(t.committee, a.approver) + " 未签注意见");
      break;
    }
  if (faults.empty()) return;
  std::string list;
  for (std::size_t i = 0; i < faults.size(); ++i) list += (i ? "；" : "") + faults[i];
  ctx.report("JD-4.3", t.location, t.id, t.committee,
             fmt::format("{} {}：{} / form incomplete", model::term(t.kind), t.id, list));
}

// rules.md JD-4.3: a county committee's half-year summary exists and agrees with the records.
void check_summaries(Context& ctx, const model::Committee& c, int year) {
  const long long need = ctx.param("jd.travel-summary.per-half");
  for (int half = 1; half <= 2; ++half) {
    std::set<std::string> actual;
    long long trips = 0, leaves = 0;
    for (const auto* t : ctx.of<model::TravelLeave>(c.id)) {
      if (!t->start || t->start->year != year || core::half_of(*t->start) != half) continue;
      actual.insert(t->id);
      (t->kind == model::TravelKind::kOfficialTrip ? trips : leaves) += 1;
    }
    long long sent = 0;
    for (const auto* sp : ctx.of<model::TravelSummary>(c.id)) {
      const auto& s = *sp;
      if (s.year != year || s.half != half) continue;
      if (!s.sent_to_org_dept) {
        ctx.report("JD-4.3", s.location, s.id, c.id,
                   fmt::format("外出请假汇总 {} 未报市委组织部 / summary not sent", s.id));
        continue;
      }
      ++sent;
      const std::set<std::string> listed(s.trips.begin(), s.trips.end());
      std::vector<std::string> absent, extra;
      std::set_difference(actual.begin(), actual.end(), listed.begin(), listed.end(), std::back_inserter(absent));
      std::set_difference(listed.begin(), listed.end(), actual.begin(), actual.end(), std::back_inserter(extra));
      std::string diff;
      for (const auto& id : absent) diff += (diff.empty() ? "漏列 " : "、") + id;
      for (std::size_t i = 0; i < extra.size(); ++i) diff += (i == 0 ? (diff.empty() ? "多列 " : "；多列 ") : "、") + extra[i];
      if (s.trip_count >= 0 && s.trip_count != trips)
        diff += fmt::format("{}因公外出记为{}次，记录为{}次", diff.empty() ? "" : "；", s.trip_count, trips);
      if (s.leave_count >= 0 && s.leave_count != leaves)
        diff += fmt::format("{}因私请假记为{}次，记录为{}次", diff.empty() ? "" : "；", s.leave_count, leaves);
      if (!diff.empty())
        ctx.report("JD-4.3", s.location, s.id, c.id,
                   fmt::format("外出请假汇总 {} 与记录不一致：{} / summary disagrees with the records", s.id, diff));
    }
    // Due some days after the half-year ends (jd.travel-summary.due-days).
    const core::Date due = core::add_days(half == 1 ? core::Date{year, 6, 30} : core::Date{year, 12, 31},
                                          ctx.param("jd.travel-summary.due-days"));
    if (sent < need)
      ctx.report_unless_pending("JD-4.3", due, c.location, c.id, c.id,
                 fmt::format("{} {}年{}半年未向市委组织部汇总报告班子成员外出和请假情况 / no half-year summary",
                             c.short_name.empty() ? c.id : c.short_name, year, half == 1 ? "上" : "下"));
  }
}

}  // namespace

void check_jd_travel(Context& ctx) {
  check_abroad(ctx);
  for (const auto& t : ctx.records.travel_leaves) {
    check_leave(ctx, t);
    check_form(ctx, t);
  }
  for (const auto& c : ctx.records.committees)
    if (c.level == model::CommitteeLevel::kCounty) check_summaries(ctx, c, ctx.year_of(c));
}

}  // namespace wenshu::rules

// 监督制度 (rules.md JD-1, JD-2, JD-3, JD-5): 述职述廉 and 测评, 督察, 诫勉谈话, 函询, 民主生活会.
#include <algorithm>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "rules/context.h"

namespace wenshu::rules {
namespace {

std::string committee_name(const model::Committee& c) { return c.short_name.empty() ? c.id : c.short_name; }

bool evaluation_in_year(const model::Evaluation& e, int year) {
  return e.year != 0 ? e.year == year : in_year(e.date, year);
}

// rules.md JD-1a: every member of the team has a 述职述廉 and a 民主评议/民主测评 each year.
void check_duty_reports(Context& ctx, const model::Committee& c, int year) {
  std::set<std::string_view> reported, evaluated;
  for (const auto* d : ctx.of<model::DutyReport>(c.id))
    if (d->year != 0 ? d->year == year : in_year(d->date, year)) reported.insert(d->person);
  for (const auto* e : ctx.of<model::Evaluation>(c.id))
    if (evaluation_in_year(*e, year))
      for (const auto& v : e->votes) evaluated.insert(v.person);
  for (const auto* m : ctx.held_to_yearly_duties(c)) {
    if (!reported.count(m->person))
      ctx.report_unless_pending("JD-1a", ctx.year_end(c), m->location, m->id, c.id,
                                fmt::format("班子成员 {} {}年没有述职述廉记录 / no 述职述廉 this year",
                                            ctx.who(c.id, m->person), year));
    if (!evaluated.count(m->person))
      ctx.report_unless_pending("JD-1a", ctx.year_end(c), m->location, m->id, c.id,
                                fmt::format("班子成员 {} {}年没有民主评议或民主测评结果 / no democratic evaluation this year",
                                            ctx.who(c.id, m->person), year));
  }
}

/// Whether `votes` is strictly more than numerator/denominator of `valid` (integer arithmetic).
bool above(long long votes, long long valid, long long num, long long den) { return votes * den > valid * num; }

// rules.md JD-1b: 不称职 or 较差 votes > 1/3 of valid votes → 督察; its findings are acted on.
void check_poor_results(Context& ctx) {
  const long long num = ctx.param("jd.negative-vote.numerator"), den = ctx.param("jd.negative-vote.denominator");
  for (const auto& e : ctx.records.evaluations) {
    for (const auto& v : e.votes) {
      const auto& where = v.location.line ? v.location : e.location;
      const long long scale1 = v.competent + v.basically_competent + v.incompetent;
      const long long scale2 = v.good + v.fairly_good + v.average + v.poor;
      if (scale1 > v.valid || scale2 > v.valid) {
        ctx.report("JD-1b", where, e.id, e.committee,
                   fmt::format("民主测评 {} 中 {} 的票数之和超过有效票{}张 / votes exceed the valid votes", e.id,
                               ctx.who(e.committee, v.person), v.valid));
        continue;
      }
      if (v.valid <= 0 || v.person.empty()) continue;
      const bool incompetent = above(v.incompetent, v.valid, num, den);
      const bool poor = above(v.poor, v.valid, num, den);
      if (!incompetent && !poor) continue;
      const std::string what = incompetent ? fmt::format("“不称职”{}票", v.incompetent) : fmt::format("“较差”{}票", v.poor);
      const model::Inspection* found = nullptr;
      for (const auto& i : ctx.records.inspections)
        if (i.person == v.person && (i.evaluation == e.id || (i.evaluation.empty() && i.committee == e.committee)))
          found = &i;
      if (found == nullptr) {
        ctx.report("JD-1b", where, e.id, e.committee,
                   fmt::format("{} 在民主测评 {} 中{}，超过有效票{}张的{}/{}，但没有督察了解记录 / no follow-up inspection",
                               ctx.who(e.committee, v.person), e.id, what, v.valid, num, den));
        continue;
      }
      if (found->finding == model::InspectionFinding::kSeriousProblems && !found->proposal_to_city)
        ctx.report("JD-1b", found->location, found->id, found->committee,
                   fmt::format("督察 {} 发现突出问题，但没有向市委提出组织处理建议 / no proposal for organisational handling",
                               found->id));
      if (found->finding == model::InspectionFinding::kViolations && found->handed_to == model::HandedTo::kNone)
        ctx.report("JD-1b", found->location, found->id, found->committee,
                   fmt::format("督察 {} 发现违纪违法，但未移交纪检机关或司法机关 / violations not handed over", found->id));
    }
  }
}

// rules.md JD-2: 由纪检机关和组织部门进行诫勉谈话; uncorrected → 批评教育 or 组织处理.
void check_admonitions(Context& ctx) {
  for (const auto& a : ctx.records.admonitions) {
    const auto has = [&](model::SupervisoryBody b) {
      return std::find(a.conducted_by.begin(), a.conducted_by.end(), b) != a.conducted_by.end();
    };
    if (!has(model::SupervisoryBody::kDiscipline) || !has(model::SupervisoryBody::kOrganisation))
      ctx.report("JD-2", a.location, a.id, a.committee,
                 fmt::format("对 {} 的诫勉谈话 {} 应由纪检机关和组织部门共同进行，记录缺少{} / conducted by the wrong bodies",
                             ctx.who(a.committee, a.person), a.id,
                             !has(model::SupervisoryBody::kDiscipline) ? "纪检机关" : "组织部门"));
    if (a.corrected && !*a.corrected && a.follow_up == model::AdmonitionFollowUp::kNone)
      ctx.report("JD-2", a.location, a.id, a.committee,
                 fmt::format("{} 经诫勉谈话 {} 后未改正，但没有批评教育或组织处理的记录 / no follow-up measure",
                             ctx.who(a.committee, a.person), a.id));
  }
}

// rules.md JD-3: 函询 replies, follow-ups, handling, and team questions to the principal leader.
void check_inquiries(Context& ctx) {
  for (const auto& q : ctx.records.inquiries) {
    const std::string to = ctx.who(q.committee, q.person);
    if (!q.reply_date) {
      if (!q.organisational_handling)
        ctx.report_unless_pending(
            "JD-3", q.deadline, q.location, q.id, q.committee,
            fmt::format("函询 {}（致 {}）没有回复，也没有组织处理的记录 / no reply and no organisational handling", q.id,
                        to));
    } else if (q.deadline && *q.reply_date > *q.deadline) {
      ctx.report("JD-3", q.location, q.id, q.committee,
                 fmt::format("函询 {}（致 {}）于 {} 回复，晚于时限 {} / reply after the deadline", q.id, to,
                             show(q.reply_date), show(q.deadline)));
    }
    if (q.reply_date && q.reply_clear && !*q.reply_clear && q.follow_up_inquiry.empty() && q.other_inquiry.empty())
      ctx.report("JD-3", q.location, q.id, q.committee,
                 fmt::format("函询 {} 的回复未讲清楚，但没有再次函询或以其他方式了解 / unclear reply not followed up",
                             q.id));
    if (q.about_team) {
      const model::Member* principal =
          q.date ? ctx.records.principal_on(q.committee, *q.date) : ctx.records.principal_of(q.committee);
      const bool to_principal = principal != nullptr ? principal->person == q.person : q.to_principal;
      if (!to_principal)
        ctx.report("JD-3", q.location, q.id, q.committee,
                   fmt::format("函询 {} 反映领导班子集体行为，应向主要负责人{}函询，而非 {} / team question not addressed "
                               "to the principal leader",
                               q.id, principal ? " " + ctx.who(q.committee, principal->person) + " " : "", to));
    }
  }
}

/// Whether `person` is a member of committee `parent` (in office on `day` when known).
bool guides(const model::Records& r, const std::string& parent, const std::string& person,
            const std::optional<core::Date>& day) {
  const model::Member* m = day ? r.member_on(parent, person, *day) : r.member_by_person(parent, person);
  return m != nullptr && (!day || m->in_office(*day));
}

// rules.md JD-5: a 民主生活会 each year with theme and measures; a city leader guides a county's.
void check_democratic_life(Context& ctx, const model::Committee& c, int year) {
  const model::Meeting* held = nullptr;
  for (const auto* m : ctx.of<model::Meeting>(c.id))
    if (m->kind == model::MeetingKind::kDemocraticLife && in_year(m->date, year)) {
      held = m;
      if (!m->theme.empty() && !m->corrective_measures.empty()) break;
    }
  if (held == nullptr) {
    ctx.report_unless_pending("JD-5", ctx.year_end(c), c.location, c.id, c.id,
                              fmt::format("{} {}年没有召开领导班子民主生活会 / no democratic-life meeting this year",
                                          committee_name(c), year));
    return;
  }
  if (held->theme.empty())
    ctx.report("JD-5", held->location, held->id, c.id,
               fmt::format("民主生活会 {} 没有明确会议主题 / no theme", held->id));
  if (held->corrective_measures.empty())
    ctx.report("JD-5", held->location, held->id, c.id,
               fmt::format("民主生活会 {} 没有制定整改措施 / no corrective measures", held->id));
  if (c.level == model::CommitteeLevel::kCounty) {
    if (held->guiding_leader.empty() && held->guiding_leader_name.empty()) {
      ctx.report("JD-5", held->location, held->id, c.id,
                 fmt::format("县区委民主生活会 {} 没有市委领导到会指导的记录 / no guiding city leader", held->id));
    } else if (!held->guiding_leader.empty() && !c.parent.empty() &&
               !guides(ctx.records, c.parent, held->guiding_leader, held->date) &&
               ctx.records.find_committee(c.parent) != nullptr) {
      ctx.report("JD-5", held->location, held->id, c.id,
                 fmt::format("民主生活会 {} 的指导领导 {} 不是市委领导班子成员 / guiding leader is not a city leader",
                             held->id, ctx.who(c.parent, held->guiding_leader)));
    }
  }
}

}  // namespace

void check_jd(Context& ctx) {
  for (const auto& c : ctx.records.committees) {
    const int year = ctx.year_of(c);
    check_duty_reports(ctx, c, year);
    check_democratic_life(ctx, c, year);
  }
  check_poor_results(ctx);
  check_admonitions(ctx);
  check_inquiries(ctx);
}

}  // namespace wenshu::rules

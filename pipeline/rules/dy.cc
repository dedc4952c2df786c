// 调查研究制度 (rules.md DY): topics, reports, 蹲点, agenda research, department topics, adoption.
#include <string_view>

#include <fmt/format.h>

#include "rules/context.h"

namespace wenshu::rules {
namespace {

using model::Member;

/// A topic counts for the year by its `year`, else by its date.
bool topic_in_year(const model::ResearchTopic& t, int year) {
  return t.year != 0 ? t.year == year : in_year(t.date, year);
}

// rules.md DY-1a: 1–2 own topics per 常委 per year (0 → error, > max → warning).
void check_topics(Context& ctx, const model::Committee& c, const Member& m, int year) {
  long long n = 0;
  for (const auto* t : ctx.of<model::ResearchTopic>(c.id))
    if (t->owner == m.person && t->department.empty() && topic_in_year(*t, year)) ++n;
  const long long lo = ctx.param("dy.topics.min"), hi = ctx.param("dy.topics.max");
  if (n < lo)
    ctx.report_unless_pending("DY-1a", ctx.year_end(c), m.location, m.id, c.id,
                              fmt::format("常委 {} {}年确定调研专题{}个，应为{}-{}个 / too few research topics",
                                          ctx.who(c.id, m.person), year, n, lo, hi));
  else if (n > hi)
    ctx.report("DY-1a", m.location, m.id, c.id,
               fmt::format("常委 {} {}年确定调研专题{}个，多于{}个 / more research topics than the regulation asks",
                           ctx.who(c.id, m.person), year, n, hi),
               core::Severity::kWarning);
}

bool report_in_year(const model::ResearchReport& r, int year) { return in_year(r.date, year); }

// rules.md DY-1b: 1–2 reports written by the 常委 himself/herself, each with 情况、分析、建议.
void check_reports(Context& ctx, const model::Committee& c, const Member& m, int year) {
  long long own = 0;
  for (const auto* rp : ctx.of<model::ResearchReport>(c.id)) {
    const auto& r = *rp;
    if (r.author != m.person || !report_in_year(r, year)) continue;
    if (r.drafted_by.empty() || r.drafted_by == r.author)
      ++own;
    else
      ctx.report("DY-1b", r.location, r.id, c.id,
                 fmt::format("调研报告 {} 由 {} 代拟，不计为常委 {} 亲自撰写 / drafted by someone else", r.id,
                             ctx.who(c.id, r.drafted_by), ctx.who(c.id, m.person)),
                 core::Severity::kWarning);
  }
  const long long lo = ctx.param("dy.reports.min"), hi = ctx.param("dy.reports.max");
  if (own < lo)
    ctx.report_unless_pending("DY-1b", ctx.year_end(c), m.location, m.id, c.id,
                              fmt::format("常委 {} {}年亲自撰写调研报告{}篇，应为{}-{}篇 / too few research reports",
                                          ctx.who(c.id, m.person), year, own, lo, hi));
  else if (own > hi)
    ctx.report("DY-1b", m.location, m.id, c.id,
               fmt::format("常委 {} {}年亲自撰写调研报告{}篇，多于{}篇 / more reports than the regulation asks",
                           ctx.who(c.id, m.person), year, own, hi),
               core::Severity::kWarning);
}

// rules.md DY-1b: 有情况、有分析、有建议 — every report, whoever wrote it.
void check_report_parts(Context& ctx) {
  for (const auto& r : ctx.records.research_reports) {
    std::string missing;
    if (r.situation.empty()) missing += "情况";
    if (r.analysis.empty()) missing += missing.empty() ? "分析" : "、分析";
    if (r.suggestions.empty() && r.recommendations.empty()) missing += missing.empty() ? "建议" : "、建议";
    if (!missing.empty())
      ctx.report("DY-1b", r.location, r.id, r.committee,
                 fmt::format("调研报告 {} 缺少“{}”部分（应有情况、有分析、有建议） / report lacks parts", r.id, missing));
    if (!r.date)
      ctx.report("DY-1b", r.location, r.id, r.committee,
                 fmt::format("调研报告 {} 没有日期，无法计入年度 / report has no date", r.id));
  }
}

// rules.md DY-2: a 蹲点 at one accepted unit, with dates and findings.
void check_stays(Context& ctx, const model::Committee& c, const Member& m, int year) {
  long long good = 0;
  for (const auto* sp : ctx.of<model::FieldStay>(c.id)) {
    const auto& s = *sp;
    if (s.member != m.person) continue;
    if (!(in_year(s.start, year) || in_year(s.end, year) || (!s.start && !s.end))) continue;
    std::vector<std::string> faults;
    if (s.unit_kind == model::UnitKind::kOther) faults.push_back("蹲点单位不是乡(镇)、村、企业、社区或重大项目");
    if (s.unit_name.empty()) faults.push_back("未写明蹲点单位");
    if (!s.start || !s.end) faults.push_back("缺少起止日期");
    else if (*s.end < *s.start) faults.push_back("结束日期早于开始日期");
    if (s.findings.empty()) faults.push_back("没有调研发现");
    if (faults.empty()) {
      ++good;
      continue;
    }
    std::string msg = fmt::format("蹲点记录 {}：", s.id);
    for (std::size_t i = 0; i < faults.size(); ++i) msg += (i ? "；" : "") + faults[i];
    ctx.report("DY-2", s.location, s.id, c.id, msg + " / incomplete field stay");
  }
  const long long lo = ctx.param("dy.field-stays.min");
  if (good < lo)
    ctx.report_unless_pending("DY-2", ctx.year_end(c), m.location, m.id, c.id,
                              fmt::format("常委 {} {}年有效蹲点{}次，应至少{}次 / no field stay in the year",
                                          ctx.who(c.id, m.person), year, good, lo));
}

/// Date of a linked research record (report date, else the stay's end).
std::optional<core::Date> research_date(const model::Records& r, const std::string& id, bool& found) {
  if (const auto* rep = r.find_research_report(id)) {
    found = true;
    return rep->date;
  }
  if (const auto* s = r.find_field_stay(id)) {
    found = true;
    return s->end ? s->end : s->start;
  }
  found = false;
  return std::nullopt;
}

// rules.md DY-3: an agenda item needing research has ≥2 options and research dated before the meeting.
void check_agenda(Context& ctx) {
  const long long min_options = ctx.param("dy.options.min");
  for (const auto& a : ctx.records.agenda_items) {
    if (!a.needs_research) continue;
    if (static_cast<long long>(a.options.size()) < min_options)
      ctx.report("DY-3", a.location, a.id, a.committee,
                 fmt::format("议题 {} 需调研，但只提出{}个方案，应有{}个以上可供比较的意见和方案 / too few options", a.id,
                             a.options.size(), min_options));
    const model::Meeting* meeting = ctx.records.find_meeting(a.meeting);
    const std::optional<core::Date> meeting_date = meeting ? meeting->date : std::nullopt;
    bool before = false, any = false;
    for (const auto& id : a.research) {
      bool found = false;
      const auto d = research_date(ctx.records, id, found);
      if (!found) continue;  // dangling ids are reported by the reader
      any = true;
      if (d && (!meeting_date || *d < *meeting_date)) before = true;
    }
    if (!any)
      ctx.report("DY-3", a.location, a.id, a.committee,
                 fmt::format("议题 {} 需调研，但没有关联的调研记录 / no research linked", a.id));
    else if (!before)
      ctx.report("DY-3", a.location, a.id, a.committee,
                 fmt::format("议题 {} 关联的调研记录均不早于会议日期 {} / research not done before the meeting", a.id,
                             show(meeting_date)));
  }
}

/// A department's name as a portfolio or a topic may write it, reduced to what tells it apart:
/// spaces dropped, and the committee in front of it (中共, the committee's name or short name,
/// 市委/县委/区委) left out, so 县委组织部 = 临泽县委组织部 = 组织部.
std::string department_key(std::string_view name, const model::Committee* c) {
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    if (name[i] == ' ') {
      ++i;
    } else if (name.substr(i, 3) == "\u3000") {
      i += 3;
    } else {
      out += name[i++];
    }
  }
  std::vector<std::string> prefixes = {"中共"};
  if (c != nullptr) {
    if (!c->name.empty()) prefixes.push_back(c->name);
    if (!c->short_name.empty()) prefixes.push_back(c->short_name);
  }
  for (const char* p : {"市委", "县委", "区委", "县区委"}) prefixes.push_back(p);
  for (bool again = true; again;) {
    again = false;
    for (const auto& p : prefixes)
      if (out.size() > p.size() && out.rfind(p, 0) == 0) {
        out.erase(0, p.size());
        again = true;
      }
  }
  return out;
}

/// The 常委 of `t`'s committee whose portfolio holds its department (on the topic's date).
std::vector<const Member*> in_charge_of(Context& ctx, const model::ResearchTopic& t) {
  const auto* c = ctx.records.find_committee(t.committee);
  const std::string key = department_key(t.department, c);
  std::vector<const Member*> out;
  for (const auto* m : ctx.of<model::Member>(t.committee)) {
    if (!m->is_standing() || (t.date && !m->in_office(*t.date))) continue;
    for (const auto& p : m->portfolio)
      if (department_key(p, c) == key) {
        out.push_back(m);
        break;
      }
  }
  return out;
}

// rules.md DY-4: a department's topic is set by the 常委 whose portfolio holds the department.
void check_department_topics(Context& ctx) {
  for (const auto& t : ctx.records.research_topics) {
    if (t.department.empty()) continue;
    const auto members = in_charge_of(ctx, t);
    if (members.empty()) {
      ctx.report("DY-4", t.location, t.id, t.committee,
                 fmt::format("调研课题 {} 所属的“{}”不在任何常委的分管范围中，无法核对是否由分管常委确定 / "
                             "department not in any member's portfolio",
                             t.id, t.department),
                 std::nullopt, {"在分管该部门的常委的成员记录中写明 <portfolio>，名称与课题的 department 一致（可省略“县委”等前缀）"});
      continue;
    }
    bool set_by_one = false;
    for (const auto* m : members) set_by_one = set_by_one || t.set_by == m->person;
    if (set_by_one) continue;
    std::string names;
    for (const auto* m : members) names += (names.empty() ? "" : "、") + ctx.who(t.committee, m->person);
    ctx.report("DY-4", t.location, t.id, t.committee,
               fmt::format("{}的调研课题 {} 应由分管常委 {} 亲自确定，记录为 {} / topic not set by the member in charge",
                           t.department, t.id, names, ctx.who(t.committee, t.set_by)));
  }
}

// rules.md DY-6: every recommendation has an adoption status; the adoption rate is a statistic.
void check_adoption(Context& ctx) {
  for (const auto& c : ctx.records.committees) {
    const int year = ctx.year_of(c);
    long long total = 0, adopted = 0;
    for (const auto* rp : ctx.of<model::ResearchReport>(c.id)) {
      const auto& r = *rp;
      if (!report_in_year(r, year)) continue;
      for (const auto& rec : r.recommendations) {
        ++total;
        if (!rec.adoption) {
          ctx.report_unless_pending("DY-6", ctx.year_end(c), rec.location.line ? rec.location : r.location, r.id, c.id,
                                    fmt::format("调研报告 {} 的建议“{}”年底未标明采纳情况 / recommendation without "
                                                "adoption status",
                                                r.id, rec.text));
          continue;
        }
        if (*rec.adoption == model::Adoption::kAdopted || *rec.adoption == model::Adoption::kPartly) ++adopted;
      }
    }
    ctx.stat("DY-6", c.id, "调研建议采纳率（采纳+部分采纳）", adopted, total);
  }
}

}  // namespace

void check_dy(Context& ctx) {
  for (const auto& c : ctx.records.committees) {
    const int year = ctx.year_of(c);
    for (const auto* m : ctx.held_to_yearly_duties(c)) {
      check_topics(ctx, c, *m, year);
      check_reports(ctx, c, *m, year);
      check_stays(ctx, c, *m, year);
    }
  }
  check_report_parts(ctx);
  check_agenda(ctx);
  check_department_topics(ctx);
  check_adoption(ctx);
}

}  // namespace wenshu::rules

// The info rules (rules.md: 必要时, a method, attitude or style): not enforced, but wherever the
// records hold something they speak of, an observation (severity info) goes into the findings,
// so the summary and the annual report show it. ZX-6, JD-6 and DB-1 have nothing in the records
// to observe: the catalogue says why (RuleInfo::not_checkable).
#include <fmt/format.h>

#include "rules/context.h"

namespace wenshu::rules {
namespace {

std::string name_of(const model::Committee& c) { return c.short_name.empty() ? c.id : c.short_name; }

// rules.md DY-5 (改进调查研究作风): how long the 常委 stayed at the grassroots.
void observe_field_stays(Context& ctx, const model::Committee& c, int year) {
  long long stays = 0, days = 0;
  for (const auto* s : ctx.of<model::FieldStay>(c.id)) {
    if (!s->start || !s->end || s->start->year != year || *s->end < *s->start) continue;
    ++stays;
    days += core::days_between(*s->start, *s->end) + 1;
  }
  const long long people = static_cast<long long>(ctx.held_to_yearly_duties(c).size());
  ctx.observe("DY-5", c.location, c.id,
              fmt::format("{}{}年常委蹲点{}次，合计{}天{} / field stays of the members", name_of(c), year, stays, days,
                          people > 0 ? fmt::format("，人均{}.{}天", days / people, days * 10 / people % 10) : ""));
}

// rules.md BG-3 (常委向常委会报告分管领域重大事项): the agenda items 常委 brought to the 常委会.
void observe_agenda(Context& ctx, const model::Committee& c, int year) {
  long long items = 0;
  for (const auto* a : ctx.of<model::AgendaItem>(c.id)) {
    const auto* m = ctx.records.find_meeting(a->meeting);
    if (m != nullptr && !in_year(m->date, year)) continue;
    const auto* who = ctx.records.member_by_person(c.id, a->proposer);
    if (who != nullptr && who->is_standing()) ++items;
  }
  ctx.observe("BG-3", c.location, c.id,
              fmt::format("{}{}年常委向常委会提出议题{}项 / agenda items brought by the members", name_of(c), year,
                          items));
}

// rules.md BG-4 (执行决策中发现的重大新情况及时报告) and DB-7 (督查部门组织协调): what the
// supervision of decisions found and how much of it there was.
void observe_supervision(Context& ctx, const model::Committee& c, int year) {
  long long obstacles = 0, activities = 0;
  for (const auto* s : ctx.of<model::SupervisionItem>(c.id)) {
    if (s->feedback && !s->feedback->obstacles.empty() && (!s->feedback->date || s->feedback->date->year == year))
      ++obstacles;
    for (const auto& a : s->activities) activities += in_year(a.date, year) ? 1 : 0;
  }
  ctx.observe("BG-4", c.location, c.id,
              fmt::format("{}{}年督查反馈报告中反映执行决策遇到的主要问题{}项 / problems found while carrying out "
                          "decisions",
                          name_of(c), year, obstacles));
  ctx.observe("DB-7", c.location, c.id,
              fmt::format("{}{}年开展督查活动{}次 / supervision activities", name_of(c), year, activities));
}

}  // namespace

void observe_info_rules(Context& ctx) {
  for (const auto& c : ctx.records.committees) {
    const int year = ctx.year_of(c);
    observe_field_stays(ctx, c, year);
    observe_agenda(ctx, c, year);
    observe_supervision(ctx, c, year);
  }
}

}  // namespace wenshu::rules

// 定期报告制度 (rules.md BG): 专题报告, emergencies, party-group reports, mid-year/year-end reports.
#include <algorithm>

#include <fmt/format.h>

#include "rules/context.h"

namespace wenshu::rules {
namespace {

// rules.md BG-1: a directive needing a report gets a 专题报告 by its deadline (or the default).
void check_directives(Context& ctx) {
  const long long default_days = ctx.param("bg.topical-report.default-days");
  for (const auto& d : ctx.records.directives) {
    if (!d.needs_report) continue;
    std::optional<core::Date> due = d.deadline;
    if (!due && d.date) due = core::add_days(*d.date, default_days);
    std::optional<core::Date> first;
    for (const auto& r : ctx.records.topical_reports)
      if (r.directive == d.id && r.date && (!first || *r.date < *first)) first = r.date;
    if (!due) {
      ctx.report("BG-1", d.location, d.id, d.committee,
                 fmt::format("上级指示 {} 既无日期也无时限，无法核对专题报告 / directive without date or deadline", d.id));
    } else if (!first) {
      ctx.report_unless_pending("BG-1", due, d.location, d.id, d.committee,
                                fmt::format("上级指示 {} 要求报告，但没有专题报告（时限 {}） / no topical report", d.id,
                                            core::format_date(*due)));
    } else if (*first > *due) {
      ctx.report("BG-1", d.location, d.id, d.committee,
                 fmt::format("上级指示 {} 的专题报告 {} 晚于时限 {} / topical report late", d.id, show(first),
                             core::format_date(*due)));
    }
  }
}

// rules.md BG-2: 在2小时内向上级党委进行报告, counted from the time it became known when recorded.
void check_emergencies(Context& ctx) {
  const long long limit = ctx.param("bg.emergency.deadline-minutes");
  for (const auto& e : ctx.records.emergencies) {
    const auto start = e.known ? e.known : e.occurred;
    if (!start) {
      ctx.report("BG-2", e.location, e.id, e.committee,
                 fmt::format("突发公共事件 {} 未记录发生时间 / no time of occurrence", e.id));
      continue;
    }
    if (!e.reported) {
      ctx.report("BG-2", e.location, e.id, e.committee,
                 fmt::format("突发公共事件 {} 没有向上级党委报告的记录 / not reported", e.id));
      continue;
    }
    const long long minutes = core::to_minutes(*e.reported) - core::to_minutes(*start);
    const char* from = e.known ? "获知" : "发生";
    if (minutes < 0)
      ctx.report("BG-2", e.location, e.id, e.committee,
                 fmt::format("突发公共事件 {} 的报告时间 {} 早于{}时间 {} / report before the event",
                             e.id, core::format_datetime(*e.reported), from, core::format_datetime(*start)));
    else if (minutes > limit)
      ctx.report("BG-2", e.location, e.id, e.committee,
                 fmt::format("突发公共事件 {} 于{}后{}小时{}分报告，超过{}分钟时限 / reported after {} min", e.id, from,
                             minutes / 60, minutes % 60, limit, minutes));
  }
}

// rules.md BG-5: each party group reports at least once per quarter.
void check_party_groups(Context& ctx) {
  const long long need = ctx.param("bg.party-group.per-quarter");
  for (const auto& c : ctx.records.committees) {
    const int year = ctx.year_of(c);
    for (const auto& t : model::terms<model::PartyGroup>()) {
      long long counts[5] = {0, 0, 0, 0, 0};
      for (const auto* rp : ctx.of<model::PartyGroupReport>(c.id)) {
        const auto& r = *rp;
        if (r.group != t.value) continue;
        int q = 0;
        if (r.date) {
          if (r.date->year != year) continue;
          q = core::quarter_of(*r.date);
          if (r.quarter != 0 && r.quarter != q)
            ctx.report("BG-5", r.location, r.id, c.id,
                       fmt::format("{}报告 {} 标为第{}季度，但日期 {} 属第{}季度 / quarter disagrees with date", t.text,
                                   r.id, r.quarter, show(r.date), q));
        } else {
          q = r.quarter;
        }
        if (q >= 1 && q <= 4) ++counts[q];
      }
      for (int q = 1; q <= 4; ++q)
        if (counts[q] < need)
          ctx.report_unless_pending(
              "BG-5", core::Date{year, q * 3, core::days_in_month(year, q * 3)}, c.location, c.id, c.id,
              fmt::format("{}{}年第{}季度向常委会报告工作{}次，应至少{}次 / party group did not report this quarter",
                          t.text, year, q, counts[q], need));
    }
  }
}

/// The date of `md` in `year`, clamped to the month's end (02-29 in a common year → 02-28).
core::Date on(int year, model::MonthDay md) {
  return core::Date{year, md.month, std::min(md.day, core::days_in_month(year, md.month))};
}

// rules.md BG-6: mid-year and year-end written reports, inside their windows.
void check_work_points(Context& ctx) {
  struct Window {
    model::WorkPointReportKind kind;
    const char* from;
    const char* to;
  };
  static constexpr Window kWindows[] = {
      {model::WorkPointReportKind::kMidYear, "bg.mid-year.from", "bg.mid-year.to"},
      {model::WorkPointReportKind::kYearEnd, "bg.year-end.from", "bg.year-end.to"},
  };
  for (const auto& c : ctx.records.committees) {
    const int year = ctx.year_of(c);
    for (const auto& w : kWindows) {
      const auto f = ctx.profile.get_month_day(w.from), t = ctx.profile.get_month_day(w.to);
      const core::Date from = on(year, f);
      const core::Date to = on(t < f ? year + 1 : year, t);  // a window may run into the next year
      bool ok = false;
      const model::WorkPointReport* outside = nullptr;
      for (const auto& r : ctx.records.work_point_reports) {
        if (r.committee != c.id || r.kind != w.kind) continue;
        if (r.year != 0 ? r.year != year : !in_range(r.date, core::Date{year, 1, 1}, to)) continue;
        if (!r.written) {
          ctx.report("BG-6", r.location, r.id, c.id,
                     fmt::format("{}报告 {} 不是书面形式 / report not in writing", model::term(w.kind), r.id));
          continue;
        }
        if (in_range(r.date, from, to))
          ok = true;
        else if (outside == nullptr)
          outside = &r;
      }
      if (ok) continue;
      if (outside != nullptr)
        ctx.report("BG-6", outside->location, outside->id, c.id,
                   fmt::format("{}年{}书面报告 {} 日期 {} 不在 {} 至 {} 之间 / report outside its window", year,
                               model::term(w.kind), outside->id, show(outside->date), core::format_date(from),
                               core::format_date(to)));
      else
        ctx.report_unless_pending("BG-6", to, c.location, c.id, c.id,
                                  fmt::format("{} {}年没有贯彻上级年度工作要点的{}书面报告（{} 至 {}） / report missing",
                                              c.short_name.empty() ? c.id : c.short_name, year, model::term(w.kind),
                                              core::format_date(from), core::format_date(to)));
    }
  }
}

}  // namespace

void check_bg(Context& ctx) {
  check_directives(ctx);
  check_emergencies(ctx);
  check_party_groups(ctx);
  check_work_points(ctx);
}

}  // namespace wenshu::rules

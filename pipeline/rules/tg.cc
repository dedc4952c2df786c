// 通报沟通制度 (rules.md TG): meeting frequencies, 列席 and attendance figures, publication.
#include <fmt/format.h>

#include "rules/context.h"

namespace wenshu::rules {
namespace {

using model::Meeting;
using model::MeetingKind;

std::string committee_name(const model::Committee& c) { return c.short_name.empty() ? c.id : c.short_name; }

// rules.md TG-1: 常委会原则上每半年向全委会报告一次工作.
void check_plenary(Context& ctx, const model::Committee& c, int year) {
  const long long need = ctx.param("tg.plenary-report.per-half");
  long long counts[3] = {0, 0, 0};
  for (const auto* mp : ctx.of<model::Meeting>(c.id))
    if (const auto& m = *mp; m.kind == MeetingKind::kPlenary && m.standing_committee_report && in_year(m.date, year))
      ++counts[core::half_of(*m.date)];
  for (int h = 1; h <= 2; ++h)
    if (counts[h] < need)
      ctx.report_unless_pending("TG-1", core::Date{year, h * 6, h == 1 ? 30 : 31}, c.location, c.id, c.id,
                 fmt::format("{} {}年{}半年常委会向全委会报告工作{}次，应至少{}次 / no report to the plenary",
                             committee_name(c), year, h == 1 ? "上" : "下", counts[h], need));
}

// rules.md TG-2: 常委会每月召开一次例会，听取常委分管工作的汇报.
void check_regular(Context& ctx, const model::Committee& c, int year) {
  const long long need = ctx.param("tg.regular-meeting.per-month");
  long long counts[13] = {}, without_reports[13] = {};
  for (const auto* mp : ctx.of<model::Meeting>(c.id)) {
    const auto& m = *mp;
    if (m.kind != MeetingKind::kRegular || !in_year(m.date, year)) continue;
    if (m.hears_work_reports)
      ++counts[m.date->month];
    else
      ++without_reports[m.date->month];
  }
  for (int month = 1; month <= 12; ++month)
    if (counts[month] < need)
      ctx.report_unless_pending("TG-2", core::Date{year, month, core::days_in_month(year, month)}, c.location, c.id, c.id,
                 fmt::format("{} {}-{:02} 听取常委分管工作汇报的常委会例会{}次，应至少{}次{} / no regular meeting this month",
                             committee_name(c), year, month, counts[month], need,
                             without_reports[month] ? fmt::format("（另有{}次例会未听取汇报）", without_reports[month])
                                                    : ""));
}

// rules.md TG-3: 原则上每半月召开一次常委碰头会 — days 1..15 and 16..end.
void check_briefings(Context& ctx, const model::Committee& c, int year) {
  const long long need = ctx.param("tg.briefing.per-half-month");
  const long long split = ctx.param("tg.briefing.first-half-last-day");
  long long counts[13][2] = {};
  for (const auto* mp : ctx.of<model::Meeting>(c.id))
    if (const auto& m = *mp; m.kind == MeetingKind::kBriefing && in_year(m.date, year))
      ++counts[m.date->month][m.date->day <= split ? 0 : 1];
  for (int month = 1; month <= 12; ++month)
    for (int half = 0; half < 2; ++half)
      if (counts[month][half] < need)
        ctx.report_unless_pending(
            "TG-3",
            core::Date{year, month, half == 0 ? static_cast<int>(split) : core::days_in_month(year, month)},
            c.location, c.id, c.id,
                   fmt::format("{} {}-{:02} {}（{}日）常委碰头会{}次，应至少{}次 / no briefing in this half-month",
                               committee_name(c), year, month, half == 0 ? "上半月" : "下半月",
                               half == 0 ? fmt::format("1-{}", split)
                                         : fmt::format("{}-{}", split + 1, core::days_in_month(year, month)),
                               counts[month][half], need));
}

bool is_standing_meeting(MeetingKind k) {
  return k == MeetingKind::kRegular || k == MeetingKind::kStanding || k == MeetingKind::kBriefing;
}

// rules.md TG-4, TG-5, TG-6: figures only; attendance of every meeting as well.
void statistics(Context& ctx, const model::Committee& c, int year) {
  long long key_items = 0;
  key_items = static_cast<long long>(ctx.of<model::KeyWorkItem>(c.id).size());
  ctx.stat("TG-4", c.id, "重点工作、重大活动安排条目", key_items);
  long long notices = 0;
  for (const auto* n : ctx.of<model::Notification>(c.id))
    if (!n->date || n->date->year == year) ++notices;
  ctx.stat("TG-5", c.id, "向民主党派等通报情况次数", notices);
  long long standing = 0, with_observers = 0, present = 0, expected = 0;
  long long by_org[5] = {};
  for (const auto* mp : ctx.of<model::Meeting>(c.id)) {
    const auto& m = *mp;
    if (!in_year(m.date, year)) continue;
    present += static_cast<long long>(m.attendees.size());
    expected += static_cast<long long>(m.attendees.size() + m.absentees.size());
    if (!is_standing_meeting(m.kind)) continue;
    ++standing;
    bool any = false;
    for (const auto& o : m.observers) {
      ++by_org[static_cast<int>(o.organisation)];
      any = any || o.organisation == model::ObserverOrg::kCongress ||
            o.organisation == model::ObserverOrg::kGovernment || o.organisation == model::ObserverOrg::kConsultative;
    }
    if (any) ++with_observers;
  }
  ctx.stat("TG-6", c.id, "有人大、政府、政协领导列席的常委会议", with_observers, standing);
  for (const auto& t : model::terms<model::ObserverOrg>())
    if (by_org[static_cast<int>(t.value)] > 0)
      ctx.stat("TG-6", c.id, std::string("列席人次：") + t.text, by_org[static_cast<int>(t.value)]);
  ctx.stat("TG-6", c.id, "会议出席率（出席/应出席）", present, expected);
}

// rules.md TG-7: resolutions and documents are published, or marked not for release with a reason.
void check_publication(Context& ctx) {
  for (const auto& r : ctx.records.resolutions) {
    if (r.not_for_release) {
      if (r.not_for_release_reason.empty())
        ctx.report("TG-7", r.location, r.id, r.committee,
                   fmt::format("决议（文件）{} 标为不公开，但未注明理由 / not for release without a reason", r.id));
      continue;
    }
    if (r.publications.empty()) {
      ctx.report("TG-7", r.location, r.id, r.committee,
                 fmt::format("决议（文件）{} 通过后未在党内通报或通过新闻媒体公布 / not published", r.id));
      continue;
    }
    for (const auto& p : r.publications)
      if (p.date && r.date && *p.date < *r.date)
        ctx.report("TG-7", r.location, r.id, r.committee,
                   fmt::format("决议（文件）{} 的公布日期 {} 早于通过日期 {} / published before it was passed", r.id,
                               show(p.date), show(r.date)));
  }
}

}  // namespace

void check_tg(Context& ctx) {
  for (const auto& c : ctx.records.committees) {
    const int year = ctx.year_of(c);
    check_plenary(ctx, c, year);
    check_regular(ctx, c, year);
    check_briefings(ctx, c, year);
    statistics(ctx, c, year);
  }
  check_publication(ctx);
}

}  // namespace wenshu::rules

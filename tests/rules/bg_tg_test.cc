// 定期报告制度 and 通报沟通制度 rules: the 2-hour limit, quarters, report windows, meeting
// frequencies and the half-month boundary.
#include "rules_fixture.h"

using namespace wenshu;
using namespace wenshu::test;

namespace {

model::Emergency emergency(core::DateTime occurred, core::DateTime reported) {
  model::Emergency e;
  e.id = "e1";
  e.committee = "gz";
  e.occurred = occurred;
  e.reported = reported;
  e.location = L("events.xml", 4);
  return e;
}

model::Meeting meeting(const std::string& id, model::MeetingKind kind, core::Date date) {
  model::Meeting m;
  m.id = id;
  m.committee = "gz";
  m.kind = kind;
  m.date = date;
  m.location = L("meetings.xml", 1);
  return m;
}

}  // namespace

TEST_CASE("BG-2: a report at 2 h 00 min is in time, at 2 h 01 min it is late") {
  auto r = county();
  r.emergencies = {emergency(DT(2009, 12, 31, 23, 0), DT(2010, 1, 1, 1, 0))};  // across midnight and year
  CHECK(run(r).count("BG-2") == 0);
  r.emergencies[0].reported = DT(2010, 1, 1, 1, 1);
  auto out = run(r);
  REQUIRE(out.count("BG-2", "e1") == 1);
  CHECK(out.of("BG-2", "e1")[0].severity == core::Severity::kError);
  CHECK(out.of("BG-2", "e1")[0].location.line == 4);
  // Counted from the time it became known, where recorded.
  r.emergencies[0].known = DT(2009, 12, 31, 23, 30);
  CHECK(run(r).count("BG-2") == 0);
  r.emergencies[0].reported.reset();
  CHECK(run(r).count("BG-2") == 1);
}

TEST_CASE("BG-2 limit comes from the profile") {
  auto r = county();
  r.emergencies = {emergency(DT(2009, 5, 1, 8, 0), DT(2009, 5, 1, 9, 30))};
  CHECK(run(r).count("BG-2") == 0);
  model::Profile p = shipped_profile();
  for (auto& param : p.params)
    if (param.name == "bg.emergency.deadline-minutes") param.int_value = 60;
  CHECK(run(r, p).count("BG-2") == 1);
}

TEST_CASE("BG-5: quarter ends — 03-31 is Q1, 04-01 is Q2") {
  auto r = county();
  auto report = [](const char* id, model::PartyGroup g, core::Date d) {
    model::PartyGroupReport x;
    x.id = id;
    x.committee = "gz";
    x.group = g;
    x.date = d;
    return x;
  };
  for (auto g : {model::PartyGroup::kCongress, model::PartyGroup::kGovernment, model::PartyGroup::kConsultative}) {
    r.party_group_reports.push_back(report("q1", g, D(2009, 3, 31)));
    r.party_group_reports.push_back(report("q2", g, D(2009, 4, 1)));
    r.party_group_reports.push_back(report("q3", g, D(2009, 9, 30)));
    r.party_group_reports.push_back(report("q4", g, D(2009, 12, 31)));
  }
  auto out = run(r);
  std::size_t gz = 0;
  for (const auto& d : out.of("BG-5")) gz += d.committee == "gz";
  CHECK(gz == 0);
  // Move the government group's Q2 report back to 03-31: Q2 is then empty.
  r.party_group_reports[5].date = D(2009, 3, 31);
  out = run(r);
  gz = 0;
  for (const auto& d : out.of("BG-5"))
    if (d.committee == "gz") {
      ++gz;
      CHECK(d.message.find("政府党组2009年第2季度") != std::string::npos);
      CHECK(d.severity == core::Severity::kWarning);
    }
  CHECK(gz == 1);
}

TEST_CASE("BG-6: mid-year window edges 05-31 / 06-01 / 07-31 / 08-01") {
  auto r = county();
  model::WorkPointReport mid;
  mid.id = "w1";
  mid.committee = "gz";
  mid.kind = model::WorkPointReportKind::kMidYear;
  mid.year = 2009;
  model::WorkPointReport end = mid;
  end.id = "w2";
  end.kind = model::WorkPointReportKind::kYearEnd;
  end.date = D(2010, 1, 31);  // last day of the year-end window, in the next year
  const auto bg6_gz = [](const Run& out) {
    std::size_t n = 0;
    for (const auto& d : out.of("BG-6")) n += d.committee == "gz";
    return n;
  };
  for (auto [date, ok] : {std::pair{D(2009, 5, 31), false}, {D(2009, 6, 1), true}, {D(2009, 7, 31), true},
                          {D(2009, 8, 1), false}}) {
    mid.date = date;
    r.work_point_reports = {mid, end};
    auto out = run(r);
    INFO(core::format_date(date) << "\n" << out.dump());
    CHECK(bg6_gz(out) == (ok ? 0u : 1u));
    if (!ok) CHECK(out.count("BG-6", "w1") == 1);
  }
  end.date = D(2010, 2, 1);
  mid.date = D(2009, 6, 1);
  r.work_point_reports = {mid, end};
  CHECK(run(r).count("BG-6", "w2") == 1);
  r.work_point_reports = {mid};
  CHECK(bg6_gz(run(r)) == 1);  // the year-end report is missing
}

TEST_CASE("BG-1: 专题报告 by the deadline or the local default of 30 days") {
  auto r = county();
  model::Directive d;
  d.id = "dir1";
  d.committee = "gz";
  d.needs_report = true;
  d.date = D(2009, 3, 1);
  r.directives = {d};
  model::TopicalReport t;
  t.id = "tr1";
  t.committee = "gz";
  t.directive = "dir1";
  t.date = D(2009, 3, 31);  // day 30
  r.topical_reports = {t};
  CHECK(run(r).count("BG-1") == 0);
  r.topical_reports[0].date = D(2009, 4, 1);
  CHECK(run(r).count("BG-1", "dir1") == 1);
  r.directives[0].deadline = D(2009, 4, 15);
  CHECK(run(r).count("BG-1") == 0);
}

TEST_CASE("TG-2 and TG-3: monthly 例会; 碰头会 in each half-month (days 15 / 16)") {
  auto r = county();
  for (int m = 1; m <= 12; ++m) {
    auto regular = meeting("reg" + std::to_string(m), model::MeetingKind::kRegular, D(2009, m, 10));
    regular.hears_work_reports = true;
    r.meetings.push_back(regular);
    r.meetings.push_back(meeting("b" + std::to_string(m) + "a", model::MeetingKind::kBriefing, D(2009, m, 15)));
    r.meetings.push_back(meeting("b" + std::to_string(m) + "b", model::MeetingKind::kBriefing, D(2009, m, 16)));
  }
  const auto in_gz = [](const Run& out, const char* rule) {
    std::vector<core::Diagnostic> v;
    for (const auto& d : out.of(rule))
      if (d.committee == "gz") v.push_back(d);
    return v;
  };
  auto out = run(r);
  CHECK(in_gz(out, "TG-2").empty());
  CHECK(in_gz(out, "TG-3").empty());
  // Move February's second-half briefing from the 16th to the 15th: the second half is empty.
  for (auto& m : r.meetings)
    if (m.id == "b2b") m.date = D(2009, 2, 15);
  // And March's 例会 did not hear work reports.
  for (auto& m : r.meetings)
    if (m.id == "reg3") m.hears_work_reports = false;
  out = run(r);
  REQUIRE(in_gz(out, "TG-3").size() == 1);
  CHECK(in_gz(out, "TG-3")[0].message.find("2009-02 下半月（16-28日）") != std::string::npos);
  CHECK(in_gz(out, "TG-3")[0].severity == core::Severity::kWarning);
  REQUIRE(in_gz(out, "TG-2").size() == 1);
  CHECK(in_gz(out, "TG-2")[0].message.find("2009-03 ") != std::string::npos);
  CHECK(in_gz(out, "TG-2")[0].severity == core::Severity::kError);
}

TEST_CASE("TG-3: 2008-02-29 falls in the second half of a leap February") {
  auto r = county();
  r.year = 2008;
  for (auto& c : r.committees) c.year = 2008;
  r.meetings = {meeting("b1", model::MeetingKind::kBriefing, D(2008, 2, 1)),
                meeting("b2", model::MeetingKind::kBriefing, D(2008, 2, 29))};
  auto out = run(r);
  for (const auto& d : out.of("TG-3"))
    if (d.committee == "gz") CHECK(d.message.find("2008-02") == std::string::npos);
  bool saw_march = false;
  for (const auto& d : out.of("TG-3")) saw_march = saw_march || (d.committee == "gz" && d.message.find("2008-03 上半月") != std::string::npos);
  CHECK(saw_march);
}

TEST_CASE("TG-1, TG-6, TG-7: plenary reports, 列席 figures, publication") {
  auto r = county();
  auto p1 = meeting("p1", model::MeetingKind::kPlenary, D(2009, 6, 30));
  p1.standing_committee_report = true;
  auto p2 = meeting("p2", model::MeetingKind::kPlenary, D(2009, 7, 1));
  p2.standing_committee_report = true;
  auto s1 = meeting("s1m", model::MeetingKind::kStanding, D(2009, 3, 3));
  s1.attendees = {"s1", "m1"};
  s1.absentees = {{"w1", "出差"}};
  s1.observers = {{"", "孙主任", model::ObserverOrg::kCongress, "人大常委会主任"}};
  auto s2 = meeting("s2m", model::MeetingKind::kStanding, D(2009, 4, 3));
  s2.attendees = {"s1", "m1", "w1"};
  r.meetings = {p1, p2, s1, s2};
  auto out = run(r);
  for (const auto& d : out.of("TG-1")) CHECK(d.committee != "gz");
  const auto find = [&](const char* label) -> const rules::Statistic* {
    for (const auto& s : out.stats)
      if (s.committee == "gz" && s.rule == "TG-6" && s.label.rfind(label, 0) == 0) return &s;
    return nullptr;
  };
  REQUIRE(find("有人大") != nullptr);
  CHECK(find("有人大")->count == 1);
  CHECK(find("有人大")->total == 2);
  REQUIRE(find("会议出席率") != nullptr);
  CHECK(find("会议出席率")->count == 5);
  CHECK(find("会议出席率")->total == 6);
  CHECK(find("列席人次：人大")->count == 1);
  CHECK(out.count("TG-6") == 0);  // info rules give figures, never findings

  r.meetings[1].date = D(2009, 6, 29);  // both reports in the first half
  model::Resolution res;
  res.id = "res1";
  res.committee = "gz";
  res.date = D(2009, 5, 1);
  model::Resolution secret = res;
  secret.id = "res2";
  secret.not_for_release = true;
  r.resolutions = {res, secret};
  out = run(r);
  std::size_t tg1 = 0;
  for (const auto& d : out.of("TG-1")) tg1 += d.committee == "gz";
  CHECK(tg1 == 1);
  CHECK(out.count("TG-7", "res1") == 1);
  CHECK(out.count("TG-7", "res2") == 1);
  r.resolutions[0].publications = {{model::PublicationChannel::kMedia, D(2009, 5, 2)}};
  r.resolutions[1].not_for_release_reason = "涉密";
  CHECK(run(r).count("TG-7") == 0);
}

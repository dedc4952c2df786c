// 监督制度 rules: the one-third vote threshold, 诫勉谈话, 函询, going abroad, leave tiers
// (3, 4, 7, 8 days), half-year summaries and 民主生活会.
#include "rules_fixture.h"

using namespace wenshu;
using namespace wenshu::test;

namespace {

model::Evaluation poll(int valid, int incompetent, int poor = 0) {
  model::Evaluation e;
  e.id = "ev1";
  e.committee = "gz";
  e.year = 2009;
  model::VoteCount v;
  v.person = "m1";
  v.valid = valid;
  v.incompetent = incompetent;
  v.competent = valid - incompetent;
  v.poor = poor;
  v.good = poor ? valid - poor : 0;
  v.location = L("evaluations.xml", 12);
  e.votes = {v};
  return e;
}

model::TravelLeave leave(const char* person, core::Date start, core::Date end) {
  model::TravelLeave t;
  t.id = "lv1";
  t.committee = "gz";
  t.person = person;
  t.kind = model::TravelKind::kPrivateLeave;
  t.start = start;
  t.end = end;
  t.reported = core::add_days(start, -3);
  t.reason = "探亲";
  t.unified_form = true;
  t.location = L("leave.xml", 30);
  return t;
}

model::Approval approve(const char* who, model::ApproverRole role, core::Date date) {
  return model::Approval{who, role, date, "同意"};
}

}  // namespace

TEST_CASE("JD-1b: exactly one third of valid votes needs no follow-up; one more does") {
  auto r = county();
  r.evaluations = {poll(30, 10)};
  CHECK(run(r).count("JD-1b") == 0);
  r.evaluations = {poll(30, 11)};
  auto out = run(r);
  REQUIRE(out.count("JD-1b", "ev1") == 1);
  CHECK(out.of("JD-1b", "ev1")[0].location.line == 12);
  // The 较差 scale works the same way.
  r.evaluations = {poll(31, 0, 10)};  // 10·3 = 30 ≤ 31
  CHECK(run(r).count("JD-1b") == 0);
  r.evaluations = {poll(29, 0, 10)};  // 30 > 29
  CHECK(run(r).count("JD-1b") == 1);
}

TEST_CASE("JD-1b: the follow-up's findings are acted on") {
  auto r = county();
  r.evaluations = {poll(30, 11)};
  model::Inspection i;
  i.id = "in1";
  i.committee = "gz";
  i.evaluation = "ev1";
  i.person = "m1";
  i.finding = model::InspectionFinding::kNone;
  r.inspections = {i};
  CHECK(run(r).count("JD-1b") == 0);
  r.inspections[0].finding = model::InspectionFinding::kSeriousProblems;
  CHECK(run(r).count("JD-1b", "in1") == 1);
  r.inspections[0].proposal_to_city = true;
  CHECK(run(r).count("JD-1b") == 0);
  r.inspections[0].finding = model::InspectionFinding::kViolations;
  CHECK(run(r).count("JD-1b", "in1") == 1);
  r.inspections[0].handed_to = model::HandedTo::kJudicial;
  CHECK(run(r).count("JD-1b") == 0);
  // Vote counts that exceed the valid votes are an error of the record.
  r.evaluations[0].votes[0].competent = 30;
  CHECK(run(r).count("JD-1b", "ev1") == 1);
}

TEST_CASE("JD-1a: 述职述廉 and 测评 for every 常委") {
  auto r = county();
  model::DutyReport d;
  d.id = "du1";
  d.committee = "gz";
  d.person = "m1";
  d.year = 2009;
  r.duty_reports = {d};
  r.evaluations = {poll(30, 0)};
  auto out = run(r);
  CHECK(out.count("JD-1a", "m1") == 0);
  CHECK(out.count("JD-1a", "s1") == 2);
  CHECK(out.count("JD-1a", "w1") == 0);
}

TEST_CASE("JD-2 and JD-3: 诫勉谈话 and 函询") {
  auto r = county();
  model::Admonition a;
  a.id = "ad1";
  a.committee = "gz";
  a.person = "m1";
  a.conducted_by = {model::SupervisoryBody::kDiscipline};
  a.corrected = false;
  r.admonitions = {a};
  CHECK(run(r).count("JD-2", "ad1") == 2);
  r.admonitions[0].conducted_by.push_back(model::SupervisoryBody::kOrganisation);
  r.admonitions[0].follow_up = model::AdmonitionFollowUp::kCriticism;
  CHECK(run(r).count("JD-2") == 0);

  model::Inquiry q;
  q.id = "q1";
  q.committee = "gz";
  q.person = "m1";
  q.date = D(2009, 5, 1);
  q.deadline = D(2009, 5, 15);
  q.reply_date = D(2009, 5, 15);
  q.reply_clear = true;
  r.inquiries = {q};
  CHECK(run(r).count("JD-3") == 0);
  r.inquiries[0].reply_date = D(2009, 5, 16);  // a day late
  r.inquiries[0].reply_clear = false;          // and unclear, without a follow-up
  r.inquiries[0].about_team = true;            // and about the team, but not to the secretary
  CHECK(run(r).count("JD-3", "q1") == 3);
  r.inquiries[0].reply_date.reset();  // no reply: 组织处理 needed
  CHECK(run(r).count("JD-3", "q1") == 2);
  r.inquiries[0].organisational_handling = true;
  r.inquiries[0].person = "s1";
  CHECK(run(r).count("JD-3") == 0);
}

TEST_CASE("JD-4.1: going abroad needs the right consent first") {
  auto r = county();
  model::TripAbroad t;
  t.id = "ab1";
  t.committee = "gz";
  t.person = "s1";  // the county secretary: the city's principal leader consents
  t.consent_by = "s1";
  t.consent_date = D(2009, 3, 1);
  t.review_date = D(2009, 3, 2);
  r.trips_abroad = {t};
  CHECK(run(r).count("JD-4.1", "ab1") == 1);
  r.trips_abroad[0].consent_by = "c1";
  CHECK(run(r).count("JD-4.1") == 0);
  r.trips_abroad[0].review_date = D(2009, 2, 28);  // 政审 before consent
  CHECK(run(r).count("JD-4.1", "ab1") == 1);
  r.trips_abroad[0].person = "m1";  // other members: the county's principal leader
  r.trips_abroad[0].review_date = D(2009, 3, 1);
  CHECK(run(r).count("JD-4.1", "ab1") == 1);
  r.trips_abroad[0].consent_by = "s1";
  CHECK(run(r).count("JD-4.1") == 0);
}

TEST_CASE("JD-4.2: leave of 3, 4, 7 and 8 days — the approval tiers") {
  auto r = county();
  const auto county_ok = approve("s1", model::ApproverRole::kCountyPrincipal, D(2009, 4, 1));
  // 3 days: the county secretary alone.
  r.travel_leaves = {leave("m1", D(2009, 4, 5), D(2009, 4, 7))};
  r.travel_leaves[0].approvals = {county_ok};
  CHECK(run(r).count("JD-4.2") == 0);
  // 4 days: also filed with 市委组织部.
  r.travel_leaves = {leave("m1", D(2009, 4, 5), D(2009, 4, 8))};
  r.travel_leaves[0].approvals = {county_ok};
  auto out = run(r);
  REQUIRE(out.count("JD-4.2", "lv1") == 1);
  CHECK(out.of("JD-4.2", "lv1")[0].message.find("备案") != std::string::npos);
  r.travel_leaves[0].filed = D(2009, 4, 2);
  CHECK(run(r).count("JD-4.2") == 0);
  // 7 days: the same tier.
  r.travel_leaves[0].end = D(2009, 4, 11);
  CHECK(run(r).count("JD-4.2") == 0);
  // 8 days: the city's 分管领导 approves after the county secretary agreed.
  r.travel_leaves[0].end = D(2009, 4, 12);
  out = run(r);
  REQUIRE(out.count("JD-4.2", "lv1") == 1);
  CHECK(out.of("JD-4.2", "lv1")[0].message.find("市委分管领导") != std::string::npos);
  r.travel_leaves[0].approvals.push_back(approve("c2", model::ApproverRole::kCityInCharge, D(2009, 3, 31)));
  CHECK(run(r).count("JD-4.2", "lv1") == 1);  // approved before the county secretary agreed
  r.travel_leaves[0].approvals[1].date = D(2009, 4, 2);
  CHECK(run(r).count("JD-4.2") == 0);
  // The dates decide, not the stated days: 3 days written over 8 days of dates is an 8-day
  // leave (a warning says they disagree) that lacks the city's approval and the filing.
  r.travel_leaves[0].days = 3;
  r.travel_leaves[0].approvals.pop_back();
  r.travel_leaves[0].filed.reset();
  out = run(r);
  REQUIRE(out.count("JD-4.2", core::Severity::kWarning) == 1);
  CHECK(out.of("JD-4.2", "lv1")[0].message.find("写明3天，但起止日期 2009-04-05 至 2009-04-12 共8天") != std::string::npos);
  REQUIRE(out.count("JD-4.2", core::Severity::kError) == 1);
  const auto errors = out.of("JD-4.2", "lv1");
  CHECK(errors[1].message.find("（8天）缺少市委分管领导的审批、报市委组织部备案") != std::string::npos);
  // Stated days that agree with the dates say nothing.
  r.travel_leaves[0].days = 8;
  CHECK(run(r).count("JD-4.2", core::Severity::kWarning) == 0);
}

TEST_CASE("JD-4.2: leave across 2008-02-29 counts the leap day") {
  auto r = county();
  r.year = 2008;
  for (auto& c : r.committees) c.year = 2008;
  r.travel_leaves = {leave("m1", D(2008, 2, 27), D(2008, 3, 1))};  // 27, 28, 29, 1 = 4 days
  r.travel_leaves[0].approvals = {approve("s1", model::ApproverRole::kCountyPrincipal, D(2008, 2, 20))};
  CHECK(run(r).count("JD-4.2", "lv1") == 1);  // 4 days: filing needed
  r.travel_leaves = {leave("m1", D(2009, 2, 27), D(2009, 3, 1))};  // 3 days in 2009
  r.travel_leaves[0].approvals = {approve("s1", model::ApproverRole::kCountyPrincipal, D(2009, 2, 20))};
  CHECK(run(r).count("JD-4.2", "lv1") == 0);
}

TEST_CASE("JD-4.2: the county secretary asks the city's principal leader; notice is a warning") {
  auto r = county();
  r.travel_leaves = {leave("s1", D(2009, 4, 5), D(2009, 4, 6))};
  r.travel_leaves[0].approvals = {approve("s1", model::ApproverRole::kCountyPrincipal, D(2009, 4, 1))};
  CHECK(run(r).count("JD-4.2", "lv1") == 1);
  r.travel_leaves[0].approvals = {approve("c1", model::ApproverRole::kCityPrincipal, D(2009, 4, 1))};
  r.travel_leaves[0].filed = D(2009, 4, 1);
  CHECK(run(r).count("JD-4.2") == 0);
  r.travel_leaves[0].reported = D(2009, 4, 3);  // 2 days ahead
  auto out = run(r);
  REQUIRE(out.count("JD-4.2", "lv1") == 1);
  CHECK(out.of("JD-4.2", "lv1")[0].severity == core::Severity::kWarning);
}

TEST_CASE("JD-4.3: unified form, and half-year summaries that agree with the records") {
  auto r = county();
  auto t = leave("m1", D(2009, 4, 5), D(2009, 4, 6));
  t.approvals = {approve("s1", model::ApproverRole::kCountyPrincipal, D(2009, 4, 1))};
  auto trip = t;
  trip.id = "tr1";
  trip.kind = model::TravelKind::kOfficialTrip;
  trip.approvals.clear();
  r.travel_leaves = {t, trip};
  model::TravelSummary s1;
  s1.id = "sum1";
  s1.committee = "gz";
  s1.year = 2009;
  s1.half = 1;
  s1.sent_to_org_dept = true;
  s1.trips = {"lv1", "tr1"};
  s1.trip_count = 1;
  s1.leave_count = 1;
  auto s2 = s1;
  s2.id = "sum2";
  s2.half = 2;
  s2.trips.clear();
  s2.trip_count = 0;
  s2.leave_count = 0;
  r.travel_summaries = {s1, s2};
  auto out = run(r);
  INFO(out.dump());
  CHECK(out.count("JD-4.3") == 0);
  r.travel_summaries[0].trips = {"lv1"};
  r.travel_summaries[0].trip_count = 2;
  r.travel_leaves[0].unified_form = false;
  r.travel_leaves[0].approvals[0].comment.clear();
  out = run(r);
  REQUIRE(out.count("JD-4.3", "sum1") == 1);
  CHECK(out.of("JD-4.3", "sum1")[0].message.find("漏列 tr1") != std::string::npos);
  CHECK(out.count("JD-4.3", "lv1") == 1);
  r.travel_summaries.pop_back();
  CHECK(run(r).count("JD-4.3", "gz") == 1);  // no second-half summary
}

TEST_CASE("JD-5: 民主生活会 with theme, measures and a guiding city leader") {
  auto r = county();
  model::Meeting m;
  m.id = "dl1";
  m.committee = "gz";
  m.kind = model::MeetingKind::kDemocraticLife;
  m.date = D(2009, 12, 20);
  m.theme = "深入学习实践科学发展观";
  m.corrective_measures = {"整改一"};
  m.guiding_leader = "c2";
  r.meetings = {m};
  CHECK(run(r).count("JD-5", "dl1") == 0);
  r.meetings[0].guiding_leader = "m1";  // not a city leader
  CHECK(run(r).count("JD-5", "dl1") == 1);
  r.meetings[0].guiding_leader.clear();
  r.meetings[0].theme.clear();
  CHECK(run(r).count("JD-5", "dl1") == 2);
  r.meetings.clear();
  CHECK(run(r).count("JD-5", "gz") == 1);
}

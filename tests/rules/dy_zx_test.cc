// 调查研究制度 and 决策咨询制度 rules, both ways and at their boundaries.
#include "rules_fixture.h"

using namespace wenshu;
using namespace wenshu::test;

namespace {

model::ResearchTopic topic(const char* id, const char* owner, int year) {
  model::ResearchTopic t;
  t.id = id;
  t.committee = "gz";
  t.owner = owner;
  t.set_by = owner;
  t.year = year;
  t.location = L("topics.xml", 10);
  return t;
}

model::ResearchReport report(const char* id, const char* author, core::Date date) {
  model::ResearchReport r;
  r.id = id;
  r.committee = "gz";
  r.author = author;
  r.situation = "情况";
  r.analysis = "分析";
  r.suggestions = "建议";
  r.date = date;
  r.location = L("reports.xml", 20);
  return r;
}

}  // namespace

TEST_CASE("DY-1a: 1–2 topics per 常委; 0 is an error, 3 a warning; 委员 are not counted") {
  auto r = county();
  r.research_topics = {topic("t1", "m1", 2009), topic("t2", "s1", 2009), topic("t3", "s1", 2009),
                       topic("t4", "s1", 2009), topic("t5", "m1", 2008)};
  auto out = run(r);
  CHECK(out.count("DY-1a", "m1") == 0);  // one topic in 2009; the 2008 one does not count
  REQUIRE(out.count("DY-1a", "s1") == 1);  // three topics
  CHECK(out.of("DY-1a", "s1")[0].severity == core::Severity::kWarning);
  CHECK(out.count("DY-1a", "w1") == 0);  // 委员 is not a 常委
  CHECK(out.count("DY-1a", "c1") == 1);  // no topics at all
  CHECK(out.of("DY-1a", "c1")[0].severity == core::Severity::kError);
  CHECK(out.of("DY-1a", "c1")[0].location.file == "city.xml");
  CHECK(out.of("DY-1a", "c1")[0].committee == "city");
  CHECK(out.of("DY-1a", "c1")[0].clause == "调查研究制度 第（一）条");

  r.research_topics.pop_back();
  r.research_topics.erase(r.research_topics.begin() + 3);  // s1 now has exactly 2
  out = run(r);
  CHECK(out.count("DY-1a", "s1") == 0);
}

TEST_CASE("DY-1b: own reports with 情况、分析、建议; a report drafted by someone else is a warning") {
  auto r = county();
  r.research_reports = {report("r1", "m1", D(2009, 5, 1)), report("r2", "s1", D(2009, 6, 1))};
  r.research_reports[1].drafted_by = "w1";
  r.research_reports[0].analysis.clear();
  auto out = run(r);
  CHECK(out.count("DY-1b", "m1") == 0);
  REQUIRE(out.count("DY-1b", "r1") == 1);
  CHECK(out.of("DY-1b", "r1")[0].message.find("分析") != std::string::npos);
  CHECK(out.of("DY-1b", "r2").at(0).severity == core::Severity::kWarning);
  CHECK(out.count("DY-1b", "s1") == 1);  // the drafted report does not count as his own
}

TEST_CASE("DY-2: a 蹲点 at an accepted unit with dates and findings") {
  auto r = county();
  model::FieldStay s;
  s.id = "st1";
  s.committee = "gz";
  s.member = "m1";
  s.unit_name = "碱滩镇";
  s.unit_kind = model::UnitKind::kTownship;
  s.start = D(2009, 4, 1);
  s.end = D(2009, 4, 10);
  s.findings = "发现";
  r.field_stays = {s};
  auto out = run(r);
  CHECK(out.count("DY-2", "m1") == 0);
  CHECK(out.count("DY-2", "st1") == 0);
  CHECK(out.count("DY-2", "s1") == 1);
  r.field_stays[0].unit_kind = model::UnitKind::kOther;
  r.field_stays[0].findings.clear();
  out = run(r);
  CHECK(out.count("DY-2", "st1") == 1);
  CHECK(out.count("DY-2", "m1") == 1);
}

TEST_CASE("DY-3: ≥2 options and research dated before the meeting, across files") {
  auto r = county();
  model::Meeting m;
  m.id = "mt1";
  m.committee = "gz";
  m.kind = model::MeetingKind::kStanding;
  m.date = D(2009, 6, 10);
  m.location = L("2009-06.xml", 3);
  r.meetings = {m};
  r.research_reports = {report("r1", "m1", D(2009, 6, 9))};
  r.research_reports[0].location = L("reports-2009.xml", 40);
  model::AgendaItem a;
  a.id = "a1";
  a.committee = "gz";
  a.proposer = "m1";
  a.meeting = "mt1";
  a.needs_research = true;
  a.options = {"方案一", "方案二"};
  a.research = {"r1"};
  a.location = L("agenda-2009.xml", 7);
  r.agenda_items = {a};
  auto out = run(r);
  CHECK(out.count("DY-3") == 0);

  r.agenda_items[0].options.pop_back();  // one option
  r.research_reports[0].date = D(2009, 6, 10);  // research on the day of the meeting: not before
  out = run(r);
  REQUIRE(out.count("DY-3", "a1") == 2);
  CHECK(out.of("DY-3", "a1")[0].location.file == "agenda-2009.xml");

  r.agenda_items[0].needs_research = false;  // 必要时: no research needed, nothing to check
  out = run(r);
  CHECK(out.count("DY-3") == 0);
}

TEST_CASE("DY-4 and DY-6: department topics set by the member in charge; adoption rate") {
  auto r = county();
  auto t = topic("t9", "", 2009);
  t.department = "区委宣传部";  // in m1's portfolio
  t.set_by = "s1";
  r.research_topics = {t};
  auto rep = report("r1", "m1", D(2009, 5, 1));
  rep.recommendations = {{"建议一", model::Adoption::kAdopted, {}, {}},
                         {"建议二", model::Adoption::kRejected, {}, {}},
                         {"建议三", model::Adoption::kPartly, {}, {}},
                         {"建议四", std::nullopt, {}, {}}};
  r.research_reports = {rep};
  auto out = run(r);
  REQUIRE(out.count("DY-4", "t9") == 1);
  CHECK(out.of("DY-4", "t9")[0].severity == core::Severity::kWarning);
  CHECK(out.count("DY-6", "r1") == 1);
  const auto* s = out.stat("DY-6", "调研建议采纳率");
  REQUIRE(s != nullptr);
  CHECK(s->committee == "city");  // sorted: city first, with 0/0
  bool found = false;
  for (const auto& st : out.stats)
    if (st.rule == "DY-6" && st.committee == "gz") {
      CHECK(st.count == 2);
      CHECK(st.total == 4);
      CHECK(rules::format_statistic(st) == "2/4（50%）");
      found = true;
    }
  CHECK(found);
  r.research_topics[0].set_by = "m1";
  out = run(r);
  CHECK(out.count("DY-4") == 0);
}

TEST_CASE("ZX: major decisions need a finished consultation, submitted with its report") {
  auto r = county();
  model::Decision d;
  d.id = "d1";
  d.committee = "gz";
  d.category = model::DecisionCategory::kMajorProject;
  d.date = D(2009, 8, 27);
  d.submitted = D(2009, 8, 20);
  d.responsible = "m1";
  d.consultations = {"k1"};
  model::Consultation k;
  k.id = "k1";
  k.committee = "gz";
  k.decision = "d1";
  k.organiser = "m1";
  k.forms = {model::ConsultForm::kExpertPanel};
  k.report_date = D(2009, 8, 15);
  k.finished = D(2009, 8, 15);
  k.conclusion = model::ConsultConclusion::kRevise;
  k.participants = {{model::ParticipantKind::kLeader, "李常委", "m1"}, {model::ParticipantKind::kStaff, "王某", ""}};
  k.process_recorded = true;
  k.archived = true;
  k.expert_feedback = D(2009, 10, 26);  // 60 days after 08-27
  r.decisions = {d};
  r.consultations = {k};
  auto out = run(r);
  for (const char* id : {"ZX-1", "ZX-2.1", "ZX-2.2", "ZX-2.3", "ZX-3", "ZX-4", "ZX-5"}) {
    INFO(id << "\n" << out.dump());
    CHECK(out.count(id) == 0);
  }

  r.consultations[0].expert_feedback = D(2009, 10, 27);  // 61 days
  r.consultations[0].finished = D(2009, 8, 27);          // same day as the decision: not before
  r.consultations[0].forms = {model::ConsultForm::kOther};
  r.consultations[0].conclusion.reset();
  r.consultations[0].archived = false;
  r.decisions[0].submitted = D(2009, 8, 28);              // after the decision
  out = run(r);
  CHECK(out.count("ZX-1", "d1") == 1);
  CHECK(out.count("ZX-2.1", "k1") == 1);
  CHECK(out.count("ZX-2.2", "k1") == 1);
  CHECK(out.count("ZX-2.3", "d1") == 1);
  CHECK(out.count("ZX-4", "k1") == 1);
  CHECK(out.count("ZX-5", "k1") == 1);
  CHECK(out.of("ZX-5", "k1")[0].severity == core::Severity::kWarning);

  r.decisions[0].category = model::DecisionCategory::kOrdinary;  // no consultation required
  r.decisions[0].consultations.clear();
  r.consultations.clear();
  out = run(r);
  CHECK(out.count("ZX-1") == 0);
}

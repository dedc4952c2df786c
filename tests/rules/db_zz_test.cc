// 督查督办制度 and 责任追究制度 rules.
#include "rules_fixture.h"

using namespace wenshu;
using namespace wenshu::test;

namespace {

model::SupervisionItem item() {
  model::SupervisionItem s;
  s.id = "sv1";
  s.committee = "gz";
  s.decision = "d1";
  s.responsible = "m1";
  s.deadline = D(2009, 9, 30);
  s.organiser = "区委督查室";
  s.target = "城区供热改造";
  model::SupervisionActivity a;
  a.date = D(2009, 6, 1);
  a.methods = {model::SupervisionMethod::kOnSite};
  s.activities = {a};
  s.result = "已完成";
  s.result_date = D(2009, 9, 30);
  s.feedback = model::SupervisionFeedback{D(2009, 10, 5), "措施", "经验", "反映", "问题", "建议", {}};
  return s;
}

model::AccountabilityCase person_case() {
  model::AccountabilityCase k;
  k.id = "zz1";
  k.committee = "gz";
  k.target = model::AccountabilityTarget::kPerson;
  k.person = "m1";
  k.deciding_body = "市委";
  k.has_authority = true;
  k.circumstances = {2, 6};
  k.measures = {"通报批评", "责令作出书面检查"};
  return k;
}

}  // namespace

TEST_CASE("DB-2, DB-3, DB-6: every decision supervised to a result; methods; five-part feedback") {
  auto r = county();
  model::Decision d;
  d.id = "d1";
  d.committee = "gz";
  d.date = D(2009, 5, 1);
  d.responsible = "m1";
  r.decisions = {d};
  r.supervision_items = {item()};
  auto out = run(r);
  INFO(out.dump());
  for (const char* id : {"DB-2", "DB-3", "DB-4", "DB-5", "DB-6"}) CHECK(out.count(id) == 0);
  r.supervision_items[0].result_date = D(2009, 10, 1);  // a day late
  r.supervision_items[0].activities[0].methods.clear();
  r.supervision_items[0].feedback->obstacles.clear();
  r.decisions[0].responsible.clear();
  out = run(r);
  CHECK(out.count("DB-2", "sv1") == 1);
  CHECK(out.count("DB-2", "d1") == 1);
  CHECK(out.count("DB-3", "sv1") == 1);
  REQUIRE(out.count("DB-6", "sv1") == 1);
  CHECK(out.of("DB-6", "sv1")[0].message.find("影响落实的主要问题") != std::string::npos);
  r.supervision_items.clear();
  CHECK(run(r).count("DB-2", "d1") == 2);
}

TEST_CASE("DB-4: a leader's 批示 is done by its deadline") {
  auto r = county();
  auto s = item();
  s.decision.clear();
  s.source = model::SupervisionSource::kInstruction;
  s.instructed_by = "s1";
  r.supervision_items = {s};
  CHECK(run(r).count("DB-4") == 0);
  r.supervision_items[0].result.clear();
  CHECK(run(r).count("DB-4", "sv1") == 1);
}

TEST_CASE("DB-5: supervisions of one matter by different organisers within 30 days") {
  auto r = county();
  auto a = item();
  a.decision.clear();
  auto b = a;
  b.id = "sv2";
  b.organiser = "区政府督查室";
  b.activities[0].date = D(2009, 7, 1);  // 30 days after 06-01
  r.supervision_items = {a, b};
  auto out = run(r);
  REQUIRE(out.count("DB-5", "sv2") == 1);
  CHECK(out.of("DB-5", "sv2")[0].severity == core::Severity::kWarning);
  r.supervision_items[1].activities[0].date = D(2009, 7, 2);  // 31 days
  CHECK(run(r).count("DB-5") == 0);
  r.supervision_items[1].activities[0].date = D(2009, 6, 2);
  r.supervision_items[1].organiser = a.organiser;  // same organiser: not a duplicate
  CHECK(run(r).count("DB-5") == 0);
}

TEST_CASE("ZZ: authority, circumstances, measures, discipline, leniency") {
  auto r = county();
  r.accountability_cases = {person_case()};
  auto out = run(r);
  INFO(out.dump());
  for (const char* id : {"ZZ-1", "ZZ-2", "ZZ-3", "ZZ-4", "ZZ-5", "ZZ-6", "ZZ-7"}) CHECK(out.count(id) == 0);

  auto& k = r.accountability_cases[0];
  k.has_authority.reset();
  k.circumstances = {12};
  k.measures = {"通报批评", "罚款"};
  k.crime_suspected = true;
  k.leniency = model::Leniency::kLighter;
  k.self_corrected = true;
  out = run(r);
  CHECK(out.of("ZZ-1", "zz1").at(0).severity == core::Severity::kWarning);
  CHECK(out.count("ZZ-2", "zz1") == 1);
  CHECK(out.count("ZZ-5", "zz1") == 1);
  CHECK(out.count("ZZ-6", "zz1") == 1);
  CHECK(out.count("ZZ-7", "zz1") == 1);
  k.no_major_loss = true;
  k.handed_to_judicial = true;
  CHECK(run(r).count("ZZ-7") == 0);

  // A team: the five measures of clause (四), with quotes as the seed writes them.
  k = person_case();
  k.target = model::AccountabilityTarget::kTeam;
  k.team = "gz";
  k.measures = {"年终考核领导班子定为“差”班子", "作出组织处理"};
  CHECK(run(r).count("ZZ-4") == 0);
  k.measures = {"责令作出书面检查"};  // a measure for persons only
  CHECK(run(r).count("ZZ-4", "zz1") == 1);
}

TEST_CASE("ZZ-3: principal's fault → principal 主要责任, 分管 次要责任; and the reverse") {
  auto r = county();
  auto k = person_case();
  k.fault_of = model::FaultOf::kPrincipal;
  k.responsibilities = {{"s1", model::LeaderPosition::kPrincipal, model::ResponsibilityLevel::kMain},
                        {"m1", model::LeaderPosition::kInCharge, model::ResponsibilityLevel::kSecondary}};
  r.accountability_cases = {k};
  CHECK(run(r).count("ZZ-3") == 0);
  r.accountability_cases[0].fault_of = model::FaultOf::kInCharge;
  CHECK(run(r).count("ZZ-3", "zz1") == 2);
  r.accountability_cases[0].fault_of = model::FaultOf::kUnknown;
  CHECK(run(r).count("ZZ-3", "zz1") == 1);
}

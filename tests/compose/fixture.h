// A small hand-written year of records (a city committee and one county committee, 2009) with
// at least one record of every kind the catalogue renders, for the compose tests and the
// compose benchmark (header-only so both can include it).
#pragma once
#include "model/records.h"
#include "model/records_set.h"

namespace wenshu::test {

namespace fixture_detail {

inline core::Date d(int y, int m, int day) { return {y, m, day}; }
inline core::SourceLocation at(int line) { return {"fixture.xml", line, 1}; }

}  // namespace fixture_detail
using namespace fixture_detail;

/// The fixture year; build_index() already called.
inline model::Records sample_records() {
  using namespace model;
  Records r;
  r.year = 2009;
  r.committees.push_back({"zhangye-city", at(1), "zhangye-city", CommitteeLevel::kCity, "", "中共张掖市委员会", "张掖市委", "市委发", 2009});
  r.committees.push_back({"ganzhou", at(2), "ganzhou", CommitteeLevel::kCounty, "zhangye-city", "中共张掖市甘州区委员会", "甘州区委", "甘区委发", 2009});
  auto member = [&](const char* c, const char* id, const char* name, MemberRole role, const char* title, bool principal) {
    Member m;
    m.id = id;
    m.location = at(10);
    m.committee = c;
    m.person = id;
    m.name = name;
    m.role = role;
    m.title = title;
    m.principal = principal;
    r.members.push_back(m);
  };
  member("zhangye-city", "p-city-sec", "陈克恭", MemberRole::kSecretary, "市委书记", true);
  member("zhangye-city", "p-city-org", "李明华", MemberRole::kStanding, "市委常委、组织部部长", false);
  member("ganzhou", "p-gz-sec", "王建国", MemberRole::kSecretary, "区委书记", true);
  member("ganzhou", "p-gz-dep", "赵丽萍", MemberRole::kDeputySecretary, "区委副书记", false);
  member("ganzhou", "p-gz-org", "孙志强", MemberRole::kStanding, "区委常委、组织部部长", false);

  ResearchTopic t;
  t.id = "dy-t1"; t.location = at(20); t.committee = "ganzhou"; t.title = "城乡一体化发展"; t.owner = "p-gz-sec"; t.set_by = "p-gz-sec"; t.year = 2009;
  r.research_topics.push_back(t);
  ResearchReport rep;
  rep.id = "dy-r1"; rep.location = at(21); rep.committee = "ganzhou"; rep.title = "关于甘州区城乡一体化发展的调研报告";
  rep.topic = "dy-t1"; rep.author = "p-gz-sec";
  rep.situation = "全区共有乡镇18个，行政村245个。\n近年来城乡居民收入差距逐步缩小。";
  rep.analysis = "城乡基础设施投入不均衡，公共服务差距仍然较大。";
  rep.suggestions = "建议统筹城乡规划，加大农村基础设施投入。";
  rep.recommendations.push_back({"编制城乡一体化总体规划。", Adoption::kAdopted, d(2009, 8, 1), at(22)});
  rep.recommendations.push_back({"设立农村公共服务专项资金。", Adoption::kPartly, d(2009, 9, 1), at(23)});
  rep.date = d(2009, 5, 12);
  r.research_reports.push_back(rep);

  Decision dec;
  dec.id = "zx-d1"; dec.location = at(30); dec.committee = "ganzhou"; dec.title = "甘州区“十二五”城乡建设规划";
  dec.category = DecisionCategory::kLongTermPlan; dec.date = d(2009, 7, 20); dec.meeting = "m-1"; dec.consultations = {"zx-c1"};
  dec.submitted = d(2009, 7, 15); dec.responsible = "p-gz-dep"; dec.deadline = d(2009, 12, 31);
  r.decisions.push_back(dec);
  Consultation con;
  con.id = "zx-c1"; con.location = at(31); con.committee = "ganzhou"; con.subject = "“十二五”城乡建设规划"; con.decision = "zx-d1";
  con.organiser = "p-gz-dep"; con.forms = {ConsultForm::kExpertPanel, ConsultForm::kHearing}; con.report_date = d(2009, 7, 10);
  con.conclusion = ConsultConclusion::kRevise; con.participants = {{ParticipantKind::kExpert, "刘教授", ""}, {ParticipantKind::kDepartment, "区发改局", ""}};
  con.process_recorded = true; con.archived = true; con.finished = d(2009, 7, 10);
  r.consultations.push_back(con);

  Directive dir;
  dir.id = "bg-dir1"; dir.location = at(40); dir.committee = "ganzhou"; dir.from = "中共张掖市委"; dir.title = "关于加强基层组织建设的决定";
  dir.date = d(2009, 3, 1); dir.needs_report = true; dir.deadline = d(2009, 4, 30);
  r.directives.push_back(dir);
  TopicalReport tr;
  tr.id = "bg-tr1"; tr.location = at(41); tr.committee = "ganzhou"; tr.directive = "bg-dir1";
  tr.title = "关于贯彻落实市委加强基层组织建设决定情况的报告"; tr.date = d(2009, 4, 20); tr.signed_by = "p-gz-sec";
  r.topical_reports.push_back(tr);
  Emergency em;
  em.id = "bg-em1"; em.location = at(42); em.committee = "ganzhou"; em.title = "党寨镇暴雨洪涝灾害";
  em.occurred = core::DateTime{d(2009, 7, 3), 14, 20}; em.reported = core::DateTime{d(2009, 7, 3), 15, 50}; em.reported_to = "中共张掖市委";
  r.emergencies.push_back(em);
  PartyGroupReport pg;
  pg.id = "bg-pg1"; pg.location = at(43); pg.committee = "ganzhou"; pg.group = PartyGroup::kGovernment; pg.quarter = 2; pg.date = d(2009, 6, 18);
  r.party_group_reports.push_back(pg);
  WorkPointReport wp;
  wp.id = "bg-wp1"; wp.location = at(44); wp.committee = "ganzhou"; wp.kind = WorkPointReportKind::kMidYear; wp.year = 2009; wp.date = d(2009, 7, 10);
  r.work_point_reports.push_back(wp);

  Meeting m;
  m.id = "m-1"; m.location = at(50); m.committee = "ganzhou"; m.kind = MeetingKind::kRegular; m.date = d(2009, 7, 20);
  m.title = "区委常委会第7次例会"; m.attendees = {"p-gz-sec", "p-gz-dep"}; m.absentees = {{"p-gz-org", "外出学习"}};
  m.observers = {{"", "刘建军", ObserverOrg::kGovernment, "区长"}}; m.hears_work_reports = true;
  r.meetings.push_back(m);
  Meeting b;
  b.id = "m-2"; b.location = at(51); b.committee = "ganzhou"; b.kind = MeetingKind::kBriefing; b.date = d(2009, 7, 6); b.title = "常委碰头会";
  r.meetings.push_back(b);
  KeyWorkItem kw;
  kw.id = "tg-kw1"; kw.location = at(52); kw.committee = "ganzhou"; kw.person = "p-gz-sec"; kw.organisation = "党委";
  kw.work = "督导全区防汛抗旱工作"; kw.start = d(2009, 7, 1); kw.end = d(2009, 7, 15);
  r.key_work_items.push_back(kw);
  kw.id = "tg-kw2"; kw.location = at(53); kw.person = ""; kw.person_name = "刘建军"; kw.organisation = "政府"; kw.work = "全区招商引资推介会"; kw.start = d(2009, 7, 18); kw.end = d(2009, 7, 18);
  r.key_work_items.push_back(kw);

  Evaluation ev;
  ev.id = "jd-ev1"; ev.location = at(60); ev.committee = "ganzhou"; ev.method = EvaluationMethod::kPoll; ev.year = 2009; ev.date = d(2009, 12, 20);
  VoteCount v1; v1.person = "p-gz-sec"; v1.valid = 60; v1.competent = 55; v1.basically_competent = 4; v1.incompetent = 1;
  VoteCount v2; v2.person = "p-gz-org"; v2.valid = 60; v2.competent = 30; v2.basically_competent = 9; v2.incompetent = 21;
  ev.votes = {v1, v2};
  r.evaluations.push_back(ev);
  Admonition ad;
  ad.id = "jd-ad1"; ad.location = at(61); ad.committee = "ganzhou"; ad.person = "p-gz-org";
  ad.conducted_by = {SupervisoryBody::kDiscipline, SupervisoryBody::kOrganisation}; ad.date = d(2009, 10, 9);
  ad.problem = "落实基层组织建设任务进度滞后。"; ad.corrected = true;
  r.admonitions.push_back(ad);
  Inquiry iq;
  iq.id = "jd-iq1"; iq.location = at(62); iq.committee = "ganzhou"; iq.person = "p-gz-dep"; iq.issuer = SupervisoryBody::kDiscipline;
  iq.date = d(2009, 9, 1); iq.deadline = d(2009, 9, 15); iq.reply_date = d(2009, 9, 10); iq.reply_clear = true;
  r.inquiries.push_back(iq);
  TravelLeave trip;
  trip.id = "jd-tl1"; trip.location = at(63); trip.committee = "ganzhou"; trip.person = "p-gz-dep"; trip.kind = TravelKind::kOfficialTrip;
  trip.start = d(2009, 3, 10); trip.end = d(2009, 3, 12); trip.reported = d(2009, 3, 5); trip.destination = "兰州市"; trip.reason = "参加全省农村工作会议";
  trip.approvals = {{"p-gz-sec", ApproverRole::kCountyPrincipal, d(2009, 3, 5), "同意。"}}; trip.unified_form = true;
  r.travel_leaves.push_back(trip);
  TravelLeave leave;
  leave.id = "jd-tl2"; leave.location = at(64); leave.committee = "ganzhou"; leave.person = "p-gz-org"; leave.kind = TravelKind::kPrivateLeave;
  leave.start = d(2009, 5, 4); leave.end = d(2009, 5, 8); leave.reported = d(2009, 4, 28); leave.destination = "西安市"; leave.reason = "探望病重父亲";
  leave.approvals = {{"p-gz-sec", ApproverRole::kCountyPrincipal, d(2009, 4, 28), "同意，请假期间工作由赵丽萍同志代管。"}};
  leave.filed = d(2009, 4, 29); leave.unified_form = true;
  r.travel_leaves.push_back(leave);
  TravelLeave trip2 = trip;
  trip2.id = "jd-tl3"; trip2.location = at(65); trip2.start = d(2009, 8, 17); trip2.end = d(2009, 8, 19); trip2.reported = d(2009, 8, 12);
  trip2.destination = "北京市"; trip2.reason = "汇报重点项目";
  r.travel_leaves.push_back(trip2);
  TravelSummary ts;
  ts.id = "jd-ts1"; ts.location = at(66); ts.committee = "ganzhou"; ts.year = 2009; ts.half = 1; ts.date = d(2009, 7, 5); ts.sent_to_org_dept = true;
  ts.trips = {"jd-tl1", "jd-tl2"}; ts.trip_count = 1; ts.leave_count = 1;
  r.travel_summaries.push_back(ts);

  SupervisionItem si;
  si.id = "db-s1"; si.location = at(70); si.committee = "ganzhou"; si.title = "“十二五”城乡建设规划编制"; si.source = SupervisionSource::kDecision;
  si.decision = "zx-d1"; si.responsible = "p-gz-dep"; si.deadline = d(2009, 12, 31); si.organiser = "区委督查室"; si.target = "区发改局";
  SupervisionActivity act; act.date = d(2009, 9, 10); act.methods = {SupervisionMethod::kOnSite, SupervisionMethod::kHearReports};
  si.activities = {act};
  si.result = "规划初稿已完成并提交区委常委会审议。"; si.result_date = d(2009, 11, 30);
  SupervisionFeedback fb;
  fb.date = d(2009, 12, 5); fb.measures = "成立规划编制领导小组，实行周调度。"; fb.experience = "部门协同，编制进度明显加快。";
  fb.reactions = "干部群众普遍认为规划贴近实际。"; fb.obstacles = "部分乡镇基础数据不完整。"; fb.suggestions = "建立规划实施年度评估机制。";
  si.feedback = fb;
  r.supervision_items.push_back(si);
  SupervisionItem si2;
  si2.id = "db-s2"; si2.location = at(71); si2.committee = "ganzhou"; si2.title = "农村饮水安全工程"; si2.source = SupervisionSource::kInstruction;
  si2.instructed_by = "p-gz-sec"; si2.instruction_date = d(2009, 4, 2); si2.responsible = "p-gz-dep"; si2.deadline = d(2009, 10, 31);
  si2.organiser = "区委督查室"; si2.target = "区水务局";
  r.supervision_items.push_back(si2);

  AccountabilityCase ac;
  ac.id = "zz-c1"; ac.location = at(80); ac.committee = "ganzhou"; ac.target = AccountabilityTarget::kPerson; ac.person = "p-gz-org";
  ac.deciding_body = "中共张掖市甘州区委员会"; ac.has_authority = true; ac.date = d(2009, 11, 20); ac.circumstances = {3};
  ac.fault_of = FaultOf::kInCharge; ac.responsibilities = {{"p-gz-org", LeaderPosition::kInCharge, ResponsibilityLevel::kMain}};
  ac.measures = {"通报批评", "责令书面检查"};
  r.accountability_cases.push_back(ac);

  r.build_index();
  return r;
}

}  // namespace wenshu::test

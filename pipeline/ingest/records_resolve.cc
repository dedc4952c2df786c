// Resolving ids over a whole set of records files: duplicates (XML-DUPLICATE) and references
// to records that do not exist (XML-REF). References are checked by kind: a person reference
// must name the `person` of some member (of any committee: a city leader guides a county's
// 民主生活会), a meeting reference a meeting, and so on.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "ingest/records_reader.h"

namespace wenshu::ingest {

namespace {

using IdSet = std::unordered_set<std::string_view>;

std::string where(const core::SourceLocation& l) {
  if (l.line > 0) return fmt::format("{}:{}", l.file, l.line);
  return l.file;
}

template <class T>
IdSet ids_of(const std::vector<T>& v) {
  IdSet out;
  out.reserve(v.size());
  for (const auto& r : v)
    if (!r.id.empty()) out.insert(r.id);
  return out;
}

class Resolver {
 public:
  Resolver(const model::Records& r, core::DiagnosticSink& sink, const std::unordered_set<std::string>& tolerated)
      : r_(r), sink_(sink), tolerated_(tolerated) {
    committees_ = ids_of(r.committees);
    for (const auto& m : r.members) persons_.insert(m.person);
    topics_ = ids_of(r.research_topics);
    research_ = ids_of(r.research_reports);
    for (const auto& s : r.field_stays) research_.insert(s.id);
    agenda_ = ids_of(r.agenda_items);
    decisions_ = ids_of(r.decisions);
    consultations_ = ids_of(r.consultations);
    directives_ = ids_of(r.directives);
    meetings_ = ids_of(r.meetings);
    evaluations_ = ids_of(r.evaluations);
    inquiries_ = ids_of(r.inquiries);
    travel_ = ids_of(r.travel_leaves);
  }

  void run();

 private:
  template <class T>
  void duplicates(const std::vector<T>& v, const char* kind);
  /// Reports `value` (an id written in attribute `attr` of record `rec`) if it is not in `set`.
  template <class R>
  void ref(const R& rec, const char* attr, const std::string& value, const IdSet& set, const char* what);
  template <class R>
  void refs(const R& rec, const char* attr, const std::vector<std::string>& values, const IdSet& set,
            const char* what) {
    for (const auto& v : values) ref(rec, attr, v, set, what);
  }
  template <class R>
  void person(const R& rec, const char* attr, const std::string& value) {
    ref(rec, attr, value, persons_, "人员");
  }
  template <class R>
  void committee(const R& rec);
  void members();

  const model::Records& r_;
  core::DiagnosticSink& sink_;
  const std::unordered_set<std::string>& tolerated_;
  IdSet committees_, persons_, topics_, research_, agenda_, decisions_, consultations_, directives_, meetings_,
      evaluations_, inquiries_, travel_;
};

template <class T>
void Resolver::duplicates(const std::vector<T>& v, const char* kind) {
  std::unordered_map<std::string_view, const T*> first;
  first.reserve(v.size());
  for (const auto& rec : v) {
    if (rec.id.empty()) continue;
    auto [it, fresh] = first.emplace(rec.id, &rec);
    if (fresh) continue;
    core::Diagnostic d;
    d.rule = "XML-DUPLICATE";
    d.location = rec.location;
    d.record_id = rec.id;
    d.committee = rec.committee;
    d.message = fmt::format("{}编号 '{}' 重复 / duplicate {} id", kind, rec.id, kind);
    d.hints.push_back("首次出现于 " + where(it->second->location));
    sink_.push(std::move(d));
  }
}

template <class R>
void Resolver::ref(const R& rec, const char* attr, const std::string& value, const IdSet& set, const char* what) {
  if (value.empty() || set.count(value) || tolerated_.count(value)) return;
  core::Diagnostic d;
  d.rule = "XML-REF";
  d.location = rec.location;
  d.record_id = rec.id;
  d.committee = rec.committee;
  d.message = fmt::format("引用的{} '{}' 不存在（属性 {}）/ dangling reference", what, value, attr);
  if (set.empty())
    d.hints.push_back(fmt::format("读入的文件中没有任何{}记录：是否漏了某个文件或文件夹？", what));
  sink_.push(std::move(d));
}

template <class R>
void Resolver::committee(const R& rec) {
  if (rec.committee.empty()) {
    core::Diagnostic d;
    d.rule = "XML-REF";
    d.location = rec.location;
    d.record_id = rec.id;
    d.message = "记录未指明所属委员会 / record names no committee";
    d.hints.push_back("在 <records committee=\"…\"> 或记录自身的 committee 属性中写明委员会编号");
    sink_.push(std::move(d));
    return;
  }
  ref(rec, "committee", rec.committee, committees_, "委员会");
}

void Resolver::members() {
  // One person may sit in several committees, but only once in each.
  std::unordered_map<std::string, const model::Member*> seen;
  for (const auto& m : r_.members) {
    committee(m);
    auto [it, fresh] = seen.emplace(m.committee + '\n' + m.person, &m);
    if (fresh) continue;
    core::Diagnostic d;
    d.rule = "XML-DUPLICATE";
    d.location = m.location;
    d.record_id = m.id;
    d.committee = m.committee;
    d.message = fmt::format("人员 '{}' 在委员会 '{}' 中重复列出 / person listed twice in one committee", m.person,
                            m.committee);
    d.hints.push_back("首次出现于 " + where(it->second->location));
    sink_.push(std::move(d));
  }
}

void Resolver::run() {
  duplicates(r_.committees, "委员会");
  duplicates(r_.members, "成员");
  duplicates(r_.research_topics, "调研课题");
  duplicates(r_.research_reports, "调研报告");
  duplicates(r_.field_stays, "蹲点");
  duplicates(r_.agenda_items, "议题");
  duplicates(r_.decisions, "决策");
  duplicates(r_.consultations, "决策咨询");
  duplicates(r_.directives, "上级部署");
  duplicates(r_.topical_reports, "专题报告");
  duplicates(r_.emergencies, "突发公共事件");
  duplicates(r_.party_group_reports, "党组报告");
  duplicates(r_.work_point_reports, "工作要点报告");
  duplicates(r_.meetings, "会议");
  duplicates(r_.resolutions, "决议");
  duplicates(r_.key_work_items, "重点工作");
  duplicates(r_.notifications, "情况通报");
  duplicates(r_.duty_reports, "述职述廉");
  duplicates(r_.evaluations, "民主评议/测评");
  duplicates(r_.inspections, "督察");
  duplicates(r_.admonitions, "诫勉谈话");
  duplicates(r_.inquiries, "函询");
  duplicates(r_.trips_abroad, "出国（境）");
  duplicates(r_.travel_leaves, "外出请假");
  duplicates(r_.travel_summaries, "外出请假汇总");
  duplicates(r_.supervision_items, "督查督办事项");
  duplicates(r_.accountability_cases, "责任追究");

  for (const auto& c : r_.committees) {
    if (c.parent.empty() || committees_.count(c.parent) || tolerated_.count(c.parent)) continue;
    core::Diagnostic d;
    d.severity = core::Severity::kWarning;
    d.rule = "XML-REF";
    d.location = c.location;
    d.record_id = c.id;
    d.committee = c.id;
    d.message = fmt::format("上级委员会 '{}' 不在读入的记录中（属性 parent）/ parent committee not loaded", c.parent);
    d.hints.push_back("与上级有关的规则（请假审批、民主生活会指导等）需要同时读入上级委员会的记录");
    sink_.push(std::move(d));
  }
  members();
  for (const auto& t : r_.research_topics) {
    committee(t);
    person(t, "owner", t.owner);
    person(t, "set-by", t.set_by);
  }
  for (const auto& x : r_.research_reports) {
    committee(x);
    ref(x, "topic", x.topic, topics_, "调研课题");
    person(x, "author", x.author);
    person(x, "drafted-by", x.drafted_by);
  }
  for (const auto& s : r_.field_stays) {
    committee(s);
    person(s, "member", s.member);
  }
  for (const auto& a : r_.agenda_items) {
    committee(a);
    person(a, "proposer", a.proposer);
    ref(a, "meeting", a.meeting, meetings_, "会议");
    refs(a, "research", a.research, research_, "调研报告或蹲点");
  }
  for (const auto& d : r_.decisions) {
    committee(d);
    ref(d, "meeting", d.meeting, meetings_, "会议");
    refs(d, "consultations", d.consultations, consultations_, "决策咨询");
    person(d, "responsible", d.responsible);
  }
  for (const auto& c : r_.consultations) {
    committee(c);
    ref(c, "decision", c.decision, decisions_, "决策");
    person(c, "organiser", c.organiser);
    for (const auto& p : c.participants) person(c, "participant/person", p.person);
  }
  for (const auto& d : r_.directives) committee(d);
  for (const auto& t : r_.topical_reports) {
    committee(t);
    ref(t, "directive", t.directive, directives_, "上级部署");
    person(t, "signed-by", t.signed_by);
  }
  for (const auto& e : r_.emergencies) committee(e);
  for (const auto& p : r_.party_group_reports) {
    committee(p);
    ref(p, "meeting", p.meeting, meetings_, "会议");
  }
  for (const auto& w : r_.work_point_reports) committee(w);
  for (const auto& m : r_.meetings) {
    committee(m);
    for (const auto& a : m.attendees) person(m, "attendees", a);
    for (const auto& a : m.absentees) person(m, "absence/person", a.person);
    for (const auto& o : m.observers) person(m, "observer/person", o.person);
    refs(m, "agenda", m.agenda, agenda_, "议题");
    person(m, "guiding-leader", m.guiding_leader);
  }
  for (const auto& x : r_.resolutions) {
    committee(x);
    ref(x, "meeting", x.meeting, meetings_, "会议");
  }
  for (const auto& k : r_.key_work_items) {
    committee(k);
    person(k, "person", k.person);
  }
  for (const auto& n : r_.notifications) {
    committee(n);
    refs(n, "decisions", n.decisions, decisions_, "决策");
  }
  for (const auto& x : r_.duty_reports) {
    committee(x);
    person(x, "person", x.person);
  }
  for (const auto& e : r_.evaluations) {
    committee(e);
    for (const auto& v : e.votes) person(e, "vote/person", v.person);
  }
  for (const auto& i : r_.inspections) {
    committee(i);
    ref(i, "evaluation", i.evaluation, evaluations_, "民主评议/测评");
    person(i, "person", i.person);
  }
  for (const auto& a : r_.admonitions) {
    committee(a);
    person(a, "person", a.person);
  }
  for (const auto& q : r_.inquiries) {
    committee(q);
    person(q, "person", q.person);
    ref(q, "follow-up-inquiry", q.follow_up_inquiry, inquiries_, "函询");
  }
  for (const auto& t : r_.trips_abroad) {
    committee(t);
    person(t, "person", t.person);
    person(t, "consent-by", t.consent_by);
  }
  for (const auto& t : r_.travel_leaves) {
    committee(t);
    person(t, "person", t.person);
    for (const auto& a : t.approvals) person(t, "approval/approver", a.approver);
  }
  for (const auto& s : r_.travel_summaries) {
    committee(s);
    refs(s, "trips", s.trips, travel_, "外出请假");
  }
  for (const auto& s : r_.supervision_items) {
    committee(s);
    ref(s, "decision", s.decision, decisions_, "决策");
    person(s, "instructed-by", s.instructed_by);
    person(s, "responsible", s.responsible);
  }
  for (const auto& k : r_.accountability_cases) {
    committee(k);
    person(k, "person", k.person);
    ref(k, "team", k.team, committees_, "委员会");
    for (const auto& x : k.responsibilities) person(k, "responsibility/person", x.person);
  }
}

}  // namespace

void resolve_references(const model::Records& records, core::DiagnosticSink& sink,
                        const std::unordered_set<std::string>& tolerated) {
  Resolver(records, sink, tolerated).run();
}

}  // namespace wenshu::ingest

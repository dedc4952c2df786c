// Field access and the extractors of committees, members and the DY, ZX, BG and TG records
// (schemas/records.xsd → model/records.h, one element per record).
#include "ingest/records_extract.h"

#include <charconv>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "ingest/xml_node.h"

namespace wenshu::ingest {

namespace {

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// XML whitespace trimmed at both ends and collapsed to one space inside (xs:token).
std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (is_xml_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_xml_space(s[b])) ++b;
  while (e > b && is_xml_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

bool has_name(const xmlNode* n, const char* name) { return local_name(n) == name; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

core::SourceLocation Fields::loc(const xmlNode* n) const { return node_location(n, file_); }

std::string Fields::line(const xmlNode* n, const char* attr) const {
  auto v = attribute(n, attr);
  return v ? collapse(*v) : std::string();
}

const xmlNode* Fields::child(const xmlNode* n, const char* name) const {
  for (const xmlNode* c = first_element(n); c; c = next_element(c))
    if (has_name(c, name)) return c;
  return nullptr;
}

std::vector<const xmlNode*> Fields::children(const xmlNode* n, const char* name) const {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = first_element(n); c; c = next_element(c))
    if (has_name(c, name)) out.push_back(c);
  return out;
}

std::string Fields::prose(const xmlNode* n, const char* name) const {
  const xmlNode* c = child(n, name);
  return c ? trim(text_content(c)) : std::string();
}

std::vector<std::string> Fields::lines(const xmlNode* n, const char* name) const {
  std::vector<std::string> out;
  for (const xmlNode* c : children(n, name)) out.push_back(collapse(text_content(c)));
  return out;
}

std::vector<std::string> Fields::ids(const xmlNode* n, const char* attr) const {
  std::vector<std::string> out;
  const std::string v = line(n, attr);
  std::size_t pos = 0;
  while (pos < v.size()) {
    std::size_t end = v.find(' ', pos);
    if (end == std::string::npos) end = v.size();
    if (end > pos) out.push_back(v.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

void Fields::bad_value(const xmlNode* n, const char* attr, const std::string& value, const std::string& expected) const {
  core::Diagnostic d;
  d.rule = "XML-SCHEMA";
  d.location = loc(n);
  d.record_id = line(n, "id");
  d.message = fmt::format("元素 {} 的属性 {}: 取值 '{}' 无效，应为 {} / invalid value", local_name(n), attr, value,
                          expected);
  sink_.push(std::move(d));
}

std::optional<core::Date> Fields::date(const xmlNode* n, const char* attr) const {
  const std::string v = line(n, attr);
  if (v.empty()) return std::nullopt;
  if (auto d = core::parse_date(v)) return d;
  bad_value(n, attr, v, "真实存在的日期 YYYY-MM-DD");
  return std::nullopt;
}

std::optional<core::DateTime> Fields::datetime(const xmlNode* n, const char* attr) const {
  const std::string v = line(n, attr);
  if (v.empty()) return std::nullopt;
  if (auto d = core::parse_datetime(v)) return d;
  bad_value(n, attr, v, "YYYY-MM-DDThh:mm");
  return std::nullopt;
}

std::optional<bool> Fields::maybe_flag(const xmlNode* n, const char* attr) const {
  const std::string v = line(n, attr);
  if (v.empty()) return std::nullopt;
  if (v == "true" || v == "1") return true;
  if (v == "false" || v == "0") return false;
  bad_value(n, attr, v, "true 或 false");
  return std::nullopt;
}

bool Fields::flag(const xmlNode* n, const char* attr, bool fallback) const {
  return maybe_flag(n, attr).value_or(fallback);
}

int Fields::integer(const xmlNode* n, const char* attr, int fallback) const {
  const std::string v = line(n, attr);
  if (v.empty()) return fallback;
  int out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec == std::errc() && p == v.data() + v.size()) return out;
  bad_value(n, attr, v, "整数");
  return fallback;
}

std::vector<int> Fields::integers(const xmlNode* n, const char* attr) const {
  std::vector<int> out;
  for (const auto& v : ids(n, attr)) {
    int x = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (ec == std::errc() && p == v.data() + v.size()) out.push_back(x);
    else bad_value(n, attr, v, "整数");
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dispatch
// ---------------------------------------------------------------------------------------------

bool extract_record(const Fields& f, const xmlNode* n, model::Records& out) {
  using Fn = void (*)(const Fields&, const xmlNode*, model::Records&);
  static const std::unordered_map<std::string_view, Fn> kExtractors = {
      {"committee", extract_committee},
      {"member", extract_member},
      {"research-topic", extract_research_topic},
      {"research-report", extract_research_report},
      {"field-stay", extract_field_stay},
      {"agenda-item", extract_agenda_item},
      {"decision", extract_decision},
      {"consultation", extract_consultation},
      {"directive", extract_directive},
      {"topical-report", extract_topical_report},
      {"emergency", extract_emergency},
      {"party-group-report", extract_party_group_report},
      {"work-point-report", extract_work_point_report},
      {"meeting", extract_meeting},
      {"resolution", extract_resolution},
      {"key-work-item", extract_key_work_item},
      {"notification", extract_notification},
      {"duty-report", extract_duty_report},
      {"evaluation", extract_evaluation},
      {"inspection", extract_inspection},
      {"admonition", extract_admonition},
      {"inquiry", extract_inquiry},
      {"trip-abroad", extract_trip_abroad},
      {"travel-leave", extract_travel_leave},
      {"travel-summary", extract_travel_summary},
      {"supervision-item", extract_supervision_item},
      {"accountability-case", extract_accountability_case},
  };
  auto it = kExtractors.find(local_name(n));
  if (it == kExtractors.end()) return false;
  it->second(f, n, out);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Committees and members
// ---------------------------------------------------------------------------------------------

void extract_committee(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Committee c;
  c.id = f.line(n, "id");
  c.location = f.loc(n);
  c.committee = c.id;
  c.level = f.term_or(n, "level", model::CommitteeLevel::kCounty);
  c.parent = f.line(n, "parent");
  c.name = f.line(n, "name");
  c.short_name = f.line(n, "short-name");
  c.agency_code = f.line(n, "agency-code");
  c.year = f.integer(n, "year", f.default_year());
  out.committees.push_back(std::move(c));
}

void extract_member(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Member m;
  f.base(n, m);
  m.person = f.line(n, "person");
  if (m.person.empty()) m.person = m.id;  // model/records.h: reader sets it to `id` when absent
  m.name = f.line(n, "name");
  m.role = f.term_or(n, "role", model::MemberRole::kMember);
  m.title = f.line(n, "title");
  m.portfolio = f.lines(n, "portfolio");
  m.principal = f.flag(n, "principal", false);
  m.gender = f.term<model::Gender>(n, "gender");
  out.members.push_back(std::move(m));
}

// ---------------------------------------------------------------------------------------------
// 调查研究制度 (DY)
// ---------------------------------------------------------------------------------------------

void extract_research_topic(const Fields& f, const xmlNode* n, model::Records& out) {
  model::ResearchTopic t;
  f.base(n, t);
  t.title = f.line(n, "title");
  t.owner = f.line(n, "owner");
  t.department = f.line(n, "department");
  t.set_by = f.line(n, "set-by");
  t.date = f.date(n, "date");
  t.year = f.integer(n, "year", t.date ? t.date->year : f.default_year());
  out.research_topics.push_back(std::move(t));
}

void extract_research_report(const Fields& f, const xmlNode* n, model::Records& out) {
  model::ResearchReport r;
  f.base(n, r);
  r.title = f.line(n, "title");
  r.topic = f.line(n, "topic");
  r.author = f.line(n, "author");
  r.drafted_by = f.line(n, "drafted-by");
  r.situation = f.prose(n, "situation");
  r.analysis = f.prose(n, "analysis");
  r.suggestions = f.prose(n, "suggestions");
  for (const xmlNode* c : f.children(n, "recommendation")) {
    model::Recommendation rec;
    rec.text = trim(text_content(c));
    rec.adoption = f.term<model::Adoption>(c, "adoption");
    rec.adoption_date = f.date(c, "adoption-date");
    rec.location = f.loc(c);
    r.recommendations.push_back(std::move(rec));
  }
  r.date = f.date(n, "date");
  out.research_reports.push_back(std::move(r));
}

void extract_field_stay(const Fields& f, const xmlNode* n, model::Records& out) {
  model::FieldStay s;
  f.base(n, s);
  s.member = f.line(n, "member");
  s.unit_name = f.line(n, "unit-name");
  s.unit_kind = f.term_or(n, "unit-kind", model::UnitKind::kOther);
  s.start = f.date(n, "start");
  s.end = f.date(n, "end");
  s.findings = f.prose(n, "findings");
  out.field_stays.push_back(std::move(s));
}

void extract_agenda_item(const Fields& f, const xmlNode* n, model::Records& out) {
  model::AgendaItem a;
  f.base(n, a);
  a.title = f.line(n, "title");
  a.proposer = f.line(n, "proposer");
  a.meeting = f.line(n, "meeting");
  a.needs_research = f.flag(n, "needs-research", false);
  a.options = f.lines(n, "option");
  a.research = f.ids(n, "research");
  out.agenda_items.push_back(std::move(a));
}

// ---------------------------------------------------------------------------------------------
// 决策咨询制度 (ZX)
// ---------------------------------------------------------------------------------------------

void extract_decision(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Decision d;
  f.base(n, d);
  d.title = f.line(n, "title");
  d.category = f.term_or(n, "category", model::DecisionCategory::kOrdinary);
  d.date = f.date(n, "date");
  d.meeting = f.line(n, "meeting");
  d.consultations = f.ids(n, "consultations");
  d.submitted = f.date(n, "submitted");
  d.responsible = f.line(n, "responsible");
  d.deadline = f.date(n, "deadline");
  d.not_for_release = f.flag(n, "not-for-release", false);
  d.not_for_release_reason = f.line(n, "not-for-release-reason");
  out.decisions.push_back(std::move(d));
}

void extract_consultation(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Consultation c;
  f.base(n, c);
  c.subject = f.line(n, "subject");
  c.decision = f.line(n, "decision");
  c.organiser = f.line(n, "organiser");
  c.organiser_department = f.line(n, "organiser-department");
  c.forms = f.terms<model::ConsultForm>(n, "forms");
  c.report_date = f.date(n, "report-date");
  c.conclusion = f.term<model::ConsultConclusion>(n, "conclusion");
  for (const xmlNode* p : f.children(n, "participant")) {
    model::Participant part;
    part.kind = f.term_or(p, "kind", model::ParticipantKind::kStaff);
    part.name = f.line(p, "name");
    part.person = f.line(p, "person");
    c.participants.push_back(std::move(part));
  }
  c.process_recorded = f.flag(n, "process-recorded", false);
  c.archived = f.flag(n, "archived", false);
  c.archive_ref = f.line(n, "archive-ref");
  c.expert_feedback = f.date(n, "expert-feedback");
  c.finished = f.date(n, "finished");
  out.consultations.push_back(std::move(c));
}

// ---------------------------------------------------------------------------------------------
// 定期报告制度 (BG)
// ---------------------------------------------------------------------------------------------

void extract_directive(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Directive d;
  f.base(n, d);
  d.from = f.line(n, "from");
  d.title = f.line(n, "title");
  d.date = f.date(n, "date");
  d.needs_report = f.flag(n, "needs-report", false);
  d.deadline = f.date(n, "deadline");
  out.directives.push_back(std::move(d));
}

void extract_topical_report(const Fields& f, const xmlNode* n, model::Records& out) {
  model::TopicalReport r;
  f.base(n, r);
  r.directive = f.line(n, "directive");
  r.title = f.line(n, "title");
  r.date = f.date(n, "date");
  r.signed_by = f.line(n, "signed-by");
  out.topical_reports.push_back(std::move(r));
}

void extract_emergency(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Emergency e;
  f.base(n, e);
  e.title = f.line(n, "title");
  e.occurred = f.datetime(n, "occurred");
  e.known = f.datetime(n, "known");
  e.reported = f.datetime(n, "reported");
  e.reported_to = f.line(n, "reported-to");
  out.emergencies.push_back(std::move(e));
}

void extract_party_group_report(const Fields& f, const xmlNode* n, model::Records& out) {
  model::PartyGroupReport r;
  f.base(n, r);
  r.group = f.term_or(n, "group", model::PartyGroup::kGovernment);
  r.quarter = f.integer(n, "quarter", 0);
  r.date = f.date(n, "date");
  r.meeting = f.line(n, "meeting");
  out.party_group_reports.push_back(std::move(r));
}

void extract_work_point_report(const Fields& f, const xmlNode* n, model::Records& out) {
  model::WorkPointReport r;
  f.base(n, r);
  r.kind = f.term_or(n, "kind", model::WorkPointReportKind::kMidYear);
  r.date = f.date(n, "date");
  r.year = f.integer(n, "year", f.default_year());
  r.written = f.flag(n, "written", true);
  out.work_point_reports.push_back(std::move(r));
}

// ---------------------------------------------------------------------------------------------
// 通报沟通制度 (TG) and meetings
// ---------------------------------------------------------------------------------------------

void extract_meeting(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Meeting m;
  f.base(n, m);
  m.kind = f.term_or(n, "kind", model::MeetingKind::kStanding);
  m.date = f.date(n, "date");
  m.title = f.line(n, "title");
  m.attendees = f.ids(n, "attendees");
  for (const xmlNode* a : f.children(n, "absence")) m.absentees.push_back({f.line(a, "person"), f.line(a, "reason")});
  for (const xmlNode* o : f.children(n, "observer")) {
    model::Observer ob;
    ob.person = f.line(o, "person");
    ob.name = f.line(o, "name");
    ob.organisation = f.term_or(o, "organisation", model::ObserverOrg::kOther);
    ob.title = f.line(o, "title");
    m.observers.push_back(std::move(ob));
  }
  m.agenda = f.ids(n, "agenda");
  m.hears_work_reports = f.flag(n, "hears-work-reports", false);
  m.standing_committee_report = f.flag(n, "standing-committee-report", false);
  m.theme = f.line(n, "theme");
  m.corrective_measures = f.lines(n, "corrective-measure");
  m.guiding_leader = f.line(n, "guiding-leader");
  m.guiding_leader_name = f.line(n, "guiding-leader-name");
  out.meetings.push_back(std::move(m));
}

void extract_resolution(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Resolution r;
  f.base(n, r);
  r.title = f.line(n, "title");
  r.doc_number = f.line(n, "doc-number");
  r.passed_by = f.term_or(n, "passed-by", model::PassingBody::kStanding);
  r.meeting = f.line(n, "meeting");
  r.date = f.date(n, "date");
  for (const xmlNode* p : f.children(n, "publication")) {
    model::Publication pub;
    pub.channel = f.term_or(p, "channel", model::PublicationChannel::kInternal);
    pub.date = f.date(p, "date");
    r.publications.push_back(pub);
  }
  r.not_for_release = f.flag(n, "not-for-release", false);
  r.not_for_release_reason = f.line(n, "not-for-release-reason");
  out.resolutions.push_back(std::move(r));
}

void extract_key_work_item(const Fields& f, const xmlNode* n, model::Records& out) {
  model::KeyWorkItem k;
  f.base(n, k);
  k.person = f.line(n, "person");
  k.person_name = f.line(n, "person-name");
  k.organisation = f.line(n, "organisation");
  k.work = f.prose(n, "work");
  k.start = f.date(n, "start");
  k.end = f.date(n, "end");
  out.key_work_items.push_back(std::move(k));
}

void extract_notification(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Notification x;
  f.base(n, x);
  x.decisions = f.ids(n, "decisions");
  x.date = f.date(n, "date");
  x.audiences = f.terms<model::Audience>(n, "audiences");
  x.method = f.line(n, "method");
  out.notifications.push_back(std::move(x));
}

}  // namespace wenshu::ingest

// Every record kind described once. A kind's descriptor is its element name, its Chinese label,
// the Records member it fills, and one `describe()` function that names each field with its
// type: a date, a person reference, a reference to a decision, a list of enumeration terms …
// The stages read the descriptors through visitors, so one description drives
//   - the records reader (ingest/records_extract.cc: element → record),
//   - the merge of the files and the id indexes (records_reader.cc, Records::build_index),
//   - the reference check (ingest/records_resolve.cc: XML-DUPLICATE, XML-REF),
//   - the records writer (ingest/records_writer.cc; synthetic years are written with it),
//   - the templates' input (compose/records_xml.cc).
// Adding a field to a kind touches schemas/records.xsd, the struct in model/records*.h and the
// kind's describe() below. Adding a kind adds a struct, a describe(), a WENSHU_RECORD_KIND line
// and an entry of RecordKinds. HACKING.md "How to add a record kind or field" walks through it.
//
// A visitor V provides one member function per field type (line, prose, date, person, ref …,
// see RecordVisitor below for the list and what each means). describe(v, r) calls them in the
// order of the schema's child sequence: the writers rely on that order.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "model/records.h"

namespace wenshu::model {

// ---------------------------------------------------------------------------------------------
// Field annotations
// ---------------------------------------------------------------------------------------------

/// The kinds a record reference may point at (`ref("meeting", d.meeting, to<Meeting>)`); a
/// reference to either of several kinds lists them all (to<ResearchReport, FieldStay>).
template <class... Kinds>
struct RefTo {};
template <class... Kinds>
inline constexpr RefTo<Kinds...> to{};

/// How the templates' input (docs/templates.md) writes a field when that differs from the
/// records format: another name, a child element instead of an attribute, or not at all.
struct Out {
  enum Form : unsigned char { kSame, kElement, kSkip };
  Form form = kSame;
  const char* name = nullptr;  ///< the templates' name; nullptr: the records name
  /// The name to write under `records_name`.
  const char* name_or(const char* records_name) const { return name != nullptr ? name : records_name; }
};
/// Written under another name.
constexpr Out as(const char* name) { return {Out::kSame, name}; }
/// A one-line value written as a child element (`<title>…</title>`), optionally renamed.
constexpr Out as_element(const char* name = nullptr) { return {Out::kElement, name}; }
/// Not written (the templates get a computed value instead, see compose/records_xml.cc).
inline constexpr Out kNotComposed{Out::kSkip, nullptr};

/// The fields a visitor is asked about, with their meaning. Written as a concept-free list
/// for the reader of this file; each visitor implements all of them.
///   line(name, std::string&, Out)             one-line attribute, whitespace collapsed
///   key(name, std::string&, const std::string& fallback, Out)
///                                             an id that defaults to `fallback` (member person)
///   prose(name, std::string&, Out)            text of a child element, trimmed
///   lines(name, std::vector<std::string>&, Out)  text of every child element `name`
///   own_text(std::string&, Out)               the element's own text (a recommendation)
///   date(name, std::optional<core::Date>&, Out)          YYYY-MM-DD
///   datetime(name, std::optional<core::DateTime>&, Out)  YYYY-MM-DDThh:mm
///   flag(name, bool&, bool fallback, Out)     true/false with its default
///   maybe_flag(name, std::optional<bool>&, Out)  true/false, unknown when absent
///   integer(name, int&, int fallback, Out)    a whole number; a negative fallback = not stated
///   integers(name, std::vector<int>&, Out)    a space-separated list of whole numbers
///   year(name, int&, const std::optional<core::Date>* date, Out)
///                                             a year; absent: the date's year, else the file's
///   term(name, E&, E fallback, Out) / term(name, std::optional<E>&, Out)  an enumeration term
///   terms(name, std::vector<E>&, Out)         a space-separated list of terms
///   person(name, std::string&, Out)           a person id (Member::person)
///   persons(name, std::vector<std::string>&, Out)  a space-separated list of person ids
///   ref(name, std::string&, RefTo<Kinds…>, Out)    the id of a record of one of Kinds
///   refs(name, std::vector<std::string>&, RefTo<Kinds…>, Out)  a list of such ids
///   children(name, std::vector<C>&, Out)      repeated child elements, each describe()d
///   child(name, std::optional<C>&, Out)       an optional child element, describe()d
///   location(core::SourceLocation&)           where a child element is (nested parts)
struct RecordVisitorFieldList;

/// The fields a visitor does not look at: every function of the list above, doing nothing. A
/// visitor derives from it and declares only the functions it needs (those hide these). Note that
/// children() and child() are here too: a visitor that must see nested parts declares them.
struct SkipFields {
  template <class... Args>
  void line(Args&&...) {}
  template <class... Args>
  void key(Args&&...) {}
  template <class... Args>
  void prose(Args&&...) {}
  template <class... Args>
  void lines(Args&&...) {}
  template <class... Args>
  void own_text(Args&&...) {}
  template <class... Args>
  void date(Args&&...) {}
  template <class... Args>
  void datetime(Args&&...) {}
  template <class... Args>
  void flag(Args&&...) {}
  template <class... Args>
  void maybe_flag(Args&&...) {}
  template <class... Args>
  void integer(Args&&...) {}
  template <class... Args>
  void integers(Args&&...) {}
  template <class... Args>
  void year(Args&&...) {}
  template <class... Args>
  void term(Args&&...) {}
  template <class... Args>
  void terms(Args&&...) {}
  template <class... Args>
  void person(Args&&...) {}
  template <class... Args>
  void persons(Args&&...) {}
  template <class... Args>
  void ref(Args&&...) {}
  template <class... Args>
  void refs(Args&&...) {}
  template <class... Args>
  void children(Args&&...) {}
  template <class... Args>
  void child(Args&&...) {}
  template <class... Args>
  void location(Args&&...) {}
};

// ---------------------------------------------------------------------------------------------
// The kinds
// ---------------------------------------------------------------------------------------------

/// The traits of one record kind (specialised below for every kind).
template <class R>
struct Kind;

/// Declares Kind<R>: XML element, Chinese label (messages), member of Records, the element of
/// the templates' input ("" = not written there), and whether find<R>() has an id index.
#define WENSHU_RECORD_KIND(R, member_, element_, label_, composed_, indexed_) \
  template <>                                                                \
  struct Kind<R> {                                                           \
    static constexpr std::string_view element = element_;                    \
    static constexpr std::string_view label = label_;                        \
    static constexpr std::string_view composed = composed_;                  \
    static constexpr bool indexed = indexed_;                                \
    static constexpr auto member = &Records::member_;                        \
  };

WENSHU_RECORD_KIND(Committee, committees, "committee", "委员会", "", true)
WENSHU_RECORD_KIND(Member, members, "member", "成员", "member", true)
WENSHU_RECORD_KIND(ResearchTopic, research_topics, "research-topic", "调研课题", "research-topic", true)
WENSHU_RECORD_KIND(ResearchReport, research_reports, "research-report", "调研报告", "research-report", true)
WENSHU_RECORD_KIND(FieldStay, field_stays, "field-stay", "蹲点", "field-stay", true)
WENSHU_RECORD_KIND(AgendaItem, agenda_items, "agenda-item", "议题", "agenda-item", true)
WENSHU_RECORD_KIND(Decision, decisions, "decision", "决策", "decision", true)
WENSHU_RECORD_KIND(Consultation, consultations, "consultation", "决策咨询", "consultation", true)
WENSHU_RECORD_KIND(Directive, directives, "directive", "上级部署", "directive", true)
WENSHU_RECORD_KIND(TopicalReport, topical_reports, "topical-report", "专题报告", "topical-report", false)
WENSHU_RECORD_KIND(Emergency, emergencies, "emergency", "突发公共事件", "emergency", false)
WENSHU_RECORD_KIND(PartyGroupReport, party_group_reports, "party-group-report", "党组报告", "party-group-report", false)
WENSHU_RECORD_KIND(WorkPointReport, work_point_reports, "work-point-report", "工作要点报告", "work-point-report", false)
WENSHU_RECORD_KIND(Meeting, meetings, "meeting", "会议", "meeting", true)
WENSHU_RECORD_KIND(Resolution, resolutions, "resolution", "决议", "resolution", false)
WENSHU_RECORD_KIND(KeyWorkItem, key_work_items, "key-work-item", "重点工作", "key-work", false)
WENSHU_RECORD_KIND(Notification, notifications, "notification", "情况通报", "notification", false)
WENSHU_RECORD_KIND(DutyReport, duty_reports, "duty-report", "述职述廉", "duty-report", false)
WENSHU_RECORD_KIND(Evaluation, evaluations, "evaluation", "民主评议/测评", "evaluation", true)
WENSHU_RECORD_KIND(Inspection, inspections, "inspection", "督察", "inspection", false)
WENSHU_RECORD_KIND(Admonition, admonitions, "admonition", "诫勉谈话", "admonition", false)
WENSHU_RECORD_KIND(Inquiry, inquiries, "inquiry", "函询", "inquiry", true)
WENSHU_RECORD_KIND(TripAbroad, trips_abroad, "trip-abroad", "出国（境）", "trip-abroad", false)
WENSHU_RECORD_KIND(TravelLeave, travel_leaves, "travel-leave", "外出请假", "travel-leave", true)
WENSHU_RECORD_KIND(TravelSummary, travel_summaries, "travel-summary", "外出请假汇总", "travel-summary", false)
WENSHU_RECORD_KIND(SupervisionItem, supervision_items, "supervision-item", "督查督办事项", "supervision", false)
WENSHU_RECORD_KIND(AccountabilityCase, accountability_cases, "accountability-case", "责任追究", "accountability", false)
#undef WENSHU_RECORD_KIND

/// Calls f(std::type_identity<R>{}) for every record kind R, in RecordKinds order.
template <class F>
void for_each_kind(F&& f) {
  [&]<class... Kinds>(KindList<Kinds...>) { (f(std::type_identity<Kinds>{}), ...); }(RecordKinds{});
}

/// The records of kind R.
template <class R>
std::vector<R>& all_of(Records& r) {
  return r.*Kind<R>::member;
}
template <class R>
const std::vector<R>& all_of(const Records& r) {
  return r.*Kind<R>::member;
}

template <class R>
const R* Records::find(std::string_view id) const {
  return std::get<IdIndex<R>>(indexes_).find(all_of<R>(*this), id);
}

/// The Chinese label of the kind whose element is `element` ("field-stay" → 蹲点), or "".
std::string_view kind_label(std::string_view element);

/// "调研报告或蹲点": the labels of the kinds a reference may point at.
template <class... Kinds>
std::string labels_of(RefTo<Kinds...>) {
  std::string out;
  ((out += (out.empty() ? "" : "或") + std::string(Kind<Kinds>::label)), ...);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The fields of every kind (and of the parts records are made of)
// ---------------------------------------------------------------------------------------------

/// `R` is `T` or `const T`: one describe() serves readers (which fill) and writers (which read).
template <class R, class T>
concept Describes = std::is_same_v<std::remove_const_t<R>, T>;

// Committees and members -------------------------------------------------------------------------

template <class V, Describes<Committee> R>
void describe(V& v, R& c) {
  v.term("level", c.level, CommitteeLevel::kCounty);
  v.line("parent", c.parent);
  v.line("name", c.name);
  v.line("short-name", c.short_name);
  v.line("agency-code", c.agency_code);
  v.year("year", c.year, nullptr);
}

template <class V, Describes<Member> R>
void describe(V& v, R& m) {
  v.key("person", m.person, m.id);
  v.line("name", m.name);
  v.term("role", m.role, MemberRole::kMember);
  v.line("title", m.title);
  v.lines("portfolio", m.portfolio);
  v.flag("principal", m.principal, false);
  v.term("gender", m.gender);
  v.date("term-start", m.term_start);
  v.date("term-end", m.term_end);
}

// 调查研究制度 (DY) -------------------------------------------------------------------------------

template <class V, Describes<ResearchTopic> R>
void describe(V& v, R& t) {
  v.line("title", t.title, as_element());
  v.person("owner", t.owner);
  v.line("department", t.department);
  v.person("set-by", t.set_by);
  v.date("date", t.date);
  v.year("year", t.year, &t.date);  // after the date: its default is the date's year
}

template <class V, Describes<Recommendation> R>
void describe(V& v, R& rec) {
  v.location(rec.location);
  v.term("adoption", rec.adoption);
  v.date("adoption-date", rec.adoption_date);
  v.own_text(rec.text, as_element("text"));
}

template <class V, Describes<ResearchReport> R>
void describe(V& v, R& r) {
  v.line("title", r.title, as_element());
  v.ref("topic", r.topic, to<ResearchTopic>);
  v.person("author", r.author);
  v.person("drafted-by", r.drafted_by);
  v.date("date", r.date);
  v.prose("situation", r.situation);
  v.prose("analysis", r.analysis);
  v.prose("suggestions", r.suggestions);
  v.children("recommendation", r.recommendations);
}

template <class V, Describes<FieldStay> R>
void describe(V& v, R& s) {
  v.person("member", s.member);
  v.line("unit-name", s.unit_name, as("unit"));
  v.term("unit-kind", s.unit_kind, UnitKind::kOther);
  v.date("start", s.start);
  v.date("end", s.end);
  v.prose("findings", s.findings);
}

template <class V, Describes<AgendaItem> R>
void describe(V& v, R& a) {
  v.line("title", a.title, as_element());
  v.person("proposer", a.proposer);
  v.ref("meeting", a.meeting, to<Meeting>);
  v.flag("needs-research", a.needs_research, false);
  v.refs("research", a.research, to<ResearchReport, FieldStay>);
  v.lines("option", a.options);
}

// 决策咨询制度 (ZX) -------------------------------------------------------------------------------

template <class V, Describes<Decision> R>
void describe(V& v, R& d) {
  v.line("title", d.title, as_element());
  v.term("category", d.category, DecisionCategory::kOrdinary);
  v.ref("meeting", d.meeting, to<Meeting>);
  v.date("date", d.date);
  v.refs("consultations", d.consultations, to<Consultation>);
  v.date("submitted", d.submitted);
  v.date("deadline", d.deadline);
  v.person("responsible", d.responsible);
  v.flag("not-for-release", d.not_for_release, false);
  v.line("not-for-release-reason", d.not_for_release_reason);
}

template <class V, Describes<Participant> R>
void describe(V& v, R& p) {
  v.term("kind", p.kind, ParticipantKind::kStaff);
  v.line("name", p.name);
  v.person("person", p.person, kNotComposed);  // the templates print the name as written
}

template <class V, Describes<Consultation> R>
void describe(V& v, R& c) {
  v.line("subject", c.subject, as_element());
  v.ref("decision", c.decision, to<Decision>);
  v.person("organiser", c.organiser);
  v.line("organiser-department", c.organiser_department);
  v.terms("forms", c.forms, as("form"));
  v.date("report-date", c.report_date);
  v.date("finished", c.finished);
  v.date("expert-feedback", c.expert_feedback);
  v.term("conclusion", c.conclusion);
  v.flag("process-recorded", c.process_recorded, false);
  v.flag("archived", c.archived, false);
  v.line("archive-ref", c.archive_ref);
  v.children("participant", c.participants);
}

// 定期报告制度 (BG) -------------------------------------------------------------------------------

template <class V, Describes<Directive> R>
void describe(V& v, R& d) {
  v.line("title", d.title, as_element());
  v.line("from", d.from);
  v.flag("needs-report", d.needs_report, false);
  v.date("date", d.date);
  v.date("deadline", d.deadline);
}

template <class V, Describes<TopicalReport> R>
void describe(V& v, R& t) {
  v.line("title", t.title, as_element());
  v.ref("directive", t.directive, to<Directive>);
  v.person("signed-by", t.signed_by);
  v.date("date", t.date);
}

template <class V, Describes<Emergency> R>
void describe(V& v, R& e) {
  v.line("title", e.title, as_element());
  v.datetime("occurred", e.occurred);
  v.datetime("known", e.known);
  v.datetime("reported", e.reported);
  v.line("reported-to", e.reported_to);
}

template <class V, Describes<PartyGroupReport> R>
void describe(V& v, R& p) {
  v.term("group", p.group, PartyGroup::kGovernment);
  v.integer("quarter", p.quarter, 0, kNotComposed);  // the templates get the computed quarter
  v.date("date", p.date);
  v.ref("meeting", p.meeting, to<Meeting>);
}

template <class V, Describes<WorkPointReport> R>
void describe(V& v, R& p) {
  v.term("kind", p.kind, WorkPointReportKind::kMidYear);
  v.date("date", p.date);
  v.year("year", p.year, nullptr);
  v.flag("written", p.written, true);
}

// 通报沟通制度 (TG) and meetings ----------------------------------------------------------------------

template <class V, Describes<Absence> R>
void describe(V& v, R& a) {
  v.person("person", a.person, as("ref"));
  v.line("reason", a.reason);
}

template <class V, Describes<Observer> R>
void describe(V& v, R& o) {
  v.person("person", o.person, kNotComposed);  // the templates print the name as written
  v.line("name", o.name);
  v.term("organisation", o.organisation, ObserverOrg::kOther);
  v.line("title", o.title);
}

template <class V, Describes<Meeting> R>
void describe(V& v, R& m) {
  v.term("kind", m.kind, MeetingKind::kStanding);
  v.date("date", m.date);
  v.line("title", m.title, as_element());
  v.persons("attendees", m.attendees, as("attendee"));
  v.refs("agenda", m.agenda, to<AgendaItem>, kNotComposed);  // composed with the items' titles
  v.flag("hears-work-reports", m.hears_work_reports, false);
  v.flag("standing-committee-report", m.standing_committee_report, false);
  v.line("theme", m.theme, as_element());
  v.person("guiding-leader", m.guiding_leader);
  v.line("guiding-leader-name", m.guiding_leader_name, as("guiding-leader-name-as-written"));
  v.children("absence", m.absentees, as("absentee"));
  v.children("observer", m.observers);
  v.lines("corrective-measure", m.corrective_measures, as("measure"));
}

template <class V, Describes<Publication> R>
void describe(V& v, R& p) {
  v.term("channel", p.channel, PublicationChannel::kInternal);
  v.date("date", p.date);
}

template <class V, Describes<Resolution> R>
void describe(V& v, R& r) {
  v.line("title", r.title, as_element());
  v.line("doc-number", r.doc_number);
  v.term("passed-by", r.passed_by, PassingBody::kStanding);
  v.ref("meeting", r.meeting, to<Meeting>);
  v.date("date", r.date);
  v.flag("not-for-release", r.not_for_release, false);
  v.line("not-for-release-reason", r.not_for_release_reason);
  v.children("publication", r.publications);
}

template <class V, Describes<KeyWorkItem> R>
void describe(V& v, R& k) {
  v.person("person", k.person);
  v.line("person-name", k.person_name, as("person-name-as-written"));
  v.line("organisation", k.organisation);
  v.date("start", k.start);
  v.date("end", k.end);
  v.prose("work", k.work);
}

template <class V, Describes<Notification> R>
void describe(V& v, R& n) {
  v.refs("decisions", n.decisions, to<Decision>);
  v.date("date", n.date);
  v.terms("audiences", n.audiences, as("audience"));
  v.line("method", n.method);
}

// 监督制度 (JD) -----------------------------------------------------------------------------------

template <class V, Describes<DutyReport> R>
void describe(V& v, R& r) {
  v.person("person", r.person);
  v.date("date", r.date);
  v.year("year", r.year, &r.date);
}

template <class V, Describes<VoteCount> R>
void describe(V& v, R& c) {
  v.location(c.location);
  v.person("person", c.person);
  v.integer("valid", c.valid, 0);
  v.integer("competent", c.competent, 0);
  v.integer("basically-competent", c.basically_competent, 0);
  v.integer("incompetent", c.incompetent, 0);
  v.integer("good", c.good, 0);
  v.integer("fairly-good", c.fairly_good, 0);
  v.integer("average", c.average, 0);
  v.integer("poor", c.poor, 0);
  v.flag("issues-concentrated", c.issues_concentrated, false);
}

template <class V, Describes<Evaluation> R>
void describe(V& v, R& e) {
  v.term("method", e.method, EvaluationMethod::kPoll);
  v.date("date", e.date);
  v.year("year", e.year, &e.date);
  v.children("vote", e.votes, as("votes"));
}

template <class V, Describes<Inspection> R>
void describe(V& v, R& i) {
  v.ref("evaluation", i.evaluation, to<Evaluation>);
  v.person("person", i.person);
  v.date("date", i.date);
  v.term("finding", i.finding, InspectionFinding::kNone);
  v.flag("proposal-to-city", i.proposal_to_city, false);
  v.date("proposal-date", i.proposal_date);
  v.term("handed-to", i.handed_to, HandedTo::kNone);
}

template <class V, Describes<Admonition> R>
void describe(V& v, R& a) {
  v.person("person", a.person);
  v.terms("conducted-by", a.conducted_by);
  v.date("date", a.date);
  v.maybe_flag("corrected", a.corrected);
  v.term("follow-up", a.follow_up, AdmonitionFollowUp::kNone);
  v.date("follow-up-date", a.follow_up_date);
  v.prose("problem", a.problem);
}

template <class V, Describes<Inquiry> R>
void describe(V& v, R& q) {
  v.person("person", q.person);
  v.term("issuer", q.issuer, SupervisoryBody::kDiscipline);
  v.date("date", q.date);
  v.date("deadline", q.deadline);
  v.flag("about-team", q.about_team, false);
  v.flag("to-principal", q.to_principal, false);
  v.date("reply-date", q.reply_date);
  v.maybe_flag("reply-clear", q.reply_clear);
  v.ref("follow-up-inquiry", q.follow_up_inquiry, to<Inquiry>);
  v.flag("organisational-handling", q.organisational_handling, false);
  v.prose("other-inquiry", q.other_inquiry);
}

template <class V, Describes<TripAbroad> R>
void describe(V& v, R& t) {
  v.person("person", t.person);
  v.term("purpose", t.purpose, TripPurpose::kOfficial);
  v.line("destination", t.destination);
  v.date("start", t.start);
  v.date("end", t.end);
  v.person("consent-by", t.consent_by);
  v.date("consent-date", t.consent_date);
  v.date("review-date", t.review_date);
  v.date("passport-date", t.passport_date);
}

template <class V, Describes<Approval> R>
void describe(V& v, R& a) {
  v.person("approver", a.approver);
  v.term("role", a.role, ApproverRole::kOther);
  v.date("date", a.date);
  v.line("comment", a.comment, as_element());
}

template <class V, Describes<TravelLeave> R>
void describe(V& v, R& t) {
  v.person("person", t.person);
  v.term("kind", t.kind, TravelKind::kOfficialTrip);
  v.date("start", t.start);
  v.date("end", t.end);
  v.integer("days", t.days, 0, kNotComposed);  // the templates get the computed length
  v.date("reported", t.reported);
  v.date("filed", t.filed);
  v.line("destination", t.destination);
  v.flag("unified-form", t.unified_form, false);
  v.prose("reason", t.reason);
  v.children("approval", t.approvals);
}

template <class V, Describes<TravelSummary> R>
void describe(V& v, R& s) {
  v.year("year", s.year, nullptr);
  v.integer("half", s.half, 0);
  v.date("date", s.date);
  v.flag("sent-to-org-dept", s.sent_to_org_dept, false);
  v.refs("trips", s.trips, to<TravelLeave>);
  v.integer("trip-count", s.trip_count, -1);
  v.integer("leave-count", s.leave_count, -1);
}

// 督查督办制度 (DB) -------------------------------------------------------------------------------

template <class V, Describes<SupervisionActivity> R>
void describe(V& v, R& a) {
  v.location(a.location);
  v.line("id", a.id, kNotComposed);
  v.line("organiser", a.organiser);
  v.line("target", a.target);
  v.flag("media-invited", a.media_invited, false, as("media"));
  v.date("date", a.date);
  v.terms("methods", a.methods, as("method"));
}

template <class V, Describes<SupervisionFeedback> R>
void describe(V& v, R& f) {
  v.location(f.location);
  v.date("date", f.date);
  // DB-6: the five parts of the feedback, in the clause's order.
  v.prose("measures", f.measures);
  v.prose("experience", f.experience);
  v.prose("reactions", f.reactions);
  v.prose("obstacles", f.obstacles);
  v.prose("suggestions", f.suggestions);
}

template <class V, Describes<SupervisionItem> R>
void describe(V& v, R& s) {
  v.line("title", s.title, as_element());
  v.term("source", s.source, SupervisionSource::kOther);
  v.ref("decision", s.decision, to<Decision>);
  v.person("instructed-by", s.instructed_by);
  v.date("instruction-date", s.instruction_date);
  v.person("responsible", s.responsible);
  v.date("deadline", s.deadline);
  v.date("result-date", s.result_date);
  v.line("organiser", s.organiser);
  v.line("target", s.target);
  v.children("activity", s.activities);
  v.prose("result", s.result);
  v.child("feedback", s.feedback);
}

// 责任追究制度 (ZZ) -------------------------------------------------------------------------------

template <class V, Describes<Responsibility> R>
void describe(V& v, R& r) {
  v.person("person", r.person);
  v.term("position", r.position, LeaderPosition::kOther);
  v.term("level", r.level, ResponsibilityLevel::kMain);
}

template <class V, Describes<AccountabilityCase> R>
void describe(V& v, R& k) {
  v.term("target", k.target, AccountabilityTarget::kPerson);
  v.person("person", k.person);
  v.ref("team", k.team, to<Committee>);
  v.line("deciding-body", k.deciding_body);
  v.maybe_flag("has-authority", k.has_authority);
  v.term("fault-of", k.fault_of, FaultOf::kUnknown);
  v.term("leniency", k.leniency, Leniency::kNone);
  v.date("date", k.date);
  v.integers("circumstances", k.circumstances, as("circumstance"));
  v.flag("discipline-needed", k.discipline_needed, false);
  v.flag("discipline-recorded", k.discipline_recorded, false);
  v.flag("crime-suspected", k.crime_suspected, false);
  v.flag("handed-to-judicial", k.handed_to_judicial, false);
  v.flag("self-corrected", k.self_corrected, false);
  v.flag("no-major-loss", k.no_major_loss, false);
  v.children("responsibility", k.responsibilities);
  v.lines("measure", k.measures);
}

}  // namespace wenshu::model

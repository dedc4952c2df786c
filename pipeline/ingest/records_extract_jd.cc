// Extractors of the JD (监督), DB (督查督办) and ZZ (责任追究) records
// (schemas/records.xsd → model/records_supervision.h).
#include "ingest/records_extract.h"

namespace wenshu::ingest {

// ---------------------------------------------------------------------------------------------
// 监督制度 (JD)
// ---------------------------------------------------------------------------------------------

void extract_duty_report(const Fields& f, const xmlNode* n, model::Records& out) {
  model::DutyReport r;
  f.base(n, r);
  r.person = f.line(n, "person");
  r.date = f.date(n, "date");
  r.year = f.integer(n, "year", r.date ? r.date->year : f.default_year());
  out.duty_reports.push_back(std::move(r));
}

void extract_evaluation(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Evaluation e;
  f.base(n, e);
  e.method = f.term_or(n, "method", model::EvaluationMethod::kPoll);
  e.date = f.date(n, "date");
  e.year = f.integer(n, "year", e.date ? e.date->year : f.default_year());
  for (const xmlNode* v : f.children(n, "vote")) {
    model::VoteCount c;
    c.person = f.line(v, "person");
    c.valid = f.integer(v, "valid", 0);
    c.competent = f.integer(v, "competent", 0);
    c.basically_competent = f.integer(v, "basically-competent", 0);
    c.incompetent = f.integer(v, "incompetent", 0);
    c.good = f.integer(v, "good", 0);
    c.fairly_good = f.integer(v, "fairly-good", 0);
    c.average = f.integer(v, "average", 0);
    c.poor = f.integer(v, "poor", 0);
    c.issues_concentrated = f.flag(v, "issues-concentrated", false);
    c.location = f.loc(v);
    e.votes.push_back(std::move(c));
  }
  out.evaluations.push_back(std::move(e));
}

void extract_inspection(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Inspection i;
  f.base(n, i);
  i.evaluation = f.line(n, "evaluation");
  i.person = f.line(n, "person");
  i.date = f.date(n, "date");
  i.finding = f.term_or(n, "finding", model::InspectionFinding::kNone);
  i.proposal_to_city = f.flag(n, "proposal-to-city", false);
  i.proposal_date = f.date(n, "proposal-date");
  i.handed_to = f.term_or(n, "handed-to", model::HandedTo::kNone);
  out.inspections.push_back(std::move(i));
}

void extract_admonition(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Admonition a;
  f.base(n, a);
  a.person = f.line(n, "person");
  a.conducted_by = f.terms<model::SupervisoryBody>(n, "conducted-by");
  a.date = f.date(n, "date");
  a.problem = f.prose(n, "problem");
  a.corrected = f.maybe_flag(n, "corrected");
  a.follow_up = f.term_or(n, "follow-up", model::AdmonitionFollowUp::kNone);
  a.follow_up_date = f.date(n, "follow-up-date");
  out.admonitions.push_back(std::move(a));
}

void extract_inquiry(const Fields& f, const xmlNode* n, model::Records& out) {
  model::Inquiry q;
  f.base(n, q);
  q.person = f.line(n, "person");
  q.issuer = f.term_or(n, "issuer", model::SupervisoryBody::kDiscipline);
  q.date = f.date(n, "date");
  q.deadline = f.date(n, "deadline");
  q.about_team = f.flag(n, "about-team", false);
  q.to_principal = f.flag(n, "to-principal", false);
  q.reply_date = f.date(n, "reply-date");
  q.reply_clear = f.maybe_flag(n, "reply-clear");
  q.follow_up_inquiry = f.line(n, "follow-up-inquiry");
  q.other_inquiry = f.prose(n, "other-inquiry");
  q.organisational_handling = f.flag(n, "organisational-handling", false);
  out.inquiries.push_back(std::move(q));
}

void extract_trip_abroad(const Fields& f, const xmlNode* n, model::Records& out) {
  model::TripAbroad t;
  f.base(n, t);
  t.person = f.line(n, "person");
  t.purpose = f.term_or(n, "purpose", model::TripPurpose::kOfficial);
  t.destination = f.line(n, "destination");
  t.start = f.date(n, "start");
  t.end = f.date(n, "end");
  t.consent_by = f.line(n, "consent-by");
  t.consent_date = f.date(n, "consent-date");
  t.review_date = f.date(n, "review-date");
  t.passport_date = f.date(n, "passport-date");
  out.trips_abroad.push_back(std::move(t));
}

void extract_travel_leave(const Fields& f, const xmlNode* n, model::Records& out) {
  model::TravelLeave t;
  f.base(n, t);
  t.person = f.line(n, "person");
  t.kind = f.term_or(n, "kind", model::TravelKind::kOfficialTrip);
  t.start = f.date(n, "start");
  t.end = f.date(n, "end");
  t.days = f.integer(n, "days", 0);
  t.reported = f.date(n, "reported");
  t.destination = f.line(n, "destination");
  t.reason = f.prose(n, "reason");
  for (const xmlNode* a : f.children(n, "approval")) {
    model::Approval ap;
    ap.approver = f.line(a, "approver");
    ap.role = f.term_or(a, "role", model::ApproverRole::kOther);
    ap.date = f.date(a, "date");
    ap.comment = f.line(a, "comment");
    t.approvals.push_back(std::move(ap));
  }
  t.filed = f.date(n, "filed");
  t.unified_form = f.flag(n, "unified-form", false);
  out.travel_leaves.push_back(std::move(t));
}

void extract_travel_summary(const Fields& f, const xmlNode* n, model::Records& out) {
  model::TravelSummary s;
  f.base(n, s);
  s.date = f.date(n, "date");
  s.year = f.integer(n, "year", f.default_year());
  s.half = f.integer(n, "half", 0);
  s.sent_to_org_dept = f.flag(n, "sent-to-org-dept", false);
  s.trips = f.ids(n, "trips");
  s.trip_count = f.integer(n, "trip-count", -1);
  s.leave_count = f.integer(n, "leave-count", -1);
  out.travel_summaries.push_back(std::move(s));
}

// ---------------------------------------------------------------------------------------------
// 督查督办制度 (DB)
// ---------------------------------------------------------------------------------------------

void extract_supervision_item(const Fields& f, const xmlNode* n, model::Records& out) {
  model::SupervisionItem s;
  f.base(n, s);
  s.title = f.line(n, "title");
  s.source = f.term_or(n, "source", model::SupervisionSource::kOther);
  s.decision = f.line(n, "decision");
  s.instructed_by = f.line(n, "instructed-by");
  s.instruction_date = f.date(n, "instruction-date");
  s.responsible = f.line(n, "responsible");
  s.deadline = f.date(n, "deadline");
  s.organiser = f.line(n, "organiser");
  s.target = f.line(n, "target");
  for (const xmlNode* a : f.children(n, "activity")) {
    model::SupervisionActivity act;
    act.id = f.line(a, "id");
    act.location = f.loc(a);
    act.date = f.date(a, "date");
    act.organiser = f.line(a, "organiser");
    act.target = f.line(a, "target");
    act.methods = f.terms<model::SupervisionMethod>(a, "methods");
    act.media_invited = f.flag(a, "media-invited", false);
    s.activities.push_back(std::move(act));
  }
  s.result = f.prose(n, "result");
  s.result_date = f.date(n, "result-date");
  if (const xmlNode* fb = f.child(n, "feedback")) {
    model::SupervisionFeedback feedback;
    feedback.date = f.date(fb, "date");
    feedback.measures = f.prose(fb, "measures");
    feedback.experience = f.prose(fb, "experience");
    feedback.reactions = f.prose(fb, "reactions");
    feedback.obstacles = f.prose(fb, "obstacles");
    feedback.suggestions = f.prose(fb, "suggestions");
    feedback.location = f.loc(fb);
    s.feedback = std::move(feedback);
  }
  out.supervision_items.push_back(std::move(s));
}

// ---------------------------------------------------------------------------------------------
// 责任追究制度 (ZZ)
// ---------------------------------------------------------------------------------------------

void extract_accountability_case(const Fields& f, const xmlNode* n, model::Records& out) {
  model::AccountabilityCase k;
  f.base(n, k);
  k.target = f.term_or(n, "target", model::AccountabilityTarget::kPerson);
  k.person = f.line(n, "person");
  k.team = f.line(n, "team");
  k.deciding_body = f.line(n, "deciding-body");
  k.has_authority = f.maybe_flag(n, "has-authority");
  k.date = f.date(n, "date");
  k.circumstances = f.integers(n, "circumstances");
  k.fault_of = f.term_or(n, "fault-of", model::FaultOf::kUnknown);
  for (const xmlNode* r : f.children(n, "responsibility")) {
    model::Responsibility resp;
    resp.person = f.line(r, "person");
    resp.position = f.term_or(r, "position", model::LeaderPosition::kOther);
    resp.level = f.term_or(r, "level", model::ResponsibilityLevel::kMain);
    k.responsibilities.push_back(std::move(resp));
  }
  k.measures = f.lines(n, "measure");
  k.discipline_needed = f.flag(n, "discipline-needed", false);
  k.discipline_recorded = f.flag(n, "discipline-recorded", false);
  k.crime_suspected = f.flag(n, "crime-suspected", false);
  k.handed_to_judicial = f.flag(n, "handed-to-judicial", false);
  k.leniency = f.term_or(n, "leniency", model::Leniency::kNone);
  k.self_corrected = f.flag(n, "self-corrected", false);
  k.no_major_loss = f.flag(n, "no-major-loss", false);
  out.accountability_cases.push_back(std::move(k));
}

}  // namespace wenshu::ingest

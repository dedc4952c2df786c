// model::Records → the templates' input XML (see records_xml.h). One writer function per
// regulation's records, then the statistics the annual report charts.
#include "compose/records_xml.h"

#include <algorithm>
#include <array>

#include "compose/annual_stats.h"
#include "compose/xml_writer.h"
#include "core/date.h"
#include "core/date_text.h"

namespace wenshu::compose {
namespace {

using model::Records;

std::string iso(const std::optional<core::Date>& d) { return d ? core::format_date(*d) : ""; }
/// A date as a 公文 writes it: rules.md GW-2 — Chinese numerals with 〇 before 2012-07-01 (GB/T
/// 9704-1999), Arabic from then on (GB/T 9704-2012 7.3.5.4).
std::string written(const core::Date& d) {
  return core::expected_numerals(d) == core::DateNumerals::kChinese ? core::format_date_chinese_numerals(d)
                                                                     : core::format_date_chinese(d);
}
std::string cn(const std::optional<core::Date>& d) { return d ? written(*d) : ""; }
std::string iso(const std::optional<core::DateTime>& t) { return t ? core::format_datetime(*t) : ""; }
std::string cn(const std::optional<core::DateTime>& t) {
  if (!t) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d时%02d分", t->hour, t->minute);
  return written(t->date) + buf;
}

/// Writes a record's children and attributes while remembering which record is current, so a
/// dangling person reference is charged to the record that holds it.
class Writer {
 public:
  Writer(const Records& r, const std::string& committee, ComposeInput& result)
      : r_(r), committee_(committee), result_(result) {}

  XmlWriter& x() { return w_; }

  /// Starts a record element with its id and source location.
  void record(const std::string& tag, const std::string& id, const core::SourceLocation& loc) {
    current_ = id;
    w_.open(tag).attr("id", id).attr("at", loc.file.empty() ? "" : loc.file + ":" + std::to_string(loc.line));
  }
  /// A date attribute pair: name="YYYY-MM-DD" name-cn="2009年5月12日".
  template <class D>
  void date(const std::string& name, const D& d) {
    w_.attr(name, iso(d)).attr(name + "-cn", cn(d));
  }
  /// A person reference: name="p1" name-name="张三" name-title="区委常委、组织部部长".
  void person(const std::string& name, const std::string& person_id) {
    if (person_id.empty()) return;
    w_.attr(name, person_id);
    const model::Member* m = r_.member_by_person(committee_, person_id);
    if (m == nullptr) m = r_.any_member_by_person(person_id);
    if (m == nullptr) {
      result_.missing_people[current_].insert(person_id);
      return;
    }
    w_.attr(name + "-name", m->name).attr(name + "-title", m->title);
  }
  /// A <person> child element (for lists of people).
  void person_element(const std::string& tag, const std::string& person_id) {
    w_.open(tag);
    person("ref", person_id);
    w_.close();
  }

 private:
  const Records& r_;
  const std::string& committee_;
  ComposeInput& result_;
  XmlWriter w_;
  std::string current_;
};

template <class T>
std::vector<const T*> of(const std::vector<T>& v, const std::string& committee) {
  std::vector<const T*> out;
  for (const auto& r : v)
    if (r.committee == committee) out.push_back(&r);
  return out;
}

void write_members(Writer& w, const Records& r, const std::string& c) {
  auto& x = w.x();
  x.open("members");
  for (const auto* m : of(r.members, c)) {
    w.record("member", m->id, m->location);
    x.attr("person", m->person).attr("name", m->name).attr("role", model::term(m->role)).attr("title", m->title);
    x.flag("principal", m->principal).flag("standing", m->is_standing());
    if (m->gender) x.attr("gender", model::term(*m->gender));
    for (const auto& p : m->portfolio) x.element("portfolio", p);
    x.close();
  }
  x.close();
}

void write_dy(Writer& w, const Records& r, const std::string& c) {
  auto& x = w.x();
  for (const auto* t : of(r.research_topics, c)) {
    w.record("research-topic", t->id, t->location);
    x.attr("department", t->department).attr("year", t->year);
    w.person("owner", t->owner);
    w.person("set-by", t->set_by);
    w.date("date", t->date);
    x.element("title", t->title);
    x.close();
  }
  for (const auto* rep : of(r.research_reports, c)) {
    w.record("research-report", rep->id, rep->location);
    x.attr("topic", rep->topic);
    w.person("author", rep->author);
    w.person("drafted-by", rep->drafted_by);
    w.date("date", rep->date);
    if (const auto* t = r.find_research_topic(rep->topic)) x.attr("topic-title", t->title);
    x.element("title", rep->title).element("situation", rep->situation).element("analysis", rep->analysis);
    x.element("suggestions", rep->suggestions);
    for (const auto& rec : rep->recommendations) {
      x.open("recommendation");
      if (rec.adoption) x.attr("adoption", model::term(*rec.adoption));
      w.date("adoption-date", rec.adoption_date);
      x.element("text", rec.text);
      x.close();
    }
    x.close();
  }
  for (const auto* s : of(r.field_stays, c)) {
    w.record("field-stay", s->id, s->location);
    w.person("member", s->member);
    x.attr("unit", s->unit_name).attr("unit-kind", model::term(s->unit_kind));
    w.date("start", s->start);
    w.date("end", s->end);
    x.element("findings", s->findings);
    x.close();
  }
  for (const auto* a : of(r.agenda_items, c)) {
    w.record("agenda-item", a->id, a->location);
    w.person("proposer", a->proposer);
    x.attr("meeting", a->meeting).flag("needs-research", a->needs_research);
    x.element("title", a->title);
    for (const auto& o : a->options) x.element("option", o);
    x.close();
  }
}

void write_zx(Writer& w, const Records& r, const std::string& c) {
  auto& x = w.x();
  for (const auto* d : of(r.decisions, c)) {
    w.record("decision", d->id, d->location);
    x.attr("category", model::term(d->category)).attr("meeting", d->meeting);
    w.date("date", d->date);
    w.date("submitted", d->submitted);
    w.date("deadline", d->deadline);
    w.person("responsible", d->responsible);
    x.flag("not-for-release", d->not_for_release);
    x.element("title", d->title);
    x.close();
  }
  for (const auto* k : of(r.consultations, c)) {
    w.record("consultation", k->id, k->location);
    x.attr("decision", k->decision);
    if (const auto* d = r.find_decision(k->decision)) x.attr("decision-title", d->title);
    w.person("organiser", k->organiser);
    x.attr("organiser-department", k->organiser_department);
    w.date("report-date", k->report_date);
    w.date("finished", k->finished);
    w.date("expert-feedback", k->expert_feedback);
    if (k->conclusion) x.attr("conclusion", model::term(*k->conclusion));
    x.flag("process-recorded", k->process_recorded).flag("archived", k->archived);
    x.element("subject", k->subject);
    for (auto f : k->forms) x.element("form", model::term(f));
    for (const auto& p : k->participants) {
      x.open("participant").attr("kind", model::term(p.kind)).attr("name", p.name);
      x.close();
    }
    x.close();
  }
}

void write_bg(Writer& w, const Records& r, const std::string& c) {
  auto& x = w.x();
  for (const auto* d : of(r.directives, c)) {
    w.record("directive", d->id, d->location);
    x.attr("from", d->from).flag("needs-report", d->needs_report);
    w.date("date", d->date);
    w.date("deadline", d->deadline);
    x.element("title", d->title);
    x.close();
  }
  for (const auto* t : of(r.topical_reports, c)) {
    w.record("topical-report", t->id, t->location);
    x.attr("directive", t->directive);
    if (const auto* d = r.find_directive(t->directive)) {
      x.attr("directive-title", d->title).attr("directive-from", d->from);
      w.date("directive-date", d->date);
    }
    w.person("signed-by", t->signed_by);
    w.date("date", t->date);
    x.element("title", t->title);
    x.close();
  }
  for (const auto* e : of(r.emergencies, c)) {
    w.record("emergency", e->id, e->location);
    w.date("occurred", e->occurred);
    w.date("known", e->known);
    w.date("reported", e->reported);
    if (e->reported) x.attr("reported-date", core::format_date(e->reported->date)).attr("reported-date-cn", written(e->reported->date));
    x.attr("reported-to", e->reported_to);
    if (e->occurred && e->reported)
      x.attr("minutes-to-report", core::to_minutes(*e->reported) - core::to_minutes(e->known ? *e->known : *e->occurred));
    x.element("title", e->title);
    x.close();
  }
  for (const auto* p : of(r.party_group_reports, c)) {
    w.record("party-group-report", p->id, p->location);
    x.attr("group", model::term(p->group));
    const int q = p->quarter != 0 ? p->quarter : (p->date ? core::quarter_of(*p->date) : 0);
    x.attr("quarter", q == 0 ? std::string() : std::to_string(q)).attr("meeting", p->meeting);
    w.date("date", p->date);
    x.close();
  }
  for (const auto* p : of(r.work_point_reports, c)) {
    w.record("work-point-report", p->id, p->location);
    x.attr("kind", model::term(p->kind)).attr("year", p->year).flag("written", p->written);
    w.date("date", p->date);
    x.close();
  }
}

void write_tg(Writer& w, const Records& r, const std::string& c) {
  auto& x = w.x();
  for (const auto* m : of(r.meetings, c)) {
    w.record("meeting", m->id, m->location);
    x.attr("kind", model::term(m->kind)).flag("hears-work-reports", m->hears_work_reports);
    w.date("date", m->date);
    w.person("guiding-leader", m->guiding_leader);
    x.element("title", m->title).element("theme", m->theme);
    for (const auto& p : m->attendees) w.person_element("attendee", p);
    for (const auto& a : m->absentees) {
      x.open("absentee");
      w.person("ref", a.person);
      x.attr("reason", a.reason);
      x.close();
    }
    for (const auto& o : m->observers) {
      x.open("observer").attr("name", o.name).attr("organisation", model::term(o.organisation)).attr("title", o.title);
      x.close();
    }
    for (const auto& id : m->agenda) {
      x.open("agenda").attr("ref", id);
      if (const auto* a = r.find_agenda_item(id)) {
        x.attr("title", a->title);
        w.person("proposer", a->proposer);
      }
      x.close();
    }
    for (const auto& d : r.decisions)
      if (d.meeting == m->id && !m->id.empty()) {
        x.open("decided").attr("ref", d.id).attr("title", d.title);
        w.person("responsible", d.responsible);
        w.date("deadline", d.deadline);
        x.close();
      }
    for (const auto& cm : m->corrective_measures) x.element("measure", cm);
    x.close();
  }
  for (const auto* k : of(r.key_work_items, c)) {
    w.record("key-work", k->id, k->location);
    w.person("person", k->person);
    x.attr("person-name-as-written", k->person_name).attr("organisation", k->organisation);
    w.date("start", k->start);
    w.date("end", k->end);
    x.element("work", k->work);
    x.close();
  }
}

void write_jd(Writer& w, const Records& r, const std::string& c) {
  auto& x = w.x();
  for (const auto* e : of(r.evaluations, c)) {
    w.record("evaluation", e->id, e->location);
    x.attr("method", model::term(e->method)).attr("year", e->year);
    w.date("date", e->date);
    for (const auto& v : e->votes) {
      x.open("votes");
      w.person("person", v.person);
      x.attr("valid", v.valid).attr("competent", v.competent).attr("basically-competent", v.basically_competent);
      x.attr("incompetent", v.incompetent).attr("good", v.good).attr("fairly-good", v.fairly_good);
      x.attr("average", v.average).attr("poor", v.poor);
      // rules.md JD-1b: strictly more than one third of the valid votes (votes × 3 > valid).
      x.flag("over-third", v.valid > 0 && (v.incompetent * 3 > v.valid || v.poor * 3 > v.valid));
      x.close();
    }
    x.close();
  }
  for (const auto* a : of(r.admonitions, c)) {
    w.record("admonition", a->id, a->location);
    w.person("person", a->person);
    w.date("date", a->date);
    if (a->corrected) x.attr("corrected", *a->corrected ? "true" : "false");
    x.attr("follow-up", model::term(a->follow_up));
    w.date("follow-up-date", a->follow_up_date);
    for (auto b : a->conducted_by) x.element("conducted-by", model::term(b));
    x.element("problem", a->problem);
    x.close();
  }
  for (const auto* q : of(r.inquiries, c)) {
    w.record("inquiry", q->id, q->location);
    w.person("person", q->person);
    x.attr("issuer", model::term(q->issuer)).flag("about-team", q->about_team).flag("to-principal", q->to_principal);
    w.date("date", q->date);
    w.date("deadline", q->deadline);
    w.date("reply-date", q->reply_date);
    x.attr("follow-up-inquiry", q->follow_up_inquiry);
    x.close();
  }
  for (const auto* t : of(r.travel_leaves, c)) {
    w.record("travel-leave", t->id, t->location);
    w.person("person", t->person);
    x.attr("kind", model::term(t->kind));
    w.date("start", t->start);
    w.date("end", t->end);
    w.date("reported", t->reported);
    w.date("filed", t->filed);
    int days = t->days;
    if (days == 0 && t->start && t->end) days = static_cast<int>(core::days_between(*t->start, *t->end)) + 1;
    x.attr("days", days == 0 ? std::string() : std::to_string(days));
    if (t->start) x.attr("half", core::half_of(*t->start));
    x.attr("destination", t->destination);
    x.element("reason", t->reason);
    for (const auto& a : t->approvals) {
      x.open("approval");
      w.person("approver", a.approver);
      x.attr("role", model::term(a.role));
      w.date("date", a.date);
      x.element("comment", a.comment);
      x.close();
    }
    x.close();
  }
  for (const auto* s : of(r.travel_summaries, c)) {
    w.record("travel-summary", s->id, s->location);
    x.attr("year", s->year).attr("half", s->half).flag("sent-to-org-dept", s->sent_to_org_dept);
    w.date("date", s->date);
    x.close();
  }
}

void write_db(Writer& w, const Records& r, const std::string& c) {
  auto& x = w.x();
  for (const auto* s : of(r.supervision_items, c)) {
    w.record("supervision", s->id, s->location);
    x.attr("source", model::term(s->source)).attr("decision", s->decision);
    if (const auto* d = r.find_decision(s->decision)) {
      x.attr("decision-title", d->title);
      w.date("decision-date", d->date);
    }
    w.person("instructed-by", s->instructed_by);
    w.date("instruction-date", s->instruction_date);
    w.person("responsible", s->responsible);
    w.date("deadline", s->deadline);
    w.date("result-date", s->result_date);
    x.attr("organiser", s->organiser).attr("target", s->target);
    x.element("title", s->title).element("result", s->result);
    for (const auto& a : s->activities) {
      x.open("activity").attr("organiser", a.organiser).attr("target", a.target).flag("media", a.media_invited);
      w.date("date", a.date);
      for (auto m : a.methods) x.element("method", model::term(m));
      x.close();
    }
    if (s->feedback) {
      const auto& f = *s->feedback;
      x.open("feedback");
      w.date("date", f.date);
      // DB-6: the five parts of the feedback, in the clause's order.
      x.element("measures", f.measures).element("experience", f.experience).element("reactions", f.reactions);
      x.element("obstacles", f.obstacles).element("suggestions", f.suggestions);
      x.close();
    }
    x.close();
  }
}

void write_zz(Writer& w, const Records& r, const std::string& c) {
  auto& x = w.x();
  for (const auto* k : of(r.accountability_cases, c)) {
    w.record("accountability", k->id, k->location);
    x.attr("target", model::term(k->target));
    w.person("person", k->person);
    x.attr("team", k->team);
    if (const auto* t = r.find_committee(k->team)) x.attr("team-name", t->name);
    x.attr("deciding-body", k->deciding_body).attr("fault-of", model::term(k->fault_of));
    x.attr("leniency", model::term(k->leniency));
    w.date("date", k->date);
    x.flag("crime-suspected", k->crime_suspected).flag("handed-to-judicial", k->handed_to_judicial);
    for (int code : k->circumstances) x.element("circumstance", std::to_string(code));
    for (const auto& m : k->measures) x.element("measure", m);
    for (const auto& rs : k->responsibilities) {
      x.open("responsibility");
      w.person("person", rs.person);
      x.attr("position", model::term(rs.position)).attr("level", model::term(rs.level));
      x.close();
    }
    x.close();
  }
}

}  // namespace

std::string xml_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;  // not allowed in XML 1.0
        out += static_cast<char>(ch);
    }
  }
  return out;
}

ComposeInput build_compose_input(const model::Records& records, const std::string& committee,
                                 const ComposeInputOptions& options) {
  ComposeInput result;
  Writer w(records, committee, result);
  auto& x = w.x();
  const model::Committee* c = records.find_committee(committee);
  const int year = c != nullptr && c->year != 0 ? c->year : records.effective_year();
  x.open("compose-input").attr("committee", committee).attr("year", year);
  if (c != nullptr) {
    x.attr("name", c->name).attr("short-name", c->short_name).attr("agency-code", c->agency_code);
    x.attr("level", model::term(c->level)).attr("parent", c->parent);
    if (const auto* p = records.find_committee(c->parent)) x.attr("parent-name", p->name).attr("parent-short-name", p->short_name);
  }
  if (const auto* p = records.principal_of(committee)) x.attr("principal", p->person).attr("principal-name", p->name);
  write_members(w, records, committee);
  x.open("records");
  write_dy(w, records, committee);
  write_zx(w, records, committee);
  write_bg(w, records, committee);
  write_tg(w, records, committee);
  write_jd(w, records, committee);
  write_db(w, records, committee);
  write_zz(w, records, committee);
  x.close();
  write_annual_statistics(x, records, committee, options.findings, options.city_wide);
  x.close();
  result.xml = x.take();
  return result;
}

}  // namespace wenshu::compose

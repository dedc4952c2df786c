// model::Records → the templates' input XML (see records_xml.h). Every record is written field
// by field as its kind's descriptor names it (model/record_kinds.h), plus the values the
// templates need computed or looked up; then the statistics the annual report charts.
#include "compose/records_xml.h"

#include <algorithm>
#include <array>
#include <type_traits>

#include "compose/annual_stats.h"
#include "compose/xml_writer.h"
#include "core/date.h"
#include "core/date_text.h"
#include "model/record_facts.h"

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

// ---------------------------------------------------------------------------------------------
// Fields, as the kinds' descriptors name them (model/record_kinds.h): two passes per element,
// attributes first, then child elements.
// ---------------------------------------------------------------------------------------------

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

class AttributePass : public model::SkipFields {
 public:
  explicit AttributePass(Writer& w) : w_(w), x_(w.x()) {}
  void line(const char* name, const std::string& v, model::Out o = {}) {
    if (o.form == model::Out::kSame) x_.attr(o.name_or(name), v);
  }
  void key(const char* name, const std::string& v, const std::string&, model::Out o = {}) { line(name, v, o); }
  template <class D>
  void date_like(const char* name, const D& v, model::Out o) {
    if (o.form == model::Out::kSame) w_.date(o.name_or(name), v);
  }
  void date(const char* name, const std::optional<core::Date>& v, model::Out o = {}) { date_like(name, v, o); }
  void datetime(const char* name, const std::optional<core::DateTime>& v, model::Out o = {}) { date_like(name, v, o); }
  void flag(const char* name, bool v, bool, model::Out o = {}) {
    if (o.form == model::Out::kSame) x_.flag(o.name_or(name), v);
  }
  void maybe_flag(const char* name, const std::optional<bool>& v, model::Out o = {}) {
    if (v && o.form == model::Out::kSame) x_.attr(o.name_or(name), *v ? "true" : "false");
  }
  /// A negative fallback means "not stated": such a value is left out rather than written as -1.
  void integer(const char* name, int v, int fallback, model::Out o = {}) {
    if (o.form == model::Out::kSame && !(fallback < 0 && v == fallback)) x_.attr(o.name_or(name), v);
  }
  void year(const char* name, int v, const std::optional<core::Date>*, model::Out o = {}) { integer(name, v, 0, o); }
  template <class E>
  void term(const char* name, E v, E, model::Out o = {}) {
    if (o.form == model::Out::kSame) x_.attr(o.name_or(name), model::term(v));
  }
  template <class E>
  void term(const char* name, const std::optional<E>& v, model::Out o = {}) {
    if (v && o.form == model::Out::kSame) x_.attr(o.name_or(name), model::term(*v));
  }
  void person(const char* name, const std::string& v, model::Out o = {}) {
    if (o.form == model::Out::kSame) w_.person(o.name_or(name), v);
  }
  template <class... Kinds>
  void ref(const char* name, const std::string& v, model::RefTo<Kinds...>, model::Out o = {}) {
    line(name, v, o);
  }
  template <class... Kinds>
  void refs(const char* name, const std::vector<std::string>& v, model::RefTo<Kinds...>, model::Out o = {}) {
    line(name, joined(v), o);
  }
  // Written as child elements (ChildPass).

 private:
  Writer& w_;
  XmlWriter& x_;
};

template <class Part>
void write_part(Writer& w, const Records& r, const char* tag, const Part& part);

class ChildPass : public model::SkipFields {
 public:
  ChildPass(Writer& w, const Records& r) : w_(w), r_(r), x_(w.x()) {}
  void line(const char* name, const std::string& v, model::Out o = {}) {
    if (o.form == model::Out::kElement) x_.element(o.name_or(name), v);
  }
  void prose(const char* name, const std::string& v, model::Out o = {}) {
    if (o.form != model::Out::kSkip) x_.element(o.name_or(name), v);
  }
  void lines(const char* name, const std::vector<std::string>& v, model::Out o = {}) {
    if (o.form == model::Out::kSkip) return;
    for (const auto& s : v) x_.element(o.name_or(name), s);
  }
  void own_text(const std::string& v, model::Out o = {}) { x_.element(o.name_or("text"), v); }
  void integers(const char* name, const std::vector<int>& v, model::Out o = {}) {
    for (int i : v) x_.element(o.name_or(name), std::to_string(i));
  }
  template <class E>
  void terms(const char* name, const std::vector<E>& v, model::Out o = {}) {
    for (auto e : v) x_.element(o.name_or(name), model::term(e));
  }
  void persons(const char* name, const std::vector<std::string>& v, model::Out o = {}) {
    for (const auto& p : v) w_.person_element(o.name_or(name), p);
  }
  template <class C>
  void children(const char* name, const std::vector<C>& v, model::Out o = {}) {
    for (const auto& part : v) write_part(w_, r_, o.name_or(name), part);
  }
  template <class C>
  void child(const char* name, const std::optional<C>& v, model::Out o = {}) {
    if (v) write_part(w_, r_, o.name_or(name), *v);
  }
  // Written as attributes (AttributePass).

 private:
  Writer& w_;
  const Records& r_;
  XmlWriter& x_;
};

// ---------------------------------------------------------------------------------------------
// What the templates get besides the fields: values computed from them and the titles and
// dates of the records they refer to.
// ---------------------------------------------------------------------------------------------

template <class T>
void extra_attributes(Writer&, const Records&, const T&) {}
template <class T>
void extra_children(Writer&, const Records&, const T&) {}

void extra_attributes(Writer& w, const Records&, const model::Member& m) { w.x().flag("standing", m.is_standing()); }

void extra_attributes(Writer& w, const Records& r, const model::ResearchReport& rep) {
  if (const auto* t = r.find_research_topic(rep.topic)) w.x().attr("topic-title", t->title);
}

void extra_attributes(Writer& w, const Records& r, const model::Consultation& k) {
  if (const auto* d = r.find_decision(k.decision)) w.x().attr("decision-title", d->title);
}

void extra_attributes(Writer& w, const Records& r, const model::TopicalReport& t) {
  if (const auto* d = r.find_directive(t.directive)) {
    w.x().attr("directive-title", d->title).attr("directive-from", d->from);
    w.date("directive-date", d->date);
  }
}

void extra_attributes(Writer& w, const Records&, const model::Emergency& e) {
  auto& x = w.x();
  if (e.reported) x.attr("reported-date", core::format_date(e.reported->date)).attr("reported-date-cn", written(e.reported->date));
  if (e.occurred && e.reported)
    x.attr("minutes-to-report", core::to_minutes(*e.reported) - core::to_minutes(e.known ? *e.known : *e.occurred));
}

// The quarter and a leave's length are computed from the dates where the record has them
// (model/record_facts.h); a stated value that disagrees is a finding of the rules.
void extra_attributes(Writer& w, const Records&, const model::PartyGroupReport& p) {
  const int q = model::report_quarter(p);
  w.x().attr("quarter", q == 0 ? std::string() : std::to_string(q));
}

void extra_attributes(Writer& w, const Records&, const model::TravelLeave& t) {
  const int days = model::leave_length(t).days;
  w.x().attr("days", days == 0 ? std::string() : std::to_string(days));
  if (t.start) w.x().attr("half", core::half_of(*t.start));
}

void extra_attributes(Writer& w, const Records&, const model::VoteCount& v) {
  // rules.md JD-1b: strictly more than one third of the valid votes (votes × 3 > valid).
  w.x().flag("over-third", v.valid > 0 && (v.incompetent * 3 > v.valid || v.poor * 3 > v.valid));
}

void extra_attributes(Writer& w, const Records& r, const model::SupervisionItem& s) {
  if (const auto* d = r.find_decision(s.decision)) {
    w.x().attr("decision-title", d->title);
    w.date("decision-date", d->date);
  }
}

void extra_attributes(Writer& w, const Records& r, const model::AccountabilityCase& k) {
  if (const auto* t = r.find_committee(k.team)) w.x().attr("team-name", t->name);
}

/// A meeting's agenda items with their titles and proposers, and the decisions taken at it.
void extra_children(Writer& w, const Records& r, const model::Meeting& m) {
  auto& x = w.x();
  for (const auto& id : m.agenda) {
    x.open("agenda").attr("ref", id);
    if (const auto* a = r.find_agenda_item(id)) {
      x.attr("title", a->title);
      w.person("proposer", a->proposer);
    }
    x.close();
  }
  if (m.id.empty()) return;
  for (const auto& d : r.decisions)
    if (d.meeting == m.id) {
      x.open("decided").attr("ref", d.id).attr("title", d.title);
      w.person("responsible", d.responsible);
      w.date("deadline", d.deadline);
      x.close();
    }
}

template <class Part>
void fields(Writer& w, const Records& r, const Part& part) {
  AttributePass attributes(w);
  model::describe(attributes, part);
  extra_attributes(w, r, part);
  ChildPass children(w, r);
  model::describe(children, part);
  extra_children(w, r, part);
}

template <class Part>
void write_part(Writer& w, const Records& r, const char* tag, const Part& part) {
  w.x().open(tag);
  fields(w, r, part);
  w.x().close();
}

/// Every record of kind R of `committee`, in input order.
template <class R>
void write_kind(Writer& w, const Records& r, const std::string& committee) {
  for (const auto& rec : model::all_of<R>(r)) {
    if (rec.committee != committee) continue;
    w.record(std::string(model::Kind<R>::composed), rec.id, rec.location);
    fields(w, r, rec);
    w.x().close();
  }
}

void write_records(Writer& w, const Records& r, const std::string& committee) {
  w.x().open("members");
  write_kind<model::Member>(w, r, committee);
  w.x().close();
  w.x().open("records");
  model::for_each_kind([&]<class R>(std::type_identity<R>) {
    if constexpr (!std::is_same_v<R, model::Committee> && !std::is_same_v<R, model::Member>)
      write_kind<R>(w, r, committee);
  });
  w.x().close();
}

}  // namespace

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
  // Every committee of the records, so a template names a body by its full name where a record
  // gives its id (a directive's `from`, an emergency's `reported-to`): docs/templates.md.
  x.open("bodies");
  for (const auto& b : records.committees) {
    x.open("body").attr("id", b.id).attr("name", b.name).attr("short-name", b.short_name);
    x.close();
  }
  x.close();
  write_records(w, records, committee);
  write_annual_statistics(x, records, committee, options.findings, options.city_wide);
  x.close();
  result.xml = x.take();
  return result;
}

}  // namespace wenshu::compose
